"""Pure input checks: numbers and money typed into forms, and how long a text may be."""

from __future__ import annotations

import pytest

from careertui.model.validation import LINE_MAX, NOTES_MAX, Invalid, amount, number, within_length


@pytest.mark.parametrize("text, value", [("12.5", 12.5), (" 3 ", 3.0), ("", None), ("-2", -2.0)])
def test_number_reads_plain_numbers(text, value):
    assert number(text, "The cost") == value


@pytest.mark.parametrize("text, reason", [
    ("12,50", "use a point for decimals"),
    ("abc", "The cost must be a number"),
    ("nan", "The cost must be a number"),
    ("inf", "The cost must be a number"),
])
def test_number_refuses_what_is_not_a_plain_number(text, reason):
    with pytest.raises(Invalid, match=reason):
        number(text, "The cost")


def test_amount_is_zero_when_empty_and_never_negative():
    assert amount("", "The cost") == 0.0
    assert amount("250", "The cost") == 250.0
    with pytest.raises(Invalid, match="cannot be below 0"):
        amount("-1", "The cost")


@pytest.mark.parametrize("length, limit", [(0, 200), (200, 200), (10_000, 10_000)])
def test_within_length_keeps_text_up_to_its_limit(length, limit):
    assert within_length("x" * length, limit) == "x" * length


def test_within_length_refuses_longer_text_saying_by_how_much():
    with pytest.raises(Invalid, match=r"^Too long: 5,000 characters, and at most 200 fit here "
                                      r"\(4,800 too many\)\.$"):
        within_length("x" * 5000, LINE_MAX)
    assert (LINE_MAX, NOTES_MAX) == (200, 10_000)
