"""Calendar phrases: periods ("Q3", "H1 2027", "next month"), their start, middle or end, days
of a month ("march 3", "the 15th") and weekdays of a period ("first monday of next month")."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from careertui.model.date_periods import (
    Span,
    month_span,
    named_span,
    next_span,
    nth_weekday,
    real_date,
    span_of,
    weekdays_in,
)
from careertui.model.date_words import (
    MONTH,
    MONTH_NUMBERS,
    MONTHS,
    ORDINAL,
    ORDINAL_WORDS,
    POSITION,
    POSITIONS,
    WEEKDAY,
    WEEKDAY_NUMBERS,
    WEEKDAYS,
    ordinal_number,
    ordinal_suffix,
)
from careertui.model.patterns import LazyPattern
from careertui.model.validation import Invalid

_YEAR = r"(?:(?:[ /-]|,? (?:of |in )?)(?P<year>\d+|this year|next year|the year))?"
_RELATIVE = LazyPattern(r"(?:(?P<which>the next|the coming|the|this|next|coming) )?"
                        r"(?P<kind>week|month|quarter|half|half year|year)")
_NAMED = [  # each: a number (of the month, quarter or half) and its year
    ("quarter", LazyPattern(rf"q(?P<number>\d+){_YEAR}")),
    ("quarter", LazyPattern(r"(?P<year>\d{4})[ /-]?q(?P<number>\d+)")),
    ("quarter", LazyPattern(rf"(?:the )?(?P<number>{ORDINAL}) quarter{_YEAR}")),
    ("half", LazyPattern(rf"h(?P<number>\d+){_YEAR}")),
    ("half", LazyPattern(r"(?P<year>\d{4})[ /-]?h(?P<number>\d+)")),
    ("half", LazyPattern(rf"(?:the )?(?P<number>first|second|1st|2nd) half(?: year)?{_YEAR}")),
    ("month", LazyPattern(rf"(?P<number>{MONTH}){_YEAR}")),
    ("year", LazyPattern(r"(?P<year>\d{4})")),
]
_COUNTS = {"quarter": 4, "half": 2, "month": 12, "year": 1}
_DAY = rf"(?P<day>\d{{1,2}}(?:st|nd|rd|th)?|{'|'.join(ORDINAL_WORDS)})"
_DAY_MONTH = LazyPattern(rf"(?:the )?{_DAY} (?:of )?(?P<month>{MONTH})(?:,? (?P<year>\d+))?")
_MONTH_DAY = LazyPattern(rf"(?P<month>{MONTH}) (?:the )?{_DAY}(?:,? (?P<year>\d+))?")
_DAY_OF_MONTH = LazyPattern(rf"(?:the )?(?P<day>{ORDINAL})(?: of (?P<which>the|this|next) month)?")
_WEEKDAY_OF = LazyPattern(rf"(?:the )?(?P<nth>{ORDINAL}|last) (?P<weekday>{WEEKDAY})s?"
                          r"(?: (?:of|in) (?P<period>.+))?")
_POSITION_OF = LazyPattern(rf"(?:the )?(?P<position>{POSITION})(?: of(?: the)? | )(?P<period>.+)")
_PERIOD_END = LazyPattern(r"(?P<period>.+) (?P<position>end|start)")


@dataclass(frozen=True)
class Period:
    """A period as typed: its span in any year, and the year when one was said or implied."""

    spans: Callable[[int], Span]
    year: int | None

    def day(self, pick: Callable[[Span], date], today: date) -> date:
        """`pick` of the span; without a year, of the next one where it is not past."""
        if self.year is not None:
            return pick(self.spans(self.year))
        this_year = self.spans(today.year)
        if this_year.last >= today and (day := pick(this_year)) >= today:
            return day
        return pick(self.spans(today.year + 1))


def calendar_day(words: str, shown: str, today: date) -> date | None:
    """The day a calendar phrase names, None when `words` is not one, or Invalid with why."""
    if match := _DAY_MONTH.fullmatch(words) or _MONTH_DAY.fullmatch(words):
        return _day_of(shown, ordinal_number(match["day"]), MONTH_NUMBERS[match["month"]],
                       match["year"], today)
    if match := _DAY_OF_MONTH.fullmatch(words):
        return _day_of_month(shown, ordinal_number(match["day"]), match["which"], today)
    if match := _WEEKDAY_OF.fullmatch(words):
        return _weekday_of(shown, match, today)
    if match := _POSITION_OF.fullmatch(words) or _PERIOD_END.fullmatch(words):
        period = read_period(match["period"], shown, today)
        if period is not None:
            position = POSITIONS[match["position"]]
            return period.day(lambda span: span.point(position), today)
    if period := read_period(words, shown, today, bare=True):
        return period.day(lambda span: span.last, today)
    return None


def read_period(words: str, shown: str, today: date, *, bare: bool = False) -> Period | None:
    """The period `words` name; None when they name none. A bare "week" or "year" (no "this"
    or "next") is one only after a position: "end of week", not "week"."""
    if match := _RELATIVE.fullmatch(words):
        if bare and match["which"] in (None, "the"):
            return None
        kind = "half" if match["kind"] == "half year" else match["kind"]
        ahead = match["which"] not in (None, "the", "this")  # next, the next, (the) coming
        nearest = (next_span if ahead else span_of)(kind, today)
        return Period(lambda _year: nearest, today.year)
    for kind, pattern in _NAMED:
        if match := pattern.fullmatch(words):
            return _named_period(kind, match, shown, today)
    return None


def _named_period(kind: str, match: re.Match[str], shown: str, today: date) -> Period:
    groups = match.groupdict()
    number = _period_number(kind, groups.get("number"))
    if kind == "month":
        name = MONTHS[number - 1]
    else:
        name = f"{kind[0].upper()}{number}" if kind != "year" else "the year"
    if not 1 <= number <= _COUNTS[kind]:
        limits = "quarters run Q1 to Q4" if kind == "quarter" else "a year has H1 and H2"
        raise Invalid(f"“{shown}”: there is no {name}; {limits}, e.g. "
                      f"{name[0]}1 {today.year + 1}.")
    year = _year(groups["year"], shown, f"{name} {today.year + 1}", today)
    return Period(lambda year: named_span(kind, number, year), year)


def _period_number(kind: str, text: str | None) -> int:
    if text is None:
        return 1
    if kind == "month":
        return MONTH_NUMBERS[text]
    return ordinal_number(text) if not text.isdigit() else int(text)


def _year(text: str | None, shown: str, example: str, today: date) -> int | None:
    if text is None:
        return None
    if text in ("this year", "the year"):
        return today.year
    if text == "next year":
        return today.year + 1
    if len(text) != 4:
        raise Invalid(f"“{shown}”: write the year in full, e.g. {example}.")
    return int(text)


def next_day_of_month(shown: str, day: int, month: int, today: date) -> date:
    """The next `day` of `month` from today on: "march 3" is this year's or next year's."""
    name = MONTHS[month - 1]
    longest = 29 if month == 2 else calendar.monthrange(2001, month)[1]
    if not 1 <= day <= longest:
        raise Invalid(f"“{shown}” is not a real date: {name} has {longest} days.")
    for year in (today.year, today.year + 1):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= today:
            return date(year, month, day)
    leap = next(year for year in range(today.year + 1, today.year + 9) if calendar.isleap(year))
    raise Invalid(f"“{shown}”: February {today.year + 1} has 28 days; the next 29 February is "
                  f"in {leap}: type {leap}-02-29, or end of February.")


def _day_of(shown: str, day: int, month: int, year_text: str | None, today: date) -> date:
    if year_text is None:
        return next_day_of_month(shown, day, month, today)
    example = f"{day} {MONTHS[month - 1]} {today.year + 1}"
    year = _year(year_text, shown, example, today)
    assert year is not None
    return real_date(shown, year, month, day)


def _day_of_month(shown: str, day: int, which: str | None, today: date) -> date:
    """"the 15th": the next 15th from today on; "the 15th of next month"."""
    if not 1 <= day <= 31:
        raise Invalid(f"“{shown}”: no month has a {ordinal_suffix(day)}.")
    span = next_span("month", today) if which == "next" or (which is None and day < today.day) \
        else month_span(today.year, today.month)
    if day > span.last.day:  # a 30-day month or February: the month after has a 31st
        later = next_span("month", span.first).first.replace(day=day)
        raise Invalid(f"“{shown}”: {span.name} has {span.last.day} days. Type end of month "
                      f"({span.last}) or {later}.")
    return span.first.replace(day=day)


def _weekday_of(shown: str, match: re.Match[str], today: date) -> date:
    weekday = WEEKDAY_NUMBERS[match["weekday"]]
    name = WEEKDAYS[weekday].title()
    nth = -1 if match["nth"] == "last" else ordinal_number(match["nth"])
    period = read_period(match["period"], shown, today) if match["period"] else None
    if period is None:
        raise Invalid(f"“{shown}”: of which month? Type e.g. {match['nth']} {name.lower()} of "
                      f"next month, or of March.")

    def pick(span: Span) -> date:
        day = nth_weekday(span, weekday, nth)
        if day is None:
            count = len(weekdays_in(span, weekday))
            raise Invalid(f"“{shown}”: {span.name} has only {count} {name}s.")
        return day

    return period.day(pick, today)

