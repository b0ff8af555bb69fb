"""Step 1 of the review: re-rate the areas the goals work on; nothing is saved until the end."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text

from careertui.model.gaps import shown_level
from careertui.model.review_pages import AreaToRate
from careertui.model.validation import LEVEL_MIN, LEVEL_STEP, clamp_level
from careertui.widgets.form_dialog import unless_cancelled
from careertui.widgets.level_dialog import level_dialog, rating_bindings
from careertui.widgets.record_table import Column, RecordTable


class ReviewRatings(RecordTable[AreaToRate]):
    """The areas the active goals are linked to and your level now; ←/→ or e re-rate one."""

    COLUMNS = (
        Column("area", "Area your goals work on", 24, grows_to=40),
        Column("level", "Your level", 10),
        Column("was", "Before", 9),
    )
    KEY_FIELD = "key"
    BINDINGS = rating_bindings()

    def __init__(self, areas: Sequence[AreaToRate], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._before = {area.key: area.level for area in areas}
        self.show(areas)

    def cells(self, record: AreaToRate) -> Sequence[RenderableType]:
        before = self._before.get(record.key)
        return (Text(record.name), _level_cell(record.level), _level_cell(before))

    @property
    def changed_levels(self) -> dict[str, float]:
        """Area key -> the level given in the review, for the areas whose level changed."""
        return {area.key: area.level for area in self.records
                if area.level is not None and area.level != self._before.get(area.key)}

    def _set(self, area: AreaToRate, level: float) -> None:
        area.level = clamp_level(level)
        self.redraw(area)

    def action_rate(self, steps: int) -> None:
        if (area := self.selected) is not None:
            self._set(area, (area.level or LEVEL_MIN) + steps * LEVEL_STEP)

    def action_type_level(self) -> None:
        if (area := self.selected) is not None:
            self.app.push_screen(level_dialog(area.name, area.level), unless_cancelled(
                lambda values: self._set(area, values["level"])))


def _level_cell(level: float | None) -> Text:
    return Text(shown_level(level)) if level is not None else Text("not rated", "dim")
