"""The stress plan: the promised sizes, a realistic mix, and a plan the app accepts."""

from __future__ import annotations

from collections import Counter

import pytest

from careertui.model.integrity import plan_problems
from careertui.model.plan import GoalStatus
from careertui.model.progress import Bucket, bucket
from careertui.roles import load_library
from tests.conftest import TODAY
from tests.perf.stress import stress_plan


@pytest.fixture(scope="module")
def plan():
    return stress_plan(TODAY)


def test_it_has_the_promised_sizes(plan):
    assert (len(plan.actions), len(plan.goals), len(plan.checkins), len(plan.assessments),
            len(plan.milestones)) == (5000, 40, 520, 40, 200)
    library = load_library()
    every_element = {element.id for element in (*library.skills, *library.knowledge)}
    assert all({r.key for r in a.ratings} == every_element for a in plan.assessments)


def test_it_spans_ten_years_of_weekly_check_ins(plan):
    days = [checkin.on for checkin in plan.checkins]
    assert days == sorted(days) and days[-1] == TODAY
    assert {(later - earlier).days for earlier, later in zip(days, days[1:], strict=False)} == {7}


def test_its_items_mix_every_state_with_costs_notes_and_repeats(plan):
    states = Counter(bucket(action, TODAY) for action in plan.actions)
    assert all(states[state] for state in Bucket)
    assert states[Bucket.DONE] > len(plan.actions) / 2  # ten years: most of it is done
    assert sum(a.recurrence is not None for a in plan.actions) >= 20
    assert sum(a.cost > 0 for a in plan.actions) >= 1000
    assert sum(bool(a.notes) for a in plan.actions) >= 1000
    assert {goal.status for goal in plan.goals} == set(GoalStatus)
    goals_used = Counter(action.goal_id for action in plan.actions)
    assert len(goals_used) == 41  # every goal, and a few items without one


def test_the_app_accepts_it(plan):
    assert plan_problems(plan) == []


def test_it_is_the_same_for_a_seed_and_smaller_on_request(plan):
    assert stress_plan(TODAY) == plan
    other = stress_plan(TODAY, actions=300, goals=5, seed=1)
    assert (len(other.actions), len(other.goals)) == (300, 5)
    assert other.actions[0].title != plan.actions[0].title
    assert plan_problems(other) == []
