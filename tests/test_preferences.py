"""The person's config file: read, validated key by key, written back without losing a thing."""

from __future__ import annotations

import stat
import tomllib
from datetime import date

from careertui.preferences import (
    DOCUMENTATION,
    Preferences,
    config_path,
    config_text,
    load_preferences,
)


def test_no_file_gives_the_defaults_and_writes_nothing(tmp_path):
    loaded = load_preferences(tmp_path / "config.toml")
    assert loaded.preferences == Preferences()
    assert loaded.problems == []
    assert not (tmp_path / "config.toml").exists()


def test_a_change_round_trips_and_documents_every_key(tmp_path):
    path = tmp_path / "careertui" / "config.toml"
    loaded = load_preferences(path)
    assert loaded.change(date_format="day-month", week_starts_on="sunday") is None
    text = path.read_text()
    for key in DOCUMENTATION:
        assert f"\n{key} = " in text
    assert "Default: \"iso\"" in text
    again = load_preferences(path)
    assert again.problems == []
    assert again.preferences == Preferences(date_format="day-month", week_starts_on="sunday")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_bad_value_names_its_key_uses_the_default_and_the_rest_still_counts(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('date_format = "dd/mm/yy"\nweek_starts_on = 1\ntheme = "nord"\n'
                    'export_folder = "/no/such/folder"\n')
    loaded = load_preferences(path)
    assert loaded.preferences == Preferences(theme="nord")
    assert len(loaded.problems) == 3
    week_problem, date_problem, folder_problem = loaded.problems  # in the keys' order
    assert 'week_starts_on = 1 is not text in quotes; the default "monday" is used' \
        in week_problem
    assert 'date_format = "dd/mm/yy" is not one of iso, day-month, month-day; the default ' \
           '"iso" is used' in date_problem
    assert 'export_folder = "/no/such/folder" is not a folder' in folder_problem


def test_rewriting_keeps_bad_values_and_keys_careertui_does_not_know(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('date_format = "dd/mm/yy"\nmy_note = "keep me"\n'
                    '[plugins]\nlist = [1, 2.5, "x\\"y"]\nwhen = 2026-12-03\n')
    loaded = load_preferences(path)
    assert any("knows no key my_note, plugins" in problem for problem in loaded.problems)
    assert loaded.change(theme="nord") is None
    data = tomllib.loads(path.read_text())
    assert data["theme"] == "nord"
    assert data["date_format"] == "dd/mm/yy"  # still the person's to correct
    assert data["my_note"] == "keep me"
    assert data["plugins"] == {"list": [1, 2.5, 'x"y'], "when": date(2026, 12, 3)}


def test_a_file_that_does_not_parse_is_reported_and_never_overwritten(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord\n')
    loaded = load_preferences(path)
    assert loaded.preferences == Preferences()
    [problem] = loaded.problems
    assert "could not be read" in problem and "defaults are used" in problem
    message = loaded.change(theme="gruvbox")
    assert message is not None and "kept as it is" in message
    assert loaded.preferences.theme == "gruvbox"  # for this session
    assert path.read_text() == 'theme = "nord\n'


def test_texts_with_quotes_and_control_characters_survive_a_rewrite():
    entries = {"export_folder": 'C:\\a "b"\x07', "odd key": "\U0001f600"}
    assert tomllib.loads(config_text(entries)) == {**{k: getattr(Preferences(), k)
                                                      for k in DOCUMENTATION},
                                                   **entries}


def test_dates_show_in_the_chosen_format():
    day = date(2026, 12, 3)
    assert Preferences().show_date(day) == "2026-12-03"
    assert Preferences(date_format="day-month").show_date(day) == "3 Dec 2026"
    assert Preferences(date_format="month-day").show_date(day) == "Dec 3, 2026"


def test_week_start_and_export_folder(tmp_path):
    assert Preferences().first_weekday == 0
    assert Preferences(week_starts_on="sunday").first_weekday == 6
    assert Preferences().export_dir() is None
    assert Preferences(export_folder=str(tmp_path)).export_dir() == tmp_path


def test_the_config_lives_in_the_user_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert config_path() == tmp_path / "cfg" / "careertui" / "config.toml"
