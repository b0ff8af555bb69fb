"""Pure checks for what people type: each returns the cleaned value or raises Invalid with why."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from dateutil.relativedelta import relativedelta

from careertui.model.labels import counted

LEVEL_MIN, LEVEL_MAX, LEVEL_STEP = 0.0, 7.0, 0.5
# The longest text a field keeps: a title or a name (one line), notes (a page or two), a path.
LINE_MAX = 200
NOTES_MAX = 10_000
PATH_MAX = 4096
# Far above any real cost or budget, low enough that sums over a plan stay finite.
AMOUNT_MAX = 1e12
# Longest digit string read as a whole number: int() refuses beyond 4300 digits.
_MAX_DIGITS = 20
_LINE_BREAKS = "\r\n\u2028\u2029"
_LINE_BREAK = re.compile(f"\r\n|[{_LINE_BREAKS}]")
# Control characters (Unicode category Cc) but tab and newline, and lone surrogates (Cs).
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff"
_UNSHOWABLE = re.compile(f"[{_CONTROLS}]")
# Any character without_controls may change: one quick search clears most text.
_CHANGEABLE = re.compile(f"[{_CONTROLS}{_LINE_BREAKS}]")
# A terminal escape sequence goes whole, its text with it (ESC alone would leave "]2;title"):
# CSI (ESC [) to its final byte; OSC, DCS, SOS, PM and APC to BEL, ST or the end of the line;
# any other ESC with its intermediate and final bytes. A C1 control alone (U+009B, common in
# text decoded with the wrong code page) loses only itself.
_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)?"
    r"|\x1b[ -/]*[0-~]?"
)
# A sequence, or one character that cannot be shown: taken out in one pass, in order.
_TAKEN_OUT = re.compile(f"{_SEQUENCE.pattern}|[{_CONTROLS}]")
_SHOWN_CODES = 4


class Invalid(ValueError):
    """Input that cannot be saved; str() is the message to show beside the field."""


def required_text(text: str, what: str) -> str:
    """Trimmed text, refusing an empty value: `required_text("", "The skill")`."""
    cleaned = text.strip()
    if not cleaned:
        raise Invalid(f"{what} cannot be empty.")
    return cleaned


def within_length(text: str, limit: int) -> str:
    """`text` when it is at most `limit` characters long, else Invalid saying by how much."""
    if len(text) > limit:
        raise Invalid(f"Too long: {len(text):,} characters, and at most {limit:,} fit here "
                      f"({len(text) - limit:,} too many).")
    return text


def without_controls(text: str, *, multiline: bool) -> tuple[str, list[str]]:
    """`text` as a form keeps it, and the characters taken out.

    Line breaks become "\\n" (a space in a one-line field); control characters other than tab,
    and lone surrogates, are removed: a terminal would act on them (ESC starts an escape
    sequence, removed whole), and a lone surrogate has no UTF-8 form for a report or calendar
    file. What was taken out is listed in order: a whole sequence as one item.
    """
    if _CHANGEABLE.search(text) is None:
        return text, []
    removed: list[str] = []

    def take_out(match: re.Match[str]) -> str:
        removed.append(match[0])
        return ""

    text = _LINE_BREAK.sub("\n" if multiline else " ", text)
    return _TAKEN_OUT.sub(take_out, text), removed


def escape_controls(text: str) -> str:
    """`text` with each character without_controls would remove written as a \\u escape
    ("\\u001b"): for a message that quotes a file, and for JSON, which reads it back."""
    return _UNSHOWABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def removed_note(removed: Sequence[str]) -> str:
    """ "Removed 2 characters that cannot be shown (U+001B, U+0000)." for what without_controls
    took out; "Removed 1 terminal escape sequence and 1 character that cannot be shown (U+0000,
    U+001B)." when there were sequences."""
    controls = [char for item in removed for char in item if _UNSHOWABLE.match(char)]
    codes = list(dict.fromkeys(f"U+{ord(char):04X}" for char in controls))
    listed = ", ".join(codes[:_SHOWN_CODES]) + (", …" if len(codes) > _SHOWN_CODES else "")
    sequences = sum(len(item) > 1 for item in removed)
    characters = len(removed) - sequences
    parts = [counted(sequences, "terminal escape sequence")] if sequences else []
    if characters or not sequences:
        parts.append(counted(characters, "character") + " that cannot be shown")
    return f"Removed {' and '.join(parts)} ({listed})."


def whole_number(text: str, low: int, high: int) -> int | None:
    """The whole number from `low` to `high` that `text` spells in digits, else None."""
    if not text.isdecimal() or len(text) > _MAX_DIGITS:
        return None  # isdigit() would let "²" through to int()
    value = int(text)
    return value if low <= value <= high else None


def clamp_level(level: float) -> float:
    """A level kept on the O*NET 0-7 scale, rounded to the nearest half step."""
    stepped = round(level / LEVEL_STEP) * LEVEL_STEP
    return min(LEVEL_MAX, max(LEVEL_MIN, stepped))


def iso_date(text: str) -> date | None:
    """A YYYY-MM-DD date, or None for an empty field."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise Invalid(
            f"{cleaned!r} is not a date; type it as YYYY-MM-DD, e.g. 2027-06-30.") from None


def horizon_date(text: str, horizon_years: int, today: date) -> date | None:
    """A YYYY-MM-DD target date for a 1/3/5-year goal (see within_horizon)."""
    return within_horizon(iso_date(text), horizon_years, today)


def within_horizon(target: date | None, horizon_years: int, today: date) -> date | None:
    """`target` when it is after today and at most `horizon_years` ahead (None stays None)."""
    if target is None:
        return None
    latest = today + relativedelta(years=horizon_years)
    if target <= today:
        raise Invalid(f"{target} is not in the future; a goal's target date must be after today.")
    if target > latest:
        years = f"{horizon_years} year{'s' if horizon_years > 1 else ''}"
        raise Invalid(f"{target} is more than {years} away; pick a date up to {latest}.")
    return target


def year(text: str, today: date) -> int | None:
    """A calendar year between 1950 and next year, or None for an empty field."""
    cleaned = text.strip()
    if not cleaned:
        return None
    value = whole_number(cleaned, 1950, today.year + 1)
    if value is None:
        raise Invalid(f"{cleaned!r} is not a year between 1950 and {today.year + 1}.")
    return value


def number(text: str, what: str, *, minimum: float | None = None,
           maximum: float | None = None) -> float | None:
    """A typed number ("12.5"), None when empty; a decimal comma or a word is refused."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        if "," in cleaned:
            raise Invalid(f"{cleaned!r}: use a point for decimals (12.50) and "
                          "no thousands separator.") from None
        raise Invalid(f"{what} must be a number, e.g. 12.50; {cleaned!r} is not one.") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise Invalid(f"{what} must be a number, e.g. 12.50; {cleaned!r} is not one.")
    if minimum is not None and value < minimum:
        raise Invalid(f"{what} cannot be below {minimum:g}.")
    if maximum is not None and value > maximum:
        raise Invalid(f"{what} cannot be above {maximum:,.0f}.")
    return value + 0.0  # -0.0 becomes 0.0


def amount(text: str, what: str) -> float:
    """Money: a number from 0 to AMOUNT_MAX; an empty field is 0."""
    return number(text, what, minimum=0, maximum=AMOUNT_MAX) or 0.0
