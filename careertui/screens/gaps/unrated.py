"""Gaps' first question: the target's most important areas you have not rated, rated there."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from careertui.model.gaps import Gap, shown_level
from careertui.model.unrated import to_rate_first
from careertui.screens.gaps.gap_table import AREA_NAME_MAX
from careertui.widgets.form_dialog import unless_cancelled
from careertui.widgets.level_dialog import level_dialog, rating_bindings
from careertui.widgets.record_table import Column, RecordTable


class RateArea(Message):
    """Rate `gap` in the current snapshot: `steps` half steps up or down, or at `level`."""

    def __init__(self, gap: Gap, steps: int = 0, level: float | None = None) -> None:
        super().__init__()
        self.gap = gap
        self.steps = steps
        self.level = level


class AskingDone(Message):
    """Nothing more to ask (all rated, or `later`: escape): the ranked table takes over."""

    def __init__(self, later: bool = False) -> None:
        super().__init__()
        self.later = later


class AskedAreas(RecordTable[Gap]):
    """The areas asked about, with what the role needs and your level once rated."""

    COLUMNS = (
        Column("area", "Area", 22, grows_to=AREA_NAME_MAX),
        Column("Needed", "Needed", 6),
        Column("Imp.", "Imp.", 4),
        Column("You", "You", 9),
    )
    KEY_FIELD = "key"
    BINDINGS = [*rating_bindings(), Binding("escape", "later", "Rate later")]

    def cells(self, record: Gap) -> Sequence[RenderableType]:
        marker = "K" if record.domain == "knowledge" else "S"
        you = Text(shown_level(record.current)) if record.rated else Text("not rated", "dim")
        return (Text(f"{marker} {record.name}"),
                shown_level(record.required),
                shown_level(record.importance), you)

    def shown_with(self) -> Widget:
        return self.parent if isinstance(self.parent, Widget) else self  # with the question

    def action_rate(self, steps: int) -> None:
        if (gap := self.selected) is not None:
            self.post_message(RateArea(gap, steps=steps))

    def action_type_level(self) -> None:
        if (gap := self.selected) is not None:
            self.app.push_screen(
                level_dialog(gap.name, gap.current if gap.rated else None),
                unless_cancelled(lambda values: self.post_message(
                    RateArea(gap, level=values["level"]))))

    def action_later(self) -> None:
        self.post_message(AskingDone(later=True))


class UnratedAreas(Vertical):
    """Asks, six at a time, for the areas the target role counts as important that you have not
    rated, before the gap table ranks them as 0; hidden once there are none, or after escape."""

    DEFAULT_CSS = """
    UnratedAreas { height: auto; margin-bottom: 1; display: none; }
    UnratedAreas AskedAreas { height: auto; max-height: 8; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._target: str | None = None
        self._keys: list[str] = []  # the areas asked now: they stay while you rate them
        self._later = False

    def compose(self) -> ComposeResult:
        yield Static(id="unrated-heading")
        yield AskedAreas()

    def ask(self, target: str | None, gaps: Sequence[Gap]) -> None:
        """Show what to ask about `target`'s `gaps` (as the gap table has them now)."""
        if target != self._target:
            self._target, self._keys, self._later = target, [], False
        by_key = {gap.key: gap for gap in gaps}
        asked = [by_key[key] for key in self._keys if key in by_key]
        table = self.query_one(AskedAreas)
        new_batch = all(gap.rated for gap in asked) and not self._later
        if new_batch:
            asked = to_rate_first(gaps)
            self._keys = [gap.key for gap in asked]
        had_focus = table.has_focus
        self.display = bool(asked) and not self._later
        if not self.display:
            if had_focus:
                self.post_message(AskingDone())
            return
        table.show(asked)
        left = sum(1 for gap in asked if not gap.rated)
        self.query_one("#unrated-heading", Static).update(
            f"[b]Rate these {left} to see your real gaps[/b]: important to the role, not rated "
            "by you yet; until you do, the table below counts them as 0 (“0 ?”).\n"
            "[dim](←/→ rate · e type a level · esc later)[/dim]")
        if new_batch:
            table.move_cursor(row=0, animate=False)
            table.focus()  # which brings the question, heading and all, into view

    def on_asking_done(self, event: AskingDone) -> None:
        if event.later:  # ask no more about this target until it changes
            self._later = True
            self.display = False
