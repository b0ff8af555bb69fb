"""Step 5, Progress: tick action items off, see the charts, check in, celebrate wins, review."""

from __future__ import annotations

from collections import Counter

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Static

from careertui.model.actions import tick_copies
from careertui.model.checkin import MILESTONE_LABELS
from careertui.model.filtering import action_texts, checkin_texts, matches
from careertui.model.labels import counted
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
from careertui.model.review import ReviewResult, review_start
from careertui.roles import RoleLibrary
from careertui.screens.base import DrawnState
from careertui.screens.filtered import FilteredStepScreen
from careertui.screens.progress.action_table import ActionTable
from careertui.screens.progress.celebration import Celebration
from careertui.screens.progress.chart_panel import ChartKind, ChartPanel
from careertui.screens.progress.checkins import CheckInTable
from careertui.screens.progress.dialogs import cadence_dialog
from careertui.screens.progress.evidence import EvidenceTagging
from careertui.screens.progress.lists import ProgressLists
from careertui.screens.progress.reviewing import (
    ReviewStart,
    cancelled_message,
    record_review,
    start_review,
)
from careertui.screens.progress.wins import WinsTable, milestone_key, wins
from careertui.widgets.charts import SETTLE_SECONDS
from careertui.widgets.confirm import ConfirmDialog, if_confirmed
from careertui.widgets.filter_bar import FilterBar
from careertui.widgets.form_dialog import Values, unless_cancelled
from careertui.widgets.record_table import RecordTable

SIDE_BY_SIDE_WIDTH, ROOMY_WIDTH = 100, 140


class ProgressScreen(EvidenceTagging, FilteredStepScreen):
    MODE = "progress"
    AUTO_FOCUS = "#progress-actions"

    # Narrow: the chart and the check-ins are stacked. Roomy: the chart takes half the width.
    # A tall terminal gives the items more rows.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (SIDE_BY_SIDE_WIDTH, "-wide"),
                              (ROOMY_WIDTH, "-roomy")]
    DEFAULT_CSS = """
    ProgressScreen #progress-counts { height: 1; }
    ProgressScreen #review-banner {
        display: none; height: 1; background: $warning 30%; text-style: bold; padding: 0 1;
    }
    ProgressScreen #review-banner.-due { display: block; }
    ProgressScreen #progress-actions { height: 1fr; min-height: 10; margin-top: 1; }
    ProgressScreen #progress-lower { height: 14; margin-top: 1; }
    ProgressScreen #progress-chart-box { width: 54; }
    ProgressScreen.-roomy #progress-chart-box { width: 1fr; }
    ProgressScreen.-narrow #progress-lower { layout: vertical; height: auto; }
    ProgressScreen.-narrow #progress-chart-box { width: 100%; height: 14; }
    ProgressScreen.-narrow ProgressLists { margin-left: 0; margin-top: 1; height: 14; }
    ProgressScreen #chart-tabs { height: 1; }
    ProgressScreen #progress-chart { height: 13; }
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

    show_done: var[bool] = var(True, init=False)

    def __init__(self) -> None:
        super().__init__()
        self._actions: dict[str, Action] = {}
        self._goals: list[Goal] = []
        self._checkins: list[CheckIn] = []
        self._assessments: list[Assessment] = []
        self._settings = Settings()
        # What each part shows: redrawn only when those records (or the day) changed.
        self._drawn = DrawnState(Action, Goal, CheckIn, Milestone, Assessment, Settings)
        self._table_drawn = DrawnState(Action, Goal)
        self._checkins_drawn = DrawnState(CheckIn)
        self._wins_drawn = DrawnState(Milestone, Goal)
        self._buckets: Counter[Bucket] = Counter()  # the items per bucket, kept up by ticks
        self._charts_soon: Timer | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(id="progress-counts")
        yield Static(id="review-banner")
        yield FilterBar("words from the items' titles, notes and goals, or the check-ins'",
                        id="progress-filter")
        yield ActionTable(id="progress-actions")
        with Horizontal(id="progress-lower"):
            yield ChartPanel(id="progress-chart-box")
            yield ProgressLists(id="progress-lists")

    def on_mount(self) -> None:
        self.mount(Celebration(id="celebration"))
        # Cells are Rich text coloured from the theme: redraw them when it changes.
        self.app.theme_changed_signal.subscribe(self, lambda _: self._show_actions())

    # Loading and drawing ----------------------------------------------------------------

    def refresh_from_store(self) -> None:
        session = self.session
        if not self._drawn.stale(session):
            return
        self._drawn.mark(session)
        # Read only (ticks copy what they change): a copy of thousands would cost megabytes.
        self._actions = {action.id: action for action in session.shared(Action)}
        today = session.today()
        self._buckets = Counter(bucket(action, today) for action in self._actions.values())
        self._goals = session.all(Goal)
        self._checkins = session.all(CheckIn)
        self._assessments = session.all(Assessment)
        self._settings = session.get(Settings)
        # Refilling thousands of rows is slow: only when something shown in them changed.
        if self._table_drawn.stale(session):
            self._table_drawn.mark(session)
            self._show_actions()
        self._show_counts()
        self._show_action_charts()
        charts = self.query_one(ChartPanel)
        charts.set_series(ChartKind.MEASURES, measure_progress(self._goals))
        charts.set_series(ChartKind.SKILLS, skill_history(self._assessments))
        if self._checkins_drawn.stale(session):
            self._checkins_drawn.mark(session)
            self._show_checkins()
        if self._wins_drawn.stale(session):
            self._wins_drawn.mark(session)
            self.query_one(WinsTable).show_wins(wins(session.all(Milestone), self._goals), today,
                                                session.preferences.show_date)

    def _redraw_everything(self) -> None:
        """Show what the plan really holds (after a write failed, say)."""
        for drawn in (self._drawn, self._table_drawn, self._checkins_drawn, self._wins_drawn):
            drawn.forget()
        self.refresh_from_store()

    def _show_actions(self) -> None:
        today = self.session.today()
        goal_names = {goal.id: goal.statement for goal in self._goals}
        words = self.filter_words
        shown = [a for a in self._actions.values() if (self.show_done or not a.done)
                 and matches(words, action_texts(a, goal_names.get(a.goal_id or "", "")))]
        self.query_one(ActionTable).show_actions(progress_order(shown, today), goal_names, today,
                                                 self.session.preferences.show_date)

    def _show_checkins(self) -> None:
        shown = [c for c in self._checkins if matches(self.filter_words, checkin_texts(c))]
        self.query_one(CheckInTable).show_checkins(shown, self.session.today(),
                                                   self.session.preferences.show_date)

    def show_filtered(self) -> None:
        self._show_actions()
        self._show_checkins()
        self._show_counts()

    def _show_counts(self) -> None:
        today = self.session.today()
        buckets = self._buckets
        done, overdue, soon = buckets[Bucket.DONE], buckets[Bucket.OVERDUE], buckets[Bucket.SOON]
        start = review_start(self._assessments, today)
        review_on = self.session.preferences.show_date(
            next_review(self._checkins, self._settings, start))
        every = f"every {counted(self._settings.review_cadence_months, 'month')}, c to change"
        hidden = "  [dim](done items hidden: h)[/dim]" if not self.show_done else ""
        if self.filter_words:
            shown = self.query_one(ActionTable).row_count
            hidden += f"  [b]· filtered: {shown} shown[/b] [dim](esc in the filter clears)[/dim]"
        if self._actions:
            items = (f"Action items done: [b]{done} of {len(self._actions)}[/b]  ·  "
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

    def _show_action_charts(self, settle: bool = False) -> None:
        """The charts of the items now; once ticks `settle`, worked out after the last one."""
        if self._charts_soon is not None:
            self._charts_soon.stop()
        if settle:
            self._charts_soon = self.set_timer(SETTLE_SECONDS, self._show_action_charts)
            return
        self._charts_soon = None
        actions = list(self._actions.values())
        charts = self.query_one(ChartPanel)
        charts.set_series(ChartKind.COMPLETION,
                          completion_over_time(actions, self.session.today()), settle=False)
        charts.set_series(ChartKind.PER_GOAL, completion_per_goal(self._goals, actions),
                          settle=False)

    # Ticking ---------------------------------------------------------------------------------

    def action_tick(self) -> None:
        """Tick or untick the selected item: saved at once, one row and the charts updated."""
        table = self.query_one(ActionTable)
        action = table.selected
        if action is None:
            return
        ticked = tick_copies(action, self.session.today(), self._actions.values())
        if not self.session.save_and_delete(ticked.saved, ticked.deleted):
            self._redraw_everything()
            return
        today = self.session.today()
        self._buckets.subtract(bucket(self._actions[record.id], today)
                               for record in (*ticked.deleted, *ticked.saved)
                               if record.id in self._actions)
        self._buckets.update(bucket(record, today) for record in ticked.saved)
        for record in ticked.deleted:  # the done copy of an occurrence, unticked
            del self._actions[record.id]
            table.remove_record(record)
        for record in ticked.saved:
            new = record.id not in self._actions
            self._actions[record.id] = record
            if new:  # the done copy of a repeating item
                if self.show_done:
                    table.add_record(record)
            elif record.done and not self.show_done:
                table.remove_record(record)
            else:
                table.redraw(record)
        self._show_counts()
        self._show_action_charts(settle=True)  # a burst of ticks: once it is over
        self._drawn.mark(self.session)  # everything shown is the plan as it is now
        self._table_drawn.mark(self.session)
        if any(record.done for record in ticked.saved):  # ticked, not unticked
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
            if_confirmed(lambda: self._mark_achieved(goal)),
        )

    def action_goal_achieved(self) -> None:
        action = self.query_one(ActionTable).selected
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
            if_confirmed(lambda: self._mark_achieved(goal)),
        )

    def _mark_achieved(self, goal: Goal) -> None:
        goal.status, goal.done_on = GoalStatus.DONE, self.session.today()
        if self.session.save(goal):
            self.refresh_from_store()
            self.celebrate("Goal achieved!", goal.statement)

    def _goal(self, goal_id: str | None) -> Goal | None:
        return next((goal for goal in self._goals if goal.id == goal_id), None)

    def action_toggle_done_shown(self) -> None:
        self.show_done = not self.show_done

    def watch_show_done(self) -> None:
        self._show_actions()
        self._show_counts()

    # Charts, check-ins and wins ----------------------------------------------------------

    def action_next_chart(self) -> None:
        self.query_one(ChartPanel).next_chart()

    def action_show_chart(self, name: str) -> None:
        """Show the chart of ChartKind `name` (a click on its tab)."""
        self.query_one(ChartPanel).show_kind(ChartKind[name])

    def action_toggle_wins(self) -> None:
        self.query_one(ProgressLists).toggle()

    def action_add_checkin(self) -> None:
        self.query_one(CheckInTable).action_add()

    def action_add_milestone(self) -> None:
        self.query_one(WinsTable).action_add()

    @on(RecordTable.Save, "#checkins, #wins")
    def _save_record(self, event: RecordTable.Save) -> None:
        record = event.record
        if not isinstance(record, CheckIn | Milestone) or not self.session.save(record):
            return
        self.refresh_from_store()
        if isinstance(record, CheckIn):
            self.show_checkin(record)
            return
        self.query_one(ProgressLists).show_list("wins")
        self.query_one(WinsTable).select_key(milestone_key(record))
        if event.is_new:
            self.celebrate("Milestone reached: well done!",
                           f"{MILESTONE_LABELS[record.kind]}: {record.title}")

    @on(RecordTable.Delete, "#checkins, #wins")
    def _delete_record(self, event: RecordTable.Delete) -> None:
        if self.session.delete(event.record):
            self.refresh_from_store()

    def show_checkin(self, checkin: CheckIn) -> None:
        """Show the check-ins with the cursor on `checkin`."""
        self.query_one(ProgressLists).show_list("checkins")
        self.query_one(CheckInTable).select(checkin)

    # Reviewing ---------------------------------------------------------------------------

    def action_review(self) -> None:
        # With the library: the review compares the target role's gaps then and now.
        self.load_library_then(self._start_review, self._review_without_library)

    def _review_without_library(self, message: str) -> None:
        self.notify(message, title="The review shows no gaps", severity="error")
        self._start_review(None)

    def _start_review(self, library: RoleLibrary | None) -> None:
        start = start_review(self.session, library)
        if start is not None:
            self.app.push_screen(start.dialog, lambda result: self._reviewed(start, result))

    def _reviewed(self, start: ReviewStart, result: ReviewResult | None) -> None:
        if result is None:
            self.notify(cancelled_message(start), title="Review cancelled", severity="warning",
                        timeout=8)
            return
        checkin = record_review(self.session, result)
        if checkin is None:
            return
        self.refresh_from_store()
        self.show_checkin(checkin)
        following = next_review([checkin], self.session.get(Settings), self.session.today())
        self.notify(f"Review recorded. Next review on {following}. The other skills of "
                    "today's snapshot can be rated in step 1.", title="Review done", timeout=8)

    def action_set_cadence(self) -> None:
        settings = self.session.get(Settings)

        def chosen(values: Values) -> None:
            settings.review_cadence_months = values["cadence_months"]
            if self.session.save(settings):
                self.refresh_from_store()

        self.app.push_screen(cadence_dialog(settings.review_cadence_months),
                             unless_cancelled(chosen))

    # Celebrating -------------------------------------------------------------------------

    def celebrate(self, headline: str, detail: str) -> None:
        """A notification and a short sparkling banner for a win."""
        self.notify(detail, title=headline)
        self.query_one(Celebration).celebrate(headline, detail)
