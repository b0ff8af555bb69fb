"""Periods of time (week, month, quarter, half-year, year): their first, middle and last day."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from careertui.model.date_words import MONTHS
from careertui.model.validation import Invalid

_MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12}


@dataclass(frozen=True)
class Span:
    """The days from `first` to `last`, both included, of a week, month, quarter, half or year."""

    kind: str
    first: date
    last: date

    @property
    def name(self) -> str:
        """"March 2027", "Q3 2027", "H1 2027", "2027", "the week of 2026-11-23"."""
        year = self.first.year
        if self.kind == "week":
            return f"the week of {self.first}"
        if self.kind == "year":
            return str(year)
        if self.kind == "month":
            return f"{MONTHS[self.first.month - 1]} {year}"
        number = (self.first.month - 1) // _MONTHS_IN[self.kind] + 1
        return f"{self.kind[0].upper()}{number} {year}"

    def point(self, position: str) -> date:
        """The "start", "middle" or "end" of the span.

        The middle of a week is its Wednesday; of a span of an odd number of months its middle
        month's 15th (mid March: 15 March; mid Q3: 15 August); of an even number the last day
        of its first half (mid 2027: 30 June; middle of H1: 31 March).
        """
        if position == "start":
            return self.first
        if position == "end":
            return self.last
        if self.kind == "week":
            return self.first + timedelta(days=2)
        months = (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1
        middle = month_span(*_add_months(self.first.year, self.first.month, (months - 1) // 2))
        return middle.first.replace(day=15) if months % 2 else middle.last


def month_span(year: int, month: int) -> Span:
    return Span("month", date(year, month, 1),
                date(year, month, calendar.monthrange(year, month)[1]))


def named_span(kind: str, number: int, year: int) -> Span:
    """Month, quarter or half `number` of `year` (1-based), or the year itself."""
    if kind == "year":
        return Span("year", date(year, 1, 1), date(year, 12, 31))
    size = _MONTHS_IN[kind]
    first_month = (number - 1) * size + 1
    return Span(kind, month_span(year, first_month).first,
                month_span(year, first_month + size - 1).last)


def span_of(kind: str, day: date, week_start: int | None = None) -> Span:
    """The week, month, quarter, half-year or year that holds `day`. A week starts on
    `week_start` (0 for Monday, as date.weekday() counts), by default on the person's first
    day of the week, kept where Python keeps it: calendar.firstweekday()."""
    if kind == "week":
        start = calendar.firstweekday() if week_start is None else week_start
        first = day - timedelta(days=(day.weekday() - start) % 7)
        return Span("week", first, first + timedelta(days=6))
    if kind == "year":
        return named_span("year", 1, day.year)
    return named_span(kind, (day.month - 1) // _MONTHS_IN[kind] + 1, day.year)


def next_span(kind: str, day: date, week_start: int | None = None) -> Span:
    """The period of `kind` after the one that holds `day`."""
    return span_of(kind, span_of(kind, day, week_start).last + timedelta(days=1), week_start)


def weekdays_in(span: Span, weekday: int) -> list[date]:
    """Every `weekday` (0 is Monday) in the span, in order."""
    first = span.first + timedelta(days=(weekday - span.first.weekday()) % 7)
    return [first + timedelta(weeks=n) for n in range((span.last - first).days // 7 + 1)]


def nth_weekday(span: Span, weekday: int, nth: int) -> date | None:
    """The `nth` (1-based; -1 the last) `weekday` in the span; None when it has fewer."""
    matching = weekdays_in(span, weekday)
    index = nth - 1 if nth > 0 else nth
    return matching[index] if -len(matching) <= index < len(matching) else None


def real_date(shown: str, year: int, month: int, day: int) -> date:
    """That date, or Invalid saying why there is none ("February 2027 has 28 days")."""
    if not 1 <= month <= 12:
        raise Invalid(f"“{shown}” is not a real date: there is no month {month}.")
    if not 1 <= year <= 9999:
        raise Invalid(f"“{shown}” is not a real date: the year must be between 1 and 9999.")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise Invalid(f"“{shown}” is not a real date: {MONTHS[month - 1]} {year} "
                      f"has {days} days.")
    return date(year, month, day)


def add_business_days(day: date, count: int) -> date:
    """`count` days after `day`, counting Monday to Friday only."""
    while count:
        day += timedelta(days=1)
        count -= day.weekday() < 5
    return day


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1
