"""Identifiers shaped like Meta's, drawn from a seeded generator so that a run is
repeatable for a given seed."""

from __future__ import annotations

import base64
import random
import string


class IdFactory:
    def __init__(self, seed: int | str) -> None:
        self._rng = random.Random(f"ids:{seed}")
        # Trace ids do not take part in the repeatable sequence: errors must not shift it.
        self._trace_rng = random.Random()

    def wamid(self, wa_id: str | None) -> str:
        """A message id like Meta's: ``wamid.`` and a base64 blob that embeds the
        customer's number and a random hex key."""
        who = (wa_id or "0").encode()[:63]
        key = "".join(self._rng.choice("0123456789ABCDEF") for _ in range(18)).encode()
        raw = b"\x1c\x18" + bytes([len(who)]) + who + b"\x15\x02\x00\x11\x18\x12" + key + b"\x00"
        return "wamid." + base64.b64encode(raw).decode()

    def numeric(self, digits: int = 15) -> str:
        """Graph object ids: media, templates, uploads."""
        return str(self._rng.randint(10 ** (digits - 1), 10**digits - 1))

    def hex(self, length: int = 32) -> str:
        return "".join(self._rng.choice("0123456789abcdef") for _ in range(length))

    def token(self, length: int = 22) -> str:
        alphabet = string.ascii_letters + string.digits
        return "".join(self._rng.choice(alphabet) for _ in range(length))

    def fbtrace_id(self) -> str:
        alphabet = string.ascii_letters + string.digits + "-_"
        return "A" + "".join(self._trace_rng.choice(alphabet) for _ in range(22))
