"""The level field (0 to 7 in half steps), the dialog that types one level, and the keys of a
list that rates levels, for any step."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from careertui.model.assessment import parse_level
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import Field

LEVEL_HINT = "0 to 7 in half steps, e.g. 3.5 (empty is 0)"


def rating_bindings(on: str = "", typed: bool = True) -> list[BindingType]:
    """←/→ (or -/+) lower and raise your level by half a step, and e or enter types it (when
    `typed`), as the actions rate(steps) and type_level of `on` ("screen." or the list)."""
    keys: list[BindingType] = [
        Binding("left,minus", f"{on}rate(-1)", "Lower my level"),
        Binding("right,plus,equals_sign", f"{on}rate(1)", "Raise my level"),
    ]
    return keys + ([Binding("e,enter", f"{on}type_level", "Type my level")] if typed else [])


def level_field(level: float | None) -> Field:
    """"Your level", holding `level` (empty for none), checked by parse_level."""
    return Field("Your level", "" if level is None else f"{level:g}", check=parse_level,
                 placeholder=LEVEL_HINT, id="level")


def level_dialog(name: str, level: float | None) -> FormDialog:
    """Type your level in the skill or knowledge area `name` directly."""
    return FormDialog(f"Your level in {name}", [level_field(level)])
