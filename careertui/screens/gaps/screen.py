"""Step 3, Gaps: your levels against the target role's, ranked and charted; what is still needed."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.markup import escape
from textual.widgets import Static

from careertui.charts.figure import ChartFigure
from careertui.charts.gaps import draw_gaps_to_fit
from careertui.model.assessment import current_snapshot, set_level, step_level
from careertui.model.evidence import evidence_by_skill, no_evidence_words, without_evidence
from careertui.model.gaps import Gap, chart_series, draft_goal_statement, occupation_gaps, ranked
from careertui.model.mentor import VIEW_LABELS, RatingView, mentor_summary, view_levels
from careertui.model.plan import (
    Action,
    Assessment,
    CheckIn,
    Destination,
    Goal,
    GoalStatus,
    Measure,
    Milestone,
    Need,
    Profile,
)
from careertui.roles import Occupation, RoleLibrary
from careertui.screens.base import DrawnState, StepScreen
from careertui.screens.gaps.gap_table import GapTable
from careertui.screens.gaps.needs import NeedsTable, need_dialog
from careertui.screens.gaps.unrated import AskingDone, RateArea, UnratedAreas
from careertui.widgets.charts import Chart
from careertui.widgets.confirm import ConfirmDialog, if_confirmed
from careertui.widgets.form_dialog import unless_cancelled

CHART_TOP = 8
SIDE_BY_SIDE_WIDTH = 110
# From here the table has room for whole area names and the chart takes the rest.
ROOMY_WIDTH = 140


class GapsScreen(StepScreen):
    MODE = "gaps"
    AUTO_FOCUS = "#gap-table"  # or the unrated areas, while they are asked about

    # Narrower than the table's columns and the chart side by side: the chart goes below, so
    # the table keeps its essential columns (you, needed, gap, priority) at 80 columns.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (SIDE_BY_SIDE_WIDTH, "-wide"),
                              (ROOMY_WIDTH, "-roomy")]
    DEFAULT_CSS = """
    GapsScreen #gaps-compare { margin-bottom: 1; }
    GapsScreen #gaps-row { height: 18; }
    GapsScreen #gap-table { width: 1fr; height: 18; }
    GapsScreen #gap-chart { width: 38; height: 18; margin-left: 1; }
    GapsScreen.-roomy #gap-table { width: 80; }
    GapsScreen.-roomy #gap-chart { width: 1fr; }
    GapsScreen.-narrow #gaps-row { layout: vertical; height: auto; }
    GapsScreen.-narrow #gap-table { width: 100%; height: 14; }
    GapsScreen.-narrow #gap-chart { width: 100%; margin-left: 0; margin-top: 1; }
    GapsScreen .section { text-style: bold; margin-top: 1; }
    GapsScreen NeedsTable { height: auto; max-height: 12; }
    """
    BINDINGS = [
        Binding("g", "draft_goal", "Draft goal"),
        Binding("a", "add_need", "Add need"),
        Binding("m", "switch_view", "Whose levels"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._library: RoleLibrary | None = None
        self._gaps: list[Gap] = []
        self._view = RatingView.SELF
        self._mentor = ""  # the mentor view's summary, "" without one
        self._unproven: list[Gap] = []  # the important areas with no evidence yet
        # Action items, milestones and check-ins: their skill tags are the areas' evidence.
        self._drawn = DrawnState(Destination, Assessment, Profile, Need, Action, Milestone,
                                 CheckIn)
        self.chart_data: tuple[list[str], list[float], list[float]] = ([], [], [])

    def compose_body(self) -> ComposeResult:
        yield Static("Loading the O*NET occupations…", id="gaps-compare")
        yield UnratedAreas(id="gaps-unrated")
        with Horizontal(id="gaps-row"):
            yield GapTable(id="gap-table")
            yield Chart(id="gap-chart")
        yield Static("Still needed: training, certification, education, tools, experience  "
                     "[dim](a add · e edit · d delete)[/dim]", classes="section")
        yield NeedsTable(id="needs-table")

    def on_mount(self) -> None:
        self.load_library_then(self._library_ready)

    def _library_ready(self, library: RoleLibrary) -> None:
        self._library = library
        self._drawn.forget()
        self.refresh_from_store()

    def refresh_from_store(self) -> None:
        if self._library is None or not self._drawn.stale(self.session):
            return
        self._drawn.mark(self.session)
        session = self.session
        occupation = self._library.occupation(session.get(Destination).target_role_code)
        snapshot = current_snapshot(session.all(Assessment))
        if not snapshot or not snapshot.mentor_view.ratings:
            self._view = RatingView.SELF  # nothing else to show
        # Table order until the next refresh.
        self._gaps = occupation_gaps(self._library, occupation,
                                     view_levels(snapshot, self._view))
        self._mentor = mentor_summary(snapshot)
        self._unproven = without_evidence(self._gaps, evidence_by_skill(
            session.shared(Action), session.shared(Milestone), session.shared(CheckIn)))
        self._show_comparison(self._library, occupation, session.get(Profile))
        self.query_one(GapTable).show(self._gaps)
        self.query_one(UnratedAreas).ask(occupation.code if occupation else None, self._gaps)
        self._draw_chart()
        self.query_one(NeedsTable).show_needs(session.all(Need),
                                              {g.key: g.name for g in self._gaps})

    def _show_comparison(self, library: RoleLibrary, occupation: Occupation | None,
                         profile: Profile) -> None:
        compare = self.query_one("#gaps-compare", Static)
        if occupation is None:
            compare.update("No target role yet: choose one in step 2 (press 2), "
                           "and its skills and knowledge will be compared with yours here.")
            return
        lines = [f"Target role: [b]{escape(occupation.title)}[/b] ({occupation.code})"]
        note = occupation.borrowed_note
        if note:
            lines.append(f"[i]{library.release} has no skill ratings for "
                         f"{escape(occupation.title)}: {escape(note)}.[/i]")
        elif not occupation.rated:
            lines.append(f"[b $warning]{library.release} has no skill ratings for "
                         f"{escape(occupation.title)}[/] and no related rated occupation; "
                         "choose another role in step 2.")
        lines.append(
            f"Typical education: [b]{_label(library.education_levels, occupation.education_level)}"
            f"[/b]  ·  yours: {_label(library.education_levels, profile.education_level)}"
        )
        zones = {zone: f"{zone} ({jz.short})" for zone, jz in library.job_zones.items()}
        lines.append(f"Job zone: [b]{_label(zones, occupation.job_zone)}[/b]  ·  "
                     f"yours: {_label(zones, profile.job_zone)}")
        if self._mentor:
            lines.append(f"Levels: [b]{VIEW_LABELS[self._view]}[/b] [dim](m switches)[/dim]  ·  "
                         f"{escape(self._mentor)}")
        if self._unproven:
            shown = " · ".join(no_evidence_words(gap) for gap in self._unproven[:3])
            more = len(self._unproven) - 3
            lines.append(f"[dim]No evidence yet[/dim] for {len(self._unproven)} important areas: "
                         f"{escape(shown)}{f' · {more} more' if more > 0 else ''} [dim](t on a "
                         "done item, win or check-in in step 5 tags it)[/dim]")
        unrated = sum(1 for gap in self._gaps if not gap.rated)
        if unrated:
            lines.append(f"[dim]{unrated} areas you have not rated count as 0 and show “0 ?” "
                         f"(rate them here with ←/→, or in step 1).[/dim]")
        compare.update("\n".join(lines))

    def _draw_chart(self) -> None:
        self.chart_data = names, yours, needed = chart_series(ranked(self._gaps), CHART_TOP)
        self.query_one(Chart).show_figure(
            ChartFigure(draw_gaps_to_fit, names, yours, needed, framed=True))

    def action_switch_view(self) -> None:
        """Rank the gaps by your ratings, your mentor's, or their mean, in turn."""
        if not self._mentor:
            self.notify("No mentor view yet: write a sheet for your mentor (ctrl+p, Export: "
                        "mentor sheet, or careertui mentor-sheet) and import it filled in "
                        "(careertui mentor-import FILE).", title="Whose levels", timeout=8)
            return
        views = list(RatingView)
        self._view = views[(views.index(self._view) + 1) % len(views)]
        self._drawn.forget()
        self.refresh_from_store()
        self.notify(f"The gaps now use {VIEW_LABELS[self._view]}.", timeout=3)

    def action_rate(self, steps: int) -> None:
        """Raise or lower your own level on the selected area, in the current snapshot."""
        if self._view is not RatingView.SELF:
            self.notify("The table shows your mentor's levels: press m to go back to your own "
                        "ratings and rate there.", severity="warning")
            return
        gap = self.query_one(GapTable).selected
        if gap is None or (level := self._save_level(gap, steps)) is None:
            return
        updated = replace(gap, current=level, rated=True)
        # Rows keep their place while you rate, so the cursor does not jump; the table is
        # re-ranked the next time the screen is shown (the plan changed since it was drawn).
        self._gaps = [updated if g.key == gap.key else g for g in self._gaps]
        self.query_one(GapTable).redraw(updated)
        self._draw_chart()

    def _save_level(self, gap: Gap, steps: int, typed: float | None = None) -> float | None:
        """Rate `gap` `steps` half steps up or down (or at `typed`) in the current snapshot;
        the level saved, or None when it could not be saved."""
        session = self.session
        assessment = current_snapshot(session.all(Assessment)) or Assessment(session.today())
        level = (step_level(assessment, gap.key, gap.name, steps) if typed is None
                 else set_level(assessment, gap.key, gap.name, typed))
        return level if session.save(assessment) else None

    @on(RateArea)
    def _rate_asked(self, event: RateArea) -> None:
        """An area rated where it is asked about: the gap table is ranked again with it."""
        if self._save_level(event.gap, event.steps, event.level) is not None:
            self.refresh_from_store()

    @on(AskingDone)
    def _asking_done(self) -> None:
        self.query_one(GapTable).focus()

    def action_draft_goal(self) -> None:
        gap = self.query_one(GapTable).selected
        if gap is None:
            self.notify("Choose a rated target role in step 2 first.", severity="warning")
            return
        session = self.session
        existing = [g for g in session.all(Goal)
                    if g.gap_key == gap.key and g.status is GoalStatus.ACTIVE]
        if existing:
            self.notify(f"There is already a goal for {gap.name}: “{existing[0].statement}”.",
                        severity="warning", markup=False)
            return
        goal = Goal(
            draft_goal_statement(gap),
            horizon=1,
            measure=Measure(f"{gap.name} level", gap.current, round(gap.required, 1), "level"),
            gap_key=gap.key,
            created_on=session.today(),
        )
        if session.save(goal):
            self.notify(f"Drafted “{goal.statement}”. Refine it in step 4 (press 4).",
                        title="Goal drafted", markup=False)

    def action_add_need(self) -> None:
        selected = self.query_one(GapTable).selected
        self.app.push_screen(need_dialog(self._gaps, None, selected.key if selected else None),
                             unless_cancelled(lambda values: self._save_need(Need(**values))))

    def action_edit_need(self) -> None:
        need = self.query_one(NeedsTable).selected
        if need is None:
            self.notify("No need selected: press a to add one.", severity="warning")
            return
        self.app.push_screen(need_dialog(self._gaps, need, need.gap_key), unless_cancelled(
            lambda values: self._save_need(replace(need, **values))))

    def _save_need(self, need: Need) -> None:
        if self.session.save(need):
            self.refresh_from_store()

    def action_delete_need(self) -> None:
        need = self.query_one(NeedsTable).selected
        if need is None:
            return

        def delete() -> None:
            if self.session.delete(need):
                self.refresh_from_store()

        self.app.push_screen(ConfirmDialog(f"Delete the need “{need.title}”?"),
                             if_confirmed(delete))


def _label(labels: dict[int, str], value: int | None) -> str:
    return escape(labels.get(value, "not set")) if value is not None else "not set"
