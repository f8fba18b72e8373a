"""The templates a new simulated account starts with (German and English, approved,
pending, rejected and paused), for the shop "Radhaus Berlin"."""

from __future__ import annotations

from typing import Any

_QUICK = "QUICK_REPLY"


def _body(text: str, example: list[str] | None = None) -> dict[str, Any]:
    component: dict[str, Any] = {"type": "BODY", "text": text}
    if example:
        component["example"] = {"body_text": [example]}
    return component


def _buttons(*titles: str) -> dict[str, Any]:
    return {"type": "BUTTONS", "buttons": [{"type": _QUICK, "text": t} for t in titles]}


DEFAULT_TEMPLATES: list[dict[str, Any]] = [
    {
        "id": "1023456789012301", "name": "hello_world", "language": "en_US", "status": "APPROVED",
        "category": "UTILITY", "parameter_format": "POSITIONAL",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": "Hello World"},
            _body("Welcome and congratulations!! This message demonstrates your ability to send a "
                  "WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for "
                  "taking the time to test with us."),
            {"type": "FOOTER", "text": "WhatsApp Business Platform sample message"},
        ],
    },
    {
        "id": "1023456789012302", "name": "order_ready", "language": "de", "status": "APPROVED",
        "category": "UTILITY", "parameter_format": "POSITIONAL",
        "components": [
            _body("Hallo {{1}}, Ihr Fahrrad ist fertig und kann ab sofort bei uns abgeholt werden. "
                  "Auftragsnummer: {{2}}. Bis bald im Radhaus Berlin!", ["Jonas", "R-1042"]),
            {"type": "FOOTER", "text": "Radhaus Berlin · Boxhagener Straße 42"},
        ],
    },
    {
        "id": "1023456789012303", "name": "order_ready", "language": "en", "status": "APPROVED",
        "category": "UTILITY", "parameter_format": "POSITIONAL",
        "components": [
            _body("Hi {{1}}, your bike is ready and can be picked up any time during opening hours. "
                  "Order number: {{2}}. See you soon at Radhaus Berlin!", ["Emma", "R-1043"]),
            {"type": "FOOTER", "text": "Radhaus Berlin · Boxhagener Straße 42"},
        ],
    },
    {
        "id": "1023456789012304", "name": "appointment_reminder", "language": "de",
        "status": "APPROVED", "category": "UTILITY", "parameter_format": "POSITIONAL",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": "Ihr Termin am {{1}}",
             "example": {"header_text": ["12.05."]}},
            _body("Hallo {{1}}, wir erinnern Sie an Ihren Werkstatttermin am {{2}} um {{3}} Uhr. "
                  "Bitte bringen Sie Ihr Fahrrad mit.", ["Sophie", "12.05.", "10:30"]),
            _buttons("Termin bestätigen", "Verschieben"),
        ],
    },
    {
        "id": "1023456789012305", "name": "appointment_reminder", "language": "en",
        "status": "APPROVED", "category": "UTILITY", "parameter_format": "POSITIONAL",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": "Your appointment on {{1}}",
             "example": {"header_text": ["12 May"]}},
            _body("Hi {{1}}, this is a reminder of your workshop appointment on {{2}} at {{3}}. "
                  "Please bring your bike.", ["Emma", "12 May", "10:30"]),
            _buttons("Confirm", "Reschedule"),
        ],
    },
    {
        "id": "1023456789012306", "name": "repair_quote", "language": "de", "status": "APPROVED",
        "category": "UTILITY", "parameter_format": "POSITIONAL",
        "components": [
            {"type": "HEADER", "format": "DOCUMENT"},
            _body("Hallo {{1}}, anbei unser Kostenvoranschlag über {{2}} für die Reparatur. "
                  "Sollen wir loslegen?", ["Lukas", "89,00 €"]),
            _buttons("Ja, bitte", "Nein, danke"),
        ],
    },
    {
        "id": "1023456789012307", "name": "spring_check", "language": "de", "status": "PENDING",
        "category": "MARKETING", "parameter_format": "NAMED",
        "components": [
            {"type": "BODY",
             "text": "Hallo {{first_name}}, der Frühling ist da! Bis {{end_date}} gibt es 15 % "
                     "auf jeden Frühjahrscheck.",
             "example": {"body_text_named_params": [
                 {"param_name": "first_name", "example": "Aylin"},
                 {"param_name": "end_date", "example": "30.04."}]}},
        ],
    },
    {
        "id": "1023456789012308", "name": "spring_check", "language": "en", "status": "PENDING",
        "category": "MARKETING", "parameter_format": "NAMED",
        "components": [
            {"type": "BODY",
             "text": "Hi {{first_name}}, spring is here! Until {{end_date}} every spring check is 15 % off.",
             "example": {"body_text_named_params": [
                 {"param_name": "first_name", "example": "Emma"},
                 {"param_name": "end_date", "example": "30 April"}]}},
        ],
    },
    {
        "id": "1023456789012309", "name": "winter_storage", "language": "de", "status": "REJECTED",
        "category": "MARKETING", "parameter_format": "POSITIONAL",
        "components": [_body("Jetzt Winterlager für Ihr Rad buchen – nur 5 € im Monat!")],
    },
    {
        "id": "1023456789012310", "name": "review_request", "language": "en", "status": "PAUSED",
        "category": "MARKETING", "parameter_format": "POSITIONAL",
        "components": [_body("Hi {{1}}, how was your visit? We'd love a review!", ["Emma"]),
                       _buttons("Leave a review")],
    },
]
