"""The `/` filter's rule: every word typed is part of one of the record's texts."""

from __future__ import annotations

import pytest

from careertui.model.filtering import action_texts, matches, query_words
from careertui.model.plan import Action, ActionKind


@pytest.mark.parametrize("query, found", [
    ("", True), ("   ", True), ("mentor", True), ("MENTOR priya", True), ("priya mentor", True),
    ("ment", True), ("mentoring", True), ("lead", True), ("mentor zzz", False),
    ("budget", False),
])
def test_every_word_must_be_found_in_the_title_notes_kind_or_goal(query, found):
    item = Action("Monthly mentor meeting with Priya", kind=ActionKind.MENTORING,
                  notes="Bring the sprint notes")
    assert matches(query_words(query), action_texts(item, "Lead the squad")) is found
