"""The team API: who works on which conversation, notes, quick replies, the audit log;
and the one `routes(ctx)` that app.py mounts for all team endpoints (login, people,
labels are in their own modules).

    POST   /api/v1/conversations/{id}/assign  {"assignee_id": int | null}       (assign)
    GET    /api/v1/conversations/{id}/notes   -> {"notes": [...]}                 (read)
    POST   /api/v1/conversations/{id}/notes   {"text", "client_id"?} -> 201 {"id", ...}
                                              (note) the same client_id again: the same
                                              answer and no second note; with other
                                              text or elsewhere: 409 client_id_reused
    DELETE /api/v1/notes/{id}                 the author, or an admin -> 204      (note)
    GET    /api/v1/quick-replies              -> {"quick_replies": [...]}         (read)
    POST   /api/v1/quick-replies              {"shortcut", "text"} -> 201  (quick_replies.manage)
    PATCH  /api/v1/quick-replies/{id}         {"shortcut"?, "text"?}       (quick_replies.manage)
    DELETE /api/v1/quick-replies/{id}         -> 204                       (quick_replies.manage)
    GET    /api/v1/audit?before_id=&limit=    -> {"entries": [...], "next_before_id"}
                                                                          (audit.read: owners)

Every change is an event applied in the same transaction (so every desktop sees it)
and an audit entry; note and quick-reply texts are in the events, never in the audit.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from wadesk.core import send_failure_texts as texts
from wadesk.relay import labels_api, login_api, people_api
from wadesk.relay.access import ApiError, require
from wadesk.relay.api_util import body_id, ok, path_id, query_int, read_json, text_field
from wadesk.relay.event_write import emit
from wadesk.relay.send_request import is_client_id
from wadesk.store import conversations, notes, people, quick_replies, team_queries
from wadesk.store.apply_team_events import conversation_ref
from wadesk.store.contacts import get_contact
from wadesk.store.conversations import Conversation

NOTE_MAX = 4096
SHORTCUT_MAX = 32
QUICK_REPLY_MAX = 4096


def routes(ctx: Any) -> list[BaseRoute]:
    return [*login_api.routes(ctx), *people_api.routes(ctx), *labels_api.routes(ctx),
            *_conversation_routes(ctx), *_quick_reply_routes(ctx), *_audit_routes(ctx)]


def _conversation(conn: Any, conversation_id: int) -> tuple[Conversation, dict[str, Any]]:
    conversation = conversations.get_conversation(conn, conversation_id)
    if conversation is None:
        raise ApiError(404, "conversation_not_found", texts.CONVERSATION_NOT_FOUND)
    contact = get_contact(conn, conversation.contact_id)
    assert contact is not None
    return conversation, conversation_ref(conversation.id, conversation.phone_number_id,
                                          contact.wa_id, contact.user_id)


def _conversation_routes(ctx: Any) -> list[BaseRoute]:
    async def assign(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "assign")
        conversation_id = path_id(request, "conversation_id")
        body = await read_json(request, 8 * 1024)
        if "assignee_id" not in body:
            raise ApiError(400, "invalid", "Give assignee_id (a person's id, or null).")
        assignee_id = body_id(body, "assignee_id", required=False)

        def write(conn: Any) -> dict[str, Any]:
            conversation, ref = _conversation(conn, conversation_id)
            name = None
            if assignee_id is not None:
                assignee = people.get_person(conn, assignee_id)
                if assignee is None or assignee.disabled_at is not None:
                    raise ApiError(404, "person_not_found", "There is no such active person.")
                name = assignee.name
            payload = {"conversation": ref,
                       "assignee_id": str(assignee_id) if assignee_id is not None else None,
                       "assignee_name": name, "ts": int(time.time())}
            emit(conn, "conversation.assigned", payload, actor_id=caller.person.id)
            people.audit(conn, caller.person, "conversation.assigned",
                         f"conversation:{conversation.id}", {"assignee_id": assignee_id})
            return payload

        payload = await ctx.write(write)
        return ok({"conversation_id": conversation_id, "assignee_id": assignee_id,
                   "assignee_name": payload["assignee_name"]})

    async def list_notes(request: Request) -> JSONResponse:
        await require(request, ctx, "read")
        conversation_id = path_id(request, "conversation_id")
        found = await ctx.read(lambda conn: notes.notes_for(conn, conversation_id))
        return ok({"notes": [asdict(n) for n in found]})

    async def add_note(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "note")
        conversation_id = path_id(request, "conversation_id")
        body = await read_json(request, 64 * 1024)
        given = body.get("text")
        if isinstance(given, str) and len(given.strip()) > NOTE_MAX:
            # In the words of the table, so that the author's desktop can translate them.
            raise ApiError(400, "invalid", texts.fill(texts.NOTE_TOO_LONG, NOTE_MAX, len(given.strip())))
        text = text_field(body, "text", max_len=NOTE_MAX)
        client_id = body.get("client_id")
        if client_id is not None and not is_client_id(client_id):
            raise ApiError(400, "invalid", "client_id must be 8 to 100 letters, digits or - _ . :")
        author_id = str(caller.person.id)

        def write(conn: Any) -> dict[str, Any]:
            if client_id is not None:
                known = notes.logged_note(conn, client_id)
                if known is not None:
                    if ((known.get("conversation") or {}).get("id") != conversation_id
                            or known.get("text") != text or known.get("author_id") != author_id):
                        raise ApiError(409, "client_id_reused", texts.NOTE_CLIENT_ID_REUSED)
                    return known  # posted before (its answer was lost): the same note
            conversation, ref = _conversation(conn, conversation_id)
            note_id = team_queries.next_id(conn, "notes")
            payload = {"note_id": note_id, "conversation": ref, "author_id": author_id,
                       "author_name": caller.person.name, "text": text, "ts": int(time.time()),
                       "client_id": client_id}
            emit(conn, "note.added", payload, actor_id=caller.person.id,
                 dedupe_key=notes.note_dedupe_key(client_id) if client_id is not None else None)
            people.audit(conn, caller.person, "note.added", f"conversation:{conversation.id}",
                         {"note_id": note_id})
            return payload

        payload = await ctx.write(write)
        return ok({"id": payload["note_id"], "conversation_id": conversation_id,
                   "author_id": payload["author_id"], "text": payload["text"],
                   "created_at": payload["ts"], "client_id": payload.get("client_id")}, 201)

    async def delete_note(request: Request) -> Response:
        caller = await require(request, ctx, "note")
        note_id = path_id(request, "note_id")

        def write(conn: Any) -> None:
            note = team_queries.get_note(conn, note_id)
            if note is None:
                raise ApiError(404, "note_not_found", "There is no such note.")
            if note[2] != str(caller.person.id) and not caller.may("people.manage"):
                raise ApiError(403, "forbidden", "Only its author or an admin may delete a note.")
            emit(conn, "note.deleted", {"note_id": note_id}, actor_id=caller.person.id)
            people.audit(conn, caller.person, "note.deleted", f"conversation:{note[1]}",
                         {"note_id": note_id})

        await ctx.write(write)
        return Response(status_code=204)

    return [
        Route("/api/v1/conversations/{conversation_id}/assign", assign, methods=["POST"]),
        Route("/api/v1/conversations/{conversation_id}/notes", list_notes, methods=["GET"]),
        Route("/api/v1/conversations/{conversation_id}/notes", add_note, methods=["POST"]),
        Route("/api/v1/notes/{note_id}", delete_note, methods=["DELETE"]),
    ]


def _quick_reply_routes(ctx: Any) -> list[BaseRoute]:
    async def list_all(request: Request) -> JSONResponse:
        await require(request, ctx, "read")
        found = await ctx.read(quick_replies.list_quick_replies)
        return ok({"quick_replies": [asdict(q) for q in found]})

    def save(creating: bool):  # noqa: ANN202 - a handler factory
        async def handler(request: Request) -> JSONResponse:
            caller = await require(request, ctx, "quick_replies.manage")
            quick_reply_id = None if creating else path_id(request, "quick_reply_id")
            body = await read_json(request, 64 * 1024)
            shortcut = text_field(body, "shortcut", max_len=SHORTCUT_MAX, required=creating)
            text = text_field(body, "text", max_len=QUICK_REPLY_MAX, required=creating)
            if shortcut is not None:
                shortcut = shortcut.lstrip("/")
                if not shortcut or any(ch.isspace() for ch in shortcut):
                    raise ApiError(400, "invalid", "A shortcut is one word, like /hours.")

            def write(conn: Any) -> dict[str, Any]:
                current = None
                if quick_reply_id is not None:
                    current = team_queries.get_quick_reply(conn, quick_reply_id)
                    if current is None:
                        raise ApiError(404, "quick_reply_not_found", "There is no such quick reply.")
                new_id = quick_reply_id or team_queries.next_id(conn, "quick_replies")
                final_shortcut = shortcut or current[1]  # type: ignore[index]
                other = team_queries.quick_reply_with_shortcut(conn, final_shortcut)
                if other is not None and other != new_id:
                    raise ApiError(409, "shortcut_taken", "Another quick reply has this shortcut.")
                now = int(time.time())
                created_at = team_queries.quick_reply_created_at(conn, new_id) or now
                payload = {"quick_reply_id": new_id, "shortcut": final_shortcut,
                           "text": text if text is not None else current[2],  # type: ignore[index]
                           "created_at": created_at, "updated_at": now}
                emit(conn, "quick_reply.saved", payload, actor_id=caller.person.id)
                people.audit(conn, caller.person,
                             "quick_reply.created" if creating else "quick_reply.updated",
                             f"quick_reply:{new_id}")
                return payload

            payload = await ctx.write(write)
            return ok({"id": payload["quick_reply_id"], "shortcut": payload["shortcut"],
                       "text": payload["text"]}, 201 if creating else 200)

        return handler

    async def delete(request: Request) -> Response:
        caller = await require(request, ctx, "quick_replies.manage")
        quick_reply_id = path_id(request, "quick_reply_id")

        def write(conn: Any) -> None:
            if team_queries.get_quick_reply(conn, quick_reply_id) is None:
                raise ApiError(404, "quick_reply_not_found", "There is no such quick reply.")
            emit(conn, "quick_reply.deleted", {"quick_reply_id": quick_reply_id},
                 actor_id=caller.person.id)
            people.audit(conn, caller.person, "quick_reply.deleted", f"quick_reply:{quick_reply_id}")

        await ctx.write(write)
        return Response(status_code=204)

    return [
        Route("/api/v1/quick-replies", list_all, methods=["GET"]),
        Route("/api/v1/quick-replies", save(True), methods=["POST"]),
        Route("/api/v1/quick-replies/{quick_reply_id}", save(False), methods=["PATCH"]),
        Route("/api/v1/quick-replies/{quick_reply_id}", delete, methods=["DELETE"]),
    ]


def _audit_routes(ctx: Any) -> list[BaseRoute]:
    async def read_audit(request: Request) -> JSONResponse:
        await require(request, ctx, "audit.read")
        before_id = query_int(request, "before_id", None, minimum=1)
        limit = query_int(request, "limit", 100, minimum=1, maximum=1000)
        assert limit is not None
        entries = await ctx.read(lambda conn: people.read_audit(conn, before_id=before_id,
                                                                limit=limit))
        return ok({"entries": [asdict(e) for e in entries],
                   "next_before_id": entries[-1].id if len(entries) == limit else None})

    return [Route("/api/v1/audit", read_audit, methods=["GET"])]
