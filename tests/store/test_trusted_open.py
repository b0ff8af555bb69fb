"""Opening trusts a plan file careertui checked and wrote itself, and checks any other fully."""

from __future__ import annotations

import json

import pytest

from careertui.demo import demo_plan
from careertui.model import integrity
from careertui.store import journal, plan_check, storage
from careertui.store.errors import CorruptPlanError
from careertui.store.plan_store import PlanStore

from .conftest import DAY


@pytest.fixture
def checks(monkeypatch) -> list[str]:
    """The full checks opening ran, in turn: "parse" (the file's shape), "rules" (integrity)."""
    made: list[str] = []
    problems, parse = plan_check.plan_problems, storage.parse_plan
    monkeypatch.setattr(plan_check, "plan_problems",
                        lambda plan: made.append("rules") or problems(plan))
    monkeypatch.setattr(storage, "parse_plan", lambda raw: made.append("parse") or parse(raw))
    return made


def written(plan_path, clock) -> None:
    store = PlanStore.open(plan_path, clock)
    store.replace_plan(demo_plan(DAY))
    store.close()


def test_a_plan_careertui_wrote_opens_without_the_full_check(plan_path, clock, checks):
    written(plan_path, clock)
    checks.clear()
    store = PlanStore.open(plan_path, clock)
    assert store.load().goals[0].statement == demo_plan(DAY).goals[0].statement
    store.close()
    assert checks == []


def test_a_plan_with_journaled_saves_is_still_trusted(plan_path, clock, checks):
    written(plan_path, clock)
    store = PlanStore.open(plan_path, clock)
    store.save(demo_plan(DAY).goals[0])
    store._opened.lock.release()  # a crash: the journal is left as it was
    checks.clear()
    PlanStore.open(plan_path, clock).close()
    assert checks == []


def test_a_file_edited_by_hand_is_checked_and_refused_as_before(plan_path, clock, checks):
    written(plan_path, clock)
    data = json.loads(plan_path.read_bytes())
    data["assessments"]["1"]["ratings"][0]["level"] = 9
    plan_path.write_text(json.dumps(data, indent=1))
    checks.clear()
    with pytest.raises(CorruptPlanError, match="a value careertui cannot use at assessments"):
        PlanStore.open(plan_path, clock)
    assert checks == ["parse", "rules"]


def test_a_plan_checked_under_older_rules_is_checked_again(plan_path, clock, checks,
                                                           monkeypatch):
    written(plan_path, clock)
    monkeypatch.setattr(journal, "RULES", integrity.RULES + 1)  # a newer careertui's rules
    checks.clear()
    store = PlanStore.open(plan_path, clock)
    assert checks == ["parse", "rules"]
    store.save(demo_plan(DAY).goals[0])
    store.close()  # the file written anew says it was checked under these rules
    checks.clear()
    PlanStore.open(plan_path, clock).close()
    assert checks == []
