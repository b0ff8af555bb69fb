"""Step 0, the overview: each step's completeness, what is due next, review, budget and a chart."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.widgets import Static

from careertui.charts.figure import ChartFigure
from careertui.charts.overview import draw_done_vs_planned
from careertui.model.labels import money
from careertui.model.overview import Status, plan_status, step_completion
from careertui.model.plan import Plan
from careertui.model.progress import Bucket, bucket, completion_over_time
from careertui.screens.base import DrawnState, StepScreen
from careertui.session import RECORD_KINDS
from careertui.steps import STEPS

START_HINT = "Start with step 1: press 1 to assess where you stand today."
# A step's line is "1 Assess       <bar> 100%": the bar takes the rest of its column.
NAME_WIDTH = 12
LINE_OUTSIDE_BAR = len(f"1 {'':<{NAME_WIDTH}} ") + len(" 100%")
SHORTEST_BAR, LONGEST_BAR = 8, 30


def bar_width(column_width: int) -> int:
    """How wide the steps' bars are in a column `column_width` cells wide."""
    return max(SHORTEST_BAR, min(LONGEST_BAR, column_width - LINE_OUTSIDE_BAR))


class StepBars(Static):
    """Each step's completeness as a bar that fills its column, redrawn when it resizes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._completion: dict[str, float] = {}

    @property
    def bar_width(self) -> int:
        return bar_width(self.content_size.width)

    def show(self, completion: dict[str, float]) -> None:
        self._completion = completion
        self._redraw()

    def on_resize(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        width, lines = self.bar_width, []
        for step in STEPS[1:]:
            share = self._completion.get(step.mode, 0.0)
            filled = round(share * width)
            bar = f"[$success]{'█' * filled}[/][$panel-lighten-2]{'░' * (width - filled)}[/]"
            lines.append(f"{step.key} {step.name:<{NAME_WIDTH}} {bar} {share:4.0%}")
        self.update("\n".join(lines))


class OverviewScreen(StepScreen):
    MODE = "overview"

    DEFAULT_CSS = """
    OverviewScreen #overview-columns { height: auto; }
    OverviewScreen #overview-left { width: 1fr; height: auto; margin-right: 2; }
    OverviewScreen #overview-right { width: 1fr; height: auto; }
    OverviewScreen .section { text-style: bold; color: $accent; margin-top: 1; }
    OverviewScreen #overview-review { color: $warning; text-style: bold; }
    OverviewScreen #overview-chart { height: 12; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._drawn = DrawnState(*RECORD_KINDS)
        self.chart_data: tuple[list[str], list[int], list[int]] = ([], [], [])

    def compose_body(self) -> ComposeResult:
        yield Static(id="overview-who")
        yield Static(id="overview-review")
        with Horizontal(id="overview-columns"):
            with Vertical(id="overview-left"):
                yield Static("Steps", classes="section")
                yield StepBars(id="overview-steps")
                yield Static("Next up", classes="section")
                yield Static(id="overview-next")
            with Vertical(id="overview-right"):
                yield Static("Status", classes="section")
                yield Static(id="overview-status")
                # The chart is mounted once the text is painted (see _draw_chart).

    def refresh_from_store(self) -> None:
        session = self.session
        if not self._drawn.stale(session):
            return
        self._drawn.mark(session)
        plan = session.view()
        today = session.today()
        status = plan_status(plan, today)
        self._show_who(plan)
        review = self.query_one("#overview-review", Static)
        review.display = status.review_due and not plan.is_empty
        since = session.preferences.show_date(status.next_review)
        review.update(f"A review is due (since {since}): go to step 5 and press r.")
        self._show_steps(plan, today)
        self._show_next(status, today)
        self._show_status(status, plan.settings.currency)
        # The text first: the chart (plotext) is drawn right after that first frame.
        self.call_after_refresh(self._draw_chart, plan, today)

    def _show_who(self, plan: Plan) -> None:
        profile, target = plan.profile, plan.destination.target_role_title
        if plan.is_empty:
            text = START_HINT
        else:
            role = ", ".join(filter(None, [profile.current_role, profile.organisation]))
            text = f"[b]{escape(profile.name or 'Your plan')}[/b]"
            text += f"  {escape(role)}" if role else ""
            text += f"  →  heading for [b]{escape(target)}[/b]" if target else ""
            if not plan.assessments:
                text += f"\n{START_HINT}"
        self.query_one("#overview-who", Static).update(text)

    def _show_steps(self, plan: Plan, today: date) -> None:
        self.query_one(StepBars).show(step_completion(plan, today))

    def _show_next(self, status: Status, today: date) -> None:
        if not status.next_actions:
            text = "Nothing due: add action items in step 4."
        else:
            lines = []
            actions = status.next_actions
            show_date = self.session.preferences.show_date
            dues = [show_date(action.due) if action.due else "no date" for action in actions]
            late = [bucket(action, today) is Bucket.OVERDUE for action in actions]
            # The word, not only the colour, says an item is late; the titles stay in line.
            mark = " overdue" if any(late) else ""
            width = max(map(len, dues)) + len(mark)
            for action, due, is_late in zip(actions, dues, late, strict=True):
                when = f"[$error]{due}{mark}[/]" if is_late else f"{due:<{width}}"
                lines.append(f"{when}  {escape(action.title)}")
            text = "\n".join(lines)
        self.query_one("#overview-next", Static).update(text)

    def _show_status(self, status: Status, currency: str) -> None:
        share = status.done / status.total if status.total else 0.0
        overdue = f"[$error]{status.overdue} overdue[/]" if status.overdue else "nothing overdue"
        next_review = self.session.preferences.show_date(status.next_review)
        review = f"[$warning]{next_review} (due)[/]" if status.review_due else next_review
        figures = status.budget

        def amount(value: float) -> str:
            return escape(money(value, currency))  # the currency is the plan's own text

        budget = (f"{amount(figures.allocated)} allocated · {amount(figures.planned)} planned · "
                  f"{amount(figures.spent)} spent")
        if figures.over:
            budget += f"\n[$error]Over budget by {amount(-figures.remaining)}[/]"
        pace = ""
        if status.active_goals:
            behind = len(status.behind)
            pace = ("\nPace: no active goal is late" if not behind else
                    f"\n[$warning]Pace: {behind} of {status.active_goals} active goals late[/] "
                    "(step 4 says by how much)")
        self.query_one("#overview-status", Static).update(
            f"Done {status.done} of {status.total} action items ({share:.0%}), {overdue}\n"
            f"Next review: {review}\n"
            f"Budget {figures.year}: {budget}{pace}"
        )

    def _draw_chart(self, plan: Plan, today: date) -> None:
        # Imported here: plotext (a tenth of the start) is not needed for the first frame.
        from careertui.widgets.charts import Chart

        self.chart_data = dates, done, planned = completion_over_time(plan.actions, today)
        chart = next(iter(self.query(Chart)), None)
        if chart is None:
            chart = Chart(id="overview-chart")
            self.query_one("#overview-right").mount(chart)
        chart.show_figure(ChartFigure(draw_done_vs_planned, dates, done, planned))
