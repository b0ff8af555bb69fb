"""A read-only plan, a hand-edited plan with values the app cannot use: refused, never changed."""

from __future__ import annotations

import json
import os

import pytest

from careertui import __main__ as cli
from careertui.demo import demo_plan
from careertui.store.database import open_database
from careertui.store.errors import CorruptPlanError, ReadOnlyPlanError
from careertui.store.plan_file import read_plan
from careertui.store.plan_store import PlanStore

from .conftest import DAY, snapshot


@pytest.fixture
def deny_writes(monkeypatch):
    """Make chosen paths read-only as os.access sees them (the tests may run as root, whom
    chmod does not stop; a read-only mount refuses root too, and os.access reports that)."""
    denied: set[str] = set()
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and os.path.abspath(path) in denied:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr("careertui.store.database.os.access", access)
    return denied


def saved_plan(path):
    store = PlanStore.open(path)
    store.replace_plan(demo_plan(DAY))
    store.close()


def test_a_read_only_folder_is_refused_before_anything_is_written(plan_path, deny_writes):
    saved_plan(plan_path)
    before = snapshot(plan_path.parent)
    deny_writes.add(str(plan_path.parent))
    with pytest.raises(ReadOnlyPlanError, match=r"the folder .* is read-only") as refused:
        open_database(plan_path)
    assert "careertui export --db" in str(refused.value)
    assert snapshot(plan_path.parent) == before


def test_a_read_only_file_is_refused_and_still_exports(plan_path, deny_writes, capsys):
    saved_plan(plan_path)
    before = snapshot(plan_path.parent)
    deny_writes.add(str(plan_path))
    assert cli.main(["--db", str(plan_path)]) == 2
    error = capsys.readouterr().err
    assert f"the file {plan_path} is read-only" in error and "chmod u+w" in error
    assert cli.main(["export", "--db", str(plan_path), "-o", "-"]) == 0
    assert "Maya Okafor" in capsys.readouterr().out
    assert snapshot(plan_path.parent) == before


def hand_edit(path, edit):
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path.read_bytes()


@pytest.mark.parametrize(("edit", "named"), [
    (lambda data: data["actions"]["1"].update(goal_id="deleted-goal"), "actions[0].goal_id"),
    (lambda data: data["settings"]["1"].update(review_cadence_months=0),
     "settings.review_cadence_months"),
    (lambda data: data["assessments"]["1"]["ratings"][0].update(level=9),
     "assessments[0].ratings[0].level"),
    (lambda data: data["actions"]["2"].update(due="next week"), "actions[1].due"),
])
def test_a_hand_edited_plan_is_refused_with_the_bad_field(plan_path, capsys, edit, named):
    saved_plan(plan_path)
    edited = hand_edit(plan_path, edit)
    with pytest.raises(CorruptPlanError, match=named.replace("[", r"\[").replace("]", r"\]")):
        PlanStore.open(plan_path)
    with pytest.raises(CorruptPlanError):
        read_plan(plan_path)
    assert cli.main(["--db", str(plan_path)]) == 2
    error = capsys.readouterr().err
    assert named in error and "left unchanged" in error
    assert plan_path.read_bytes() == edited


def test_the_refusal_offers_the_newest_backup(plan_path, clock, capsys):
    store = PlanStore.open(plan_path, today=clock)
    store.replace_plan(demo_plan(DAY))
    clock.day = DAY.replace(day=24)
    store.replace_plan(demo_plan(DAY))  # first write of a new day: yesterday's file is backed up
    store.close()
    hand_edit(plan_path, lambda data: data["goals"]["1"].update(horizon=7))
    assert cli.main(["--db", str(plan_path)]) == 2
    error = capsys.readouterr().err
    assert "goals[0].horizon" in error and "--restore-backup" in error
