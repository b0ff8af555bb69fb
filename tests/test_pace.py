"""A goal's pace: its open items at the rate its items are being ticked, against its deadline."""

from __future__ import annotations

from datetime import date

import pytest

from careertui.model.pace import goal_pace
from careertui.model.plan import Action, ActionStatus, Goal

TODAY = date(2027, 3, 1)


def goal(deadline: date | None = date(2027, 6, 1), began: date | None = date(2027, 1, 1)) -> Goal:
    return Goal("Pass the CAPM exam", deadline=deadline, created_on=began, id="g")


def items(done_on: list[date], open_items: int, recurrence: str | None = None) -> list[Action]:
    done = [Action(f"done {n}", goal_id="g", status=ActionStatus.DONE, done_on=day)
            for n, day in enumerate(done_on)]
    return done + [Action(f"open {n}", goal_id="g", due=date(2027, 4, 1), recurrence=recurrence)
                   for n in range(open_items)]


@pytest.mark.parametrize("label, done_on, open_items, finish, text", [
    # 2 items in 59 days since 2027-01-01: 29.5 days each; 2 left -> 59 days -> 2027-04-29.
    ("on time", [date(2027, 1, 20), date(2027, 2, 20)], 2, date(2027, 4, 29),
     "at this pace: done by 2027-04-29, on time (4 weeks to spare)"),
    # 2 items in 59 days; 8 left -> 236 days -> 2027-10-23, past the June deadline.
    ("late", [date(2027, 1, 10), date(2027, 2, 1)], 8, date(2027, 10, 23),
     "at this pace: done by 2027-10-23, 4 months late"),
    ("no rate yet", [date(2027, 2, 1)], 3, None, "no pace yet: it shows once 2 items are done"),
    ("all done", [date(2027, 2, 1)], 0, None, "every item done"),
])
def test_the_pace_projects_the_open_items_at_the_rate_so_far(label, done_on, open_items, finish,
                                                             text):
    pace = goal_pace(goal(), items(done_on, open_items), TODAY)
    assert pace.finish == finish, label
    assert pace.text() == text, label
    assert pace.late is (label == "late")


def test_a_repeating_item_keeps_its_own_dates_and_is_not_counted_as_left():
    # Monthly to the deadline: ticking faster does not end it sooner.
    pace = goal_pace(goal(), items([date(2027, 2, 1)], 1, "FREQ=MONTHLY"), TODAY)
    assert pace.remaining == 0
    assert pace.text() == "only repeating items left, on their own dates"


def test_a_goal_without_a_deadline_has_a_finish_and_no_lateness():
    pace = goal_pace(goal(deadline=None), items([date(2027, 1, 5), date(2027, 2, 1)], 1), TODAY)
    assert pace.finish is not None and not pace.late
    assert pace.text() == f"at this pace: done by {pace.finish}"


def test_a_goal_with_no_creation_date_counts_from_its_first_item_done():
    pace = goal_pace(goal(began=None), items([date(2027, 2, 14), date(2027, 2, 28)], 1), TODAY)
    # 2 items in 15 days since 2027-02-14: 7.5 days each, 1 left -> 8 days.
    assert pace.finish == date(2027, 3, 9)


def test_other_goals_items_do_not_count():
    others = [Action("elsewhere", goal_id="other", status=ActionStatus.DONE,
                     done_on=date(2027, 2, 1))]
    assert goal_pace(goal(), others, TODAY).text() == "no items yet"
