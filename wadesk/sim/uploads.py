"""The resumable upload API (used for the business profile picture).

POST /{app-id}/uploads?file_name&file_length&file_type -> {"id": "upload:..."};
POST /upload:... with header ``file_offset`` and the bytes -> {"h": handle};
GET /upload:... -> {"id", "file_offset"} to resume an interrupted upload.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

from wadesk.sim import errors

ALLOWED_TYPES = ("image/jpeg", "image/png", "video/mp4", "application/pdf")
MAX_LENGTH = 100 * 1024 * 1024


@dataclass(slots=True)
class UploadSession:
    id: str
    file_name: str
    file_length: int
    file_type: str
    data: bytearray = field(default_factory=bytearray)
    handle: str | None = None


class Uploads:
    def __init__(self, sim: Any) -> None:
        self.sim = sim
        self.sessions: dict[str, UploadSession] = {}
        self.handles: dict[str, UploadSession] = {}

    def by_handle(self, handle: str) -> UploadSession | None:
        return self.handles.get(handle)


async def start(sim: Any, request: Any, app_id: str) -> dict[str, Any]:
    if app_id != sim.account.app_id:
        raise errors.unknown_object(app_id, "post")
    query = request.query_params
    name = query.get("file_name", "")
    length = query.get("file_length", "")
    file_type = query.get("file_type", "")
    if not name:
        raise errors.invalid_parameter("The parameter file_name is required.")
    if not length.isdigit() or not 0 < int(length) <= MAX_LENGTH:
        raise errors.invalid_parameter(f"Param file_length must be between 1 and {MAX_LENGTH}.")
    if file_type not in ALLOWED_TYPES:
        raise errors.invalid_parameter(f"Param file_type must be one of {', '.join(ALLOWED_TYPES)}.")
    raw = f"{sim.ids.token(16)}?sig={sim.ids.token(24)}"
    session = UploadSession("upload:" + base64.urlsafe_b64encode(raw.encode()).decode().rstrip("="),
                            name, int(length), file_type)
    sim.uploads.sessions[session.id] = session
    return {"id": session.id}


def _session(sim: Any, session_id: str, method: str) -> UploadSession:
    session = sim.uploads.sessions.get(session_id)
    if session is None:
        raise errors.unknown_object(session_id, method)
    return session


async def status(sim: Any, request: Any, session_id: str) -> dict[str, Any]:
    session = _session(sim, session_id, "get")
    return {"id": session.id, "file_offset": len(session.data)}


async def append(sim: Any, request: Any, session_id: str) -> dict[str, Any]:
    session = _session(sim, session_id, "post")
    offset = request.headers.get("file_offset", "")
    if not offset.isdigit():
        raise errors.invalid_parameter("The header file_offset is required.")
    if int(offset) != len(session.data):
        raise errors.invalid_parameter(
            f"file_offset {offset} does not match the uploaded length {len(session.data)}"
        )
    chunk = await request.body()
    if len(session.data) + len(chunk) > session.file_length:
        raise errors.invalid_parameter("More bytes than the declared file_length")
    session.data.extend(chunk)
    if len(session.data) < session.file_length:
        return {"id": session.id, "file_offset": len(session.data)}
    if session.handle is None:
        kind = base64.b64encode(session.file_type.encode()).decode()
        session.handle = f"4::{kind}:ARZ{sim.ids.token(60)}"
        sim.uploads.handles[session.handle] = session
    return {"h": session.handle}
