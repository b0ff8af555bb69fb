"""Step 1, Assess: your profile, dated self-ratings of the O*NET skills, reflections, experience."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal
from textual.widgets import Static

from careertui.model.assessment import (
    change_label,
    changes_since,
    current_snapshot,
    custom_ratings,
    custom_skill_key,
    is_custom,
    level_of,
    most_recent_first,
    previous_snapshot,
    remove_rating,
    set_level,
    step_level,
    take_snapshot,
)
from careertui.model.plan import Assessment, Experience, Profile
from careertui.model.validation import Invalid
from careertui.roles import RoleLibrary
from careertui.screens.assess_dialogs import (
    custom_skill_dialog,
    experience_dialog,
    experience_from,
    level_dialog,
)
from careertui.screens.assess_experience import ExperienceTable
from careertui.screens.assess_profile import ProfileForm
from careertui.screens.base import StepScreen
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.forms import Field
from careertui.widgets.skill_detail import SkillDetail
from careertui.widgets.skill_table import SkillRow, SkillTable, category_label

LOADING = "Loading the O*NET skills…"
START_HINT = "Rate each skill with ←/→; press n to start a new snapshot later."
OWN_SKILLS = "Your own"
# Snapshot field -> the article's question, as the label of its text box.
REFLECTIONS = {
    "strengths": "Your strengths",
    "excel_at": "In what area of your work are you excellent?",
    "struggle_with": "In what area do you struggle?",
    "motivators": "What makes you feel motivated and engaged at work?",
}


class AssessScreen(StepScreen):
    MODE = "assess"
    AUTO_FOCUS = "#assess-skills"

    DEFAULT_CSS = """
    AssessScreen #assess-status { margin-bottom: 1; }
    AssessScreen #assess-rating { height: 20; }
    AssessScreen #assess-skills { width: 1fr; height: 20; }
    AssessScreen #assess-detail {
        width: 36; height: 20; margin-left: 1; padding: 0 1;
        border-left: vkey $accent 50%; overflow-y: auto;
    }
    AssessScreen .section { text-style: bold; margin-top: 1; }
    AssessScreen #assess-reflections { grid-size: 2; grid-gutter: 0 2; height: auto; }
    AssessScreen #assess-experience { height: auto; max-height: 12; }
    """
    BINDINGS = [
        Binding("n", "new_snapshot", "New snapshot"),
        Binding("escape", "focus_skills", "Back to the skills", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._library: RoleLibrary | None = None
        self._current: Assessment | None = None
        self._previous: Assessment | None = None
        self._rows: dict[str, SkillRow] = {}

    def compose_body(self) -> ComposeResult:
        yield ProfileForm(id="assess-profile")
        yield Static(LOADING, id="assess-status")
        with Horizontal(id="assess-rating"):
            yield SkillTable(id="assess-skills")
            yield SkillDetail(id="assess-detail")
        yield Static("Reflections", classes="section")
        with Grid(id="assess-reflections"):
            for name, question in REFLECTIONS.items():
                yield Field(question, multiline=True, id=f"reflection-{name}")
        yield Static("Past work experience  [dim](in the list: a add · e edit · d delete)[/dim]",
                     classes="section")
        yield ExperienceTable(id="assess-experience")

    def on_mount(self) -> None:
        super().on_mount()
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
        store = self.app.store
        assessments = store.all(Assessment)
        self._current = current_snapshot(assessments)
        self._previous = previous_snapshot(assessments)
        self.query_one(ProfileForm).show(store.get(Profile))
        self._show_reflections()
        self._show_experiences()
        self._redraw_skills()
        self._show_status()

    def _show_reflections(self) -> None:
        for name in REFLECTIONS:
            text = getattr(self._current, name) if self._current else ""
            self.query_one(f"#reflection-{name}", Field).set_text(text)

    def _show_experiences(self, selected: Experience | None = None) -> None:
        experiences = self._current.experiences if self._current else []
        self.query_one(ExperienceTable).show(experiences, selected)

    def _show_status(self) -> None:
        status = self.query_one("#assess-status", Static)
        if self._library is None:
            status.update(LOADING)
        elif self._current is None:
            status.update(START_HINT)
        else:
            rated = sum(1 for r in self._current.ratings if r.key in self._rows)
            previous = (f"compared with {self._previous.taken_on}" if self._previous
                        else "the first snapshot")
            status.update(f"Snapshot of [b]{self._current.taken_on}[/b] · {previous} · "
                          f"{rated} of {len(self._rows)} skills rated  "
                          "[dim](←/→ rate · n new snapshot)[/dim]")

    def _redraw_skills(self) -> None:
        if self._library is not None:
            self._show_skills()

    def _skill_rows(self) -> list[SkillRow]:
        rows = [SkillRow(s.id, s.name, category_label(s.category)) for s in self._library.skills]
        rows += [SkillRow(r.key, r.name, OWN_SKILLS) for r in custom_ratings(self._current)]
        return rows

    def _show_skills(self) -> None:
        rows = self._skill_rows()
        self._rows = {row.key: row for row in rows}
        levels = {r.key: r.level for r in self._current.ratings} if self._current else {}
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
        row = self._rows.get(key)
        if row is None:
            detail.update("")
            return
        level = level_of(self._current, key)
        if is_custom(key):
            detail.show_skill(row.name, "One of your own skills", "", level, None)
            return
        element = self._library.element(key)
        detail.show_skill(element.name, element.category, element.description, level,
                          self._library.anchors(key))

    def on_data_table_row_highlighted(self, event: SkillTable.RowHighlighted) -> None:
        if isinstance(event.data_table, SkillTable):
            self._show_detail(event.row_key.value)

    # Rating ------------------------------------------------------------------------------

    def _snapshot_to_edit(self) -> Assessment:
        """The current snapshot; on an empty plan, the first one, dated today."""
        if self._current is None:
            self._current = Assessment(self.app.today())
            self._show_status()
        return self._current

    def _save_snapshot(self) -> bool:
        """Write the current snapshot now; on failure redraw what the store really holds."""
        if self.app.save(self._current):
            return True
        self.refresh_from_store()
        return False

    def _selected_row(self) -> SkillRow | None:
        return self._rows.get(self.query_one(SkillTable).selected_key)

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
        self.app.push_screen(custom_skill_dialog(self._skill_names()), self._add_custom_skill)

    def _skill_names(self) -> list[str]:
        return [row.name for row in self._rows.values()]

    def _add_custom_skill(self, values: dict | None) -> None:
        if values is None:
            return
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
        self.app.push_screen(dialog, lambda values: self._edit_skill(row, values))

    def _edit_skill(self, row: SkillRow, values: dict | None) -> None:
        if values is None:
            return
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
            self.notify(f"{row.name} is an O*NET skill and stays in the list; "
                        "only skills you added can be deleted.", severity="warning")
            return

        def delete(confirmed: bool | None) -> None:
            if not confirmed:
                return
            remove_rating(self._current, row.key)
            if self._save_snapshot():
                del self._rows[row.key]
                table = self.query_one(SkillTable)
                table.remove_skill(row.key)
                self._show_detail(table.selected_key)
                self._show_status()

        self.app.push_screen(ConfirmDialog(
            f"Delete your skill “{row.name}” from this snapshot? "
            "Earlier snapshots keep it."
        ), delete)

    def action_new_snapshot(self) -> None:
        self.app.flush_saves()
        try:
            snapshot = take_snapshot(self._current, self.app.today())
        except Invalid as reason:
            self.notify(str(reason), title="No new snapshot", severity="warning")
            return
        if not self.app.save(snapshot):
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
            # Choices and the name now, not soon: the header reads the name from the store.
            if self.app.save(event.profile) and event.attribute == "name":
                self.app.refresh_title()
        else:
            self.app.save_soon(event.profile)

    def on_field_changed(self, event: Field.Changed) -> None:
        reflection = (event.field.id or "").removeprefix("reflection-")
        if reflection in REFLECTIONS:
            snapshot = self._snapshot_to_edit()
            setattr(snapshot, reflection, event.value)
            self.app.save_soon(snapshot)

    # Experience --------------------------------------------------------------------------

    def action_add_experience(self) -> None:
        self.app.push_screen(experience_dialog(self.app.today()), self._save_experience)

    def action_edit_experience(self) -> None:
        experience = self.query_one(ExperienceTable).selected
        if experience is None:
            self.notify("No experience yet: press a to add one.", severity="warning")
            return
        self.app.push_screen(experience_dialog(self.app.today(), experience),
                             lambda values: self._save_experience(values, experience))

    def _save_experience(self, values: dict | None, experience: Experience | None = None):
        if values is None:
            return
        snapshot = self._snapshot_to_edit()
        if experience is None:
            experience = experience_from(values)
            snapshot.experiences.append(experience)
        else:
            experience_from(values, experience)
        snapshot.experiences = most_recent_first(snapshot.experiences)
        if self._save_snapshot():
            self._show_experiences(selected=experience)

    def action_delete_experience(self) -> None:
        experience = self.query_one(ExperienceTable).selected
        if experience is None:
            return

        def delete(confirmed: bool | None) -> None:
            if confirmed:
                self._current.experiences = [
                    e for e in self._current.experiences if e is not experience
                ]
                if self._save_snapshot():
                    self._show_experiences()

        self.app.push_screen(ConfirmDialog(
            f"Delete the experience “{experience.role}” from this snapshot?"
        ), delete)
