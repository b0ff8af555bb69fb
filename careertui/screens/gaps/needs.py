"""The needs list of the Gaps step and the dialog that adds or edits a need."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from careertui.model.gaps import Gap
from careertui.model.plan import Need, NeedKind
from careertui.model.validation import NOTES_MAX, required_text
from careertui.screens.gaps.gap_table import AREA_NAME_MAX
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import ChoiceField, Field
from careertui.widgets.record_table import Column, RecordTable


class NeedsTable(RecordTable[Need]):
    """Needs with their kind and the gap they close; rows are keyed by need id. Edit and delete
    are its own keys: they act on the need under its cursor only while it has the focus."""

    COLUMNS = (
        Column("kind", "Kind", max(len(kind.value) for kind in NeedKind)),
        Column("title", "Need", 20, grows_to=60),
        Column("gap", "Closes the gap in", 17, grows_to=AREA_NAME_MAX),
        Column("notes", "Notes", 10, grows_to=80),
    )
    BINDINGS = [
        Binding("e,enter", "screen.edit_need", "Edit need"),
        Binding("d", "screen.delete_need", "Delete need"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._gap_names: dict[str, str] = {}

    def show_needs(self, needs: list[Need], gap_names: dict[str, str]) -> None:
        """Show `needs`, naming the gaps they close with `gap_names` (gap key -> name)."""
        self._gap_names = gap_names
        self.show(needs)

    def cells(self, record: Need) -> Sequence[RenderableType]:
        gap = self._gap_names.get(record.gap_key, "") if record.gap_key else ""
        return (record.kind.value, Text(record.title), Text(gap), Text(record.notes))


def need_dialog(gaps: list[Gap], need: Need | None, gap_key: str | None) -> FormDialog:
    """A form for a new need (need=None) or an existing one, linked to `gap_key` by default."""
    kinds = [(kind.value.capitalize(), kind) for kind in NeedKind]
    gap_options = [(f"{gap.name} (gap {gap.gap:+.1f})", gap.key) for gap in gaps]
    if gap_key not in {key for _, key in gap_options}:
        gap_key = None
    return FormDialog(
        "Edit need" if need else "New need",
        [
            ChoiceField("Kind", kinds, need.kind if need else NeedKind.TRAINING, id="kind"),
            Field("What is needed", need.title if need else "",
                  check=lambda text: required_text(text, "The need"), id="title",
                  placeholder="e.g. Project management certificate"),
            ChoiceField("Closes the gap in", gap_options, gap_key, allow_blank=True,
                        id="gap_key"),
            Field("Notes", need.notes if need else "", max_length=NOTES_MAX, id="notes"),
        ],
    )
