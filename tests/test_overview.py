"""Step completeness and the overview status, computed from a plan without a terminal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dateutil.relativedelta import relativedelta

from careertui.demo import demo_plan
from careertui.model.overview import (
    assess_completion,
    destination_completion,
    gaps_completion,
    plan_completion,
    plan_status,
    progress_completion,
    step_completion,
)
from careertui.model.plan import (
    Action,
    ActionStatus,
    Assessment,
    CheckIn,
    CheckInKind,
    Destination,
    Goal,
    Measure,
    Plan,
    SkillRating,
)

TODAY = date(2026, 11, 23)


def test_an_empty_plan_is_zero_everywhere():
    assert set(step_completion(Plan(), TODAY).values()) == {0.0}


def test_assess_counts_ratings_reflections_and_experience():
    snapshot = Assessment(TODAY, [SkillRating(f"2.A.{i}", "x", 3.0) for i in range(7)],
                          strengths="calm", excel_at="maths")
    # 7 of 35 skills, no knowledge area, 2 of 4 reflections, no experience
    assert assess_completion(Plan(assessments=[snapshot])) == (7 / 35 + 0 + 2 / 4 + 0) / 4
    custom_only = Assessment(TODAY, [SkillRating("custom:1", "Baking", 5.0)])
    assert assess_completion(Plan(assessments=[custom_only])) == 0.0


def test_destination_and_gaps_count_their_items():
    plan = Plan(destination=Destination(dream_job="Lead", target_role_code="11-3021.00"))
    assert destination_completion(plan) == 2 / 7
    assert gaps_completion(plan) == 1 / 3
    plan.goals.append(Goal("Raise Writing from 2 to 4", gap_key="2.A.1.c"))
    assert gaps_completion(plan) == 2 / 3


def test_plan_is_half_for_goals_and_half_for_smart_ones():
    assert plan_completion(Plan(), TODAY) == 0.0
    vague = Goal("Better")
    assert plan_completion(Plan(goals=[vague]), TODAY) == 0.5
    smart = Goal("Give four talks to the leadership team", 1, TODAY + relativedelta(months=6),
                 Measure("talks", 0, 4, "talks"), gap_key="2.B.1.c")
    action = Action("Book the first talk", goal_id=smart.id, due=TODAY + relativedelta(months=1))
    plan = Plan(goals=[vague, smart], actions=[action])
    assert plan_completion(plan, TODAY) == 0.75


def test_progress_is_the_share_of_done_items():
    actions = [Action("a", status=ActionStatus.DONE), Action("b"), Action("c"), Action("d")]
    assert progress_completion(Plan(actions=actions)) == 0.25


def test_demo_status_matches_the_plan():
    plan = demo_plan(TODAY)
    status = plan_status(plan, TODAY)
    assert status.total == len(plan.actions)
    assert status.done == sum(a.done for a in plan.actions)
    assert status.overdue == sum(1 for a in plan.actions if not a.done and a.due and a.due < TODAY)
    assert len(status.next_actions) == 5
    assert all(not action.done for action in status.next_actions)
    assert status.budget.allocated == plan.settings.yearly_budget


def test_review_is_due_once_the_cadence_has_passed():
    plan = demo_plan(TODAY)
    last = max(c.on for c in plan.checkins if c.kind is not CheckInKind.MENTOR)
    due_day = last + relativedelta(months=plan.settings.review_cadence_months)
    assert plan_status(plan, due_day - relativedelta(days=1)).review_due is False
    status = plan_status(plan, due_day)
    assert status.review_due and status.next_review == due_day
    plan.checkins.append(CheckIn(due_day, CheckInKind.SELF_REVIEW))
    assert plan_status(plan, due_day).review_due is False


def test_without_reviews_the_cadence_counts_from_the_first_assessment():
    first = TODAY - relativedelta(months=4)
    plan = Plan(assessments=[Assessment(first)], settings=replace(Plan().settings))
    status = plan_status(plan, TODAY)
    assert status.next_review == first + relativedelta(months=3)
    assert status.review_due


def test_contents_are_described_in_words(today):
    from careertui.model.overview import describe_contents

    assert describe_contents(Plan()) == "no goals or items yet"
    plan = demo_plan(today)
    words = describe_contents(plan)
    assert f"{len(plan.goals)} goals" in words
    assert f"{len(plan.actions)} action items" in words
    plan.goals = plan.goals[:1]
    assert "1 goal," in describe_contents(plan)
