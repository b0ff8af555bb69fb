"""Evidence for every skill: the done action items, milestones and check-ins tagged with it, and
the important areas of the target that have none yet."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from careertui.model.gaps import Gap, shown_level
from careertui.model.plan import Action, CheckIn, Goal, Milestone

# An area of the target from this O*NET importance up needs evidence (as the mentor sheet).
IMPORTANT = 3.0


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence of a skill: what it is ("done item"...), when, and its text."""

    kind: str
    on: date | None
    text: str


def evidence_by_skill(actions: Iterable[Action], milestones: Iterable[Milestone],
                      checkins: Iterable[CheckIn]) -> dict[str, list[Evidence]]:
    """Skill key -> its evidence, newest first: done action items, milestones and check-ins
    tagged with it (an item counts once it is done)."""
    found: dict[str, list[Evidence]] = {}
    pieces: list[tuple[list[str], Evidence]] = []
    pieces += [(a.skills, Evidence("done item", a.done_on, a.title))
               for a in actions if a.done and a.skills]
    pieces += [(m.skills, Evidence("milestone", m.on, m.title)) for m in milestones if m.skills]
    pieces += [(c.skills, Evidence("check-in", c.on, c.notes.split("\n")[0] or c.kind.value))
               for c in checkins if c.skills]
    for keys, evidence in pieces:
        for key in dict.fromkeys(keys):
            found.setdefault(key, []).append(evidence)
    for items in found.values():
        items.sort(key=lambda e: e.on or date.min, reverse=True)
    return found


def without_evidence(gaps: Iterable[Gap], evidence: dict[str, list[Evidence]]) -> list[Gap]:
    """The target's important areas (IMPORTANT and up) with no evidence yet, in gap order."""
    return [gap for gap in gaps if gap.importance >= IMPORTANT and not evidence.get(gap.key)]


def no_evidence_words(gap: Gap) -> str:
    """"Negotiation: needed 3.0, 0 pieces of evidence"."""
    return f"{gap.name}: needed {shown_level(gap.required)}, 0 pieces of evidence"


def suggested_skill(record: Action | Milestone | CheckIn, goals: Iterable[Goal]) -> str | None:
    """The skill a record is most likely evidence of: for an action item, the gap its goal
    closes; None when there is none to suggest."""
    if isinstance(record, Action) and record.goal_id:
        goal = next((g for g in goals if g.id == record.goal_id), None)
        return goal.gap_key if goal is not None else None
    return None
