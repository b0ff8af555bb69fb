"""The store API: model objects in and out, one atomic write per change, ids stay stable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from careertui.demo import demo_plan
from careertui.model.plan import Action, Goal, Plan, Profile, Settings
from careertui.model.text_cleaning import clean_plan
from careertui.store.errors import CorruptPlanError, StorageWriteError
from careertui.store.plan_store import COLLECTION_TABLES, PlanStore
from tests.strategies import plans


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_any_plan_round_trips_through_replace(plan):
    store = PlanStore.in_memory()
    cleaned, notes = clean_plan(plan)
    assert store.replace_plan(plan) == notes
    # As the forms do with typed text, what a terminal would act on is not stored.
    assert store.load() == cleaned


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_any_plan_round_trips_record_by_record(plan):
    for table in COLLECTION_TABLES.values():
        ids = [record.id for record in getattr(plan, table)]
        assume(len(ids) == len(set(ids)))
    store = PlanStore.in_memory()
    store.save(plan.profile)
    store.save(plan.destination)
    store.save(plan.settings)
    for table in COLLECTION_TABLES.values():
        for record in getattr(plan, table):
            store.save(record)
    assert store.load() == plan


def test_plan_round_trips_through_a_file(tmp_path, today):
    path = tmp_path / "plan.json"
    plan = demo_plan(today)
    store = PlanStore.open(path)
    store.replace_plan(plan)
    store.close()
    reopened = PlanStore.open(path)
    assert reopened.load() == plan
    reopened.close()


def test_save_updates_in_place_and_delete_keeps_other_ids(empty_store):
    first, second, third = Action("one"), Action("two"), Action("three")
    for action in (first, second, third):
        empty_store.save(action)
    empty_store.delete(second)
    fourth = Action("four")
    empty_store.save(fourth)  # TinyDB may reuse doc ids; our ids must not collide
    first.title = "one, renamed"
    empty_store.save(first)
    stored = {a.id: a.title for a in empty_store.all(Action)}
    assert stored == {first.id: "one, renamed", third.id: "three", fourth.id: "four"}


def test_singletons_default_until_saved(empty_store):
    assert empty_store.get(Profile) == Profile()
    empty_store.save(Profile(name="Ada"))
    empty_store.save(Profile(name="Ada Lovelace"))
    assert empty_store.get(Profile).name == "Ada Lovelace"
    assert empty_store.get(Settings) == Settings()


def test_replace_plan_then_save_continues_cleanly(empty_store, today):
    empty_store.replace_plan(demo_plan(today))
    goal = Goal("A new goal")
    empty_store.save(goal)
    goals = empty_store.all(Goal)
    assert goals[-1] == goal
    assert len(goals) == len(demo_plan(today).goals) + 1


def test_new_plan_is_empty(empty_store):
    assert empty_store.load().is_empty
    assert empty_store.load() == Plan()


def test_a_record_of_the_wrong_shape_is_refused_with_its_path(tmp_path, today):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path)
    store.replace_plan(demo_plan(today))
    store.close()
    data = json.loads(path.read_text())
    data["actions"]["4"]["due"] = "soon"
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(CorruptPlanError, match=r"actions\[3\]\.due: not a date"):
        PlanStore.open(path)
    assert path.read_bytes() == before


def test_a_failed_delete_keeps_the_record_and_its_id(tmp_path, monkeypatch):
    store = PlanStore.open(tmp_path / "plan.json")
    action = Action("keep me")
    store.save(action)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr("careertui.store.files.os.fsync", disk_full)
        with pytest.raises(StorageWriteError):
            store.delete(action)
    assert store.all(Action) == [action]
    action.title = "still one record"
    store.save(action)
    assert store.all(Action) == [action]
    store.close()


def test_a_version_0_plan_opens_as_model_objects(tmp_path):
    path = tmp_path / "plan.json"
    path.write_bytes((Path(__file__).parent / "fixtures" / "plan-v0.json").read_bytes())
    store = PlanStore.open(path)
    plan = store.load()
    store.close()
    assert plan.profile.name == "Ada Lovelace"
    assert [goal.deadline.isoformat() for goal in plan.goals] == ["2027-06-30", "2028-03-31"]
    assert [action.done for action in plan.actions] == [False, False, True]
    assert all(len(record.id) == 32 for record in plan.goals + plan.actions)


def test_import_into_an_empty_plan_keeps_no_copy(tmp_path, today):
    store = PlanStore.open(tmp_path / "plan.json")
    plan = demo_plan(today)
    assert store.import_plan(plan) == (None, [])
    assert store.load() == plan
    assert sorted(p.name for p in tmp_path.iterdir() if "before-import" in p.name) == []
    store.close()


def test_import_over_a_plan_keeps_a_copy_of_it_first(tmp_path, today):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path)
    store.save(Profile(name="Old me"))  # in the journal, not yet in the plan file
    kept, _ = store.import_plan(demo_plan(today))
    store.close()
    assert kept.name.startswith("plan.json.before-import-")
    assert PlanStore.open(kept).get(Profile).name == "Old me"


def test_a_failed_copy_stops_the_import(tmp_path, today, monkeypatch):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path)
    store.save(Profile(name="Old me"))
    before = path.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("careertui.store.backups.keep_copy", full_disk)
    with pytest.raises(StorageWriteError, match="No space left"):
        store.import_plan(demo_plan(today))
    assert path.read_bytes() == before
    assert store.get(Profile).name == "Old me"
    store.close()
