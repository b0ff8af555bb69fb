"""Due dates typed in plain words ("in 3 months", "next friday", "Q3 2027"), described short."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from careertui.model.validation import Invalid, within_horizon

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = tuple(calendar.month_name)[1:]
_WEEKDAY_NUMBERS = {name[:3]: number for number, name in enumerate(WEEKDAYS)} | {
    "tues": 1, "thur": 3, "thurs": 3} | {name: number for number, name in enumerate(WEEKDAYS)}
_MONTH_NUMBERS = {name.lower()[:3]: number for number, name in enumerate(MONTHS, 1)} | {
    "sept": 9} | {name.lower(): number for number, name in enumerate(MONTHS, 1)}
_AMOUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_UNITS = {"day": "days", "week": "weeks", "fortnight": "fortnights", "month": "months",
          "year": "years"}
_STEPS = {"days": relativedelta(days=1), "weeks": relativedelta(weeks=1),
          "fortnights": relativedelta(weeks=2), "months": relativedelta(months=1),
          "years": relativedelta(years=1)}

_WEEKDAY = "|".join(sorted(_WEEKDAY_NUMBERS, key=len, reverse=True))
_MONTH = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_PERIOD = "week|month|quarter|year"
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"

_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})")
_WEEKDAY_AHEAD = re.compile(rf"(?:next )?({_WEEKDAY})")
_AMOUNT = rf"[+-]?\d+|{'|'.join(_AMOUNTS)}"
_AMOUNT_AHEAD = re.compile(rf"(?:in )?({_AMOUNT}) ([a-z]+)(?: from (?:now|today))?")
_END_OF_PERIOD = re.compile(
    rf"(?:end of (?:the |this )?|this )({_PERIOD})|(?:the )?({_PERIOD}) end")
_END_OF_NEXT_PERIOD = re.compile(rf"(?:end of )?(?:the )?next ({_PERIOD})")
_QUARTER = re.compile(r"(?:end of )?(?:q(\d+)(?:[ /-]?(\d+))?|(\d+)[ /-]?q(\d+))")
_MONTH_YEAR = re.compile(rf"(?:end of )?({_MONTH})(?: (\d+))?")
_DAY_MONTH_YEAR = re.compile(rf"{_ORDINAL} ({_MONTH})(?:,? (\d+))?")
_MONTH_DAY_YEAR = re.compile(rf"({_MONTH}) {_ORDINAL},? (\d{{4}})")
_FILLER = re.compile(r"^(?:by|due|on|before) ")


def parse_due(text: str, today: date) -> date | None:
    """The due date `text` names, None when it is empty, or Invalid saying what to type instead.

    Relative phrases count from `today`; months and years are added with relativedelta from
    `today` itself (Jan 31 + 1 month = Feb 28/29). Periods ("end of quarter", "next month",
    "Q3 2027", "March 2027") resolve to their last day.
    """
    shown = " ".join(text.split())
    if not shown:
        return None
    words = _FILLER.sub("", shown.lower().rstrip("."))
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
    if words == "today":
        return today
    if words == "tomorrow":
        return today + timedelta(days=1)
    if words == "yesterday":  # a past day is allowed, as in ISO: for check-ins or late items
        return today - timedelta(days=1)
    if match := _YEAR_FIRST.fullmatch(words):
        return _real_date(shown, *map(int, match.groups()))
    if match := _NUMERIC.fullmatch(words):
        return _numeric_date(shown, *match.groups())
    if match := _WEEKDAY_AHEAD.fullmatch(words):
        return _weekday_after(today, _WEEKDAY_NUMBERS[match[1]])
    if match := _END_OF_NEXT_PERIOD.fullmatch(words):
        return _end_of_period(match[1], _start_of_next_period(match[1], today))
    if match := _END_OF_PERIOD.fullmatch(words):
        return _end_of_period(match[1] or match[2], today)
    if match := _QUARTER.fullmatch(words):
        quarter, year = (match[1], match[2]) if match[1] else (match[4], match[3])
        return _quarter_end(shown, int(quarter), year, today)
    if match := _MONTH_YEAR.fullmatch(words):
        return _month_end(shown, _MONTH_NUMBERS[match[1]], match[2], today)
    if match := _DAY_MONTH_YEAR.fullmatch(words):
        return _day_of_month(shown, int(match[1]), _MONTH_NUMBERS[match[2]], match[3], today)
    if match := _MONTH_DAY_YEAR.fullmatch(words):
        return _day_of_month(shown, int(match[2]), _MONTH_NUMBERS[match[1]], match[3], today)
    if match := _AMOUNT_AHEAD.fullmatch(words):
        return _amount_ahead(shown, match[1], match[2], today)
    if words == "next" or words.startswith("next "):
        raise Invalid(f"“{shown}”: next what? Try next friday, next week, next month, "
                      "next quarter or next year.")
    if words == "in" or words.startswith("in "):
        raise Invalid(f"“{shown}”: say how long, e.g. in 3 days, in 2 weeks, in 6 months "
                      "or in 1 year.")
    if re.fullmatch(r"\d{4}", words):
        raise Invalid(f"“{shown}” is only a year: type {words}-12-31 for its end, "
                      f"or a quarter such as Q2 {words}.")
    example = _end_of_period("quarter", _start_of_next_period("quarter", today))
    raise Invalid(f"“{shown}” is not a date I know. Try {example}, tomorrow, next friday, "
                  f"in 3 months, end of quarter or Q3 {_year_of_next(3, 'quarter', today)}.")


def _real_date(shown: str, year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise Invalid(f"“{shown}” is not a real date: there is no month {month}.")
    if not 1 <= year <= 9999:
        raise Invalid(f"“{shown}” is not a real date: the year must be between 1 and 9999.")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise Invalid(f"“{shown}” is not a real date: {MONTHS[month - 1]} {year} "
                      f"has {days} days.")
    return date(year, month, day)


def _numeric_date(shown: str, first: str, second: str, year_text: str) -> date:
    """A day and month written as numbers: accepted only when one reading is possible."""
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    if year < 1:
        _real_date(shown, year, 1, 1)  # refuses year 0 with the usual message
    readings = {(int(day), int(month)) for day, month in ((first, second), (second, first))
                if 1 <= int(month) <= 12 and 1 <= int(day) <= calendar.monthrange(
                    year, int(month))[1]}
    if len(readings) > 1:
        (day_a, month_a), (day_b, month_b) = sorted(readings, key=lambda r: r != (int(first),
                                                                                   int(second)))
        iso_a, iso_b = date(year, month_a, day_a), date(year, month_b, day_b)
        raise Invalid(f"“{shown}” is ambiguous ({day_a} {MONTHS[month_a - 1]} or "
                      f"{day_b} {MONTHS[month_b - 1]}?): type it as {iso_a} or {iso_b}.")
    if not readings:
        raise Invalid(f"“{shown}” is not a real date: type it year first, as YYYY-MM-DD.")
    ((day, month),) = readings
    return _real_date(shown, year, month, day)


def _weekday_after(today: date, weekday: int) -> date:
    """The first `weekday` strictly after today: on a Friday, "friday" is a week later."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _start_of_next_period(period: str, today: date) -> date:
    return _end_of_period(period, today) + timedelta(days=1)


def _end_of_period(period: str, day: date) -> date:
    """The last day of the week (Sunday), month, quarter or year that holds `day`."""
    if period == "week":
        return day + timedelta(days=6 - day.weekday())
    last_month = {"month": day.month, "quarter": (day.month - 1) // 3 * 3 + 3, "year": 12}[period]
    return date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])


def _year_of_next(number: int, period: str, today: date) -> int:
    """The year of the next quarter or month `number` that has not ended yet."""
    last_month = number * 3 if period == "quarter" else number
    return today.year if last_month >= today.month else today.year + 1


def _full_year(shown: str, year_text: str, example: str) -> int:
    if len(year_text) != 4:
        raise Invalid(f"“{shown}”: write the year in full, e.g. {example}.")
    return int(year_text)


def _quarter_end(shown: str, quarter: int, year_text: str | None, today: date) -> date:
    if not 1 <= quarter <= 4:
        raise Invalid(f"“{shown}”: there is no Q{quarter}; quarters run Q1 to Q4, "
                      f"e.g. Q3 {_year_of_next(3, 'quarter', today)}.")
    example = f"Q{quarter} {_year_of_next(quarter, 'quarter', today)}"
    if year_text is None:
        raise Invalid(f"“{shown}” needs a year: {example}.")
    year = _full_year(shown, year_text, example)
    return _real_date(shown, year, quarter * 3, calendar.monthrange(year, quarter * 3)[1])


def _month_end(shown: str, month: int, year_text: str | None, today: date) -> date:
    name = MONTHS[month - 1]
    if year_text is None:
        year = _year_of_next(month, "month", today)
        raise Invalid(f"“{shown}” needs a year: {name} {year}.")
    if len(year_text) <= 2:
        day, year = int(year_text), _year_of_next(month, "month", today)
        raise Invalid(f"“{shown}”: {day} {name} (which year?) or {name} 20{year_text:0>2}? "
                      f"Type {year}-{month:02}-{day:02} or {name} 20{year_text:0>2}.")
    year = _full_year(shown, year_text, f"{name} {today.year + 1}")
    return _real_date(shown, year, month, calendar.monthrange(year, month)[1])


def _day_of_month(shown: str, day: int, month: int, year_text: str | None, today: date) -> date:
    name = MONTHS[month - 1]
    year = _year_of_next(month, "month", today)
    if year_text is None:
        raise Invalid(f"“{shown}” needs a year: {day} {name} {year}.")
    return _real_date(shown, _full_year(shown, year_text, f"{day} {name} {year}"), month, day)


def _amount_ahead(shown: str, amount_text: str, unit_text: str, today: date) -> date:
    unit = _UNITS.get(unit_text.removesuffix("s"))
    if unit is None:
        raise Invalid(f"“{shown}”: “{unit_text}” is not a unit I know; "
                      "use days, weeks, months or years, e.g. in 3 months.")
    amount = _AMOUNTS[amount_text] if amount_text in _AMOUNTS else int(amount_text)
    if amount == 0:
        raise Invalid(f"“{shown}” is today: type today, or an amount of 1 or more.")
    if amount < 0:
        raise Invalid(f"“{shown}” is in the past: a due date counts forward, "
                      f"e.g. in {-amount} {unit}.")
    return today + _STEPS[unit] * amount


def describe_due(due: date, today: date) -> str:
    """The date and how far it is from today, in short.

    "2027-03-31 (Wed, in 4 months)", "2026-11-24 (tomorrow)", "2026-11-20 (3 days ago)".
    """
    days = (due - today).days
    if days in (-1, 0, 1):
        return f"{due} ({('yesterday', 'today', 'tomorrow')[days + 1]})"
    span = _span(min(due, today), max(due, today))
    if days < 0:
        return f"{due} ({span} ago)"
    return f"{due} ({WEEKDAYS[due.weekday()][:3].title()}, in {span})"


def _span(earlier: date, later: date) -> str:
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
