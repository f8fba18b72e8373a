"""The replica of tests/desktop/conftest.py with its key kept, so a test can open a
second connection to it, as the app's opener does: the search's reader thread.

Import both fixtures into a test module to use them (`store` then replaces the
conftest's, and `inbox` writes into it):

    from tests.desktop.search_reader import open_reader_fixture, replica_key_fixture, store_fixture  # noqa: F401
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from wadesk.store.connection import open_database


@pytest.fixture(name="replica_key")
def replica_key_fixture() -> bytes:
    return os.urandom(32)


@pytest.fixture(name="store")
def store_fixture(tmp_path, replica_key) -> Iterator[Any]:
    conn = open_database(tmp_path / "replica.db", key=replica_key, create=True)
    yield conn
    app = QApplication.instance()
    if app is not None:  # windows close (and stop their search threads) before the store
        for widget in app.topLevelWidgets():
            widget.close()
        app.processEvents()
    conn.close()


class Opener:
    """Opens the replica again with its key; remembers on which threads it did."""

    def __init__(self, path: Any, key: bytes) -> None:
        self.path, self.key = path, key
        self.threads: list[str] = []
        self.opened: list[Any] = []
        self.gate = threading.Event()  # cleared: opening waits (a reader kept busy)
        self.gate.set()

    def __call__(self) -> Any:
        self.threads.append(threading.current_thread().name)
        assert self.gate.wait(10), "the test never let the reader go on"
        conn = open_database(self.path, key=self.key)
        self.opened.append(conn)
        return conn


@pytest.fixture(name="open_reader")
def open_reader_fixture(store, tmp_path, replica_key) -> Callable[[], Any]:
    return Opener(tmp_path / "replica.db", replica_key)
