"""The child of test_crash_safety: commits messages forever and reports each commit.

    python -m tests.store.crash_writer DB KEY_HEX ROLE FIRST_NUMBER

Prints one line per committed transaction, listing the wamids it committed, only
after the commit returned. The parent kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import random
import sys

from wadesk.store.connection import open_database
from wadesk.store.contacts import ContactInfo
from wadesk.store.ingest import IncomingMessage, apply_messages
from wadesk.store.statuses import apply_status


def main(db: str, key_hex: str, role: str, first: int) -> None:
    conn = open_database(db, key=bytes.fromhex(key_hex), role=role, create=True)  # type: ignore[arg-type]
    rng = random.Random(first)
    number = first
    out = sys.stdout
    while True:
        size = rng.choice((1, 1, 3, 20))
        batch = []
        for _ in range(size):
            n = rng.randrange(30)
            batch.append(IncomingMessage(
                wamid=f"wamid.crash.{number}", phone_number_id="106540352242922",
                contact=ContactInfo(wa_id=f"49151{n:07d}", profile_name=f"Kunde {n}"),
                type="text", ts=1_700_000_000 + number,
                text=f"Nachricht {number} über Lieferung {'ä' * (number % 50)}",
                raw_json='{"pad": "' + "x" * rng.randrange(2000) + '"}',
            ))
            number += 1
        apply_messages(conn, batch)
        out.write(" ".join(m.wamid for m in batch) + "\n")
        out.flush()
        if rng.random() < 0.2:  # statuses too: updates as well as inserts get killed
            apply_status(conn, wamid=batch[0].wamid, status="read", ts=number)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
