"""Meta's error bodies.

A Graph call that fails answers ``{"error": {"message": "(#CODE) Title", "type":
"OAuthException", "code": CODE, "error_data": {"messaging_product": "whatsapp",
"details": ...}, "fbtrace_id": ...}}``. Token errors (190) look like Meta's own: no
``(#190)`` prefix, an ``error_subcode`` and no ``error_data``. Errors found after a
message was accepted travel in a ``failed`` status webhook instead (`status_error`).
"""

from __future__ import annotations

from typing import Any

TITLES: dict[int, str] = {
    0: "AuthException",
    1: "API Unknown",
    2: "API Service",
    4: "API Too Many Calls",
    100: "Invalid parameter",
    131000: "Something went wrong",
    131008: "Required parameter is missing",
    131009: "Parameter value is not valid",
    131021: "Recipient cannot be sender",
    131026: "Message undeliverable",
    131047: "Re-engagement message",
    131051: "Unsupported message type",
    131053: "Media upload error",
    131056: "(Business Account, Consumer Account) pair rate limit hit",
    130429: "Rate limit hit",
    132000: "Number of parameters does not match the expected number of params",
    132001: "Template name does not exist in the translation",
    132005: "Translated text too long",
    132012: "Parameter format does not match format in the created template",
    132015: "Template is paused",
    132016: "Template is disabled",
    2500: "Unknown path components",
}


class GraphError(Exception):
    """An error answered synchronously, in Meta's shape."""

    def __init__(
        self,
        code: int,
        details: str | None = None,
        *,
        http_status: int = 400,
        message: str | None = None,
        subcode: int | None = None,
        error_data: bool = True,
    ) -> None:
        self.code = code
        self.details = details
        self.http_status = http_status
        self.message = message or f"(#{code}) {TITLES.get(code, 'Unknown error')}"
        self.subcode = subcode
        self.with_error_data = error_data
        super().__init__(f"{self.message}: {details}" if details else self.message)

    def body(self, fbtrace_id: str) -> dict[str, Any]:
        error: dict[str, Any] = {"message": self.message, "type": "OAuthException", "code": self.code}
        if self.subcode is not None:
            error["error_subcode"] = self.subcode
        if self.with_error_data:
            error["error_data"] = {"messaging_product": "whatsapp", "details": self.details or self.message}
        error["fbtrace_id"] = fbtrace_id
        return {"error": error}


def invalid_parameter(details: str) -> GraphError:
    """100: malformed, missing or over-long request fields."""
    return GraphError(100, details)


def value_not_valid(details: str) -> GraphError:
    """131009: a value outside what Meta accepts (lengths, counts, formats)."""
    return GraphError(131009, details)


def token_invalid() -> GraphError:
    return GraphError(
        190,
        http_status=401,
        message="Invalid OAuth access token - Cannot parse access token",
        error_data=False,
    )


def token_missing() -> GraphError:
    return GraphError(
        190,
        http_status=401,
        message="An active access token must be used to query information about the current user.",
        error_data=False,
    )


def token_expired(when: str) -> GraphError:
    return GraphError(
        190,
        http_status=401,
        message=f"Error validating access token: Session has expired on {when}. "
        "The current time is later than the expiry of the token.",
        subcode=463,
        error_data=False,
    )


def unknown_object(object_id: str, method: str) -> GraphError:
    return GraphError(
        100,
        message=(
            f"Unsupported {method.lower()} request. Object with ID '{object_id}' does not exist, "
            "cannot be loaded due to missing permissions, or does not support this operation. "
            "Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api"
        ),
        subcode=33,
        error_data=False,
    )


def unknown_path(path: str) -> GraphError:
    return GraphError(2500, message=f"Unknown path components: {path}", error_data=False)


def nonexisting_field(field: str, node_type: str) -> GraphError:
    return GraphError(
        100, message=f"(#100) Tried accessing nonexisting field ({field}) on node type ({node_type})",
        error_data=False,
    )


def server_error(http_status: int, code: int) -> GraphError:
    """The 5xx answers of the fault injector."""
    details = "Service temporarily unavailable" if code == 2 else "An unknown error has occurred."
    return GraphError(code, details, http_status=http_status)


def status_error(code: int, details: str) -> dict[str, Any]:
    """The ``errors[]`` item of a ``failed`` status webhook."""
    title = TITLES.get(code, "Unknown error")
    return {"code": code, "title": title, "message": title, "error_data": {"details": details}}


WINDOW_CLOSED_DETAILS = (
    "Message failed to send because more than 24 hours have passed since the customer "
    "last replied to this number."
)
