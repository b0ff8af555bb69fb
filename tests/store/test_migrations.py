"""Schema migrations: a version-0 prototype file gets stable ids once; newer files are refused."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from careertui.demo import demo_plan
from careertui.model.plan import Assessment, InterestCheck
from careertui.store import migrations
from careertui.store.backups import backup_path, list_backups
from careertui.store.errors import NewerSchemaError
from careertui.store.lock import PlanLock
from careertui.store.migrations import LIST_TABLES, SCHEMA_VERSION, migrate, schema_version_of
from careertui.store.plan_format import encode_tables
from careertui.store.plan_store import PlanStore
from tests.conftest import TODAY

from .conftest import DAY, FIXTURES, snapshot

V0 = FIXTURES / "plan-v0.json"


@pytest.fixture
def v0_plan(plan_path):
    plan_path.parent.mkdir(parents=True)
    shutil.copyfile(V0, plan_path)
    return plan_path


def without_id(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "id"}


def test_a_version_0_plan_gets_stable_ids_and_a_backup_of_the_old_file(v0_plan, clock):
    original = json.loads(V0.read_bytes())
    assert schema_version_of(original) == 0

    PlanStore.open(v0_plan, today=clock).close()

    migrated = json.loads(v0_plan.read_bytes())
    assert schema_version_of(migrated) == SCHEMA_VERSION == 2
    assert migrated["meta"] == {"1": {"schema_version": 2}}
    ids = []
    for table in LIST_TABLES:
        assert migrated.get(table, {}).keys() == original.get(table, {}).keys()
        for doc_id, document in migrated.get(table, {}).items():
            assert re.fullmatch(r"[0-9a-f]{32}", document["id"])
            assert without_id(document) == original[table][doc_id]
            ids.append(document["id"])
    assert len(ids) == len(set(ids)) == 7
    for table in ("profile", "destination"):
        assert migrated[table] == original[table]
    assert migrated["profile"]["1"]["name"] == "Ada Lovelace"
    assert list_backups(v0_plan) == [backup_path(v0_plan, DAY)]
    assert backup_path(v0_plan, DAY).read_bytes() == V0.read_bytes()


def test_reopening_a_migrated_plan_does_not_migrate_again(v0_plan, clock):
    PlanStore.open(v0_plan, today=clock).close()
    before = snapshot(v0_plan.parent)
    clock.day = clock.day.replace(day=24)  # a second migration would write and back up
    PlanStore.open(v0_plan, today=clock).close()
    assert snapshot(v0_plan.parent) == before


def test_existing_ids_are_kept():
    data = {"goals": {"1": {"statement": "a", "id": "keep-me"}, "2": {"statement": "b"}}}
    assert migrate(data, V0) is True
    assert data["goals"]["1"]["id"] == "keep-me"
    assert re.fullmatch(r"[0-9a-f]{32}", data["goals"]["2"]["id"])
    assert migrate(data, V0) is False


def test_every_schema_version_has_its_migration():
    assert len(migrations.MIGRATIONS) == SCHEMA_VERSION


def test_a_plan_from_a_newer_careertui_is_refused_and_left_alone(plan_path, clock):
    plan_path.parent.mkdir(parents=True)
    plan_path.write_text(
        json.dumps({"meta": {"1": {"schema_version": 99}}, "goals": {"1": {"statement": "x"}}})
    )
    with PlanLock(plan_path):  # so the lock file is in the "before" snapshot
        pass
    before = snapshot(plan_path.parent)
    with pytest.raises(NewerSchemaError) as caught:
        PlanStore.open(plan_path, today=clock)
    assert (caught.value.found, caught.value.supported) == (99, SCHEMA_VERSION)
    message = str(caught.value)
    assert str(plan_path) in message
    assert "newer careertui (schema 99, this version reads up to 2); upgrade careertui" in message
    assert snapshot(plan_path.parent) == before
    with PlanLock(plan_path):  # released
        pass


def test_a_schema_1_plan_opens_as_schema_2_with_no_interest_check(tmp_path, clock):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path, today=clock)
    store.replace_plan(demo_plan(TODAY))
    store.close()
    data = json.loads(path.read_bytes())
    data["meta"]["1"]["schema_version"] = 1
    for document in data["assessments"].values():
        del document["interest_check"]  # as careertui wrote snapshots before schema 2
    path.write_bytes(encode_tables(data))
    store = PlanStore.open(path, today=clock)
    snapshots = store.all(Assessment)
    store.close()
    assert [s.interest_check for s in snapshots] == [InterestCheck()] * len(snapshots)
    assert json.loads(path.read_bytes())["meta"]["1"]["schema_version"] == 2
