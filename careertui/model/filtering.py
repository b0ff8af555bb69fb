"""Filter a list by what the person types after `/`: every word must appear somewhere."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from careertui.model.checkin import CHECKIN_LABELS
from careertui.model.labels import KIND_LABELS
from careertui.model.plan import Action, CheckIn, Goal


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


def goal_texts(goal: Goal) -> tuple[str, ...]:
    """What a goal is found by: its statement, its measure's metric and its reasons."""
    return goal.statement, goal.measure.metric, goal.achievable, goal.realistic


def filtered_goals(words: list[str], goals: Sequence[Goal],
                   actions: Sequence[Action]) -> tuple[list[Goal], list[Action]]:
    """The goals and items a filter keeps in the plan tree: the items that match (an item
    matches its goal's words too) and the goals that match or hold a matching item."""
    if not words:
        return list(goals), list(actions)
    statements = {goal.id: goal.statement for goal in goals}
    kept_items = [action for action in actions
                  if matches(words, action_texts(action, statements.get(action.goal_id or "", "")))]
    holding = {action.goal_id for action in kept_items}
    kept_goals = [goal for goal in goals
                  if goal.id in holding or matches(words, goal_texts(goal))]
    return kept_goals, kept_items
