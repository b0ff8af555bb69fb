"""Pure input checks: numbers and money typed into forms."""

from __future__ import annotations

import pytest

from careertui.model.validation import Invalid, amount, number


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
