"""Several form fields side by side that a FormDialog treats as one field with one value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal

from careertui.widgets.forms import ChoiceField, Field


class FieldRow(Horizontal):
    """Fields in a row; `validate()` gives `combine({field id: value})` when all are valid.

    It has FormDialog's field interface (`validate`, `focus_input`, an id), so a dialog
    returns the combined value under the row's id and focuses the first refused field.
    """

    DEFAULT_CSS = """
    FieldRow { height: auto; }
    FieldRow > * { width: 1fr; margin-right: 1; }
    FieldRow > *:last-child { margin-right: 0; }
    """

    def __init__(
        self,
        fields: list[Field | ChoiceField],
        combine: Callable[[dict[str, Any]], Any] = dict,
        *,
        id: str,
    ) -> None:
        super().__init__(id=id)
        self._fields = fields
        self._combine = combine
        self._refused: Field | ChoiceField | None = None

    def compose(self) -> ComposeResult:
        yield from self._fields

    def focus_input(self) -> None:
        (self._refused or self._fields[0]).focus_input()

    def validate(self) -> tuple[bool, Any]:
        values, self._refused = {}, None
        for field in self._fields:
            valid, value = field.validate()
            if not valid:
                self._refused = self._refused or field
            values[field.id] = value
        if self._refused is not None:
            return False, None
        return True, self._combine(values)
