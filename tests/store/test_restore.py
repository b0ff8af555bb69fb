"""Restoring a copy: each checked as open checks, the newest usable one, or the one asked for."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from careertui.__main__ import main
from careertui.model.plan import Action, Goal, Plan, Profile
from careertui.store import files, history
from careertui.store.backups import backup_path
from careertui.store.errors import (
    HistoryCopyError,
    NoBackupError,
    PlanLockedError,
    UnsafeFolderError,
)
from careertui.store.plan_file import read_plan
from careertui.store.plan_format import parse_plan
from careertui.store.plan_store import PlanStore, plan_from_tables
from careertui.store.restore import list_copies, restore, restore_backup

from .conftest import DAY, mode, snapshot


def plan_with_goals(plan_path, clock, *statements: str) -> None:
    """A plan saved over several days, one goal a day: a daily backup before each new day's."""
    store = PlanStore.open(plan_path, today=clock)
    try:
        for n, statement in enumerate(statements):
            clock.day = DAY + timedelta(days=n)
            store.save(Goal(statement))
    finally:
        store.close()


def goals_in(path) -> list[str]:
    data = json.loads(path.read_bytes())
    return [goal["statement"] for goal in data.get("goals", {}).values()]


def test_restore_keeps_the_current_file_and_puts_the_newest_usable_copy_in_place(plan_path,
                                                                                   clock):
    plan_with_goals(plan_path, clock, "one", "two", "three")
    plan_path.write_bytes(b'{"goals": {"1": ')  # damaged
    restored = restore(plan_path)
    assert goals_in(plan_path) == ["one", "two"]  # the day-three backup: before the third goal
    assert restored.kept is not None and restored.kept.name.startswith("plan.json.before-restore-")
    assert restored.kept.read_bytes() == b'{"goals": {"1": '
    assert mode(plan_path) == 0o600


def test_a_newer_backup_careertui_cannot_open_is_skipped_not_restored(plan_path, clock, capsys):
    # The loop the review found: a newer backup that parses but breaks the plan's rules used
    # to be restored, refused on open, and restored again, a copy piling up each time.
    plan_with_goals(plan_path, clock, "one", "two", "three")
    newest = backup_path(plan_path, DAY + timedelta(days=2))
    data = json.loads(newest.read_bytes())
    data["goals"]["1"]["horizon"] = 9
    newest.write_text(json.dumps(data))
    plan_path.write_text("damaged")
    assert main(["--db", str(plan_path), "--restore-backup"]) == 0
    shown = capsys.readouterr().out
    assert "Skipped the newer daily backup" in shown and "horizon" in shown
    assert goals_in(plan_path) == ["one"]  # the day-two backup: usable
    store = PlanStore.open(plan_path, today=clock)  # and careertui opens what it restored
    assert store.load().goals[0].statement == "one"
    store.close()
    # A second restore has nothing to keep: the plan already is that copy.
    before = snapshot(plan_path.parent)
    assert main(["--db", str(plan_path), "--restore-backup"]) == 0
    assert "nothing else to keep" in capsys.readouterr().out
    assert {name for name in snapshot(plan_path.parent) if "before-restore" in name} == {
        name for name in before if "before-restore" in name}


def test_list_backups_says_when_each_was_taken_and_whether_it_can_be_used(plan_path, clock,
                                                                         capsys):
    plan_with_goals(plan_path, clock, "one", "two", "three")
    backup_path(plan_path, DAY + timedelta(days=1)).write_text("[]")
    assert main(["--db", str(plan_path), "--list-backups"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0] == f"Copies of {plan_path}, newest first:"
    rows = [line for line in listing if line.strip()[:1].isdigit()]
    assert any("daily backup" in row and "not usable" in row for row in rows)
    assert any("daily backup" in row and "2 goals" in row for row in rows)
    assert any("before a change" in row for row in rows)
    assert "--restore-backup N" in listing[-1]


def test_a_copy_named_by_its_number_is_restored(plan_path, clock):
    plan_with_goals(plan_path, clock, "one", "two", "three")
    copies = list_copies(plan_path)
    oldest = max(i for i, copy in enumerate(copies, start=1) if copy.usable)
    restore(plan_path, oldest)
    assert goals_in(plan_path) == list_goals(copies[oldest - 1])
    with pytest.raises(NoBackupError, match="no usable copy number 99"):
        restore(plan_path, 99)


def list_goals(copy) -> list[str]:
    data = json.loads(copy.content)
    return [goal["statement"] for goal in data.get("goals", {}).values()]


def test_restore_without_a_usable_copy_changes_nothing(plan_path, clock):
    plan_path.parent.mkdir(parents=True)
    plan_path.write_text("not json")
    before = snapshot(plan_path.parent)
    with pytest.raises(NoBackupError, match="found no backup"):
        restore_backup(plan_path)
    backup_path(plan_path, DAY).parent.mkdir()
    backup_path(plan_path, DAY).write_text("[]")
    with pytest.raises(NoBackupError, match="none of its 1 copies can be used"):
        restore_backup(plan_path)
    assert {k: v for k, v in snapshot(plan_path.parent).items() if "backups" not in k} == {
        **before, "plan.json.lock": b""}


def test_restore_refuses_while_the_plan_is_open(plan_path, clock):
    plan_with_goals(plan_path, clock, "one", "two")
    store = PlanStore.open(plan_path, today=clock)
    before = snapshot(plan_path.parent)
    with pytest.raises(PlanLockedError):
        restore_backup(plan_path)
    assert snapshot(plan_path.parent) == before
    store.close()


# The recent history --------------------------------------------------------------------------

class Minutes:
    """A clock for the history that tests move by hand, a minute at a time."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 9, 0)

    def __call__(self) -> datetime:
        return self.now


def test_saves_a_minute_apart_keep_the_plan_as_it_was_and_the_newest_twenty(plan_path, clock):
    minutes = Minutes()
    store = PlanStore.open(plan_path, today=clock, now=minutes)
    for n in range(25):
        minutes.now += timedelta(minutes=1)
        store.save(Profile(name=f"name {n}"))
        store.save(Profile(name=f"name {n}, fixed"))  # the same minute: no second copy
    store.close()
    versions = history.list_versions(plan_path)
    assert len(versions) == history.KEEP_VERSIONS
    assert all(mode(path) == 0o600 for _, path in versions)
    assert mode(history.history_dir(plan_path)) == 0o700
    # "As it was 10 minutes ago": the copy taken then holds the name saved the minute before.
    taken, path = versions[9]
    assert taken == minutes.now - timedelta(minutes=9)
    assert json.loads(history.read_version(path))["profile"]["1"]["name"] == "name 14, fixed"


@pytest.mark.parametrize("prepared", [False, True], ids=["as saved", "prepared ahead"])
def test_each_copy_holds_the_plan_as_saved_before_it_whatever_changed(plan_path, clock,
                                                                       prepared):
    # Copies reuse the lines of documents they encoded before: changed, added, removed and
    # untouched records must all come out as they were saved.
    minutes = Minutes()
    store = PlanStore.open(plan_path, today=clock, now=minutes)
    goals = [Goal(f"goal {n}") for n in range(4)]
    store.replace_plan(Plan(goals=goals, actions=[Action(f"item {n}") for n in range(6)]))
    if prepared:
        store.prepare_to_save()
    edits = [lambda: store.save(replace(goals[1], statement="goal 1, reworded")),
             lambda: store.save(Action("item 6")),
             lambda: store.delete(goals[2]),
             lambda: store.save(Profile(name="Ada")),
             lambda: store.delete_many(store.all(Action)[:2]),
             lambda: store.save(replace(store.all(Goal)[0], statement="goal 0, reworded"))]
    for edit in edits:
        minutes.now += timedelta(minutes=1)
        before = read_plan(plan_path)
        edit()
        newest = history.list_versions(plan_path)[0][1]
        assert plan_from_tables(parse_plan(history.read_version(newest))) == before
    store.close()


def deferring(plan_path, clock) -> tuple[PlanStore, Minutes]:
    """A store that defers its history copies, the profile saved as "before" a minute ago."""
    minutes = Minutes()
    store = PlanStore.open(plan_path, today=clock, now=minutes)
    store.save(Profile(name="before"))
    store.defer_copies()
    minutes.now += timedelta(minutes=1)
    return store, minutes


def newest_name(plan_path) -> str:
    """The profile name in the newest copy of the recent history."""
    newest = history.list_versions(plan_path)[0][1]
    name: str = json.loads(history.read_version(newest))["profile"]["1"]["name"]
    return name


def test_a_deferred_copy_is_the_plan_before_the_save_and_is_written_before_the_next(plan_path,
                                                                                   clock):
    store, minutes = deferring(plan_path, clock)
    versions = history.list_versions(plan_path)
    store.save(Profile(name="after"))
    assert store.copy_pending and history.list_versions(plan_path) == versions  # not yet
    store.save(Profile(name="after, fixed"))  # the same minute: writes the first copy only
    assert not store.copy_pending
    assert history.list_versions(plan_path)[0][0] == minutes.now
    assert newest_name(plan_path) == "before"
    minutes.now += timedelta(minutes=1)
    store.save(Profile(name="later"))
    store.keep_pending_copy()
    assert newest_name(plan_path) == "after, fixed"
    minutes.now += timedelta(minutes=1)
    store.save(Profile(name="last"))
    store.close()  # writes what is pending
    assert newest_name(plan_path) == "later"


def test_a_deferred_copy_that_cannot_be_written_is_reported_and_tried_again(plan_path, clock,
                                                                            monkeypatch):
    store, minutes = deferring(plan_path, clock)
    store.save(Profile(name="after"))
    real_write = files.write_atomically

    def history_full(path, content):
        if history.history_dir(plan_path) in Path(path).parents:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real_write(path, content)

    with monkeypatch.context() as patch:
        patch.setattr(files, "write_atomically", history_full)
        with pytest.raises(HistoryCopyError) as caught:
            store.keep_pending_copy()
        assert "Your change is saved" in str(caught.value)
        assert "No space left on device" in str(caught.value)
        # A save that finds the copy still unwritten goes on, and the failure is kept to report.
        store.save(Profile(name="saved anyway"))
        minutes.now += timedelta(seconds=1)
        assert store.copy_pending
        with pytest.raises(HistoryCopyError):
            store.keep_pending_copy()
    assert read_plan(plan_path).profile.name == "saved anyway"
    store.save(Profile(name="space again"))  # the copy was due all along: taken again
    store.keep_pending_copy()
    assert newest_name(plan_path) == "saved anyway"
    store.close()


# Folders someone else planted ------------------------------------------------------------------

def test_a_backups_folder_that_is_a_symbolic_link_is_refused_on_open(plan_path, clock, tmp_path):
    plan_with_goals(plan_path, clock, "one")
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "plan-2099-01-01.json").write_text('{"goals": {}}')
    folder = plan_path.parent / "backups"
    for backup in folder.iterdir():
        backup.unlink()
    folder.rmdir()
    folder.symlink_to(theirs)
    before = snapshot(plan_path.parent)
    with pytest.raises(UnsafeFolderError, match="symbolic link"):
        PlanStore.open(plan_path, today=clock)
    assert snapshot(plan_path.parent) == before
    assert (theirs / "plan-2099-01-01.json").exists()  # nothing pruned through the link
    with pytest.raises(UnsafeFolderError):  # and nothing restored at all
        restore_backup(plan_path)


def test_a_planted_backup_file_that_is_a_link_is_never_restored(plan_path, clock, tmp_path):
    plan_with_goals(plan_path, clock, "one", "two")
    planted = tmp_path / "planted.json"
    planted.write_text('{"goals": {"1": {"statement": "theirs", "id": "x"}}}')
    backup_path(plan_path, datetime(2099, 1, 1).date()).symlink_to(planted)
    plan_path.write_text("damaged")
    restored = restore(plan_path)
    assert "theirs" not in goals_in(plan_path)
    assert not restored.copy.path.is_symlink()
    assert any("symbolic link" in (copy.problem or "") for copy in list_copies(plan_path))


def test_a_backups_folder_of_another_user_is_refused(plan_path, clock, monkeypatch):
    plan_with_goals(plan_path, clock, "one")
    # As the folder's owner sees it when someone else runs careertui on a shared plan.
    monkeypatch.setattr(os, "geteuid", lambda: 54321)
    with pytest.raises(UnsafeFolderError, match="belongs to .*, not to you"):
        PlanStore.open(plan_path, today=clock)


# Found in review ---------------------------------------------------------------------------

def test_a_history_file_with_an_impossible_date_is_ignored_not_a_traceback(plan_path, clock,
                                                                           capsys):
    plan_with_goals(plan_path, clock, "one", "two")
    folder = history.history_dir(plan_path)
    (folder / "plan-20241399-000000.json.gz").write_bytes(b"not a copy")
    PlanStore.open(plan_path, today=clock).close()
    assert main(["--db", str(plan_path), "--list-backups"]) == 0
    assert "20241399" not in capsys.readouterr().out


def test_list_and_restore_look_at_the_same_copies_of_a_linked_plan(plan_path, clock, tmp_path,
                                                                   capsys):
    plan_with_goals(plan_path, clock, "one", "two")
    link = tmp_path / "linked.json"
    link.symlink_to(plan_path)
    assert main(["--db", str(link), "--list-backups"]) == 0
    listed = capsys.readouterr().out
    assert "There is no backup" not in listed and "1  " in listed
    assert main(["--db", str(link), "--restore-backup", "1"]) == 0


def test_list_backups_refuses_a_planted_backups_folder_as_restore_does(plan_path, clock,
                                                                       tmp_path, capsys):
    plan_with_goals(plan_path, clock, "one")
    folder = plan_path.parent / "backups"
    for backup in folder.iterdir():
        backup.unlink()
    folder.rmdir()
    (tmp_path / "theirs").mkdir()
    folder.symlink_to(tmp_path / "theirs")
    assert main(["--db", str(plan_path), "--list-backups"]) == 2
    assert "symbolic link" in capsys.readouterr().err


@pytest.mark.parametrize("number", ["0001000", "1000", "0", "1e3", "-1"])
def test_a_copy_number_out_of_range_is_refused_however_it_is_written(plan_path, number):
    with pytest.raises(SystemExit) as refused:
        main(["--db", str(plan_path), "--restore-backup", number])
    assert refused.value.code == 2


def test_an_import_leaves_the_plan_as_it_was_in_the_history_even_a_moment_after_a_save(
        plan_path, clock):
    minutes = Minutes()
    store = PlanStore.open(plan_path, today=clock, now=minutes)
    store.save(Profile(name="first"))
    store.save(Profile(name="just before the import"))  # the same minute: no copy of its own
    store.import_plan(Plan(profile=Profile(name="imported")))
    store.close()
    names = [json.loads(history.read_version(path)).get("profile", {}).get("1", {}).get("name")
             for _, path in history.list_versions(plan_path)]
    assert "just before the import" in names


def test_a_restore_leaves_the_plan_it_replaced_in_the_history(plan_path, clock):
    plan_with_goals(plan_path, clock, "one", "two")
    before = plan_path.read_bytes()
    restore(plan_path, 1)
    assert before in [history.read_version(path) for _, path in history.list_versions(plan_path)]
