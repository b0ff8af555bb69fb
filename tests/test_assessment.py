"""Pure tests of the self-assessment logic: snapshots, change, rating, custom skills, years."""

from __future__ import annotations

import re
from datetime import date

import pytest

from careertui.model.assessment import (
    anchor_marks,
    change_label,
    changes_since,
    check_year_order,
    current_snapshot,
    custom_ratings,
    custom_skill_key,
    is_custom,
    level_of,
    most_recent_first,
    parse_level,
    previous_snapshot,
    remove_rating,
    set_level,
    step_level,
    take_snapshot,
    years_label,
)
from careertui.model.plan import Assessment, Experience, SkillRating
from careertui.model.validation import Invalid
from tests.conftest import TODAY


def snapshot(day: date, **levels: float) -> Assessment:
    return Assessment(day, [SkillRating(key, key.title(), level) for key, level in levels.items()])


# Current and previous snapshot -------------------------------------------------------------


def test_current_and_previous_follow_the_dates_not_the_order_added():
    middle, old, new = snapshot(date(2026, 5, 1)), snapshot(date(2025, 1, 1)), snapshot(TODAY)
    assessments = [middle, new, old]
    assert current_snapshot(assessments) is new
    assert previous_snapshot(assessments) is middle


def test_no_snapshots_means_no_current_and_no_previous():
    assert current_snapshot([]) is None
    assert previous_snapshot([]) is None
    only = snapshot(TODAY)
    assert current_snapshot([only]) is only
    assert previous_snapshot([only]) is None


# Change since the previous snapshot --------------------------------------------------------


def test_change_up_down_unchanged_new_and_removed():
    before = snapshot(date(2026, 1, 1), up=3.0, down=4.0, same=2.0, removed=5.0)
    after = snapshot(TODAY, up=3.5, down=3.0, same=2.0, new=1.0)
    changes = changes_since(after, before)
    assert changes == {"up": 0.5, "down": -1.0, "same": 0.0, "new": None}
    labels = {key: change_label(key, changes) for key in ("up", "down", "same", "new", "removed")}
    assert labels == {"up": "▲ +0.5", "down": "▼ -1.0", "same": "", "new": "new", "removed": ""}


def test_no_previous_snapshot_means_no_change_shown():
    changes = changes_since(snapshot(TODAY, up=3.0), None)
    assert changes == {}
    assert change_label("up", changes) == ""


# New snapshot ------------------------------------------------------------------------------


def test_new_snapshot_copies_everything_into_a_distinct_record_dated_today():
    old = snapshot(date(2026, 10, 23), writing=4.0)
    old.strengths, old.motivators = "Patient", "Impact"
    old.experiences = [Experience("Analyst", "Northwind", 2019, 2022, "Reports")]
    new = take_snapshot(old, TODAY)
    assert new.id != old.id
    assert new.taken_on == TODAY
    assert new.ratings == old.ratings and new.experiences == old.experiences
    assert (new.strengths, new.motivators) == ("Patient", "Impact")
    set_level(new, "writing", "Writing", 5.0)
    new.experiences[0].role = "Lead"
    assert level_of(old, "writing") == 4.0  # the copy shares no lists or records with the old one
    assert old.experiences[0].role == "Analyst"
    assert old.taken_on == date(2026, 10, 23)


def test_no_duplicate_snapshot_on_the_same_day():
    today_snapshot = snapshot(TODAY, writing=4.0)
    with pytest.raises(Invalid, match=f"already dated {TODAY}"):
        take_snapshot(today_snapshot, TODAY)


def test_first_snapshot_of_an_empty_plan_is_empty_and_dated_today():
    first = take_snapshot(None, TODAY)
    assert first.taken_on == TODAY
    assert first.ratings == [] and first.experiences == []


# Rating ------------------------------------------------------------------------------------


def test_rating_clamps_at_0_and_7_and_keeps_half_steps():
    assessment = snapshot(TODAY)
    assert set_level(assessment, "a", "A", 9.0) == 7.0
    assert step_level(assessment, "a", "A", +1) == 7.0
    assert set_level(assessment, "a", "A", -2.0) == 0.0
    assert step_level(assessment, "a", "A", -1) == 0.0
    assert set_level(assessment, "a", "A", 3.3) == 3.5
    assert [r.key for r in assessment.ratings] == ["a"]  # one rating per skill, updated


def test_an_unrated_skill_has_no_rating_until_it_is_stepped():
    assessment = snapshot(TODAY, a=2.0)
    assert level_of(assessment, "b") is None
    assert level_of(None, "a") is None
    assert step_level(assessment, "b", "B", +1) == 0.5
    assert step_level(assessment, "c", "C", -1) == 0.0
    assert {r.key: r.level for r in assessment.ratings} == {"a": 2.0, "b": 0.5, "c": 0.0}


def test_parse_level_accepts_half_steps_and_explains_the_rest():
    assert parse_level("3.5") == 3.5
    assert parse_level(" 4,5 ") == 4.5
    assert parse_level("") == 0.0
    with pytest.raises(Invalid, match="not a number"):
        parse_level("high")
    with pytest.raises(Invalid, match="half steps"):
        parse_level("3.3")
    with pytest.raises(Invalid, match="0 to 7"):
        parse_level("8")


# Custom skills -----------------------------------------------------------------------------


def test_custom_skill_keys_are_unique_custom_uuid_hex():
    first, second = custom_skill_key(), custom_skill_key()
    assert re.fullmatch(r"custom:[0-9a-f]{32}", first)
    assert first != second
    assert is_custom(first) and not is_custom("2.A.1.a")


def test_custom_ratings_lists_only_own_skills_and_removal_drops_one():
    key = custom_skill_key()
    assessment = snapshot(TODAY, **{"2.A.1.a": 4.0})
    set_level(assessment, key, "Public speaking", 2.0)
    assert [r.name for r in custom_ratings(assessment)] == ["Public speaking"]
    assert custom_ratings(None) == []
    remove_rating(assessment, key)
    assert custom_ratings(assessment) == []
    assert level_of(assessment, "2.A.1.a") == 4.0


# Experience --------------------------------------------------------------------------------


def test_end_year_may_not_come_before_the_start_year():
    assert check_year_order(2019, 2022) == 2022
    assert check_year_order(2019, 2019) == 2019
    assert check_year_order(2019, None) is None
    assert check_year_order(None, 2010) == 2010
    with pytest.raises(Invalid, match=r"before the start year \(2019\)"):
        check_year_order(2019, 2018)


def test_experiences_read_like_a_cv():
    old = Experience("Junior", start_year=2015, end_year=2017)
    mid = Experience("Analyst", start_year=2017, end_year=2020)
    now = Experience("Lead", start_year=2020)
    assert most_recent_first([old, now, mid]) == [now, mid, old]
    assert [years_label(e) for e in (old, now, Experience("Intern"))] == [
        "2015–2017", "2020–now", ""]


# Level anchors -----------------------------------------------------------------------------


ANCHORS = [(2.0, "simple"), (4.0, "usual"), (6.0, "expert")]


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (4.5, ["next", "reached", ""]),
        (4.0, ["next", "reached", ""]),
        (1.0, ["", "", "next"]),
        (7.0, ["reached", "", ""]),
        (None, ["", "", "next"]),
    ],
)
def test_anchor_marks_show_what_is_reached_and_what_is_next(level, expected):
    marked = anchor_marks(ANCHORS, level)
    assert [value for value, _, _ in marked] == [6.0, 4.0, 2.0]
    assert [mark for _, _, mark in marked] == expected
