"""Labels: admins define them, everyone puts them on conversations and messages.

    GET    /api/v1/labels                      -> {"labels": [{"id", "name", "colour"}]} (read)
    POST   /api/v1/labels                      {"name", "colour"} -> 201      (labels.manage)
    PATCH  /api/v1/labels/{id}                 {"name"?, "colour"?}           (labels.manage)
    DELETE /api/v1/labels/{id}                 -> 204                         (labels.manage)
    POST   /api/v1/labels/{id}/apply           {"conversation_id"} or {"wamid" | "client_id"}
    POST   /api/v1/labels/{id}/remove          the same                               (label)

Every change is an event (label.created/updated/deleted, label.set/unset), so every
desktop shows it, and is audited.
"""

from __future__ import annotations

import re
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from wadesk.relay.access import ApiError, require
from wadesk.relay.api_util import body_id, ok, path_id, read_json, text_field
from wadesk.relay.event_write import emit
from wadesk.store import conversations, labels, people, team_queries
from wadesk.store.apply_team_events import conversation_ref, find_message_id
from wadesk.store.contacts import get_contact

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
NAME_MAX = 40


def _colour(body: dict[str, Any], required: bool) -> str | None:
    colour = body.get("colour")
    if colour is None and not required:
        return None
    if not isinstance(colour, str) or not _COLOUR.fullmatch(colour):
        raise ApiError(400, "invalid", "colour must look like #1A2B3C.")
    return colour.upper()


def routes(ctx: Any) -> list[BaseRoute]:
    async def list_all(request: Request) -> JSONResponse:
        await require(request, ctx, "read")
        found = await ctx.read(labels.list_labels)
        return ok({"labels": [{"id": l.id, "name": l.name, "colour": l.colour} for l in found]})

    async def create(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "labels.manage")
        body = await read_json(request, 8 * 1024)
        name = text_field(body, "name", max_len=NAME_MAX)
        colour = _colour(body, required=True)

        def write(conn: Any) -> int:
            if team_queries.label_named(conn, name) is not None:
                raise ApiError(409, "name_taken", "There is already a label with this name.")
            label_id = team_queries.next_id(conn, "labels")
            emit(conn, "label.created", {"label_id": label_id, "name": name, "colour": colour,
                                         "created_at": int(time.time())},
                 actor_id=caller.person.id)
            people.audit(conn, caller.person, "label.created", f"label:{label_id}")
            return label_id

        label_id = await ctx.write(write)
        return ok({"id": label_id, "name": name, "colour": colour}, 201)

    async def update(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "labels.manage")
        label_id = path_id(request, "label_id")
        body = await read_json(request, 8 * 1024)
        name = text_field(body, "name", max_len=NAME_MAX, required=False)
        colour = _colour(body, required=False)

        def write(conn: Any) -> dict[str, Any]:
            current = next((l for l in labels.list_labels(conn) if l.id == label_id), None)
            if current is None:
                raise ApiError(404, "label_not_found", "There is no such label.")
            other = team_queries.label_named(conn, name) if name else None
            if other is not None and other != label_id:
                raise ApiError(409, "name_taken", "There is already a label with this name.")
            payload = {"label_id": label_id, "name": name or current.name,
                       "colour": colour or current.colour, "created_at": current.created_at}
            emit(conn, "label.updated", payload, actor_id=caller.person.id)
            people.audit(conn, caller.person, "label.updated", f"label:{label_id}")
            return payload

        payload = await ctx.write(write)
        return ok({"id": label_id, "name": payload["name"], "colour": payload["colour"]})

    async def delete(request: Request) -> Response:
        caller = await require(request, ctx, "labels.manage")
        label_id = path_id(request, "label_id")

        def write(conn: Any) -> None:
            if not team_queries.label_exists(conn, label_id):
                raise ApiError(404, "label_not_found", "There is no such label.")
            emit(conn, "label.deleted", {"label_id": label_id}, actor_id=caller.person.id)
            people.audit(conn, caller.person, "label.deleted", f"label:{label_id}")

        await ctx.write(write)
        return Response(status_code=204)

    def link(present: bool):  # noqa: ANN202 - a handler factory
        async def handler(request: Request) -> JSONResponse:
            caller = await require(request, ctx, "label")
            label_id = path_id(request, "label_id")
            body = await read_json(request, 8 * 1024)
            message = {k: body.get(k) for k in ("wamid", "client_id") if isinstance(body.get(k), str)}
            if (body.get("conversation_id") is None) == (not message):
                raise ApiError(400, "invalid", "Give conversation_id, or wamid or client_id.")
            conversation_id = body_id(body, "conversation_id", required=False)

            def write(conn: Any) -> None:
                if not team_queries.label_exists(conn, label_id):
                    raise ApiError(404, "label_not_found", "There is no such label.")
                payload: dict[str, Any] = {"label_id": label_id, "conversation": None,
                                           "message": None}
                if conversation_id is not None:
                    conversation = conversations.get_conversation(conn, conversation_id)
                    if conversation is None:
                        raise ApiError(404, "conversation_not_found", "There is no such conversation.")
                    contact = get_contact(conn, conversation.contact_id)
                    assert contact is not None
                    payload["conversation"] = conversation_ref(
                        conversation.id, conversation.phone_number_id, contact.wa_id, contact.user_id)
                    target = f"conversation:{conversation.id}"
                else:
                    if find_message_id(conn, message) is None:
                        raise ApiError(404, "message_not_found", "There is no such message.")
                    payload["message"] = {"wamid": message.get("wamid"),
                                          "client_id": message.get("client_id")}
                    target = f"message:{message.get('wamid') or message.get('client_id')}"
                kind = "label.set" if present else "label.unset"
                emit(conn, kind, payload, actor_id=caller.person.id)
                people.audit(conn, caller.person, kind, target, {"label_id": label_id})

            await ctx.write(write)
            return ok({"label_id": label_id, "applied": present})

        return handler

    return [
        Route("/api/v1/labels", list_all, methods=["GET"]),
        Route("/api/v1/labels", create, methods=["POST"]),
        Route("/api/v1/labels/{label_id}", update, methods=["PATCH"]),
        Route("/api/v1/labels/{label_id}", delete, methods=["DELETE"]),
        Route("/api/v1/labels/{label_id}/apply", link(True), methods=["POST"]),
        Route("/api/v1/labels/{label_id}/remove", link(False), methods=["POST"]),
    ]
