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


def search_messages(
    conn: Connection,
    query: str,
    *,
    before_id: int | None = None,
    conversation_id: int | None = None,
    limit: int = 50,
    prefix: bool = True,
) -> list[Message]:
    """Messages matching `query`, newest first; page on with the last hit's id."""
    match = fts_query(query, prefix=prefix)
    if match is None:
        return []
    where = ["message_fts MATCH ?"]
    params: list[object] = [match]
    if before_id is not None:
        where.append("f.rowid < ?")
        params.append(before_id)
    if conversation_id is not None:
        where.append("m.conversation_id = ?")
        params.append(conversation_id)
    params.append(limit)
    rows = query_all(
        conn,
        f"SELECT {_M_COLUMNS} FROM message_fts f JOIN messages m ON m.id = f.rowid"
        f" WHERE {' AND '.join(where)} ORDER BY f.rowid DESC LIMIT ?",
        params,
    )
    return [Message(*row) for row in rows]
