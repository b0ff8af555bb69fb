"""Text a terminal would act on never stays in a plan: cleaned on open and import, and said so."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from careertui.__main__ import main
from careertui.demo import demo_plan
from careertui.export.json_plan import plan_to_json
from careertui.model.plan import Action, Profile
from careertui.store.backups import backup_path
from careertui.store.plan_file import read_plan
from careertui.store.plan_store import PlanStore
from tests.conftest import TODAY

from .conftest import DAY

CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"  # OSC 52: sets the terminal's clipboard
TITLE = "\x1b]2;pwned\x07"
CLEAR = "\x1b[2J"


def plan_file_with_escapes(plan_path, clock) -> bytes:
    """A demo plan file whose profile name and an action's notes were edited outside."""
    store = PlanStore.open(plan_path, today=clock)
    store.replace_plan(demo_plan(TODAY))
    store.close()
    data = json.loads(plan_path.read_bytes())
    data["profile"]["1"]["name"] = f"Maya{CLIPBOARD} Okafor"
    first = next(iter(data["actions"]))
    data["actions"][first]["notes"] = f"line one{TITLE}\nline two{CLEAR}\u009b"
    raw = json.dumps(data).encode()
    plan_path.write_bytes(raw)
    return raw


def test_a_plan_file_with_escape_sequences_is_cleaned_on_open_and_stored_clean(plan_path,
                                                                              clock):
    clock.day = DAY - timedelta(days=1)
    raw = plan_file_with_escapes(plan_path, clock)
    clock.day = DAY  # the first write of the day: the file as it was goes to the backup
    store = PlanStore.open(plan_path, today=clock)
    try:
        assert store.get(Profile).name == "Maya Okafor"
        notes = [a.notes for a in store.all(Action) if a.notes.startswith("line one")]
        assert notes == ["line one\nline two"]
        assert [note.split(":")[0] for note in store.cleaned] == ["profile.name",
                                                                  "actions[0].notes"]
        assert "U+001B" in store.cleaned[0]
    finally:
        store.close()
    on_disk = plan_path.read_text(encoding="utf-8")
    assert "\x1b" not in json.loads(on_disk)["profile"]["1"]["name"]
    assert all(char not in on_disk for char in ("\\u001b", "\\u0007", "\\u009b", "\x1b"))
    assert backup_path(plan_path, DAY).read_bytes() == raw  # nothing lost: the file as it was


def test_a_line_break_in_a_one_line_field_is_stored_as_the_app_shows_it(plan_path, clock):
    store = PlanStore.open(plan_path, today=clock)
    store.save(Profile(name="Ann"))
    store.close()
    data = json.loads(plan_path.read_bytes())
    data["profile"]["1"]["name"] = "Ann\r\nLee\u2028X"  # no control character: no note
    plan_path.write_text(json.dumps(data), encoding="utf-8")
    store = PlanStore.open(plan_path, today=clock)
    assert store.get(Profile).name == "Ann Lee X" and store.cleaned == []
    store.close()
    assert json.loads(plan_path.read_bytes())["profile"]["1"]["name"] == "Ann Lee X"
    assert read_plan(plan_path).profile.name == "Ann Lee X"


def test_a_clean_plan_is_not_rewritten_on_open(plan_path, clock):
    store = PlanStore.open(plan_path, today=clock)
    store.replace_plan(demo_plan(TODAY))
    store.close()
    before = plan_path.read_bytes()
    store = PlanStore.open(plan_path, today=clock)
    assert store.cleaned == []
    store.close()
    assert plan_path.read_bytes() == before


def test_an_export_reads_the_plan_clean_without_changing_the_file(plan_path, clock, capsys):
    raw = plan_file_with_escapes(plan_path, clock)
    assert read_plan(plan_path).profile.name == "Maya Okafor"
    for kind in ("markdown", "ics", "json"):
        assert main(["export", "--db", str(plan_path), "--format", kind, "-o", "-"]) == 0
        shown = capsys.readouterr().out
        assert "\x1b" not in shown and "\x07" not in shown and "\u009b" not in shown
    assert plan_path.read_bytes() == raw


def test_an_import_carrying_escape_sequences_is_stored_clean_and_says_so(tmp_path, capsys):
    plan = demo_plan(TODAY)
    plan.profile.name = f"Maya{CLIPBOARD}{TITLE} Okafor"
    export = tmp_path / "export.json"
    export.write_text(plan_to_json(plan, TODAY_AT_NINE), encoding="utf-8")
    target = tmp_path / "plan.json"
    assert main(["import", "--db", str(target), str(export)]) == 0
    shown = capsys.readouterr().out
    assert "taken out of the plan's text" in shown and "profile.name" in shown
    store = PlanStore.open(target)
    assert store.get(Profile).name == "Maya Okafor" and store.cleaned == []
    store.close()


def test_two_ids_that_cleaning_makes_equal_are_refused_on_import(tmp_path, capsys):
    plan = demo_plan(TODAY)
    first, second = plan.goals[:2]
    second.id = first.id + "\x07"  # the same id once its BEL is taken out
    export = tmp_path / "export.json"
    export.write_text(plan_to_json(plan, TODAY_AT_NINE), encoding="utf-8")
    target = tmp_path / "plan.json"
    assert main(["import", "--db", str(target), str(export)]) == 2
    assert "goals[1].id" in capsys.readouterr().err
    assert not target.exists()


TODAY_AT_NINE = datetime(2026, 11, 23, 9, 0)
