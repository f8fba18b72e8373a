"""Fixtures for the store tests: real SQLCipher files in a temp directory, no mocks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wadesk.store.connection import open_database


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    """A profile directory like the app's: the database and the media folder."""
    (tmp_path / "media").mkdir()
    return tmp_path


@pytest.fixture
def db_path(profile: Path) -> Path:
    return profile / "wadesk.db"


@pytest.fixture
def media_dir(profile: Path) -> Path:
    return profile / "media"


@pytest.fixture
def conn(db_path: Path, key: bytes) -> Iterator[Any]:
    connection = open_database(db_path, key=key, create=True)
    yield connection
    connection.close()
