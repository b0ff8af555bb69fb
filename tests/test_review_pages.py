"""What the review shows on its way: areas to re-rate, gaps closed and open, needs, pace."""

from __future__ import annotations

from datetime import date

from careertui.model.gaps import Gap
from careertui.model.plan import (
    Action,
    ActionStatus,
    Assessment,
    Goal,
    GoalStatus,
    Measure,
    Need,
    NeedKind,
    Settings,
    SkillRating,
)
from careertui.model.review_pages import areas_to_rate, gap_lines, plan_lines

TODAY = date(2027, 3, 1)


def gap(key: str, name: str, current: float, required: float) -> Gap:
    return Gap(key, name, "skill", "Social", current, True, required, 3.0)


def test_the_areas_to_rate_are_the_active_goals_areas_each_once():
    snapshot = Assessment(TODAY, [SkillRating("2.B.1.a", "Negotiation", 2.0)])
    goals = [Goal("Negotiate", gap_key="2.B.1.a"), Goal("Again", gap_key="2.B.1.a"),
             Goal("Budget", gap_key="2.B.5.b", measure=Measure("Management of Financial "
                                                              "Resources level", 0, 3, "level")),
             Goal("Done one", gap_key="2.C.1.a", status=GoalStatus.DONE), Goal("No gap")]
    areas = areas_to_rate(goals, snapshot)
    assert [(area.key, area.name, area.level) for area in areas] == [
        ("2.B.1.a", "Negotiation", 2.0),
        ("2.B.5.b", "Management of Financial Resources", None)]  # named by its measure


def test_gaps_closed_narrowed_and_still_open_then_the_needs():
    then = [gap("a", "Negotiation", 2.0, 3.0), gap("b", "Monitoring", 1.0, 4.0),
            gap("c", "Writing", 1.0, 2.0)]
    now = [gap("a", "Negotiation", 3.0, 3.0), gap("b", "Monitoring", 2.5, 4.0),
           gap("c", "Writing", 1.0, 2.0)]
    need = Need(NeedKind.CERTIFICATION, "CAPM certificate", id="n1")
    other = Need(NeedKind.EXPERIENCE, "A mentor", id="n2")
    goals = [Goal("Pass CAPM", need_id="n1", status=GoalStatus.DONE),
             Goal("Find one", need_id="n2")]
    assert gap_lines(then, now, goals, [need, other]) == [
        "Gap closed: Negotiation (you 3.0, needed 3.0)",
        "1 gap narrowed: Monitoring (+3.0 → +1.5)",
        "Largest gaps still open: Monitoring (+1.5), Writing (+1.0)",
        "Need met: CAPM certificate",
        "Need open: A mentor",
    ]


def test_without_a_target_role_the_gaps_page_says_where_to_choose_one():
    assert gap_lines([], [], [], []) == ["No target role with requirements: choose one in step 2."]


def test_the_plan_page_gives_the_budget_then_each_active_goals_pace():
    goals = [Goal("Pass CAPM", deadline=date(2027, 6, 1), created_on=date(2027, 1, 1), id="g"),
             Goal("Dropped", status=GoalStatus.DROPPED)]
    actions = [Action("Course", goal_id="g", status=ActionStatus.DONE, done_on=date(2027, 1, 10),
                      cost=300.0),
               Action("Book", goal_id="g", status=ActionStatus.DONE, done_on=date(2027, 2, 1)),
               *(Action(f"Step {n}", goal_id="g") for n in range(8))]
    lines = plan_lines(goals, actions, Settings(yearly_budget=1500.0, currency="$"), TODAY)
    assert lines == [
        "Budget 2027: $1,500 allocated · $300 spent · $0 planned",
        "“Pass CAPM”: LATE, at this pace: done by 2027-10-23, 4 months late",
    ]
