"""Every form typed at full speed: keys sent without pauses, tab included, land in their fields."""

from __future__ import annotations

from datetime import date

from careertui.model.plan import (
    Action,
    Assessment,
    CheckIn,
    Destination,
    Goal,
    Milestone,
    Need,
    NeedKind,
)
from careertui.model.timeline import horizon_goal
from careertui.screens.assess.experience import ExperienceTable
from careertui.widgets.hinted_field import HintedField
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, field_error, make_app, send_keys, settle
from tests.ui.test_assess import latest, open_assess
from tests.ui.test_destination import open_destination


async def open_step(app, pilot, key: str) -> None:
    await pilot.press(key)
    await app.workers.wait_for_complete()
    await settle(pilot)


def new_records(store, kind, before):
    ids = {record.id for record in before}
    return [record for record in store.all(kind) if record.id not in ids]


async def test_destination_goals_typed_at_full_speed(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        app.screen.query_one("#goal-1-statement").focus_input()
        await send_keys(pilot, "Charge nurse", "tab", "in 6 months", "tab", "Unit manager",
                        "tab", "2029-06-30", "tab", "Director of nursing")
        app.session.flush_saves()
        saved = empty_store.get(Destination)
        goals = [horizon_goal(saved, horizon) for horizon in (1, 3, 5)]
        assert [goal.statement for goal in goals] == [
            "Charge nurse", "Unit manager", "Director of nursing"]
        assert [goal.target_date for goal in goals[:2]] == [date(2027, 5, 23), date(2029, 6, 30)]


async def test_the_experience_dialog_typed_at_full_speed(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        app.screen.query_one(ExperienceTable).focus()
        await send_keys(pilot, "a", "Staff nurse", "tab", "St Mary's", "tab", "2019", "tab",
                        "2024", "tab", "Led the night shift", "ctrl+s")
        (experience,) = latest(empty_store).experiences
        assert (experience.role, experience.organisation, experience.start_year,
                experience.end_year, experience.highlights) == (
            "Staff nurse", "St Mary's", 2019, 2024, "Led the night shift")
        assert app.screen.query_one(ExperienceTable).selected == experience


async def test_the_need_dialog_opens_on_its_name_and_is_typed_at_full_speed(demo_store):
    before = demo_store.all(Need)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot, "3")
        # The name first: typing it never goes to the Kind choice's type-ahead.
        await send_keys(pilot, "a", "ACLS certificate", "tab", "tab", "by spring", "ctrl+s")
        (need,) = new_records(demo_store, Need, before)
        assert (need.kind, need.title, need.notes) == (
            NeedKind.TRAINING, "ACLS certificate", "by spring")


async def test_the_goal_and_action_dialogs_typed_at_full_speed(demo_store):
    goals_before, actions_before = demo_store.all(Goal), demo_store.all(Action)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot, "4")
        await send_keys(pilot, "g", "Run the unit's audits", "tab", "tab", "Q3 2027", "tab",
                        "tab", "audits led", "tab", "1", "tab", "2", "tab", "4", "tab", "audits",
                        "ctrl+s")
        (goal,) = new_records(demo_store, Goal, goals_before)
        assert (goal.statement, goal.deadline) == ("Run the unit's audits", date(2027, 9, 30))
        measure = goal.measure
        assert (measure.metric, measure.start, measure.current, measure.target,
                measure.unit) == ("audits led", 1.0, 2.0, 4.0, "audits")
        # The new goal is selected: its first action item, typed as fast.
        await send_keys(pilot, "a", "Shadow the quality lead", "tab", "tab", "next friday",
                        "tab", "120", "tab", "monthly", "tab", "Ask Sam first", "ctrl+s")
        (action,) = new_records(demo_store, Action, actions_before)
        assert (action.goal_id, action.title, action.due, action.cost, action.notes) == (
            goal.id, "Shadow the quality lead", date(2026, 11, 27), 120.0, "Ask Sam first")
        assert action.recurrence is not None


async def test_the_checkin_and_milestone_dialogs_typed_at_full_speed(demo_store):
    checkins, milestones = demo_store.all(CheckIn), demo_store.all(Milestone)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot, "5")
        # The date is today already: the notes come first.
        await send_keys(pilot, "a", "Talked about the budget", "tab", "4", "tab",
                        "Ask for the budget owner role", "ctrl+s")
        (checkin,) = new_records(demo_store, CheckIn, checkins)
        assert (checkin.on, checkin.notes, checkin.confidence, checkin.next_steps) == (
            TODAY, "Talked about the budget", 4, "Ask for the budget owner role")
        await send_keys(pilot, "escape", "m", "Passed ACLS", "tab", "tab", "First try",
                        "ctrl+s")
        (milestone,) = new_records(demo_store, Milestone, milestones)
        assert (milestone.title, milestone.on, milestone.notes) == (
            "Passed ACLS", TODAY, "First try")
        assert len(demo_store.all(Assessment)) >= 1


async def test_a_target_date_in_words_shows_its_date_and_a_wrong_one_why(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        app.screen.query_one("#goal-1-date").focus_input()
        await send_keys(pilot, "in 2 years")
        assert "more than 1 year away" in field_error(app, "goal-1-date")
        await send_keys(pilot, *["backspace"] * 7, "6 months")
        assert field_error(app, "goal-1-date") == ""
        assert app.screen.query_one("#goal-1-date", HintedField).hint == (
            "→ 2027-05-23 (Sun, in 6 months)")
        app.session.flush_saves()
        assert horizon_goal(empty_store.get(Destination), 1).target_date == date(2027, 5, 23)
