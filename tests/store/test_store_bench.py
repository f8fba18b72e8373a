"""bench/store_bench.py keeps working (a tiny run; the real one is not a test)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEYS = {
    "ingest_msgs_per_s", "open_conv_ms_100k", "open_conv_ms_100", "next_page_ms",
    "search_rare_ms", "search_common_ms", "search_common_ms_1k", "conv_list_ms",
    "db_open_ms", "ratio_encrypted_plain_max",
}


@pytest.mark.slow
def test_a_small_run_ends_with_the_json_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "store_bench.py"), "--messages", "3000",
         "--conversations", "200", "--runs", "2", "--batch", "1000", "--dir", str(tmp_path)],
        capture_output=True, text=True, timeout=120, check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(result) == KEYS
    assert all(value > 0 for value in result.values())
