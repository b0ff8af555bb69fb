"""The plan's currency and amounts typed with it: "$1,500" works in a dollar plan."""

from __future__ import annotations

import pytest

from careertui.model.labels import money
from careertui.model.money import currency_symbol, typed_amount
from careertui.model.validation import Invalid


@pytest.mark.parametrize("typed, symbol", [
    ("EUR", "€"), ("usd", "$"), (" GBP ", "£"), ("$", "$"), ("€", "€"), ("CHF", "CHF "),
    ("INR", "₹"), ("Fr", "Fr "), ("R$", "R$"), ("kr", "kr "),
])
def test_a_currency_is_chosen_by_code_or_symbol(typed, symbol):
    assert currency_symbol(typed) == symbol


@pytest.mark.parametrize("typed", ["", "dollars and cents", "12", "US$5"])
def test_what_is_no_currency_is_refused_with_what_to_type(typed):
    with pytest.raises(Invalid, match="Type its code"):
        currency_symbol(typed)


@pytest.mark.parametrize("typed, currency, value", [
    ("1500", "$", 1500.0), ("$1,500", "$", 1500.0), ("$ 1,500.50", "$", 1500.5),
    ("1500 USD", "$", 1500.0), ("1,234,567", "€", 1234567.0), ("€450", "€", 450.0),
    ("CHF 80", "CHF ", 80.0), ("80 chf", "CHF ", 80.0), ("", "$", 0.0), (".5", "£", 0.5),
])
def test_an_amount_is_read_with_the_plans_currency(typed, currency, value):
    assert typed_amount(typed, "The cost", currency) == value


@pytest.mark.parametrize("typed, currency, words", [
    ("$1,500", "€", "in € (EUR), the plan's currency"),
    ("1500 GBP", "$", "in $ (USD)"),
    ("lots", "$", "number"),
    ("-$5", "$", "below 0"),
])
def test_an_amount_in_another_currency_or_no_number_says_why(typed, currency, words):
    with pytest.raises(Invalid, match=words.replace("$", r"\$").replace("(", r"\(")
                       .replace(")", r"\)")):
        typed_amount(typed, "The cost", currency)


def test_an_amount_is_shown_with_the_chosen_symbol():
    assert money(1500, currency_symbol("USD")) == "$1,500"
    assert money(80, currency_symbol("CHF")) == "CHF 80"


@pytest.mark.parametrize("typed, currency, other", [
    ("R 500", "€", True), ("500 ZAR", "€", True), ("R$500", "€", True), ("CN¥500", "¥", True),
    ("500 usd", "€", True), ("R$500", "R ", True),
    # A one-letter symbol inside a word, or a symbol inside the text, is no other currency.
    ("Rs 500", "€", False), ("Rs 500", "R ", False), ("about $500 or so", "€", False),
    ("500 Rupees", "€", False), ("R", "€", False), ("$", "€", False),
])
def test_another_currency_is_only_a_mark_before_or_after_the_number(typed, currency, other):
    with pytest.raises(Invalid) as refused:
        typed_amount(typed, "The cost", currency)
    assert ("the plan's currency" in str(refused.value)) is other
