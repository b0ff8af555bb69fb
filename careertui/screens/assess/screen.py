"""Step 1, Assess: your profile, dated self-ratings of O*NET skills and knowledge, reflections."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import DataTable, Static, Tab, Tabs

from careertui.model.assessment import (
    ONET_KNOWLEDGE,
    ONET_SKILLS,
    change_label,
    changes_since,
    current_snapshot,
    custom_ratings,
    custom_skill_key,
    is_custom,
    level_of,
    levels_of,
    previous_snapshot,
    rated_counts,
    remove_rating,
    set_level,
    step_level,
    take_snapshot,
)
from careertui.model.plan import Assessment, Profile
from careertui.model.validation import Invalid
from careertui.roles import RoleLibrary
from careertui.screens.assess.dialogs import custom_skill_dialog
from careertui.screens.assess.experience import ExperienceTable
from careertui.screens.assess.interest_check import HINT
from careertui.screens.assess.profile import ProfileForm
from careertui.screens.assess.skill_detail import SkillDetail
from careertui.screens.assess.skill_table import (
    OWN_SKILLS,
    DomainTabs,
    SkillRow,
    SkillTable,
    domain_rows,
)
from careertui.screens.assess.snapshot_edits import LOADING, SnapshotEdits
from careertui.screens.base import OwnerRenamed
from careertui.widgets.confirm import ConfirmDialog, if_confirmed
from careertui.widgets.form_dialog import Values, unless_cancelled
from careertui.widgets.forms import Field
from careertui.widgets.level_dialog import level_dialog

START_HINT = ("Rate each skill and knowledge area with ←/→ or e (k switches between them); "
              "press n to start a new snapshot later.")
# Snapshot field -> the article's question, as the label of its text box.
REFLECTIONS = {
    "strengths": "Your strengths",
    "excel_at": "In what area of your work are you excellent?",
    "struggle_with": "In what area do you struggle?",
    "motivators": "What makes you feel motivated and engaged at work?",
}


class AssessScreen(SnapshotEdits):
    MODE = "assess"
    AUTO_FOCUS = "#assess-skills"
    DRAWS = (Assessment, Profile)
    # Roomy: the table keeps the width its columns need and the detail takes the rest.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide"), (140, "-roomy")]

    DEFAULT_CSS = """
    AssessScreen #assess-status { margin-bottom: 1; }
    AssessScreen #assess-rating { height: 18; }
    AssessScreen #assess-table-side { width: 1fr; height: 18; }
    AssessScreen #assess-skills { height: 1fr; }
    AssessScreen #assess-detail {
        width: 36; height: 18; margin-left: 1; padding: 0 1;
        border-left: vkey $accent 50%; overflow-y: auto;
    }
    AssessScreen.-narrow #assess-detail { width: 30; }
    AssessScreen.-roomy ProfileForm { grid-size: 5; }
    AssessScreen.-roomy #assess-table-side { width: 84; }
    AssessScreen.-roomy #assess-detail { width: 1fr; }
    AssessScreen .section { text-style: bold; margin-top: 1; }
    AssessScreen #assess-reflections { grid-size: 2; grid-gutter: 0 2; height: auto; }
    AssessScreen #assess-experience { height: auto; max-height: 12; }
    """
    BINDINGS = [
        Binding("n", "new_snapshot", "New snapshot"),
        Binding("i", "interest_check", "Interest check"),
        Binding("escape", "focus_skills", "Back to the skills", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._library: RoleLibrary | None = None
        self._current: Assessment | None = None
        self._previous: Assessment | None = None
        self._rows: dict[str, SkillRow] = {}
        self._domain = "skill"  # the O*NET domain the table lists: "skill" or "knowledge"

    def compose_body(self) -> ComposeResult:
        yield ProfileForm(id="assess-profile")
        yield Static(LOADING, id="assess-status")
        with Horizontal(id="assess-rating"):
            with Vertical(id="assess-table-side"):
                yield DomainTabs(Tab("Skills", id="skill"), Tab("Knowledge", id="knowledge"),
                                 id="assess-domains")
                yield SkillTable(id="assess-skills")
            yield SkillDetail(id="assess-detail")
        yield Static("Reflections", classes="section")
        with Grid(id="assess-reflections"):
            for name, question in REFLECTIONS.items():
                yield Field(question, multiline=True, id=f"reflection-{name}",
                            classes="reflection")
        yield Static("Interests and work values", classes="section")
        yield Static(HINT, id="assess-interests")
        yield Static("Self and mentor", classes="section")
        yield Static(id="assess-mentor", markup=False)
        yield Static("Past work experience  [dim](in the list: a add · e edit · d delete)[/dim]",
                     classes="section")
        yield ExperienceTable(id="assess-experience")

    def on_mount(self) -> None:
        self.load_library_then(self._library_ready)
        # Cells are Rich text coloured from the theme: redraw them when it changes.
        self.app.theme_changed_signal.subscribe(self, lambda _: self._redraw_skills())

    def _library_ready(self, library: RoleLibrary) -> None:
        self._library = library
        self.query_one(ProfileForm).set_choices(
            library.education_levels,
            {zone: f"{zone} · {jz.short.split()[0]}" for zone, jz in library.job_zones.items()},
        )
        self.refresh_from_store()

    # Drawing -----------------------------------------------------------------------------

    def refresh_from_store(self) -> None:
        session = self.session
        assessments = session.all(Assessment)
        self._current = current_snapshot(assessments)
        self._previous = previous_snapshot(assessments)
        self.query_one(ProfileForm).show(session.get(Profile))
        self._show_reflections()
        self._show_experiences()
        self._redraw_skills()
        self._show_status()
        self._show_interests()

    def _show_reflections(self) -> None:
        for name in REFLECTIONS:
            text = getattr(self._current, name) if self._current else ""
            self.query_one(f"#reflection-{name}", Field).set_text(text)

    def _show_status(self) -> None:
        status = self.query_one("#assess-status", Static)
        if self._library is None:
            status.update(LOADING)
        elif self._current is None:
            status.update(START_HINT)
        else:
            show_date = self.session.preferences.show_date
            previous = (f"compared with {show_date(self._previous.taken_on)}" if self._previous
                        else "the first snapshot")
            counts = rated_counts(self._current)
            tabs = self.query_one(DomainTabs)
            tabs.query_one("#skill", Tab).label = f"Skills {counts.skills}/{ONET_SKILLS}"
            tabs.query_one("#knowledge", Tab).label = (f"Knowledge {counts.knowledge}/"
                                                       f"{ONET_KNOWLEDGE}")
            status.update(f"Snapshot of [b]{show_date(self._current.taken_on)}[/b] · {previous} · "
                          f"{counts.describe()}  "
                          "[dim](←/→ rate · e type a level · k skills/knowledge · "
                          "n new snapshot)[/dim]")

    def _redraw_skills(self) -> None:
        if self._library is not None:
            self._show_skills(self._library)

    def action_switch_domain(self) -> None:
        """Show the knowledge areas instead of the skills, or the other way round."""
        tabs = self.query_one(DomainTabs)
        tabs.active = "skill" if tabs.active == "knowledge" else "knowledge"

    @on(Tabs.TabActivated, "#assess-domains")
    def _domain_chosen(self, event: Tabs.TabActivated) -> None:
        domain = event.tab.id or "skill"
        if domain != self._domain:
            self._domain = domain
            self.query_one(SkillTable).move_cursor(row=0, animate=False)
            self._redraw_skills()
            self.query_one(SkillTable).focus()

    def _show_skills(self, library: RoleLibrary) -> None:
        rows = domain_rows(library, self._domain, custom_ratings(self._current))
        self._rows = {row.key: row for row in rows}
        levels = levels_of(self._current)
        table = self.query_one(SkillTable)
        table.show(rows, levels, self._change_labels())
        self._show_detail(table.selected_key)

    def _change_labels(self) -> dict[str, str]:
        if self._current is None:
            return {}
        changes = changes_since(self._current, self._previous)
        return {key: change_label(key, changes) for key in self._rows}

    def _show_skill_row(self, key: str) -> None:
        """Redraw one skill in place after it changed."""
        level = level_of(self._current, key)
        self.query_one(SkillTable).update_skill(key, level, self._change_labels()[key],
                                                self._rows[key].name)
        self._show_detail(key)
        self._show_status()

    def _show_detail(self, key: str | None) -> None:
        detail = self.query_one(SkillDetail)
        row = self._rows.get(key) if key is not None else None
        if key is None or row is None or self._library is None:
            detail.update("")
            return
        detail.show_row(self._library, row.key, row.name, level_of(self._current, key),
                        self._change_labels().get(key, ""))

    @on(DataTable.RowHighlighted, "#assess-skills")
    def _skill_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.row_key.value)

    # Rating ------------------------------------------------------------------------------

    def _selected_row(self) -> SkillRow | None:
        key = self.query_one(SkillTable).selected_key
        return None if key is None else self._rows.get(key)

    def _step_selected(self, steps: int) -> None:
        row = self._selected_row()
        if row is None:
            return
        step_level(self._snapshot_to_edit(), row.key, row.name, steps)
        if self._save_snapshot():
            self._show_skill_row(row.key)

    def action_raise_level(self) -> None:
        self._step_selected(+1)

    def action_lower_level(self) -> None:
        self._step_selected(-1)

    def action_add_skill(self) -> None:
        if self._domain == "knowledge":  # your own skills are listed with the skills
            self.action_switch_domain()
        self.app.push_screen(custom_skill_dialog(self._skill_names()),
                             unless_cancelled(self._add_custom_skill))

    def _skill_names(self) -> list[str]:
        return [row.name for row in self._rows.values()]

    def _add_custom_skill(self, values: Values) -> None:
        row = SkillRow(custom_skill_key(), values["name"], OWN_SKILLS)
        set_level(self._snapshot_to_edit(), row.key, row.name, values["level"])
        if self._save_snapshot():
            self._rows[row.key] = row
            self.query_one(SkillTable).add_skill(row, values["level"])
            self._show_detail(row.key)
            self._show_status()

    def action_edit_skill(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        level = level_of(self._current, row.key)
        if is_custom(row.key):
            dialog = custom_skill_dialog(self._skill_names(), row.name, level)
        else:
            dialog = level_dialog(row.name, level)
        self.app.push_screen(dialog, unless_cancelled(lambda values: self._edit_skill(row, values)))

    def _edit_skill(self, row: SkillRow, values: Values) -> None:
        snapshot = self._snapshot_to_edit()
        if "name" in values:
            row = self._rows[row.key] = row._replace(name=values["name"])
            for rating in snapshot.ratings:
                if rating.key == row.key:
                    rating.name = row.name
        set_level(snapshot, row.key, row.name, values["level"])
        if self._save_snapshot():
            self._show_skill_row(row.key)

    def action_delete_skill(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        if not is_custom(row.key):
            what = "knowledge area" if self._domain == "knowledge" else "skill"
            self.notify(f"{row.name} is an O*NET {what} and stays in the list; "
                        "only skills you added can be deleted.", severity="warning")
            return

        def delete() -> None:
            remove_rating(self._snapshot_to_edit(), row.key)
            if self._save_snapshot():
                del self._rows[row.key]
                table = self.query_one(SkillTable)
                table.remove_skill(row.key)
                self._show_detail(table.selected_key)
                self._show_status()

        self.app.push_screen(ConfirmDialog(
            f"Delete your skill “{row.name}” from this snapshot? "
            "Earlier snapshots keep it."
        ), if_confirmed(delete))

    def action_new_snapshot(self) -> None:
        self.session.flush_saves()
        try:
            snapshot = take_snapshot(self._current, self.session.today())
        except Invalid as reason:
            self.notify(str(reason), title="No new snapshot", severity="warning")
            return
        if not self.session.save(snapshot):
            return
        self._previous, self._current = self._current, snapshot
        self._redraw_skills()
        self._show_status()
        self.notify(f"New snapshot dated {snapshot.taken_on}: rate what has changed since.",
                    title="Re-assessment")

    def action_focus_skills(self) -> None:
        self.query_one(SkillTable).focus()

    # Typed fields ------------------------------------------------------------------------

    def on_profile_form_changed(self, event: ProfileForm.Changed) -> None:
        if event.attribute in ("name", "education_level", "job_zone"):
            # Choices and the name now, not soon: the header reads the name from the plan.
            if self.session.save(event.profile) and event.attribute == "name":
                self.app.post_message(OwnerRenamed())
        else:
            self.session.save_soon(event.profile)

    @on(Field.Changed, ".reflection")
    def _reflection_typed(self, event: Field.Changed) -> None:
        snapshot = self._snapshot_to_edit()
        setattr(snapshot, (event.field.id or "").removeprefix("reflection-"), event.value)
        self.session.save_soon(snapshot)
