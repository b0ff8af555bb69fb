"""Step 5, Progress: tick action items off, see the charts, check in, celebrate wins, review."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from careertui.model.actions import toggle_done
from careertui.model.plan import (
    Action,
    Assessment,
    CheckIn,
    Goal,
    GoalStatus,
    Milestone,
    Settings,
)
from careertui.model.progress import (
    Bucket,
    bucket,
    completion_over_time,
    completion_per_goal,
    measure_progress,
    next_review,
    progress_order,
    review_due,
    skill_history,
)
from careertui.screens.base import StepScreen
from careertui.screens.checkin_table import CheckInTable
from careertui.screens.progress_lists import ProgressLists
from careertui.screens.progress_review import ProgressReview
from careertui.model.review import review_start
from careertui.screens.wins_table import Win, WinsTable, wins
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.progress_chart import CHART_KINDS, ChartKind, ProgressChart
from careertui.widgets.progress_table import ActionTable
from careertui.widgets.tables import selected_key
from careertui.widgets.wins_celebration import Celebration


class ProgressScreen(ProgressLists, ProgressReview, StepScreen):
    MODE = "progress"
    AUTO_FOCUS = "#progress-actions"

    DEFAULT_CSS = """
    ProgressScreen #progress-counts { height: 1; }
    ProgressScreen #review-banner {
        display: none; height: 1; background: $warning 30%; text-style: bold; padding: 0 1;
    }
    ProgressScreen #review-banner.-due { display: block; }
    ProgressScreen #progress-actions { height: 10; margin-top: 1; }
    ProgressScreen #progress-lower { height: 14; margin-top: 1; }
    ProgressScreen #progress-chart-box { width: 54; }
    ProgressScreen #chart-tabs { height: 1; }
    ProgressScreen #progress-chart { height: 13; }
    ProgressScreen #progress-lists { width: 1fr; margin-left: 2; }
    ProgressScreen #lists-title { height: 1; }
    ProgressScreen ContentSwitcher { height: 13; }
    ProgressScreen CheckInTable, ProgressScreen WinsTable { height: 13; }
    """
    BINDINGS = [
        Binding("h", "toggle_done_shown", "Show/hide done"),
        Binding("v", "next_chart", "Next chart"),
        Binding("w", "toggle_wins", "Wins", tooltip="Show the wins or the check-ins"),
        Binding("a", "add_checkin", "Add check-in", show=False),
        Binding("m", "add_milestone", "Milestone", tooltip="Record a milestone"),
        Binding("r", "review", "Review"),
        Binding("c", "set_cadence", "Review cadence", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_done = True
        self._actions: dict[str, Action] = {}
        self._goals: list[Goal] = []
        self._checkins: list[CheckIn] = []
        self._assessments: list[Assessment] = []
        self._settings = Settings()
        self._shown_on: date | None = None  # the day the due dates in the table were judged on
        # Copies of what the check-in and wins tables show (see refresh_from_store).
        self._shown_checkins: list[CheckIn] | None = None
        self._shown_wins: list[Win] | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(id="progress-counts")
        yield Static(id="review-banner")
        yield ActionTable(id="progress-actions")
        with Horizontal(id="progress-lower"):
            with Vertical(id="progress-chart-box"):
                yield Static(id="chart-tabs")
                yield ProgressChart(id="progress-chart")
            with Vertical(id="progress-lists"):
                yield Static(id="lists-title")
                with ContentSwitcher(initial="checkins"):
                    yield CheckInTable(id="checkins")
                    yield WinsTable(id="wins")

    def on_mount(self) -> None:
        super().on_mount()
        self.mount(Celebration(id="celebration"))
        # Cells are Rich text coloured from the theme: redraw them when it changes.
        self.app.theme_changed_signal.subscribe(self, lambda _: self._show_actions())

    # Loading and drawing ----------------------------------------------------------------

    def refresh_from_store(self) -> None:
        store = self.app.store
        actions = store.all(Action)
        goals = store.all(Goal)
        # Refilling thousands of rows is slow: only when something shown in them changed.
        unchanged = (self._shown_on == self.app.today() and goals == self._goals
                     and actions == list(self._actions.values()))
        self._actions = {action.id: action for action in actions}
        self._goals = goals
        self._checkins = store.all(CheckIn)
        self._assessments = store.all(Assessment)
        self._settings = store.get(Settings)
        if not unchanged:
            self._show_actions()
        self._show_counts()
        self._show_action_charts()
        chart = self.query_one(ProgressChart)
        chart.set_series(ChartKind.MEASURES, measure_progress(self._goals))
        chart.set_series(ChartKind.SKILLS, skill_history(self._assessments))
        self._show_chart_tabs()
        # Both lists are refilled only when what they show changed. They are compared with
        # copies of what was shown, as an edit changes the very check-in or milestone shown.
        checkins = store.all(CheckIn)
        if checkins != self._shown_checkins:
            self.query_one(CheckInTable).show(self._checkins)
            self._shown_checkins = checkins
        win_rows = wins(store.all(Milestone), self._goals)
        if win_rows != self._shown_wins:
            self.query_one(WinsTable).show(win_rows)
            self._shown_wins = wins(store.all(Milestone), self._goals)
        self._show_lists_title()

    def _show_actions(self) -> None:
        today = self._shown_on = self.app.today()
        shown = [a for a in self._actions.values() if self.show_done or not a.done]
        goal_names = {goal.id: goal.statement for goal in self._goals}
        self.query_one(ActionTable).show(progress_order(shown, today), goal_names, today)

    def _show_counts(self) -> None:
        today = self.app.today()
        buckets = [bucket(action, today) for action in self._actions.values()]
        done = buckets.count(Bucket.DONE)
        overdue, soon = buckets.count(Bucket.OVERDUE), buckets.count(Bucket.SOON)
        start = review_start(self._assessments, today)
        review_on = next_review(self._checkins, self._settings, start)
        months = self._settings.review_cadence_months
        every = f"every {months} month{'s' if months != 1 else ''}, c to change"
        hidden = "  [dim](done items hidden: h)[/dim]" if not self.show_done else ""
        if buckets:
            items = (f"Action items done: [b]{done} of {len(buckets)}[/b]  ·  "
                     f"[{'b $error' if overdue else 'dim'}]{overdue} overdue[/]  ·  "
                     f"[{'b $warning' if soon else 'dim'}]{soon} due soon[/]")
        else:
            items = "No action items yet (press 4 to plan them)"
        # Both lines are one row high whatever they say: no need to lay the screen out again,
        # which would cost a tick far more than the rest of it.
        self.query_one("#progress-counts", Static).update(
            f"{items}  ·  next review {review_on} [dim]({every})[/dim]{hidden}", layout=False)
        banner = self.query_one("#review-banner", Static)
        due = review_due(self._checkins, self._settings, start, today)
        banner.set_class(due, "-due")
        banner.update(f"Review due since {review_on} — press r to review your plan"
                      if due else "", layout=False)

    def _show_action_charts(self) -> None:
        actions = list(self._actions.values())
        chart = self.query_one(ProgressChart)
        chart.set_series(ChartKind.COMPLETION, completion_over_time(actions, self.app.today()))
        chart.set_series(ChartKind.PER_GOAL, completion_per_goal(self._goals, actions))

    def _show_chart_tabs(self) -> None:
        current = self.query_one(ProgressChart).kind
        tabs = []
        for kind in CHART_KINDS:
            style = "bold reverse $accent" if kind is current else "$text-muted"
            tabs.append(Content.from_markup(
                f"[{style} @click=screen.show_chart('{kind.name}')] {kind.value} [/]"))
        self.query_one("#chart-tabs", Static).update(
            Content(" ").join(tabs) + Content.from_markup("  [dim]v next chart[/dim]"))

    # Ticking ---------------------------------------------------------------------------------

    def action_tick(self) -> None:
        """Tick or untick the selected item: saved at once, one row and the charts updated."""
        table = self.query_one(ActionTable)
        action = self._actions.get(selected_key(table))
        if action is None:
            return
        today = self.app.today()
        records = toggle_done(action, today)
        if not self.app.save(*records):
            self.refresh_from_store()  # show what the store really holds
            return
        for record in records:
            if record.id not in self._actions:  # the done copy of a repeating item
                self._actions[record.id] = record
                if self.show_done:
                    table.add_action(record, today)
            elif record.done and not self.show_done:
                table.remove_row(record.id)
            else:
                table.update_action(record, today)
        self._show_counts()
        self._show_action_charts()
        if action.done:
            self._offer_goal_achieved(action)

    def _offer_goal_achieved(self, action: Action) -> None:
        goal = self._goal(action.goal_id)
        if goal is None or goal.status is not GoalStatus.ACTIVE:
            return
        if any(a.goal_id == goal.id and not a.done for a in self._actions.values()):
            return
        self.app.push_screen(
            ConfirmDialog(f"That was the last open item of “{goal.statement}”. "
                          "Mark the goal as achieved?", yes="Achieved"),
            lambda yes: yes and self._mark_achieved(goal),
        )

    def action_goal_achieved(self) -> None:
        action = self._actions.get(selected_key(self.query_one(ActionTable)))
        goal = self._goal(action.goal_id) if action else None
        if goal is None:
            self.notify("Select an action item that belongs to a goal.", severity="warning")
            return
        if goal.status is GoalStatus.DONE:
            self.notify(f"“{goal.statement}” is already achieved.", severity="information",
                        markup=False)
            return
        self.app.push_screen(
            ConfirmDialog(f"Mark the goal “{goal.statement}” as achieved?", yes="Achieved"),
            lambda yes: yes and self._mark_achieved(goal),
        )

    def _mark_achieved(self, goal: Goal) -> None:
        goal.status, goal.done_on = GoalStatus.DONE, self.app.today()
        if self.app.save(goal):
            self.refresh_from_store()
            self.celebrate("Goal achieved!", goal.statement)

    def _goal(self, goal_id: str | None) -> Goal | None:
        return next((goal for goal in self._goals if goal.id == goal_id), None)

    def action_toggle_done_shown(self) -> None:
        self.show_done = not self.show_done
        self._show_actions()
        self._show_counts()

    # Charts ------------------------------------------------------------------------------

    def action_next_chart(self) -> None:
        current = CHART_KINDS.index(self.query_one(ProgressChart).kind)
        self.action_show_chart(CHART_KINDS[(current + 1) % len(CHART_KINDS)].name)

    def action_show_chart(self, name: str) -> None:
        self.query_one(ProgressChart).show_kind(ChartKind[name])
        self._show_chart_tabs()

    # Celebrating -------------------------------------------------------------------------

    def celebrate(self, headline: str, detail: str) -> None:
        """A notification and a short sparkling banner for a win."""
        self.notify(detail, title=headline)
        self.query_one(Celebration).celebrate(headline, detail)

    def focus_actions(self) -> None:
        self.query_one(ActionTable).focus()
