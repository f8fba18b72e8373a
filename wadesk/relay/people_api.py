"""The team's people: listed for everyone (to assign conversations), managed by admins.

    GET   /api/v1/people                    -> {"people": [person, ...]}          (read)
    POST  /api/v1/people                    {"name", "role"}                  (people.manage)
        -> 201 {"person": {...}, "setup_code": "ABCDE-…", "expires_at": ts}
    PATCH /api/v1/people/{id}               {"role"?, "disabled"?}            (people.manage)
    POST  /api/v1/people/{id}/setup-code    a new one-time code; clears the password
                                            (a forgotten password)             (people.manage)

Rules: an admin manages admins and agents only (cannot create, promote, change, disable
or reset an owner); an owner manages everyone; the last active owner can be neither
demoted nor disabled, so the business can never lock itself out. Disabling a person
revokes all their devices at once.
"""

from __future__ import annotations

import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from wadesk.relay import auth
from wadesk.relay.access import ApiError, Caller, require
from wadesk.relay.api_util import ok, path_id, read_json, text_field
from wadesk.relay.event_write import emit
from wadesk.relay.login_api import person_view
from wadesk.store import people, team_queries
from wadesk.store.people import Person


def issue_setup_code(conn: Any, person: Person) -> tuple[str, int]:
    """A new one-time code for `person` (only its hash is stored)."""
    code = auth.new_setup_code()
    people.add_setup_code(conn, person.id, auth.hash_setup_code(code), auth.SETUP_CODE_LIFETIME_S)
    return code, int(time.time()) + auth.SETUP_CODE_LIFETIME_S


def _announce(conn: Any, person: Person, actor: Person | None) -> None:
    """Tell the desktops (their assignee lists) about a person, without secrets."""
    emit(conn, "person.saved", {"person_id": person.id, "name": person.name,
                                "role": person.role, "disabled": person.disabled_at is not None},
         actor_id=actor.id if actor else None)


def add_person_with_code(conn: Any, name: str, role: str, actor: Person | None) -> tuple[Person, str, int]:
    """Used by the API and by `wadesk relay adduser`."""
    try:
        person = people.add_person(conn, name, role)
    except people.NameTakenError:
        raise ApiError(409, "name_taken", "There is already a person with this name.") from None
    except ValueError as exc:
        raise ApiError(400, "invalid", f"{str(exc).capitalize()}.") from None
    code, expires = issue_setup_code(conn, person)
    people.audit(conn, actor, "person.added", f"person:{person.id}", {"role": role})
    _announce(conn, person, actor)
    return person, code, expires


def _guard(caller: Caller, target: Person) -> None:
    if target.role == "owner" and caller.person.role != "owner":
        raise ApiError(403, "forbidden", "Only an owner may change an owner.")


def routes(ctx: Any) -> list[BaseRoute]:
    async def list_people(request: Request) -> JSONResponse:
        await require(request, ctx, "read")
        everyone = await ctx.read(people.list_people)
        return ok({"people": [person_view(p) for p in everyone]})

    async def add(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "people.manage")
        body = await read_json(request, 8 * 1024)
        name = text_field(body, "name", max_len=80)
        role = body.get("role")
        if role not in people.ROLES:
            raise ApiError(400, "invalid", "role must be owner, admin or agent.")
        if role == "owner" and caller.person.role != "owner":
            raise ApiError(403, "forbidden", "Only an owner may add an owner.")
        person, code, expires = await ctx.write(
            lambda conn: add_person_with_code(conn, name, role, caller.person))
        return ok({"person": person_view(person), "setup_code": code, "expires_at": expires}, 201)

    async def change(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "people.manage")
        person_id = path_id(request, "person_id")
        body = await read_json(request, 8 * 1024)
        role = body.get("role")
        disabled = body.get("disabled")
        if role is not None and role not in people.ROLES:
            raise ApiError(400, "invalid", "role must be owner, admin or agent.")
        if disabled is not None and not isinstance(disabled, bool):
            raise ApiError(400, "invalid", "disabled must be true or false.")
        if role is None and disabled is None:
            raise ApiError(400, "invalid", "Give role or disabled.")
        if role == "owner" and caller.person.role != "owner":
            raise ApiError(403, "forbidden", "Only an owner may make someone an owner.")

        def write(conn: Any) -> Person:
            target = people.get_person(conn, person_id)
            if target is None:
                raise ApiError(404, "person_not_found", "There is no such person.")
            _guard(caller, target)
            losing_owner = target.role == "owner" and target.disabled_at is None and (
                (role is not None and role != "owner") or disabled is True)
            if losing_owner and team_queries.count_active_owners(conn) <= 1:
                raise ApiError(409, "last_owner",
                               "This is the last owner: make someone else owner first.")
            if role is not None and role != target.role:
                people.set_role(conn, person_id, role)
                people.audit(conn, caller.person, "person.role_changed", f"person:{person_id}",
                             {"from": target.role, "to": role})
            if disabled is True and target.disabled_at is None:
                people.disable_person(conn, person_id)
                people.audit(conn, caller.person, "person.disabled", f"person:{person_id}")
            elif disabled is False and target.disabled_at is not None:
                team_queries.enable_person(conn, person_id)
                people.audit(conn, caller.person, "person.enabled", f"person:{person_id}")
            fresh = people.get_person(conn, person_id)
            assert fresh is not None
            if fresh != target:
                _announce(conn, fresh, caller.person)
            return fresh

        return ok({"person": person_view(await ctx.write(write))})

    async def new_code(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "people.manage")
        person_id = path_id(request, "person_id")

        def write(conn: Any) -> tuple[str, int]:
            target = people.get_person(conn, person_id)
            if target is None:
                raise ApiError(404, "person_not_found", "There is no such person.")
            _guard(caller, target)
            team_queries.clear_password(conn, person_id)
            code, expires = issue_setup_code(conn, target)
            people.audit(conn, caller.person, "person.setup_code_issued", f"person:{person_id}")
            return code, expires

        code, expires = await ctx.write(write)
        return ok({"person_id": person_id, "setup_code": code, "expires_at": expires}, 201)

    return [
        Route("/api/v1/people", list_people, methods=["GET"]),
        Route("/api/v1/people", add, methods=["POST"]),
        Route("/api/v1/people/{person_id}", change, methods=["PATCH"]),
        Route("/api/v1/people/{person_id}/setup-code", new_code, methods=["POST"]),
    ]
