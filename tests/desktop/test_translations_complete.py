"""The shipped German catalogue holds every text the sources mark, each translated: a
new or changed text without German would show English in a German UI."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def _build_resources():
    spec = importlib.util.spec_from_file_location("build_resources", ROOT / "resources" / "build_resources.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def test_every_marked_text_has_its_german_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(LUPDATE), *_build_resources().catalogue_sources(), "-ts", str(fresh)],
                   check=True, capture_output=True)
    wanted = set(_messages(fresh))
    shipped = _messages(ROOT / "resources" / "translations" / "wadesk_de.ts")
    assert sorted(wanted - set(shipped)) == []  # run build_resources.py catalogues
    unfinished = sorted(key for key in wanted
                        if shipped[key].get("type") in ("unfinished", "vanished", "obsolete")
                        or not (shipped[key].text or "").strip() and not list(shipped[key]))
    assert unfinished == []  # give them German in resources/translations/wadesk_de.ts
