"""Progress figures: buckets and order, chart series, budget, review cadence, timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careertui.demo import demo_plan
from careertui.model.plan import (
    Action,
    ActionStatus,
    Assessment,
    CheckIn,
    CheckInKind,
    Goal,
    GoalStatus,
    Measure,
    Settings,
    SkillRating,
    YearBudget,
)
from careertui.model.progress import (
    NO_GOAL,
    SOON_DAYS,
    Bucket,
    TimelineEvent,
    bucket,
    budget,
    budget_years,
    budgets_ahead,
    completion_over_time,
    completion_per_goal,
    last_review,
    measure_progress,
    measure_share,
    next_due,
    next_review,
    plan_timeline,
    planned_by_year,
    progress_order,
    review_due,
    skill_history,
)
from tests.conftest import TODAY

DAY = timedelta(days=1)


def open_item(title: str, due: date | None = None, **fields) -> Action:
    return Action(title, due=due, **fields)


def done_item(title: str, done_on: date, due: date | None = None, **fields) -> Action:
    return Action(title, due=due, status=ActionStatus.DONE, done_on=done_on, **fields)


@pytest.mark.parametrize(("action", "expected"), [
    (open_item("yesterday", TODAY - DAY), Bucket.OVERDUE),
    (open_item("today", TODAY), Bucket.SOON),
    (open_item("last soon day", TODAY + SOON_DAYS * DAY), Bucket.SOON),
    (open_item("first later day", TODAY + (SOON_DAYS + 1) * DAY), Bucket.LATER),
    (open_item("undated"), Bucket.SOMEDAY),
    (done_item("done late", TODAY, due=TODAY - 30 * DAY), Bucket.DONE),
])
def test_bucket_boundaries(action, expected):
    assert SOON_DAYS == 14
    assert bucket(action, TODAY) is expected


def test_progress_order_puts_overdue_first_and_the_latest_done_last_group_first():
    items = [
        done_item("done long ago", TODAY - 60 * DAY),
        open_item("later", TODAY + 40 * DAY),
        open_item("someday"),
        open_item("overdue recent", TODAY - 2 * DAY),
        done_item("done yesterday", TODAY - DAY),
        open_item("soon", TODAY + 3 * DAY),
        open_item("overdue old", TODAY - 20 * DAY),
        open_item("sooner", TODAY),
        open_item("later still", TODAY + 90 * DAY),
    ]
    assert [a.title for a in progress_order(items, TODAY)] == [
        "overdue old", "overdue recent", "sooner", "soon", "later", "later still", "someday",
        "done yesterday", "done long ago"]


def test_completion_over_time_is_weekly_up_to_today():
    items = [
        open_item("a", TODAY - 20 * DAY, created_on=TODAY - 30 * DAY),
        done_item("b", TODAY - 10 * DAY, due=TODAY - 12 * DAY),
        done_item("c", TODAY - DAY, due=TODAY + 5 * DAY),
        open_item("d", TODAY + 50 * DAY),
        open_item("e"),
    ]
    days, done, planned = completion_over_time(items, TODAY)
    first = TODAY - 30 * DAY
    assert days[0] == first.isoformat() and days[-1] == TODAY.isoformat()
    assert all((date.fromisoformat(b) - date.fromisoformat(a)).days == 7
               for a, b in pairwise(days[:-1]))
    assert len(days) == 6  # 5 weekly points from 30 days ago, then today itself
    assert done == [0, 0, 0, 1, 1, 2]
    assert planned == [0, 0, 1, 2, 2, 2]  # "a" due 20 days ago, "b" 12 days ago


def test_completion_over_time_of_nothing_is_empty():
    assert completion_over_time([], TODAY) == ([], [], [])


dates_around_today = st.dates(min_value=TODAY - 400 * DAY, max_value=TODAY + 100 * DAY)
any_action = st.builds(
    Action, title=st.just("x"), due=st.none() | dates_around_today,
    created_on=st.none() | dates_around_today,
    status=st.sampled_from(ActionStatus),
    done_on=st.none() | st.dates(min_value=TODAY - 400 * DAY, max_value=TODAY))


@given(st.lists(any_action, min_size=1, max_size=15))
def test_completion_over_time_never_drops_and_ends_on_the_real_counts(actions):
    days, done, planned = completion_over_time(actions, TODAY)
    assert len(days) == len(done) == len(planned) >= 1
    assert days == sorted(days) and days[-1] == TODAY.isoformat()
    assert done == sorted(done) and planned == sorted(planned)
    assert planned[-1] == sum(1 for a in actions if a.due is not None and a.due <= TODAY)
    assert done[-1] == sum(1 for a in actions if a.done and (a.done_on or a.due or a.created_on
                                                              or TODAY + DAY) <= TODAY)


def burn_up_by_definition(actions: list[Action], today: date) -> tuple[date, list[date]]:
    """The burn-up's first day and the days of its items done, straight from the definitions."""
    known = [day for a in actions for day in (a.created_on, a.due, a.done_on)
             if day is not None and day <= today]
    done = [day for a in actions if a.done and (day := a.done_on or a.due or a.created_on)]
    return min(known, default=today), done


@given(st.lists(any_action, min_size=1, max_size=15))
def test_completion_over_time_counts_every_point_by_its_definition(actions):
    days, done, planned = completion_over_time(actions, TODAY)
    start, done_days = burn_up_by_definition(actions, TODAY)
    assert days[0] == start.isoformat()
    for day, done_then, planned_then in zip(days, done, planned, strict=True):
        point = date.fromisoformat(day)
        assert done_then == sum(1 for done_day in done_days if done_day <= point)
        assert planned_then == sum(1 for a in actions if a.due is not None and a.due <= point)


goal_ids = st.sampled_from(["a", "b", "gone", None])


@given(st.lists(st.builds(Action, title=st.just("x"), goal_id=goal_ids,
                          status=st.sampled_from(ActionStatus)), max_size=20))
def test_completion_per_goal_counts_each_item_once(actions):
    goals = [Goal("A", id="a"), Goal("B", id="b")]
    rows = completion_per_goal(goals, actions)
    for (name, done, total), goal in zip(rows, goals, strict=False):
        assert name == goal.statement
        assert total == sum(1 for a in actions if a.goal_id == goal.id)
        assert done == sum(1 for a in actions if a.goal_id == goal.id and a.done)
    orphans = [a for a in actions if a.goal_id not in ("a", "b")]
    assert rows[2:] == ([(NO_GOAL, sum(a.done for a in orphans), len(orphans))] if orphans else [])


def test_completion_per_goal_counts_in_goal_order_with_orphans_last():
    lead, talk = Goal("Lead planning"), Goal("Give talks")
    items = [
        done_item("1", TODAY, goal_id=talk.id), open_item("2", goal_id=talk.id),
        open_item("3", goal_id=talk.id), done_item("4", TODAY, goal_id=lead.id),
        open_item("loose"), done_item("deleted goal", TODAY, goal_id="gone"),
    ]
    assert completion_per_goal([lead, talk, Goal("Empty")], items) == [
        ("Lead planning", 1, 1), ("Give talks", 1, 3), ("Empty", 0, 0), (NO_GOAL, 1, 2)]
    assert completion_per_goal([lead], items[3:4]) == [("Lead planning", 1, 1)]


def test_measure_progress_keeps_goals_with_both_numbers():
    goals = [Goal("talks", measure=Measure("talks given", 1, 4, "talks")),
             Goal("no current", measure=Measure("x", None, 4, "")),
             Goal("no target", measure=Measure("x", 2, None, "")),
             Goal("zero", measure=Measure("drafts", 0, 3, "drafts"))]
    assert measure_progress(goals) == [("talks", 1, 4, "talks", 0.0), ("zero", 0, 3, "drafts", 0.0)]


def snapshot(day: date, **levels: float) -> Assessment:
    return Assessment(day, [SkillRating(key, key.title(), level) for key, level in levels.items()])


def test_skill_history_keeps_the_skills_that_changed_most():
    snapshots = [
        snapshot(date(2026, 9, 1), a=2, b=4, c=3, d=1),
        snapshot(date(2026, 1, 1), a=1, b=4, c=5),
        snapshot(date(2026, 5, 1), a=1.5, c=4, e=2),
    ]
    days, lines = skill_history(snapshots, limit=2)
    assert days == ["2026-01-01", "2026-05-01", "2026-09-01"]
    assert lines == {"C": [5, 4, 3], "A": [1, 1.5, 2]}  # b did not change; d and e rated once
    assert list(skill_history(snapshots, limit=5)[1]) == ["C", "A"]


def test_skill_history_of_one_snapshot_has_no_lines():
    assert skill_history([snapshot(TODAY, a=3)]) == ([TODAY.isoformat()], {})
    assert skill_history([]) == ([], {})


def test_skill_history_on_the_demo_has_five_rising_skills():
    days, lines = skill_history(demo_plan(TODAY).assessments)
    assert len(days) == 2 and len(lines) == 5
    assert all(first < last for first, last in lines.values())


def test_budget_by_year_planned_against_spent():
    items = [
        open_item("course 2027", date(2027, 3, 1), cost=300),
        open_item("undated book", cost=40),
        open_item("course 2028", date(2028, 1, 5), cost=900),
        done_item("workshop", date(2027, 2, 1), due=date(2026, 12, 20), cost=250),
        done_item("old course", date(2026, 6, 1), cost=180),
    ]
    settings = Settings(yearly_budget=500)
    in_2027 = budget(items, settings, 2027)
    assert (in_2027.year, in_2027.allocated, in_2027.planned, in_2027.spent) == (
        2027, 500, 340, 250)
    assert in_2027.over and in_2027.remaining == 500 - 340 - 250
    in_2026 = budget(items, settings, 2026)
    assert (in_2026.planned, in_2026.spent, in_2026.over, in_2026.remaining) == (
        40, 180, False, 280)
    exactly_spent = budget(items, Settings(yearly_budget=590), 2027)
    assert not exactly_spent.over and exactly_spent.remaining == 0


COACHING = open_item("coaching", date(2026, 12, 15), cost=100, recurrence="FREQ=MONTHLY")


@pytest.mark.parametrize(("items", "goals", "expected"), [
    # €100/month coaching from 2026-12-15: once in 2026, twelve times in 2027 and in 2028
    ([COACHING], [], {2026: 100, 2027: 1200, 2028: 1200}),
    # ... until its goal's deadline, as in the calendar
    ([replace(COACHING, goal_id="g")], [Goal("g", deadline=date(2027, 3, 20), id="g")],
     {2026: 100, 2027: 300, 2028: 0}),
    # a deadline already passed: the open occurrence still counts, once
    ([replace(COACHING, goal_id="g")], [Goal("g", deadline=date(2026, 1, 1), id="g")],
     {2026: 100, 2027: 0, 2028: 0}),
    # the rule's own end; every other week from 2027-01-04 till 2027-02-01
    ([open_item("retro", date(2027, 1, 4), cost=10, recurrence="FREQ=WEEKLY;INTERVAL=2;"
                "UNTIL=20270201")], [], {2026: 0, 2027: 30, 2028: 0}),
    # an overdue series keeps costing in the years after its due date
    ([open_item("dues", date(2025, 6, 30), cost=50, recurrence="FREQ=YEARLY")], [],
     {2026: 50, 2027: 50, 2028: 50}),
    # undated, or a rule the app cannot read: counted once (undated: in this year)
    ([open_item("weekly", cost=5, recurrence="FREQ=WEEKLY")], [], {2026: 5, 2027: 0, 2028: 0}),
    ([open_item("odd", date(2027, 5, 1), cost=7, recurrence="FREQ=SOMETIMES")], [],
     {2026: 0, 2027: 7, 2028: 0}),
    # done items are spent, never planned
    ([done_item("done", date(2026, 12, 1), cost=99, recurrence="FREQ=MONTHLY")], [],
     {2026: 0, 2027: 0, 2028: 0}),
])
def test_each_occurrence_of_a_repeating_cost_is_planned_in_its_own_year(items, goals, expected):
    assert planned_by_year(items, goals, expected, undated_in=2026) == expected
    this_year = budget(items, Settings(yearly_budget=500), 2026, goals)
    assert (this_year.year, this_year.planned) == (2026, expected[2026])


PER_YEAR = Settings(yearly_budget=1500, budget_by_year=[YearBudget(2025, 800),
                                                        YearBudget(2027, 2500),
                                                        YearBudget(2028, 0)])


@pytest.mark.parametrize(("year", "allocated"), [
    (2025, 800), (2026, 1500), (2027, 2500), (2028, 0), (2029, 1500), (1999, 1500),
])
def test_a_year_has_its_own_budget_or_the_one_for_every_year(year, allocated):
    assert PER_YEAR.budget_for(year) == allocated
    assert budget([], PER_YEAR, year).allocated == allocated


def test_the_budget_years_are_this_one_and_the_rest_of_the_longest_horizon():
    assert list(budget_years(2026)) == [2026, 2027, 2028, 2029, 2030]


def test_replacing_the_shown_years_keeps_the_amounts_of_the_other_years_in_year_order():
    shown = budget_years(2026)
    assert PER_YEAR.budgets_replaced(shown, [YearBudget(2029, 700), YearBudget(2026, 10)]) == [
        YearBudget(2025, 800), YearBudget(2026, 10), YearBudget(2029, 700)]
    assert Settings(budget_by_year=[YearBudget(2031, 5)]).budgets_replaced(shown, []) == [
        YearBudget(2031, 5)]


def test_each_years_repeating_costs_are_held_against_that_years_own_budget():
    # €100 a month from 2026-12-15: €100 in 2026, €1,200 in each later year.
    items = [COACHING, open_item("exam", date(2027, 6, 1), cost=1500)]
    this_year = budget(items, PER_YEAR, 2026)
    assert (this_year.allocated, this_year.planned, this_year.over) == (1500, 100, False)
    first, *later = budgets_ahead(items, PER_YEAR, [], 2026)
    assert first == this_year
    assert [(b.year, b.allocated, b.planned, b.spent) for b in later] == [
        (2027, 2500, 2700, 0), (2028, 0, 1200, 0), (2029, 1500, 1200, 0),
        (2030, 1500, 1200, 0)]
    assert [(b.over, b.remaining) for b in later] == [
        (True, -200), (False, -1200), (False, 300), (False, 300)]  # no allocation: never over


def test_a_later_year_is_listed_for_its_costs_or_for_an_amount_of_its_own():
    items = [open_item("exam", date(2029, 6, 1), cost=300), open_item("undated", cost=50)]
    # 2027 and 2028 have their own amounts; 2029 has a cost; undated items count this year.
    _, *later = budgets_ahead(items, PER_YEAR, [], 2026)
    assert [(b.year, b.allocated, b.planned) for b in later] == [
        (2027, 2500, 0), (2028, 0, 0), (2029, 1500, 300)]
    assert budgets_ahead(items, Settings(yearly_budget=1500), [], 2029)[1:] == []


def test_budget_is_never_over_without_an_allocation():
    result = budget([open_item("x", TODAY, cost=10)], Settings(yearly_budget=0), TODAY.year)
    assert not result.over and result.remaining == -10


def test_reviews_follow_the_cadence_from_the_last_review():
    checkins = [CheckIn(date(2026, 5, 31), CheckInKind.PERFORMANCE_REVIEW),
                CheckIn(date(2026, 8, 31), CheckInKind.SELF_REVIEW),
                CheckIn(date(2026, 10, 1), CheckInKind.MENTOR)]  # a mentor session is no review
    settings = Settings(review_cadence_months=3)
    assert last_review(checkins) == date(2026, 8, 31)
    assert next_review(checkins, settings, date(2026, 1, 1)) == date(2026, 11, 30)
    assert not review_due(checkins, settings, date(2026, 1, 1), date(2026, 11, 29))
    assert review_due(checkins, settings, date(2026, 1, 1), date(2026, 11, 30))
    assert review_due(checkins, settings, date(2026, 1, 1), date(2027, 3, 1))


def test_without_a_review_the_cadence_counts_from_start():
    only_mentor = [CheckIn(TODAY, CheckInKind.MENTOR)]
    settings = Settings(review_cadence_months=6)
    assert last_review(only_mentor) is None
    assert next_review(only_mentor, settings, date(2026, 8, 31)) == date(2027, 2, 28)
    assert not review_due(only_mentor, settings, date(2026, 8, 31), TODAY)


def test_plan_timeline_is_a_sorted_window_of_active_deadlines_and_open_dues():
    goals = [Goal("active", deadline=date(2027, 6, 30)),
             Goal("dropped", deadline=date(2027, 1, 1), status=GoalStatus.DROPPED),
             Goal("too far", deadline=date(2031, 11, 24)),
             Goal("past", deadline=TODAY - DAY), Goal("undated")]
    items = [open_item("same day as goal", date(2027, 6, 30)), open_item("first", TODAY),
             done_item("done", TODAY, due=date(2027, 2, 1)), open_item("overdue", TODAY - DAY),
             open_item("last day", date(2031, 11, 23)), open_item("someday")]
    assert plan_timeline(goals, items, TODAY) == [
        TimelineEvent(TODAY, "first", "action"),
        TimelineEvent(date(2027, 6, 30), "active", "goal"),
        TimelineEvent(date(2027, 6, 30), "same day as goal", "action"),
        TimelineEvent(date(2031, 11, 23), "last day", "action"),
    ]
    assert [e.label for e in plan_timeline(goals, items, TODAY, years=1)] == [
        "first", "active", "same day as goal"]


def test_next_due_lists_open_dated_items_soonest_first_overdue_included():
    items = [open_item("later", TODAY + 30 * DAY), open_item("undated"),
             open_item("overdue", TODAY - 3 * DAY), done_item("done", TODAY, due=TODAY),
             open_item("today", TODAY), open_item("tomorrow", TODAY + DAY)]
    assert [a.title for a in next_due(items, TODAY)] == ["overdue", "today", "tomorrow", "later"]
    assert [a.title for a in next_due(items, TODAY, limit=2)] == ["overdue", "today"]


@pytest.mark.parametrize(("current", "target", "start", "share"), [
    (2, 4, 0, 0.5),
    (2, 4, 2, 0.0),        # "from 2 to 4" on day one: nothing done yet
    (3, 4, 2, 0.5),
    (5, 4, 2, 1.0),        # past the target: 100%, never more
    (1, 4, 2, 0.0),        # below the start: 0%, never less
    (7, 5, 10, 0.6),       # a measure that goes down: from 10 to 5, now 7
    (3, 3, 3, None),       # the target is the start: no share to show
    (1, 0, 0, None),
])
def test_measure_share_counts_from_the_start_and_stays_within_0_and_100(current, target, start,
                                                                        share):
    assert measure_share(current, target, start) == (
        share if share is None else pytest.approx(share))
