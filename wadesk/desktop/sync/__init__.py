"""Everything networked in the desktop app, on its own thread.

    worker.py            SyncWorker: the network thread (one asyncio loop, one httpx
                         client), its Qt signals, the long-poll, the outbox loop
    relay_api.py         the relay's team API as async calls with typed errors
    event_apply.py       applying a page of events + the cursor in one transaction;
                         SyncChanges says what changed (rows, notifications, colleagues)
    outbox_sender.py     outbox items -> relay calls, exactly once
    media_fetch.py       incoming media -> the encrypted media store
    db_thread.py         the worker's one database thread and writer connection
    connection_state.py  online / reconnecting / offline and the backoff
    login.py             the first login with a setup code or password (the wizard)

Only signals cross from here to the UI; nothing here imports a widget.
"""
