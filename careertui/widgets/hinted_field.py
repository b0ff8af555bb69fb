"""A Field that shows what typed words resolve to as you type: "next friday" -> its date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from careertui.model.actions import describe_recurrence, recurrence_rule
from careertui.model.dates import describe_due, parse_due
from careertui.widgets.forms import Check, Field

DUE_EXAMPLES = "e.g. 2027-03-31, march 3, next friday, in 2 weeks, end of Q3, 2028"
REPEAT_EXAMPLES = "empty for once; e.g. weekly, every weekday, first monday of every month"


class HintedField(Field):
    """A Field with a hint line under the input: `describe(value)` for a valid, non-empty value.

    While the text is refused, the hint hides and the Field's error line says why.
    """

    DEFAULT_CSS = """
    HintedField > .field-hint { color: $success; height: auto; }
    HintedField.-invalid > .field-hint { display: none; }
    """

    def __init__(
        self,
        label: str,
        value: str = "",
        *,
        check: Check,
        describe: Callable[[Any], str],
        empty_hint: str = "",
        placeholder: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(label, value, check=check, placeholder=placeholder, id=id,
                         classes=classes)
        self._describe = describe
        self._empty_hint = empty_hint

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Static("", classes="field-hint", markup=False)

    def on_mount(self) -> None:
        self.validate()

    @property
    def hint(self) -> str:
        """The hint line as shown now (empty while the text is refused)."""
        return str(self.query_one(".field-hint", Static).render())

    def set_text(self, text: str) -> None:
        super().set_text(text)
        self.validate()

    def validate(self) -> tuple[bool, Any]:
        valid, value = super().validate()
        hint = self._empty_hint if value is None else self._describe(value)
        self.query_one(".field-hint", Static).update(f"→ {hint}" if valid and hint else "")
        return valid, value


def due_field(label: str, due: date | None, today: date, *, id: str,
              check: Check | None = None, placeholder: str = DUE_EXAMPLES,
              classes: str | None = None) -> HintedField:
    """A due date typed in plain words, with the resolved date shown under it as you type.

    `check` reads the text (parse_due by default; a stricter check builds on it)."""
    return HintedField(
        label,
        due.isoformat() if due else "",
        check=check or (lambda text: parse_due(text, today)),
        describe=lambda day: describe_due(day, today),
        empty_hint="no date",
        placeholder=placeholder,
        id=id,
        classes=classes,
    )


def recurrence_field(label: str, rule: str | None, *, id: str) -> HintedField:
    """A repeat rule typed in plain words ("monthly"), stored as an RRULE, described under it."""
    return HintedField(
        label,
        recurrence_text(rule),
        check=recurrence_rule,
        describe=describe_recurrence,
        empty_hint="does not repeat",
        placeholder=REPEAT_EXAMPLES,
        id=id,
    )


def recurrence_text(rule: str | None) -> str:
    """The words to show for a stored rule: its description when it reads back the same."""
    if not rule:
        return ""
    words = describe_recurrence(rule)
    try:
        return words if recurrence_rule(words) == rule else rule
    except ValueError:
        return rule
