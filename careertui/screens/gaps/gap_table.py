"""The gap table of step 3: each area the target role is rated on, against your own level."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType

from careertui.model.gaps import Gap, shown_level
from careertui.widgets.level_dialog import rating_bindings
from careertui.widgets.record_table import Column, RecordTable

# The longest O*NET skill or knowledge name, "S Management of Financial Resources", fits.
AREA_NAME_MAX = 36


class GapTable(RecordTable[Gap]):
    """Area, your level, the needed level, the gap, its importance and priority; ←/→ (or -/+)
    rate yourself on the selected area."""

    COLUMNS = (
        Column("area", "Area", 22, grows_to=AREA_NAME_MAX),
        Column("You", "You", 3),
        Column("Needed", "Needed", 6),
        Column("Gap", "Gap", 4),
        Column("Imp.", "Imp.", 4),
        Column("Priority", "Priority", 8),
    )
    KEY_FIELD = "key"
    BINDINGS = rating_bindings("screen.", typed=False)

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
