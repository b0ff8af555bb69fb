"""The level field (0 to 7 in half steps) and the dialog that types one level, for any step."""

from __future__ import annotations

from careertui.model.assessment import parse_level
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import Field

LEVEL_HINT = "0 to 7 in half steps, e.g. 3.5 (empty is 0)"


def level_field(level: float | None) -> Field:
    """"Your level", holding `level` (empty for none), checked by parse_level."""
    return Field("Your level", "" if level is None else f"{level:g}", check=parse_level,
                 placeholder=LEVEL_HINT, id="level")


def level_dialog(name: str, level: float | None) -> FormDialog:
    """Type your level in the skill or knowledge area `name` directly."""
    return FormDialog(f"Your level in {name}", [level_field(level)])
