"""The demo shop's past: a few conversations from the last days, so the demo opens on an
inbox that has been in use (older times in the list, read ticks, labels, a colleague's
conversation, a closed 24-hour window) instead of five identical new chats.

The history reaches the relay the way Meta would deliver it: as signed webhooks with
past timestamps — customer messages, the shop's answers as coexistence echoes (written
in the WhatsApp Business App on the shop's phone), and read receipts for those. Labels,
assignments and notes are then set through the relay's team API like any desktop does.
Nothing here touches the relay's tables directly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

from wadesk.cloud.signature import sign


@dataclass(frozen=True, slots=True)
class PastConversation:
    name: str
    wa_id: str
    # (minutes before now, "in" | "out", text); oldest first
    lines: tuple[tuple[int, str, str], ...]
    labels: tuple[str, ...] = ()
    assignee: str | None = None  # a colleague's name, or "me"
    note: str | None = None


HOUR, DAY = 60, 24 * 60

PAST: tuple[PastConversation, ...] = (
    PastConversation("Katrin Vogel", "4917612340011", (
        (3 * DAY + 95, "in", "Hallo! Habt ihr das Gazelle Ultimate C380 in 57 cm da?"),
        (3 * DAY + 80, "out", "Hallo Katrin, ja, eins steht im Laden. Magst du eine Probefahrt machen?"),
        (3 * DAY + 70, "in", "Sehr gern, ich komme morgen gegen 11 👍"),
        (3 * DAY + 68, "out", "Perfekt, wir legen es bereit."),
    ), labels=("Bestellung", "Erledigt"), assignee="Tom"),
    PastConversation("Murat Demir", "4915209871234", (
        (DAY + 6 * HOUR, "in", "Moin, mein Hinterrad eiert seit gestern ziemlich stark."),
        (DAY + 6 * HOUR - 12, "out", "Moin Murat! Das klingt nach einer gebrochenen Speiche. "
                                     "Bring es gern vorbei, Zentrieren dauert meist nur einen Tag."),
        (DAY + 5 * HOUR, "in", "Alles klar, bin um 17 Uhr da."),
    ), labels=("Reparatur",), assignee="Mia", note="Speiche hinten rechts, Felge prüfen. Rad steht in Box 4."),
    PastConversation("Hannah Weber", "4916098765432", (
        (7 * HOUR + 10, "in", "Guten Morgen! Meine Bremsen quietschen furchtbar. Kann ich das Rad heute vorbeibringen?"),
        (7 * HOUR, "out", "Guten Morgen Hannah, klar – bring es bis 10 Uhr, dann schaffen wir es heute noch."),
        (6 * HOUR + 55, "in", "Super, bin in 20 Minuten da 🚲"),
        (3 * HOUR + 40, "in", "Hi, ist mein Rad schon fertig? Auftrag 2291"),
        (3 * HOUR + 25, "out", "Hallo Hannah, ja! Du kannst es ab 14 Uhr abholen. "
                               "Kosten: 64,90 € (Bremsbeläge + Service)."),
        (3 * HOUR + 20, "in", "Super, danke! 🙏"),
    ), labels=("Reparatur",), assignee="me", note="Bremsbeläge vorn und hinten getauscht, Kette geölt. Bezahlt bar."),
)


def _envelope(waba_id: str, phone_number_id: str, display: str, field: str, value: dict[str, Any]) -> dict[str, Any]:
    value = {"messaging_product": "whatsapp",
             "metadata": {"display_phone_number": display, "phone_number_id": phone_number_id}, **value}
    return {"object": "whatsapp_business_account",
            "entry": [{"id": waba_id, "changes": [{"field": field, "value": value}]}]}


def webhooks(waba_id: str, phone_number_id: str, display: str, now: float,
             past: tuple[PastConversation, ...] = PAST) -> list[dict[str, Any]]:
    """The history as the webhooks Meta would have sent, oldest first."""
    out: list[tuple[float, dict[str, Any]]] = []
    for c, conv in enumerate(past):
        for n, (minutes, direction, text) in enumerate(conv.lines):
            ts = int(now - minutes * 60)
            wamid = f"wamid.demo{c:02d}{n:02d}{ts}"
            if direction == "in":
                value = {"contacts": [{"profile": {"name": conv.name}, "wa_id": conv.wa_id}],
                         "messages": [{"from": conv.wa_id, "id": wamid, "timestamp": str(ts),
                                       "type": "text", "text": {"body": text}}]}
                out.append((ts, _envelope(waba_id, phone_number_id, display, "messages", value)))
                continue
            value = {"message_echoes": [{"from": display, "to": conv.wa_id, "id": wamid, "timestamp": str(ts),
                                         "type": "text", "text": {"body": text}}]}
            out.append((ts, _envelope(waba_id, phone_number_id, display, "smb_message_echoes", value)))
            for status, after in (("delivered", 5), ("read", 60)):
                status_value = {"statuses": [{"id": wamid, "status": status, "timestamp": str(ts + after),
                                              "recipient_id": conv.wa_id}]}
                out.append((ts + after, _envelope(waba_id, phone_number_id, display, "messages", status_value)))
    out.sort(key=lambda pair: pair[0])
    return [payload for _ts, payload in out]


def post(relay_url: str, app_secret: str, payloads: list[dict[str, Any]]) -> None:
    """Deliver the webhooks to the relay, signed as Meta signs them."""
    with httpx.Client(base_url=relay_url, timeout=15.0) as relay:
        for payload in payloads:
            body = json.dumps(payload).encode()
            relay.post("/webhook", content=body, headers={
                "Content-Type": "application/json", "X-Hub-Signature-256": sign(body, app_secret),
            }).raise_for_status()


def arrange(relay_url: str, tokens: dict[str, str], person_ids: dict[str, int], me: str,
            conversation_ids: dict[str, int], label_ids: dict[str, int],
            past: tuple[PastConversation, ...] = PAST) -> None:
    """Labels, assignees and notes on the past conversations, set by the team through the API."""
    for conv in past:
        conversation_id = conversation_ids.get(conv.wa_id)
        if conversation_id is None:
            continue
        who = me if conv.assignee in (None, "me") else conv.assignee
        headers = {"Authorization": f"Bearer {tokens[who]}"}
        with httpx.Client(base_url=relay_url, headers=headers, timeout=15.0) as api:
            if conv.assignee is not None:
                api.post(f"/api/v1/conversations/{conversation_id}/assign",
                         json={"assignee_id": person_ids[who]}).raise_for_status()
            for label in conv.labels:
                api.post(f"/api/v1/labels/{label_ids[label]}/apply",
                         json={"conversation_id": conversation_id}).raise_for_status()
            if conv.note:
                api.post(f"/api/v1/conversations/{conversation_id}/notes", json={"text": conv.note}).raise_for_status()
            api.post(f"/api/v1/conversations/{conversation_id}/read", json={})
