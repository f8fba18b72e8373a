"""Phone numbers formatted for reading: "491701234567" -> "+49 170 1234567".

WhatsApp ids are E.164 digits without the plus. A full numbering-plan library would be
a large dependency for a cosmetic job, so this splits off the country calling code
(the ITU list is prefix-free) and groups the rest the way people in the largest
markets of our users write them. Anything unexpected is shown as +digits, unchanged.
"""

from __future__ import annotations

# Calling codes of one and two digits; every other code has three (ITU-T E.164).
_ONE_DIGIT = {"1", "7"}
_TWO_DIGITS = {
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45",
    "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61",
    "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94",
    "95", "98",
}
# German area codes of two digits; codes with "1" as second digit have three.
_DE_SHORT_AREAS = {"30", "40", "69", "89"}


def split_country_code(digits: str) -> tuple[str, str]:
    """(calling code, national number) of an E.164 number given as digits."""
    if digits[:1] in _ONE_DIGIT:
        return digits[:1], digits[1:]
    if digits[:2] in _TWO_DIGITS:
        return digits[:2], digits[2:]
    return digits[:3], digits[3:]


def _national_groups(code: str, national: str) -> list[str]:
    if code == "1" and len(national) == 10:
        return [national[:3], national[3:6], national[6:]]
    if code == "49":
        if national[:1] == "1":  # mobile: 15x, 16x, 17x
            return [national[:3], national[3:]]
        if national[:2] in _DE_SHORT_AREAS:
            return [national[:2], national[2:]]
        size = 3 if national[1:2] == "1" else 4
        return [national[:size], national[size:]]
    if code == "44" and national[:1] == "7":
        return [national[:4], national[4:]]
    if code in ("43", "41") and len(national) >= 9:
        return [national[:3], national[3:]]
    return [national[:3], national[3:]] if len(national) > 6 else [national]


def format_number(wa_id: str | None) -> str:
    """A WhatsApp id as a readable international number; "" for None."""
    if not wa_id:
        return ""
    digits = "".join(ch for ch in wa_id if ch.isdigit())
    if len(digits) < 8 or len(digits) > 15:
        return f"+{digits}" if digits else wa_id
    code, national = split_country_code(digits)
    groups = [group for group in _national_groups(code, national) if group]
    return "+" + " ".join([code, *groups])
