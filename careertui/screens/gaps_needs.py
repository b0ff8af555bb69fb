"""The needs list of the Gaps step and the dialog that adds or edits a need."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from careertui.model.gaps import Gap
from careertui.model.plan import Need, NeedKind
from careertui.model.validation import required_text
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import ChoiceField, Field
from careertui.widgets.tables import cursor_kept, selected_key


class NeedsTable(DataTable):
    """Needs with their kind and the gap they close; rows are keyed by need id."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._needs: dict[str, Need] = {}

    def on_mount(self) -> None:
        self.add_columns("Kind", "Need", "Closes the gap in", "Notes")

    def show(self, needs: list[Need], gap_names: dict[str, str]) -> None:
        self._needs = {need.id: need for need in needs}
        with cursor_kept(self):
            self.clear()
            for need in needs:
                gap = gap_names.get(need.gap_key, "") if need.gap_key else ""
                # Text cells: a str cell would be read as Rich markup ("[/]" raises).
                self.add_row(need.kind.value, Text(need.title), Text(gap), Text(need.notes),
                             key=need.id)

    @property
    def selected(self) -> Need | None:
        key = selected_key(self)
        return None if key is None else self._needs.get(key)


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
            ChoiceField("Closes the gap in", gap_options, gap_key, allow_blank=True, id="gap"),
            Field("Notes", need.notes if need else "", id="notes"),
        ],
    )
