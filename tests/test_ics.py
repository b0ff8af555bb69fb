"""The iCalendar export: parsed back with icalendar, its repeats re-read with dateutil."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

import careertui
from careertui.demo import demo_plan
from careertui.export.ics import plan_calendar
from careertui.model.actions import occurrences
from careertui.model.checkin import CADENCE_MAX, CADENCE_MIN
from careertui.model.labels import money
from careertui.model.overview import plan_status
from careertui.model.plan import (
    HORIZONS,
    Action,
    ActionKind,
    ActionStatus,
    CheckIn,
    Goal,
    GoalStatus,
    Measure,
    Plan,
    Profile,
)
from tests.conftest import TODAY
from tests.strategies import plans

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
TRICKY = "Talk, Q&A; prep \\ slides\nsecond line: “quoted” 🎤🚀"


@pytest.fixture
def plan() -> Plan:
    return demo_plan(TODAY)


def export(plan: Plan, now: datetime = NOW) -> Calendar:
    return Calendar.from_ical(plan_calendar(plan, TODAY, now))


def unescape(text: str) -> str:
    """RFC 5545 TEXT unescaping, for the properties icalendar leaves escaped (NAME, X-WR-...)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], text)


def events_by_uid(calendar: Calendar) -> dict[str, object]:
    return {str(event.uid): event for event in calendar.events}


def open_dated(plan: Plan) -> list[Action]:
    return [a for a in plan.actions if a.status is ActionStatus.OPEN and a.due is not None]


def uid_kind(uid: str) -> str:
    return uid.split("-", 1)[0]


def expected_kinds(plan: Plan) -> Counter:
    """How many events of each kind the plan calls for, counted from the plan itself."""
    horizons = {g.horizon for g in plan.destination.goals
                if g.horizon in HORIZONS and g.target_date and g.statement.strip()}
    goals = [g for g in plan.goals if g.status is GoalStatus.ACTIVE and g.deadline is not None]
    return Counter(action=len(open_dated(plan)), goal=len(goals), horizon=len(horizons), review=1)


def exported_kinds(plan: Plan) -> Counter:
    return Counter(uid_kind(str(event.uid)) for event in export(plan).events)


def raw_repeats(ics: bytes) -> dict[str, str]:
    """UID -> "DTSTART...\\nRRULE..." of each repeating event, read from the bytes themselves."""
    unfolded = ics.decode().replace("\r\n ", "").split("\r\n")
    found, fields = {}, {}
    for line in unfolded:
        name = line.split(":", 1)[0].split(";", 1)[0]
        if name in ("UID", "DTSTART", "RRULE"):
            fields[name] = line
        elif line == "END:VEVENT":
            if "RRULE" in fields:
                found[fields["UID"].split(":", 1)[1]] = f"{fields['DTSTART']}\n{fields['RRULE']}"
            fields = {}
    return found


def repeats_until(ics: bytes, uid: str, until: date) -> list[date]:
    rule = rrulestr(raw_repeats(ics)[uid])
    return [moment.date() for moment in rule.between(datetime(1900, 1, 1),
                                                     datetime.combine(until, datetime.max.time()))]


def test_the_calendar_names_the_app_and_the_person(plan):
    calendar = export(plan)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == f"-//careertui//careertui {careertui.__version__}//EN"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["X-WR-CALNAME"]) == "Career plan — Maya Okafor"
    assert str(export(Plan())["X-WR-CALNAME"]) == "Career plan"


def test_one_event_per_open_dated_item_active_goal_deadline_and_dated_horizon_goal(plan):
    expected = expected_kinds(plan)
    assert exported_kinds(plan) == expected
    assert expected["action"] < len(plan.actions) and expected["horizon"] == len(HORIZONS)


def test_each_open_item_is_a_free_all_day_event_on_its_due_date(plan):
    ics = plan_calendar(plan, TODAY, NOW)
    events = events_by_uid(Calendar.from_ical(ics))
    goals = {goal.id: goal for goal in plan.goals}
    for action in open_dated(plan):
        event = events[f"action-{action.id}@careertui"]
        assert type(event.start) is date and event.start == action.due
        assert event.end == action.due + timedelta(days=1)
        assert (str(event.summary), str(event.transparency)) == (action.title, "TRANSPARENT")
        assert [str(c) for c in event.categories] == [action.kind.value.capitalize()]
        assert f"Goal: {goals[action.goal_id].statement}" in str(event.description)
    assert ics.count(b"DTSTART;VALUE=DATE:") == len(events)


def test_an_items_cost_shows_with_the_plans_currency_and_a_free_item_shows_none(plan):
    events = events_by_uid(export(plan))
    paid = next(a for a in open_dated(plan) if a.cost > 0)
    free = next(a for a in open_dated(plan) if a.cost == 0)
    paid_text = str(events[f"action-{paid.id}@careertui"].description)
    assert f"Cost: {money(paid.cost, '€')}" in paid_text
    assert "Cost" not in str(events[f"action-{free.id}@careertui"].description)


def test_done_items_undated_items_and_inactive_goals_get_no_event(plan):
    plan.actions.append(Action("Someday: learn Rust"))
    plan.goals[0].status = GoalStatus.DONE
    plan.goals[1].status = GoalStatus.DROPPED
    uids = set(events_by_uid(export(plan)))
    done = [a for a in plan.actions if a.done]
    assert done
    for action in done + [plan.actions[-1]]:
        assert f"action-{action.id}@careertui" not in uids
    goal_uids = {uid for uid in uids if uid_kind(uid) == "goal"}
    assert goal_uids == {f"goal-{plan.goals[2].id}@careertui"}


def test_goal_deadlines_carry_the_measure_and_the_smart_status(plan):
    plan.goals.append(Goal("Get better", deadline=TODAY + relativedelta(months=2),
                           measure=Measure("courses", None, 2)))
    events = events_by_uid(export(plan))
    for goal in plan.goals:
        event = events[f"goal-{goal.id}@careertui"]
        assert event.start == goal.deadline and event.end == goal.deadline + timedelta(days=1)
        assert str(event.summary) == f"Goal deadline: {goal.statement}"
    lead = events[f"goal-{plan.goals[0].id}@careertui"]
    assert "Measure: sprints led 4/12 sprints" in str(lead.description)
    assert "SMART: all five checks pass." in str(lead.description)
    vague = str(events[f"goal-{plan.goals[-1].id}@careertui"].description)
    assert "Measure: courses ?/2" in vague
    assert "SMART: 2 of 5 checks pass." in vague
    assert "S: Too short to be specific" in vague and "A: No action items yet" in vague


def test_dated_horizon_goals_are_events_and_undated_or_empty_ones_are_not(plan):
    events = events_by_uid(export(plan))
    for goal in plan.destination.goals:
        [event] = [e for uid, e in events.items() if uid.startswith(f"horizon-{goal.horizon}-")]
        assert event.start == goal.target_date
        assert str(event.summary) == f"{goal.horizon}-year goal: {goal.statement}"
    plan.destination.goals[0].target_date = None
    plan.destination.goals[1].statement = "  "
    horizons = [uid for uid in events_by_uid(export(plan)) if uid_kind(uid) == "horizon"]
    assert [uid.split("-")[1] for uid in horizons] == ["5"]


@pytest.mark.parametrize("cadence", [1, 3, 6])
def test_the_review_repeats_from_the_apps_next_review_date_at_the_cadence(plan, cadence):
    plan.settings.review_cadence_months = cadence
    [review] = [e for uid, e in events_by_uid(export(plan)).items() if uid_kind(uid) == "review"]
    assert review.start == plan_status(plan, TODAY).next_review
    assert str(review.summary) == "Career plan review"
    [rule] = review.rrules
    assert rule["FREQ"] == ["MONTHLY"]
    assert rule.get("INTERVAL", [1]) == [cadence]


def test_a_review_on_a_month_end_stays_on_month_ends():
    plan = Plan(checkins=[CheckIn(date(2026, 8, 31))])
    assert plan_status(plan, TODAY).next_review == date(2026, 11, 30)
    ics = plan_calendar(plan, TODAY, NOW)
    [uid] = [uid for uid in raw_repeats(ics) if uid_kind(uid) == "review"]
    assert events_by_uid(Calendar.from_ical(ics))[uid].rrules[0]["BYMONTHDAY"] == [-1]
    assert repeats_until(ics, uid, date(2027, 12, 31)) == [
        date(2026, 11, 30), date(2027, 2, 28), date(2027, 5, 31), date(2027, 8, 31),
        date(2027, 11, 30)]


@pytest.mark.parametrize("rule, due, until", [
    ("FREQ=MONTHLY;BYMONTHDAY=-1", date(2026, 11, 30), date(2027, 6, 30)),
    ("FREQ=MONTHLY", date(2027, 1, 31), date(2027, 12, 31)),  # the app clamps to month ends
    ("FREQ=YEARLY", date(2028, 2, 29), date(2033, 3, 1)),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270131", date(2026, 11, 26), date(2027, 3, 1)),
])
def test_a_repeating_item_repeats_on_the_days_the_app_moves_it_to(plan, rule, due, until):
    item = Action("Repeat", due=due, recurrence=rule)
    plan.actions.append(item)
    ics = plan_calendar(plan, TODAY, NOW)
    uid = f"action-{item.id}@careertui"
    assert repeats_until(ics, uid, until) == occurrences(rule, due, until)
    assert "UNTIL" not in rule or ";UNTIL=20270131;" in raw_repeats(ics)[uid] + ";"


def test_the_demo_repeating_item_carries_its_rule_and_others_do_not(plan):
    events = events_by_uid(export(plan))
    repeating = [a for a in open_dated(plan) if a.recurrence]
    assert repeating
    deadlines = {goal.id: goal.deadline for goal in plan.goals}
    for action in open_dated(plan):
        event = events[f"action-{action.id}@careertui"]
        rules = [rule.to_ical().decode() for rule in event.rrules]
        until = f";UNTIL={deadlines[action.goal_id]:%Y%m%d}" if action.recurrence else ""
        assert [rule.replace(until, "") for rule in rules] == (
            [action.recurrence] if action.recurrence else [])
        assert all(until in rule for rule in rules)
    assert "Repeats: monthly, on the last day" in str(
        events[f"action-{repeating[0].id}@careertui"].description)


@pytest.mark.parametrize("rule", ["FREQ=SOMETIMES", "FREQ=MONTHLY;INTERVAL=99999999999",
                                  "FREQ=DAILY;INTERVAL=0", "FREQ=HOURLY", "FREQ=DAILY;COUNT=3"])
def test_an_unreadable_stored_rule_exports_a_one_off_event(plan, rule):
    item = Action("Odd", due=TODAY, recurrence=rule)
    plan.actions.append(item)
    event = events_by_uid(export(plan))[f"action-{item.id}@careertui"]
    assert event.start == TODAY and event.rrules == []


def test_uids_are_unique_and_the_same_in_every_export(plan):
    first = plan_calendar(plan, TODAY, NOW)
    later = plan_calendar(plan, TODAY, NOW + timedelta(days=3))
    uids = [str(event.uid) for event in Calendar.from_ical(first).events]
    assert len(uids) == len(set(uids))
    assert uids == [str(event.uid) for event in Calendar.from_ical(later).events]
    assert plan_calendar(plan, TODAY, NOW) == first


def test_review_and_horizon_uids_tell_two_plans_apart_and_survive_edits(plan):
    def plan_wide(plan: Plan) -> set[str]:
        uids = events_by_uid(export(plan))
        return {uid for uid in uids if uid_kind(uid) in ("review", "horizon")}

    before = plan_wide(plan)
    assert len(before) == 1 + len(HORIZONS)
    assert plan_wide(demo_plan(TODAY)).isdisjoint(before)
    plan.profile.name = "Maya Okafor-Smith"
    plan.assessments.append(replace(plan.assessments[-1], taken_on=TODAY, id="new"))
    plan.destination.goals[0].statement = "Tech lead of the forecasting squad."
    assert plan_wide(plan) == before
    assert plan_wide(Plan(profile=Profile("Ann"))) != plan_wide(Plan(profile=Profile("Bob")))


def test_an_empty_plan_holds_only_the_review():
    calendar = export(Plan())
    [review] = calendar.events
    assert str(review.summary) == "Career plan review"
    assert review.start == TODAY + relativedelta(months=Plan().settings.review_cadence_months)
    assert review.start == plan_status(Plan(), TODAY).next_review


def test_the_stamp_is_now_in_utc(plan):
    paris = timezone(timedelta(hours=1))
    ics = plan_calendar(plan, TODAY, datetime(2026, 11, 23, 10, 30, tzinfo=paris))
    stamps = {event.stamp for event in Calendar.from_ical(ics).events}
    assert stamps == {datetime(2026, 11, 23, 9, 30, tzinfo=UTC)}
    assert ics.count(b"DTSTAMP:20261123T093000Z\r\n") == len(Calendar.from_ical(ics).events)


def test_commas_semicolons_newlines_backslashes_and_emoji_round_trip():
    goal = Goal(f"Goal {TRICKY}", deadline=date(2027, 3, 1))
    item = Action(f"Item {TRICKY}", ActionKind.EXPERT, goal.id, date(2027, 2, 1), 12.5,
                  notes=f"  {TRICKY}\n\n")
    plan = Plan(profile=Profile(f"Zoë; “Z”, {TRICKY}"), goals=[goal], actions=[item])
    plan.destination.goals[2].statement = f"Head {TRICKY}"
    plan.destination.goals[2].target_date = date(2031, 1, 1)
    plan.settings.currency = "£"
    calendar = export(plan)
    events = events_by_uid(calendar)
    one_line = f"Career plan — Zoë; “Z”, {' '.join(TRICKY.split())}"
    assert unescape(str(calendar["X-WR-CALNAME"])) == unescape(str(calendar["NAME"])) == one_line
    event = events[f"action-{item.id}@careertui"]
    assert str(event.summary) == f"Item {TRICKY}"
    assert str(event.description) == (
        f"Goal: Goal {TRICKY}\nKind: Expert talk or event\nCost: £12.50\n\n{TRICKY}")
    assert str(events[f"goal-{goal.id}@careertui"].summary) == f"Goal deadline: Goal {TRICKY}"
    [head] = [e for uid, e in events.items() if uid_kind(uid) == "horizon"]
    assert str(head.summary) == f"5-year goal: Head {TRICKY}"


def test_the_bytes_are_crlf_lines_folded_at_75_octets_without_splitting_a_character(plan):
    plan.goals[0].statement = "Ünïcödé “quotes” and emoji 🎤 " * 20
    # An escaped line break at every offset of the fold: Google drops an event whose fold
    # splits that escape in two (collective/icalendar#1501).
    plan.actions += [Action(f"Fold {width}", due=TODAY, notes=("x" * width + "\n") * 3)
                     for width in range(76)]
    ics = plan_calendar(plan, TODAY, NOW)
    assert ics.endswith(b"END:VCALENDAR\r\n")
    lines = ics.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode()  # a fold inside a multi-byte character would not decode on its own
        assert re.search(rb"(?<!\\)(\\\\)*\\$", line) is None, line
    assert ics.count(b"BEGIN:VEVENT") == ics.count(b"END:VEVENT") == len(export(plan).events)


@settings(max_examples=60, deadline=None)
@given(plans, st.integers(CADENCE_MIN, CADENCE_MAX))
def test_any_plan_exports_a_calendar_that_parses_back(plan, cadence):
    # The store only holds what the forms allow: a 1-24 month cadence, 1/3/5-year goals and
    # one destination goal per horizon.
    plan.settings.review_cadence_months = cadence
    for goal in plan.goals:
        goal.horizon = HORIZONS[goal.horizon % len(HORIZONS)]
    plan.destination.goals = list({g.horizon: g for g in plan.destination.goals}.values())
    calendar = export(plan)
    assert exported_kinds(plan) == expected_kinds(plan)
    assert sorted(event.start for event in calendar.events) == [e.start for e in calendar.events]


def test_a_lone_surrogate_from_a_hand_edited_plan_becomes_a_question_mark(plan):
    plan.profile.name = "Ma\udcffya"
    plan.actions[0].notes = "bad \ud800 x"
    plan.actions[0].status = ActionStatus.OPEN
    plan.actions[0].due = plan.actions[0].due or TODAY
    descriptions = [str(event.get("DESCRIPTION", "")) for event in export(plan).walk("VEVENT")]
    assert any("bad ? x" in text for text in descriptions)


@pytest.mark.parametrize(("rule", "deadline", "until"), [
    ("FREQ=MONTHLY;BYMONTHDAY=-1", date(2027, 3, 15), "20270315"),   # ends at the deadline
    ("FREQ=WEEKLY;UNTIL=20270110", date(2027, 3, 15), "20270110"),   # its own end comes first
    ("FREQ=WEEKLY;UNTIL=20270601", date(2027, 3, 15), "20270315"),
    ("FREQ=WEEKLY", date(2026, 11, 1), "20261130"),                  # deadline passed: one date
    ("FREQ=WEEKLY", None, None),                                     # no deadline: no end
])
def test_a_repeating_item_ends_at_its_goals_deadline(rule, deadline, until):
    goal = Goal("Lead planning", deadline=deadline)
    item = Action("Mentor meeting", goal_id=goal.id, due=date(2026, 11, 30), recurrence=rule)
    ics = plan_calendar(Plan(goals=[goal], actions=[item]), TODAY, NOW)
    repeat = raw_repeats(ics)[f"action-{item.id}@careertui"]
    ends = re.findall(r"UNTIL=(\d{8})(?![T\d])", repeat)
    assert ends == ([until] if until else [])
    last = date(2027, 12, 31)
    shown = repeats_until(ics, f"action-{item.id}@careertui", last)
    end = min(d for d in (deadline and max(deadline, item.due), last) if d)
    assert shown == [day for day in occurrences(rule, item.due, last) if day <= end]


def test_a_goal_whose_need_was_deleted_fails_r_in_the_calendar_too(plan):
    goal = next(goal for goal in plan.goals if goal.need_id)
    plan.needs = [need for need in plan.needs if need.id != goal.need_id]
    description = str(events_by_uid(export(plan))[f"goal-{goal.id}@careertui"].description)
    assert "R: " in description and "SMART: 4 of 5 checks pass." in description
