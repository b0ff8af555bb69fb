"""Step 5's check-ins and wins: the keys that add, edit and delete them, and the wins view."""

from __future__ import annotations

from textual.widgets import ContentSwitcher, Static

from careertui.model.plan import CheckIn, Milestone
from careertui.screens.checkin_dialogs import (
    checkin_dialog,
    checkin_from,
    milestone_dialog,
    milestone_from,
)
from careertui.model.checkin import MILESTONE_LABELS
from careertui.screens.checkin_table import CheckInTable
from careertui.screens.wins_table import WinsTable
from careertui.widgets.confirm import ConfirmDialog

CHECKINS_TITLE = ("[b]Check-ins[/b]  [dim]a add · e edit · d delete · "
                  "w wins · m milestone[/dim]")
WINS_TITLE = "[b]Wins[/b]  [dim]m record · e edit · d delete · w check-ins[/dim]"


class ProgressLists:
    """Mixed into ProgressScreen: the check-in list and the wins view beside the chart."""

    @property
    def showing_wins(self) -> bool:
        return self.query_one(ContentSwitcher).current == "wins"

    def _show_lists_title(self) -> None:
        self.query_one("#lists-title", Static).update(
            WINS_TITLE if self.showing_wins else CHECKINS_TITLE)

    def action_toggle_wins(self) -> None:
        """Swap the check-ins for the wins (and back), with the keyboard on that list."""
        self._show_list("checkins" if self.showing_wins else "wins")

    def _show_list(self, name: str) -> None:
        self.query_one(ContentSwitcher).current = name
        self._show_lists_title()
        self.query_one(f"#{name}").focus()

    # Check-ins -----------------------------------------------------------------------------

    def action_add_checkin(self) -> None:
        self.app.push_screen(checkin_dialog(self.app.today()), self._save_checkin)

    def action_edit_checkin(self) -> None:
        checkin = self.query_one(CheckInTable).selected
        if checkin is None:
            self.notify("No check-in yet: press a to add one.", severity="warning")
            return
        self.app.push_screen(checkin_dialog(self.app.today(), checkin),
                             lambda values: self._save_checkin(values, checkin))

    def _save_checkin(self, values: dict | None, checkin: CheckIn | None = None) -> None:
        if values is None:
            return
        checkin = checkin_from(values, checkin)
        if self.app.save(checkin):
            self.refresh_from_store()
            self.show_checkin(checkin)

    def show_checkin(self, checkin: CheckIn) -> None:
        """Show the check-ins with the cursor on `checkin`."""
        self._show_list("checkins")
        table = self.query_one(CheckInTable)
        table.move_cursor(row=table.get_row_index(checkin.id), animate=False)

    def action_delete_checkin(self) -> None:
        checkin = self.query_one(CheckInTable).selected
        if checkin is None:
            return

        def delete(confirmed: bool | None) -> None:
            if confirmed and self.app.delete(checkin):
                self.refresh_from_store()

        self.app.push_screen(ConfirmDialog(f"Delete the check-in of {checkin.on}?"), delete)

    # Milestones ----------------------------------------------------------------------------

    def action_add_milestone(self) -> None:
        self.app.push_screen(milestone_dialog(self.app.today()), self._save_milestone)

    def action_edit_milestone(self) -> None:
        milestone = self._selected_milestone()
        if milestone is not None:
            self.app.push_screen(milestone_dialog(self.app.today(), milestone),
                                 lambda values: self._save_milestone(values, milestone))

    def _save_milestone(self, values: dict | None, milestone: Milestone | None = None) -> None:
        if values is None:
            return
        is_new = milestone is None
        milestone = milestone_from(values, milestone)
        if not self.app.save(milestone):
            return
        self.refresh_from_store()
        self._show_list("wins")
        table = self.query_one(WinsTable)
        table.move_cursor(row=table.get_row_index(f"milestone:{milestone.id}"), animate=False)
        if is_new:
            self.celebrate("Milestone reached: well done!",
                           f"{MILESTONE_LABELS[milestone.kind]}: {milestone.title}")

    def action_delete_milestone(self) -> None:
        milestone = self._selected_milestone()
        if milestone is None:
            return

        def delete(confirmed: bool | None) -> None:
            if confirmed and self.app.delete(milestone):
                self.refresh_from_store()

        question = f"Delete the milestone “{milestone.title}”?"
        self.app.push_screen(ConfirmDialog(question), delete)

    def _selected_milestone(self) -> Milestone | None:
        win = self.query_one(WinsTable).selected
        if win is None:
            self.notify("No wins yet: press m to record a milestone.", severity="warning")
            return None
        if win.milestone is None:
            self.notify("This is an achieved goal; change its status in step 4.",
                        severity="warning")
        return win.milestone
