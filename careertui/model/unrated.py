"""The unrated areas of a target role to ask about before its gaps are ranked."""

from __future__ import annotations

from collections.abc import Iterable

from careertui.model.gaps import Gap, ranked

# O*NET's importance scale: 3 is "Important" (1 not important ... 5 extremely important).
IMPORTANT = 3.0
ASK_AT_MOST = 6


def to_rate_first(gaps: Iterable[Gap], limit: int = ASK_AT_MOST) -> list[Gap]:
    """The unrated areas the role counts as important, at most `limit`: those that would rank
    highest if they counted as 0 (as the gap table ranks them) first."""
    return ranked(g for g in gaps if not g.rated and g.importance >= IMPORTANT)[:limit]
