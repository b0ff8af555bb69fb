"""Due dates typed in plain words: what each phrase resolves to, and what is refused and why."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careertui.model.dates import describe_due, parse_due, parse_target_date
from careertui.model.validation import Invalid
from tests.conftest import TODAY

MONDAY = TODAY  # 2026-11-23
assert MONDAY.weekday() == 0
WEDNESDAY = date(2027, 3, 10)
DAY = timedelta(days=1)


@pytest.mark.parametrize(("text", "today", "expected"), [
    # ISO, and year-first with other separators
    ("2027-03-31", MONDAY, date(2027, 3, 31)),
    ("  2027-3-5 ", MONDAY, date(2027, 3, 5)),
    ("2027/03/31", MONDAY, date(2027, 3, 31)),
    ("2020-01-15", MONDAY, date(2020, 1, 15)),  # past dates stay allowed: an overdue item
    # today / tomorrow, with filler words and any case
    ("today", MONDAY, MONDAY),
    ("Tomorrow", MONDAY, MONDAY + DAY),
    ("by tomorrow", WEDNESDAY, WEDNESDAY + DAY),
    ("yesterday", MONDAY, MONDAY - DAY),
    # weekdays: the first such day AFTER today, so on a Monday "monday" is a week later
    ("monday", MONDAY, MONDAY + 7 * DAY),
    ("next monday", MONDAY, MONDAY + 7 * DAY),
    ("next Mon", MONDAY, MONDAY + 7 * DAY),
    ("friday", MONDAY, MONDAY + 4 * DAY),
    ("next friday", MONDAY, MONDAY + 4 * DAY),
    ("tuesday", MONDAY, MONDAY + DAY),
    ("sunday", MONDAY, MONDAY + 6 * DAY),
    ("next wednesday", WEDNESDAY, WEDNESDAY + 7 * DAY),
    ("monday", WEDNESDAY, WEDNESDAY + 5 * DAY),
    ("thurs", WEDNESDAY, WEDNESDAY + DAY),
    # in N days / weeks / months / years
    ("in 3 days", MONDAY, MONDAY + 3 * DAY),
    ("in 1 day", MONDAY, MONDAY + DAY),
    ("in 2 weeks", MONDAY, MONDAY + 14 * DAY),
    ("in a week", MONDAY, MONDAY + 7 * DAY),
    ("3 weeks", MONDAY, MONDAY + 21 * DAY),
    ("in a fortnight", MONDAY, MONDAY + 14 * DAY),
    ("in three months", MONDAY, date(2027, 2, 23)),
    ("in one year", MONDAY, date(2027, 11, 23)),
    ("in 1 month", date(2027, 1, 31), date(2027, 2, 28)),
    ("in 2 months", date(2027, 1, 31), date(2027, 3, 31)),
    ("in 1 month", date(2028, 1, 31), date(2028, 2, 29)),
    ("in 1 year", date(2028, 2, 29), date(2029, 2, 28)),
    ("in 4 years", date(2028, 2, 29), date(2032, 2, 29)),
    ("in 13 months", date(2026, 10, 31), date(2027, 11, 30)),
    ("6 months from now", MONDAY, date(2027, 5, 23)),
    # end of a period: its last day; "next <period>" is the end of the next one
    ("end of week", MONDAY, MONDAY + 6 * DAY),
    ("end of the week", date(2026, 11, 29), date(2026, 11, 29)),
    ("end of month", date(2028, 2, 10), date(2028, 2, 29)),
    ("end of the month", date(2027, 2, 10), date(2027, 2, 28)),
    ("end of this month", date(2027, 12, 31), date(2027, 12, 31)),
    ("end of quarter", date(2027, 1, 1), date(2027, 3, 31)),
    ("end of quarter", date(2027, 5, 15), date(2027, 6, 30)),
    ("end of quarter", date(2027, 9, 30), date(2027, 9, 30)),
    ("end of the quarter", date(2027, 10, 2), date(2027, 12, 31)),
    ("end of year", MONDAY, date(2026, 12, 31)),
    ("this year", MONDAY, date(2026, 12, 31)),
    ("month end", date(2027, 4, 3), date(2027, 4, 30)),
    ("next week", MONDAY, MONDAY + 13 * DAY),
    ("next month", date(2027, 1, 31), date(2027, 2, 28)),
    ("next month", date(2027, 12, 5), date(2028, 1, 31)),
    ("end of next month", date(2028, 1, 15), date(2028, 2, 29)),
    ("next quarter", MONDAY, date(2027, 3, 31)),
    ("next quarter", date(2027, 3, 31), date(2027, 6, 30)),
    ("next year", MONDAY, date(2027, 12, 31)),
    # quarters with a year, in the accepted spellings
    ("Q1 2027", MONDAY, date(2027, 3, 31)),
    ("q2 2027", MONDAY, date(2027, 6, 30)),
    ("Q3 2027", MONDAY, date(2027, 9, 30)),
    ("2027 Q3", MONDAY, date(2027, 9, 30)),
    ("Q3-2027", MONDAY, date(2027, 9, 30)),
    ("2027-Q4", MONDAY, date(2027, 12, 31)),
    ("q4/2027", MONDAY, date(2027, 12, 31)),
    ("end of Q2 2028", MONDAY, date(2028, 6, 30)),
    # a month and year: its last day; a full date with the month in words
    ("March 2027", MONDAY, date(2027, 3, 31)),
    ("mar 2027", MONDAY, date(2027, 3, 31)),
    ("feb 2028", MONDAY, date(2028, 2, 29)),
    ("Sept 2027", MONDAY, date(2027, 9, 30)),
    ("end of june 2027", MONDAY, date(2027, 6, 30)),
    ("31 March 2027", MONDAY, date(2027, 3, 31)),
    ("March 31st, 2027", MONDAY, date(2027, 3, 31)),
    # without a year: the next one that has not ended (these were refused before)
    ("Q3", MONDAY, date(2027, 9, 30)),
    ("q4", MONDAY, date(2026, 12, 31)),  # Q4 2026 has not ended on 2026-11-23
    ("march", MONDAY, date(2027, 3, 31)),
    ("December", MONDAY, date(2026, 12, 31)),
    ("end of march", MONDAY, date(2027, 3, 31)),
    ("31 march", MONDAY, date(2027, 3, 31)),
    ("march 27", MONDAY, date(2027, 3, 27)),  # a number after a month is its day
    ("2027", MONDAY, date(2027, 12, 31)),  # a year alone: its last day
    # numbers with one possible reading
    ("31/03/2027", MONDAY, date(2027, 3, 31)),
    ("05.05.27", MONDAY, date(2027, 5, 5)),
    # nothing typed
    ("", MONDAY, None),
    ("   ", MONDAY, None),
])
def test_phrases_resolve_to_dates(text, today, expected):
    assert parse_due(text, today) == expected


@pytest.mark.parametrize(("text", "expected_in_message"), [
    ("03/04/2027", ["ambiguous", "3 April or 4 March", "2027-04-03", "2027-03-04"]),
    ("4.3.27", ["ambiguous", "4 March or 3 April", "2027-03-04", "2027-04-03"]),
    ("Q3 27", ["year in full", "Q3 2027"]),
    ("2027-02-30", ["not a real date", "February 2027 has 28 days"]),
    ("2028-02-30", ["February 2028 has 29 days"]),
    ("2027-13-01", ["no month 13"]),
    ("31/02/2027", ["not a real date", "YYYY-MM-DD"]),
    ("30 February 2027", ["not a real date", "28 days"]),
    ("Q5 2027", ["no Q5", "Q1 to Q4"]),
    ("Q0 2027", ["no Q0"]),
    ("in 0 days", ["is today", "1 or more"]),
    ("in -2 weeks", ["in the past", "in 2 weeks"]),
    ("in 3 moths", ["“moths”", "days, weeks, months, years"]),
    ("in a while", ["“while”", "in 3 months"]),
    ("in", ["say how long", "in 2 weeks"]),
    ("in 99999 years", ["too far away"]),
    ("next", ["next what", "next friday", "next month"]),
    ("next fortnight", ["next what"]),
    ("soonish", ["“soonish” is not a date I know", "2027-03-31", "tomorrow", "next friday",
                 "in 3 months", "end of quarter", "Q3 2027"]),
    ("month", ["not a date I know"]),
])
def test_refusals_say_why_and_what_to_type(text, expected_in_message):
    with pytest.raises(Invalid) as refused:
        parse_due(text, TODAY)
    message = str(refused.value)
    for part in expected_in_message:
        assert part in message


def test_refusals_quote_what_was_typed_in_its_own_case_without_stray_spaces():
    with pytest.raises(Invalid, match="^“Next Blursday”: next what"):
        parse_due("  Next  Blursday ", TODAY)


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_any_iso_date_reads_back_as_itself(day, today):
    assert parse_due(day.isoformat(), today) == day


@given(st.text(max_size=30), st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_any_text_gives_a_date_none_or_a_reason(text, today):
    try:
        result = parse_due(text, today)
    except Invalid as refused:
        assert str(refused)
    else:
        assert result is None or isinstance(result, date)
        assert (result is None) == (text.strip() == "")


@given(st.sampled_from(["in {} days", "in {} weeks", "in {} months", "in {} years"]),
       st.integers(min_value=1, max_value=200),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_amounts_ahead_always_land_after_today(template, amount, today):
    assert parse_due(template.format(amount), today) > today


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
       st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday"]))
def test_a_weekday_is_the_first_one_within_the_next_seven_days(today, weekday):
    due = parse_due(f"next {weekday}", today)
    assert 1 <= (due - today).days <= 7
    assert due.strftime("%A").lower() == weekday


@pytest.mark.parametrize(("due", "expected"), [
    (date(2027, 3, 31), "2027-03-31 (Wed, in 4 months)"),
    (TODAY + DAY, "2026-11-24 (tomorrow)"),
    (TODAY, "2026-11-23 (today)"),
    (TODAY - DAY, "2026-11-22 (yesterday)"),
    (date(2026, 11, 20), "2026-11-20 (3 days ago)"),
    (date(2026, 11, 30), "2026-11-30 (Mon, in 7 days)"),
    (date(2026, 12, 10), "2026-12-10 (Thu, in 2 weeks)"),
    (date(2027, 1, 23), "2027-01-23 (Sat, in 2 months)"),
    (date(2027, 12, 1), "2027-12-01 (Wed, in 12 months)"),
    (date(2029, 6, 1), "2029-06-01 (Fri, in 2 years)"),
    (date(2026, 8, 1), "2026-08-01 (3 months ago)"),
])
def test_describe_due_says_the_date_its_weekday_and_how_far(due, expected):
    assert describe_due(due, TODAY) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_describe_due_starts_with_the_iso_date_that_parses_back(due):
    text = describe_due(due, TODAY)
    assert parse_due(text.split(" ")[0], TODAY) == due


@pytest.mark.parametrize(("text", "horizon", "expected"), [
    ("in 6 months", 1, date(2027, 5, 23)),
    ("Q3 2029", 3, date(2029, 9, 30)),
    ("in 5 years", 5, date(2031, 11, 23)),
    ("2027-06-30", 1, date(2027, 6, 30)),
    ("", 3, None),
])
def test_a_goal_target_date_reads_the_due_date_phrases(text, horizon, expected):
    assert parse_target_date(text, horizon, TODAY) == expected


@pytest.mark.parametrize(("text", "horizon", "reason"), [
    ("in 2 years", 1, "2028-11-23 is more than 1 year away; pick a date up to 2027-11-23."),
    ("yesterday", 3, "2026-11-22 is not in the future"),
    ("today", 3, "2026-11-23 is not in the future"),
    ("next thing", 5, "next what?"),
])
def test_a_goal_target_date_outside_its_horizon_is_refused_with_why(text, horizon, reason):
    with pytest.raises(Invalid, match=reason.replace("?", r"\?")):
        parse_target_date(text, horizon, TODAY)
