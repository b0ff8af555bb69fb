"""Progress figures: due-date buckets, chart series, budget, review cadence, the plan timeline."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from careertui.model.actions import due_dates, repeat_end
from careertui.model.plan import (
    HORIZONS,
    Action,
    ActionStatus,
    Assessment,
    CheckIn,
    CheckInKind,
    Goal,
    GoalStatus,
    Settings,
)

SOON_DAYS = 14
# A chart is about a hundred braille dots wide: more points than this only cost drawing time.
MAX_POINTS = 120
NO_GOAL = "No goal"
REVIEW_KINDS = (CheckInKind.SELF_REVIEW, CheckInKind.PERFORMANCE_REVIEW)


class Bucket(StrEnum):
    OVERDUE = "overdue"
    SOON = "soon"
    LATER = "later"
    SOMEDAY = "someday"
    DONE = "done"


def bucket(action: Action, today: date) -> Bucket:
    """Where an item stands: done, overdue, due within SOON_DAYS, later, or without a due date."""
    if action.done:
        return Bucket.DONE
    if action.due is None:
        return Bucket.SOMEDAY
    if action.due < today:
        return Bucket.OVERDUE
    if action.due <= today + timedelta(days=SOON_DAYS):
        return Bucket.SOON
    return Bucket.LATER


_BUCKET_ORDER = {kind: rank for rank, kind in enumerate(Bucket)}


def progress_order(actions: Iterable[Action], today: date) -> list[Action]:
    """Overdue (oldest first), soon, later (by due date), someday, then done (latest first)."""
    def key(action: Action) -> tuple:
        kind = bucket(action, today)
        if kind is Bucket.DONE:
            return _BUCKET_ORDER[kind], -(action.done_on or date.min).toordinal()
        return _BUCKET_ORDER[kind], (action.due or date.min).toordinal()
    return sorted(actions, key=key)


def _done_day(action: Action) -> date | None:
    """When a done item was done; an old record without done_on counts from its due date."""
    return (action.done_on or action.due or action.created_on) if action.done else None


# The series the progress charts draw, as the functions below make them.
Completion = tuple[list[str], list[int], list[int]]  # ISO dates, items done, items due
GoalCounts = list[tuple[str, int, int]]  # goal statement, items done, items in all
Measures = list[tuple[str, float, float, str, float]]  # statement, current, target, unit, start
SkillHistory = tuple[list[str], dict[str, list[float | None]]]  # ISO dates, levels per skill


def completion_over_time(actions: Sequence[Action], today: date) -> Completion:
    """Weekly burn-up up to today: ISO dates, cumulative items done and cumulative items due.

    The points start at the earliest created_on, due or done_on date and end on today itself.
    A history longer than MAX_POINTS weeks has a point every few weeks instead.
    """
    if not actions:
        return [], [], []
    # Day numbers (ordinals) from comprehensions, sorted once and counted by bisection: a tick
    # on a large plan recomputes this series, and ints sort several times faster than dates.
    done_status = ActionStatus.DONE  # an enum member looked up once, not per item
    due_days = sorted([day.toordinal() for action in actions if (day := action.due)])
    done_days = sorted([day.toordinal() for action in actions if action.status is done_status
                        if (day := action.done_on or action.due or action.created_on)])
    created = [action.created_on for action in actions if action.created_on is not None]
    done_on = [action.done_on for action in actions if action.done_on is not None]
    start = min(today, min(created, default=today), min(done_on, default=today),
                date.fromordinal(due_days[0]) if due_days else today)
    weeks = (today - start).days // 7 + 1
    step = -(-weeks // MAX_POINTS)  # weeks between points, rounded up
    points = [start + timedelta(weeks=week) for week in range(0, weeks, step)]
    if points[-1] != today:
        points.append(today)
    ordinals = [point.toordinal() for point in points]
    done = [bisect_right(done_days, point) for point in ordinals]
    planned = [bisect_right(due_days, point) for point in ordinals]
    return [point.isoformat() for point in points], done, planned


def completion_per_goal(goals: Sequence[Goal], actions: Sequence[Action]) -> GoalCounts:
    """(goal statement, items done, items in all) per goal in goal order, then "No goal" if any."""
    # Counted from lists, not in a loop: a tick on a large plan recomputes this series.
    done_status = ActionStatus.DONE
    totals = Counter([action.goal_id for action in actions])
    dones = Counter([action.goal_id for action in actions if action.status is done_status])
    rows = [(goal.statement, dones[goal.id], totals[goal.id]) for goal in goals]
    ids = {goal.id for goal in goals}  # items without a goal, or whose goal is gone, are orphans
    orphans = sum(count for goal_id, count in totals.items() if goal_id not in ids)
    if orphans:
        rows.append((NO_GOAL, sum(count for goal_id, count in dones.items() if goal_id not in ids),
                     orphans))
    return rows


def measure_share(current: float, target: float, start: float = 0.0) -> float | None:
    """How far a measure has come from `start` to `target`, 0 to 1 (more or less is clamped);
    None when the target is the start."""
    if target == start:
        return None
    return min(1.0, max(0.0, (current - start) / (target - start)))


def measure_progress(goals: Sequence[Goal]) -> Measures:
    """(statement, current, target, unit, start) for each goal whose measure has both numbers
    (start 0 when the goal has none)."""
    return [(goal.statement, goal.measure.current, goal.measure.target, goal.measure.unit,
             goal.measure.start or 0.0)
            for goal in goals
            if goal.measure.current is not None and goal.measure.target is not None]


def skill_history(assessments: Sequence[Assessment], limit: int = 5) -> SkillHistory:
    """Snapshot dates (oldest first) and the levels of the `limit` skills that changed most.

    The change of a skill is its last rated level minus its first, in absolute value; skills
    that did not change are left out, so one snapshot gives no lines.
    """
    snapshots = sorted(assessments, key=lambda assessment: assessment.taken_on)
    names: dict[str, str] = {}
    levels: dict[str, list[float | None]] = {}
    for index, snapshot in enumerate(snapshots):
        for rating in snapshot.ratings:
            names.setdefault(rating.key, rating.name)
            levels.setdefault(rating.key, [None] * len(snapshots))[index] = rating.level

    def change(key: str) -> float:
        rated = [level for level in levels[key] if level is not None]
        return abs(rated[-1] - rated[0])
    changed = sorted((key for key in levels if change(key) > 0), key=change, reverse=True)
    return ([snapshot.taken_on.isoformat() for snapshot in snapshots],
            {names[key]: levels[key] for key in changed[:limit]})


@dataclass(frozen=True)
class Budget:
    """One year's training budget: what is allocated, planned on open items and already spent."""

    year: int
    allocated: float
    planned: float
    spent: float

    @property
    def over(self) -> bool:
        return self.allocated > 0 and self.planned + self.spent > self.allocated

    @property
    def remaining(self) -> float:
        return self.allocated - self.planned - self.spent


def budget(actions: Sequence[Action], settings: Settings, year: int,
           goals: Sequence[Goal] = ()) -> Budget:
    """What `year` plans on open items (see planned_by_year; undated ones count in it) against
    what items done in it cost. Without `goals`, repeats count up to the year's end."""
    spent = sum(action.cost for action in actions
                if (day := _done_day(action)) is not None and day.year == year)
    planned = planned_by_year(actions, goals, [year], undated_in=year)[year]
    return Budget(year, settings.budget_for(year), planned, spent)


def budgets_ahead(actions: Sequence[Action], settings: Settings, goals: Sequence[Goal],
                  this_year: int) -> list[Budget]:
    """budget for `this_year`, then that of each later year of budget_years that plans a cost
    or has an amount of its own (nothing is spent in it yet; undated items count in
    `this_year`), from one pass over the items' dates."""
    planned = planned_by_year(actions, goals, budget_years(this_year), undated_in=this_year)
    spent = sum(action.cost for action in actions
                if (day := _done_day(action)) is not None and day.year == this_year)
    own_years = {own.year for own in settings.budget_by_year}
    return [Budget(this_year, settings.budget_for(this_year), planned[this_year], spent),
            *(Budget(year, settings.budget_for(year), amount, 0.0)
              for year, amount in planned.items()
              if year != this_year and (amount or year in own_years))]


def budget_years(this_year: int) -> range:
    """The years a budget is planned for: this one and the rest of the longest horizon."""
    return range(this_year, this_year + HORIZONS[-1])


def planned_by_year(actions: Sequence[Action], goals: Sequence[Goal], years: Iterable[int],
                    undated_in: int) -> dict[int, float]:
    """The cost of the open items due in each of `years`: each occurrence of a repeating item
    in its own year, up to its goal's deadline; undated items in the year `undated_in`."""
    years = list(years)
    planned = dict.fromkeys(years, 0.0)
    if not years:
        return planned
    deadlines = {goal.id: goal.deadline for goal in goals}
    first, last = date(min(years), 1, 1), date(max(years), 12, 31)
    for action in actions:
        if action.status is not ActionStatus.OPEN or not action.cost:
            continue
        if action.due is None:
            if undated_in in planned:
                planned[undated_in] += action.cost
            continue
        # The item's dates over all the years at once: a rule is worked out once, not per year.
        end = repeat_end(action, deadlines.get(action.goal_id or ""))
        times = Counter(day.year for day in due_dates(action, first, last, end))
        for year, count in times.items():
            if year in planned:
                planned[year] += action.cost * count
    return planned


def last_review(checkins: Sequence[CheckIn]) -> date | None:
    """The date of the latest self-review or performance review."""
    return max((checkin.on for checkin in checkins if checkin.kind in REVIEW_KINDS), default=None)


def next_review(checkins: Sequence[CheckIn], settings: Settings, start: date) -> date:
    """The last review (or `start` when there is none) plus the review cadence."""
    return (last_review(checkins) or start) + relativedelta(months=settings.review_cadence_months)


def review_due(checkins: Sequence[CheckIn], settings: Settings, start: date, today: date) -> bool:
    return today >= next_review(checkins, settings, start)


@dataclass(frozen=True)
class TimelineEvent:
    """A dated point of the plan: an active goal's deadline or an open item's due date."""

    day: date
    label: str
    kind: str  # "goal" or "action"


def plan_timeline(goals: Sequence[Goal], actions: Sequence[Action], today: date,
                  years: int = 5) -> list[TimelineEvent]:
    """Active goals' deadlines and open items' due dates from today to today + `years`, by date."""
    last = today + relativedelta(years=years)
    events = [TimelineEvent(goal.deadline, goal.statement, "goal") for goal in goals
              if goal.status is GoalStatus.ACTIVE and goal.deadline is not None]
    events += [TimelineEvent(action.due, action.title, "action") for action in actions
               if not action.done and action.due is not None]
    return sorted((event for event in events if today <= event.day <= last),
                  key=lambda event: (event.day, event.kind != "goal", event.label))


def next_due(actions: Iterable[Action], today: date, limit: int = 5) -> list[Action]:
    """The next `limit` open items by due date, overdue ones first."""
    dated = [(action.due, action) for action in actions
             if not action.done and action.due is not None]
    return [action for _, action in sorted(dated, key=lambda pair: pair[0])][:limit]
