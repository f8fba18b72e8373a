"""Facts about the business phone number: name, quality, throughput, messaging limit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wadesk.cloud._enum import LenientEnum

PHONE_NUMBER_FIELDS = (
    "display_phone_number", "verified_name", "quality_rating", "code_verification_status",
    "name_status", "platform_type", "throughput", "whatsapp_business_manager_messaging_limit",
    "is_on_biz_app",
)


class QualityRating(LenientEnum):
    GREEN = "GREEN"
    YELLOW = "YELLOW"
    RED = "RED"
    NA = "NA"
    UNKNOWN = "UNKNOWN"


class MessagingLimitTier(LenientEnum):
    """Unique users reached outside a 24-hour window per rolling 24 hours."""

    TIER_250 = "TIER_250"
    TIER_2K = "TIER_2K"
    TIER_10K = "TIER_10K"
    TIER_100K = "TIER_100K"
    TIER_UNLIMITED = "TIER_UNLIMITED"
    UNKNOWN = "UNKNOWN"


def _s(value: object) -> str | None:
    return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class PhoneNumberInfo:
    id: str | None
    display_phone_number: str | None
    verified_name: str | None
    quality_rating: QualityRating | None
    code_verification_status: str | None
    name_status: str | None
    platform_type: str | None
    throughput_level: str | None
    messaging_limit: MessagingLimitTier | None
    is_on_biz_app: bool | None  # True for coexistence numbers (20 msg/s fixed)
    raw: Mapping[str, Any] = field(repr=False)

    @classmethod
    def from_response(cls, data: Mapping[str, Any]) -> PhoneNumberInfo:
        throughput = data.get("throughput")
        quality = data.get("quality_rating")
        limit = data.get("whatsapp_business_manager_messaging_limit")
        on_app = data.get("is_on_biz_app")
        ident = data.get("id")
        return cls(
            id=str(ident) if isinstance(ident, (str, int)) and not isinstance(ident, bool)
            else None,
            display_phone_number=_s(data.get("display_phone_number")),
            verified_name=_s(data.get("verified_name")),
            quality_rating=QualityRating(quality) if isinstance(quality, str) else None,
            code_verification_status=_s(data.get("code_verification_status")),
            name_status=_s(data.get("name_status")),
            platform_type=_s(data.get("platform_type")),
            throughput_level=_s(throughput.get("level"))
            if isinstance(throughput, Mapping) else None,
            messaging_limit=MessagingLimitTier(limit) if isinstance(limit, str) else None,
            is_on_biz_app=on_app if isinstance(on_app, bool) else None,
            raw=data,
        )
