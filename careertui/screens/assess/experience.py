"""The list of past work experiences of the self-assessment, with its add/edit/delete keys."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from careertui.model.assessment import years_label
from careertui.model.plan import Experience
from careertui.widgets.record_table import Column, RecordTable


class ExperienceTable(RecordTable[Experience]):
    """One row per experience, in the order given; the screen acts on the keys bound here."""

    COLUMNS = (
        Column("role", "Role", 20, grows_to=40),
        Column("organisation", "Organisation", 16, grows_to=36),
        Column("years", "Years", 9),
        Column("highlights", "Highlights", 30, grows_to=120),
    )
    KEY_FIELD = None  # experiences have no id: a row is its record
    BINDINGS = [
        Binding("a", "screen.add_experience", "Add experience"),
        Binding("e,enter", "screen.edit_experience", "Edit experience"),
        Binding("d", "screen.delete_experience", "Delete experience"),
    ]

    def cells(self, record: Experience) -> Sequence[RenderableType]:
        return (Text(record.role), Text(record.organisation), years_label(record),
                Text(record.highlights.replace("\n", " ")))
