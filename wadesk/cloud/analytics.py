"""Sent/delivered counts per period and per template, as Meta reports them.

Meta's account analytics have no read counts; wadesk counts reads from status webhooks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wadesk.cloud._enum import LenientEnum
from wadesk.cloud.errors import CloudValidationError, MalformedResponseError


class Granularity(LenientEnum):
    HALF_HOUR = "HALF_HOUR"
    DAY = "DAY"
    MONTH = "MONTH"
    UNKNOWN = "UNKNOWN"


class TemplateMetric(LenientEnum):
    SENT = "SENT"
    DELIVERED = "DELIVERED"
    READ = "READ"
    CLICKED = "CLICKED"
    UNKNOWN = "UNKNOWN"


def unix_seconds(value: int | datetime) -> int:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise CloudValidationError("analytics time", "needs a timezone")
        return int(value.timestamp())
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CloudValidationError("analytics time", "must be Unix seconds or a datetime")
    return value


def _period(start: int | datetime, end: int | datetime) -> tuple[int, int]:
    s, e = unix_seconds(start), unix_seconds(end)
    if e <= s:
        raise CloudValidationError("analytics period", "must end after it starts")
    return s, e


def analytics_fields(start: int | datetime, end: int | datetime,
                     granularity: Granularity) -> str:
    """The `fields` value: analytics.start(T).end(T).granularity(G)."""
    if not isinstance(granularity, Granularity) or granularity is Granularity.UNKNOWN:
        raise CloudValidationError("granularity", "must be HALF_HOUR, DAY or MONTH")
    s, e = _period(start, end)
    return f"analytics.start({s}).end({e}).granularity({granularity})"


def template_analytics_params(template_ids: Iterable[str], start: int | datetime,
                              end: int | datetime,
                              metrics: Iterable[TemplateMetric]) -> dict[str, str]:
    ids = [str(t) for t in template_ids]
    if not ids:
        raise CloudValidationError("template_ids", "must not be empty")
    chosen = [str(m) for m in metrics if m is not TemplateMetric.UNKNOWN]
    if not chosen:
        raise CloudValidationError("metric_types", "must not be empty")
    s, e = _period(start, end)
    return {"start": str(s), "end": str(e), "granularity": "DAILY",
            "template_ids": json.dumps(ids), "metric_types": ",".join(chosen)}


def _int(value: object) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return 0


@dataclass(frozen=True, slots=True)
class AnalyticsPoint:
    start: int
    end: int
    sent: int
    delivered: int


@dataclass(frozen=True, slots=True)
class Analytics:
    data_points: tuple[AnalyticsPoint, ...]
    raw: Mapping[str, Any] = field(repr=False)

    @classmethod
    def from_response(cls, data: Mapping[str, Any]) -> Analytics:
        block = data.get("analytics")
        if not isinstance(block, Mapping):
            raise MalformedResponseError("analytics answer without analytics", http_status=200)
        points = block.get("data_points")
        return cls(tuple(
            AnalyticsPoint(_int(p.get("start")), _int(p.get("end")), _int(p.get("sent")),
                           _int(p.get("delivered")))
            for p in (points if isinstance(points, list) else []) if isinstance(p, Mapping)
        ), data)


@dataclass(frozen=True, slots=True)
class TemplateAnalyticsPoint:
    template_id: str
    start: int
    end: int
    sent: int
    delivered: int
    read: int
    clicked: int  # all buttons together; per-button counts stay in raw
    raw: Mapping[str, Any] = field(repr=False)


@dataclass(frozen=True, slots=True)
class TemplateAnalytics:
    data_points: tuple[TemplateAnalyticsPoint, ...]
    raw: Mapping[str, Any] = field(repr=False)

    @classmethod
    def from_response(cls, data: Mapping[str, Any]) -> TemplateAnalytics:
        blocks = data.get("data")
        if not isinstance(blocks, list):
            raise MalformedResponseError("template analytics without data", http_status=200)
        points: list[TemplateAnalyticsPoint] = []
        for block in blocks:
            items = block.get("data_points") if isinstance(block, Mapping) else None
            for p in items if isinstance(items, list) else []:
                if not isinstance(p, Mapping):
                    continue
                clicked = p.get("clicked")
                clicks = sum(_int(c.get("count")) for c in clicked if isinstance(c, Mapping)) \
                    if isinstance(clicked, list) else _int(clicked)
                points.append(TemplateAnalyticsPoint(
                    template_id=str(p.get("template_id", "")), start=_int(p.get("start")),
                    end=_int(p.get("end")), sent=_int(p.get("sent")),
                    delivered=_int(p.get("delivered")), read=_int(p.get("read")),
                    clicked=clicks, raw=p,
                ))
        return cls(tuple(points), data)
