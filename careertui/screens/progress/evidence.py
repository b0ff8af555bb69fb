"""Evidence on Progress: `t` tags the selected done item, win or check-in with the skill it shows
(its goal's gap, one key), `T` chooses the skills from a list."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from careertui.model.assessment import current_snapshot
from careertui.model.evidence import IMPORTANT, suggested_skill
from careertui.model.gaps import role_gaps
from careertui.model.plan import Action, Assessment, CheckIn, Destination, Goal, Milestone
from careertui.roles import RoleLibrary
from careertui.screens.base import StepScreen
from careertui.screens.progress.action_table import ActionTable
from careertui.screens.progress.checkins import CheckInTable
from careertui.screens.progress.wins import WinsTable

Tagged = Action | Milestone | CheckIn


class SkillTagDialog(ModalScreen[list[str] | None]):
    """The skills a record is evidence of: space ticks one, ctrl+s keeps, escape cancels."""

    DEFAULT_CSS = """
    SkillTagDialog { align: center middle; }
    SkillTagDialog > Vertical {
        width: 70; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 1 2;
    }
    SkillTagDialog SelectionList { height: auto; max-height: 20; }
    """
    BINDINGS = [
        Binding("ctrl+s", "keep", "Keep"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, what: str, choices: dict[str, str], chosen: list[str]) -> None:
        super().__init__()
        self._what = what
        self._choices = choices
        self._chosen = chosen

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Which skills does “{self._what}” show?", markup=False)
            yield Static("[dim]space ticks a skill · ctrl+s keeps · escape cancels[/dim]")
            yield SelectionList[str](*((name, key, key in self._chosen)
                                       for key, name in self._choices.items()))

    def action_keep(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)


def skill_choices(library: RoleLibrary | None, destination: Destination,
                  assessments: list[Assessment]) -> dict[str, str]:
    """Key -> name of what a record can be evidence of: the target's important areas, highest
    priority first, then the other skills you rated."""
    occupation = (library.occupation(destination.target_role_code)
                  if library is not None and destination.target_role_code else None)
    choices = {gap.key: gap.name for gap in role_gaps(library, occupation, assessments)
               if gap.importance >= IMPORTANT} if library is not None else {}
    snapshot = current_snapshot(assessments)
    for rating in snapshot.ratings if snapshot else []:
        choices.setdefault(rating.key, rating.name)
    return choices


class EvidenceTagging(StepScreen):
    """The tagging keys of Progress (its tables bind TAG_BINDINGS to these actions)."""

    def _record_to_tag(self) -> Tagged | None:
        focused = self.focused
        if isinstance(focused, ActionTable | CheckInTable):
            return focused.selected
        if isinstance(focused, WinsTable) and focused.selected is not None:
            return focused.selected.milestone
        return None

    def action_tag_skills(self, choose: bool = False) -> None:
        record = self._record_to_tag()
        if record is None:
            self.notify("Select a done item, a milestone or a check-in to tag.", timeout=4)
            return
        if isinstance(record, Action) and not record.done:
            self.notify("An item is evidence once it is done: tick it first.", timeout=4)
            return
        self.load_library_then(lambda library: self._tag(record, library, choose))

    def _tag(self, record: Tagged, library: RoleLibrary, choose: bool) -> None:
        session = self.session
        choices = skill_choices(library, session.get(Destination), session.all(Assessment))
        suggestion = suggested_skill(record, session.shared(Goal))
        if not choose and suggestion is not None and suggestion not in record.skills:
            name = choices.get(suggestion, suggestion)
            if self._save_tags(record, [*record.skills, suggestion]):
                self.notify(f"Tagged as evidence of {name} (T chooses other skills).",
                            timeout=4)
            return
        what = (record.title if isinstance(record, Action | Milestone)
                else f"check-in of {record.on}")
        chosen = record.skills or ([suggestion] if suggestion else [])
        def chosen_keys(keys: list[str] | None) -> None:
            if keys is not None:
                self._save_tags(record, keys)

        self.app.push_screen(SkillTagDialog(what, choices, chosen), chosen_keys)

    def _save_tags(self, record: Tagged, keys: list[str]) -> bool:
        if not self.session.save(replace(record, skills=keys)):
            return False
        self.refresh_from_store()
        return True
