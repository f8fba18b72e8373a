"""Webhook bodies shaped like Meta's, for tests that need exact control (the simulator
covers the realistic flows)."""

from __future__ import annotations

from typing import Any

PHONE_NUMBER_ID = "106540352242922"
WABA_ID = "102290129340398"


def envelope(value: dict[str, Any], field: str = "messages", waba_id: str = WABA_ID) -> dict[str, Any]:
    return {"object": "whatsapp_business_account",
            "entry": [{"id": waba_id, "changes": [{"value": value, "field": field}]}]}


def metadata(phone_number_id: str = PHONE_NUMBER_ID) -> dict[str, str]:
    return {"display_phone_number": "4930123456", "phone_number_id": phone_number_id}


def text_message(wamid: str, text: str = "Hallo", *, wa_id: str = "491701111111", ts: int = 1_700_000_000,
                 name: str = "Kundin", phone_number_id: str = PHONE_NUMBER_ID) -> dict[str, Any]:
    return envelope({
        "messaging_product": "whatsapp", "metadata": metadata(phone_number_id),
        "contacts": [{"profile": {"name": name}, "wa_id": wa_id}],
        "messages": [{"from": wa_id, "id": wamid, "timestamp": str(ts), "type": "text",
                      "text": {"body": text}}],
    })


def messages(items: list[dict[str, Any]], *, wa_id: str = "491701111111") -> dict[str, Any]:
    return envelope({"messaging_product": "whatsapp", "metadata": metadata(),
                     "contacts": [{"profile": {"name": "Kundin"}, "wa_id": wa_id}],
                     "messages": items})


def status(wamid: str, name: str, *, ts: int = 1_700_000_100, recipient: str = "491701111111",
           callback: str | None = None, error_code: int | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"id": wamid, "status": name, "timestamp": str(ts),
                            "recipient_id": recipient}
    if callback:
        item["biz_opaque_callback_data"] = callback
    if error_code is not None:
        item["errors"] = [{"code": error_code, "title": "Message undeliverable",
                           "error_data": {"details": "Message could not be delivered"}}]
    return envelope({"messaging_product": "whatsapp", "metadata": metadata(), "statuses": [item]})


def outgoing_event(wamid: str, text: str = "Ihr Rad ist fertig", *, wa_id: str = "491701111111",
                   ts: int = 1_700_000_050, client_id: str | None = None) -> dict[str, Any]:
    """The payload of a message.out event, as the sending side logs it."""
    return {"wamid": wamid, "client_id": client_id, "phone_number_id": PHONE_NUMBER_ID,
            "contact": {"wa_id": wa_id, "user_id": None, "profile_name": None, "username": None},
            "type": "text", "ts": ts, "text": text, "reply_to_wamid": None, "media": None,
            "agent_id": "1", "origin": "cloud", "status": "pending", "raw": None}
