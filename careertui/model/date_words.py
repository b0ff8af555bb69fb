"""The words of dates: weekday and month names, number and ordinal words, units of time."""

from __future__ import annotations

import calendar
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = tuple(calendar.month_name)[1:]
WEEKDAY_NUMBERS = {name[:3]: number for number, name in enumerate(WEEKDAYS)} | {
    "tues": 1, "thur": 3, "thurs": 3} | {name: number for number, name in enumerate(WEEKDAYS)}
MONTH_NUMBERS = {name.lower()[:3]: number for number, name in enumerate(MONTHS, 1)} | {
    "sept": 9} | {name.lower(): number for number, name in enumerate(MONTHS, 1)}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "fifteen": 15, "eighteen": 18, "twenty": 20, "thirty": 30, "couple of": 2,
                "a couple of": 2}
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
# Each unit people type, with its abbreviations, by the unit it counts in.
UNITS = {"day": "days", "d": "days", "week": "weeks", "wk": "weeks", "w": "weeks",
         "fortnight": "fortnights", "month": "months", "mo": "months", "mth": "months",
         "mon": "months", "quarter": "quarters", "year": "years", "yr": "years", "y": "years"}
BUSINESS_DAYS = re.compile(r"(?:business|working|work|week) ?days?|workdays?|bdays?")

WEEKDAY = "|".join(sorted(WEEKDAY_NUMBERS, key=len, reverse=True))
MONTH = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
ORDINAL = rf"\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(ORDINAL_WORDS)}"
NUMBER = rf"\d+(?:\.\d+)?|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}"
# A hyphen between words, or a word and a number, reads as a space: mid-march, semi-annually.
HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z\d])")
# Words for a period's first day, middle and last day.
POSITIONS = {"start": "start", "beginning": "start", "first day": "start", "mid": "middle",
             "middle": "middle", "end": "end", "last day": "end", "close": "end"}
POSITION = "|".join(sorted(POSITIONS, key=len, reverse=True))
VAGUE = ("early", "late", "sometime", "around", "about", "soon", "a few", "few", "several")


def ordinal_number(text: str) -> int:
    """1 for "1st" or "first", 15 for "15th"."""
    return ORDINAL_WORDS.get(text) or int(re.sub(r"\D", "", text))


def number(text: str) -> float:
    """2 for "2" or "two", 1.5 for "1.5"."""
    return NUMBER_WORDS.get(text) or float(text)


def ordinal_suffix(day: int) -> str:
    """"1st", "2nd", "15th", "22nd"."""
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"
