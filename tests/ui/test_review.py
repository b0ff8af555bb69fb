"""The periodic review of step 5: the due banner, the three-step walk-through, the cadence."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Static

from careertui.model.assessment import level_of
from careertui.model.checkin import parse_cadence, parse_confidence, parse_past_day
from careertui.model.plan import (
    Action,
    Assessment,
    CheckIn,
    CheckInKind,
    Destination,
    Goal,
    GoalStatus,
    Milestone,
    MilestoneKind,
    Settings,
)
from careertui.model.review import (
    Decision,
    GoalDecision,
    ReviewResult,
    apply_decisions,
    review_checkin,
    snapshot_for_review,
)
from careertui.model.review_changes import (
    CHANGES_HEADING,
    changes_since_review,
    last_review_checkin,
)
from careertui.model.timeline import horizon_goal
from careertui.model.validation import Invalid
from careertui.screens.progress.checkins import CheckInTable
from careertui.screens.progress.review import PAGES, ReviewDialog
from careertui.screens.progress.review_goals import GoalDecisionTable
from careertui.screens.progress.review_ratings import ReviewRatings
from careertui.screens.progress.screen import ProgressScreen
from careertui.screens.progress.wins import wins
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import Field
from careertui.widgets.record_table import selected_key
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, field_error, make_app, type_text

# The demo's last self-review is a month before TODAY and it reviews every 3 months.
LATER = date(2027, 3, 1)


def banner(screen: ProgressScreen) -> Static:
    return screen.query_one("#review-banner", Static)


async def open_progress(pilot) -> ProgressScreen:
    await pilot.press("5")
    await pilot.pause()
    return pilot.app.screen


async def start_review(app, pilot) -> None:
    """Press r and wait for the review: it opens once the O*NET library is in."""
    await pilot.press("r")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_due_review_is_walked_through_and_recorded(demo_store):
    goals = demo_store.all(Goal)
    snapshots = len(demo_store.all(Assessment))
    app = make_app(demo_store, LATER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        assert banner(screen).display
        assert "Review due since 2027-01-23" in str(banner(screen).render())

        await start_review(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ReviewDialog)
        assert len(demo_store.all(Assessment)) == snapshots + 1  # step 1: a new snapshot today
        assert max(a.taken_on for a in demo_store.all(Assessment)) == LATER
        ratings = dialog.query_one(ReviewRatings)  # the areas the goals work on, re-rated here
        assert app.focused is ratings
        area = ratings.records[0]
        before = area.level
        await pilot.press("right", "right", "tab")
        await type_text(pilot, "Budgeting is up")
        await pilot.press("ctrl+s")

        # Step 2, the destination: the 3-year goal is reworded.
        three_years = dialog.query_one("#horizon-3", Field)
        three_years.focus_input()
        await pilot.press("end", *" soon")
        await pilot.press("ctrl+s")
        gaps = str(dialog.query_one("#review-gap-lines", Static).render())  # step 3
        assert "Largest gaps still open: " in gaps and "Need open: " in gaps
        await pilot.press("ctrl+s")

        table = dialog.query_one(GoalDecisionTable)  # step 4: budget, pace and the goals
        assert "at this pace" in str(dialog.query("#review-goals Static").first().render()) or \
            "no pace yet" in str(dialog.query("#review-goals Static").first().render())
        assert app.focused is table and table.row_count == 3
        await pilot.press("x", "down", "c")
        change = app.screen
        assert isinstance(change, FormDialog)
        deadline = change.query_one("#deadline Input", Input)
        deadline.value = "2026-01-01"
        await pilot.press("ctrl+s")
        assert "has passed" in field_error(change, "deadline")
        deadline.value = "Q4 2027"
        await pilot.press("ctrl+s")
        assert app.screen is dialog
        assert "change → 2027-12-31" in str(table.get_cell(goals[1].id, "decision"))
        assert demo_store.all(Goal) == goals  # nothing is written before the end

        await pilot.press("ctrl+s")  # step 3: the plan, under what changed since the last review
        preview = str(dialog.query_one("#review-changes", Static).render())
        assert preview.startswith(CHANGES_HEADING)
        assert f"{area.name} {before:g} → {(before or 0) + 1.0:g}" in preview  # re-rated here
        await type_text(pilot, "Fewer budget items, more talks")
        await pilot.press("tab", "6", "ctrl+s")
        assert app.screen is dialog
        assert "not a confidence from 1 to 5" in field_error(dialog, "confidence")
        await pilot.press("backspace", "4", "ctrl+s")

        assert app.screen is screen
        review = demo_store.all(CheckIn)[-1]
        assert (review.kind, review.on, review.confidence) == (CheckInKind.SELF_REVIEW, LATER, 4)
        assert review.notes.startswith("Fewer budget items, more talks")
        assert "Skills: Budgeting is up" in review.notes
        assert f"Dropped goal: “{goals[0].statement}”" in review.notes
        # It ends with what changed since the demo's last review, as its last page showed.
        since = changes_since_review(demo_store.all(Assessment), demo_store.all(Goal),
                                     demo_store.all(Action), demo_store.all(CheckIn)[:-1],
                                     LATER, [goals[0].statement], 4)
        assert review.notes.endswith(since.text())
        previous = last_review_checkin(demo_store.all(CheckIn)[:-1], LATER)
        assert f"Confidence {previous.confidence} → 4 of 5." in review.notes
        assert "Goals dropped: “" + goals[0].statement in review.notes
        stored = {goal.id: goal for goal in demo_store.all(Goal)}
        assert stored[goals[0].id].status is GoalStatus.DROPPED
        assert stored[goals[1].id].deadline == date(2027, 12, 31)
        assert stored[goals[1].id].status is GoalStatus.ACTIVE
        assert stored[goals[2].id] == goals[2]
        rated = max(demo_store.all(Assessment), key=lambda snapshot: snapshot.taken_on)
        assert level_of(rated, area.key) == (before or 0) + 1.0
        assert f"{area.name} {before:g} → {(before or 0) + 1.0:g}" in review.notes
        assert horizon_goal(demo_store.get(Destination), 3).statement.endswith(" soon")
        assert not banner(screen).display
        assert selected_key(screen.query_one(CheckInTable)) == review.id
        assert "next review 2027-06-01" in str(screen.query_one("#progress-counts").render())


async def test_escape_cancels_the_review_but_keeps_its_snapshot(demo_store):
    checkins = demo_store.all(CheckIn)
    app = make_app(demo_store, LATER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        await pilot.press("r", "ctrl+s", "x", "escape")
        assert app.screen is screen
        assert demo_store.all(CheckIn) == checkins
        assert all(goal.status is GoalStatus.ACTIVE for goal in demo_store.all(Goal))
        assert max(a.taken_on for a in demo_store.all(Assessment)) == LATER
        assert any("snapshot of 2027-03-01 stays" in n.message for n in app._notifications)
        assert banner(screen).display
        await start_review(app, pilot)  # a second review the same day reuses today's snapshot
        assert "uses today's snapshot" in str(app.screen.query_one(".review-text").render())
        assert sum(a.taken_on == LATER for a in demo_store.all(Assessment)) == 1


async def test_no_review_is_due_within_the_cadence(demo_store):
    app = make_app(demo_store, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        assert not banner(screen).display
        assert "next review 2027-01-23" in str(screen.query_one("#progress-counts").render())


async def test_an_empty_plan_can_be_reviewed(empty_store):
    app = make_app(empty_store, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        assert not banner(screen).display  # the cadence counts from today
        await start_review(app, pilot)
        assert "first snapshot" in str(app.screen.query_one(".review-text").render())
        await pilot.press(*["ctrl+s"] * len(PAGES))
        assert app.screen is screen
        [review] = empty_store.all(CheckIn)
        assert (review.kind, review.on, review.confidence) == (CheckInKind.SELF_REVIEW, TODAY, None)
        assert [a.taken_on for a in empty_store.all(Assessment)] == [TODAY]


async def test_c_sets_the_review_cadence_between_1_and_24_months(demo_store):
    app = make_app(demo_store, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        await pilot.press("c")
        dialog = app.screen
        cadence = dialog.query_one("#cadence_months Input", Input)
        cadence.value = "30"
        await pilot.press("ctrl+s")
        assert "from 1 to 24" in field_error(dialog, "cadence_months")
        assert demo_store.get(Settings).review_cadence_months == 3
        cadence.value = "1"
        await pilot.press("ctrl+s")
        assert demo_store.get(Settings).review_cadence_months == 1
        counts = str(screen.query_one("#progress-counts").render())
        assert "next review 2026-11-23 (every 1 month" in counts
        assert banner(screen).display  # a month after the last review: due today


# The pure rules behind the dialogs ------------------------------------------------------


@pytest.mark.parametrize("text, value", [("", None), (" 1 ", 1), ("5", 5)])
def test_confidence_is_1_to_5_or_empty(text, value):
    assert parse_confidence(text) == value


@pytest.mark.parametrize("text", ["0", "6", "4.5", "high", "-1"])
def test_other_confidences_are_refused_with_the_range(text):
    with pytest.raises(Invalid, match="from 1 to 5"):
        parse_confidence(text)


@pytest.mark.parametrize("text", ["", "0", "25", "3.5", "quarterly"])
def test_cadences_outside_1_to_24_months_are_refused(text):
    with pytest.raises(Invalid, match="from 1 to 24"):
        parse_cadence(text)


def test_past_days_accept_yesterday_and_refuse_the_future():
    assert parse_past_day("yesterday", TODAY, "A check-in") == date(2026, 11, 22)
    assert parse_past_day("2025-01-31", TODAY, "A check-in") == date(2025, 1, 31)
    with pytest.raises(Invalid, match="in the future"):
        parse_past_day("next friday", TODAY, "A check-in")
    with pytest.raises(Invalid, match="needs a date"):
        parse_past_day(" ", TODAY, "A check-in")


def test_a_snapshot_is_taken_for_the_review_unless_one_exists_today():
    old = Assessment(date(2026, 1, 5))
    snapshot, is_new = snapshot_for_review([old], TODAY)
    assert is_new and snapshot.taken_on == TODAY and snapshot.id != old.id
    today = Assessment(TODAY)
    assert snapshot_for_review([old, today], TODAY) == (today, False)


def test_decisions_change_and_drop_goals_and_are_named_in_the_review():
    keep, change, drop = Goal("Keep me"), Goal("Change me"), Goal("Drop me")
    result = ReviewResult(notes=" Steady ", decisions={
        keep.id: GoalDecision(),
        change.id: GoalDecision(Decision.CHANGE, "Changed", date(2027, 6, 30)),
        drop.id: GoalDecision(Decision.DROP),
    }, confidence=3, next_steps="Talk to Priya ")
    assert apply_decisions([keep, change, drop], result.decisions) == [change, drop]
    assert (change.statement, change.deadline) == ("Changed", date(2027, 6, 30))
    assert drop.status is GoalStatus.DROPPED and keep.status is GoalStatus.ACTIVE
    review = review_checkin(result, [keep, change, drop], TODAY)
    assert review.notes == "Steady\nChanged goal: “Changed”.\nDropped goal: “Drop me”."
    assert (review.confidence, review.next_steps, review.on) == (3, "Talk to Priya", TODAY)


def test_wins_list_milestones_and_achieved_goals_newest_first():
    achieved = Goal("Run the squad", status=GoalStatus.DONE, done_on=date(2026, 10, 1))
    active = Goal("Still going")
    milestones = [Milestone(date(2026, 5, 1), MilestoneKind.PROMOTION, "Promoted"),
                  Milestone(date(2026, 11, 1), MilestoneKind.NEW_JOB, "New job")]
    rows = wins(milestones, [achieved, active])
    assert [(row.day, row.title) for row in rows] == [
        (date(2026, 11, 1), "New job"), (date(2026, 10, 1), "Run the squad"),
        (date(2026, 5, 1), "Promoted")]
    assert rows[1].milestone is None and rows[0].milestone is milestones[1]


async def test_every_review_page_keeps_its_title_and_buttons_on_a_small_terminal(demo_store):
    app = make_app(demo_store, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        await start_review(app, pilot)
        for _ in PAGES:
            review = app.screen
            for selector in ("#review-title", "#next", "#back", "#cancel"):
                region = review.query_one(selector).region
                assert region.height and review.region.contains_region(region), selector
            await pilot.press("ctrl+s")
        assert app.screen is not review
