"""Step 5's periodic review: what it starts from, and recording what it decided, in the plan."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial

from careertui.model.assessment import current_snapshot, levels_of, previous_snapshot
from careertui.model.gaps import Gap, rank_gaps
from careertui.model.plan import (
    Action,
    Assessment,
    CheckIn,
    Destination,
    Goal,
    Need,
    Settings,
)
from careertui.model.progress import last_review
from careertui.model.review import (
    ReviewResult,
    apply_decisions,
    apply_destination,
    apply_levels,
    dropped_statements,
    review_checkin,
    snapshot_for_review,
)
from careertui.model.review_changes import changes_since_review, snapshot_then
from careertui.model.review_pages import areas_to_rate
from careertui.roles import RoleLibrary
from careertui.screens.progress.review import ReviewDialog, ReviewInputs
from careertui.session import PlanSession


@dataclass
class ReviewStart:
    """The snapshot a review re-assesses (`is_new`: taken for it) and its dialog."""

    snapshot: Assessment
    is_new: bool
    dialog: ReviewDialog


def start_review(session: PlanSession, library: RoleLibrary | None) -> ReviewStart | None:
    """Take today's snapshot for the review if there is none (saved at once, so it stays even
    if the review is cancelled) and make the dialog, with the target role's gaps from
    `library`; None when the snapshot was not saved."""
    session.flush_saves()
    today = session.today()
    assessments = session.all(Assessment)
    snapshot, is_new = snapshot_for_review(assessments, today)
    if is_new and not session.save(snapshot):
        return None
    goals = session.all(Goal)
    destination = session.get(Destination)
    rank = role_ranking(library, destination.target_role_code)
    then = snapshot_then([*assessments, snapshot] if is_new else assessments,
                         last_review(session.all(CheckIn)))
    dialog = ReviewDialog(ReviewInputs(
        snapshot_note(snapshot, is_new, assessments), areas_to_rate(goals, snapshot),
        destination, goals, session.all(Need), session.all(Action), session.get(Settings),
        today, partial(changes_with, session),
        gaps_then=rank(levels_of(then)), rank=rank, levels=levels_of(snapshot)))
    return ReviewStart(snapshot, is_new, dialog)


def role_ranking(library: RoleLibrary | None, code: str
                 ) -> Callable[[Mapping[str, float]], list[Gap]]:
    """How the target role's gaps rank for given levels ([] without a role or a library)."""
    occupation = library.occupation(code) if library is not None else None
    if library is None or occupation is None:
        return lambda levels: []
    return partial(rank_gaps, [*library.skills, *library.knowledge], occupation.requirements)


def record_review(session: PlanSession, result: ReviewResult) -> CheckIn | None:
    """Save the review's re-ratings, 1/3/5-year goals, decisions on the goals, its check-in and
    the new cadence, in one go; the check-in, or None when the plan could not be saved."""
    goals, assessments = session.all(Goal), session.all(Assessment)
    snapshot = current_snapshot(assessments)  # re-rated in place, so what changed counts it
    rated: list[Assessment] = []
    if snapshot is not None:
        names = {area.key: area.name for area in areas_to_rate(goals, snapshot)}
        rated = [snapshot] if apply_levels(snapshot, result.levels, names) else []
    destination = session.get(Destination)
    moved = [destination] if apply_destination(destination, result.horizon_statements) else []
    since_last = changes_since_review(assessments, goals, session.all(Action),
                                      session.all(CheckIn), session.today(),
                                      dropped_statements(result, goals), result.confidence)
    changed = apply_decisions(goals, result.decisions)
    checkin = review_checkin(result, goals, session.today(), since_last)
    settings = session.get(Settings)
    settings.review_cadence_months = result.cadence_months
    if not session.save(*rated, *moved, *changed, checkin, settings):
        return None
    return checkin


def changes_with(session: PlanSession, levels: Mapping[str, float]) -> str:
    """What changed since the last review, if the current snapshot had `levels` too."""
    assessments, goals = session.all(Assessment), session.all(Goal)
    snapshot = current_snapshot(assessments)
    if snapshot is not None:
        names = {area.key: area.name for area in areas_to_rate(goals, snapshot)}
        apply_levels(snapshot, dict(levels), names)
    return changes_since_review(assessments, goals, session.all(Action), session.all(CheckIn),
                                session.today()).text()


def cancelled_message(start: ReviewStart) -> str:
    kept = (f" The new snapshot of {start.snapshot.taken_on} stays: rate it in step 1."
            if start.is_new else "")
    return "Review cancelled; no check-in was recorded." + kept


def snapshot_note(snapshot: Assessment, is_new: bool, assessments: list[Assessment]) -> str:
    """What the review's first page says about the snapshot it re-assesses."""
    day: date = snapshot.taken_on
    if not is_new:
        return (f"This review uses today's snapshot ({day}): re-rate the areas your goals work "
                "on here, the others in step 1.")
    previous = previous_snapshot([*assessments, snapshot])
    if previous is None:
        return (f"A first snapshot, dated {day}, was started for this review: rate the areas "
                "your goals work on here, the others in step 1.")
    return (f"A new snapshot dated {day} was taken, copying your ratings of "
            f"{previous.taken_on}: re-rate the areas your goals work on here, the others in "
            "step 1. (It stays even if you cancel the review.)")
