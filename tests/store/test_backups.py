"""Daily backups: one per day before the first write, the newest 7 kept."""

from __future__ import annotations

import json
from datetime import timedelta

from careertui.store.backups import backup_before_write, backup_path, list_backups
from careertui.store.database import open_database

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


def test_a_backup_is_the_content_given_and_never_replaces_one_of_the_day(tmp_path):
    plan = tmp_path / "plan.json"
    backup_before_write(plan, DAY, b"first")
    backup_before_write(plan, DAY, b"second")
    assert backup_path(plan, DAY).read_bytes() == b"first"
    assert mode(backup_path(plan, DAY).parent) == 0o700


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
