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


def test_every_visible_setting_has_a_section_and_named_choices():
    from wadesk.desktop.settings import GROUPS

    groups = {key for key, _label in GROUPS}
    for setting in SETTINGS:
        assert setting.group in groups, setting.key
        if setting.choices and not setting.hidden:
            assert len(setting.choice_labels) == len(setting.choices), setting.key
        if setting.requires:
            assert setting.requires in BY_KEY, setting.key


def test_language_names_stay_in_their_own_language(qapp):
    from PySide6.QtCore import QCoreApplication

    from wadesk.desktop import i18n

    installed = i18n.install_translators(qapp, "de")
    try:
        language = BY_KEY["language"]
        assert [language.choice_text(c) for c in language.choices][1:] == ["English", "Deutsch"]
    finally:
        for translator in installed:
            QCoreApplication.instance().removeTranslator(translator)


def test_several_values_are_written_together_or_not_at_all(tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings(path)
    settings.update({"app_lock_hash": "scrypt$x", "app_lock_kind": "pin"})
    assert json.loads(path.read_text()) == {"app_lock_hash": "scrypt$x", "app_lock_kind": "pin"}
    with pytest.raises(ValueError):
        settings.update({"sound": True, "app_lock_kind": "fingerprint"})
    assert settings.get("sound") is False  # the good half was not kept either

    blocked = tmp_path / "blocked.json"
    blocked.mkdir()  # a folder where the file should be
    stuck = Settings(blocked)
    with pytest.raises(OSError):
        stuck.set("sound", True)
    assert stuck.get("sound") is False
