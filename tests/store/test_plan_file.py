"""Reading a plan file for export: no lock, no change to the file, every failure a StoreError."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from careertui.demo import demo_plan
from careertui.store.errors import (
    CorruptPlanError,
    MissingPlanError,
    NewerSchemaError,
    StorageReadError,
)
from careertui.store.lock import PlanLock
from careertui.store.plan_file import read_plan
from careertui.store.plan_store import PlanStore

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_reads_the_saved_plan_while_another_process_holds_the_lock(tmp_path, today):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path)
    plan = demo_plan(today)
    store.replace_plan(plan)
    store.close()
    before = path.read_bytes()
    with PlanLock(path):  # the app has the plan open
        assert read_plan(path) == plan
    assert path.read_bytes() == before


def test_a_missing_plan_is_named(tmp_path):
    with pytest.raises(MissingPlanError, match="There is no plan at .*nowhere.json"):
        read_plan(tmp_path / "nowhere.json")
    assert not (tmp_path / "nowhere.json").exists()


def test_an_unreadable_plan_is_refused(tmp_path):
    with pytest.raises(StorageReadError, match="Could not read"):
        read_plan(tmp_path)  # a folder cannot be read as a file


def test_a_truncated_plan_is_refused_unchanged(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"profile": {"1": {"na')
    with pytest.raises(CorruptPlanError, match="not valid JSON"):
        read_plan(path)
    assert path.read_text() == '{"profile": {"1": {"na'


def test_a_wrong_shape_names_the_field(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"meta": {"1": {"schema_version": 1}},
                                "actions": {"1": {"title": "Read", "due": "soon"}}}))
    with pytest.raises(CorruptPlanError, match=r"actions\[0\]\.due: not a date"):
        read_plan(path)


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"meta": {"1": {"schema_version": 99}}}))
    with pytest.raises(NewerSchemaError, match="newer careertui"):
        read_plan(path)


def test_an_old_plan_is_migrated_in_memory_only(tmp_path):
    path = tmp_path / "plan.json"
    shutil.copy(FIXTURES / "plan-v0.json", path)
    before = path.read_bytes()
    plan = read_plan(path)
    assert plan.profile.name == "Ada Lovelace"
    assert all(action.id for action in plan.actions)
    assert path.read_bytes() == before
