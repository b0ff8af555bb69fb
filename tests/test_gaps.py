"""Gap ranking: priority = importance x positive gap; unrated areas count as 0."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careertui.model.gaps import (
    Gap,
    chart_series,
    draft_goal_statement,
    rank_gaps,
    role_gaps,
    shown_level,
)
from careertui.roles import load_library


@dataclass(frozen=True)
class El:
    id: str
    name: str
    domain: str = "skill"
    category: str = "Technical Skills"


@dataclass(frozen=True)
class Need:
    importance: float
    level: float
    low_precision: bool = False


ELEMENTS = [El("a", "Alpha"), El("b", "Beta"), El("c", "Gamma"), El("k", "Law", "knowledge")]


def test_priority_is_importance_times_positive_gap():
    required = {"a": Need(4.0, 5.0), "b": Need(2.0, 6.0), "c": Need(5.0, 1.0)}
    gaps = rank_gaps(ELEMENTS, required, {"a": 2.0, "b": 3.0, "c": 3.0})
    assert [(g.key, g.gap, g.priority) for g in gaps] == [
        ("a", 3.0, 12.0),
        ("b", 3.0, 6.0),
        ("c", -2.0, 0.0),  # already above what is needed: no priority, listed last
    ]


def test_unrated_areas_count_as_zero_and_say_so():
    required = {"a": Need(3.0, 2.0), "k": Need(3.5, 4.0)}
    gaps = {g.key: g for g in rank_gaps(ELEMENTS, required, {"a": 2.0})}
    assert gaps["k"].current == 0.0 and not gaps["k"].rated
    assert gaps["k"].priority == 14.0
    assert gaps["a"].rated and gaps["a"].gap == 0.0 and gaps["a"].priority == 0.0


def test_ties_break_by_gap_then_importance_then_name():
    required = {"a": Need(2.0, 4.0), "b": Need(4.0, 2.0), "c": Need(2.0, 4.0)}
    gaps = rank_gaps(ELEMENTS, required, {})
    # a: 2x4=8, b: 4x2=8, c: 2x4=8 -> larger gap first (a, c by name), then b
    assert [g.key for g in gaps] == ["a", "c", "b"]


def test_an_unrated_occupation_has_no_gaps():
    assert rank_gaps(ELEMENTS, {}, {"a": 3.0}) == []


def test_elements_the_occupation_does_not_rate_are_left_out():
    gaps = rank_gaps(ELEMENTS, {"b": Need(3.0, 3.0)}, {})
    assert [g.key for g in gaps] == ["b"]


def test_draft_goal_statement_reads_naturally():
    gap = Gap("2.B.3.e", "Programming", "skill", "Technical Skills", 2.0, True, 5.0, 4.0)
    assert draft_goal_statement(gap) == "Raise Programming from 2 to 5"
    gap = Gap("x", "Writing", "skill", "Basic", 2.5, True, 4.25, 3.0)
    assert draft_goal_statement(gap) == "Raise Writing from 2.5 to 4.2"


def test_chart_series_keeps_only_open_gaps_in_rank_order():
    required = {"a": Need(4.0, 5.0), "b": Need(2.0, 6.0), "c": Need(5.0, 1.0)}
    gaps = rank_gaps(ELEMENTS, required, {"a": 2.0, "b": 3.0, "c": 3.0})
    assert chart_series(gaps, top=5) == (["Alpha", "Beta"], [2.0, 3.0], [5.0, 6.0])
    assert chart_series(gaps, top=1) == (["Alpha"], [2.0], [5.0])


@pytest.mark.parametrize(("current", "required", "shown"), [
    (5.0, 4.85, ("5.0", "4.8", "-0.2")),   # was "Gap -0.1": 5.0 - 4.85 rounded on its own
    (2.5, 4.75, ("2.5", "4.8", "+2.3")),
    (3.0, 3.04, ("3.0", "3.0", "+0.0")),
    (0.0, 6.95, ("0.0", "7.0", "+7.0")),
])
def test_the_shown_gap_is_the_shown_needed_level_minus_the_shown_level(current, required, shown):
    gap = Gap("a", "Alpha", "skill", "x", current, True, required, 4.0)
    assert (shown_level(gap.current), shown_level(gap.required), f"{gap.gap:+.1f}") == shown
    assert gap.priority == round(4.0 * max(float(shown[2]), 0.0), 2)


@given(st.integers(0, 14), st.integers(0, 700))
def test_shown_numbers_always_add_up(halves, hundredths):
    gap = Gap("a", "Alpha", "skill", "x", halves / 2, True, hundredths / 100, 2.77)
    you, needed = float(shown_level(gap.current)), float(shown_level(gap.required))
    assert f"{gap.gap:+.1f}" == f"{needed - you:+.1f}"
    assert gap.gap == round(needed - you, 1)
    assert gap.priority == round(2.8 * max(gap.gap, 0.0), 2)  # the shown importance, 2.8


def test_a_low_precision_requirement_is_marked_on_its_gap():
    required = {"a": Need(4.0, 5.0, low_precision=True), "b": Need(2.0, 6.0)}
    gaps = {g.key: g for g in rank_gaps(ELEMENTS, required, {})}
    assert (gaps["a"].low_precision, gaps["b"].low_precision) == (True, False)


def test_registered_nurses_need_no_repairing():
    library = load_library()
    nurses = library.occupation("29-1141.00")
    names = {gap.name for gap in role_gaps(library, nurses, [])}
    assert "Repairing" not in names  # O*NET: needed 0.1, "Not Relevant"
    assert {"Reading Comprehension", "Medicine and Dentistry"} <= names
    marked = next((o, key) for o in library.occupations
                  for key, rating in o.ratings.items() if rating.low_precision)
    occupation, key = marked
    assert {g.key: g.low_precision for g in role_gaps(library, occupation, [])}[key] is True
