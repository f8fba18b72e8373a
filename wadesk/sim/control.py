"""The simulator's own HTTP API under ``/_sim`` (no token: bind it to loopback), used by
tests and the demo to make customers act, move the clock and inject faults.

| call | body | answer |
| --- | --- | --- |
| GET /_sim/state | | account, clock, webhook (url, verification, counts), faults, limits, chatter, customers, counts |
| GET /_sim/messages[?customer=&since=N] | | {"data": [what the business sent, with planned and played statuses], "next_since"} |
| GET /_sim/inbound[?customer=] | | {"data": [{"phone_number_id", "customer", "message", "read"}]} |
| GET /_sim/webhooks[?since=ID&payloads=0] | | {"data": [{"id", "state", "attempts", "duplicate_of", "payload"}], url, verification, counts} |
| GET /_sim/customers, /_sim/customers/{id} | | customers (id is the persona key, wa_id or BSUID) with window_closes_at |
| POST /_sim/customers | {"name", "wa_id"?, "user_id"?, "username"?, "language"?, "id"?} | the new customer |
| POST /_sim/customers/{id}/say | a spec (see `wadesk.sim.inbound`), or {} for the persona's next scripted message; "phone_number_id"? | {"customer", "message"} |
| POST /_sim/chatter | {"interval": seconds or null, "auto_answers": bool} | {"interval", "auto_answers"} |
| POST /_sim/chatter/step | | {"customer", "message"}: one spontaneous message now |
| GET/POST /_sim/clock | {"frozen": bool, "now": unix seconds} | {"now", "timestamp", "frozen"} |
| POST /_sim/clock/advance | {"seconds"?, "minutes"?, "hours"?} | the clock |
| GET/POST/DELETE /_sim/faults | {"kind", "count"?, ...} (see `wadesk.sim.faults`); "expire_token" {"in_seconds"?}; "burst" {"count", "batched", "customers"?} | the fault, or the burst's messages |
| POST /_sim/token | {"token"?} | {"access_token"}: a new valid token; the old one answers "expired" |
| POST /_sim/webhook | {"url", "verify_token"?, "app_secret"?} | the webhook state after a fresh handshake |
| POST /_sim/templates/{id or name}/status | {"status", "language"?, "reason"?} | the template; a message_template_status_update webhook goes out |
| GET/POST /_sim/limits | {"throughput"?, "throughput_burst"?, "pair_rate_interval"?, "pair_rate_burst"?} | the limits |

Errors: {"error": "..."} with 400 (bad request) or 404 (unknown customer or template).
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from wadesk.sim import inbound
from wadesk.sim.faults import COUNTED


class ControlError(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ControlError("the body must be JSON") from None
    if not isinstance(body, dict):
        raise ControlError("the body must be a JSON object")
    return body


def _sim(request: Request) -> Any:
    return request.app.state.sim


def _customer(request: Request) -> Any:
    ref = request.path_params["customer"]
    customer = _sim(request).customers.find(ref)
    if customer is None:
        raise ControlError(f"no customer {ref!r}", 404)
    return customer


def _number(sim: Any, body: dict[str, Any]) -> Any:
    pid = body.get("phone_number_id")
    if pid is None:
        return sim.account.default_number
    if pid not in sim.account.numbers:
        raise ControlError(f"no business number {pid!r}", 404)
    return sim.account.numbers[pid]


def endpoint(handler: Any) -> Any:
    async def wrapped(request: Request) -> JSONResponse:
        try:
            result = await handler(request)
        except ControlError as exc:
            return JSONResponse({"error": str(exc)}, status_code=exc.status)
        except (inbound.SpecError, ValueError, TypeError, KeyError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(result)
    return wrapped


@endpoint
async def state(request: Request) -> dict[str, Any]:
    return _sim(request).snapshot()


@endpoint
async def messages(request: Request) -> dict[str, Any]:
    """What the business sent, oldest first; ?customer=, ?since=<index>."""
    sim, query = _sim(request), request.query_params
    since = int(query.get("since", "0"))
    customer = sim.customers.find(query["customer"]) if query.get("customer") else None
    items = [m.to_json() for m in sim.outbox.items[since:]
             if customer is None or m.customer == customer.key]
    return {"data": items, "next_since": len(sim.outbox.items)}


@endpoint
async def inbound_messages(request: Request) -> dict[str, Any]:
    sim, query = _sim(request), request.query_params
    customer = sim.customers.find(query["customer"]) if query.get("customer") else None
    return {"data": [e for e in sim.inbound.items if customer is None or e["customer"] == customer.key]}


@endpoint
async def webhooks(request: Request) -> dict[str, Any]:
    """The delivery log: ?since=<delivery id>, ?payloads=0 to leave the bodies out."""
    sim, query = _sim(request), request.query_params
    since = int(query.get("since", "0"))
    with_payload = query.get("payloads", "1") != "0"
    return {"data": [d.summary(with_payload) for d in sim.webhooks.log if d.id > since],
            **sim.webhooks.snapshot()}


@endpoint
async def customers(request: Request) -> dict[str, Any]:
    sim = _sim(request)
    pid = sim.account.default_number.phone_number_id
    return {"data": [c.to_json(sim.windows, pid) for c in sim.customers.all.values()]}


@endpoint
async def customer(request: Request) -> dict[str, Any]:
    sim = _sim(request)
    return _customer(request).to_json(sim.windows, sim.account.default_number.phone_number_id)


@endpoint
async def add_customer(request: Request) -> dict[str, Any]:
    body = await _body(request)
    sim = _sim(request)
    wa_id = "".join(ch for ch in str(body.get("wa_id", "")) if ch.isdigit()) or None
    added = sim.customers.add(name=str(body.get("name", "")), wa_id=wa_id, user_id=body.get("user_id"),
                              username=body.get("username"), language=str(body.get("language", "de")),
                              key=body.get("id"))
    return added.to_json(sim.windows, sim.account.default_number.phone_number_id)


@endpoint
async def say(request: Request) -> dict[str, Any]:
    """Make a customer send a message now (see `wadesk.sim.inbound` for the spec);
    an empty body sends the persona's next scripted message."""
    sim, who, body = _sim(request), _customer(request), await _body(request)
    number = _number(sim, body)
    spec = {k: v for k, v in body.items() if k != "phone_number_id"} or sim.behaviour.next_spec(who)
    message = inbound.receive(sim, who, spec, number)
    return {"customer": who.key, "message": message}


@endpoint
async def chatter(request: Request) -> dict[str, Any]:
    sim, body = _sim(request), await _body(request)
    if "auto_answers" in body:
        sim.behaviour.auto_answers = bool(body["auto_answers"])
    if "interval" in body:
        interval = body["interval"]
        sim.behaviour.set_chatter(float(interval) if interval else None)
    return {"interval": sim.behaviour.chatter_interval, "auto_answers": sim.behaviour.auto_answers}


@endpoint
async def chatter_step(request: Request) -> dict[str, Any]:
    return _sim(request).behaviour.step()


@endpoint
async def clock(request: Request) -> dict[str, Any]:
    sim = _sim(request)
    if request.method == "POST":
        body = await _body(request)
        if "now" in body:
            sim.clock.set(float(body["now"]))
        if body.get("frozen") is True:
            sim.clock.freeze()
        elif body.get("frozen") is False:
            sim.clock.unfreeze()
    return sim.clock.snapshot()


@endpoint
async def clock_advance(request: Request) -> dict[str, Any]:
    sim, body = _sim(request), await _body(request)
    seconds = float(body.get("seconds", 0)) + 60 * float(body.get("minutes", 0)) + 3600 * float(body.get("hours", 0))
    sim.clock.advance(seconds)
    return sim.clock.snapshot()


@endpoint
async def faults(request: Request) -> dict[str, Any]:
    sim = _sim(request)
    if request.method == "DELETE":
        sim.faults.clear()
        return sim.faults.snapshot()
    if request.method == "GET":
        return sim.faults.snapshot()
    body = await _body(request)
    kind = body.pop("kind", None)
    if kind == "expire_token":
        sim.account.expire_token(float(body.get("in_seconds", 0)))
        return {"kind": kind, "token_expires_at": sim.account.token_expires_at}
    if kind == "burst":
        people = [_require_customer(sim, ref) for ref in body.get("customers", [])] or None
        sent = inbound.burst(sim, int(body.get("count", 10)), batched=bool(body.get("batched", True)),
                             customers=people, number=_number(sim, body))
        return {"kind": kind, "messages": sent}
    if kind not in COUNTED:
        raise ControlError(f"unknown fault kind {kind!r}; use one of "
                           f"{', '.join(COUNTED + ('expire_token', 'burst'))}")
    count = int(body.pop("count", 1))
    return sim.faults.add(kind, count, **body).to_json()


def _require_customer(sim: Any, ref: str) -> Any:
    found = sim.customers.find(ref)
    if found is None:
        raise ControlError(f"no customer {ref!r}", 404)
    return found


@endpoint
async def token(request: Request) -> dict[str, Any]:
    sim, body = _sim(request), await _body(request)
    return {"access_token": sim.account.rotate_token(body.get("token"))}


@endpoint
async def webhook(request: Request) -> dict[str, Any]:
    """Point webhooks somewhere else (and verify it at once): {"url", "verify_token"?, "app_secret"?}."""
    sim, body = _sim(request), await _body(request)
    if body.get("app_secret"):
        sim.account.app_secret = str(body["app_secret"])
    sim.webhooks.configure(body.get("url"), body.get("verify_token"))
    await sim.webhooks.verify(force=True)
    return sim.webhooks.snapshot()


@endpoint
async def template_status(request: Request) -> dict[str, Any]:
    sim, body = _sim(request), await _body(request)
    ref = request.path_params["template"]
    found = sim.templates.by_id(ref) or next(
        (t for t in sim.templates.items if t.name == ref and t.language == body.get("language", t.language)), None)
    if found is None:
        raise ControlError(f"no template {ref!r}", 404)
    status = str(body.get("status", "")).upper()
    if status not in ("APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED", "IN_APPEAL"):
        raise ControlError("status must be APPROVED, PENDING, REJECTED, PAUSED, DISABLED or IN_APPEAL")
    sim.templates.set_status(found, status, body.get("reason"))
    return found.to_json()


@endpoint
async def limits(request: Request) -> dict[str, Any]:
    sim, body = _sim(request), await _body(request)
    if body:
        sim.limits.configure(**{k: body[k] for k in ("throughput", "throughput_burst", "pair_rate_interval",
                                                     "pair_rate_burst") if k in body})
    return sim.limits.snapshot()


routes = [
    Route("/state", state),
    Route("/messages", messages),
    Route("/inbound", inbound_messages),
    Route("/webhooks", webhooks),
    Route("/customers", customers),
    Route("/customers", add_customer, methods=["POST"]),
    Route("/customers/{customer}", customer),
    Route("/customers/{customer}/say", say, methods=["POST"]),
    Route("/chatter", chatter, methods=["POST"]),
    Route("/chatter/step", chatter_step, methods=["POST"]),
    Route("/clock", clock, methods=["GET", "POST"]),
    Route("/clock/advance", clock_advance, methods=["POST"]),
    Route("/faults", faults, methods=["GET", "POST", "DELETE"]),
    Route("/token", token, methods=["POST"]),
    Route("/webhook", webhook, methods=["POST"]),
    Route("/templates/{template}/status", template_status, methods=["POST"]),
    Route("/limits", limits, methods=["GET", "POST"]),
]
