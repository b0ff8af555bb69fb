"""Daily backups: one per day before the first write, newest 7 kept, restore the newest readable."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from careertui.store.backups import (
    backup_before_write,
    backup_path,
    list_backups,
    newest_backup,
    restore_newest_backup,
)
from careertui.store.database import open_database, restore_backup
from careertui.store.errors import NoBackupError, PlanLockedError

from .conftest import DAY, mode, snapshot


def log_days(path) -> list[str]:
    data = json.loads(path.read_bytes())
    return [doc["day"] for doc in data.get("log", {}).values()]


def test_ten_days_of_writes_keep_the_newest_seven_each_holding_the_day_before(plan_path, clock):
    opened = open_database(plan_path, today=clock)
    days = [DAY + timedelta(days=n) for n in range(10)]
    for day in days:
        clock.day = day
        opened.db.table("log").insert({"day": day.isoformat()})
    opened.close()

    backups = list_backups(plan_path)
    assert backups == [backup_path(plan_path, day) for day in reversed(days[3:])]
    for day in days[3:]:
        expected = [d.isoformat() for d in days if d < day]
        assert log_days(backup_path(plan_path, day)) == expected
    assert mode(plan_path.parent / "backups") == 0o700
    assert all(mode(backup) == 0o600 for backup in backups)


def test_backups_left_over_by_a_write_killed_before_pruning_are_pruned_on_open(plan_path,
                                                                              clock):
    # A write killed after copying the day's backup and before pruning leaves one too many;
    # the day's backup exists, so the next writes of that day do not prune either.
    with open_database(plan_path, today=clock):
        pass
    backup_path(plan_path, DAY).parent.mkdir(mode=0o700)
    days = [DAY - timedelta(days=n) for n in range(8)]
    for day in days:
        backup_path(plan_path, day).write_bytes(plan_path.read_bytes())
    assert len(list_backups(plan_path)) == 8
    with open_database(plan_path, today=clock) as opened:
        opened.db.table("log").insert({"day": DAY.isoformat()})
    assert list_backups(plan_path) == [backup_path(plan_path, day) for day in days[:7]]


def test_a_second_write_on_the_same_day_makes_no_new_backup(plan_path, clock):
    opened = open_database(plan_path, today=clock)
    opened.db.table("log").insert({"day": "first"})
    folder = plan_path.parent / "backups"
    before = snapshot(folder)
    opened.db.table("log").insert({"day": "second"})
    opened.db.table("log").insert({"day": "third"})
    opened.close()
    assert snapshot(folder) == before
    assert log_days(backup_path(plan_path, DAY)) == []  # the state before the day's first write


def test_no_backup_before_the_plan_file_exists(tmp_path):
    backup_before_write(tmp_path / "plan.json", DAY)
    assert list(tmp_path.iterdir()) == []


def test_pruning_leaves_other_files_in_the_backup_folder_alone(plan_path, clock):
    folder = plan_path.parent / "backups"
    folder.mkdir(parents=True)
    others = ["other-2020-01-01.json", "plan-notes.json", "plan-2020-01-01.json.bak", "README"]
    for name in others:
        (folder / name).write_text("keep me")
    opened = open_database(plan_path, today=clock)
    for n in range(9):
        clock.day = DAY + timedelta(days=n)
        opened.db.table("log").insert({"n": n})
    opened.close()
    assert len(list_backups(plan_path)) == 7
    assert all((folder / name).read_text() == "keep me" for name in others)


def test_backups_of_a_plan_with_dashes_in_its_name_are_its_own(tmp_path, clock):
    plan = tmp_path / "plan.json"
    work = tmp_path / "plan-2026.json"
    for path in (plan, work):
        opened = open_database(path, today=clock)
        opened.db.table("log").insert({"plan": path.name})
        opened.close()
    assert list_backups(plan) == [backup_path(plan, DAY)]
    assert list_backups(work) == [backup_path(work, DAY)]


def make_two_backups(plan_path, clock):
    opened = open_database(plan_path, today=clock)
    opened.db.table("log").insert({"day": "day one"})
    clock.day = DAY + timedelta(days=1)
    opened.db.table("log").insert({"day": "day two"})
    opened.close()
    return backup_path(plan_path, DAY), backup_path(plan_path, clock.day)


def test_restore_keeps_the_current_file_and_puts_the_newest_backup_in_place(plan_path, clock):
    older, newer = make_two_backups(plan_path, clock)
    plan_path.write_bytes(b'{"log": {"1": ')
    backup, moved_to = restore_newest_backup(plan_path)
    assert backup == newer and newest_backup(plan_path) == newer
    assert moved_to.parent == plan_path.parent
    assert moved_to.name.startswith("plan.json.corrupt-")
    assert moved_to.read_bytes() == b'{"log": {"1": '
    assert plan_path.read_bytes() == newer.read_bytes()
    assert mode(plan_path) == 0o600


def test_restore_skips_a_newest_backup_that_does_not_parse(plan_path, clock):
    older, newer = make_two_backups(plan_path, clock)
    newer.write_text("")
    backup, _ = restore_newest_backup(plan_path)
    assert backup == older
    assert plan_path.read_bytes() == older.read_bytes()


def test_two_restores_in_the_same_second_keep_both_old_files(plan_path, clock):
    make_two_backups(plan_path, clock)
    plan_path.write_text("first damage")
    _, first = restore_newest_backup(plan_path)
    plan_path.write_text("second damage")
    _, second = restore_newest_backup(plan_path)
    assert first != second
    assert first.read_text() == "first damage" and second.read_text() == "second damage"


def test_restore_without_a_usable_backup_changes_nothing(plan_path, clock):
    plan_path.parent.mkdir(parents=True)
    plan_path.write_text("not json")
    before = snapshot(plan_path.parent)
    with pytest.raises(NoBackupError, match="found no backup"):
        restore_backup(plan_path)
    backup_path(plan_path, DAY).parent.mkdir()
    backup_path(plan_path, DAY).write_text("[]")
    with pytest.raises(NoBackupError, match="none of its 1 backup file"):
        restore_backup(plan_path)
    assert {k: v for k, v in snapshot(plan_path.parent).items() if "backups" not in k} == {
        **before,
        "plan.json.lock": b"",
    }


def test_restore_refuses_while_the_plan_is_open(plan_path, clock):
    make_two_backups(plan_path, clock)
    opened = open_database(plan_path, today=clock)
    before = snapshot(plan_path.parent)
    with pytest.raises(PlanLockedError):
        restore_backup(plan_path)
    assert snapshot(plan_path.parent) == before
    opened.close()
