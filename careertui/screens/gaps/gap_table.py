"""The gap table of step 3: each area the target role is rated on, against your own level."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from textual.binding import Binding

from careertui.model.gaps import Gap, shown_level
from careertui.widgets.record_table import Column, RecordTable

# The columns whose cells change when you rate yourself.
RATED_COLUMNS = ("You", "Gap", "Priority")


class GapTable(RecordTable[Gap]):
    """Area, your level, the needed level, the gap, its importance and priority; ←/→ (or -/+)
    rate yourself on the selected area."""

    COLUMNS = (
        Column("area", "Area", 26),
        Column("You", "You"),
        Column("Needed", "Needed"),
        Column("Gap", "Gap"),
        Column("Imp.", "Imp."),
        Column("Priority", "Priority"),
    )
    KEY_FIELD = "key"
    BINDINGS = [
        Binding("left,minus", "screen.rate(-1)", "Lower my level"),
        Binding("right,plus,equals_sign", "screen.rate(1)", "Raise my level"),
    ]

    def cells(self, record: Gap) -> Sequence[RenderableType]:
        marker = "K" if record.domain == "knowledge" else "S"
        # "≈": O*NET recommends not relying on this rating (too few answers agreed on it).
        rough = "≈" if record.low_precision else ""
        return (
            f"{marker} {record.name}",
            shown_level(record.current) if record.rated else "0 ?",
            f"{rough}{shown_level(record.required)}",
            f"{record.gap:+.1f}",
            f"{rough}{shown_level(record.importance)}",
            f"{record.priority:.1f}",
        )
