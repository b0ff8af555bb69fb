"""Undo and redo in the session: every kind of change taken back and done again, in order."""

from __future__ import annotations

import dataclasses

import pytest

from careertui.demo import demo_plan
from careertui.model.actions import tick_copies
from careertui.model.plan import Action, ActionStatus, Goal, Profile
from careertui.session import PlanSession
from careertui.store.errors import StoreError
from careertui.store.plan_store import PlanStore
from careertui.undo import UNDO_LIMIT
from tests.conftest import TODAY
from tests.test_session import Scheduler, refuse_writes


@pytest.fixture
def announced() -> list[str]:
    return []


@pytest.fixture
def reported() -> list[StoreError]:
    return []


@pytest.fixture
def session(empty_store: PlanStore, announced, reported) -> PlanSession:
    return PlanSession(empty_store, lambda: TODAY, schedule=Scheduler(),
                       report=reported.append, announce=announced.append)


def statements(session: PlanSession) -> list[str]:
    return [goal.statement for goal in session.all(Goal)]


def test_nothing_to_undo_or_redo_in_a_new_session(session):
    assert not session.can_undo and not session.can_redo
    assert session.undo() is None and session.redo() is None


def test_an_added_record_is_taken_back_and_added_again(session):
    goal = Goal("Lead the sprint planning")
    session.save(goal)
    assert session.undo() == "added the goal “Lead the sprint planning”"
    assert statements(session) == []
    assert session.redo() == "added the goal “Lead the sprint planning”"
    assert statements(session) == ["Lead the sprint planning"]


def test_a_change_is_taken_back_to_what_was_stored_even_if_the_screen_changed_its_copy(session):
    goal = Goal("Lead the sprint planning")
    session.save(goal)
    goal.statement = "Lead two squads"
    session.save(goal)
    goal.statement = "changed on screen, never saved"
    assert session.undo() == "changed the goal “Lead two squads”"
    assert statements(session) == ["Lead the sprint planning"]
    session.redo()
    assert statements(session) == ["Lead two squads"]


def test_a_tick_is_undone(session):
    item = Action("Read 'The Manager's Path'")
    session.save(item)
    session.save(dataclasses.replace(item, status=ActionStatus.DONE, done_on=TODAY))
    assert session.undo() == "ticked the action item “Read 'The Manager's Path'”"
    [stored] = session.all(Action)
    assert (stored.status, stored.done_on) == (ActionStatus.OPEN, None)


def test_a_repeating_items_tick_and_untick_are_each_one_change_named_so(session):
    series = Action("Mentor meeting", due=TODAY, recurrence="FREQ=MONTHLY")
    session.save(series)
    ticked = tick_copies(series, TODAY, session.all(Action))
    session.save_and_delete(ticked.saved, ticked.deleted)
    [copy] = [a for a in session.all(Action) if a.done]
    unticked = tick_copies(copy, TODAY, session.all(Action))
    session.save_and_delete(unticked.saved, unticked.deleted)
    assert [a.due for a in session.all(Action)] == [TODAY]
    assert session.undo() == "unticked the action item “Mentor meeting”"
    assert len(session.all(Action)) == 2
    assert session.undo() == "ticked the action item “Mentor meeting”"
    assert [(a.due, a.done) for a in session.all(Action)] == [(TODAY, False)]


def test_a_delete_of_a_goal_and_its_items_comes_back_whole_and_says_ctrl_z(session, announced):
    goal = Goal("Lead the sprint planning")
    items = [Action("Shadow the lead", goal_id=goal.id), Action("Run one", goal_id=goal.id)]
    session.save(goal, *items)
    session.delete(goal, *items)
    assert announced == ["Deleted the goal “Lead the sprint planning” and 2 more. "
                         "ctrl+z brings it back."]
    assert session.undo() == "deleted the goal “Lead the sprint planning” and 2 more"
    assert statements(session) == ["Lead the sprint planning"]
    assert sorted(a.title for a in session.all(Action)) == ["Run one", "Shadow the lead"]
    session.redo()
    assert session.all(Goal) == [] and session.all(Action) == []


def test_deleting_what_is_not_stored_is_no_change(session, announced):
    session.delete(Goal("never saved"))
    assert announced == [] and not session.can_undo


def test_an_import_is_undone_to_the_plan_before_it(session):
    session.save(Profile(name="Old me"), Goal("Old goal"))
    imported = demo_plan(TODAY)  # ids are new in each demo plan
    session.replace_plan(imported)
    assert session.undo() == "the import of another plan"
    assert session.get(Profile).name == "Old me" and statements(session) == ["Old goal"]
    session.redo()
    assert session.load() == imported


def test_typing_into_one_field_is_one_change_until_something_else_changes(session):
    session.save(Profile(name="A"))
    for name in ("Ad", "Ada", "Ada L"):
        session.save_soon(Profile(name=name))
        session.flush_saves()  # a pause in typing
    session.save(Goal("Lead"))
    session.save_soon(Profile(name="Ada Lovelace"))
    session.flush_saves()
    session.undo()
    assert session.get(Profile).name == "Ada L"
    session.undo()
    assert statements(session) == []
    session.undo()
    assert session.get(Profile).name == "A"


def test_typed_text_not_yet_saved_is_saved_first_and_undone_as_the_newest_change(session):
    session.save(Profile(name="Ada"))
    session.save_soon(Profile(name="Ada Lovelace"))
    session.undo()
    assert session.get(Profile).name == "Ada"
    assert not session.unsaved


def test_many_changes_go_back_in_order_to_the_start_and_forward_again(session):
    changes = 25
    goal = Goal("step 0")
    session.save(goal)
    for n in range(1, changes):
        goal.statement = f"step {n}"
        session.save(goal)
    for n in reversed(range(changes - 1)):
        session.undo()
        assert statements(session) == [f"step {n}"]
    session.undo()
    assert statements(session) == [] and not session.can_undo
    for _ in range(changes):
        session.redo()
    assert statements(session) == [f"step {changes - 1}"]


def test_only_the_newest_changes_are_kept(session):
    for n in range(UNDO_LIMIT + 5):
        session.save(Goal(f"goal {n}"))
    while session.can_undo:
        session.undo()
    assert len(statements(session)) == 5


def test_a_new_change_after_an_undo_cannot_redo_the_undone_one(session):
    session.save(Goal("one"))
    session.undo()
    session.save(Goal("two"))
    assert not session.can_redo and session.redo() is None
    assert statements(session) == ["two"]


def test_an_undo_the_disk_refuses_is_reported_and_can_be_tried_again(session, empty_store,
                                                                    reported, monkeypatch):
    session.save(Goal("one"))
    with monkeypatch.context() as patched:
        refuse_writes(patched, empty_store)
        assert session.undo() is None
    assert len(reported) == 1 and "No space left" in str(reported[0])
    assert session.undo() == "added the goal “one”"
    assert statements(session) == []


def test_reloading_another_programs_version_forgets_what_could_be_undone(tmp_path):
    store = PlanStore.open(tmp_path / "plan.json")
    try:
        session = PlanSession(store, lambda: TODAY)
        session.save(Goal("one"))
        store.compact()  # the plan file holds the goal, as another program reads it
        path = tmp_path / "plan.json"
        path.write_text(path.read_text(encoding="utf-8").replace('"one"', '"theirs"'),
                        encoding="utf-8")  # another program's edit
        session.reload()
        assert statements(session) == ["theirs"] and not session.can_undo
    finally:
        store.close()
