"""The WhatsApp Cloud API client: typed requests and results, errors by Meta code,
webhook parsing and the signature check. No Qt, no SQL."""
