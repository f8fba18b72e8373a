from pathlib import Path

from wadesk import paths


def test_profile_argument_wins_over_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WADESK_HOME", str(tmp_path / "from-env"))
    chosen = paths.for_profile(tmp_path / "chosen")
    assert chosen.data == (tmp_path / "chosen" / "data").resolve()
    assert chosen.database.parent == chosen.data


def test_environment_chooses_the_profile(tmp_path, monkeypatch):
    monkeypatch.setenv("WADESK_HOME", str(tmp_path))
    assert paths.for_profile().data == tmp_path.resolve() / "data"


def test_platform_defaults_without_profile(monkeypatch):
    monkeypatch.delenv("WADESK_HOME", raising=False)
    default = paths.for_profile()
    assert "wadesk" in str(default.data).lower()
    assert default.data != default.cache != default.logs


def test_demo_profile_is_kept_apart_from_real_data(tmp_path):
    real = paths.for_profile(tmp_path)
    demo = paths.demo_of(real)
    assert demo.database != real.database
    assert demo.media != real.media


def test_ensure_creates_private_folders(tmp_path):
    made = paths.for_profile(tmp_path / "p").ensure()
    for folder in (made.data, made.cache, made.logs, made.media):
        assert folder.is_dir()
        assert (folder.stat().st_mode & 0o077) == 0
