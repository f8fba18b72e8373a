"""Full-text search over messages (FTS5, unicode61 without diacritics).

What the user types is made safe by fts.fts_query (see there).

Hits come newest first in the sense of "arrived last": the index's rowid is the
message id, and ORDER BY rowid DESC lets FTS5 walk its doclists backwards and stop
after one page, instead of sorting every hit of a common word. (Backfilled history
gets new ids, so it ranks as recent here; the chat view itself orders by time.)
"""

from __future__ import annotations

from wadesk.store._db import Connection, query_all
from wadesk.store.fts import fts_query
from wadesk.store.messages import COLUMNS, Message

_M_COLUMNS = ", ".join(f"m.{name.strip()}" for name in COLUMNS.split(","))


def _search_sql(before: bool, in_conversation: bool) -> str:
    where = ["message_fts MATCH ?"]
    if before:
        where.append("f.rowid < ?")
    if in_conversation:
        where.append("m.conversation_id = ?")
    return (
        f"SELECT {_M_COLUMNS} FROM message_fts f JOIN messages m ON m.id = f.rowid"
        f" WHERE {' AND '.join(where)} ORDER BY f.rowid DESC LIMIT ?"
    )


# The four shapes, built once: the search box runs this on every pause in typing.
_SQL = {(b, c): _search_sql(b, c) for b in (False, True) for c in (False, True)}

# A word still being typed is searched by prefix only from this many characters on.
# FTS5 answers a prefix by merging the lists of every word that starts with it before
# it can return the newest hit: for one letter that is a large part of the index
# (60-100 ms on 1,000,000 messages, on the UI thread). One letter also finds next to
# everything, so nobody is helped by the wait. Names and numbers (contact search) are
# still searched from the first character.
MIN_PREFIX_CHARS = 2


def _without_short_prefix(query: str) -> str:
    """`query` less a last word that is still being typed and shorter than
    MIN_PREFIX_CHARS; the words before it stay, as finished words."""
    words = query.split()
    if not words or query[-1:].isspace() or len(words[-1]) >= MIN_PREFIX_CHARS:
        return query
    return " ".join(words[:-1]) + " " if len(words) > 1 else ""


def search_messages(
    conn: Connection,
    query: str,
    *,
    before_id: int | None = None,
    conversation_id: int | None = None,
    limit: int = 50,
    prefix: bool = True,
) -> list[Message]:
    """Messages matching `query`, newest first; page on with the last hit's id.

    With `prefix` (search-as-you-type) the last word matches by prefix. That costs
    time in proportion to all hits of the prefix (FTS5 merges their lists before it
    can return the newest): about 4 ms for a word in 10 % of 1,000,000 messages. A
    whole word (prefix=False, or input ending in a space) walks its list backwards
    and stops after one page, whatever the size of the history. A last word of one
    character is not searched by prefix (see MIN_PREFIX_CHARS)."""
    match = fts_query(_without_short_prefix(query) if prefix else query, prefix=prefix)
    if match is None:
        return []
    params: list[object] = [match]
    if before_id is not None:
        params.append(before_id)
    if conversation_id is not None:
        params.append(conversation_id)
    params.append(limit)
    sql = _SQL[(before_id is not None, conversation_id is not None)]
    return [Message(*row) for row in query_all(conn, sql, params)]
