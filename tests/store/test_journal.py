"""The journal of saves: replayed on open, torn tails dropped, strangers refused, compacted."""

from __future__ import annotations

import errno
import json
import marshal
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careertui.model.plan import Action, Goal, Profile
from careertui.store import files, plan_file
from careertui.store import storage as storage_module
from careertui.store.backups import backup_path
from careertui.store.errors import (
    CorruptPlanError,
    JournalError,
    OutsideChangeError,
    StorageReadError,
    StorageWriteError,
)
from careertui.store.journal import apply, diff, header, journal_path, line, parse_journal
from careertui.store.plan_file import read_plan
from careertui.store.plan_format import join_lines, json_bytes, table_lines
from careertui.store.plan_store import PlanStore
from careertui.store.restore import restore

from .conftest import snapshot


def crashed(plan_path, clock, *names: str) -> dict[str, bytes]:
    """The plan folder as a crash would leave it after saving a profile named by each of
    `names` (the journal not compacted); the store is closed, and the folder put back so."""
    store = PlanStore.open(plan_path, today=clock)
    for name in names:
        store.save(Profile(name=name))
    left = snapshot(plan_path.parent)
    store.close()
    put_back(plan_path.parent, left)
    return left


def put_back(folder, left: dict[str, bytes]) -> None:
    for name, content in left.items():
        (folder / name).write_bytes(content)


def journal_lines(plan_path) -> list[bytes]:
    return journal_path(plan_path).read_bytes().splitlines(keepends=True)


def test_a_save_is_one_line_on_the_journal_and_the_file_waits_for_compaction(plan_path, clock):
    store = PlanStore.open(plan_path, today=clock)
    store.save(Profile(name="Ada"))
    before, lines = plan_path.read_bytes(), journal_lines(plan_path)
    store.save(Action("Book the course"))
    assert plan_path.read_bytes() == before
    assert journal_lines(plan_path)[:-1] == lines  # one line more
    store.save(Goal("Lead a team"))
    assert read_plan(plan_path).goals[0].statement == "Lead a team"  # readable meanwhile
    store.close()
    assert json.loads(plan_path.read_bytes())["goals"]["1"]["statement"] == "Lead a team"
    assert len(journal_lines(plan_path)) == 1  # compacted: only the header is left


def test_a_crash_leaves_the_saves_in_the_journal_and_opening_compacts_them(plan_path, clock):
    crashed(plan_path, clock, "Ada", "Ada Lovelace")
    assert "Ada" not in plan_path.read_text()
    store = PlanStore.open(plan_path, today=clock)
    assert store.get(Profile).name == "Ada Lovelace"
    store.close()
    assert json.loads(plan_path.read_bytes())["profile"]["1"]["name"] == "Ada Lovelace"


@pytest.mark.parametrize("damage", ["torn", "wrong checksum", "zeros"])
def test_a_damaged_last_line_is_a_save_that_never_finished_and_is_dropped(plan_path, clock,
                                                                         damage):
    crashed(plan_path, clock, "Ada", "Ada Lovelace")
    *whole, last = journal_lines(plan_path)
    damaged = {"torn": last[: len(last) // 2],
               "wrong checksum": b"00000000" + last[8:],
               "zeros": b"\0" * 40}[damage]
    journal_path(plan_path).write_bytes(b"".join(whole) + damaged)
    store = PlanStore.open(plan_path, today=clock)
    assert store.get(Profile).name == "Ada"
    store.save(Goal("Lead a team"))  # later saves go on a whole journal
    store.close()
    reopened = PlanStore.open(plan_path, today=clock)
    assert (reopened.get(Profile).name, len(reopened.all(Goal))) == ("Ada", 1)
    reopened.close()


def test_a_damaged_line_with_saves_after_it_is_refused_and_nothing_is_changed(plan_path,
                                                                              clock):
    # Dropping it would apply the later saves without it: a plan that never was. Dropping
    # them too would lose saves the person saw made. They decide, with the journal kept.
    crashed(plan_path, clock, "Ada", "Ada L", "Ada Lovelace")
    lines = journal_lines(plan_path)
    middle = next(i for i, text in enumerate(lines) if b'"Ada L"' in text)
    assert 1 < middle < len(lines) - 1
    lines[middle] = lines[middle].replace(b"Ada L", b"Ada X")
    journal_path(plan_path).write_bytes(b"".join(lines))
    before = snapshot(plan_path.parent)
    with pytest.raises(JournalError) as refused:
        PlanStore.open(plan_path, today=clock)
    message = str(refused.value)
    assert f"line {middle + 1} of its journal {journal_path(plan_path)}" in message
    assert "mv " in message and "changed nothing" in message
    assert snapshot(plan_path.parent) == before
    with pytest.raises(JournalError):
        read_plan(plan_path)  # an export refuses it too


def test_a_journal_for_another_version_of_the_file_is_refused(plan_path, clock):
    crashed(plan_path, clock, "Ada")
    data = json.loads(plan_path.read_bytes())
    data["profile"] = {"1": {"name": "Edited by hand"}}
    plan_path.write_text(json.dumps(data))  # after the crash, before the next open
    before = snapshot(plan_path.parent)
    with pytest.raises(JournalError) as refused:
        PlanStore.open(plan_path, today=clock)
    message = str(refused.value)
    assert "holds 2 saved changes to another version of the file" in message
    assert f"mv {journal_path(plan_path)}" in message
    assert snapshot(plan_path.parent) == before
    # Moved away as the message says, the plan opens as it is.
    journal_path(plan_path).rename(plan_path.with_name("journal.kept"))
    store = PlanStore.open(plan_path, today=clock)
    assert store.get(Profile).name == "Edited by hand"
    store.close()


def test_a_journal_without_its_plan_file_is_refused_and_no_plan_is_made(plan_path, clock):
    crashed(plan_path, clock, "Ada")
    plan_path.unlink()
    before = snapshot(plan_path.parent)
    with pytest.raises(JournalError, match="the file is missing, but its journal"):
        PlanStore.open(plan_path, today=clock)
    assert snapshot(plan_path.parent) == before


def test_an_empty_journal_of_another_file_holds_nothing_to_lose(plan_path, clock):
    store = PlanStore.open(plan_path, today=clock)
    store.save(Profile(name="Ada"))
    store.close()
    plan_path.write_text('{"profile": {"1": {"name": "A new plan"}}}')
    store = PlanStore.open(plan_path, today=clock)
    assert store.get(Profile).name == "A new plan"
    store.save(Goal("Lead a team"))
    store.close()
    assert len(read_plan(plan_path).goals) == 1


def test_a_journal_that_is_a_link_is_not_read(plan_path, clock, tmp_path):
    crashed(plan_path, clock, "Ada")
    elsewhere = tmp_path / "elsewhere"
    journal_path(plan_path).rename(elsewhere)
    journal_path(plan_path).symlink_to(elsewhere)
    with pytest.raises(StorageReadError, match="symbolic link"):
        PlanStore.open(plan_path, today=clock)


def test_a_journal_changed_or_removed_by_another_program_stops_the_next_save(plan_path,
                                                                             clock):
    store = PlanStore.open(plan_path, today=clock)
    store.save(Profile(name="Ada"))
    journal = journal_path(plan_path)
    content = journal.read_bytes()
    os.utime(journal, (1, 1))  # touched, the same bytes: not a change
    store.save(Profile(name="Ada L"))
    with journal.open("ab") as other:
        other.write(b"something\n")
    with pytest.raises(OutsideChangeError, match="changed by another program"):
        store.save(Profile(name="never saved"))
    journal.unlink()
    with pytest.raises(OutsideChangeError) as removed:
        store.save(Profile(name="never saved"))
    assert removed.value.removed and removed.value.path == journal
    assert store.get(Profile).name == "Ada L"
    assert content  # the journal had been written before
    store.close()


def test_a_failed_start_of_the_journal_fails_the_save_and_changes_nothing(plan_path, clock,
                                                                          monkeypatch):
    store = PlanStore.open(plan_path, today=clock)
    before = snapshot(plan_path.parent)
    monkeypatch.setattr(os, "replace", lambda *args: (_ for _ in ()).throw(
        OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))))
    with pytest.raises(StorageWriteError, match="No space left"):
        store.save(Profile(name="never saved"))
    monkeypatch.undo()
    assert store.get(Profile).name == ""
    assert snapshot(plan_path.parent) == before
    store.close()


def test_a_failed_compaction_loses_no_save(plan_path, clock, monkeypatch):
    store = PlanStore.open(plan_path, today=clock)
    store.save(Profile(name="Ada"))  # starts the journal
    monkeypatch.setattr(storage_module, "COMPACT_AFTER", 0)  # every save compacts too
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", lambda *args: (_ for _ in ()).throw(
            OSError(errno.EIO, os.strerror(errno.EIO))))
        store.save(Goal("Lead a team"))  # in the journal: the save stands
    store.save(Action("Book the course"))  # compacts now
    assert len(journal_lines(plan_path)) == 1
    store.close()
    plan = read_plan(plan_path)
    assert (plan.profile.name, len(plan.goals), len(plan.actions)) == ("Ada", 1, 1)


def test_the_daily_backup_holds_the_saves_of_the_day_before(plan_path, clock):
    store = PlanStore.open(plan_path, today=clock)
    store.save(Profile(name="Ada"))  # day 1: in the journal only
    clock.day = clock.day.replace(day=clock.day.day + 1)
    store.save(Profile(name="Ada Lovelace"))
    backup = backup_path(plan_path, clock.day)
    assert json.loads(backup.read_bytes())["profile"]["1"]["name"] == "Ada"
    store.close()


def test_restoring_a_backup_keeps_a_stranger_journal_aside(plan_path, clock):
    crashed(plan_path, clock, "Ada")
    clock.day = clock.day.replace(day=clock.day.day + 1)
    store = PlanStore.open(plan_path, today=clock)
    store.save(Profile(name="Ada Lovelace"))  # backs up day 2, with "Ada"
    left = snapshot(plan_path.parent)
    store.close()
    put_back(plan_path.parent, left)
    plan_path.write_text('{"profile": {"1": {"name": "Edited by hand"}}}')
    restored = restore(plan_path)
    assert restored.copy.holds  # a usable copy
    kept = [p for p in plan_path.parent.iterdir() if p.name.startswith(
        "plan.json.journal.before-restore-")]
    assert len(kept) == 1 and b"Ada Lovelace" in kept[0].read_bytes()
    store = PlanStore.open(plan_path, today=clock)
    assert store.get(Profile).name in {"Ada", ""}  # the copy restored, not the journal
    store.close()


def test_shared_records_are_the_same_tuple_until_their_table_changes(tmp_path):
    store = PlanStore.open(tmp_path / "plan.json")
    goal, action = Goal("Lead a team"), Action("Book the course")
    store.save(goal)
    store.save(action)
    goals, actions = store.shared(Goal), store.shared(Action)
    assert goals == (goal,) and store.shared(Goal) is goals
    store.save(Action("Read a book"))
    assert store.shared(Goal) is goals  # another table changed
    assert store.shared(Action) is not actions
    assert [a.title for a in store.shared(Action)] == ["Book the course", "Read a book"]
    store.delete(goal)
    assert store.shared(Goal) == ()
    store.close()


json_docs = st.dictionaries(st.sampled_from("abc"), st.integers(0, 3) | st.text(max_size=2),
                            max_size=2)
plans = st.dictionaries(st.sampled_from(["goals", "actions", "meta"]),
                        st.dictionaries(st.integers(1, 6).map(str), json_docs, max_size=4),
                        max_size=3)


@settings(max_examples=150, deadline=None)
@given(plans, plans)
def test_a_change_replayed_gives_the_new_data_in_its_order(old, new):
    change = diff(old, new)
    assert (change is None) == (old == new and all(list(old[t]) == list(new[t]) for t in new))
    replayed = marshal.loads(marshal.dumps(old))
    if change is not None:
        record = parse_journal(b"%s%s" % (line({"journal": 1, "plan": "x"}), line(change)))
        apply(replayed, record.changes[0])
    assert replayed == new
    assert {name: list(table) for name, table in replayed.items()} == {
        name: list(table) for name, table in new.items()}


@settings(max_examples=150, deadline=None)
@given(plans, plans)
def test_the_plan_kept_as_lines_changes_as_the_data_does(old, new):
    # The storage keeps the plan as saved as the lines of its documents.
    lines = table_lines(old)
    change = diff(lines, new, form=json_bytes)
    # Lines compare documents as written: one whose keys only changed order is written again.
    reordered = any(doc == new[name][key] and json_bytes(doc) != json_bytes(new[name][key])
                    for name, table in old.items() if name in new
                    for key, doc in table.items() if key in new[name])
    if not reordered:
        assert change == diff(old, new)
    if change is not None:
        apply(lines, change, json_bytes)
    assert lines == table_lines(new)
    assert {name: list(table) for name, table in lines.items()} == {
        name: list(table) for name, table in new.items()}
    assert json.loads(join_lines(lines)) == new


def test_a_journal_line_is_checked_by_its_checksum():
    body = line({"put": {"goals": {"1": {"statement": "Lead \udcff a team ✓"}}}})
    assert body.isascii() and body.endswith(b"\n")
    journal = parse_journal(line({"journal": 1, "plan": "x"}) + body)
    assert journal.changes[0]["put"]["goals"]["1"]["statement"] == "Lead \udcff a team ✓"
    assert parse_journal(line({"journal": 1, "plan": "x"})[:5]).plan is None  # a torn header
    assert files.LARGEST_FILE  # the journal is read with the plan file's limit


@settings(max_examples=150, deadline=None)
@given(plans, st.lists(st.tuples(st.sampled_from(["goals", "actions"]), st.integers(1, 8).map(str),
                                 json_docs | st.none()), max_size=4))
def test_a_change_told_of_is_found_as_a_full_comparison_finds_it(old, edits):
    new = marshal.loads(marshal.dumps(old))
    told: dict[str, set[str]] = {}
    for name, key, document in edits:
        table = new.setdefault(name, {})
        if document is None:
            table.pop(key, None)
        else:
            table[key] = document
        told.setdefault(name, set()).add(key)
    assert diff(old, new, told) == diff(old, new)


def test_reading_while_the_app_compacts_reads_the_new_file(plan_path, clock, monkeypatch):
    store = PlanStore.open(plan_path, today=clock)
    store.save(Profile(name="Ada"))
    old = plan_path.read_bytes()  # an export reads the file here...
    store.close()  # ...the app compacts its journal and saves again...
    store = PlanStore.open(plan_path, today=clock)
    store.save(Goal("Lead a team"))
    reads = [old]  # ...then the export reads the journal, which follows the new file
    real_read = plan_file._read
    monkeypatch.setattr(plan_file, "_read", lambda path: reads.pop() if reads else real_read(path))
    plan = read_plan(plan_path)
    assert (plan.profile.name, len(plan.goals)) == ("Ada", 1)
    store.close()


def test_compact_brings_the_plan_file_up_to_date_at_an_idle_moment(plan_path, clock):
    store = PlanStore.open(plan_path, today=clock)
    store.save(Profile(name="Ada"))
    goals = store.shared(Goal)
    store.compact()
    assert json.loads(plan_path.read_bytes())["profile"]["1"]["name"] == "Ada"
    assert len(journal_lines(plan_path)) == 1
    assert store.shared(Goal) is goals  # nothing changed in the plan
    store.save(Profile(name="Ada Lovelace"))  # and saving goes on in the new journal
    store.close()
    assert read_plan(plan_path).profile.name == "Ada Lovelace"


def test_restoring_after_a_crash_keeps_the_journaled_saves_in_the_copy_it_replaces(plan_path,
                                                                                   clock):
    store = PlanStore.open(plan_path, today=clock)
    store.save(Profile(name="Ada"))  # the day's backup holds the plan before this
    store.close()
    crashed(plan_path, clock, "Ada Lovelace")
    restored = restore(plan_path)
    assert restored.kept is not None
    assert json.loads(restored.kept.read_bytes())["profile"]["1"]["name"] == "Ada Lovelace"
    assert not journal_path(plan_path).exists()  # its saves are in the copy kept
    store = PlanStore.open(plan_path, today=clock)
    assert store.get(Profile).name == ""  # as the backup holds it
    store.close()


def test_a_journal_whose_changes_make_a_plan_careertui_cannot_use_is_refused_untouched(
        plan_path, clock):
    crashed(plan_path, clock, "Ada")
    raw = plan_path.read_bytes()
    bad = {"put": {"settings": {"1": {"yearly_budget": "lots"}}}}
    journal_path(plan_path).write_bytes(header(raw, checked=False) + line(bad))
    before = snapshot(plan_path.parent)
    with pytest.raises(CorruptPlanError, match="settings.yearly_budget"):
        PlanStore.open(plan_path, today=clock)
    assert snapshot(plan_path.parent) == before  # not compacted on the way out


def test_diff_told_what_a_write_changes_gives_the_same_change_as_a_full_comparison():
    old = {"actions": {str(n): {"id": f"a{n}", "title": f"item {n}"} for n in range(1, 50)},
           "goals": {"1": {"id": "g1"}}}
    changed = {**old, "actions": {**old["actions"], "7": {"id": "a7", "title": "done"}}}
    added = {**old, "actions": {**old["actions"], "50": {"id": "a50", "title": "new"}}}
    removed = {**old, "actions": {k: v for k, v in old["actions"].items() if k != "3"}}
    moved = {**removed, "actions": {**removed["actions"], "3": {"id": "a3"}}}  # now last
    swapped = {**removed, "actions": {**removed["actions"], "50": {"id": "a50"}}}
    for new, only in ((changed, {"actions": {"7"}}), (added, {"actions": set()}),
                      (removed, {"actions": set()}), (moved, {"actions": {"3"}}),
                      (swapped, {"actions": set()})):
        assert diff(old, new, only) == diff(old, new) is not None
    assert diff(old, changed, {"actions": {"7"}}) == {"put": {"actions": {"7": {
        "id": "a7", "title": "done"}}}}
