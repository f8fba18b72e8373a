"""The simulated WhatsApp Business Account: the WABA, its business numbers, the app
with its secret, and the access token."""

from __future__ import annotations

import secrets
import string
import time
from dataclasses import dataclass
from typing import Any

from wadesk.sim import errors
from wadesk.sim.clock import SimClock
from wadesk.sim.config import NumberConfig, SimConfig


def new_access_token() -> str:
    alphabet = string.ascii_letters + string.digits
    return "EAAG" + "".join(secrets.choice(alphabet) for _ in range(180))


@dataclass(slots=True)
class BusinessNumber:
    phone_number_id: str
    display_phone_number: str
    verified_name: str
    quality_rating: str
    messaging_limit: str

    @classmethod
    def from_config(cls, number: NumberConfig) -> BusinessNumber:
        return cls(
            number.phone_number_id,
            number.display_phone_number,
            number.verified_name,
            number.quality_rating,
            number.messaging_limit,
        )

    @property
    def wa_id(self) -> str:
        return "".join(ch for ch in self.display_phone_number if ch.isdigit())

    def metadata(self) -> dict[str, str]:
        """The ``metadata`` block of a webhook for this number."""
        return {"display_phone_number": self.wa_id, "phone_number_id": self.phone_number_id}

    def fields(self) -> dict[str, Any]:
        """Every field GET /{phone-number-id} can answer."""
        return {
            "display_phone_number": self.display_phone_number,
            "verified_name": self.verified_name,
            "quality_rating": self.quality_rating,
            "code_verification_status": "VERIFIED",
            "name_status": "APPROVED",
            "new_name_status": "NONE",
            "platform_type": "CLOUD_API",
            "throughput": {"level": "STANDARD"},
            "whatsapp_business_manager_messaging_limit": self.messaging_limit,
            "messaging_limit_tier": self.messaging_limit,
            "is_on_biz_app": False,
            "is_official_business_account": False,
            "is_pin_enabled": False,
            "account_mode": "LIVE",
            "status": "CONNECTED",
            "id": self.phone_number_id,
        }


DEFAULT_PHONE_FIELDS = (
    "verified_name",
    "code_verification_status",
    "display_phone_number",
    "quality_rating",
    "platform_type",
    "throughput",
    "id",
)


class Account:
    def __init__(self, config: SimConfig, clock: SimClock) -> None:
        self.clock = clock
        self.waba_id = config.waba_id
        self.app_id = config.app_id
        self.business_name = config.business_name
        self.numbers = {n.phone_number_id: BusinessNumber.from_config(n) for n in config.numbers}
        self.app_secret = config.app_secret or secrets.token_hex(16)
        self.verify_token = config.verify_token or secrets.token_urlsafe(12)
        self.access_token = config.token or new_access_token()
        self.token_expires_at: float | None = (
            clock.now() + config.token_ttl if config.token_ttl is not None else None
        )
        # Old tokens answer "expired", not "cannot parse", like a rotated Meta token.
        self._expired_tokens: set[str] = set()

    @property
    def default_number(self) -> BusinessNumber:
        return next(iter(self.numbers.values()))

    # Tokens -----------------------------------------------------------------------
    def check_token(self, token: str | None) -> None:
        if not token:
            raise errors.token_missing()
        if secrets.compare_digest(token.encode(), self.access_token.encode()):
            if self.token_expires_at is not None and self.clock.now() >= self.token_expires_at:
                raise errors.token_expired(self._format(self.token_expires_at))
            return
        if token in self._expired_tokens:
            raise errors.token_expired(self._format(self.clock.now()))
        raise errors.token_invalid()

    def expire_token(self, in_seconds: float = 0.0) -> None:
        self.token_expires_at = self.clock.now() + max(0.0, in_seconds)

    def rotate_token(self, token: str | None = None) -> str:
        """A new valid token (what an owner gets by generating a new one)."""
        self._expired_tokens.add(self.access_token)
        self.access_token = token or new_access_token()
        self.token_expires_at = None
        return self.access_token

    @property
    def token_expired(self) -> bool:
        return self.token_expires_at is not None and self.clock.now() >= self.token_expires_at

    @staticmethod
    def _format(when: float) -> str:
        return time.strftime("%A, %d-%b-%y %H:%M:%S PDT", time.gmtime(when))

    # Lookups ----------------------------------------------------------------------
    def number(self, phone_number_id: str, method: str = "post") -> BusinessNumber:
        try:
            return self.numbers[phone_number_id]
        except KeyError:
            raise errors.unknown_object(phone_number_id, method) from None

    def waba_fields(self) -> dict[str, Any]:
        return {
            "id": self.waba_id,
            "name": self.business_name,
            "currency": "EUR",
            "timezone_id": "123",
            "message_template_namespace": "c8ae5f90_307a_ca4c_b8f6_d1e2a2573574",
            "account_review_status": "APPROVED",
            "business_verification_status": "verified",
            "country": "DE",
            "ownership_type": "SELF",
        }

    def snapshot(self) -> dict[str, Any]:
        return {
            "waba_id": self.waba_id,
            "app_id": self.app_id,
            "business_name": self.business_name,
            "phone_numbers": [
                {"id": n.phone_number_id, "display_phone_number": n.display_phone_number,
                 "verified_name": n.verified_name}
                for n in self.numbers.values()
            ],
            "token_expired": self.token_expired,
            "token_expires_at": self.token_expires_at,
        }
