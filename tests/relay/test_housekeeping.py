"""The relay's daily chores: a relay that runs for months still drops its migration copies
(which would keep erased data) and the uploads no send used."""

import os
import time

from tests.relay.conftest import relay_read
from wadesk.relay import housekeeping
from wadesk.sim.samples import sample_bytes
from wadesk.store import migration_backups, relay_uploads

DAY = 86_400


def test_a_long_running_relay_drops_old_migration_copies_and_unused_uploads(relay, relay_config, client, team):
    database = relay_config.database
    old, fresh = (database.with_name(database.name + suffix) for suffix in (".bak-v4", ".bak-v5"))
    for copy in (old, fresh):
        copy.write_bytes(os.urandom(4096))  # what a migration copy is: an encrypted file
    os.utime(old, (time.time() - 40 * DAY, time.time() - 40 * DAY))
    uploaded = client.post("/api/v1/media?filename=hinterrad.jpg", content=sample_bytes("hinterrad.jpg"),
                           headers={**team.headers("agent"), "Content-Type": "image/jpeg"})
    assert uploaded.status_code == 201, uploaded.text
    media_id = uploaded.json()["media_id"]

    figures = relay.call(lambda: housekeeping.run_once(relay.ctx))
    # (A reader connection the relay opens meanwhile applies the same policy: the old
    # copy may already be gone by then, so the files are what counts.)
    assert figures["uploads_dropped"] == 0 and figures["backups_removed"] in (0, 1)  # the upload is young
    assert not old.exists() and fresh.exists()
    assert migration_backups.backups_of(database) == [fresh]

    later = time.time() + relay_uploads.UPLOAD_LIFETIME_S + 60
    figures = relay.call(lambda: housekeeping.run_once(relay.ctx, now=later))
    assert figures["uploads_dropped"] == 1 and not fresh.exists()  # 30 days on: past MAX_DAYS too
    assert figures["quarantine_purged"] == 0
    assert relay_read(relay, lambda conn: relay_uploads.get_upload(conn, media_id)) is None
