"""Answers the desktop cannot use (an HTML page after a 2xx, a JSON list where an object
belongs, entries of the wrong kind) become RelayErrors the callers already handle,
never a crash of the network loop. A tiny Starlette app stands in for a broken relay."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from wadesk.desktop.sync.relay_api import RelayApi, RelayUnavailable


def html(_request):
    return Response("<html><body>Welcome to the hotel network</body></html>", media_type="text/html")


def a_list(_request):
    return JSONResponse([{"id": 1}])


def people(_request):
    return JSONResponse({"people": [{"id": 1, "name": "Lena"}, "Tom", None, 3]})


APP = Starlette(routes=[
    Route("/api/v1/messages", html, methods=["POST"]),
    Route("/api/v1/me", a_list),
    Route("/api/v1/people", people),
    Route("/api/v1/conversations/{id:int}/notes", lambda request: JSONResponse({"notes": "none"})),
])


def call(make):
    async def run():
        api = RelayApi("http://relay.test", "token", transport=httpx.ASGITransport(app=APP))
        try:
            return await make(api)
        finally:
            await api.close()

    return asyncio.run(run())


def test_a_send_answered_with_html_is_tried_again_later():
    with pytest.raises(RelayUnavailable) as raised:
        call(lambda api: api.send({"client_id": "wd-1", "type": "text", "text": {"body": "Hallo"}}))
    assert raised.value.code == "not_json" and raised.value.status == 200


def test_a_json_list_where_an_object_belongs_is_tried_again_later():
    with pytest.raises(RelayUnavailable):
        call(lambda api: api.me())


def test_lists_keep_only_their_objects():
    assert call(lambda api: api.people()) == [{"id": 1, "name": "Lena"}]
    assert call(lambda api: api.notes(4)) == []
