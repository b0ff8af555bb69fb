"""What the review shows on its way through the plan: areas to re-rate, gaps, needs, pace."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from careertui.model.assessment import level_of
from careertui.model.gaps import Gap, ranked, shown_level
from careertui.model.labels import counted, money
from careertui.model.pace import goal_pace
from careertui.model.plan import Action, Assessment, Goal, GoalStatus, Need, Settings
from careertui.model.progress import budget
from careertui.model.review_changes import LISTED_MOST

LEVEL_UNIT = "level"  # the unit of a measure that is a level on the O*NET scale


@dataclass
class AreaToRate:
    """An area an active goal works on, with your level in the review's snapshot."""

    key: str
    name: str
    level: float | None


def areas_to_rate(goals: Sequence[Goal], snapshot: Assessment) -> list[AreaToRate]:
    """The areas the active goals are linked to, each once, named as the snapshot rates them
    (or as the goal's measure names its level)."""
    names = {rating.key: rating.name for rating in snapshot.ratings}
    areas: dict[str, AreaToRate] = {}
    for goal in goals:
        key = goal.gap_key
        if goal.status is not GoalStatus.ACTIVE or key is None or key in areas:
            continue
        name = names.get(key) or goal.measure.metric.removesuffix(f" {LEVEL_UNIT}") or key
        areas[key] = AreaToRate(key, name, level_of(snapshot, key))
    return list(areas.values())


def gap_lines(then: Sequence[Gap], now: Sequence[Gap], goals: Sequence[Goal],
              needs: Sequence[Need]) -> list[str]:
    """The target role's gaps at the last review (`then`) against today's (`now`, as the
    review re-rated them): those closed and narrowed, the largest still open, and which needs
    are met (every goal that serves one achieved)."""
    before = {gap.key: gap for gap in then}
    closed = [gap for gap in now if gap.gap <= 0 and gap.key in before
              and before[gap.key].gap > 0]
    narrowed = [gap for gap in now if gap.gap > 0 and gap.key in before
                and gap.gap < before[gap.key].gap]
    still_open = [gap for gap in ranked(now) if gap.gap > 0]
    lines = [f"Gap closed: {gap.name} (you {shown_level(gap.current)}, needed "
             f"{shown_level(gap.required)})" for gap in closed]
    if narrowed:
        lines.append(f"{counted(len(narrowed), 'gap')} narrowed: "
                     + ", ".join(f"{gap.name} ({before[gap.key].gap:+.1f} → {gap.gap:+.1f})"
                                 for gap in narrowed[:LISTED_MOST]))
    if still_open:
        lines.append("Largest gaps still open: " + ", ".join(
            f"{gap.name} ({gap.gap:+.1f})" for gap in still_open[:3]))
    elif not now:
        lines.append("No target role with requirements: choose one in step 2.")
    for need in needs:
        serving = [goal for goal in goals if goal.need_id == need.id]
        met = bool(serving) and all(goal.status is GoalStatus.DONE for goal in serving)
        lines.append(f"Need {'met' if met else 'open'}: {need.title}")
    return lines


def plan_lines(goals: Sequence[Goal], actions: Sequence[Action], settings: Settings,
               today: date) -> list[str]:
    """This year's budget, then each active goal's pace against its deadline."""
    figures = budget(actions, settings, today.year, goals)
    currency = settings.currency
    lines = [f"Budget {figures.year}: {money(figures.allocated, currency)} allocated · "
             f"{money(figures.spent, currency)} spent · {money(figures.planned, currency)} "
             "planned" + (" · over budget" if figures.over else "")]
    for goal in goals:
        if goal.status is GoalStatus.ACTIVE:
            pace = goal_pace(goal, actions, today)
            lines.append(f"“{goal.statement}”: {'LATE, ' if pace.late else ''}{pace.text()}")
    return lines
