"""The check-ins of step 5, newest first, keyed by check-in id; a/e/d act on them."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from careertui.model.plan import CheckIn
from careertui.model.checkin import CHECKIN_SHORT_LABELS, confidence_label
from careertui.widgets.tables import cursor_kept, selected_key

NOTES_WIDTH = 24


class CheckInTable(DataTable):
    """Date, kind, confidence and the first line of the notes."""

    BINDINGS = [
        Binding("a", "screen.add_checkin", "Add check-in"),
        Binding("e", "screen.edit_checkin", "Edit"),
        Binding("enter", "screen.edit_checkin", "Edit", show=False),
        Binding("d", "screen.delete_checkin", "Delete"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._checkins: dict[str, CheckIn] = {}

    def on_mount(self) -> None:
        self.add_column("Date", key="on")
        self.add_column("Kind", key="kind")
        self.add_column("Conf.", key="confidence")
        self.add_column("Notes", key="notes", width=NOTES_WIDTH)

    def show(self, checkins: list[CheckIn]) -> None:
        newest_first = sorted(checkins, key=lambda c: c.on, reverse=True)
        self._checkins = {checkin.id: checkin for checkin in newest_first}
        with cursor_kept(self):
            self.clear()
            for checkin in newest_first:
                notes = (checkin.notes.strip().splitlines() or [""])[0]
                self.add_row(
                    str(checkin.on),
                    CHECKIN_SHORT_LABELS[checkin.kind],
                    confidence_label(checkin.confidence),
                    Text(notes, overflow="ellipsis", no_wrap=True),
                    key=checkin.id,
                )

    @property
    def selected(self) -> CheckIn | None:
        key = selected_key(self)
        return None if key is None else self._checkins.get(key)
