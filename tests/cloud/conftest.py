"""Shared helpers for the Cloud API client tests: recorded payloads and a known token."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

PAYLOADS = Path(__file__).parent / "payloads"
# A token-shaped secret that must never show up in any repr, str or log line.
TOKEN = "EAAGm0PX4ZCpsBAKZCeSeCretT0kenZBZCZBxyz1234567890"


def payload_bytes(name: str) -> bytes:
    return (PAYLOADS / f"{name}.json").read_bytes()


def payload(name: str) -> dict[str, Any]:
    return json.loads(payload_bytes(name))


def all_payload_names() -> list[str]:
    return sorted(p.stem for p in PAYLOADS.glob("*.json"))


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
