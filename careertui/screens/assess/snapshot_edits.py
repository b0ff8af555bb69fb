"""The part of Assess that edits the current snapshot: the snapshot to edit and its saving, its
past work experiences, and its interest check."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Static

from careertui.model.assessment import most_recent_first
from careertui.model.interests import answered
from careertui.model.mentor import mentor_summary
from careertui.model.plan import Assessment, Experience, InterestCheck
from careertui.roles import RoleLibrary
from careertui.screens.assess.dialogs import experience_dialog
from careertui.screens.assess.experience import ExperienceTable
from careertui.screens.assess.interest_check import InterestCheckDialog, interest_summary
from careertui.screens.base import StepScreen
from careertui.widgets.confirm import ConfirmDialog, if_confirmed
from careertui.widgets.form_dialog import unless_cancelled

LOADING = "Loading the O*NET skills and knowledge areas…"
NO_MENTOR_VIEW = ("No mentor view yet: ctrl+p, Export: mentor sheet (or careertui mentor-sheet) "
                  "writes a sheet your mentor fills in; careertui mentor-import FILE reads it "
                  "back, and their levels show here beside yours.")


class SnapshotEdits(StepScreen):
    """Edits of the current snapshot other than its ratings, for AssessScreen."""

    _library: RoleLibrary | None = None
    _current: Assessment | None = None

    def _show_status(self) -> None:
        raise NotImplementedError  # the screen's status line

    def _snapshot_to_edit(self) -> Assessment:
        """The current snapshot; on an empty plan, the first one, dated today."""
        if self._current is None:
            self._current = Assessment(self.session.today())
            self._show_status()
        return self._current

    def _save_snapshot(self) -> bool:
        """Write the current snapshot now; on failure redraw what the plan really holds."""
        if self.session.save(self._snapshot_to_edit()):
            return True
        self.refresh_from_store()
        return False

    def _show_experiences(self) -> None:
        self.query_one(ExperienceTable).show(self._current.experiences if self._current else [])

    def _show_interests(self) -> None:
        data = self._library.interests if self._library else None
        self.query_one("#assess-interests", Static).update(interest_summary(
            data, self._current, self.session.preferences.show_date))
        self.query_one("#assess-mentor", Static).update(
            mentor_summary(self._current) or NO_MENTOR_VIEW)

    # Interests -----------------------------------------------------------------------------

    def action_interest_check(self) -> None:
        data = self._library.interests if self._library else None
        if data is None:
            self.notify(LOADING, timeout=3)
            return
        self.app.push_screen(InterestCheckDialog(data), self._interests_answered)

    def _interests_answered(self, answers: dict[str, int] | None) -> None:
        """Keep a finished check in the current snapshot (replacing an earlier one)."""
        if answers is None:
            return
        snapshot = self._snapshot_to_edit()
        snapshot.interest_check = InterestCheck(self.session.today(), answered(answers))
        if self._save_snapshot():
            self._show_interests()
            self.notify("Your interests and work values are kept in the current snapshot; "
                        "Destination shows how each occupation fits them.", title="Interests")

    # Experience --------------------------------------------------------------------------

    def action_add_experience(self) -> None:
        self.app.push_screen(experience_dialog(self.session.today()), unless_cancelled(
            lambda values: self._store_experience(Experience(**values))))

    def action_edit_experience(self) -> None:
        experience = self.query_one(ExperienceTable).selected
        if experience is None:
            self.notify("No experience yet: press a to add one.", severity="warning")
            return

        self.app.push_screen(experience_dialog(self.session.today(), experience),
                             unless_cancelled(lambda values: self._store_experience(
                                 replace(experience, **values), instead_of=experience)))

    def _store_experience(self, experience: Experience,
                          instead_of: Experience | None = None) -> None:
        """Save the snapshot with `experience` added (or in place of `instead_of`), the list
        most recent first, and put the cursor on it."""
        snapshot = self._snapshot_to_edit()
        past = snapshot.experiences
        changed = ([experience if e is instead_of else e for e in past] if instead_of
                   else [*past, experience])
        snapshot.experiences = most_recent_first(changed)
        if self._save_snapshot():
            table = self.query_one(ExperienceTable)
            table.show(snapshot.experiences)
            table.select(experience)

    def action_delete_experience(self) -> None:
        experience = self.query_one(ExperienceTable).selected
        if experience is None:
            return

        def delete() -> None:
            snapshot = self._snapshot_to_edit()
            snapshot.experiences = [e for e in snapshot.experiences if e is not experience]
            if self._save_snapshot():
                self._show_experiences()

        self.app.push_screen(ConfirmDialog(
            f"Delete the experience “{experience.role}” from this snapshot?"
        ), if_confirmed(delete))
