"""Step 5's periodic review and its cadence: start the walk-through and record what it decided."""

from __future__ import annotations

from datetime import date

from careertui.model.assessment import previous_snapshot
from careertui.model.plan import Action, Assessment, Goal, GoalStatus, Settings
from careertui.model.progress import next_review
from careertui.screens.checkin_dialogs import cadence_dialog
from careertui.screens.review import ReviewDialog
from careertui.model.review import (
    ReviewResult,
    apply_decisions,
    review_checkin,
    snapshot_for_review,
)


class ProgressReview:
    """Mixed into ProgressScreen: `r` walks through the review, `c` sets how often it is due."""

    def action_review(self) -> None:
        self.app.flush_saves()
        store, today = self.app.store, self.app.today()
        assessments = store.all(Assessment)
        snapshot, is_new = snapshot_for_review(assessments, today)
        if is_new and not self.app.save(snapshot):
            return
        note = _snapshot_note(snapshot, is_new, assessments)
        goals = [goal for goal in store.all(Goal) if goal.status is GoalStatus.ACTIVE]
        dialog = ReviewDialog(note, goals, store.all(Action),
                              store.get(Settings).review_cadence_months, today)
        self.app.push_screen(dialog, lambda result: self._finish_review(result, snapshot, is_new))

    def _finish_review(self, result: ReviewResult | None, snapshot: Assessment,
                       is_new: bool) -> None:
        if result is None:
            kept = (f" The new snapshot of {snapshot.taken_on} stays: rate it in step 1."
                    if is_new else "")
            self.notify("Review cancelled; no check-in was recorded." + kept,
                        title="Review cancelled", severity="warning", timeout=8)
            return
        store, today = self.app.store, self.app.today()
        goals = store.all(Goal)
        changed = apply_decisions(goals, result.decisions)
        checkin = review_checkin(result, goals, today)
        settings = store.get(Settings)
        settings.review_cadence_months = result.cadence_months
        if not self.app.save(*changed, checkin, settings):
            return
        self.refresh_from_store()
        self.show_checkin(checkin)
        following = next_review([checkin], settings, today)
        self.notify(f"Review recorded. Next review on {following}. "
                    "Press 1 to rate your skills in today's snapshot.", title="Review done",
                    timeout=8)

    def action_set_cadence(self) -> None:
        settings = self.app.store.get(Settings)

        def save(values: dict | None) -> None:
            if values is None:
                return
            settings.review_cadence_months = values["cadence"]
            if self.app.save(settings):
                self.refresh_from_store()

        self.app.push_screen(cadence_dialog(settings.review_cadence_months), save)


def _snapshot_note(snapshot: Assessment, is_new: bool, assessments: list[Assessment]) -> str:
    day: date = snapshot.taken_on
    if not is_new:
        return (f"This review uses today's snapshot ({day}). After the review, press 1 "
                "to rate what has changed.")
    previous = previous_snapshot([*assessments, snapshot])
    if previous is None:
        return (f"A first snapshot, dated {day}, was started for this review. After the "
                "review, press 1 to rate your skills in it.")
    return (f"A new snapshot dated {day} was taken, copying your ratings of "
            f"{previous.taken_on}. After the review, press 1 to rate what has changed. "
            "(It stays even if you cancel the review.)")
