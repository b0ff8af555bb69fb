"""Ticking action items done, and repeating items: plain-word rules, RRULEs, next dates."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from careertui.model.date_words import (
    HYPHEN,
    NUMBER_WORDS,
    ORDINAL,
    ORDINAL_WORDS,
    WEEKDAY,
    WEEKDAYS,
    ordinal_number,
    ordinal_suffix,
)
from careertui.model.labels import listed
from careertui.model.patterns import LazyPattern
from careertui.model.plan import Action, ActionStatus, new_id
from careertui.model.validation import Invalid, whole_number

LAST_DAY = "BYMONTHDAY=-1"
ON_LAST_DAY = ", on the last day"
QUARTER_MONTHS = "BYMONTH=3,6,9,12"
YEAR_END_MONTH = "BYMONTH=12"
_DAY_CODES = {name: name[:2].upper() for name in WEEKDAYS}
_DAY_NAMES = {code: name.title() for name, code in _DAY_CODES.items()}
_ADVERBS = {"daily": ("day", 1), "weekly": ("week", 1), "fortnightly": ("week", 2),
            "monthly": ("month", 1), "quarterly": ("quarter", 1), "yearly": ("year", 1),
            "annually": ("year", 1)}
_FREQUENCIES = {"day": ("DAILY", 1), "week": ("WEEKLY", 1), "month": ("MONTHLY", 1),
                "quarter": ("MONTHLY", 3), "year": ("YEARLY", 1)}
_UNIT_OF_FREQUENCY = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
_DAY = rf"(?:{WEEKDAY})s?"
_DAYS = rf"{_DAY}(?:(?:,| and|, and) {_DAY})*"
_COUNT_WORDS = {word: n for word, n in NUMBER_WORDS.items() if word not in ("a", "an")} | {
    "other": 2} | ORDINAL_WORDS
_COUNT = rf"\d+(?:st|nd|rd|th)?|{'|'.join(sorted(_COUNT_WORDS, key=len, reverse=True))}"
_PHRASE = LazyPattern(
    rf"(?:(?P<adverb>{'|'.join(_ADVERBS)})"
    rf"|every (?:(?P<amount>{_COUNT}) )?(?P<unit>day|week|month|quarter|year)s?"
    rf"|every (?:(?P<other>other) )?(?P<days>{_DAYS}))"
    rf"(?:,? on (?:(?P<last>the last day)|(?P<on_days>{_DAYS})))?")
WORKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
TWICE_A_MONTH = "FREQ=MONTHLY;BYMONTHDAY=1,15"
_TWICE_A_MONTH_WORDS = "twice a month, on the 1st and 15th"
_NAMES_OF_RULES = {
    WORKDAYS: ("every weekday", "weekdays", "on weekdays", "every working day",
               "every business day", "every workday", "workdays"),
    "FREQ=WEEKLY;BYDAY=SA,SU": ("every weekend", "weekends", "on weekends"),
    "FREQ=MONTHLY;INTERVAL=6": ("semi annually", "semiannually", "half yearly", "twice a year",
                                "twice yearly", "every half year", "every half a year"),
    TWICE_A_MONTH: ("twice a month", "twice monthly", "semi monthly", "semimonthly",
                    _TWICE_A_MONTH_WORDS, "on the 1st and 15th", "the 1st and 15th of every month"),
}
_NAMED_RULES = {name: rule for rule, names in _NAMES_OF_RULES.items() for name in names}
_SPECIAL_WORDS = {WORKDAYS: "every weekday", TWICE_A_MONTH: _TWICE_A_MONTH_WORDS}
_MONTHLY_BY = LazyPattern(rf"FREQ=MONTHLY;(?:BYDAY=(?P<nth>-1|[1-4])"
                          rf"(?P<code>{'|'.join(_DAY_NAMES)})|BYMONTHDAY=(?P<day>[1-9]|1\d|2[0-8]))")
_ORDINAL_NAMES = {number: word for word, number in ORDINAL_WORDS.items()}
_AMBIGUOUS = {  # each: its two meanings, and what to type for each
    "biweekly": ("every 2 weeks", "twice a week", "every 2 weeks, or the days: every monday "
                 "and thursday"),
    "bimonthly": ("every 2 months", "twice a month", "every 2 months or twice a month"),
    "biannually": ("every 2 years", "twice a year", "every 2 years or semi-annually"),
    "biannual": ("every 2 years", "twice a year", "every 2 years or semi-annually"),
}
_NTH_WEEKDAY = LazyPattern(
    rf"(?:on )?(?:the )?(?P<nth>{ORDINAL}|last) (?P<day>{_DAY}) of every month"
    rf"|every (?P<nth2>{ORDINAL}|last) (?P<day2>{_DAY})(?P<of> of the month)?"
    rf"|monthly,? on the (?P<nth3>{ORDINAL}|last) (?P<day3>{_DAY})")
_MONTH_DAY = LazyPattern(rf"monthly,? on the (?P<a>{ORDINAL})|(?:on )?the (?P<b>{ORDINAL}) of "
                         rf"every month|every (?P<c>\d{{1,2}}(?:st|nd|rd|th)) of the month")
_PERIOD_END = LazyPattern(r"(?:the )?(?:end|last day) of (?:every|each|the) (month|quarter|year)"
                          r"|(?:every|each) (month|quarter|year)[ -]end")
# The longest wait between two dates of a repeat, in each unit: ten years.
_LONGEST = {"day": 3660, "week": 520, "month": 120, "quarter": 40, "year": 10}
_UNTIL = LazyPattern(r"\d{8}(?:T\d{6}Z?)?")
_PROBE = date(9950, 1, 1)  # a late start: a rule that never matches gives up fast at year 9999
_EXAMPLES = ("weekly, every 2 weeks, every weekday, monthly, monthly on the last day, "
             "first monday of every month, quarterly, every 6 months or yearly")


@dataclass(frozen=True)
class Ticked:
    """What ticking or unticking an item changes: records to save and records to delete."""

    saved: list[Action]
    deleted: list[Action] = dataclasses.field(default_factory=list)


def tick(action: Action, today: date, actions: Iterable[Action]) -> Ticked:
    """Tick or untick `action` among the plan's `actions` (records changed in place).

    An open one-off item is done today; an open repeating item leaves a done copy of this
    occurrence and moves to the rule's next date after its due date that is not done already.
    Unticking is the exact inverse: a done one-off reopens, and the done copy of an occurrence
    is deleted while its series moves back to that occurrence's date (if it is later).
    """
    if action.done:
        series = _series_of(action, actions)
        if series is None:
            action.status, action.done_on = ActionStatus.OPEN, None
            return Ticked([action])
        if action.due is None or series.due is None or action.due < series.due:
            series.due = action.due
        return Ticked([series], [action])
    following = _following(action, today, actions) if action.recurrence else None
    if following is None:
        action.status, action.done_on = ActionStatus.DONE, today
        return Ticked([action])
    occurrence = dataclasses.replace(action, id=new_id(), recurrence=None,
                                     status=ActionStatus.DONE, done_on=today)
    action.due = following
    return Ticked([occurrence, action])


def tick_copies(action: Action, today: date, actions: Iterable[Action]) -> Ticked:
    """tick() on copies: `action` and the plan's `actions` stay as they are (a screen saves
    what changed before it shows it)."""
    own = dataclasses.replace(action)
    # tick() reads only the items of the same title, kind and goal (a series and its done
    # occurrences: see _is_copy_of), and changes the item ticked and, unticking a done
    # occurrence, its series: only those are copied, of thousands.
    related = [dataclasses.replace(other) if other.recurrence is not None else other
               for other in actions
               if other.title == own.title and other.goal_id == own.goal_id
               and other.kind is own.kind and other.id != own.id]
    return tick(own, today, [own, *related])


def _is_copy_of(done: Action, series: Action) -> bool:
    return (series.recurrence is not None and not series.done and done.recurrence is None
            and series.id != done.id and (series.title, series.kind, series.goal_id)
            == (done.title, done.kind, done.goal_id))


def _series_of(done: Action, actions: Iterable[Action]) -> Action | None:
    """The open repeating item `done` is a done occurrence of, if any (the nearest after it)."""
    if done.recurrence is not None:
        return None
    series = [other for other in actions if _is_copy_of(done, other)]
    start = done.due or date.min
    return min(series, key=lambda other: abs(((other.due or start) - start).days), default=None)


def _following(action: Action, today: date, actions: Iterable[Action]) -> date | None:
    """The series' next date after its due date (today if none) that is not a done copy's."""
    assert action.recurrence is not None
    anchor = action.due or today
    done_days = {other.due for other in actions if other.done and _is_copy_of(other, action)}
    following: date | None = anchor
    try:
        while following is not None:
            following = next_occurrence(action.recurrence, following, anchor)
            if following not in done_days:
                return following
    except Invalid:
        pass  # an unreadable stored rule: tick it like a one-off item
    return None


def repeat_end(action: Action, deadline: date | None) -> date | None:
    """The last day a repeating item of a goal with `deadline` falls on: the deadline, or its
    due date once the deadline has passed (that occurrence is still open); None: no end."""
    if deadline is None or action.due is None:
        return deadline
    return max(deadline, action.due)


def due_dates(action: Action, first: date, last: date, end: date | None = None) -> list[date]:
    """The dates from `first` to `last` an item is due on: its due date and, for a repeating
    item, every date of its rule after that up to `end` (see repeat_end); [] when undated."""
    if action.due is None:
        return []
    last = last if end is None else min(last, end)
    dates = [action.due]
    if action.recurrence:
        try:
            dates += [day for day in occurrences(action.recurrence, action.due, last)
                      if day > action.due]
        except Invalid:
            pass  # an unreadable stored rule: a one-off item, as a tick treats it
    return [day for day in dates if first <= day <= last]


def repeat_rule(rule: str, start: date) -> rrule:
    """The dateutil rrule for `rule` from `start`, keeping month ends; ValueError if unreadable."""
    parts = _parts(rule)
    interval = parts.get("INTERVAL", "1")
    if not interval.isdigit() or int(interval) < 1:
        raise ValueError("INTERVAL must be a whole number of 1 or more")  # dateutil hangs on 0
    parsed = rrulestr(rule, dtstart=datetime.combine(start, time()))
    if not isinstance(parsed, rrule):  # RDATE or EXDATE lines make a set: no rule the app makes
        raise ValueError("a set of dates and rules, not one repeat rule")
    if (parts.get("FREQ") in ("MONTHLY", "YEARLY") and start.day > 28
            and not any(key.startswith("BY") for key in parts)):
        # RFC 5545 skips months without a 31st; keep the cadence with the month's last day instead.
        month = start.month if parts["FREQ"] == "YEARLY" else None
        return parsed.replace(bymonth=month, bymonthday=tuple(range(28, start.day + 1)),
                              bysetpos=-1)
    return parsed


def _parts(rule: str) -> dict[str, str]:
    return dict(part.partition("=")[::2] for part in rule.upper().split(";") if part)


def next_occurrence(rule: str, after: date, start: date) -> date | None:
    """The first date of `rule`, counted from `start`, strictly after `after`; None once it ends."""
    try:
        following = repeat_rule(rule, start).after(datetime.combine(after, time.max))
    except ValueError as error:
        raise Invalid(f"“{rule}” is not a repeat rule I can read ({error}).") from None
    return following.date() if following else None


def occurrences(rule: str, start: date, until: date) -> list[date]:
    """Every date of `rule`, counted from `start`, from `start` to `until` included."""
    return list(_occurrences(rule, start, until))


@lru_cache(maxsize=4096)
def _occurrences(rule: str, start: date, until: date) -> tuple[date, ...]:
    # Kept: the budget of each year and each goal's check ask for the same items' dates.
    if until < start:
        return ()
    try:
        found = repeat_rule(rule, start).between(datetime.combine(start, time()),
                                           datetime.combine(until, time.max), inc=True)
    except ValueError as error:
        raise Invalid(f"“{rule}” is not a repeat rule I can read ({error}).") from None
    return tuple(moment.date() for moment in found)


def recurrence_rule(text: str) -> str | None:
    """The RRULE for a repeat typed in plain words (or as a raw "FREQ=..." rule); None when empty.

    "weekly", "every 2 weeks", "every other week", "every monday", "every weekday" (Monday to
    Friday), "monthly", "monthly on the last day", "end of every month", "first monday of every
    month", "the 15th of every month", "twice a month" (the 1st and 15th), "quarterly",
    "every six months", "semi-annually", "yearly", "annually"; "each" is "every".
    """
    shown = text.strip()
    words = " ".join(text.lower().replace(",", ", ").split()).replace(" ,", ",").rstrip(".")
    words = re.sub(r"\beach\b", "every", HYPHEN.sub(" ", words))
    if words in ("", "none", "never", "once", "no"):
        return None
    if words.upper().startswith("FREQ="):
        return _checked_raw_rule("".join(text.split()).upper())
    if words.replace(" ", "") in _AMBIGUOUS:
        one, other, instead = _AMBIGUOUS[words.replace(" ", "")]
        raise Invalid(f"“{shown}” can mean {one} or {other}: type {instead}.")
    if words in _NAMED_RULES:
        return _NAMED_RULES[words]
    if re.fullmatch(r"(?:twice|two times|three times|\d+ times) (?:a|per|every) week", words):
        raise Invalid(f"“{shown}”: on which days? Type e.g. every monday and thursday.")
    if words in ("hourly", "every hour"):
        raise Invalid(f"“{shown}”: due dates repeat once a day at most; type daily.")
    if match := _PERIOD_END.fullmatch(words):
        return _rule_text(match[1] or match[2], 1, last_day=True)
    if match := _NTH_WEEKDAY.fullmatch(words):
        return _nth_weekday_rule(shown, match)
    if match := _MONTH_DAY.fullmatch(words):
        day = ordinal_number(match["a"] or match["b"] or match["c"])
        if not 1 <= day <= 28:
            raise Invalid(f"“{shown}”: not every month has a {ordinal_suffix(day)}; type "
                          "monthly on the last day, or a day up to the 28th.")
        return f"FREQ=MONTHLY;BYMONTHDAY={day}"
    if match := _PHRASE.fullmatch(words):
        return _phrase_rule(shown, match)
    raise Invalid(f"“{shown}” is not a repeat I know. Try {_EXAMPLES}.")


def _nth_weekday_rule(shown: str, match: re.Match[str]) -> str:
    nth_text = match["nth"] or match["nth2"] or match["nth3"]
    day = (match["day"] or match["day2"] or match["day3"]).removesuffix("s")
    nth = -1 if nth_text == "last" else ordinal_number(nth_text)
    code = next(code for name, code in _DAY_CODES.items() if name.startswith(day))
    if match["nth2"] and not match["of"] and nth > 1:
        raise Invalid(f"“{shown}” can mean every {nth} weeks on {_DAY_NAMES[code]} or the "
                      f"{nth_text} {_DAY_NAMES[code]} of every month: type every {nth} weeks "
                      f"on {day} or {nth_text} {day} of every month.")
    if not 1 <= nth <= 4 and nth != -1:
        raise Invalid(f"“{shown}”: not every month has a {nth_text} {_DAY_NAMES[code]}; type "
                      f"last {day} of every month, or the 1st to 4th.")
    return f"FREQ=MONTHLY;BYDAY={nth}{code}"


def _phrase_rule(shown: str, match: re.Match[str]) -> str:
    amount: int | None
    if match["adverb"]:
        unit, amount = _ADVERBS[match["adverb"]]
    elif match["days"]:
        unit, amount = "week", 2 if match["other"] else 1
    else:
        unit = match["unit"]
        count = match["amount"] or "1"
        count = str(_COUNT_WORDS.get(count, count)).rstrip("stndrh")
        amount = whole_number(count, 0, _LONGEST[unit])
        if amount is None:
            raise Invalid(f"“{shown}”: repeats are at most ten years apart "
                          f"(every {_LONGEST[unit]} {unit}s).")
    if amount < 1:
        raise Invalid(f"“{shown}”: repeat every 1 {unit} or more.")
    days = match["days"] or match["on_days"]
    if match["days"] and match["on_days"]:
        raise Invalid(f"“{shown}”: name the days once, e.g. every 2 weeks on monday.")
    if days and unit != "week":
        raise Invalid(f"“{shown}”: weekdays go with weeks, e.g. every 2 weeks on monday.")
    if match["last"] and unit in ("day", "week"):
        raise Invalid(f"“{shown}”: “the last day” goes with months, quarters or years.")
    if match["last"] and unit == "quarter" and amount > 1:
        raise Invalid(f"“{shown}”: type every {amount * 3} months, on the last day.")
    return _rule_text(unit, amount, last_day=bool(match["last"]), days=days)


def _rule_text(unit: str, amount: int, *, last_day: bool = False, days: str | None = None) -> str:
    frequency, months = _FREQUENCIES[unit]
    parts = [f"FREQ={frequency}"]
    if amount * months > 1 and not (last_day and unit == "quarter"):
        parts.append(f"INTERVAL={amount * months}")
    if days:
        codes = [code for name, code in _DAY_CODES.items() if re.search(rf"\b{name[:3]}", days)]
        parts.append("BYDAY=" + ",".join(codes))
    if last_day:
        parts += {"quarter": [QUARTER_MONTHS], "year": [YEAR_END_MONTH]}.get(unit, []) + [LAST_DAY]
    return ";".join(parts)


def _checked_raw_rule(rule: str) -> str:
    parts = _parts(rule)
    if parts.get("FREQ") not in _UNIT_OF_FREQUENCY:
        raise Invalid(f"“{rule}”: due dates repeat DAILY, WEEKLY, MONTHLY or YEARLY.")
    if "COUNT" in parts:
        raise Invalid(f"“{rule}”: COUNT restarts whenever an item moves on; use UNTIL=YYYYMMDD.")
    if not rule.isascii():
        raise Invalid(f"“{rule}”: a rule is written in ASCII letters and digits, "
                      "e.g. FREQ=WEEKLY;INTERVAL=2.")
    if "UNTIL" in parts and not _UNTIL.fullmatch(parts["UNTIL"]):
        raise Invalid(f"“{rule}”: write the last date as UNTIL=YYYYMMDD.")
    longest = _LONGEST[_UNIT_OF_FREQUENCY[parts["FREQ"]]]
    if whole_number(parts.get("INTERVAL", "1"), 1, longest) is None:
        raise Invalid(f"“{rule}”: INTERVAL must be a whole number of 1 or more, and at most "
                      f"{longest}: repeats are at most ten years apart.")
    try:
        pattern = repeat_rule(rule, _PROBE).replace(until=None)
        first = pattern.after(datetime.combine(_PROBE, time()))
    except ValueError as error:
        raise Invalid(f"“{rule}” is not a repeat rule I can read ({error}).") from None
    if first is None:
        raise Invalid(f"“{rule}” never happens: check its BY... parts.")
    return rule


def describe_recurrence(rule: str) -> str:
    """Plain words for an RRULE: "every month", "every 2 weeks", "monthly, on the last day",
    "every weekday", "the first Monday of every month", "twice a month, on the 1st and 15th".

    Every rule recurrence_rule() makes reads back into the same rule; any other is shown as is.
    """
    if words := _SPECIAL_WORDS.get(rule):
        return words
    if match := _MONTHLY_BY.fullmatch(rule):
        if match["day"]:
            return f"monthly, on the {ordinal_suffix(int(match['day']))}"
        nth = "last" if match["nth"] == "-1" else _ORDINAL_NAMES[int(match["nth"])]
        return f"the {nth} {_DAY_NAMES[match['code']]} of every month"
    parts = _parts(rule)
    unit = _UNIT_OF_FREQUENCY.get(parts.pop("FREQ", ""))
    interval = parts.pop("INTERVAL", "1")
    days = parts.pop("BYDAY", "")
    shape = (unit, parts.pop("BYMONTH", ""), parts.pop("BYMONTHDAY", ""))
    day_codes = days.split(",") if days else []
    if (unit is None or parts or not interval.isdigit() or int(interval) < 1
            or not set(day_codes) <= set(_DAY_NAMES) or (days and shape != ("week", "", ""))):
        return rule
    amount = int(interval)
    if shape == ("month", "", "-1"):
        return "monthly, on the last day" if amount == 1 else f"every {amount} months{ON_LAST_DAY}"
    if shape == ("month", "3,6,9,12", "-1") and amount == 1:
        return "quarterly, on the last day"
    if shape == ("year", "12", "-1"):
        return "yearly, on the last day" if amount == 1 else f"every {amount} years{ON_LAST_DAY}"
    if shape[1:] != ("", ""):
        return rule
    if unit == "month" and amount == 3:
        unit, amount = "quarter", 1
    every = f"every {unit}" if amount == 1 else f"every {amount} {unit}s"
    if not day_codes:
        return every
    days = listed([_DAY_NAMES[code] for code in day_codes])
    return f"every {days}" if amount == 1 else f"{every}, on {days}"
