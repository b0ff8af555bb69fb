"""The periodic review, one modal walking the five steps; escape cancels it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import ModalScreen
from textual.widgets import Button, ContentSwitcher, Static

from careertui.model.gaps import Gap
from careertui.model.plan import HORIZONS, Action, Destination, Goal, GoalStatus, Need, Settings
from careertui.model.review import ReviewResult
from careertui.model.review_pages import AreaToRate, gap_lines, plan_lines
from careertui.model.timeline import horizon_goal, horizon_label
from careertui.screens.progress.dialogs import cadence_field, confidence_field
from careertui.screens.progress.review_goals import GoalDecisionTable
from careertui.screens.progress.review_ratings import ReviewRatings
from careertui.widgets.form_dialog import collect_values
from careertui.widgets.forms import Field

PAGES = (
    ("review-snapshot", "Re-assess your skills"),
    ("review-destination", "Confirm or change where you are going"),
    ("review-gaps", "Gaps closed and needs met"),
    ("review-goals", "Budget, pace, and each goal: keep, change or drop"),
    ("review-plan", "What changed, and what changes in the plan"),
)


@dataclass
class ReviewInputs:
    """What the review shows: the plan as it stands, read once when the review starts."""

    snapshot_note: str
    areas: list[AreaToRate]
    destination: Destination
    goals: list[Goal]
    needs: list[Need]
    actions: list[Action]
    settings: Settings
    today: date
    # What changed since the last review, with the levels re-rated in the review.
    changes: Callable[[Mapping[str, float]], str] = lambda levels: ""
    # The target role's gaps at the last review, and how to rank them for given levels.
    gaps_then: list[Gap] = field(default_factory=list)
    rank: Callable[[Mapping[str, float]], list[Gap]] = lambda levels: []
    levels: dict[str, float] = field(default_factory=dict)  # the snapshot's, before re-rating

    @property
    def active_goals(self) -> list[Goal]:
        """The goals the review decides on."""
        return [goal for goal in self.goals if goal.status is GoalStatus.ACTIVE]


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

    def __init__(self, inputs: ReviewInputs) -> None:
        super().__init__()
        self._inputs = inputs
        self._goals = inputs.active_goals

    def compose(self) -> ComposeResult:
        # Title and keys docked: in a short terminal the page scrolls between them.
        with VerticalScroll(can_focus=False):
            yield Static(id="review-title")
            with ContentSwitcher(initial=PAGES[0][0]):
                yield from self._pages()
            with Vertical(id="review-foot"):
                yield Static("ctrl+s next · ctrl+b back · escape cancels the review "
                             "(no check-in is recorded)", id="review-keys")
                with Horizontal():
                    yield Button("Back", id="back")
                    yield Button("Cancel", id="cancel")
                    yield Button("Next", variant="primary", id="next")

    def _pages(self) -> ComposeResult:
        inputs = self._inputs
        with Vertical(id="review-snapshot"):
            yield Static(inputs.snapshot_note, classes="review-text", markup=False)
            if inputs.areas:
                yield ReviewRatings(inputs.areas)
                yield Static("←/→ rate · e type a level", classes="review-text")
            yield Field("Anything to note about your skills now? (optional)",
                        multiline=True, id="skills_notes")
        with Vertical(id="review-destination"):
            destination = inputs.destination
            yield Static(f"Target role: {destination.target_role_title or 'none chosen yet'} "
                         "(change it in step 2). Reword a goal below if it has changed.",
                         classes="review-text", markup=False)
            for horizon in HORIZONS:
                yield Field(f"Where I want to be in {horizon_label(horizon)}",
                            horizon_goal(destination, horizon).statement, wrapped=True,
                            id=f"horizon-{horizon}", classes="horizon")
        with Vertical(id="review-gaps"):
            yield Static(id="review-gap-lines", classes="review-text", markup=False)
        with Vertical(id="review-goals"):
            yield Static("\n".join(plan_lines(inputs.goals, inputs.actions,
                                               inputs.settings, inputs.today)),
                         classes="review-text", markup=False)
            yield Static(self._goals_intro(), classes="review-text")
            yield GoalDecisionTable(self._goals, inputs.actions, inputs.today)
        with Vertical(id="review-plan"):
            yield Static(id="review-changes", classes="review-text", markup=False)
            yield Field("What changes in the plan?", multiline=True, id="notes")
            yield confidence_field(None)
            yield Field("Next steps", id="next_steps", placeholder="e.g. book the CAPM exam")
            yield cadence_field(inputs.settings.review_cadence_months)

    def _changed_levels(self) -> dict[str, float]:
        ratings = self.query(ReviewRatings)
        return ratings.first().changed_levels if ratings else {}

    def _gaps_now(self) -> list[Gap]:
        return self._inputs.rank({**self._inputs.levels, **self._changed_levels()})

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
        if page_id == "review-gaps":
            inputs = self._inputs
            self.query_one("#review-gap-lines", Static).update("\n".join(gap_lines(
                inputs.gaps_then, self._gaps_now(), inputs.goals,
                inputs.needs)))
            self.query_one("#next", Button).focus()
        elif page_id == "review-goals":
            self.query_one(GoalDecisionTable).focus()
        elif page_id == "review-plan":
            self.query_one("#review-changes", Static).update(
                self._inputs.changes(self._changed_levels()))
            self.query_one("#notes", Field).focus_input()
        elif page_id == "review-snapshot" and self.query(ReviewRatings):
            self.query_one(ReviewRatings).focus()
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
        return ReviewResult(
            skills_notes=self.query_one("#skills_notes", Field).text,
            decisions=dict(self.query_one(GoalDecisionTable).decisions),
            levels=self._changed_levels(),
            horizon_statements={int((f.id or "").removeprefix("horizon-")): f.text.strip()
                                for f in self.query(".horizon").results(Field)},
            **values)
