"""The Graph API surface: ``/{vNN.N}/{node}`` and ``/{vNN.N}/{node}/{edge}``.

Each call is authenticated (``Authorization: Bearer``, ``OAuth`` for the upload API,
or ``access_token=``), may be hit by an injected fault, is dispatched by what the node
id is (a phone number, the WABA, the app, a media item, an upload session), and answers
JSON, or an error in Meta's shape.
"""

from __future__ import annotations

import asyncio
import contextvars
import re
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from wadesk.sim import analytics, errors, media, profile, sending, templates, uploads
from wadesk.sim.account import DEFAULT_PHONE_FIELDS

_VERSION = re.compile(r"^v\d{1,2}\.\d$")
# Set while a lost-response fault drops a connection on purpose, so that the server's
# "returned without completing response" complaint can be silenced for that one only.
INTENTIONAL_DROP: contextvars.ContextVar[bool] = contextvars.ContextVar("intentional_drop", default=False)
Handler = Callable[[Any, Request, str], Awaitable[Any]]


class DroppedResponse(Response):
    """Headers go out, then the connection closes before the body: the client sees a
    broken response and cannot know whether its call was carried out."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        INTENTIONAL_DROP.set(True)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", b"512")]})


def _token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() in ("bearer", "oauth") and value.strip():
        return value.strip()
    return request.query_params.get("access_token")


def error_response(sim: Any, error: errors.GraphError) -> JSONResponse:
    trace = sim.ids.fbtrace_id()
    headers = {"x-fb-trace-id": trace, "x-fb-request-id": trace}
    if error.code == 190:
        headers["www-authenticate"] = 'OAuth "Facebook Platform" "invalid_token" "' + error.message + '"'
    return JSONResponse(error.body(trace), status_code=error.http_status, headers=headers)


async def _run(request: Request, endpoint: str, handler: Handler, node: str) -> Response:
    sim = request.app.state.sim
    sim.remember_url(str(request.base_url))
    sim.counts["graph_calls"] += 1
    try:
        sim.account.check_token(_token(request))
        fault = sim.faults.take("http_error", endpoint)
        if fault is not None:
            status = int(fault.get("status", 500))
            raise errors.server_error(status, int(fault.get("code", 2 if status == 503 else 131000)))
        fault = sim.faults.take("timeout", endpoint)
        if fault is not None:
            await asyncio.sleep(float(fault.get("seconds", 30)))
            raise errors.server_error(503, 2)
        result = await handler(sim, request, node)
    except errors.GraphError as exc:
        sim.counts["graph_errors"] += 1
        return error_response(sim, exc)
    lost = sim.faults.take("lost_response", endpoint)
    if lost is not None:
        if lost.get("mode", "drop") == "drop":
            return DroppedResponse()
        await asyncio.sleep(float(lost.get("seconds", 30)))
    if isinstance(result, Response):
        return result
    return JSONResponse(result, headers={"x-fb-trace-id": sim.ids.fbtrace_id()})


async def _phone_node(sim: Any, request: Request, phone_number_id: str) -> dict[str, Any]:
    number = sim.account.number(phone_number_id, "get")
    wanted = [f.strip() for f in request.query_params.get("fields", "").split(",") if f.strip()]
    values = number.fields()
    for name in wanted:
        if name not in values:
            raise errors.nonexisting_field(name, "WhatsAppBusinessPhoneNumber")
    return {k: values[k] for k in (wanted or DEFAULT_PHONE_FIELDS)} | {"id": number.phone_number_id}


async def _phone_numbers(sim: Any, request: Request, waba_id: str) -> dict[str, Any]:
    items = [{k: n.fields()[k] for k in DEFAULT_PHONE_FIELDS} for n in sim.account.numbers.values()]
    return {"data": items, "paging": {"cursors": {"before": "QVFIU", "after": "QVFIU"}}}


def _unknown(node: str, method: str) -> Handler:
    async def handler(sim: Any, request: Request, _node: str) -> Any:
        raise errors.unknown_object(node, method)
    return handler


def _unknown_path(path: str) -> Handler:
    async def handler(sim: Any, request: Request, _node: str) -> Any:
        raise errors.unknown_path(path)
    return handler


def _bad_version(version: str) -> Response:
    body = errors.GraphError(2500, message=f"Unknown path components: /{version}", error_data=False)
    return JSONResponse(body.body("A0000000000000000000000"), status_code=400)


async def node(request: Request) -> Response:
    version, node_id = request.path_params["version"], request.path_params["node"]
    if not _VERSION.match(version):
        return _bad_version(version)
    sim, method = request.app.state.sim, request.method
    account = sim.account
    endpoint, handler = "any", _unknown(node_id, method)
    if node_id.startswith("upload:"):
        if method == "GET":
            endpoint, handler = "uploads", uploads.status
        elif method == "POST":
            endpoint, handler = "uploads", uploads.append
    elif method == "GET" and node_id in account.numbers:
        endpoint, handler = "phone", _phone_node
    elif method == "GET" and node_id == account.waba_id:
        endpoint, handler = "waba", analytics.waba_node
    elif method == "GET":
        endpoint, handler = "media_info", media.info
    elif method == "DELETE":
        endpoint, handler = "media", media.delete
    return await _run(request, endpoint, handler, node_id)


EDGES: dict[tuple[str, str, str], tuple[str, Handler]] = {
    ("phone", "POST", "messages"): ("messages", sending.send),
    ("phone", "POST", "media"): ("media", media.upload),
    ("phone", "GET", "whatsapp_business_profile"): ("profile", profile.read),
    ("phone", "POST", "whatsapp_business_profile"): ("profile", profile.write),
    ("waba", "GET", "message_templates"): ("templates", templates.list_templates),
    ("waba", "POST", "message_templates"): ("templates", templates.create_template),
    ("waba", "DELETE", "message_templates"): ("templates", templates.delete_template),
    ("waba", "GET", "template_analytics"): ("waba", analytics.template_analytics),
    ("waba", "GET", "phone_numbers"): ("waba", _phone_numbers),
    ("app", "POST", "uploads"): ("uploads", uploads.start),
}


async def edge(request: Request) -> Response:
    version = request.path_params["version"]
    node_id, edge_name = request.path_params["node"], request.path_params["edge"]
    if not _VERSION.match(version):
        return _bad_version(version)
    account = request.app.state.sim.account
    if node_id in account.numbers:
        kind = "phone"
    elif node_id == account.waba_id:
        kind = "waba"
    else:
        kind = "app"  # Meta says "unknown object" for a wrong app id too (uploads.start checks it)
    found = EDGES.get((kind, request.method, edge_name))
    if found is None:
        if kind == "app" and edge_name != "uploads":
            return await _run(request, "any", _unknown(node_id, request.method), node_id)
        return await _run(request, "any", _unknown_path(f"/{edge_name}"), node_id)
    endpoint, handler = found
    return await _run(request, endpoint, handler, node_id)
