"""Step 5's periodic review: what it starts from, and recording what it decided, in the plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careertui.model.assessment import previous_snapshot
from careertui.model.plan import Action, Assessment, CheckIn, Goal, GoalStatus, Settings
from careertui.model.review import (
    ReviewResult,
    apply_decisions,
    dropped_statements,
    review_checkin,
    snapshot_for_review,
)
from careertui.model.review_changes import ReviewChanges, changes_since_review
from careertui.screens.progress.review import ReviewDialog
from careertui.session import PlanSession


@dataclass
class ReviewStart:
    """The snapshot a review re-assesses (`is_new`: taken for it) and its dialog."""

    snapshot: Assessment
    is_new: bool
    dialog: ReviewDialog


def start_review(session: PlanSession) -> ReviewStart | None:
    """Take today's snapshot for the review if there is none (saved at once, so it stays even
    if the review is cancelled) and make the dialog; None when the snapshot was not saved."""
    session.flush_saves()
    today = session.today()
    assessments = session.all(Assessment)
    snapshot, is_new = snapshot_for_review(assessments, today)
    if is_new and not session.save(snapshot):
        return None
    goals = [goal for goal in session.all(Goal) if goal.status is GoalStatus.ACTIVE]
    dialog = ReviewDialog(snapshot_note(snapshot, is_new, assessments), goals,
                          session.all(Action), session.get(Settings).review_cadence_months,
                          today, changes(session).text())
    return ReviewStart(snapshot, is_new, dialog)


def record_review(session: PlanSession, result: ReviewResult) -> CheckIn | None:
    """Save the review's decisions on the goals, its check-in and the new cadence, in one go;
    the check-in, or None when the plan could not be saved."""
    goals = session.all(Goal)
    since_last = changes(session, dropped_statements(result, goals), result.confidence)
    changed = apply_decisions(goals, result.decisions)
    checkin = review_checkin(result, goals, session.today(), since_last)
    settings = session.get(Settings)
    settings.review_cadence_months = result.cadence_months
    if not session.save(*changed, checkin, settings):
        return None
    return checkin


def changes(session: PlanSession, dropped: list[str] | None = None,
            confidence: int | None = None) -> ReviewChanges:
    """What changed in the plan since the last review, as the session has it now."""
    return changes_since_review(session.all(Assessment), session.all(Goal), session.all(Action),
                                session.all(CheckIn), session.today(), dropped or [], confidence)


def cancelled_message(start: ReviewStart) -> str:
    kept = (f" The new snapshot of {start.snapshot.taken_on} stays: rate it in step 1."
            if start.is_new else "")
    return "Review cancelled; no check-in was recorded." + kept


def snapshot_note(snapshot: Assessment, is_new: bool, assessments: list[Assessment]) -> str:
    """What the review's first page says about the snapshot it re-assesses."""
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
