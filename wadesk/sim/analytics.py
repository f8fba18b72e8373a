"""Analytics on the WABA: ``GET /{waba-id}?fields=analytics.start(T).end(T).granularity(G)``
(sent and delivered per period; no reads, as at Meta), ``pricing_analytics`` and
``GET /{waba-id}/template_analytics``. All counted from what the simulator sent."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from wadesk.sim import errors

STEPS = {"HALF_HOUR": 1800, "DAY": 86400, "DAILY": 86400}
PRICES_EUR = {"marketing": 0.1131, "utility": 0.0456, "authentication": 0.0636, "service": 0.0}


def split_fields(text: str) -> list[str]:
    """``a,b.start(1).x([1,2])`` -> ["a", "b.start(1).x([1,2])"] (commas inside brackets kept)."""
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        parts.append(current.strip())
    return parts


def parse_field(expression: str) -> tuple[str, dict[str, str]]:
    """``analytics.start(1).end(2)`` -> ("analytics", {"start": "1", "end": "2"})."""
    name, _, rest = expression.partition(".")
    modifiers: dict[str, str] = {}
    while rest:
        key, bracket, rest = rest.partition("(")
        if not bracket:
            raise errors.invalid_parameter(f"Syntax error in field expression {expression!r}")
        depth, index = 1, 0
        while index < len(rest) and depth:
            depth += {"(": 1, ")": -1}.get(rest[index], 0)
            index += 1
        if depth:
            raise errors.invalid_parameter(f"Syntax error in field expression {expression!r}")
        modifiers[key.strip(".")] = rest[:index - 1]
        rest = rest[index:].lstrip(".")
    return name, modifiers


def _int(value: str | None, name: str) -> int:
    if value is None or not value.strip().lstrip("-").isdigit():
        raise errors.invalid_parameter(f"The parameter {name} is required and must be a Unix timestamp.")
    return int(value)


def _list(value: str | None) -> list[str]:
    if not value:
        return []
    try:
        parsed = json.loads(value)
    except json.JSONDecodeError:
        parsed = [v.strip().strip("'\"") for v in value.strip("[]").split(",")]
    return [str(v) for v in (parsed if isinstance(parsed, list) else [parsed]) if str(v)]


def buckets(start: int, end: int, granularity: str) -> list[tuple[int, int]]:
    if end <= start:
        raise errors.invalid_parameter("end must be after start")
    if granularity in ("MONTH", "MONTHLY"):
        result = []
        day = datetime.fromtimestamp(start, UTC).replace(day=1, hour=0, minute=0, second=0)
        while int(day.timestamp()) < end:
            following = day.replace(year=day.year + (day.month == 12), month=day.month % 12 + 1)
            result.append((max(start, int(day.timestamp())), min(end, int(following.timestamp()))))
            day = following
        return result
    step = STEPS.get(granularity)
    if step is None:
        raise errors.invalid_parameter(f"Unsupported granularity {granularity!r}")
    if (end - start) // step > 10000:
        raise errors.invalid_parameter("Too many data points; narrow the time range")
    return [(t, min(t + step, end)) for t in range(start, end, step)]


def _reached(message: Any, *statuses: str) -> bool:
    return any(s["status"] in statuses for s in message.statuses)


def _messages(sim: Any, numbers: list[str]) -> list[Any]:
    wanted = {"".join(ch for ch in n if ch.isdigit()) for n in numbers}
    return [m for m in sim.outbox.items
            if not wanted or sim.account.numbers[m.phone_number_id].wa_id in wanted]


def analytics(sim: Any, modifiers: dict[str, str]) -> dict[str, Any]:
    granularity = modifiers.get("granularity", "")
    if granularity not in ("HALF_HOUR", "DAY", "MONTH"):
        raise errors.invalid_parameter("Param granularity must be one of {HALF_HOUR, DAY, MONTH}.")
    start, end = _int(modifiers.get("start"), "start"), _int(modifiers.get("end"), "end")
    numbers = _list(modifiers.get("phone_numbers"))
    messages = _messages(sim, numbers)
    points = []
    for low, high in buckets(start, end, granularity):
        inside = [m for m in messages if low <= m.timestamp < high]
        points.append({"start": low, "end": high,
                       "sent": sum(1 for m in inside if _reached(m, "sent", "delivered", "read")),
                       "delivered": sum(1 for m in inside if _reached(m, "delivered", "read"))})
    return {"phone_numbers": numbers or [n.wa_id for n in sim.account.numbers.values()],
            "granularity": granularity, "data_points": points}


def pricing_analytics(sim: Any, modifiers: dict[str, str]) -> dict[str, Any]:
    granularity = modifiers.get("granularity", "")
    if granularity not in ("HALF_HOUR", "DAILY", "MONTHLY"):
        raise errors.invalid_parameter("Param granularity must be one of {HALF_HOUR, DAILY, MONTHLY}.")
    start, end = _int(modifiers.get("start"), "start"), _int(modifiers.get("end"), "end")
    messages = _messages(sim, _list(modifiers.get("phone_numbers")))
    points = []
    for low, high in buckets(start, end, granularity):
        groups: dict[tuple[str, str], int] = {}
        for m in messages:
            if low <= m.timestamp < high and _reached(m, "delivered", "read"):
                key = (m.category, m.pricing_type)
                groups[key] = groups.get(key, 0) + 1
        for (category, kind), volume in sorted(groups.items()):
            cost = round(volume * PRICES_EUR.get(category, 0.0), 4) if kind == "regular" else 0.0
            points.append({"start": low, "end": high, "volume": volume, "cost": cost,
                           "pricing_category": category.upper(), "pricing_type": kind.upper(),
                           "country": "DE"})
    return {"data": [{"data_points": points}]}


async def waba_node(sim: Any, request: Any, waba_id: str) -> dict[str, Any]:
    """GET /{waba-id}[?fields=...]."""
    fields = split_fields(request.query_params.get("fields", ""))
    plain = sim.account.waba_fields()
    if not fields:
        return {k: plain[k] for k in ("id", "name", "currency", "timezone_id", "message_template_namespace")}
    result: dict[str, Any] = {}
    for expression in fields:
        name, modifiers = parse_field(expression)
        if name == "analytics":
            result["analytics"] = analytics(sim, modifiers)
        elif name == "pricing_analytics":
            result["pricing_analytics"] = pricing_analytics(sim, modifiers)
        elif name in plain:
            result[name] = plain[name]
        else:
            raise errors.nonexisting_field(name, "WhatsAppBusinessAccount")
    result["id"] = sim.account.waba_id
    return result


async def template_analytics(sim: Any, request: Any, waba_id: str) -> dict[str, Any]:
    """GET /{waba-id}/template_analytics?start&end&granularity=DAILY&template_ids=[...]&metric_types=[...]."""
    query = request.query_params
    if query.get("granularity", "DAILY") != "DAILY":
        raise errors.invalid_parameter("Param granularity must be DAILY.")
    start, end = _int(query.get("start"), "start"), _int(query.get("end"), "end")
    ids = _list(query.get("template_ids"))
    if not ids or len(ids) > 10:
        raise errors.invalid_parameter("Param template_ids must list 1 to 10 template ids.")
    for template_id in ids:
        if sim.templates.by_id(template_id) is None:
            raise errors.invalid_parameter(f"Template {template_id} does not exist in this account.")
    metrics = {m.upper() for m in _list(query.get("metric_types"))} or {"SENT", "DELIVERED", "READ", "CLICKED"}
    clicks: dict[str, list[str]] = {}  # sent message id -> button texts pressed on it
    for entry in sim.inbound.items:
        message = entry["message"]
        sent = sim.outbox.by_id.get((message.get("context") or {}).get("id", ""))
        if message.get("type") == "button" and sent is not None and sent.template_id:
            clicks.setdefault(sent.id, []).append(message["button"].get("text", ""))
    points = []
    for template_id in ids:
        sent_items = [m for m in sim.outbox.items if m.template_id == template_id]
        for low, high in buckets(start, end, "DAILY"):
            inside = [m for m in sent_items if low <= m.timestamp < high]
            point: dict[str, Any] = {"template_id": template_id, "start": low, "end": high}
            if "SENT" in metrics:
                point["sent"] = sum(1 for m in inside if _reached(m, "sent", "delivered", "read"))
            if "DELIVERED" in metrics:
                point["delivered"] = sum(1 for m in inside if _reached(m, "delivered", "read"))
            if "READ" in metrics:
                point["read"] = sum(1 for m in inside if _reached(m, "read"))
            if "CLICKED" in metrics:
                counted: dict[str, int] = {}
                for m in inside:
                    for text in clicks.get(m.id, []):
                        counted[text] = counted.get(text, 0) + 1
                point["clicked"] = [{"type": "quick_reply_button", "button_content": text, "count": count}
                                    for text, count in counted.items()]
            points.append(point)
    return {"data": [{"granularity": "DAILY", "product_type": "cloud_api", "data_points": points}],
            "paging": {"cursors": {"before": "MAZDZD", "after": "MjQZD"}}}
