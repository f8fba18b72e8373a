"""An enum base that tolerates values Meta adds after this code was written.

Meta extends its enums (statuses, template events, quality tiers) without notice; a
value we do not know must become UNKNOWN, never an exception in the webhook path.
The original string stays available in each object's `raw`.
"""

from __future__ import annotations

from enum import StrEnum


class LenientEnum(StrEnum):
    """A StrEnum whose subclasses must define UNKNOWN; unknown values map to it."""

    @classmethod
    def _missing_(cls, value: object) -> LenientEnum:
        if isinstance(value, str):
            folded = value.casefold()
            for member in cls:
                if member.value.casefold() == folded:
                    return member
        return cls["UNKNOWN"]
