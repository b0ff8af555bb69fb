"""Each goal's pace: when its open items will be done at the rate they are being ticked."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from careertui.model.actions import due_dates, repeat_end
from careertui.model.dates import span_between
from careertui.model.plan import Action, Goal

# How far ahead a repeating item of a goal without a deadline is counted.
UNDATED_REACH = timedelta(days=365)


@dataclass(frozen=True)
class Pace:
    """A goal's projected finish (None: nothing ticked yet, so no rate) against its deadline."""

    done: int
    remaining: int  # open items, each coming occurrence of a repeating one counted
    finish: date | None
    deadline: date | None

    @property
    def late(self) -> bool:
        return (self.finish is not None and self.deadline is not None
                and self.remaining > 0 and self.finish > self.deadline)

    def text(self) -> str:
        """"at this pace: done by 2027-09-01, 3 months late", or why there is no pace."""
        if self.remaining == 0:
            return "every item done" if self.done else "no items yet"
        if self.finish is None:
            return "no pace yet: tick an item done to see one"
        text = f"at this pace: done by {self.finish}"
        if self.deadline is None:
            return text
        if self.late:
            return f"{text}, {span_between(self.deadline, self.finish)} late"
        return f"{text}, on time" + (
            f" ({span_between(self.finish, self.deadline)} to spare)"
            if self.finish < self.deadline else "")


def goal_pace(goal: Goal, actions: Sequence[Action], today: date) -> Pace:
    """The pace of `goal` from its items in `actions`: items done per day since the goal began
    (its creation, else its first item done), and the items left at that rate."""
    items = [action for action in actions if action.goal_id == goal.id]
    done_days = [action.done_on for action in items if action.done and action.done_on]
    end = goal.deadline or today + UNDATED_REACH
    remaining = sum(max(1, len(due_dates(action, today, end, repeat_end(action, goal.deadline))))
                    for action in items if not action.done)
    if not done_days or remaining == 0:
        return Pace(len(done_days), remaining, None, goal.deadline)
    began = min([*done_days, *([goal.created_on] if goal.created_on else [])])
    per_day = len(done_days) / max(1, (today - began).days)
    finish = today + timedelta(days=math.ceil(remaining / per_day))
    return Pace(len(done_days), remaining, finish, goal.deadline)
