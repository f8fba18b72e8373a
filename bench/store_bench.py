#!/usr/bin/env python3
"""Benchmark of the encrypted store against plain SQLite, with the app's own queries.

    python3 tasks.py bench store_bench [--messages N] [--runs R] [--batch B] [--dir D]

Builds a history of N messages (default 1,000,000) over 10,000 conversations, one of
them with N/10 (100,000) messages and one with 100, in German and English with
umlauts and emoji, about 10 % of the messages containing "Rechnung" and five the rare
"Zahnbürstenhalter". The same stream goes into a SQLCipher store (wadesk.store, raw
key) and into plain SQLite (the stdlib sqlite3 module, same migrations and pragmas),
through the functions the app uses: ingest.apply_messages (B messages per transaction,
default 20,000: a new PC catching up, or a history import), conversations.
list_conversations, messages.page_messages, search.search_messages.

Each query figure runs R times on one open connection, as in the running app, and is
printed as min and median; the stores take turns query by query so that both see the
same machine. Also printed, not in the JSON: the same queries each on a freshly opened
connection (nothing decrypted yet), the same plain file read through SQLCipher's own
SQLite without a key (to tell encryption from SQLite version), ingest per CPU second
(what an idle machine shows), and the search-as-you-type (prefix) variants. The final
line is JSON with the medians (ms unless named otherwise).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlcipher3  # noqa: E402

from wadesk.store import contacts, conversations, ingest, messages, search  # noqa: E402
from wadesk.store.connection import _open_plain_for_bench, open_database  # noqa: E402
from wadesk.store.contacts import ContactInfo  # noqa: E402

KEY = bytes(range(32))  # a fixed raw key: the bench measures, it protects nothing
PHONE_NUMBER_ID = "106540352242922"
COMMON_WORD = "Rechnung"
RARE_WORD = "Zahnbürstenhalter"
RARE_COUNT = 5
SEARCH_COMMON = "rechnung"  # typed in lower case
SEARCH_RARE = "zahnburstenhalter"  # typed without the umlaut
# The search_* figures search a whole word. While the user is still typing, the app
# searches the last word as a prefix; those figures are printed too (search_*_prefix),
# see the note at the end of the output.

_GREETINGS = ["Hallo", "Hi", "Guten Morgen", "Moin", "Hello", "Good morning", "Servus", "Hey"]
_BODIES = [
    "ist meine Bestellung schon unterwegs?",
    "wann öffnet ihr morgen?",
    "könnt ihr mir die Größe 42 zurücklegen?",
    "vielen Dank für die schnelle Lieferung!",
    "ich möchte den Termin am Dienstag verschieben.",
    "gibt es den Pullover auch in Grün?",
    "die Übergabe hat super geklappt.",
    "is my order on its way?",
    "when do you open tomorrow?",
    "could you hold size 42 for me?",
    "thanks a lot for the quick delivery!",
    "can I move my appointment to Tuesday?",
    "do you have the sweater in green?",
    "the parcel arrived but the box was damaged.",
    "wir sind um 18 Uhr bei euch im Laden.",
    "Straße und Hausnummer stimmen so, danke.",
    "ich schicke gleich ein Foto vom Schaden.",
    "perfect, see you on Friday at the shop.",
]
_COMMON_PHRASES = [
    "Könnt ihr mir die " + COMMON_WORD + " noch einmal schicken?",
    "Die " + COMMON_WORD + " ist angekommen, danke.",
    "Bitte die " + COMMON_WORD + " an meine Firma ausstellen.",
    "Could you send the " + COMMON_WORD + " as PDF, please?",
]
_EMOJI = ["😀", "👍", "🙏", "❤️", "🎉", "📦", "😅", "✅", ""]
_NAMES = ["Jürgen Müller", "Anna Schäfer", "Özlem Yılmaz", "Sophie Weiß", "Lukas Groß",
          "Emily Clarke", "Jörg Bäcker", "Marie Köhler", "Tom Baker", "Zoë Fischer"]


def _text(rng: random.Random, common: bool) -> str:
    parts = [rng.choice(_GREETINGS) + ",", rng.choice(_BODIES)]
    if rng.random() < 0.4:
        parts.append(rng.choice(_BODIES).capitalize())
    if common:
        parts.insert(rng.randrange(1, len(parts) + 1), rng.choice(_COMMON_PHRASES))
    parts.append(rng.choice(_EMOJI))
    return " ".join(part for part in parts if part)


def generate(n: int, n_conversations: int, seed: int, batch: int) -> Iterator[list[Any]]:
    """Batches of ingest items, oldest first, deterministic for a seed."""
    rng = random.Random(seed)
    big = max(1, n // 10)
    small = min(100, max(0, n - big))
    others = n - big - small
    owners = [0] * big + [1] * small + [rng.randrange(2, n_conversations) for _ in range(others)]
    rng.shuffle(owners)
    rare_at = set(rng.sample(range(n), min(RARE_COUNT, n)))
    names = random.Random(0)  # the same people whatever the seed of the messages
    people = [
        ContactInfo(wa_id=_wa_id(index), profile_name=names.choice(_NAMES))
        for index in range(n_conversations)
    ]
    ts = 1_704_067_200  # 2024-01-01
    items: list[Any] = []
    for index, owner in enumerate(owners):
        ts += rng.randrange(1, 60)
        text = _text(rng, rng.random() < 0.10)
        if index in rare_at:
            text += f" Habt ihr noch den {RARE_WORD}?"
        contact = people[owner]
        media = None
        kind = "text"
        if rng.random() < 0.05:
            kind = "image"
            media = ingest.MediaInfo(media_id=str(10**15 + index), mime="image/jpeg",
                                     size=rng.randrange(40_000, 900_000),
                                     sha256=f"{index:064x}")
        if rng.random() < 0.55:
            raw = {"from": contact.wa_id, "id": f"wamid.in.{index}", "timestamp": str(ts),
                   "type": kind, kind: {"body": text} if kind == "text" else {"caption": text}}
            items.append(ingest.IncomingMessage(
                wamid=f"wamid.in.{index}", phone_number_id=PHONE_NUMBER_ID, contact=contact,
                type=kind, ts=ts, text=text, media=media,
                raw_json=json.dumps(raw, ensure_ascii=False)))
        else:
            raw = {"messaging_product": "whatsapp", "to": contact.wa_id, "type": kind,
                   kind: {"body": text} if kind == "text" else {"caption": text}}
            items.append(ingest.OutgoingMessage(
                phone_number_id=PHONE_NUMBER_ID, contact=contact, type=kind, ts=ts,
                wamid=f"wamid.out.{index}", client_id=f"c-{index:012d}", text=text,
                media=media, agent_id=f"p{rng.randrange(4)}", status="sent",
                raw_json=json.dumps(raw, ensure_ascii=False)))
        if len(items) == batch:
            yield items
            items = []
    if items:
        yield items


class Store:
    """One database under test. "plain" is the stdlib sqlite3 module (the baseline of
    the issue); "same engine" opens the very same plain file through sqlcipher3
    without a key, i.e. SQLCipher's own SQLite build with no encryption, which shows
    how much of a difference is encryption and how much SQLite version and driver."""

    def __init__(self, label: str, path: Path, encrypted: bool, driver: Any = sqlite3) -> None:
        self.label, self.path, self.encrypted, self.driver = label, path, encrypted, driver

    def open(self) -> Any:
        if self.encrypted:
            return open_database(self.path, key=KEY, create=True)
        return _open_plain_for_bench(self.path, driver=self.driver)


def _stores(workdir: Path, prefix: str = "") -> list[Store]:
    return [
        Store("encrypted", workdir / f"{prefix}enc.db", True),
        Store("plain", workdir / f"{prefix}plain.db", False),
        Store("same engine", workdir / f"{prefix}plain.db", False, sqlcipher3),
    ]


def ingest_all(
    stores: list[Store], n: int, n_conversations: int, seed: int, batch: int
) -> dict[str, tuple[float, float]]:
    """Per store: (messages per second of wall time, per second of this process's CPU
    time). The CPU figure is what a machine with nothing else running would show; the
    wall figure is the one in the JSON."""
    conns = [store.open() for store in stores]
    wall = [0.0 for _ in stores]
    cpu = [0.0 for _ in stores]
    done = 0
    for number, items in enumerate(generate(n, n_conversations, seed, batch)):
        # Alternate who goes first, so that neither always meets a cold CPU cache.
        order = range(len(stores)) if number % 2 == 0 else reversed(range(len(stores)))
        for index in order:
            start, start_cpu = time.perf_counter(), time.process_time()
            ingest.apply_messages(conns[index], items)
            wall[index] += time.perf_counter() - start
            cpu[index] += time.process_time() - start_cpu
        done += len(items)
        print(f"  ingested {done:>9,} messages", end="\r", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    for conn in conns:
        conn.close()
    return {store.label: (n / wall[i], n / cpu[i]) for i, store in enumerate(stores)}


# The queries of the JSON figures, over which ratio_encrypted_plain_max is taken.
RATIO_QUERIES = ("conv_list_ms", "open_conv_ms_100k", "next_page_ms", "open_conv_ms_100",
                 "search_common_ms", "search_rare_ms", "search_common_ms_1k")
QUERIES = ("conv_list_ms", "open_conv_ms_100k", "next_page_ms", "open_conv_ms_100",
           "search_common_ms", "search_rare_ms", "search_common_prefix_ms", "search_rare_prefix_ms")


def _queries(conn: Any, big: int, small: int, cursor: Any) -> dict[str, Callable[[], Any]]:
    """The app's reads, each checked to return what the figure claims. `cursor` is
    where the big conversation's first page ends."""

    def conv_list() -> None:
        assert len(conversations.list_conversations(conn, limit=100)) == 100

    def open_big() -> None:
        assert len(messages.page_messages(conn, big, limit=50)) == 50

    def next_page() -> None:
        older = messages.page_messages(conn, big, before=cursor, limit=50)
        assert len(older) == 50 and older[0].id != cursor.id

    def open_small() -> None:
        assert len(messages.page_messages(conn, small, limit=50)) == 50

    def search_common(prefix: bool = False) -> None:
        assert len(search.search_messages(conn, SEARCH_COMMON, limit=50, prefix=prefix)) == 50

    def search_rare(prefix: bool = False) -> None:
        assert search.search_messages(conn, SEARCH_RARE, limit=50, prefix=prefix)

    return dict(zip(QUERIES, (
        conv_list, open_big, next_page, open_small, search_common, search_rare,
        lambda: search_common(True), lambda: search_rare(True),
    )))


def _ms(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def measure(stores: list[Store], runs: int) -> tuple[dict, dict]:
    """(app-like, cold) figures per store label and figure name.

    App-like: like the running app, one open connection (the page cache keeps what
    was read before); each query runs `runs` times. Cold: each run of a query on a
    freshly opened connection, the first read of every page paying its decryption.
    The stores take turns query by query, so that both see the same machine."""
    figures: dict[str, dict[str, list[float]]] = {store.label: {"db_open_ms": []} for store in stores}
    cold: dict[str, dict[str, list[float]]] = {store.label: {} for store in stores}

    def turns(run: int) -> list[Store]:
        return stores if run % 2 == 0 else stores[::-1]

    for run in range(runs):
        for store in turns(run):
            holder: list[Any] = []
            figures[store.label]["db_open_ms"].append(_ms(lambda: holder.append(store.open())))
            holder[0].close()
    setup = {}
    for store in stores:
        conn = store.open()
        big, small = _conversation_ids(conn)
        setup[store.label] = (big, small, messages.page_messages(conn, big, limit=50)[-1].cursor)
        conn.close()
    conns = {store.label: store.open() for store in stores}
    queries = {label: _queries(conns[label], *setup[label]) for label in conns}
    for run in range(runs):
        for name in QUERIES:
            for store in turns(run):
                figures[store.label].setdefault(name, []).append(_ms(queries[store.label][name]))
    for conn in conns.values():
        conn.close()
    for run in range(max(3, runs // 3)):
        for name in QUERIES:
            for store in turns(run):
                conn = store.open()
                cold[store.label].setdefault(name, []).append(
                    _ms(_queries(conn, *setup[store.label])[name])
                )
                conn.close()
    return figures, cold


def _wa_id(index: int) -> str:
    return f"49{1500000000 + index * 7919}"


def _conversation_ids(conn: Any) -> tuple[int, int]:
    """The ids of the biggest conversation (contact 0) and of the small one (contact 1)."""
    ids = []
    for index in (0, 1):
        contact = contacts.find_contact(conn, wa_id=_wa_id(index))
        assert contact is not None
        conversation_id = conversations.find_conversation_id(conn, contact.id, PHONE_NUMBER_ID)
        assert conversation_id is not None
        ids.append(conversation_id)
    return ids[0], ids[1]


def search_common_1k(workdir: Path, runs: int, seed: int) -> dict[str, dict[str, list[float]]]:
    """search_common on a 1,000-message store: what the big store's figure must not
    be much more than (searching must not grow with the history)."""
    stores = _stores(workdir, "small-")
    for store in stores:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{store.path}{suffix}").unlink(missing_ok=True)
    ingest_all(stores[:2], 1000, 100, seed, 1000)
    conns = {store.label: store.open() for store in stores}  # app-like, as measure()
    result: dict[str, dict[str, list[float]]] = {store.label: {} for store in stores}
    for run in range(runs):
        for prefix, name in ((False, "search_common_ms_1k"), (True, "search_common_prefix_ms_1k")):
            for store in stores if run % 2 == 0 else stores[::-1]:
                conn = conns[store.label]
                result[store.label].setdefault(name, []).append(_ms(
                    lambda: search.search_messages(conn, SEARCH_COMMON, limit=50, prefix=prefix)
                ))
    for conn in conns.values():
        assert search.search_messages(conn, SEARCH_COMMON, limit=50)
        conn.close()
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=20000, help="messages per transaction")
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--dir", type=Path, default=None, help="work directory (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    args = parser.parse_args(argv)

    workdir = args.dir or Path(tempfile.mkdtemp(prefix="wadesk-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    stores = _stores(workdir)
    for store in stores:
        for suffix in ("", "-wal", "-shm"):
            Path(str(store.path) + suffix).unlink(missing_ok=True)
    try:
        print(f"ingesting {args.messages:,} messages over {args.conversations:,} conversations"
              f" in batches of {args.batch:,} ...", file=sys.stderr)
        rates = ingest_all(stores[:2], args.messages, args.conversations, args.seed, args.batch)
        figures, cold = measure(stores, args.runs)
        small = search_common_1k(workdir, args.runs, args.seed)
        for label in small:
            figures[label].update(small[label])
        sizes = {store.label: store.path.stat().st_size for store in stores}
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    enc, plain, same = figures["encrypted"], figures["plain"], figures["same engine"]
    med = statistics.median
    print(f"\n{'':27} {'encrypted':>19} {'plain (sqlite3)':>25} {'same engine':>20}")
    print(f"{'figure':27} {'min':>9} {'median':>9} {'min':>9} {'median':>9} {'ratio':>6}"
          f" {'median':>9} {'ratio':>6}")
    print(f"{'ingest msgs/s (wall)':27} {rates['encrypted'][0]:>19,.0f} {rates['plain'][0]:>19,.0f}")
    print(f"{'ingest msgs/s (CPU time)':27} {rates['encrypted'][1]:>19,.0f} {rates['plain'][1]:>19,.0f}")
    for name in enc:
        print(f"{name:27} {min(enc[name]):9.3f} {med(enc[name]):9.3f} {min(plain[name]):9.3f}"
              f" {med(plain[name]):9.3f} {med(enc[name]) / med(plain[name]):6.2f}"
              f" {med(same[name]):9.3f} {med(enc[name]) / med(same[name]):6.2f}")
    print("\ncold (each run on a freshly opened connection; not in the JSON):")
    for name in QUERIES:
        e, p, q = cold["encrypted"][name], cold["plain"][name], cold["same engine"][name]
        print(f"{name:27} {min(e):9.3f} {med(e):9.3f} {min(p):9.3f} {med(p):9.3f}"
              f" {med(e) / med(p):6.2f} {med(q):9.3f} {med(e) / med(q):6.2f}")
    print(f"\n{'file size MB':27} {sizes['encrypted'] / 1e6:>19,.0f} {sizes['plain'] / 1e6:>19,.0f}")
    version = sqlcipher3.connect(":memory:").execute("PRAGMA cipher_version").fetchone()[0]
    same_version = sqlcipher3.connect(":memory:").execute("SELECT sqlite_version()").fetchone()[0]
    print(f"SQLCipher {version} (SQLite {same_version}); plain: sqlite3 module, SQLite"
          f" {sqlite3.sqlite_version}; batches of {args.batch:,} messages per transaction")
    result = {
        "ingest_msgs_per_s": round(rates["encrypted"][0]),
        **{name: round(med(enc[name]), 3) for name in (
            "open_conv_ms_100k", "open_conv_ms_100", "next_page_ms", "search_rare_ms",
            "search_common_ms", "search_common_ms_1k", "conv_list_ms", "db_open_ms")},
        "ratio_encrypted_plain_max": round(
            max(med(enc[name]) / med(plain[name]) for name in RATIO_QUERIES), 3
        ),
    }
    _check_targets(result, {name: med(values) for name, values in enc.items()})
    print(json.dumps(result))
    return 0


def _check_targets(result: dict[str, float], enc: dict[str, float]) -> None:
    """The targets of issue 2 on this machine, each marked ok or MISSED."""
    checks = [
        ("ingest >= 20,000 msg/s", result["ingest_msgs_per_s"] >= 20_000),
        ("open_conv_ms_100k <= 2", result["open_conv_ms_100k"] <= 2),
        ("open_conv_ms_100 <= 2", result["open_conv_ms_100"] <= 2),
        ("open_conv_ms_100k <= 1.5 x open_conv_ms_100",
         result["open_conv_ms_100k"] <= 1.5 * result["open_conv_ms_100"]),
        ("next_page_ms <= 2", result["next_page_ms"] <= 2),
        ("search_common_ms <= 10", result["search_common_ms"] <= 10),
        ("search_common_ms <= 3 x search_common_ms_1k",
         result["search_common_ms"] <= 3 * result["search_common_ms_1k"]),
        ("search_rare_ms <= 3", result["search_rare_ms"] <= 3),
        ("conv_list_ms <= 10", result["conv_list_ms"] <= 10),
        ("db_open_ms <= 20", result["db_open_ms"] <= 20),
        ("ratio_encrypted_plain_max <= 1.5", result["ratio_encrypted_plain_max"] <= 1.5),
        ("(prefix) search_common_prefix_ms <= 10", enc["search_common_prefix_ms"] <= 10),
        ("(prefix) search_common_prefix_ms <= 3 x its 1k figure",
         enc["search_common_prefix_ms"] <= 3 * enc["search_common_prefix_ms_1k"]),
    ]
    print("\ntargets (medians):")
    for text, passed in checks:
        print(f"  {'ok    ' if passed else 'MISSED'} {text}")
    print("note: search_* search a whole word; search_*_prefix match the last word by prefix,"
          " as while typing, which FTS5 answers in time proportional to all hits of the prefix.")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
