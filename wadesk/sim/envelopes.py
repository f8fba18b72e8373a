"""Webhook payloads in Meta's envelope:
``{"object": "whatsapp_business_account", "entry": [{"id": WABA, "changes": [{"field", "value"}]}]}``."""

from __future__ import annotations

from typing import Any


class Envelopes:
    def __init__(self, sim: Any) -> None:
        self.sim = sim

    def wrap(self, changes: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
        """One entry for the account, one change per (field, value)."""
        return {
            "object": "whatsapp_business_account",
            "entry": [{
                "id": self.sim.account.waba_id,
                "changes": [{"value": value, "field": field} for field, value in changes],
            }],
        }

    def message_value(self, number: Any, contacts: list[dict[str, Any]],
                      messages: list[dict[str, Any]]) -> dict[str, Any]:
        value: dict[str, Any] = {"messaging_product": "whatsapp", "metadata": number.metadata()}
        if contacts:
            value["contacts"] = contacts
        value["messages"] = messages
        return value

    def messages(self, number: Any, contacts: list[dict[str, Any]],
                 messages: list[dict[str, Any]]) -> dict[str, Any]:
        return self.wrap([("messages", self.message_value(number, contacts, messages))])

    def statuses(self, number: Any, statuses: list[dict[str, Any]]) -> dict[str, Any]:
        value = {"messaging_product": "whatsapp", "metadata": number.metadata(), "statuses": statuses}
        return self.wrap([("messages", value)])

    def template_status(self, template: Any, reason: str | None = None) -> dict[str, Any]:
        value = {
            "event": template.status,
            "message_template_id": int(template.id),
            "message_template_name": template.name,
            "message_template_language": template.language,
            "reason": reason if reason is not None else ("NONE" if template.status != "REJECTED"
                                                         else template.rejected_reason),
        }
        return self.wrap([("message_template_status_update", value)])
