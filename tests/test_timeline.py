"""The destination timeline series and the 1/3/5-year target-date checks, without a terminal."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from careertui.model.plan import Destination, HorizonGoal
from careertui.model.timeline import PointKind, horizon_goal, horizon_label, timeline
from careertui.model.validation import Invalid, horizon_date
from tests.conftest import TODAY


def test_goals_without_dates_sit_at_today_plus_their_horizon():
    points = timeline(Destination(), TODAY)
    assert [(p.kind, p.horizon, p.day) for p in points] == [
        (PointKind.TODAY, 0, TODAY),
        (PointKind.ESTIMATED_GOAL, 1, date(2027, 11, 23)),
        (PointKind.ESTIMATED_GOAL, 3, date(2029, 11, 23)),
        (PointKind.ESTIMATED_GOAL, 5, date(2031, 11, 23)),
        (PointKind.HORIZON, 10, date(2036, 11, 23)),
    ]


def test_goals_with_dates_sit_at_their_dates_with_their_statements():
    destination = Destination(goals=[
        HorizonGoal(1, "Tech lead", date(2027, 6, 30)),
        HorizonGoal(3, "Team lead", None),
        HorizonGoal(5, "Head of Data", date(2031, 1, 15)),
    ])
    goals = timeline(destination, TODAY)[1:4]
    assert [(p.kind, p.day, p.statement) for p in goals] == [
        (PointKind.GOAL, date(2027, 6, 30), "Tech lead"),
        (PointKind.ESTIMATED_GOAL, date(2029, 11, 23), "Team lead"),
        (PointKind.GOAL, date(2031, 1, 15), "Head of Data"),
    ]


def test_points_follow_horizon_order_whatever_the_stored_order():
    destination = Destination(goals=[
        HorizonGoal(5, "five", date(2030, 1, 1)),
        HorizonGoal(1, "one", date(2027, 1, 1)),
    ])
    points = timeline(destination, TODAY)
    assert [p.horizon for p in points] == [0, 1, 3, 5, 10]
    assert [p.statement for p in points] == ["", "one", "", "five", ""]
    assert points[2].kind is PointKind.ESTIMATED_GOAL  # the missing 3-year goal still shows


def test_today_and_the_ten_year_horizon_move_with_the_clock_and_keep_month_ends():
    leap_day = date(2028, 2, 29)
    points = timeline(Destination(), leap_day)
    assert points[0].day == leap_day and points[0].short_label == "Today"
    assert points[1].day == date(2029, 2, 28)
    assert (points[-1].day, points[-1].short_label) == (date(2038, 2, 28), "10y")


def test_horizon_goal_returns_the_stored_goal_or_adds_the_missing_one_in_order():
    destination = Destination(goals=[HorizonGoal(5, "five"), HorizonGoal(1, "one")])
    assert horizon_goal(destination, 5).statement == "five"
    added = horizon_goal(destination, 3)
    assert added == HorizonGoal(3)
    assert [g.horizon for g in destination.goals] == [1, 3, 5]
    assert horizon_goal(destination, 3) is added


def test_horizon_labels():
    assert [horizon_label(h) for h in (1, 3, 10)] == ["1 year", "3 years", "10 years"]


@pytest.mark.parametrize("text, horizon, expected", [
    ("2026-11-24", 1, date(2026, 11, 24)),  # tomorrow
    ("2027-11-23", 1, date(2027, 11, 23)),  # exactly one year ahead
    (" 2029-11-23 ", 3, date(2029, 11, 23)),
    ("", 5, None),
    ("   ", 3, None),
])
def test_horizon_date_accepts_dates_after_today_within_the_horizon(text, horizon, expected):
    assert horizon_date(text, horizon, TODAY) == expected


@pytest.mark.parametrize("text, horizon, message", [
    ("2026-11-23", 1, "2026-11-23 is not in the future; a goal's target date must be after today."),
    ("2025-01-01", 3, "2025-01-01 is not in the future; a goal's target date must be after today."),
    ("2027-11-24", 1, "2027-11-24 is more than 1 year away; pick a date up to 2027-11-23."),
    ("2030-01-01", 3, "2030-01-01 is more than 3 years away; pick a date up to 2029-11-23."),
    ("2027-02-30", 1, "'2027-02-30' is not a date; type it as YYYY-MM-DD, e.g. 2027-06-30."),
    ("next year", 5, "'next year' is not a date; type it as YYYY-MM-DD, e.g. 2027-06-30."),
])
def test_horizon_date_refuses_with_the_reason(text, horizon, message):
    with pytest.raises(Invalid) as refused:
        horizon_date(text, horizon, TODAY)
    assert str(refused.value) == message


def test_the_timeline_model_imports_no_textual():
    code = (
        "import sys, careertui.model.timeline\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
