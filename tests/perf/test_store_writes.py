"""The store's speed-ups keep its behaviour: the plan file's encoding, the decoded-record cache
and deleting many records in one write."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careertui.demo import demo_plan
from careertui.model.plan import Action, Assessment, CheckIn, Goal, Milestone, Plan
from careertui.store import files
from careertui.store.errors import StorageWriteError
from careertui.store.journal import journal_path
from careertui.store.plan_file import read_plan
from careertui.store.plan_format import encode_plan, encode_tables, parse_plan
from careertui.store.plan_store import PlanStore, plan_from_tables
from tests.conftest import TODAY

texts = st.text(max_size=8)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts
documents = st.dictionaries(texts, scalars | st.lists(scalars, max_size=3), max_size=4)
tables = st.dictionaries(st.text(min_size=1, max_size=6),
                         st.dictionaries(st.integers(1, 40).map(str), documents, max_size=5),
                         max_size=4)


@settings(max_examples=60, deadline=None)
@given(tables)
def test_the_file_reads_back_as_the_data(data):
    assert json.loads(encode_tables(data)) == data


def test_each_document_is_one_line_of_a_file_as_readable_as_before():
    data = {"meta": {"1": {"schema_version": 1}}, "goals": {},
            "actions": {"1": {"title": "Read “Radical Candor” 📚", "cost": 35.0},
                        "2": {"title": "CAPM exam", "cost": 300.0}}}
    assert encode_tables(data).decode("utf-8") == (
        '{\n'
        ' "meta": {\n'
        '  "1": {"schema_version": 1}\n'
        ' },\n'
        ' "goals": {},\n'
        ' "actions": {\n'
        '  "1": {"title": "Read “Radical Candor” 📚", "cost": 35.0},\n'
        '  "2": {"title": "CAPM exam", "cost": 300.0}\n'
        ' }\n'
        '}\n')
    # Text that has no UTF-8 form is escaped, as the indented encoding does.
    lone = {"actions": {"1": {"title": "bad \udcff byte"}}}
    assert json.loads(encode_tables(lone)) == json.loads(encode_plan(lone)) == lone


def file_store(tmp_path, plan: Plan | None = None) -> PlanStore:
    store = PlanStore.open(tmp_path / "plan.json", today=lambda: TODAY)
    store.replace_plan(plan or demo_plan(TODAY))
    return store


@pytest.fixture
def writes(monkeypatch):
    """The writes made (whole files and journal lines), as the paths written."""
    made = []
    for name in ("write_atomically", "append_durably"):
        write = getattr(files, name)
        monkeypatch.setattr(files, name, lambda path, content, write=write:
                            made.append(path) or write(path, content))
    return made


def test_a_change_inside_a_stored_record_reaches_the_file(tmp_path):
    store = file_store(tmp_path)
    assessment = store.all(Assessment)[0]
    assessment.ratings[0].level = 7.0  # nested: the file's line must not be reused
    store.save(assessment)
    assert read_plan(tmp_path / "plan.json").assessments[0].ratings[0].level == 7.0
    store.close()


def test_deleting_a_goal_and_its_items_is_one_write(tmp_path, writes):
    store = file_store(tmp_path)
    goal = store.all(Goal)[0]
    items = [action for action in store.all(Action) if action.goal_id == goal.id]
    others = [action for action in store.all(Action) if action.goal_id != goal.id]
    writes.clear()
    store.delete_many([goal, *items])
    assert writes == [journal_path(store.path)]  # one line
    assert goal.id not in {g.id for g in store.all(Goal)}
    assert store.all(Action) == others
    store.close()
    assert plan_from_tables(parse_plan(store.path.read_bytes())).actions == others


def test_deleting_nothing_stored_writes_nothing(tmp_path, writes):
    store = file_store(tmp_path)
    writes.clear()
    store.delete_many([Goal("never saved"), Action("nor this")])
    store.delete_many([])
    assert writes == []
    store.close()


def test_a_failed_delete_keeps_every_record(tmp_path, monkeypatch):
    store = file_store(tmp_path)
    before = store.load()
    goal = before.goals[0]

    def full_disk(path, content):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "append_durably", full_disk)
    with pytest.raises(StorageWriteError):
        store.delete_many([goal, *[a for a in before.actions if a.goal_id == goal.id]])
    assert store.load() == before
    monkeypatch.undo()
    store.delete(goal)  # the ids are still known: a later delete works
    assert goal.id not in {g.id for g in store.all(Goal)}
    store.close()


def test_records_read_are_the_callers_own(tmp_path):
    store = file_store(tmp_path)
    goal, assessment = store.all(Goal)[0], store.all(Assessment)[0]
    goal.statement, goal.measure.current = "changed, not saved", 99.0
    assessment.ratings.clear()
    assert store.all(Goal)[0] != goal
    assert store.all(Assessment)[0].ratings
    store.close()


def test_the_records_read_always_match_the_file(tmp_path, monkeypatch):
    store = file_store(tmp_path)

    def from_file() -> Plan:
        return read_plan(store.path)

    checkin = store.all(CheckIn)[0]
    store.save(replace(checkin, notes="edited"))
    store.save(Milestone(TODAY, demo_plan(TODAY).milestones[0].kind, "A new win"))
    store.delete(store.all(Action)[3])
    assert store.load() == from_file()
    monkeypatch.setattr(files, "append_durably",
                        lambda path, content: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(StorageWriteError):
        store.save(replace(checkin, notes="never written"))
    assert store.load() == from_file()
    store.close()
