"""PlanSession without Textual: saving now and soon, failures reported, revisions per kind."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from careertui.model.plan import Action, Goal, Plan, Profile, Settings
from careertui.session import SAVE_DELAY, PlanSession
from careertui.store.errors import StorageWriteError, StoreError
from careertui.store.plan_store import PlanStore
from tests.conftest import TODAY


class FakeTimer:
    """What a scheduler hands back: stopped, or run by the test."""

    def __init__(self, delay: float, callback: Callable[[], object]) -> None:
        self.delay, self.callback, self.stopped = delay, callback, False

    def stop(self) -> None:
        self.stopped = True


class Scheduler:
    def __init__(self) -> None:
        self.timers: list[FakeTimer] = []

    def __call__(self, delay: float, callback: Callable[[], object]) -> FakeTimer:
        timer = FakeTimer(delay, callback)
        self.timers.append(timer)
        return timer

    def run_pending(self) -> None:
        for timer in self.timers:
            if not timer.stopped:
                timer.stopped = True
                timer.callback()


@pytest.fixture
def reported() -> list[StoreError]:
    return []


@pytest.fixture
def scheduler() -> Scheduler:
    return Scheduler()


@pytest.fixture
def session(empty_store: PlanStore, scheduler: Scheduler, reported: list[StoreError]):
    return PlanSession(empty_store, lambda: TODAY, schedule=scheduler, report=reported.append)


def refuse_writes(monkeypatch: pytest.MonkeyPatch, store: PlanStore) -> None:
    def full_disk(record: object) -> None:
        raise StorageWriteError(Path("plan.json"), OSError(28, "No space left on device"))

    monkeypatch.setattr(store, "save", full_disk)
    monkeypatch.setattr(store, "delete_many", lambda records: full_disk(records))


def test_a_save_is_written_at_once_and_raises_the_revision_of_its_kind(session, empty_store):
    goal = Goal("Lead the sprint planning")
    assert (session.revision, session.revision_of(Goal)) == (0, 0)
    assert session.save(goal)
    assert [g.id for g in empty_store.all(Goal)] == [goal.id]
    assert session.revision == 1
    assert session.revision_of(Goal) == session.revision_of(Goal, Action) == 1
    assert session.revision_of(Action, Settings) == 0


def test_records_saved_together_share_one_revision(session):
    goal = Goal("Lead the sprint planning")
    assert session.save(goal, Action("Shadow the planning", goal_id=goal.id))
    assert session.revision == 1 == session.revision_of(Goal) == session.revision_of(Action)


def test_a_delete_is_one_write_and_raises_the_revision(session, empty_store):
    goal, action = Goal("Lead"), Action("Shadow")
    session.save(goal, action)
    assert session.delete(goal, action)
    assert empty_store.all(Goal) == [] and empty_store.all(Action) == []
    assert session.revision == 2 and session.revision_of(Action) == 2


def test_typed_records_wait_for_the_pause_and_the_newest_version_wins(session, scheduler,
                                                                      empty_store):
    session.save_soon(Profile(name="Ad"))
    session.save_soon(Profile(name="Ada"))
    assert [timer.delay for timer in scheduler.timers] == [SAVE_DELAY, SAVE_DELAY]
    assert scheduler.timers[0].stopped  # each keystroke starts the pause again
    assert session.unsaved and empty_store.get(Profile).name == ""
    assert session.revision == 0
    scheduler.run_pending()
    assert empty_store.get(Profile).name == "Ada"
    assert not session.unsaved and session.revision == 1


def test_without_a_scheduler_typed_records_wait_for_flush(empty_store, reported):
    session = PlanSession(empty_store, lambda: TODAY, report=reported.append)
    session.save_soon(Profile(name="Ada"))
    assert empty_store.get(Profile).name == ""
    assert session.flush_saves()
    assert empty_store.get(Profile).name == "Ada"


def test_a_failed_save_is_reported_not_raised_and_changes_no_revision(session, empty_store,
                                                                      reported, monkeypatch):
    refuse_writes(monkeypatch, empty_store)
    assert session.save(Goal("Lead")) is False
    assert session.delete(Goal("Lead")) is False
    assert [type(error) for error in reported] == [StorageWriteError, StorageWriteError]
    assert "No space left" in str(reported[0])
    assert session.revision == 0


def test_typed_text_that_fails_to_save_stays_pending_until_a_flush_succeeds(
        session, empty_store, reported, monkeypatch):
    session.save_soon(Profile(name="Ada"))
    with monkeypatch.context() as patch:
        refuse_writes(patch, empty_store)
        assert session.flush_saves() is False
        assert session.unsaved and len(reported) == 1
    assert session.flush_saves()
    assert empty_store.get(Profile).name == "Ada" and not session.unsaved


def test_replacing_the_plan_changes_every_kind_and_drops_text_typed_into_the_old_one(
        session, empty_store):
    session.save(Goal("Old goal"))
    session.save_soon(Profile(name="typed into the old plan"))
    imported = Plan(profile=Profile(name="Imported"), goals=[Goal("New goal")])
    assert session.replace_plan(imported) == (None, [])  # in memory: no copy of a file to keep
    assert [g.statement for g in empty_store.all(Goal)] == ["New goal"]
    # What was typed went into the old plan before it was replaced, and is not written again.
    assert empty_store.get(Profile).name == "Imported" and not session.unsaved
    revision = session.revision
    assert session.revision_of(Profile) == session.revision_of(Settings) == revision


def test_reads_go_to_the_plan_and_today_is_the_injected_clock(session):
    session.save(Settings(review_cadence_months=6))
    assert session.get(Settings).review_cadence_months == 6
    assert session.load().settings.review_cadence_months == 6
    assert session.today() == TODAY != date.min


def test_exports_are_suggested_in_the_working_folder_named_after_the_plan(tmp_path,
                                                                          monkeypatch):
    store = PlanStore.open(tmp_path / "data" / "my-plan.json", today=lambda: TODAY)
    monkeypatch.chdir(tmp_path)
    try:
        session = PlanSession(store, lambda: TODAY)
        assert (session.export_dir, session.export_stem) == (tmp_path, "my-plan")
        elsewhere = PlanSession(store, lambda: TODAY, export_dir=tmp_path / "out")
        assert elsewhere.export_dir == tmp_path / "out"
    finally:
        store.close()


def test_view_hands_out_the_stored_records_themselves_and_shows_each_save(session):
    goal = Goal("Lead the data team")
    session.save(goal, Action("Book the course", goal_id=goal.id))
    first, again = session.view(), session.view()
    assert [a.title for a in first.actions] == ["Book the course"]
    assert first.actions[0] is again.actions[0]  # not copies: a view costs nothing
    assert session.load().actions[0] is not first.actions[0]  # load() copies, as before
    session.save(Action("Ask a mentor", goal_id=goal.id))
    assert [a.title for a in session.view().actions] == ["Book the course", "Ask a mentor"]
    assert [g.statement for g in session.view().goals] == ["Lead the data team"]
