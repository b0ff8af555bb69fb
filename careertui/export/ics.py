"""The plan as an iCalendar file: due dates, goal deadlines, horizon goals, the review cadence."""

from __future__ import annotations

import calendar
import hashlib
from datetime import UTC, date, datetime, timedelta

from icalendar import TRANSP, Calendar, Event, vRecur, vText

from careertui import __version__
from careertui.export.text import document_text
from careertui.model.actions import (
    describe_recurrence,
    recurrence_rule,
    repeat_end,
    repeat_rule,
)
from careertui.model.labels import KIND_LABELS, money
from careertui.model.plan import HORIZONS, Action, ActionStatus, Goal, GoalStatus, Measure, Plan
from careertui.model.progress import next_review
from careertui.model.review import review_start
from careertui.model.smart import smart_check
from careertui.model.smart_context import SmartContext, plan_context
from careertui.model.timeline import horizon_label

PRODID = f"-//careertui//careertui {__version__}//EN"
CALENDAR_NAME = "Career plan"
REVIEW_SUMMARY = "Career plan review"
REVIEW_DESCRIPTION = ("Time for your career plan review in careertui: re-rate your skills, "
                      "keep, change or drop each goal, and write down the next steps.")


def plan_calendar(plan: Plan, today: date, now: datetime) -> bytes:
    """The .ics content of `plan`: one all-day event per open dated item, active goal deadline
    and dated horizon goal, plus the recurring review; `now` (naive means local) is the DTSTAMP.

    UIDs stay the same from one export to the next, so importing again updates the events.
    """
    stamp = now.astimezone(UTC)
    plan_key = _plan_key(plan)
    events = [_review_event(plan, today, plan_key, stamp),
              *_horizon_events(plan, plan_key, stamp),
              *_goal_events(plan, today, stamp),
              *_action_events(plan, stamp)]
    cal = Calendar()
    cal.version = "2.0"
    cal.prodid = PRODID
    cal.calscale = "GREGORIAN"
    name = " ".join(plan.profile.name.split())  # a display name is one line
    title = vText(document_text(f"{CALENDAR_NAME} — {name}" if name else CALENDAR_NAME))
    # Not cal.calendar_name: icalendar 7.3 writes it unescaped; commas or backslashes break it.
    cal.add("NAME", title)
    cal.add("X-WR-CALNAME", title)
    for event in sorted(events, key=lambda event: (event.start, str(event.uid))):
        cal.add_component(event)
    return cal.to_ical()


def _plan_key(plan: Plan) -> str:
    """A short hash that keeps this plan's review and horizon UIDs apart from another plan's.

    It comes from the first assessment's id (which the app never deletes and which also anchors
    the review cadence), or from the person's name before any assessment exists.
    """
    first = min(plan.assessments, key=lambda a: (a.taken_on, a.id), default=None)
    seed = first.id if first is not None else plan.profile.name.strip().casefold()
    # surrogatepass: an id from a hand-edited file may hold a lone surrogate.
    return hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _all_day(uid: str, day: date, summary: str, stamp: datetime, description: str = "",
             categories: tuple[str, ...] = (), rule: vRecur | None = None) -> Event:
    # TRANSPARENT: a due date is a reminder, not a meeting; it must not show the day as busy.
    # Every text of the event is cleaned here, ids too: they come from the plan file.
    event = Event.new(uid=document_text(uid), stamp=stamp, start=day,
                      end=day + timedelta(days=1), summary=document_text(summary),
                      description=document_text(description) or None,
                      categories=categories, transparency=TRANSP.TRANSPARENT)
    if rule is not None:
        event.add("rrule", rule)
    return event


def _recurrence(rule: str, start: date, end: date | None = None) -> vRecur | None:
    """`rule` as the app reads it from `start` (short months clamped), ending by `end` at the
    latest; None for a rule the app would refuse if it were typed (INTERVAL=0, COUNT,
    FREQ=HOURLY...) or cannot read at all."""
    try:
        recurrence_rule(rule)
        recur = vRecur.from_ical(str(repeat_rule(rule, start)).partition("RRULE:")[2])
    except ValueError:
        return None  # the app ticks an item with an unreadable rule like a one-off item too
    if "UNTIL" in recur:
        # RFC 5545: UNTIL has DTSTART's value type, and these events are all-day DATEs.
        recur["UNTIL"] = [until.date() if isinstance(until, datetime) else until
                          for until in recur["UNTIL"]]
    if end is not None:
        recur["UNTIL"] = [min([*recur.get("UNTIL", []), end])]
    return recur


def _review_event(plan: Plan, today: date, plan_key: str, stamp: datetime) -> Event:
    start = next_review(plan.checkins, plan.settings, review_start(plan.assessments, today))
    rule = f"FREQ=MONTHLY;INTERVAL={plan.settings.review_cadence_months}"
    if start.day == calendar.monthrange(start.year, start.month)[1]:
        rule += ";BYMONTHDAY=-1"  # a review on a month end stays on month ends
    return _all_day(f"review-{plan_key}@careertui", start, REVIEW_SUMMARY, stamp,
                    REVIEW_DESCRIPTION, rule=_recurrence(rule, start))


def _horizon_events(plan: Plan, plan_key: str, stamp: datetime) -> list[Event]:
    # Like the destination timeline, the last goal of a horizon wins if a plan holds two.
    goals = {goal.horizon: goal for goal in plan.destination.goals}
    return [_all_day(f"horizon-{horizon}-{plan_key}@careertui", goal.target_date,
                     f"{horizon}-year goal: {goal.statement.strip()}", stamp)
            for horizon in HORIZONS
            if (goal := goals.get(horizon)) is not None
            and goal.target_date is not None and goal.statement.strip()]


def _goal_events(plan: Plan, today: date, stamp: datetime) -> list[Event]:
    context = plan_context(plan, today)  # no role library here: gap links go unchecked
    return [_all_day(f"goal-{goal.id}@careertui", goal.deadline, f"Goal deadline: {goal.statement}",
                     stamp, _goal_description(plan, goal, today, context))
            for goal in plan.goals
            if goal.status is GoalStatus.ACTIVE and goal.deadline is not None]


def _goal_description(plan: Plan, goal: Goal, today: date, context: SmartContext) -> str:
    lines = [f"Horizon: {horizon_label(goal.horizon)}"]
    if measure := _measure_text(goal.measure):
        lines.append(f"Measure: {measure}")
    badges = smart_check(goal, [a for a in plan.actions if a.goal_id == goal.id], today, context)
    failed = [badge for badge in badges if not badge.ok]
    if failed:
        lines.append(f"SMART: {len(badges) - len(failed)} of {len(badges)} checks pass.")
        lines += [f"{badge.letter}: {badge.reason}" for badge in failed]
    else:
        lines.append("SMART: all five checks pass.")
    return "\n".join(lines)


def _measure_text(measure: Measure) -> str:
    """"sprints led 4/12 sprints"; "" when nothing is set."""
    numbers = ""
    if measure.target is not None:
        current = "?" if measure.current is None else f"{measure.current:g}"
        numbers = f"{current}/{measure.target:g}"
    return " ".join(part for part in (measure.metric.strip(), numbers, measure.unit.strip())
                    if part)


def _action_events(plan: Plan, stamp: datetime) -> list[Event]:
    goals: dict[str | None, Goal] = {goal.id: goal for goal in plan.goals}
    return [_action_event(action, action.due, goals.get(action.goal_id), plan.settings.currency,
                          stamp)
            for action in plan.actions
            if action.status is ActionStatus.OPEN and action.due is not None]


def _action_event(action: Action, due: date, goal: Goal | None, currency: str,
                  stamp: datetime) -> Event:
    kind = KIND_LABELS[action.kind]
    lines = [f"Goal: {goal.statement}"] if goal is not None else []
    lines.append(f"Kind: {kind}")
    if action.cost > 0:
        lines.append(f"Cost: {money(action.cost, currency)}")
    if action.recurrence:
        lines.append(f"Repeats: {describe_recurrence(action.recurrence)}")
    if action.notes.strip():
        lines += ["", action.notes.strip()]
    end = repeat_end(action, goal.deadline if goal is not None else None)
    rule = _recurrence(action.recurrence, due, end) if action.recurrence else None
    return _all_day(f"action-{action.id}@careertui", due, action.title, stamp,
                    "\n".join(lines), (kind,), rule)

