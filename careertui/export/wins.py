"""A "wins" brag document for performance reviews: milestones, done items and achieved goals."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from careertui.export.markdown_text import escape
from careertui.model.checkin import MILESTONE_LABELS
from careertui.model.dates import MONTHS
from careertui.model.evidence import evidence_by_skill
from careertui.model.labels import KIND_LABELS, counted
from careertui.model.plan import GoalStatus, Plan


class WinLine(NamedTuple):
    day: date
    order: int  # within a day: milestones, then achieved goals, then done items
    text: str


def wins_document(plan: Plan, since: date, until: date) -> str:
    """Every win dated from `since` to `until` (both included), grouped by month, newest first."""
    lines = _win_lines(plan, since, until)
    header = [f"# Wins since {since}, until {until}", ""]
    if who := _who(plan):
        header += [who, ""]
    if since > until:
        return "\n".join(header + [f"Nothing to show: {since} is after {until}."]) + "\n"
    if not lines:
        return "\n".join(header + [f"No wins recorded from {since} to {until}: no milestones, "
                                   "no goals achieved and no action items done."]) + "\n"
    body = [f"{_count_summary(lines)} from {since} to {until}, both days included."]
    month = None
    for line in sorted(lines, key=lambda line: (line.day, -line.order), reverse=True):
        if (line.day.year, line.day.month) != month:
            month = line.day.year, line.day.month
            body += ["", f"## {MONTHS[line.day.month - 1]} {line.day.year}", ""]
        body.append(line.text)
    return "\n".join(header + body) + "\n"


def _who(plan: Plan) -> str:
    profile = plan.profile
    parts = [escape(text) for text in (profile.name, profile.current_role, profile.organisation)
             if text.strip()]
    return ", ".join(parts[:2]) + (f" at {parts[2]}" if len(parts) > 2 else "")


def _win_lines(plan: Plan, since: date, until: date) -> list[WinLine]:
    statements = {goal.id: goal.statement for goal in plan.goals}
    lines = []
    for milestone in plan.milestones:
        if since <= milestone.on <= until:
            text = (f"- {milestone.on} ★ **{escape(milestone.title)}** · "
                    f"{MILESTONE_LABELS[milestone.kind]}")
            if milestone.notes.strip():
                text += f" · {escape(milestone.notes)}"
            lines.append(WinLine(milestone.on, 0, text))
    for goal in plan.goals:
        if goal.status is GoalStatus.DONE and goal.done_on and since <= goal.done_on <= until:
            text = f"- {goal.done_on} ✔ **Goal achieved: {escape(goal.statement)}**"
            lines.append(WinLine(goal.done_on, 1, text))
    for action in plan.actions:
        if action.done and action.done_on and since <= action.done_on <= until:
            kind = KIND_LABELS[action.kind].lower()
            text = f"- {action.done_on} ✔ {escape(action.title)} · {kind}"
            if action.goal_id in statements:
                text += f" · for the goal “{escape(statements[action.goal_id])}”"
            lines.append(WinLine(action.done_on, 2, text))
    return lines


def _count_summary(lines: list[WinLine]) -> str:
    counts = [sum(1 for line in lines if line.order == order) for order in range(3)]
    words = (("milestone", "milestones"), ("goal achieved", "goals achieved"),
             ("action item done", "action items done"))
    parts = [f"{count} {plural if count != 1 else singular}"
             for count, (singular, plural) in zip(counts, words, strict=True) if count]
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def wins_by_skill(plan: Plan, since: date, until: date, names: Mapping[str, str]) -> str:
    """Review-ready bullets of the evidence from `since` to `until`, grouped by the skill it
    shows (`names`: skill key -> name), the skill with the most first."""
    header = [f"# Wins by skill since {since}, until {until}", ""]
    if who := _who(plan):
        header += [who, ""]
    found = evidence_by_skill(plan.actions, plan.milestones, plan.checkins)
    dated = {key: [e for e in items if e.on is not None and since <= e.on <= until]
             for key, items in found.items()}
    groups = sorted(((names.get(key, key), items) for key, items in dated.items() if items),
                    key=lambda group: (-len(group[1]), group[0]))
    if not groups:
        return "\n".join(header + [
            f"No evidence tagged from {since} to {until}: in step 5, t tags a done item, a "
            "milestone or a check-in with the skill it shows."]) + "\n"
    body = []
    for name, items in groups:
        count = f"{counted(len(items), 'piece')} of evidence"
        body += [f"## {escape(name)} ({count})", ""]
        body += [f"- {e.on} · {e.kind}: {escape(e.text)}" for e in items]
        body.append("")
    return "\n".join(header + body)
