"""Your ratings beside your mentor's: where you disagree most, and the levels a gap analysis
uses from either view or their mean."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from careertui.model.assessment import levels_of
from careertui.model.labels import counted
from careertui.model.plan import Assessment


class RatingView(StrEnum):
    """Whose levels the gap analysis uses."""

    SELF = "self"
    MENTOR = "mentor"
    MEAN = "mean"


VIEW_LABELS = {
    RatingView.SELF: "your own ratings",
    RatingView.MENTOR: "your mentor's ratings (yours where they gave none)",
    RatingView.MEAN: "the mean of yours and your mentor's",
}


@dataclass(frozen=True)
class Disagreement:
    """A skill your mentor rated: your level (None when you have not rated it) and theirs."""

    key: str
    name: str
    yours: float | None
    mentor: float
    comment: str

    @property
    def apart(self) -> float:
        return abs(self.mentor - (self.yours or 0.0))

    def words(self) -> str:
        """"you 2.0, mentor 3.5: Negotiation"."""
        yours = "not rated" if self.yours is None else f"{self.yours:.1f}"
        return f"you {yours}, mentor {self.mentor:.1f}: {self.name}"


def disagreements(snapshot: Assessment | None) -> list[Disagreement]:
    """Every skill the snapshot's mentor view rates, the largest difference first (then by
    name); [] without a mentor view."""
    if snapshot is None:
        return []
    yours = levels_of(snapshot)
    found = [Disagreement(rating.key, rating.name, yours.get(rating.key), rating.level,
                          rating.comment) for rating in snapshot.mentor_view.ratings]
    return sorted(found, key=lambda d: (-d.apart, d.name))


def mentor_summary(snapshot: Assessment | None, shown: int = 3) -> str:
    """"Priya Shah rated 12 skills on 2026-12-02; you disagree most on: you 2.0, mentor 3.5:
    Negotiation · ..."; "" without a mentor view."""
    found = disagreements(snapshot)
    if snapshot is None or not found:
        return ""
    view = snapshot.mentor_view
    count = len(found)
    most = " · ".join(d.words() for d in found[:shown] if d.apart > 0)
    return (f"{view.mentor} rated {counted(count, 'skill')} on {view.rated_on}"
            + (f"; you disagree most on: {most}" if most else "; you agree on every one"))


def view_levels(snapshot: Assessment | None, view: RatingView) -> dict[str, float]:
    """Skill key -> the level `view` gives: yours, your mentor's (yours where they rated
    nothing), or the mean of the two (the one there is where only one rated it)."""
    yours = levels_of(snapshot)
    if snapshot is None or view is RatingView.SELF:
        return yours
    theirs = {rating.key: rating.level for rating in snapshot.mentor_view.ratings}
    if view is RatingView.MENTOR:
        return {**yours, **theirs}
    return {key: (yours[key] + theirs[key]) / 2 if key in yours and key in theirs
            else yours.get(key, theirs.get(key, 0.0)) for key in yours.keys() | theirs.keys()}
