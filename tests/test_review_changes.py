"""What changed since the last review: ratings, goals, items done and confidence."""

from __future__ import annotations

from datetime import date

from careertui.model.plan import (
    Action,
    ActionStatus,
    Assessment,
    CheckIn,
    CheckInKind,
    Goal,
    GoalStatus,
    SkillRating,
)
from careertui.model.review_changes import CHANGES_HEADING, RatingChange, changes_since_review

TODAY = date(2027, 3, 1)
LAST_REVIEW = date(2026, 12, 1)


def snapshot(day: date, **levels: float) -> Assessment:
    return Assessment(day, [SkillRating(f"key-{name}", name, level)
                            for name, level in levels.items()])


def done(title: str, on: date) -> Action:
    return Action(title, status=ActionStatus.DONE, done_on=on)


PLAN = dict(
    assessments=[snapshot(date(2026, 6, 1), Writing=2.0, Speaking=3.0, Coordination=4.0),
                 snapshot(date(2026, 11, 20), Writing=2.5, Speaking=3.0, Coordination=4.0),
                 snapshot(TODAY, Writing=3.5, Speaking=2.5, Coordination=4.0, Monitoring=3.0)],
    goals=[Goal("Give 4 talks", status=GoalStatus.DONE, created_on=date(2026, 5, 1),
                done_on=date(2027, 2, 1)),
           Goal("Pass the CAPM exam", created_on=date(2027, 1, 10)),
           Goal("Old goal achieved before", status=GoalStatus.DONE, done_on=date(2026, 10, 1))],
    actions=[done("Course", date(2027, 1, 5)), done("Talk", date(2027, 2, 1)),
             done("Before the review", date(2026, 11, 30)), Action("Still open")],
    checkins=[CheckIn(LAST_REVIEW, CheckInKind.SELF_REVIEW, confidence=3),
              CheckIn(date(2027, 1, 15), CheckInKind.MENTOR, confidence=5)],
)


def test_changes_count_from_the_last_review_and_its_snapshot():
    changes = changes_since_review(**PLAN, today=TODAY, dropped_now=["Lead the squad"],
                                   confidence=4)
    assert changes.since == LAST_REVIEW  # a mentor check-in is no review
    # Against the snapshot current at the review (2026-11-20), not the first one.
    assert changes.raised == [RatingChange("Writing", 2.5, 3.5)]
    assert changes.lowered == [RatingChange("Speaking", 3.0, 2.5)]
    assert changes.achieved == ["Give 4 talks"]
    assert changes.added == ["Pass the CAPM exam"]
    assert changes.dropped == ["Lead the squad"]
    assert changes.items_done == 2
    assert changes.confidence == (3, 4)
    assert changes.text() == "\n".join([
        CHANGES_HEADING,
        "- Rated higher: Writing 2.5 → 3.5.",
        "- Rated lower: Speaking 3 → 2.5.",
        "- Goals achieved: “Give 4 talks”.",
        "- Goals added: “Pass the CAPM exam”.",
        "- Goals dropped: “Lead the squad”.",
        "- 2 action items done since 2026-12-01.",
        "- Confidence 3 → 4 of 5.",
    ])


def test_a_first_review_counts_from_the_first_snapshot_and_the_start():
    plan = dict(PLAN, checkins=[])
    changes = changes_since_review(**plan, today=TODAY)
    assert changes.since is None
    assert changes.raised == [RatingChange("Writing", 2.0, 3.5)]
    assert changes.items_done == 3
    assert changes.lines()[-1] == "3 action items done so far."  # no confidence given


def test_nothing_changed_says_so_in_one_line():
    changes = changes_since_review([], [], [], [], TODAY)
    assert changes.lines() == ["0 action items done so far."]


def test_many_changed_ratings_are_named_five_at_a_time_largest_first():
    before = snapshot(date(2026, 1, 1), **{f"S{n}": 1.0 for n in range(8)})
    after = snapshot(TODAY, **{f"S{n}": 1.0 + 0.5 * (n + 1) for n in range(8)})
    changes = changes_since_review([before, after], [], [], [], TODAY)
    assert [change.name for change in changes.raised][:2] == ["S7", "S6"]
    assert changes.lines()[0].endswith("S3 1 → 3 and 3 more.")
