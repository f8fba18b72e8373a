"""The saved connection to the relay (relay.json): a token is only ever sent to an
address a desktop may use, also when the file was edited behind the app's back."""

from __future__ import annotations

import json
import logging

import pytest

from wadesk import paths as wpaths
from wadesk.desktop import relay_profile
from wadesk.desktop.relay_profile import RelayProfile


@pytest.fixture
def paths(tmp_path):
    return wpaths.for_profile(tmp_path / "profile")


def test_a_saved_profile_loads_as_it_was(paths):
    profile = RelayProfile("https://relay.radhaus.de", "3", "Lena", "admin", 7,
                           business_name="Radhaus Berlin", business_number="+49 30 1234567")
    relay_profile.save(paths, profile)
    assert relay_profile.load(paths) == profile


@pytest.mark.parametrize(("url", "usable"), [
    ("http://relay.radhaus.de", False),  # plain HTTP to another machine: the token would travel open
    ("ftp://relay.radhaus.de", False),
    ("https://user:pw@relay.radhaus.de", False),
    ("http://127.0.0.1:8710", True),  # the relay on this PC (one-PC shops, the demo)
    ("https://relay.radhaus.de/", True),
])
def test_an_address_edited_into_the_file_is_checked_again(paths, caplog, url, usable):
    relay_profile.save(paths, RelayProfile("https://relay.radhaus.de", "3", "Lena"))
    file = paths.data / relay_profile.FILE_NAME
    raw = json.loads(file.read_text())
    file.write_text(json.dumps({**raw, "relay_url": url}))
    with caplog.at_level(logging.WARNING):
        loaded = relay_profile.load(paths)
    if usable:
        assert loaded is not None and loaded.relay_url == url.rstrip("/")
    else:
        assert loaded is None  # the wizard asks for the relay again
        assert "saved relay address is refused" in caplog.text
        assert "radhaus" not in caplog.text  # the address is not logged either
