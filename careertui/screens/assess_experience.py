"""The list of past work experiences of the self-assessment, with its add/edit/delete keys."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from careertui.model.assessment import years_label
from careertui.model.plan import Experience


class ExperienceTable(DataTable):
    """One row per experience, in the order given; the screen acts on the keys bound here."""

    BINDINGS = [
        Binding("a", "screen.add_experience", "Add experience"),
        Binding("e,enter", "screen.edit_experience", "Edit experience"),
        Binding("d", "screen.delete_experience", "Delete experience"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._experiences: list[Experience] = []

    def on_mount(self) -> None:
        self.add_column("Role", key="role", width=26)
        self.add_column("Organisation", key="organisation", width=22)
        self.add_column("Years", key="years", width=9)
        self.add_column("Highlights", key="highlights", width=48)

    @property
    def selected(self) -> Experience | None:
        if not self._experiences:
            return None
        return self._experiences[self.cursor_row]

    def show(self, experiences: list[Experience], selected: Experience | None = None) -> None:
        """Replace the rows; the cursor goes to `selected`, or stays on the same row number."""
        row = self.cursor_row
        self._experiences = list(experiences)
        self.clear()
        for experience in self._experiences:
            self.add_row(
                Text(experience.role),
                Text(experience.organisation),
                years_label(experience),
                Text(experience.highlights.replace("\n", " ")),
            )
        rows = [i for i, experience in enumerate(self._experiences) if experience is selected]
        self.move_cursor(row=rows[0] if rows else max(0, min(row, len(self._experiences) - 1)))
