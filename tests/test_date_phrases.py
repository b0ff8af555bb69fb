"""Dates as people say them: a table of phrases and the day each means on three fixed days
(a Monday in late November, a leap-year February 28th, a New Year's Eve), and the phrases
that must be refused, with what the refusal says."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careertui.model.dates import parse_due
from careertui.model.validation import Invalid
from tests.conftest import TODAY

T = TODAY  # Monday 2026-11-23
L = date(2028, 2, 28)  # Monday, the day before a leap day
Y = date(2026, 12, 31)  # Thursday, the last day of a year
assert (T.weekday(), L.weekday(), Y.weekday()) == (0, 0, 3)

PHRASES = [
    # a month and day without a year: the next one from today on
    ("march 3", T, date(2027, 3, 3)),
    ("3 march", T, date(2027, 3, 3)),
    ("3rd of march", T, date(2027, 3, 3)),
    ("mar 3", T, date(2027, 3, 3)),
    ("the 3rd of March", T, date(2027, 3, 3)),
    ("March 3rd", T, date(2027, 3, 3)),
    ("march the third", T, date(2027, 3, 3)),
    ("november 23", T, date(2026, 11, 23)),  # today itself
    ("november 22", T, date(2027, 11, 22)),  # passed this year: next year's
    ("dec 25", T, date(2026, 12, 25)),
    ("25 December", T, date(2026, 12, 25)),
    ("by jan 1", T, date(2027, 1, 1)),
    ("25/12", T, date(2026, 12, 25)),  # one reading only
    ("dec 31", Y, date(2026, 12, 31)),
    ("december 30", Y, date(2027, 12, 30)),
    ("march 3", Y, date(2027, 3, 3)),
    ("feb 29", L, date(2028, 2, 29)),
    ("29 february", L, date(2028, 2, 29)),
    ("29/2", L, date(2028, 2, 29)),
    ("march 1", L, date(2028, 3, 1)),
    # with a year
    ("March 3, 2027", T, date(2027, 3, 3)),
    ("3 march 2028", T, date(2028, 3, 3)),
    ("29 feb 2028", T, date(2028, 2, 29)),
    # ordinals: the next such day of a month
    ("the 15th", T, date(2026, 12, 15)),
    ("15th", T, date(2026, 12, 15)),
    ("on the 15th", T, date(2026, 12, 15)),
    ("the 23rd", T, date(2026, 11, 23)),
    ("the 30th", T, date(2026, 11, 30)),
    ("the 1st", T, date(2026, 12, 1)),
    ("the first", T, date(2026, 12, 1)),
    ("the 15th of next month", T, date(2026, 12, 15)),
    ("the 28th of this month", T, date(2026, 11, 28)),
    ("the 31st", Y, date(2026, 12, 31)),
    ("the 15th", Y, date(2027, 1, 15)),
    ("the 30th", Y, date(2027, 1, 30)),
    ("the 29th", L, date(2028, 2, 29)),
    ("the 28th", L, date(2028, 2, 28)),
    # amounts: fractional, worded, abbreviated
    ("in 1.5 months", T, date(2027, 1, 7)),  # a month, then half a month: 15 days
    ("in two weeks", T, date(2026, 12, 7)),
    ("in a fortnight", T, date(2026, 12, 7)),
    ("in half a year", T, date(2027, 5, 23)),
    ("in half a month", T, date(2026, 12, 8)),
    ("in 3 wks", T, date(2026, 12, 14)),
    ("in 2 mos", T, date(2027, 1, 23)),
    ("in 10d", T, date(2026, 12, 3)),
    ("in 4 yrs", T, date(2030, 11, 23)),
    ("in twelve months", T, date(2027, 11, 23)),
    ("in a couple of weeks", T, date(2026, 12, 7)),
    ("within 3 days", T, date(2026, 11, 26)),
    ("in 2 quarters", T, date(2027, 5, 23)),
    ("6 months from now", T, date(2027, 5, 23)),
    ("a year from today", T, date(2027, 11, 23)),
    ("in a year and a half", T, date(2028, 5, 23)),
    ("in one and a half years", T, date(2028, 5, 23)),
    ("in 1.5 years", T, date(2028, 5, 23)),
    ("in 0.25 years", T, date(2027, 2, 23)),
    ("in 1.5 fortnights", T, date(2026, 12, 14)),
    ("in 1 month", Y, date(2027, 1, 31)),
    ("in 2 months", Y, date(2027, 2, 28)),
    ("in 1.5 months", Y, date(2027, 2, 15)),
    ("in 1 year", L, date(2029, 2, 28)),
    ("in 1 month", L, date(2028, 3, 28)),
    ("in 2 weeks", L, date(2028, 3, 13)),
    ("tomorrow", L, date(2028, 2, 29)),
    ("tomorrow", Y, date(2027, 1, 1)),
    ("the day after tomorrow", Y, date(2027, 1, 2)),
    ("in 3 months' time", T, date(2027, 2, 23)),
    ("in two weeks time", T, date(2026, 12, 7)),
    # business days: Monday to Friday
    ("in 10 business days", T, date(2026, 12, 7)),
    ("in 5 working days", T, date(2026, 11, 30)),
    ("in 1 business day", T, date(2026, 11, 24)),
    ("3 workdays from now", T, date(2026, 11, 26)),
    ("in 2 business days", Y, date(2027, 1, 4)),
    ("in 1 working day", Y, date(2027, 1, 1)),  # no holidays: only weekends are skipped
    ("in 5 business days", L, date(2028, 3, 6)),
    # this / next weekday: "this" may be today, a bare or "next" weekday is after today
    ("this friday", T, date(2026, 11, 27)),
    ("next friday", T, date(2026, 11, 27)),
    ("the coming friday", T, date(2026, 11, 27)),
    ("this monday", T, date(2026, 11, 23)),
    ("next monday", T, date(2026, 11, 30)),
    ("friday next week", T, date(2026, 12, 4)),
    ("monday next week", T, date(2026, 11, 30)),
    ("wednesday this week", T, date(2026, 11, 25)),
    ("this thursday", Y, date(2026, 12, 31)),
    ("next thursday", Y, date(2027, 1, 7)),
    ("this friday", Y, date(2027, 1, 1)),
    ("this tuesday", L, date(2028, 2, 29)),
    # the start, middle or end of a period
    ("end of 2029", T, date(2029, 12, 31)),
    ("start of next year", T, date(2027, 1, 1)),
    ("beginning of next year", T, date(2027, 1, 1)),
    ("beginning of 2028", T, date(2028, 1, 1)),
    ("end of next year", T, date(2027, 12, 31)),
    ("mid march", T, date(2027, 3, 15)),
    ("mid-March", T, date(2027, 3, 15)),
    ("middle of next month", T, date(2026, 12, 15)),
    ("beginning of Q3", T, date(2027, 7, 1)),  # Q3 2026 is over
    ("start of Q4", T, date(2027, 10, 1)),  # 1 October 2026 is past
    ("mid Q3", T, date(2027, 8, 15)),
    ("middle of H2", T, date(2027, 9, 30)),
    ("end of the year", T, date(2026, 12, 31)),
    ("by the end of the year", T, date(2026, 12, 31)),
    ("end of H1 2027", T, date(2027, 6, 30)),
    ("the start of H2 2027", T, date(2027, 7, 1)),
    ("start of the second half of 2027", T, date(2027, 7, 1)),
    ("end of this week", T, date(2026, 11, 29)),
    ("start of this week", T, date(2026, 11, 23)),
    ("middle of the week", T, date(2026, 11, 25)),
    ("start of next week", T, date(2026, 11, 30)),
    ("end of next week", T, date(2026, 12, 6)),
    ("start of this month", T, date(2026, 11, 1)),  # said: this month, so it may be past
    ("first day of next month", T, date(2026, 12, 1)),
    ("last day of next month", T, date(2026, 12, 31)),
    ("last day of february", T, date(2027, 2, 28)),
    ("mid 2027", T, date(2027, 6, 30)),
    ("mid-2027", T, date(2027, 6, 30)),
    ("middle of the year", T, date(2026, 6, 30)),
    ("end of Q3", T, date(2027, 9, 30)),
    ("end of the quarter", T, date(2026, 12, 31)),
    ("start of next quarter", T, date(2027, 1, 1)),
    ("mid next quarter", T, date(2027, 2, 15)),
    ("year end", T, date(2026, 12, 31)),
    ("year-end", T, date(2026, 12, 31)),
    ("quarter end", T, date(2026, 12, 31)),
    ("end-of-month", T, date(2026, 11, 30)),
    ("by end of march 2027", T, date(2027, 3, 31)),
    ("last day of february", L, date(2028, 2, 29)),
    ("end of february", L, date(2028, 2, 29)),
    ("end of month", L, date(2028, 2, 29)),
    ("mid february", L, date(2029, 2, 15)),  # 15 February 2028 is past
    ("mid march", L, date(2028, 3, 15)),
    ("start of march", L, date(2028, 3, 1)),
    ("end of H1", L, date(2028, 6, 30)),
    ("end of q1", L, date(2028, 3, 31)),
    ("next week", L, date(2028, 3, 12)),
    ("end of month", Y, date(2026, 12, 31)),
    ("end of the year", Y, date(2026, 12, 31)),
    ("start of next month", Y, date(2027, 1, 1)),
    ("next month", Y, date(2027, 1, 31)),
    ("mid january", Y, date(2027, 1, 15)),
    ("end of this week", Y, date(2027, 1, 3)),
    ("this week", Y, date(2027, 1, 3)),
    ("EOM", T, date(2026, 11, 30)),
    ("eoq", T, date(2026, 12, 31)),
    ("eow", Y, date(2027, 1, 3)),
    ("2027-03", T, date(2027, 3, 31)),
    ("2028-02", T, date(2028, 2, 29)),
    # a year, a half-year or a quarter, with or without its year
    ("2028", T, date(2028, 12, 31)),
    ("H2", T, date(2026, 12, 31)),
    ("H1", T, date(2027, 6, 30)),
    ("H1 2027", T, date(2027, 6, 30)),
    ("2027 H1", T, date(2027, 6, 30)),
    ("h2-2027", T, date(2027, 12, 31)),
    ("second half of 2027", T, date(2027, 12, 31)),
    ("first half of next year", T, date(2027, 6, 30)),
    ("the first half", T, date(2027, 6, 30)),
    ("second half of the year", T, date(2026, 12, 31)),
    ("this half", T, date(2026, 12, 31)),
    ("next half", T, date(2027, 6, 30)),
    ("Q3", T, date(2027, 9, 30)),
    ("3rd quarter", T, date(2027, 9, 30)),
    ("third quarter of 2028", T, date(2028, 9, 30)),
    ("the fourth quarter", T, date(2026, 12, 31)),
    ("q1 of next year", T, date(2027, 3, 31)),
    ("this quarter", T, date(2026, 12, 31)),
    ("Q4", Y, date(2026, 12, 31)),
    ("H2", Y, date(2026, 12, 31)),
    ("2026", Y, date(2026, 12, 31)),
    ("next quarter", Y, date(2027, 3, 31)),
    ("next year", Y, date(2027, 12, 31)),
    # first / last weekday of a period
    ("first monday of next month", T, date(2026, 12, 7)),
    ("last friday of Q3", T, date(2027, 9, 24)),
    ("second tuesday of march", T, date(2027, 3, 9)),
    ("last monday of the month", T, date(2026, 11, 30)),
    ("first friday of december", T, date(2026, 12, 4)),
    ("first monday of november", T, date(2027, 11, 1)),  # 2 November 2026 is past
    ("3rd thursday of january 2027", T, date(2027, 1, 21)),
    ("last friday of 2027", T, date(2027, 12, 31)),
    ("the first monday of next year", T, date(2027, 1, 4)),
    ("first monday in january", Y, date(2027, 1, 4)),
    ("first monday of next month", Y, date(2027, 1, 4)),
    ("last friday of february", L, date(2029, 2, 23)),  # 25 February 2028 is past
    ("tenth monday of 2027", T, date(2027, 3, 8)),
    ("first sunday of q1 2027", T, date(2027, 1, 3)),
]


@pytest.mark.parametrize(("text", "today", "expected"), PHRASES)
def test_a_phrase_means_its_day(text, today, expected):
    assert parse_due(text, today) == expected


def test_the_table_is_large_and_has_no_repeats():
    assert len(PHRASES) >= 120
    assert len({(text, today) for text, today, _ in PHRASES}) == len(PHRASES)


REFUSED = [
    ("3/4", T, ["ambiguous", "3 April or 4 March", "2027-04-03", "2027-03-04"]),
    ("feb 29", T, ["February 2027 has 28 days", "in 2028", "2028-02-29"]),
    ("29 february 2027", T, ["not a real date", "28 days"]),
    ("2029-02-29", L, ["February 2029 has 28 days"]),
    ("2027-13", T, ["no month 13"]),
    ("feb 30", L, ["not a real date", "February has 29 days"]),
    ("31 april", T, ["not a real date", "April has 30 days"]),
    ("april 31", T, ["April has 30 days"]),
    ("march 32", T, ["March has 31 days"]),
    ("the 31st", T, ["November 2026 has 30 days", "end of month", "2026-12-31"]),
    ("the 30th", L, ["February 2028 has 29 days", "2028-02-29", "2028-03-30"]),
    ("the 32nd", T, ["no month has a 32nd"]),
    ("early march", T, ["vague", "“early”", "start of, mid or end of march"]),
    ("late 2027", T, ["vague", "end of 2027"]),
    ("sometime next year", T, ["vague"]),
    ("in a few weeks", T, ["how many", "in 3 weeks"]),
    ("several days", T, ["how many"]),
    ("H3", T, ["no H3", "H1 and H2"]),
    ("end of H0 2027", T, ["no H0"]),
    ("Q5", T, ["no Q5", "Q1 to Q4"]),
    ("q3 27", T, ["year in full", "Q3 2027"]),
    ("end of march 27", T, ["year in full", "March 2027"]),
    ("in 1.5 weeks", T, ["10.5 days", "in 10 days", "in 11 days"]),
    ("in 1.5 days", T, ["1.5 days", "in 1 day or in 2 days"]),
    ("in 1.3 months", T, ["1.3 months", "only be a half", "weeks"]),
    ("in 2.5 business days", T, ["whole business days"]),
    ("in 0 business days", T, ["is today"]),
    ("fifth monday of february 2027", T, ["February 2027 has only 4 Mondays"]),
    ("fifth friday of next month", T, ["December 2026 has only 4 Fridays"]),
    ("sixth monday of march", T, ["March 2027 has only 5 Mondays"]),
    ("first monday", T, ["of which month", "first monday of next month"]),
    ("last friday", T, ["of which month", "last friday of next month"]),
    ("middle of nowhere", T, ["not a date I know"]),
    ("week", T, ["not a date I know"]),
    ("in a while", T, ["“while” is not a unit I know"]),
]


@pytest.mark.parametrize(("text", "today", "expected_in_message"), REFUSED)
def test_an_ambiguous_or_impossible_phrase_is_refused_saying_why(text, today,
                                                                 expected_in_message):
    with pytest.raises(Invalid) as refused:
        parse_due(text, today)
    message = str(refused.value)
    assert message.startswith(f"“{text}”") or text not in message
    for part in expected_in_message:
        assert part in message


_WORDS = ("the of in on a half and next this last first 2nd 15th 31st end start mid middle "
          "day days week months quarter year business h1 h3 q0 q4 march feb 29 2027 27 0 1.5 -3 "
          "friday mon from now today year-end 3/4 99999").split()


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join),
       st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_any_mix_of_date_words_gives_a_date_or_a_reason(text, today):
    try:
        assert isinstance(parse_due(text, today), date)
    except Invalid as refused:
        assert str(refused).startswith(f"“{text}”")
