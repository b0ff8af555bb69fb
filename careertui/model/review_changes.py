"""What changed in the plan since the last review: ratings, goals, items done and confidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from careertui.model.assessment import current_snapshot, levels_of
from careertui.model.labels import counted
from careertui.model.plan import Action, Assessment, CheckIn, Goal, GoalStatus
from careertui.model.progress import REVIEW_KINDS

CHANGES_HEADING = "What changed since the last review:"
LISTED_MOST = 5  # changes named in a line; the rest are counted


@dataclass(frozen=True)
class RatingChange:
    name: str
    before: float
    now: float


@dataclass(frozen=True)
class ReviewChanges:
    """The plan now against the last review (`since`, None before the first review)."""

    since: date | None
    raised: list[RatingChange] = field(default_factory=list)
    lowered: list[RatingChange] = field(default_factory=list)
    achieved: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    items_done: int = 0
    confidence: tuple[int | None, int | None] = (None, None)  # at the last review, now

    def lines(self) -> list[str]:
        """One line per kind of change, for the review's check-in and the report."""
        lines = [_ratings_line("Rated higher", self.raised),
                 _ratings_line("Rated lower", self.lowered),
                 _goals_line("Goals achieved", self.achieved),
                 _goals_line("Goals added", self.added),
                 _goals_line("Goals dropped", self.dropped)]
        lines.append(f"{counted(self.items_done, 'action item')} done"
                     + (f" since {self.since}." if self.since else " so far."))
        before, now = self.confidence
        if now is not None:
            lines.append(f"Confidence {before} → {now} of 5." if before is not None
                         else f"Confidence {now} of 5.")
        return [line for line in lines if line]

    def text(self) -> str:
        return "\n".join([CHANGES_HEADING, *(f"- {line}" for line in self.lines())])


def _ratings_line(what: str, changes: Sequence[RatingChange]) -> str:
    if not changes:
        return ""
    named = [f"{change.name} {change.before:g} → {change.now:g}"
             for change in changes[:LISTED_MOST]]
    more = len(changes) - len(named)
    return f"{what}: {', '.join(named)}" + (f" and {more} more." if more else ".")


def _goals_line(what: str, statements: Sequence[str]) -> str:
    if not statements:
        return ""
    return f"{what}: " + "; ".join(f"“{statement}”" for statement in statements) + "."


def last_review_checkin(checkins: Sequence[CheckIn], before: date) -> CheckIn | None:
    """The latest self-review or performance review on or before `before`."""
    reviews = [checkin for checkin in checkins
               if checkin.kind in REVIEW_KINDS and checkin.on <= before]
    return max(reviews, key=lambda checkin: checkin.on, default=None)


def changes_since_review(assessments: Sequence[Assessment], goals: Sequence[Goal],
                         actions: Sequence[Action], checkins: Sequence[CheckIn], today: date,
                         dropped_now: Sequence[str] = (), confidence: int | None = None,
                         ) -> ReviewChanges:
    """What changed since the last review before today (or since the plan began): ratings
    of the current snapshot against the one current at that review, goals achieved and added
    since, those dropped (`dropped_now`: by this review), items done since, and confidence
    then and now."""
    last = last_review_checkin(checkins, today)
    since = last.on if last else None
    raised, lowered = _rating_changes(assessments, since)

    def after(day: date | None) -> bool:
        return day is not None and (since is None or day > since)

    return ReviewChanges(
        since=since, raised=raised, lowered=lowered,
        achieved=[goal.statement for goal in goals
                  if goal.status is GoalStatus.DONE and after(goal.done_on)],
        added=[goal.statement for goal in goals if after(goal.created_on)],
        dropped=list(dropped_now),
        items_done=sum(1 for action in actions if action.done and after(action.done_on)),
        confidence=(last.confidence if last else None, confidence))


def snapshot_then(assessments: Sequence[Assessment], since: date | None) -> Assessment | None:
    """The snapshot current at the review of `since` (the first one when there was none),
    other than the current snapshot."""
    current = current_snapshot(assessments)
    earlier = [a for a in assessments if a is not current
               and (since is None or a.taken_on <= since)]
    if since is None:
        return min(earlier, key=lambda a: a.taken_on, default=None)
    return max(earlier, key=lambda a: a.taken_on, default=None)


def _rating_changes(assessments: Sequence[Assessment], since: date | None,
                    ) -> tuple[list[RatingChange], list[RatingChange]]:
    """Ratings that rose and fell from the snapshot current at `since` (the first snapshot
    when there was no review) to the current one, the largest change first."""
    current, then = current_snapshot(assessments), snapshot_then(assessments, since)
    if current is None or then is None:
        return [], []
    before = levels_of(then)
    changes = [RatingChange(rating.name, before[rating.key], rating.level)
               for rating in current.ratings
               if rating.key in before and rating.level != before[rating.key]]
    changes.sort(key=lambda change: abs(change.now - change.before), reverse=True)
    return ([change for change in changes if change.now > change.before],
            [change for change in changes if change.now < change.before])
