"""A step screen whose lists `/` filters: the FilterBar, the words typed, and a redraw."""

from __future__ import annotations

from textual.binding import Binding

from careertui.model.filtering import query_words
from careertui.screens.base import StepScreen
from careertui.widgets.filter_bar import FilterBar


class FilteredStepScreen(StepScreen):
    """Composes a FilterBar somewhere (subclasses); `/` opens it, and each change of what is
    typed sets `filter_words` and calls show_filtered()."""

    BINDINGS = [
        Binding("slash", "filter", "Filter", key_display="/",
                tooltip="Show only what holds every word you type"),
    ]

    filter_words: list[str] = []  # replaced, never changed in place

    def action_filter(self) -> None:
        self.query_one(FilterBar).open()

    def on_filter_bar_changed(self, event: FilterBar.Changed) -> None:
        self.filter_words = query_words(event.query)
        self.show_filtered()

    def show_filtered(self) -> None:
        """Show the screen's lists again, kept to `filter_words`."""
        raise NotImplementedError
