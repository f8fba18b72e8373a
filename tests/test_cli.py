import os
import subprocess
import sys

from wadesk import __version__, cli


def _wadesk(*args: str, home) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WADESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "wadesk", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_version(capsys):
    try:
        cli.main(["--version"])
    except SystemExit as stop:
        assert stop.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_the_programs(capsys):
    try:
        cli.main(["--help"])
    except SystemExit:
        pass
    out = capsys.readouterr().out
    assert "--profile" in out and "--demo" in out and "wadesk sim" in out


def test_self_test_passes_in_a_real_process(tmp_path):
    result = _wadesk("--self-test", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "store: encrypted store ok" in result.stdout
    assert "qt: Qt ok" in result.stdout
    assert "self-test passed" in result.stdout
    # The self-test never touches the user's profile.
    assert not (tmp_path / "data" / "wadesk.db").exists()
