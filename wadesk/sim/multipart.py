"""A small multipart/form-data reader for media uploads.

Binary-safe (splits on the boundary bytes, never decodes the file), so the simulator
needs no extra dependency for the one endpoint that takes multipart bodies."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    data: bytes
    filename: str | None = None
    content_type: str | None = None

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", "replace")


class MultipartError(ValueError):
    pass


def _header_params(value: str, header: str) -> Message:
    message = Message()
    message[header] = value
    return message


def parse(body: bytes, content_type: str) -> dict[str, Part]:
    """The parts of a multipart/form-data body by field name (the last one wins)."""
    params = _header_params(content_type, "content-type")
    if params.get_content_type() != "multipart/form-data":
        raise MultipartError("expected multipart/form-data")
    boundary = params.get_param("boundary", header="content-type")
    if not isinstance(boundary, str) or not boundary:
        raise MultipartError("multipart body without a boundary")
    delimiter = b"--" + boundary.encode("latin-1")
    if not body.startswith(delimiter):
        start = body.find(b"\r\n" + delimiter)
        if start < 0:
            raise MultipartError("multipart boundary not found")
        body = body[start + 2:]
    parts: dict[str, Part] = {}
    for chunk in body[len(delimiter):].split(b"\r\n" + delimiter):
        if chunk.startswith(b"--"):
            break
        if not chunk.startswith(b"\r\n"):
            raise MultipartError("malformed multipart part")
        head, sep, data = chunk[2:].partition(b"\r\n\r\n")
        if not sep:
            raise MultipartError("multipart part without headers")
        headers: dict[str, str] = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = _header_params(headers.get("content-disposition", ""), "content-disposition")
        name = disposition.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            raise MultipartError("multipart part without a name")
        filename = disposition.get_filename()
        parts[name] = Part(name, data, filename, headers.get("content-type"))
    return parts
