"""plan_problems names, by path, everything in a plan that the app's own forms would refuse."""

from __future__ import annotations

import copy
import dataclasses
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings

from careertui.demo import demo_plan
from careertui.model.actions import tick
from careertui.model.assessment import set_level, take_snapshot
from careertui.model.codec import decode, encode
from careertui.model.integrity import plan_problems
from careertui.model.plan import Experience, HorizonGoal, Plan, SkillRating
from careertui.model.review import (
    Decision,
    GoalDecision,
    ReviewResult,
    apply_decisions,
    review_checkin,
)
from tests.conftest import TODAY
from tests.strategies import plans, valid_plans


@pytest.fixture
def plan() -> Plan:
    """The demo plan as the store loads it: no two records share a list."""
    return decode(Plan, encode(demo_plan(TODAY)))


def only_problem(plan: Plan) -> str:
    found = plan_problems(plan)
    assert len(found) == 1, found
    return found[0]


# Plans the app makes ------------------------------------------------------------------------

@pytest.mark.parametrize("today", [TODAY, date(2027, 1, 31), date(2028, 2, 29), date(2026, 12, 31)])
def test_the_demo_plan_passes_on_any_day(today):
    assert plan_problems(demo_plan(today)) == []


def test_a_new_empty_plan_passes():
    assert plan_problems(Plan()) == []


def test_a_plan_changed_by_the_model_functions_passes(plan):
    for action in list(plan.actions):
        for record in tick(action, TODAY, ()).saved:
            if record not in plan.actions:
                plan.actions.append(record)  # the done copy of a repeating item
    snapshot = take_snapshot(plan.assessments[-1], TODAY)
    set_level(snapshot, "custom:abc", "Facilitation", 99)
    set_level(snapshot, "2.A.1.a", "Reading Comprehension", -3)
    plan.assessments.append(snapshot)
    decisions = {plan.goals[0].id: GoalDecision(Decision.DROP),
                 plan.goals[1].id: GoalDecision(Decision.CHANGE, "Own the budget", None)}
    apply_decisions(plan.goals, decisions)
    plan.checkins.append(review_checkin(ReviewResult(decisions=decisions), plan.goals, TODAY))
    assert plan_problems(plan) == []


def test_a_goal_may_still_name_a_need_that_was_deleted(plan):
    # Deleting a need keeps the goals linked to it; the plan step shows "a deleted need".
    plan.needs = [need for need in plan.needs if need.id != plan.goals[0].need_id]
    assert plan_problems(plan) == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_plans)
def test_generated_valid_plans_pass(plan):
    assert plan_problems(plan) == []


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_any_plan_the_types_allow_is_checked_without_crashing(plan):
    assert all(": " in problem for problem in plan_problems(plan))


# One rule each ---------------------------------------------------------------------------------

@pytest.mark.parametrize("table", ["assessments", "needs", "goals", "actions", "checkins",
                                   "milestones"])
def test_ids_are_unique_within_a_collection(plan, table):
    records = getattr(plan, table)
    records.append(copy.deepcopy(records[0]))
    assert only_problem(plan) == (f"{table}[{len(records) - 1}].id: {table}[0] has the same id "
                                  f"({records[0].id!r}); each record needs its own")


def test_an_id_cannot_be_empty(plan):
    plan.checkins[1].id = " "
    assert only_problem(plan) == "checkins[1].id: an id cannot be empty"


def test_an_action_must_point_at_an_existing_goal(plan):
    plan.actions[3].goal_id = "gone"
    assert only_problem(plan) == "actions[3].goal_id: no goal has this id ('gone')"


def test_an_action_without_a_goal_is_fine(plan):
    plan.actions[3].goal_id = None
    assert plan_problems(plan) == []


@pytest.mark.parametrize("level", [9.0, -0.5, 3.3, float("nan"), float("inf")])
def test_skill_levels_are_on_the_0_to_7_scale_in_half_steps(plan, level):
    plan.assessments[0].ratings[2].level = level
    problem = only_problem(plan)
    assert problem.startswith("assessments[0].ratings[2].level: ")
    assert "is not on the scale" in problem


def test_a_snapshot_rates_each_skill_once(plan):
    ratings = plan.assessments[1].ratings
    ratings.append(SkillRating(ratings[0].key, "Reading again", 2.0))
    assert only_problem(plan) == (f"assessments[1].ratings[{len(ratings) - 1}].key: ratings[0] "
                                  f"rates {ratings[0].key!r} too; a snapshot rates each skill once")


def test_destination_horizons_must_be_known(plan):
    plan.destination.goals[1].horizon = 2
    assert plan_problems(plan) == [
        "destination.goals[1].horizon: 2 is not a horizon of 1, 3 or 5 years",
        "destination.goals: no goal for 3 years; the destination has one for each of 1, 3 "
        "and 5 years",
    ]


def test_the_destination_has_one_goal_per_horizon(plan):
    plan.destination.goals.append(HorizonGoal(5, "Again"))
    assert only_problem(plan) == ("destination.goals[3].horizon: a second goal for 5 years; "
                                  "the destination has one goal per horizon")


def test_the_destination_lacks_no_horizon(plan):
    del plan.destination.goals[0]
    problem = only_problem(plan)
    assert problem.startswith("destination.goals: no goal for 1 year;")


@pytest.mark.parametrize("field", ["horizon", "destination_horizon"])
def test_goal_horizons_are_1_3_or_5(plan, field):
    setattr(plan.goals[2], field, 7)
    problem = only_problem(plan)
    assert problem.startswith(f"goals[2].{field}: 7 is not ")
    assert "1, 3 or 5 years" in problem


def test_a_goal_need_not_serve_a_destination_goal(plan):
    plan.goals[2].destination_horizon = None
    assert plan_problems(plan) == []


@pytest.mark.parametrize("months", [0, 25, -3])
def test_the_review_cadence_is_1_to_24_months(plan, months):
    plan.settings.review_cadence_months = months
    problem = only_problem(plan)
    assert problem.startswith(f"settings.review_cadence_months: '{months}' is not a number of "
                              "months from 1 to 24")


@pytest.mark.parametrize("confidence", [0, 6])
def test_check_in_confidence_is_1_to_5(plan, confidence):
    plan.checkins[2].confidence = confidence
    problem = only_problem(plan)
    assert problem.startswith(f"checkins[2].confidence: '{confidence}' is not a confidence "
                              "from 1 to 5")


def test_check_in_confidence_may_be_unsaid(plan):
    plan.checkins[2].confidence = None
    assert plan_problems(plan) == []


@pytest.mark.parametrize(("value", "reason"), [(-1.0, "cannot be below 0"),
                                               (float("inf"), "must be a number")])
def test_costs_and_the_budget_are_amounts(plan, value, reason):
    plan.actions[7].cost = value
    plan.settings.yearly_budget = value
    budget, cost = plan_problems(plan)
    assert budget.startswith(f"settings.yearly_budget: The budget {reason}")
    assert cost.startswith(f"actions[7].cost: The cost {reason}")


def test_measures_are_finite_numbers(plan):
    plan.goals[1].measure.target = float("nan")
    problem = only_problem(plan)
    assert problem.startswith("goals[1].measure.target: The target must be a number")


@pytest.mark.parametrize(("path", "edit", "what"), [
    ("actions[4].title", lambda p: p.actions[4], "The action item"),
    ("goals[0].statement", lambda p: p.goals[0], "The goal"),
    ("needs[1].title", lambda p: p.needs[1], "The need"),
    ("milestones[2].title", lambda p: p.milestones[2], "The milestone"),
    ("assessments[1].experiences[2].role", lambda p: p.assessments[1].experiences[2],
     "The role"),
    ("assessments[0].ratings[5].name", lambda p: p.assessments[0].ratings[5], "The skill name"),
])
def test_texts_the_forms_require_are_not_blank(plan, path, edit, what):
    setattr(edit(plan), path.rpartition(".")[2], "  \n")
    assert only_problem(plan) == f"{path}: {what} cannot be empty."


def test_texts_the_forms_leave_optional_may_be_blank(plan):
    plan.profile.name = ""
    plan.destination.goals[0].statement = ""
    plan.checkins[0].notes = ""
    plan.actions[0].notes = ""
    assert plan_problems(plan) == []


@pytest.mark.parametrize(("rule", "reason"), [
    ("FREQ=SOMETIMES", "due dates repeat DAILY, WEEKLY, MONTHLY or YEARLY"),
    ("FREQ=WEEKLY;BYDAY=XX", "is not a repeat rule I can read"),
    ("FREQ=MONTHLY;COUNT=3", "COUNT restarts whenever an item moves on"),
    ("FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number of 1 or more"),
    ("FREQ=DAILY;INTERVAL=-1", "INTERVAL must be a whole number of 1 or more"),
    ("weekly", "'weekly' is not in the form careertui stores; write 'FREQ=WEEKLY'"),
    ("freq=monthly", "write 'FREQ=MONTHLY'"),
    ("never", "'never' means the item does not repeat; write null instead"),
])
def test_a_repeat_rule_must_be_one_the_actions_can_follow(plan, rule, reason):
    plan.actions[4].recurrence = rule
    problem = only_problem(plan)
    assert problem.startswith("actions[4].recurrence: ")
    assert reason in problem


def test_experience_years_are_in_order(plan):
    plan.assessments[0].experiences[1] = Experience("Data Analyst", start_year=2022, end_year=2019)
    assert only_problem(plan) == ("assessments[0].experiences[1].end_year: "
                                  "The end year cannot be before the start year (2022).")


def test_every_problem_is_reported_in_plan_order(plan):
    plan.milestones[0].title = ""
    plan.actions[2].goal_id = "gone"
    plan.settings.review_cadence_months = 0
    plan.goals[1] = dataclasses.replace(plan.goals[1], horizon=2)
    paths = [problem.split(":")[0] for problem in plan_problems(plan)]
    assert paths == ["settings.review_cadence_months", "goals[1].horizon", "actions[2].goal_id",
                     "milestones[0].title"]
