"""A new Cloud API token: checked with Meta before it is taken, then swapped into the
running relay without a restart (the API) or stored for the next start (the CLI).

The check is one cheap GET (the business number's id, name and display number, or the
WhatsApp Business Account when no number is configured) with the new token: Meta
answers 190 for a token that is wrong, expired or revoked, and a permission error for
one that lacks whatsapp_business_messaging / _management.

The token itself never goes to a log, an error text, an audit entry or an answer.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from wadesk.cloud import errors as cloud_errors
from wadesk.cloud.client import CloudClient
from wadesk.relay.config import RelayConfig

log = logging.getLogger(__name__)

CHECK_TIMEOUT_S = 15.0
TOKEN_MIN, TOKEN_MAX = 10, 4096


class TokenCheckError(Exception):
    """The token was not taken; `status`/`code` for the API's error shape."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def clean_token(value: Any) -> str:
    if not isinstance(value, str):
        raise TokenCheckError(400, "invalid", "Give the new token as text in \"token\".")
    token = value.strip()
    if not TOKEN_MIN <= len(token) <= TOKEN_MAX or any(ch.isspace() for ch in token):
        raise TokenCheckError(400, "invalid", "This does not look like a Cloud API access "
                              "token: copy it again from Meta's Business Settings.")
    return token


def new_client(config: RelayConfig, token: str, *, timeout: float | None = None) -> CloudClient:
    kwargs: dict[str, Any] = {"timeout": timeout} if timeout is not None else {}
    return CloudClient(
        token,
        phone_number_id=config.phone_number_ids[0] if config.phone_number_ids else None,
        waba_id=config.waba_id or None,
        app_id=config.app_id or None,
        base_url=config.graph_base_url,
        api_version=config.graph_version,
        **kwargs,
    )


async def check_token(config: RelayConfig, token: str) -> str | None:
    """Ask Meta whether `token` works for this account; the business number as Meta
    shows it (or None). TokenCheckError says why not."""
    if not config.phone_number_ids and not config.waba_id:
        raise TokenCheckError(409, "cannot_check", "The relay has no phone number id or "
                              "WhatsApp Business Account id configured to check a token with.")
    client = new_client(config, token, timeout=CHECK_TIMEOUT_S)
    try:
        if config.phone_number_ids:
            info = await client.get_phone_number(("id", "display_phone_number", "verified_name"))
            return info.display_phone_number
        await client.call("GET", config.waba_id, params={"fields": "id"})
        return None
    except cloud_errors.AuthenticationError:
        raise TokenCheckError(422, "token_refused", "WhatsApp refused this token (error 190): "
                              "it is wrong, expired or revoked.") from None
    except cloud_errors.CloudPermissionError:
        raise TokenCheckError(422, "token_lacks_permission", "This token lacks a permission: "
                              "give the system user whatsapp_business_messaging and "
                              "whatsapp_business_management for this account.") from None
    except (cloud_errors.TemporaryError, cloud_errors.OutcomeUnknownError,
            cloud_errors.RateLimitError):
        raise TokenCheckError(503, "cloud_unavailable", "WhatsApp could not be asked about the "
                              "token just now; try again in a minute.") from None
    except cloud_errors.CloudError as exc:
        code = getattr(exc, "code", None)
        raise TokenCheckError(422, "token_check_failed", "WhatsApp refused the check of this "
                              f"token{f' (error {code})' if code else ''}: it does not belong "
                              "to this account's number.") from None
    finally:
        await client.aclose()


def swap_token(ctx: Any, token: str) -> None:
    """Make the running relay use `token` from its next call on. Calls under way finish
    on the old client, which is closed when the relay stops."""
    old = ctx.cloud
    ctx.config = replace(ctx.config, access_token=token)
    ctx.cloud = new_client(ctx.config, token)
    ctx.on_stop.append(old.aclose)
