"""open_database: new plans, orphaned temp files, corrupt files and their restore, memory plans."""

from __future__ import annotations

import json
import shlex
import subprocess

import pytest

from careertui.store.backups import backup_path
from careertui.store.database import memory_database, open_database
from careertui.store.errors import CorruptPlanError
from careertui.store.lock import PlanLock
from careertui.store.migrations import SCHEMA_VERSION
from careertui.store.restore import restore_backup

from .conftest import DAY, PYTHON, REPO, child_env, mode, snapshot


def test_a_new_plan_is_created_private_and_at_the_current_schema(tmp_path, clock):
    path = tmp_path / "new" / "dir" / "plan.json"
    opened = open_database(path, today=clock)
    assert opened.path == path.resolve()
    assert opened.db.table("meta").get(doc_id=1) == {"schema_version": SCHEMA_VERSION}
    opened.close()
    assert json.loads(path.read_bytes()) == {"meta": {"1": {"schema_version": SCHEMA_VERSION}}}
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert mode(path.with_name("plan.json.lock")) == 0o600
    assert not (path.parent / "backups").exists()  # nothing to back up yet


def test_reopening_an_untouched_plan_changes_nothing(plan_path, clock):
    open_database(plan_path, today=clock).close()
    before = snapshot(plan_path.parent)
    open_database(plan_path, today=clock).close()
    assert snapshot(plan_path.parent) == before


def test_orphaned_temp_files_are_removed_on_open(plan_path, clock):
    open_database(plan_path, today=clock).close()
    folder = plan_path.parent
    (folder / "backups").mkdir()
    orphans = [
        folder / ".plan.json.k2j3h4.tmp",
        folder / ".plan.json.corrupt-20261123-101010.x8y9.tmp",
        folder / "backups" / ".plan-2026-11-22.json.a1b2c3.tmp",
    ]
    keep = [folder / ".other.json.k2j3h4.tmp", folder / "notes.tmp", folder / ".plan.json.tmp"]
    for path in orphans + keep:
        path.write_text('{"half": ')
    open_database(plan_path, today=clock).close()
    assert [p for p in orphans if p.exists()] == []
    assert all(p.exists() for p in keep)


def test_memory_database_starts_at_the_current_schema():
    opened = memory_database()
    assert opened.path is None and opened.lock is None
    assert opened.db.table("meta").all() == [{"schema_version": SCHEMA_VERSION}]
    opened.db.table("goals").insert({"statement": "x"})
    assert len(opened.db.table("goals")) == 1
    opened.close()


VALID = json.dumps(
    {"meta": {"1": {"schema_version": 1}}, "actions": {"1": {"title": "Book the exam"}}}
).encode()

CORRUPT = [
    pytest.param(VALID[: len(VALID) // 2], "not valid JSON: ", id="truncated"),
    pytest.param(b"", "the file is empty", id="empty"),
    pytest.param(b"  \n", "the file is empty", id="blank"),
    pytest.param(b"hello", "not valid JSON: Expecting value at line 1 column 1", id="not-json"),
    pytest.param(b"\xff\xfe{}", "not valid UTF-8 (byte 0)", id="not-utf8"),
    pytest.param(b"[1, 2]", "the top level is an array, not an object", id="top-list"),
    pytest.param(
        b'{"actions": []}', "table 'actions' is not an object (it is an array)", id="table-list"
    ),
    pytest.param(
        b'{"actions": {"1": "Book"}}',
        "document 1 in table 'actions' is not an object (it is a string)",
        id="document-string",
    ),
    pytest.param(
        b'{"actions": {"first": {}}}',
        "table 'actions' has a document id 'first' that is not a number",
        id="document-id",
    ),
    pytest.param(
        b'{"meta": {"1": {"schema_version": "1"}}}',
        "table 'meta' has no valid schema_version (found '1')",
        id="bad-meta",
    ),
]


@pytest.mark.parametrize("content, reason", CORRUPT)
def test_a_corrupt_plan_is_refused_and_left_exactly_as_it_was(plan_path, clock, content, reason):
    plan_path.parent.mkdir(parents=True)
    plan_path.write_bytes(content)
    with PlanLock(plan_path):  # only so the lock file is in the "before" snapshot
        pass
    before = snapshot(plan_path.parent)

    with pytest.raises(CorruptPlanError) as caught:
        open_database(plan_path, today=clock)

    error = caught.value
    assert reason in error.reason
    assert error.newest_backup is None
    message = str(error)
    assert str(plan_path) in message and reason in message
    assert "left unchanged" in message and "no backup" in message
    assert snapshot(plan_path.parent) == before
    assert sorted(p.name for p in plan_path.parent.iterdir()) == ["plan.json", "plan.json.lock"]
    with PlanLock(plan_path):  # released
        pass


def test_a_corrupt_plan_names_its_newest_backup_and_the_command_that_restores_it(tmp_path, clock):
    path = tmp_path / "my plans" / "plan.json"
    opened = open_database(path, today=clock)
    opened.db.table("goals").insert({"statement": "Lead a team"})
    opened.db.table("goals").insert({"statement": "Learn Rust"})
    opened.close()
    good = path.read_bytes()
    path.write_bytes(good[:-20])  # truncated by a crash of some other tool
    damaged = path.read_bytes()

    with pytest.raises(CorruptPlanError) as caught:
        open_database(path, today=clock)
    backup = backup_path(path.resolve(), DAY)
    assert caught.value.newest_backup == backup
    message = str(caught.value)
    assert str(backup) in message
    command = f"careertui --db {shlex.quote(str(path.resolve()))} --restore-backup"
    assert command in message and "'" in command

    report = restore_backup(path)
    assert str(backup) in report
    aside = [p for p in path.parent.iterdir() if p.name.startswith("plan.json.before-restore-")]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert str(aside[0]) in report
    opened = open_database(path, today=clock)
    # The backup was taken before the first write of the day: the new plan, no goals yet.
    assert opened.db.table("goals").all() == []
    assert opened.db.table("meta").all() == [{"schema_version": SCHEMA_VERSION}]
    opened.close()


def test_store_modules_do_not_import_textual():
    code = (
        "import sys, careertui.store.database, careertui.store.backups, careertui.store.lock; "
        "assert not any(m.startswith('textual') for m in sys.modules), 'textual imported'"
    )
    subprocess.run([PYTHON, "-c", code], cwd=REPO, env=child_env(), check=True)
