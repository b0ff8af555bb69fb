"""Due dates typed in plain words ("in 3 months", "next friday", "Q3 2027"), described short."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from careertui.model.date_amounts import AMOUNT_AHEAD, amount_ahead
from careertui.model.date_periods import next_span, real_date, span_of
from careertui.model.date_phrases import calendar_day, next_day_of_month
from careertui.model.date_words import HYPHEN, MONTHS, VAGUE, WEEKDAY, WEEKDAY_NUMBERS, WEEKDAYS
from careertui.model.validation import Invalid, within_horizon

__all__ = ["MONTHS", "WEEKDAYS", "ShowDate", "describe_due", "parse_due", "parse_target_date",
           "span_between"]

_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_YEAR_MONTH = re.compile(r"(\d{4})[-/](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})")
_DAY_AND_MONTH = re.compile(r"(\d{1,2})[/.](\d{1,2})")
_WEEKDAY_AHEAD = re.compile(rf"(?:(this|next|coming|the coming) )?({WEEKDAY})")
_WEEKDAY_OF_WEEK = re.compile(rf"({WEEKDAY}),? (this|next) week")
_FILLER = re.compile(r"^(?:by|due|on|before|until|till) ")
_VAGUE = re.compile(rf"(?:in |within )?(?P<word>{'|'.join(VAGUE)})(?: in| on| of)? (?P<rest>.+)")


def parse_due(text: str, today: date) -> date | None:
    """The due date `text` names, None when it is empty, or Invalid saying what to type instead.

    Relative phrases count from `today`; months and years are added with relativedelta from
    `today` itself (Jan 31 + 1 month = Feb 28/29). Periods ("end of quarter", "next month",
    "Q3 2027", "March 2027", "2028") resolve to their last day, or to their start or middle
    when that is said; a period or day without its year is the next one that is not past.
    """
    shown = " ".join(text.split())
    if not shown:
        return None
    words = _FILLER.sub("", HYPHEN.sub(" ", shown.lower().rstrip(".")))
    if not words:  # only filler ("by", ".")
        raise Invalid(f"“{shown}” is not a date. Try 2027-03-31, tomorrow, next friday, "
                      "in 3 months, end of quarter or Q3 2027.")
    try:
        return _resolve(words, shown, today)
    except Invalid:
        raise
    except (OverflowError, ValueError):  # date arithmetic beyond year 9999
        raise Invalid(f"“{shown}” is too far away to be a due date.") from None


def parse_target_date(text: str, horizon_years: int, today: date) -> date | None:
    """A 1/3/5-year goal's target date in the words parse_due reads ("in 2 years", "Q3
    2027"), after today and within its horizon; None when empty."""
    return within_horizon(parse_due(text, today), horizon_years, today)


def _resolve(words: str, shown: str, today: date) -> date:
    if words in _DAYS_AWAY:  # a past day is allowed, as in ISO: for check-ins or late items
        return today + timedelta(days=_DAYS_AWAY[words])
    words = _SHORTHANDS.get(words, words)
    if match := _YEAR_FIRST.fullmatch(words):
        return real_date(shown, *map(int, match.groups()))
    if match := _YEAR_MONTH.fullmatch(words):  # 2027-03: the month's last day
        year, month = int(match[1]), int(match[2])
        return real_date(shown, year, month, 1) + relativedelta(day=31)
    if match := _NUMERIC.fullmatch(words):
        return _numeric_date(shown, match[1], match[2], match[3], today)
    if match := _DAY_AND_MONTH.fullmatch(words):
        return _numeric_date(shown, match[1], match[2], None, today)
    if match := _WEEKDAY_AHEAD.fullmatch(words):
        return _weekday_ahead(today, WEEKDAY_NUMBERS[match[2]], on_today=match[1] == "this")
    if match := _WEEKDAY_OF_WEEK.fullmatch(words):
        week = (next_span if match[2] == "next" else span_of)("week", today)
        return week.first + timedelta(days=(WEEKDAY_NUMBERS[match[1]] - week.first.weekday()) % 7)
    if (day := calendar_day(words, shown, today)) is not None:
        return day
    if match := AMOUNT_AHEAD.fullmatch(words):
        return amount_ahead(shown, match, today)
    if (match := _VAGUE.fullmatch(words)) and match["word"] in ("a few", "few", "several"):
        raise Invalid(f"“{shown}”: how many? Type a number, e.g. in 3 {match['rest']}.")
    if match:
        raise Invalid(f"“{shown}” is vague (“{match['word']}”): type a day, e.g. start of, "
                      f"mid or end of {match['rest']}, or in 3 weeks.")
    if words == "next" or words.startswith("next "):
        raise Invalid(f"“{shown}”: next what? Try next friday, next week, next month, "
                      "next quarter or next year.")
    if words == "in" or words.startswith("in "):
        raise Invalid(f"“{shown}”: say how long, e.g. in 3 days, in 2 weeks, in 6 months "
                      "or in 1 year.")
    example = next_span("quarter", today).last
    raise Invalid(f"“{shown}” is not a date I know. Try {example}, tomorrow, next friday, "
                  f"in 3 months, end of quarter, march 3 or Q3 {_year_of_q3(today)}.")


_DAYS_AWAY = {"today": 0, "eod": 0, "tomorrow": 1, "the day after tomorrow": 2,
              "day after tomorrow": 2, "yesterday": -1}
_SHORTHANDS = {"eow": "end of week", "eom": "end of month", "eoq": "end of quarter",
               "eoy": "end of year"}


def _year_of_q3(today: date) -> int:
    return today.year if today.month <= 9 else today.year + 1


def _numeric_date(shown: str, first: str, second: str, year_text: str | None,
                  today: date) -> date:
    """A day and month written as numbers: accepted only when one reading is possible.

    Without a year ("25/12") it is the next such day from today on."""
    if year_text is None:
        year = 2000  # a leap year: any day of any month is possible in some year
    else:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    if year < 1:
        real_date(shown, year, 1, 1)  # refuses year 0 with the usual message
    readings = {(int(day), int(month)) for day, month in ((first, second), (second, first))
                if 1 <= int(month) <= 12 and 1 <= int(day) <= calendar.monthrange(
                    year, int(month))[1]}
    if len(readings) > 1:
        (day_a, month_a), (day_b, month_b) = sorted(readings, key=lambda r: r != (int(first),
                                                                                   int(second)))
        if year_text is None:
            iso_a = next_day_of_month(shown, day_a, month_a, today)
            iso_b = next_day_of_month(shown, day_b, month_b, today)
        else:
            iso_a, iso_b = date(year, month_a, day_a), date(year, month_b, day_b)
        raise Invalid(f"“{shown}” is ambiguous ({day_a} {MONTHS[month_a - 1]} or "
                      f"{day_b} {MONTHS[month_b - 1]}?): type it as {iso_a} or {iso_b}.")
    if not readings:
        raise Invalid(f"“{shown}” is not a real date: type it year first, as YYYY-MM-DD.")
    ((day, month),) = readings
    if year_text is None:
        return next_day_of_month(shown, day, month, today)
    return real_date(shown, year, month, day)


def _weekday_ahead(today: date, weekday: int, *, on_today: bool) -> date:
    """The first `weekday` after today ("friday", "next friday": on a Friday, a week later);
    "this friday" is today on a Friday."""
    return today + timedelta(days=(weekday - today.weekday() - (not on_today)) % 7
                             + (not on_today))


# How a date is shown to the person (the preferences' date format): date.isoformat by default.
ShowDate = Callable[[date], str]


def describe_due(due: date, today: date, show: ShowDate = date.isoformat) -> str:
    """The date (as `show` writes it) and how far it is from today, in short.

    "2027-03-31 (Wed, in 4 months)", "2026-11-24 (tomorrow)", "2026-11-20 (3 days ago)".
    """
    days = (due - today).days
    if days in (-1, 0, 1):
        return f"{show(due)} ({('yesterday', 'today', 'tomorrow')[days + 1]})"
    span = span_between(min(due, today), max(due, today))
    if days < 0:
        return f"{show(due)} ({span} ago)"
    return f"{show(due)} ({WEEKDAYS[due.weekday()][:3].title()}, in {span})"


def span_between(earlier: date, later: date) -> str:
    """How long from `earlier` to `later`, in the unit that reads best: "3 days", "2 weeks",
    "4 months", "2 years"."""
    days = (later - earlier).days
    difference = relativedelta(later, earlier)
    months = difference.years * 12 + difference.months
    if days < 14:
        amount, unit = days, "day"
    elif days < 60 or months == 0:
        amount, unit = days // 7, "week"
    elif months < 24:
        amount, unit = months, "month"
    else:
        amount, unit = difference.years, "year"
    return f"{amount} {unit}{'s' if amount != 1 else ''}"
