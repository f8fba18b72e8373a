"""8: files a desktop uploaded for a send, kept on the relay until a send names them.

A desktop uploads a file (POST /api/v1/media) and then sends a message naming Meta's
media id. The relay keeps its own encrypted copy of the upload, like the incoming
media it fetches, so the other desktops can fetch an outgoing file too. Until the send
is queued the copy belongs to no message: this table holds it, and the send moves the
file (and its key) onto its message row (see store/relay_uploads.py).
"""

from wadesk.store.migrations.base import RELAY_ONLY, Migration

MIGRATION = Migration(
    number=8,
    name="relay uploads",
    roles=RELAY_ONLY,
    steps=(
        """
        CREATE TABLE relay_uploads (
            media_id   TEXT PRIMARY KEY,   -- Meta's id of the uploaded file
            media_file TEXT NOT NULL,      -- the sealed file in the media folder
            media_key  BLOB NOT NULL,      -- its AES-GCM key (media_files' format)
            mime       TEXT NOT NULL,
            size       INTEGER NOT NULL,
            sha256     TEXT NOT NULL,
            filename   TEXT,
            person_id  INTEGER,
            created_at INTEGER NOT NULL
        )
        """,
        "CREATE INDEX relay_uploads_by_age ON relay_uploads(created_at)",
    ),
)
