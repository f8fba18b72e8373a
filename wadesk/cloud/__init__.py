"""The WhatsApp Cloud API client: typed requests and results, errors by Meta code,
webhook parsing and the signature check. No Qt, no SQL.

Modules: client (CloudClient), messages / interactive / template_messages /
contact_cards (what can be sent), media, profile, templates, analytics, phone_numbers
(results and limits), errors (families by Meta code), signature (X-Hub-Signature-256),
webhook_parser (parse_webhook) with webhook_types and webhook_content (the events).
"""

from wadesk.cloud.client import CloudClient
from wadesk.cloud.errors import CloudApiError, CloudError, CloudValidationError, OutcomeUnknownError
from wadesk.cloud.webhook_parser import InvalidWebhook, parse_webhook

__all__ = [
    "CloudApiError",
    "CloudClient",
    "CloudError",
    "CloudValidationError",
    "InvalidWebhook",
    "OutcomeUnknownError",
    "parse_webhook",
]
