import json

import pytest

from wadesk.desktop.settings import BY_KEY, SETTINGS, Settings


def test_every_setting_is_declared_with_a_default_that_fits():
    for setting in SETTINGS:
        assert setting.accepts(setting.default), setting.key
        assert setting.label and setting.label_text()


def test_values_are_kept_as_json_and_bad_ones_fall_back(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"enter_sends": "yes", "theme": "dark", "sound": True, "unknown": 1,
                                "app_lock_idle_minutes": -5}))
    settings = Settings.load(path)
    assert settings.get("enter_sends") is True  # "yes" is no bool: the default
    assert settings.get("theme") == "dark" and settings.get("sound") is True
    assert settings.get("app_lock_idle_minutes") == BY_KEY["app_lock_idle_minutes"].default
    settings.set("language", "de")
    settings.set("theme", "system")  # back to the default: not stored
    assert json.loads(path.read_text()) == {"language": "de", "sound": True}
    with pytest.raises(ValueError):
        settings.set("language", "fr")


def test_a_broken_file_starts_with_the_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert Settings.load(path).as_dict() == {s.key: s.default for s in SETTINGS}
