"""The plan's currency: chosen by ISO code or symbol, and amounts typed with it ("$1,500")."""

from __future__ import annotations

import re

from careertui.model.validation import Invalid, amount

# ISO 4217 code -> the symbol amounts are shown with (a code where symbols clash: kr, ¥).
CURRENCIES: dict[str, str] = {
    "EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "INR": "₹", "CHF": "CHF ",
    "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "SEK": "SEK ", "NOK": "NOK ", "DKK": "DKK ",
    "PLN": "zł ", "CZK": "Kč ", "BRL": "R$", "MXN": "MX$", "ZAR": "R ", "KRW": "₩", "SGD": "S$",
    "HKD": "HK$", "TRY": "₺", "ILS": "₪", "NGN": "₦", "KES": "KSh ", "PHP": "₱", "THB": "฿",
}
_BY_SYMBOL = {symbol.strip(): code for code, symbol in CURRENCIES.items()}
SYMBOL_MAX = 4
# Digits grouped by commas ("1,500,000") or not, with an optional decimal point.
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")


def currency_symbol(text: str) -> str:
    """The symbol to show amounts with, from an ISO code ("usd") or a symbol ("$", "CHF");
    Invalid for anything else."""
    typed = text.strip()
    code = typed.upper()
    if code in CURRENCIES:
        return CURRENCIES[code]
    if typed in _BY_SYMBOL:
        return CURRENCIES[_BY_SYMBOL[typed]]
    if typed and len(typed) <= SYMBOL_MAX and not any(char.isdigit() for char in typed):
        return typed if len(typed) == 1 else f"{typed} "  # a symbol of your own: "Fr", "Rs"
    raise Invalid(f"“{typed[:20]}” is not a currency. Type its code (EUR, USD, GBP, INR…) or "
                  f"a symbol of at most {SYMBOL_MAX} characters.")


def currency_code(symbol: str) -> str:
    """The ISO code of a symbol from CURRENCIES (the symbol itself when it is one's own)."""
    return _BY_SYMBOL.get(symbol.strip(), symbol.strip())


def typed_amount(text: str, what: str, currency: str) -> float:
    """Money as people type it: "1500", "1,500", "$1,500.50" or "1500 USD" when the plan's
    currency is `currency` (a symbol); an empty field is 0. Invalid names what is wrong."""
    shown = text.strip()
    sign = "-" if shown.startswith("-") else ""  # "-$5": refused by amount as below 0
    typed = number = shown.removeprefix(sign)
    for mark in {currency.strip(), currency_code(currency)} - {""}:
        number = _without(number, mark).strip()
    if _GROUPED.fullmatch(number):
        return amount(sign + number.replace(",", ""), what)
    # Only a whole mark before or after the number: "R" (ZAR) is no mark in "Rs 500".
    other = next((code for symbol, code in _BY_SYMBOL.items()
                  if _marked(typed, symbol) or _marked(typed, code)), None)
    if other is not None and other != currency_code(currency):
        raise Invalid(f"{what} is in {currency.strip()} ({currency_code(currency)}), the plan's "
                      "currency: type the number, or change the currency in the budget "
                      "(step 4, key b).")
    return amount(number, what)  # says what is wrong with it


def _without(text: str, mark: str) -> str:
    """`text` without `mark` at its start or end ("$1,500", "1500 USD")."""
    if text.upper().startswith(mark.upper()):
        return text[len(mark):]
    if text.upper().endswith(mark.upper()):
        return text[: -len(mark)]
    return text


def _marked(text: str, mark: str) -> bool:
    """True when `text` is a number with `mark` before or after it ("R 500", "500 ZAR")."""
    rest = _without(text, mark)
    return rest != text and _GROUPED.fullmatch(rest.strip()) is not None
