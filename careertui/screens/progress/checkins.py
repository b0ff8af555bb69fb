"""The check-ins of step 5, newest first: a add, e edit, d delete (the screen saves them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from careertui.model.checkin import CHECKIN_SHORT_LABELS, confidence_label
from careertui.model.dates import ShowDate
from careertui.model.plan import CheckIn
from careertui.screens.progress.dialogs import checkin_dialog
from careertui.screens.progress.tag_keys import TAG_BINDINGS
from careertui.widgets.record_table import Column, RecordTable

NOTES_WIDTH, NOTES_WIDEST = 24, 100  # the first line of the notes


class CheckInTable(RecordTable[CheckIn]):
    """Date, kind, confidence and the first line of the notes; posts Save and Delete."""

    COLUMNS = (
        Column("on", "Date", 10),
        Column("kind", "Kind", max(map(len, CHECKIN_SHORT_LABELS.values()))),
        Column("confidence", "Conf.", 5),
        Column("notes", "Notes", NOTES_WIDTH, grows_to=NOTES_WIDEST),
    )
    BINDINGS = [
        Binding("a", "add", "Add check-in"),
        Binding("e", "edit", "Edit"),
        Binding("enter", "edit", "Edit", show=False),
        Binding("d", "delete", "Delete"),
        *TAG_BINDINGS,
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = date.today()  # the screen's day, for the dialog's defaults and checks
        self.show_date: ShowDate = date.isoformat

    def show_checkins(self, checkins: list[CheckIn], today: date,
                      show_date: ShowDate = date.isoformat) -> None:
        """Show `checkins`, newest first, dated as `show_date` writes dates."""
        self.today, self.show_date = today, show_date
        self.show(sorted(checkins, key=lambda checkin: checkin.on, reverse=True))

    def cells(self, record: CheckIn) -> Sequence[RenderableType]:
        notes = (record.notes.strip().splitlines() or [""])[0]
        return (self.show_date(record.on), CHECKIN_SHORT_LABELS[record.kind],
                confidence_label(record.confidence),
                Text(notes))

    def action_add(self) -> None:
        self.ask_to_save(checkin_dialog(self.today), lambda values: CheckIn(**values),
                         is_new=True)

    def action_edit(self) -> None:
        checkin = self.selected
        if checkin is None:
            self.notify("No check-in yet: press a to add one.", severity="warning")
            return
        self.ask_to_save(checkin_dialog(self.today, checkin),
                         lambda values: replace(checkin, **values), is_new=False)

    def action_delete(self) -> None:
        checkin = self.selected
        if checkin is not None:
            self.ask_to_delete(checkin, f"Delete the check-in of {checkin.on}?")
