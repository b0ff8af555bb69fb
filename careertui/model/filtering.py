"""Filter a list by what the person types after `/`: every word must appear somewhere."""

from __future__ import annotations

from collections.abc import Iterable

from careertui.model.checkin import CHECKIN_LABELS
from careertui.model.labels import KIND_LABELS
from careertui.model.plan import Action, CheckIn


def query_words(query: str) -> list[str]:
    """The words of a filter, case-folded ("Mentor  Q3" -> ["mentor", "q3"])."""
    return query.casefold().split()


def matches(words: list[str], texts: Iterable[str]) -> bool:
    """True when each of `words` is part of one of `texts` (no words: everything matches)."""
    haystack = "\n".join(texts).casefold()
    return all(word in haystack for word in words)


def action_texts(action: Action, goal_statement: str) -> tuple[str, ...]:
    """What an action item is found by: its title, notes, kind and goal."""
    return action.title, action.notes, KIND_LABELS[action.kind], goal_statement


def checkin_texts(checkin: CheckIn) -> tuple[str, ...]:
    """What a check-in is found by: its notes, next steps, kind and date."""
    return checkin.notes, checkin.next_steps, CHECKIN_LABELS[checkin.kind], str(checkin.on)
