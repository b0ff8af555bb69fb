"""Every check a form field runs, fuzzed: a valid value the plan keeps, or Invalid with a reason."""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from careertui.export.documents import output_path
from careertui.model.actions import (
    describe_recurrence,
    next_occurrence,
    recurrence_rule,
    tick,
)
from careertui.model.assessment import parse_level
from careertui.model.checkin import (
    CADENCE_MAX,
    CADENCE_MIN,
    parse_cadence,
    parse_confidence,
    parse_past_day,
)
from careertui.model.codec import decode, encode
from careertui.model.dates import describe_due, parse_due
from careertui.model.integrity import plan_problems
from careertui.model.plan import (
    HORIZONS,
    Action,
    Assessment,
    CheckIn,
    Experience,
    Goal,
    Measure,
    Need,
    NeedKind,
    Plan,
    Settings,
    SkillRating,
)
from careertui.model.validation import (
    AMOUNT_MAX,
    LEVEL_MAX,
    LEVEL_MIN,
    Invalid,
    amount,
    horizon_date,
    iso_date,
    number,
    removed_note,
    required_text,
    without_controls,
    year,
)
from careertui.screens.share import checked_export, required_date
from careertui.store.plan_format import encode_plan
from tests.conftest import TODAY

# No deadline: a check is timed in make bench; a loaded CI machine must not fail a parse.
FUZZ = settings(max_examples=200, deadline=None)

# Strings that broke, or could break, a parser: overflow, nan, other digit scripts, year 0 and
# 10000, huge amounts of time, zero intervals, control characters, surrogates, RTL and emoji.
HOSTILE = [
    "1e309", "-1e309", "nan", "NaN", "inf", "-inf", "-0", "+0", "-0.0", "1e12", "1000000000001",
    "9" * 5000, "0" * 5000 + "3", "²", "³3", "١٢", "١٢٣٤", "１２", "1_000", "0x10", "12,50",
    "", "   ", "\x00", "\x1b[31m3", "3\x00", "\t\r\n", "\ud800", "\udfff3", "\u200f3",
    "0000-01-01", "0001-01-01", "9999-12-31", "9999-12-32", "10000-01-01", "2027-02-29",
    "2028-02-29", "٢٠٢٧-٠١-٠١", "2027-W01-1", "00/00/0000", "31/12/9999", "12/13/99",
    "Q9 2027", "Q0 2027", "Q4 9999", "q1 99999", "2027 q5", "in 99999999 months",
    "in 9999999999999999999999999 days", "in -3 weeks", "in 0 days", "in ٣ days",
    "in 10000 years", "December 9999", "31 december 9999", "end of year", "next year",
    "yesterday", "by.", "every 0 weeks", "every 99999999999999999999999 days", "every 11 years",
    "every ٣ weeks", "every other quarter, on the last day", "every monday, on the last day",
    "FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;INTERVAL=-1", "FREQ=DAILY;INTERVAL=99999999999999",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=DAILY;COUNT=3", "FREQ=DAILY;UNTIL=2027",
    "FREQ=DAILY;UNTIL=00000101", "FREQ=HOURLY", "FREQ=", "FREQ=DAILY;INTERVAL=٣",
    "FREQ=DAILY;INTERVAL=²", "FREQ=WEEKLY;BYDAY=XX", "FREQ=MONTHLY;BYSETPOS=0",
    "FREQ=WEEKLY;UNTIL=20270101T000000Z", "freq=weekly;byday=mo,fr", "مرحبا بالعالم",
    "שלום", "👩‍💻 🇺🇦", "e\u0301", "[bold]x[/]", "[/]", "~nosuchuser/x.md", "a" * 300,
    "a/" * 3000, "/dev/null", "/",
]
_UNITS = ["day", "days", "week", "weeks", "fortnight", "month", "months", "quarter", "quarters",
          "year", "years", "parsec", ""]
_AMOUNTS = (st.integers(-(10**30), 10**30).map(str)
            | st.sampled_from(["a", "one", "twelve", "other", "0", "-0", "00", "٣", "²"]))
_DATES = st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(0, 12000), st.integers(0, 13),
                   st.integers(0, 32))
_NUMERIC_DATES = st.builds("{}/{}/{}".format, st.integers(0, 40), st.integers(0, 40),
                           st.integers(0, 100000))
_QUARTERS = st.builds("Q{} {}".format, st.integers(-1, 12), st.integers(0, 100000))
_AHEAD = st.builds("in {} {}".format, _AMOUNTS, st.sampled_from(_UNITS))
_EVERY = st.builds("every {} {}".format, _AMOUNTS, st.sampled_from(_UNITS))
_RULE_PARTS = st.sampled_from([
    "INTERVAL=0", "INTERVAL=1", "INTERVAL=3", "INTERVAL=120", "INTERVAL=3661", "BYDAY=MO,FR",
    "BYDAY=5MO", "BYDAY=-1SU", "BYMONTHDAY=-1", "BYMONTHDAY=31", "BYMONTHDAY=0", "BYMONTH=2",
    "BYMONTH=13", "BYSETPOS=-1", "BYYEARDAY=366", "BYWEEKNO=53", "UNTIL=20270101",
    "UNTIL=99991231", "UNTIL=2027", "COUNT=2", "WKST=SU", "BYHOUR=25", "X-NAME=1",
])
_RAW_RULES = st.builds(
    lambda freq, parts: ";".join([f"FREQ={freq}", *parts]),
    st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "daily", ""]),
    st.lists(_RULE_PARTS, max_size=3),
)
_NUMBERS = (st.floats().map(repr) | st.floats().map("{:e}".format)
            | st.integers(-(10**40), 10**40).map(str) | st.decimals().map(str)
            | st.integers(0, 6000).map(lambda digits: "9" * digits))
# Any text at all, surrogates and control characters included, and the targeted families.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=60)
TEXTS = (ANY_TEXT | st.sampled_from(HOSTILE) | _NUMBERS | _DATES | _NUMERIC_DATES | _QUARTERS
         | _AHEAD | _EVERY | _RAW_RULES)


# What each value must be, and where the forms put it in a plan ---------------------------------

def _round_trips(plan: Plan) -> None:
    """The plan passes every rule of a stored plan and comes back equal from the file's bytes."""
    assert plan_problems(plan) == []
    assert decode(Plan, json.loads(encode_plan(encode(plan)))) == plan


def _text_kept(text: str, value: str) -> None:
    assert value and value == value.strip() and value in text
    _round_trips(Plan(needs=[Need(NeedKind.TRAINING, value)]))


def _number_kept(_: str, value: float | None) -> None:
    assert value is None or math.isfinite(value)
    _round_trips(Plan(goals=[Goal("Lead", measure=Measure("sprints", value, value))]))


def _amount_kept(_: str, value: float) -> None:
    assert 0 <= value <= AMOUNT_MAX and math.copysign(1, value) == 1
    plan = Plan(settings=Settings(yearly_budget=value), actions=[Action("Course", cost=value)])
    _round_trips(plan)


def _year_kept(_: str, value: int | None) -> None:
    assert value is None or 1950 <= value <= TODAY.year + 1
    _round_trips(Plan(assessments=[Assessment(TODAY, experiences=[
        Experience("Analyst", start_year=value, end_year=value)])]))


def _date_kept(_: str, value: date | None) -> None:
    if value is not None:
        describe_due(value, TODAY)
        _round_trips(Plan(actions=[Action("Course", due=value)]))


def _horizon_date_kept(horizon: int) -> Callable[[str, date | None], None]:
    def check(_: str, value: date | None) -> None:
        assert value is None or TODAY < value <= TODAY + relativedelta(years=horizon)
    return check


def _past_day_kept(_: str, value: date) -> None:
    assert value <= TODAY
    _round_trips(Plan(checkins=[CheckIn(value)]))


def _confidence_kept(_: str, value: int | None) -> None:
    _round_trips(Plan(checkins=[CheckIn(TODAY, confidence=value)]))


def _cadence_kept(_: str, value: int) -> None:
    assert CADENCE_MIN <= value <= CADENCE_MAX
    _round_trips(Plan(settings=Settings(review_cadence_months=value)))


def _level_kept(_: str, value: float) -> None:
    assert LEVEL_MIN <= value <= LEVEL_MAX and math.copysign(1, value) == 1
    assert parse_level(f"{value:g}") == value  # the level dialog shows it back the same
    _round_trips(Plan(assessments=[Assessment(TODAY, [SkillRating("2.A.1.a", "Reading", value)])]))


def _rule_kept(_: str, rule: str | None) -> None:
    if rule is None:
        return
    assert recurrence_rule(rule) == rule  # integrity reads it back in the stored form
    describe_recurrence(rule)
    for due in (TODAY, date(9999, 12, 1), date(1, 1, 31)):
        try:
            following = next_occurrence(rule, due, due)
        except Invalid as reason:
            pytest.fail(f"a rule the form saved cannot be repeated from {due}: {reason}")
        assert following is None or following > due
        tick(Action("Write", due=due, recurrence=rule), TODAY, ())
    _round_trips(Plan(actions=[Action("Write", due=TODAY, recurrence=rule)]))


def _nothing_more(_: str, __: Any) -> None:
    pass


VALIDATORS: dict[str, tuple[Callable[[str], Any], Callable[[str, Any], None]]] = {
    "required text": (lambda text: required_text(text, "The need"), _text_kept),
    "number": (lambda text: number(text, "The target"), _number_kept),
    "amount": (lambda text: amount(text, "The cost"), _amount_kept),
    "year": (lambda text: year(text, TODAY), _year_kept),
    "iso date": (iso_date, _date_kept),
    "export wins since": (required_date, _date_kept),
    **{f"horizon date {h}": (partial(horizon_date, horizon_years=h, today=TODAY),
                             _horizon_date_kept(h)) for h in HORIZONS},
    "due date": (lambda text: parse_due(text, TODAY), _date_kept),
    "past day": (lambda text: parse_past_day(text, TODAY, "A check-in"), _past_day_kept),
    "confidence": (parse_confidence, _confidence_kept),
    "cadence": (parse_cadence, _cadence_kept),
    "level": (parse_level, _level_kept),
    "repeat": (recurrence_rule, _rule_kept),
}


def _valid_or_refused(check: Callable[[str], Any], text: str) -> tuple[bool, Any]:
    """(True, value) or (False, None) after an Invalid with a message; any other error fails."""
    try:
        return True, check(text)
    except Invalid as reason:
        message = str(reason)
        assert message.strip(), f"refused {text!r} without saying why"
        return False, None


@pytest.mark.parametrize("name", VALIDATORS)
@FUZZ
@given(text=TEXTS)
def test_a_check_returns_a_value_the_plan_keeps_or_refuses_with_a_reason(name, text):
    check, kept = VALIDATORS[name]
    valid, value = _valid_or_refused(check, text)
    if valid:
        kept(text, value)


@pytest.mark.parametrize("name", VALIDATORS)
def test_every_hostile_string_is_read_or_refused(name):
    """The whole curated list, every run (the fuzz above samples it)."""
    check, kept = VALIDATORS[name]
    for text in HOSTILE:
        valid, value = _valid_or_refused(check, text)
        if valid:
            kept(text, value)


@pytest.mark.parametrize("text, reason", [
    ("1e309", "must be a number"), ("nan", "must be a number"), ("-1", "cannot be below 0"),
    ("1000000000001", "cannot be above 1,000,000,000,000"),
])
def test_money_is_finite_and_bounded(text, reason):
    with pytest.raises(Invalid, match=reason):
        amount(text, "The cost")


@pytest.mark.parametrize("check, text", [
    (lambda text: year(text, TODAY), "²"), (lambda text: year(text, TODAY), "9" * 5000),
    (parse_confidence, "³"), (parse_cadence, "0" * 5000 + "3"),
], ids=["year ²", "year of 5000 digits", "confidence ³", "cadence of 5001 digits"])
def test_digit_lookalikes_and_endless_digits_are_refused_not_crashed(check, text):
    with pytest.raises(Invalid):
        check(text)


@pytest.mark.parametrize("text, reason", [
    ("every 11 years", "at most ten years apart"),
    ("every 99999999999999999999999 days", "at most ten years apart"),
    ("FREQ=WEEKLY;INTERVAL=521", "at most 520"),
    ("FREQ=DAILY;INTERVAL=٣", "ASCII"),
    ("FREQ=DAILY;UNTIL=2027", "UNTIL=YYYYMMDD"),
])
def test_repeats_further_apart_than_ten_years_or_with_unclear_parts_are_refused(text, reason):
    with pytest.raises(Invalid, match=reason):
        recurrence_rule(text)


def test_other_digit_scripts_read_as_the_same_number():
    assert parse_confidence("٣") == 3 and parse_cadence("１２") == 12
    assert recurrence_rule("every ٣ weeks") == "FREQ=WEEKLY;INTERVAL=3"


@pytest.mark.parametrize("check", [
    lambda text: number(text, "The target"), lambda text: amount(text, "The cost"), parse_level,
])
def test_minus_zero_is_stored_as_zero(check):
    assert math.copysign(1, check("-0")) == 1


# The file fields of the share dialogs ------------------------------------------------------------

@FUZZ
@given(text=TEXTS)
def test_the_export_file_field_names_a_writable_place_or_says_why_not(tmp_path_factory, text):
    folder = tmp_path_factory.getbasetemp() / "exports"
    folder.mkdir(exist_ok=True)
    valid, path = _valid_or_refused(partial(output_path, folder=folder), text)
    if valid:
        assert isinstance(path, Path) and path.parent.is_dir() and not path.is_dir()
        str(path).encode("utf-8")


@FUZZ
@given(text=TEXTS)
def test_the_import_file_field_reads_a_plan_or_says_why_not(tmp_path_factory, text):
    folder = tmp_path_factory.getbasetemp() / "imports"
    folder.mkdir(exist_ok=True)
    valid, plan = _valid_or_refused(partial(checked_export, folder=folder), text)
    assert not valid  # the folder holds no export


# What a field keeps of pasted text ----------------------------------------------------------------

@settings(max_examples=300, deadline=timedelta(seconds=2))
@given(text=ANY_TEXT | st.sampled_from(HOSTILE), multiline=st.booleans())
def test_a_field_keeps_all_but_the_characters_a_terminal_cannot_show(text, multiline):
    kept, removed = without_controls(text, multiline=multiline)
    kept.encode("utf-8")  # raises on a lone surrogate left behind
    assert not any(_is_control(char) for char in kept.replace("\t", "").replace("\n", ""))
    assert ("\n" in kept) <= multiline and "\r" not in kept
    assert without_controls(kept, multiline=multiline) == (kept, [])
    # Each piece taken out starts with a control character: a lone one or a whole sequence.
    assert all(_is_control(piece[0]) for piece in removed)
    assert all(len(piece) == 1 or piece[0] == "\x1b" for piece in removed)
    if removed:
        sequences = sum(len(piece) > 1 for piece in removed)
        counted = f"{sequences} terminal escape sequence" if sequences else f"{len(removed)}"
        assert removed_note(removed).startswith(f"Removed {counted}")
    if text.isprintable():
        assert (kept, removed) == (text, [])


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs")


@pytest.mark.parametrize("text, multiline, kept", [
    ("a\r\nb\rc\nd", True, "a\nb\nc\nd"),
    ("a\r\nb\rc\nd", False, "a b c d"),
    ("tab\tstays", False, "tab\tstays"),
    ("\x1b[31mred\x00", False, "red"),
    ("\x1b]2;title\x07name", False, "name"),
    ("a\x9b31mb", False, "a31mb"),
    ("👩‍💻 مرحبا e\u0301 [bold]x[/]", False, "👩‍💻 مرحبا e\u0301 [bold]x[/]"),
])
def test_line_breaks_are_unified_and_escapes_removed(text, multiline, kept):
    assert without_controls(text, multiline=multiline)[0] == kept
