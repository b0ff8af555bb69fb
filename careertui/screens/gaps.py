"""Step 3, Gaps: your levels against the target occupation's, ranked, charted, and what is still needed."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.markup import escape
from textual.widgets import DataTable, Static

from careertui.model.assessment import current_snapshot, step_level
from careertui.model.gaps import Gap, chart_series, draft_goal_statement, ranked, role_gaps
from careertui.model.plan import Assessment, Destination, Goal, GoalStatus, Measure, Need, Profile
from careertui.roles import Occupation, RoleLibrary
from careertui.screens.base import StepScreen
from careertui.screens.gaps_needs import NeedsTable, need_dialog
from careertui.widgets.charts import Chart
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.tables import cursor_kept, selected_key

CHART_TOP = 8


class GapTable(DataTable):
    """The gap rows; ←/→ (or -/+) rate yourself on the selected area."""

    BINDINGS = [
        Binding("left,minus", "screen.rate(-1)", "Lower my level"),
        Binding("right,plus,equals_sign", "screen.rate(1)", "Raise my level"),
    ]


class GapsScreen(StepScreen):
    MODE = "gaps"

    DEFAULT_CSS = """
    GapsScreen #gaps-compare { margin-bottom: 1; }
    GapsScreen #gaps-row { height: 18; }
    GapsScreen #gap-table { width: 1fr; height: 18; }
    GapsScreen #gap-chart { width: 44; height: 18; margin-left: 1; }
    GapsScreen .section { text-style: bold; margin-top: 1; }
    GapsScreen NeedsTable { height: auto; max-height: 12; }
    """
    BINDINGS = [
        Binding("g", "draft_goal", "Draft goal"),
        Binding("a", "add_need", "Add need"),
        Binding("e", "edit_need", "Edit need"),
        Binding("d", "delete_need", "Delete need"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._library: RoleLibrary | None = None
        self._gaps: list[Gap] = []
        self.chart_data: tuple[list[str], list[float], list[float]] = ([], [], [])

    def compose_body(self) -> ComposeResult:
        yield Static("Loading the O*NET occupations…", id="gaps-compare")
        with Horizontal(id="gaps-row"):
            yield GapTable(id="gap-table", cursor_type="row", zebra_stripes=True)
            yield Chart(id="gap-chart")
        yield Static("Still needed: training, certification, education, tools, experience  "
                     "[dim](a add · e edit · d delete)[/dim]", classes="section")
        yield NeedsTable(id="needs-table")

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#gap-table", DataTable)
        table.add_column("Area", key="area", width=26)
        for label in ("You", "Needed", "Gap", "Imp.", "Priority"):
            table.add_column(label, key=label)
        self.load_library_then(self._library_ready)

    def _library_ready(self, library: RoleLibrary) -> None:
        self._library = library
        self.refresh_from_store()

    def refresh_from_store(self) -> None:
        if self._library is None:
            return
        store = self.app.store
        occupation = self._library.occupation(store.get(Destination).target_role_code)
        # Table order until the next refresh.
        self._gaps = role_gaps(self._library, occupation, store.all(Assessment))
        self._show_comparison(occupation, store.get(Profile))
        self._fill_gap_table()
        self._draw_chart()
        self.query_one(NeedsTable).show(store.all(Need), {g.key: g.name for g in self._gaps})

    def _show_comparison(self, occupation: Occupation | None, profile: Profile) -> None:
        library = self._library
        compare = self.query_one("#gaps-compare", Static)
        if occupation is None:
            compare.update("No target role yet: choose one in step 2 (press 2), "
                           "and its skills and knowledge will be compared with yours here.")
            return
        lines = [f"Target role: [b]{escape(occupation.title)}[/b] ({occupation.code})"]
        if not occupation.rated:
            closest = ", ".join(o.title for o in library.closest_rated(occupation.code, 3))
            lines.append(f"[b $warning]O*NET {library.release} has no skill ratings for "
                         f"{escape(occupation.title)}[/]; choose a rated role in step 2"
                         + (f", e.g. {escape(closest)}." if closest else "."))
        lines.append(
            f"Typical education: [b]{_label(library.education_levels, occupation.education_level)}"
            f"[/b]  ·  yours: {_label(library.education_levels, profile.education_level)}"
        )
        zones = {zone: f"{zone} ({jz.short})" for zone, jz in library.job_zones.items()}
        lines.append(f"Job zone: [b]{_label(zones, occupation.job_zone)}[/b]  ·  "
                     f"yours: {_label(zones, profile.job_zone)}")
        unrated = sum(1 for gap in self._gaps if not gap.rated)
        if unrated:
            lines.append(f"[dim]{unrated} areas you have not rated count as 0 and show “0 ?” "
                         f"(rate them here with ←/→, or in step 1).[/dim]")
        compare.update("\n".join(lines))

    def _fill_gap_table(self) -> None:
        table = self.query_one("#gap-table", DataTable)
        with cursor_kept(table):
            table.clear()
            for gap in self._gaps:
                cells = _changing_cells(gap)
                table.add_row(
                    _area_label(gap), cells["You"], f"{gap.required:.1f}", cells["Gap"],
                    f"{gap.importance:.1f}", cells["Priority"], key=gap.key,
                )

    def _draw_chart(self) -> None:
        self.chart_data = names, yours, needed = chart_series(ranked(self._gaps), CHART_TOP)

        def draw(plt) -> None:
            # plotext 5.3 drops the legend marker of a second bar series: name colours in the title.
            plt.title("You (cyan) vs needed (orange)")
            if not names:
                plt.text("No open gaps", 3.5, 0.5, alignment="center")
                return
            # plotext draws bottom-up, so reverse to show the highest priority on top.
            labels = [_short(name) for name in reversed(names)]
            rows = list(range(1, len(labels) + 1))
            plt.bar(rows, list(reversed(needed)), orientation="horizontal", width=0.5,
                    color="orange")
            # A zero-length bar would blank the start of the one beneath it: skip those.
            rated = [(row, you) for row, you in zip(rows, reversed(yours)) if you > 0]
            if rated:
                plt.bar([row for row, _ in rated], [you for _, you in rated],
                        orientation="horizontal", width=0.5, color="cyan")
            plt.yticks(rows, labels)
            plt.xlim(0, 7)
            plt.xticks(list(range(8)))
            plt.ylim(0.3, len(labels) + 0.7)

        self.query_one(Chart).draw(draw)

    def _selected_gap(self) -> Gap | None:
        key = selected_key(self.query_one("#gap-table", DataTable))
        return next((gap for gap in self._gaps if gap.key == key), None)

    def action_rate(self, steps: int) -> None:
        """Raise or lower your own level on the selected area, in the current snapshot."""
        gap = self._selected_gap()
        if gap is None:
            return
        assessment = current_snapshot(self.app.store.all(Assessment)) or Assessment(
            self.app.today()
        )
        level = step_level(assessment, gap.key, gap.name, steps)
        if not self.app.save(assessment):
            return
        updated = replace(gap, current=level, rated=True)
        # Rows keep their place while you rate, so the cursor does not jump; the table is
        # re-ranked the next time the screen is shown.
        self._gaps = [updated if g.key == gap.key else g for g in self._gaps]
        table = self.query_one("#gap-table", DataTable)
        for column, text in _changing_cells(updated).items():
            table.update_cell(gap.key, column, text)
        self._draw_chart()

    def action_draft_goal(self) -> None:
        gap = self._selected_gap()
        if gap is None:
            self.notify("Choose a rated target role in step 2 first.", severity="warning")
            return
        existing = [g for g in self.app.store.all(Goal)
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
            created_on=self.app.today(),
        )
        if self.app.save(goal):
            self.notify(f"Drafted “{goal.statement}”. Refine it in step 4 (press 4).",
                        title="Goal drafted", markup=False)

    def action_add_need(self) -> None:
        selected = self._selected_gap()
        self.app.push_screen(
            need_dialog(self._gaps, None, selected.key if selected else None), self._save_need
        )

    def action_edit_need(self) -> None:
        need = self.query_one(NeedsTable).selected
        if need is None:
            self.notify("No need selected: press a to add one.", severity="warning")
            return
        self.app.push_screen(need_dialog(self._gaps, need, need.gap_key),
                             lambda values: self._save_need(values, need))

    def _save_need(self, values: dict | None, need: Need | None = None) -> None:
        if values is None:
            return
        if need is None:
            need = Need(values["kind"], values["title"])
        need.kind, need.title = values["kind"], values["title"]
        need.gap_key, need.notes = values["gap"], values["notes"]
        if self.app.save(need):
            self.refresh_from_store()

    def action_delete_need(self) -> None:
        need = self.query_one(NeedsTable).selected
        if need is None:
            return

        def delete(confirmed: bool | None) -> None:
            if confirmed and self.app.delete(need):
                self.refresh_from_store()

        self.app.push_screen(ConfirmDialog(f"Delete the need “{need.title}”?"), delete)


def _label(labels: dict[int, str], value: int | None) -> str:
    return escape(labels.get(value, "not set")) if value is not None else "not set"


def _changing_cells(gap: Gap) -> dict[str, str]:
    """The cells that change when you rate yourself, by column key."""
    return {
        "You": f"{gap.current:.1f}" if gap.rated else "0 ?",
        "Gap": f"{gap.gap:+.1f}",
        "Priority": f"{gap.priority:.1f}",
    }


def _area_label(gap: Gap) -> str:
    marker = "K" if gap.domain == "knowledge" else "S"
    return f"{marker} {gap.name}"


def _short(name: str, width: int = 16) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"
