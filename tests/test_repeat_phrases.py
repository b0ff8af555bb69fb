"""Repeats as people say them: a table of phrases and the RRULE each is stored as, the
phrases refused as ambiguous or impossible, and the words each rule is shown in."""

from __future__ import annotations

from datetime import date

import pytest

from careertui.model.actions import describe_recurrence, occurrences, recurrence_rule
from careertui.model.validation import Invalid

WORKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
HALF_YEARLY = "FREQ=MONTHLY;INTERVAL=6"
TWICE_A_MONTH = "FREQ=MONTHLY;BYMONTHDAY=1,15"

REPEATS = [
    ("every weekday", WORKDAYS),
    ("weekdays", WORKDAYS),
    ("Every working day", WORKDAYS),
    ("each weekday", WORKDAYS),
    ("on weekdays", WORKDAYS),
    ("every weekend", "FREQ=WEEKLY;BYDAY=SA,SU"),
    ("first monday of every month", "FREQ=MONTHLY;BYDAY=1MO"),
    ("the first Monday of each month", "FREQ=MONTHLY;BYDAY=1MO"),
    ("every first monday", "FREQ=MONTHLY;BYDAY=1MO"),
    ("on the 3rd wednesday of every month", "FREQ=MONTHLY;BYDAY=3WE"),
    ("second tuesday of every month", "FREQ=MONTHLY;BYDAY=2TU"),
    ("last friday of every month", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("every last friday of the month", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("monthly on the last friday", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("monthly on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("the 1st of every month", "FREQ=MONTHLY;BYMONTHDAY=1"),
    ("every six months", HALF_YEARLY),
    ("every 6 months", HALF_YEARLY),
    ("semi-annually", HALF_YEARLY),
    ("semiannually", HALF_YEARLY),
    ("half-yearly", HALF_YEARLY),
    ("twice a year", HALF_YEARLY),
    ("twice a month", TWICE_A_MONTH),
    ("semi-monthly", TWICE_A_MONTH),
    ("twice a month, on the 1st and 15th", TWICE_A_MONTH),
    ("each week", "FREQ=WEEKLY"),
    ("each month", "FREQ=MONTHLY"),
    ("each monday", "FREQ=WEEKLY;BYDAY=MO"),
    ("every tues and thurs", "FREQ=WEEKLY;BYDAY=TU,TH"),
    ("last thurs of every month", "FREQ=MONTHLY;BYDAY=-1TH"),
    ("every other week", "FREQ=WEEKLY;INTERVAL=2"),
    ("every two weeks", "FREQ=WEEKLY;INTERVAL=2"),
    ("every other monday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
    ("every other mon and thu", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH"),
    ("every third week", "FREQ=WEEKLY;INTERVAL=3"),
    ("every 3rd month", "FREQ=MONTHLY;INTERVAL=3"),
    ("every twelve months", "FREQ=MONTHLY;INTERVAL=12"),
    ("every couple of weeks", "FREQ=WEEKLY;INTERVAL=2"),
    ("fortnightly", "FREQ=WEEKLY;INTERVAL=2"),
    ("end of each quarter", "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
]


@pytest.mark.parametrize(("text", "rule"), REPEATS)
def test_a_repeat_phrase_is_stored_as_its_rule(text, rule):
    assert recurrence_rule(text) == rule


@pytest.mark.parametrize(("text", "rule"), REPEATS)
def test_each_rule_is_shown_in_words_that_read_back_as_it(text, rule):
    words = describe_recurrence(rule)
    assert not words.startswith("FREQ=")
    assert recurrence_rule(words) == rule


def test_the_table_is_large_enough():
    assert len(REPEATS) >= 25


@pytest.mark.parametrize(("rule", "words"), [
    (WORKDAYS, "every weekday"),
    (TWICE_A_MONTH, "twice a month, on the 1st and 15th"),
    ("FREQ=MONTHLY;BYDAY=1MO", "the first Monday of every month"),
    ("FREQ=MONTHLY;BYDAY=-1FR", "the last Friday of every month"),
    ("FREQ=MONTHLY;BYMONTHDAY=15", "monthly, on the 15th"),
    (HALF_YEARLY, "every 6 months"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "every 2 weeks, on Monday"),
])
def test_the_words_a_rule_is_shown_in(rule, words):
    assert describe_recurrence(rule) == words


@pytest.mark.parametrize(("text", "expected_in_message"), [
    ("biweekly", ["can mean every 2 weeks or twice a week", "every monday and thursday"]),
    ("bi-weekly", ["every 2 weeks or twice a week"]),
    ("bimonthly", ["every 2 months or twice a month"]),
    ("biannually", ["every 2 years or twice a year", "semi-annually"]),
    ("twice a week", ["on which days", "every monday and thursday"]),
    ("three times a week", ["on which days"]),
    ("every second tuesday", ["every 2 weeks on Tuesday or the second Tuesday of every month"]),
    ("every third friday", ["every 3 weeks on Friday"]),
    ("fifth monday of every month", ["not every month has a fifth Monday", "last monday"]),
    ("the 30th of every month", ["not every month has a 30th", "last day"]),
    ("monthly on the 31st", ["not every month has a 31st"]),
    ("hourly", ["once a day at most", "daily"]),
    ("every monday on friday", ["name the days once"]),
    ("every 1.5 weeks", ["not a repeat I know", "every weekday", "first monday of every month"]),
    ("every blue moon", ["not a repeat I know"]),
])
def test_an_ambiguous_or_impossible_repeat_is_refused_saying_why(text, expected_in_message):
    with pytest.raises(Invalid) as refused:
        recurrence_rule(text)
    for part in expected_in_message:
        assert part in str(refused.value)


@pytest.mark.parametrize(("rule", "start", "until", "expected"), [
    (TWICE_A_MONTH, date(2027, 1, 1), date(2027, 2, 28),
     [date(2027, 1, 1), date(2027, 1, 15), date(2027, 2, 1), date(2027, 2, 15)]),
    (WORKDAYS, date(2026, 11, 27), date(2026, 12, 1),
     [date(2026, 11, 27), date(2026, 11, 30), date(2026, 12, 1)]),
    ("FREQ=MONTHLY;BYDAY=1MO", date(2026, 12, 1), date(2027, 2, 28),
     [date(2026, 12, 7), date(2027, 1, 4), date(2027, 2, 1)]),
    ("FREQ=MONTHLY;BYDAY=-1FR", date(2028, 2, 1), date(2028, 3, 31),
     [date(2028, 2, 25), date(2028, 3, 31)]),
])
def test_the_new_rules_fall_on_the_days_they_say(rule, start, until, expected):
    assert occurrences(rule, start, until) == expected
