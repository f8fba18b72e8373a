"""A phone number as a person types it -> the WhatsApp id (E.164 digits, no plus).

People write numbers in many ways; these all mean +49 151 23456789 for a business whose
own number is German:

    0151 23456789    0151/234 567 89    (0151) 2345-6789    +49 151 23456789
    +49 (0)151 23456789    0049 151 23456789    49151 23456789    151 23456789

The rules: "+" or "00" starts an international number; a single leading 0 is the
national trunk prefix of the business's own country; digits without either are taken
as international when they begin with the business's country code (as WhatsApp ids and
wa.me links write them), else as a national number without its 0. A trunk 0 written
after the country code ("+49 0151…", "+49 (0)151…") is dropped, except for Italy, whose
landline numbers keep their 0. Anything else is refused with a reason the dialog turns
into a sentence (NumberError.reason), never guessed at.
"""

from __future__ import annotations

import re

from wadesk.core.phone_format import split_country_code

E164_MAX = 15
MIN_DIGITS = 8  # shorter "international" numbers exist on paper only
_ALLOWED = re.compile(r"[0-9+\s\-/.()\u00a0\u202f]*")
_TRUNK_IN_BRACKETS = re.compile(r"\(\s*0\s*\)")
# Countries whose numbers keep a leading 0 after the country code.
_KEEPS_ZERO = {"39"}

REASONS = ("empty", "characters", "plus", "country", "short", "long")


class NumberError(ValueError):
    """The text is not a usable phone number; `reason` is one of REASONS."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def country_code_of(number: str | None, default: str = "49") -> str:
    """The calling code of a number written in any of the ways above ("" -> default)."""
    digits = "".join(ch for ch in number or "" if ch.isdigit())
    if digits.startswith("00"):
        digits = digits[2:]
    if len(digits) < MIN_DIGITS or digits.startswith("0"):
        return default
    return split_country_code(digits)[0]


def parse_number(text: str, country_code: str = "49") -> str:
    """The E.164 digits of `text` ("4915123456789"), or NumberError."""
    text = text.strip()
    if not text:
        raise NumberError("empty")
    if not _ALLOWED.fullmatch(text):
        raise NumberError("characters")
    if "+" in text[1:] or text.count("+") > 1:
        raise NumberError("plus")
    international = text.startswith("+")
    text = _TRUNK_IN_BRACKETS.sub("", text) if international or text.startswith("00") else text
    digits = "".join(ch for ch in text if ch.isdigit())
    if not international and digits.startswith("00"):
        international, digits = True, digits[2:]
    elif not international and digits.startswith("0"):
        digits = country_code + digits[1:]
    elif not international and not digits.startswith(country_code):
        digits = country_code + digits
    if not digits or digits.startswith("0"):
        raise NumberError("country")
    code, national = split_country_code(digits)
    if national.startswith("0") and code not in _KEEPS_ZERO:
        national = national[1:]  # "+49 0151 …": the trunk 0 has no place after +49
    digits = code + national
    if len(digits) < MIN_DIGITS or len(national) < 4:
        raise NumberError("short")
    if len(digits) > E164_MAX:
        raise NumberError("long")
    return digits
