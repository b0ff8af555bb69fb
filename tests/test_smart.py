"""The SMART check: each letter passes on a well-formed goal and fails with its reason."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from importlib import resources

import pytest

from careertui.demo import demo_plan
from careertui.model.plan import Action, ActionStatus, Goal, GoalStatus, Measure, Plan, Settings
from careertui.model.smart import Badge, smart_check
from careertui.model.smart_context import SmartContext, plan_context
from careertui.model.smart_hours import weekly_load
from careertui.model.smart_words import WORDS_FILE, known, vocabulary
from tests.conftest import TODAY


def good_goal(**changes) -> Goal:
    goal = Goal("Pass the AWS Solutions Architect Associate exam", horizon=1,
                deadline=date(2027, 6, 30), measure=Measure("exam score", 650, 720, "points"),
                gap_key="2.B.3.e", created_on=TODAY)
    return dataclasses.replace(goal, **changes)


def steps(goal: Goal, *dues: date | None) -> list[Action]:
    return [Action(f"Step {n}", goal_id=goal.id, due=due) for n, due in enumerate(dues, 1)]


def badge(letter: str, goal: Goal, actions: list[Action] | None = None) -> Badge:
    if actions is None:
        actions = steps(goal, date(2027, 3, 1))
    badges = {b.letter: b for b in smart_check(goal, actions, TODAY)}
    return badges[letter]


def test_a_well_formed_goal_passes_every_letter_in_order():
    goal = good_goal()
    badges = smart_check(goal, steps(goal, date(2027, 3, 1)), TODAY)
    assert [b.letter for b in badges] == ["S", "M", "A", "R", "T"]
    assert all(b.ok and b.reason == "" for b in badges)


def test_every_demo_goal_is_smart():
    plan = demo_plan(TODAY)
    for goal in plan.goals:
        own = [action for action in plan.actions if action.goal_id == goal.id]
        context = plan_context(plan, TODAY)
        assert [b.letter for b in smart_check(goal, own, TODAY, context) if not b.ok] == []


@pytest.mark.parametrize(("statement", "reason_part"), [
    ("Get promoted", "Too short"),
    ("Be a leader", "Too short"),
    ("Get better at public speaking", "“better” says no result"),
    ("Improve my SQL skills at work", "“Improve” says no result"),
    ("Do more networking with other teams", "“more” says no result"),
    ("Learn some stuff about budgeting", "“stuff” says no result"),
])
def test_s_fails_on_short_or_vague_statements(statement, reason_part):
    result = badge("S", good_goal(statement=statement))
    assert not result.ok
    assert reason_part in result.reason


@pytest.mark.parametrize("statement", [
    "Pass the AWS Solutions Architect Associate exam",
    "Give 4 talks to senior leadership",
    "Improve forecast accuracy to 95% on the weekly model",  # a vague verb made concrete
    "Do 2 more code reviews every week",
])
def test_s_passes_on_concrete_statements(statement):
    assert badge("S", good_goal(statement=statement)).ok


@pytest.mark.parametrize("measure", [
    Measure(),
    Measure("exam score", 650, None, "points"),
    Measure("", 650, 720, "points"),
    Measure("   ", None, 720, ""),
])
def test_m_fails_without_a_metric_and_a_target(measure):
    result = badge("M", good_goal(measure=measure))
    assert not result.ok
    assert result.reason == "No number to measure: set a metric and a target."


def test_m_passes_with_a_metric_and_target_even_before_a_current_value():  # start blank: 0
    assert badge("M", good_goal(measure=Measure("talks given", None, 4, "talks"))).ok


def test_a_fails_without_action_items():
    result = badge("A", good_goal(), actions=[])
    assert not result.ok
    assert "No action items" in result.reason


def test_t_fails_when_open_items_are_due_after_the_deadline_naming_them():
    goal = good_goal(deadline=date(2027, 6, 30))
    actions = steps(goal, date(2027, 5, 1), date(2027, 7, 1))
    assert badge("A", goal, actions).ok
    result = badge("T", goal, actions)
    assert not result.ok
    assert "“Step 2” is due after the goal's deadline (2027-06-30)" in result.reason
    many = steps(goal, *[date(2027, 7, day) for day in range(1, 6)])
    assert "“Step 1”, “Step 2”, “Step 3” and 2 more are due after" in badge("T", goal, many).reason


def test_t_ignores_done_items_and_items_due_on_the_deadline_or_undated():
    goal = good_goal(deadline=date(2027, 6, 30))
    late_but_done = Action("Already done", goal_id=goal.id, due=date(2027, 7, 1),
                           status=ActionStatus.DONE, done_on=TODAY)
    actions = [*steps(goal, date(2027, 6, 30), None), late_but_done]
    assert badge("T", goal, actions).ok


@pytest.mark.parametrize("link", [
    {"gap_key": "2.B.5.d"}, {"need_id": "abc123"}, {"destination_horizon": 3},
])
def test_r_passes_with_any_one_of_the_three_links(link):
    unlinked = dict(gap_key=None, need_id=None, destination_horizon=None)
    assert badge("R", good_goal(**(unlinked | link))).ok


def test_r_fails_when_the_goal_serves_nothing():
    result = badge("R", good_goal(gap_key=None, need_id=None, destination_horizon=None))
    assert not result.ok
    assert "gap, need or destination goal" in result.reason


def test_t_fails_without_a_deadline():
    result = badge("T", good_goal(deadline=None))
    assert not result.ok
    assert "No deadline" in result.reason


def test_t_fails_when_an_active_goal_is_past_its_deadline():
    yesterday = TODAY - timedelta(days=1)
    result = badge("T", good_goal(deadline=yesterday), actions=[])
    assert not result.ok
    assert f"{yesterday} has passed" in result.reason


def test_t_accepts_a_past_deadline_on_a_finished_goal_and_a_deadline_of_today():
    assert badge("T", good_goal(deadline=date(2026, 1, 1), status=GoalStatus.DONE)).ok
    assert badge("T", good_goal(deadline=TODAY), actions=[]).ok


@pytest.mark.parametrize(("horizon", "last_ok"), [
    (1, date(2027, 11, 23)), (3, date(2029, 11, 23)), (5, date(2031, 11, 23)),
])
def test_t_fails_beyond_the_goal_horizon(horizon, last_ok):
    assert badge("T", good_goal(horizon=horizon, deadline=last_ok)).ok
    result = badge("T", good_goal(horizon=horizon, deadline=last_ok + timedelta(days=1)))
    assert not result.ok
    assert "beyond the goal's" in result.reason and str(last_ok) in result.reason


def hours_plan(weekly_hours: float, *hours: float) -> tuple[Goal, list[Action], SmartContext]:
    """A goal due in 10 weeks with items of `hours`, in a plan with `weekly_hours` a week."""
    goal = good_goal(deadline=TODAY + timedelta(weeks=10) - timedelta(days=1))
    items = [Action(f"Item {n}", goal_id=goal.id, due=TODAY + timedelta(weeks=2), hours=h)
             for n, h in enumerate(hours, 1)]
    plan = Plan(goals=[goal], actions=items, settings=Settings(weekly_hours=weekly_hours))
    return goal, items, plan_context(plan, TODAY)


def test_a_weighs_the_hours_a_week_of_open_items_against_the_time_there_is():
    goal, items, context = hours_plan(5, 30, 30)  # 60 hours in 10 weeks: 6 a week
    result = {b.letter: b for b in smart_check(goal, items, TODAY, context)}["A"]
    assert not result.ok
    assert "take 6.0 hours a week" in result.reason and "you have 5" in result.reason
    for weekly, hours in ((6, (30, 30)), (0, (30, 30)), (5, (20, 20))):
        goal, items, context = hours_plan(weekly, *hours)  # fits, not set, fits
        assert {b.letter: b for b in smart_check(goal, items, TODAY, context)}["A"].ok


def test_a_repeating_items_hours_count_each_time():
    goal = good_goal(deadline=TODAY + timedelta(weeks=10) - timedelta(days=1))
    weekly = Action("Practice", goal_id=goal.id, due=TODAY, hours=2, recurrence="FREQ=WEEKLY")
    assert weekly_load(goal, [weekly], TODAY) == pytest.approx(2.0)


@pytest.mark.parametrize(("word", "is_known"), [
    ("plannings", True), ("stories", True), ("planned", True), ("writing", True),
    ("runner", True), ("nurse", True), ("psychology", True), ("asdf", False),
    ("qwer", False), ("ich", False), ("werden", False),
])
def test_a_word_is_known_by_itself_or_its_simple_stems(word, is_known):
    assert known(word) is is_known


def test_the_vocabulary_is_small_shipped_and_loaded_once():
    data = resources.files("careertui.model").joinpath(WORDS_FILE)
    assert data.is_file() and len(data.read_bytes()) < 100_000
    assert vocabulary() is vocabulary() and len(vocabulary()) > 25_000


def test_a_goal_behind_its_pace_fails_a_and_says_when_it_would_end():
    goal = Goal("Pass the CAPM exam with a score of 80%", deadline=TODAY + timedelta(days=90),
                measure=Measure("mock exams passed", 0, 8, "exams"),
                created_on=TODAY - timedelta(days=60), id="g")
    done = [Action(f"Mock exam {n}", goal_id="g", status=ActionStatus.DONE,
                   done_on=TODAY - timedelta(days=30 * n)) for n in (1, 2)]
    slow = done + [Action(f"Chapter {n}", goal_id="g") for n in range(6)]
    a_badge = {badge.letter: badge for badge in smart_check(goal, slow, TODAY)}["A"]
    assert not a_badge.ok and a_badge.reason.startswith("Behind: at this pace: done by ")
    brisk = done + [Action("Chapter 1", goal_id="g")]
    assert {badge.letter: badge for badge in smart_check(goal, brisk, TODAY)}["A"].ok
