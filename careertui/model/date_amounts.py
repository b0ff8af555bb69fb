"""Amounts of time from today ("in 1.5 months", "in two weeks", "in 10 business days")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from careertui.model.date_periods import add_business_days
from careertui.model.date_words import BUSINESS_DAYS, NUMBER, UNITS, number
from careertui.model.labels import counted
from careertui.model.validation import Invalid

AMOUNT_AHEAD = re.compile(
    rf"(?:in |within )?(?P<amount>[+-]?(?:{NUMBER})|half an?)(?P<half> and a half)? ?"
    r"(?P<unit>[a-z]+(?: ?days?)?)(?P<unit_half> and a half)?"
    r"(?: from (?:now|today)| later|'?s? time)?")
_DAYS_IN = {"days": 1, "weeks": 7, "fortnights": 14}
_MONTHS_IN = {"months": 1, "quarters": 3, "years": 12}


def amount_ahead(shown: str, match: re.Match[str], today: date) -> date:
    """The day `match` (of AMOUNT_AHEAD) names: months and years are added with relativedelta
    (Jan 31 + 1 month = Feb 28/29), half a month is 15 days, business days skip weekends."""
    unit_text = match["unit"]
    amount = 0.5 if match["amount"].startswith("half") else number(match["amount"])
    amount += 0.5 if match["half"] or match["unit_half"] else 0
    business = BUSINESS_DAYS.fullmatch(unit_text)
    unit = "business days" if business else UNITS.get(unit_text.removesuffix("s"))
    if unit is None:
        raise Invalid(f"“{shown}”: “{unit_text}” is not a unit I know; use days, weeks, "
                      "months, years or business days, e.g. in 3 months.")
    if amount == 0:
        raise Invalid(f"“{shown}” is today: type today, or an amount of 1 or more.")
    if amount < 0:
        raise Invalid(f"“{shown}” is in the past: a due date counts forward, "
                      f"e.g. in {_shown(-amount)} {unit}.")
    if unit == "business days":
        if amount != int(amount):
            raise Invalid(f"“{shown}”: count whole business days, e.g. in {int(amount)} or "
                          f"in {int(amount) + 1} business days.")
        return add_business_days(today, int(amount))
    if unit in _DAYS_IN:
        days = amount * _DAYS_IN[unit]
        if days != int(days):
            raise Invalid(f"“{shown}” is {_shown(days)} days: type in "
                          f"{counted(int(days), 'day')} or in {counted(int(days) + 1, 'day')}.")
        return today + timedelta(days=int(days))
    months = amount * _MONTHS_IN[unit]
    whole = int(months)
    if months - whole not in (0, 0.5):
        raise Invalid(f"“{shown}” is {_shown(months)} months: a part of a month can only be "
                      f"a half (15 days); type in {round(months * 30.4 / 7)} weeks "
                      f"or in {round(months * 30.4)} days.")
    return today + relativedelta(months=whole, days=15 if months != whole else 0)


def _shown(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"
