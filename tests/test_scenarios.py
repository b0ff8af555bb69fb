"""Scenarios: kept up to three, one followed at a time, goals staying linked to the scenario
they serve, and the figures compared side by side."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from careertui.demo import demo_plan
from careertui.export.scenarios_text import scenarios_text
from careertui.model.assessment import current_snapshot, levels_of
from careertui.model.plan import Action, CareerPath, Destination, Goal
from careertui.model.scenarios import (
    MAX_SCENARIOS,
    follow,
    followed,
    goals_of,
    keep_current,
    without_scenario,
)
from careertui.model.validation import Invalid
from careertui.roles import load_library
from careertui.roles.scenario_compare import compare
from tests.conftest import TODAY

MANAGER = ("11-3021.00", "Computer and Information Systems Managers")
SCIENTIST = ("15-2051.00", "Data Scientists")


def destination_of(code_title: tuple[str, str], path=CareerPath.STAY, **more) -> Destination:
    return Destination(target_role_code=code_title[0], target_role_title=code_title[1],
                       path=path, **more)


def test_up_to_three_scenarios_are_kept_each_once():
    destination = keep_current(destination_of(MANAGER))
    assert followed(destination) is not None
    with pytest.raises(Invalid, match="kept as a scenario already"):
        keep_current(destination)
    for code in ("15-2051.00", "13-2011.00"):
        destination = keep_current(replace(destination, target_role_code=code,
                                           path=CareerPath.TRANSITION))
    assert len(destination.scenarios) == MAX_SCENARIOS
    with pytest.raises(Invalid, match="delete one"):
        keep_current(replace(destination, target_role_code="29-1141.00"))
    with pytest.raises(Invalid, match="target role first"):
        keep_current(Destination())
    smaller = without_scenario(destination, destination.scenarios[0].id)
    assert [s.id for s in smaller.scenarios] == [s.id for s in destination.scenarios[1:]]


def test_following_another_scenario_links_the_goals_to_the_one_they_served():
    destination = keep_current(destination_of(MANAGER))
    stay = destination.scenarios[0]
    destination = keep_current(replace(destination, target_role_code=SCIENTIST[0],
                                       target_role_title=SCIENTIST[1],
                                       path=CareerPath.TRANSITION))
    move = destination.scenarios[1]
    goals = [Goal("Lead the squad"), Goal("Learn deep learning", scenario_id=move.id)]
    # The destination follows the transition now; the unlinked goal serves it.
    assert goals_of(move, destination, goals) == goals
    destination, linked = follow(destination, goals, stay.id)
    assert (destination.target_role_code, destination.path) == (MANAGER[0], CareerPath.STAY)
    assert [(g.statement, g.scenario_id) for g in linked] == [("Lead the squad", move.id)]
    with pytest.raises(Invalid, match="Keep the destination you follow now"):
        follow(destination_of(MANAGER, scenarios=[move]), goals, move.id)


def test_the_comparison_shows_each_scenarios_gap_goals_cost_and_timeline():
    plan = demo_plan(TODAY)
    library = load_library()
    destination = keep_current(plan.destination)
    destination = keep_current(replace(destination, target_role_code=SCIENTIST[0],
                                       target_role_title=SCIENTIST[1],
                                       path=CareerPath.TRANSITION))
    levels = levels_of(current_snapshot(plan.assessments))
    now, other = compare(library, destination, levels, {}, plan.goals, plan.actions)
    assert now.scenario.target_role_code == plan.destination.target_role_code
    assert not now.followed and other.followed  # the last kept is the one followed now
    assert other.goals == len(plan.goals) and now.goals == 0  # unlinked: the followed one
    assert other.cost == sum(a.cost for a in plan.actions if a.goal_id)
    assert other.deadlines == tuple(sorted(g.deadline for g in plan.goals if g.deadline))
    assert now.total_gap > 0 and len(now.top_gaps) == 3
    assert now.top_gaps[0].priority >= now.top_gaps[-1].priority
    assert now.fit == "" and now.hours == 0
    served = compare(library, destination, levels, {}, [], [Action("x", cost=9)])[1]
    assert (served.goals, served.cost, served.deadlines) == (0, 0, ())
    assert date.min not in other.deadlines


def test_the_report_compares_the_scenarios_kept():
    plan = demo_plan(TODAY)
    assert scenarios_text(plan, load_library()) == ""  # none kept yet
    plan.destination = keep_current(plan.destination)
    plan.destination = keep_current(replace(plan.destination, target_role_code=SCIENTIST[0],
                                            target_role_title=SCIENTIST[1]))
    text = scenarios_text(plan, load_library())
    assert f"| {plan.destination.scenarios[0].target_role_title} " in text
    assert "| ◆ Data Scientists " in text and "Total gap" in text
