"""Each goal's pace: when its open items will be done at the rate they are being ticked."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from careertui.model.dates import span_between
from careertui.model.plan import Action, Goal

# One item done is no rate yet: a pace needs this many.
LEAST_DONE = 2


@dataclass(frozen=True)
class Pace:
    """A goal's projected finish (None: nothing ticked yet, so no rate) against its deadline."""

    done: int
    remaining: int  # open one-off items: a repeating one keeps its own dates to the deadline
    finish: date | None
    deadline: date | None
    repeating_left: bool = False

    @property
    def late(self) -> bool:
        return (self.finish is not None and self.deadline is not None
                and self.remaining > 0 and self.finish > self.deadline)

    def text(self) -> str:
        """"at this pace: done by 2027-09-01, 3 months late", or why there is no pace."""
        if self.remaining == 0:
            if self.repeating_left:
                return "only repeating items left, on their own dates"
            return "every item done" if self.done else "no items yet"
        if self.finish is None:
            return f"no pace yet: it shows once {LEAST_DONE} items are done"
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
    (its creation, else its first item done), and its open one-off items at that rate. A
    repeating item is not hurried by ticking faster, so it is left out of what remains."""
    items = [action for action in actions if action.goal_id == goal.id]
    done_days = [action.done_on for action in items if action.done and action.done_on]
    remaining = sum(1 for action in items if not action.done and not action.recurrence)
    repeating = any(not action.done and action.recurrence for action in items)
    if len(done_days) < LEAST_DONE or remaining == 0:
        return Pace(len(done_days), remaining, None, goal.deadline, repeating)
    began = min([*done_days, *([goal.created_on] if goal.created_on else [])])
    per_day = len(done_days) / max(1, (today - began).days)
    finish = today + timedelta(days=math.ceil(remaining / per_day))
    return Pace(len(done_days), remaining, finish, goal.deadline, repeating)
