"""Several form fields side by side that a FormDialog treats as one field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal

from careertui.widgets.forms import ChoiceField, Field


class FieldRow(Horizontal):
    """Fields in a row, with FormDialog's field interface (`validate`, `focus_input`, an id).

    With `combine`, the row is one value, `combine({field id: value})` (a Measure, say), which
    the dialog returns under the row's id. Without it the row only lays fields out: the dialog
    returns each field's value under the field's own id. The first refused field takes the focus.
    """

    DEFAULT_CSS = """
    FieldRow { height: auto; }
    FieldRow > * { width: 1fr; margin-right: 1; }
    FieldRow > *:last-child { margin-right: 0; }
    """

    def __init__(
        self,
        fields: list[Field | ChoiceField],
        combine: Callable[..., Any] | None = None,
        *,
        id: str,
    ) -> None:
        super().__init__(id=id)
        self._fields = fields
        self._combine = combine
        self._refused: Field | ChoiceField | None = None

    @property
    def fields(self) -> list[Field | ChoiceField]:
        return list(self._fields)

    @property
    def merged(self) -> bool:
        """True when the fields' values stand in the dialog's values one by one."""
        return self._combine is None

    def compose(self) -> ComposeResult:
        yield from self._fields

    def focus_input(self) -> None:
        (self._refused or self._fields[0]).focus_input()

    def validate(self) -> tuple[bool, Any]:
        """(True, {field id: value}, or the combined value) when every field is valid."""
        values: dict[str, Any] = {}
        self._refused = None
        for field in self._fields:
            valid, value = field.validate()
            if not valid:
                self._refused = self._refused or field
            values[field.id or ""] = value
        if self._refused is not None:
            return False, None
        return True, values if self._combine is None else self._combine(**values)
