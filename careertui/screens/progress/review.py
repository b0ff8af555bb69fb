"""The periodic review, one modal in three steps: re-assess, goals, plan; escape cancels it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import ModalScreen
from textual.widgets import Button, ContentSwitcher, Static

from careertui.model.plan import Action, Goal
from careertui.model.review import ReviewResult
from careertui.screens.progress.dialogs import cadence_field, confidence_field
from careertui.screens.progress.review_goals import GoalDecisionTable
from careertui.widgets.form_dialog import collect_values
from careertui.widgets.forms import Field

PAGES = (
    ("review-snapshot", "Re-assess your skills"),
    ("review-goals", "Keep, change or drop each goal"),
    ("review-plan", "What changes in the plan"),
)


class ReviewDialog(ModalScreen[ReviewResult | None]):
    """Walks through the review and returns what was decided; nothing is written here."""

    DEFAULT_CSS = """
    ReviewDialog { align: center middle; }
    ReviewDialog > VerticalScroll {
        width: 96; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 2;
    }
    ReviewDialog #review-title {
        dock: top; height: auto; padding: 1 0; text-style: bold; color: $accent;
    }
    ReviewDialog #review-foot { dock: bottom; height: auto; }
    ReviewDialog ContentSwitcher { height: auto; }
    ReviewDialog ContentSwitcher > Vertical { height: auto; }
    ReviewDialog .review-text { margin-bottom: 1; }
    ReviewDialog GoalDecisionTable { height: auto; max-height: 12; margin-bottom: 1; }
    ReviewDialog #review-keys { color: $text-muted; }
    ReviewDialog Horizontal { height: auto; align-horizontal: right; }
    ReviewDialog Button { margin-left: 2; }
    """
    page: var[int] = var(0, init=False)  # which of PAGES is shown

    BINDINGS = [
        Binding("escape", "cancel", "Cancel the review"),
        Binding("ctrl+s", "next", "Next step"),
        Binding("ctrl+b", "back", "Previous step"),
    ]

    def __init__(self, snapshot_note: str, goals: Sequence[Goal], actions: Sequence[Action],
                 cadence_months: int, today: date, changes: str = "") -> None:
        super().__init__()
        self._changes = changes  # what changed since the last review, shown on the last page
        self._snapshot_note = snapshot_note
        self._goals = goals
        self._actions = actions
        self._cadence = cadence_months
        self._today = today

    def compose(self) -> ComposeResult:
        # Title and keys docked: in a short terminal the page scrolls between them.
        with VerticalScroll(can_focus=False):
            yield Static(id="review-title")
            with ContentSwitcher(initial=PAGES[0][0]):
                with Vertical(id="review-snapshot"):
                    yield Static(self._snapshot_note, classes="review-text", markup=False)
                    yield Field("Anything to note about your skills now? (optional)",
                                multiline=True, id="skills_notes")
                with Vertical(id="review-goals"):
                    yield Static(self._goals_intro(), classes="review-text")
                    yield GoalDecisionTable(self._goals, self._actions, self._today)
                with Vertical(id="review-plan"):
                    yield Static(self._changes, classes="review-text", markup=False,
                                 id="review-changes")
                    yield Field("What changes in the plan?", multiline=True, id="notes")
                    yield confidence_field(None)
                    yield Field("Next steps", id="next_steps",
                                placeholder="e.g. book the CAPM exam")
                    yield cadence_field(self._cadence)
            with Vertical(id="review-foot"):
                yield Static("ctrl+s next · ctrl+b back · escape cancels the review "
                             "(no check-in is recorded)", id="review-keys")
                with Horizontal():
                    yield Button("Back", id="back")
                    yield Button("Cancel", id="cancel")
                    yield Button("Next", variant="primary", id="next")

    def _goals_intro(self) -> str:
        if not self._goals:
            return "No active goals to review; add goals in step 4."
        return ("For each active goal: [b]k[/b] keep, [b]c[/b] change its statement or deadline, "
                "[b]x[/b] drop it. Nothing is saved until you finish the review.")

    def on_mount(self) -> None:
        self._show_page()

    def watch_page(self) -> None:
        self._show_page()

    def _show_page(self) -> None:
        page_id, title = PAGES[self.page]
        self.query_one("#review-title", Static).update(
            f"Review · step {self.page + 1} of {len(PAGES)} · {title}")
        self.query_one(ContentSwitcher).current = page_id
        last = self.page == len(PAGES) - 1
        self.query_one("#next", Button).label = "Finish review" if last else "Next"
        self.query_one("#back", Button).disabled = self.page == 0
        if page_id == "review-goals":
            self.query_one(GoalDecisionTable).focus()
        else:
            self.query_one(f"#{page_id} Field", Field).focus_input()

    def on_field_changed(self, event: Field.Changed) -> None:
        event.stop()  # values are collected at the end

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        if self.page > 0:
            self.page -= 1

    @on(Button.Pressed, "#next")
    def action_next(self) -> None:
        if self.page < len(PAGES) - 1:
            self.page += 1
            return
        result = self._result()
        if result is not None:
            self.dismiss(result)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def _result(self) -> ReviewResult | None:
        values = collect_values(self.query_one("#review-plan").query(Field))
        if values is None:
            return None
        return ReviewResult(skills_notes=self.query_one("#skills_notes", Field).text,
                            decisions=dict(self.query_one(GoalDecisionTable).decisions),
                            **values)
