"""Stepping stones: the distance to an occupation, the closest ones, and the path search on a
small hand-made library whose best paths are known."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careertui.demo import demo_plan
from careertui.export.stepping_stones_text import stepping_stones_text
from careertui.model.assessment import current_snapshot, levels_of
from careertui.model.plan import Plan
from careertui.roles import load_library
from careertui.roles.library import Element, Occupation, Rating, RoleLibrary
from careertui.roles.stepping_stones import SteppingStones, distance, jump
from tests.conftest import TODAY

AREAS = ("e1", "e2", "e3", "e4", "e5")


def occupation(code: str, zone: int | None, levels: dict[str, float],
               importance: float = 4.0) -> Occupation:
    ratings = {key: Rating(importance, level) for key, level in levels.items()}
    return Occupation(code, f"Job {code}", "", zone, None, (), ratings)


def library(*occupations: Occupation) -> RoleLibrary:
    elements = tuple(Element(key, f"Area {key}", "Basic Skills", "skill", "") for key in AREAS)
    return RoleLibrary(skills=elements, knowledge=(), occupations=occupations, anchors={},
                       education_levels={}, education_descriptions={}, job_zones={},
                       attribution="", release="test", search_lines={}, vocabulary="")


YOU = {key: 1.0 for key in AREAS[:4]}
# Straight to the target is a jump of 4: every area it needs is 4 levels above yours.
TARGET = occupation("T", 4, {"e1": 5, "e2": 5, "e3": 5, "e4": 5})
HALFWAY = occupation("G", 3, {"e1": 5, "e2": 5, "e3": 1, "e4": 1})  # 2, then 2: total 4
# 0.6 from you, and wastes a little on e5: alone on the way, a total of 4.1.
FIRST_STEP = occupation("A", 2, {"e1": 2, "e2": 2, "e3": 1, "e4": 1, "e5": 1})
# Needs e5, which the target does not: learning it is wasted on the way (total 5.5).
DETOUR = occupation("W", 3, {"e1": 4, "e2": 4, "e5": 3})
TOO_FAR = occupation("F", 3, {"e1": 5, "e2": 5, "e3": 5, "e4": 5, "e5": 5})  # 4.8 > 4
STONES = SteppingStones(library(TARGET, HALFWAY, FIRST_STEP, DETOUR, TOO_FAR))


def codes(path) -> list[str]:
    return [stop.code for stop in path.stops]


def test_distance_counts_both_ways_and_a_jump_only_what_is_to_learn():
    stones = SteppingStones(library(occupation("X", 3, {"e1": 5, "e2": 1}, importance=2),))
    needs = stones.rated[0]
    levels = stones.levels({"e1": 3.0, "e2": 4.0})
    assert distance(levels, needs) == pytest.approx((2 * 2 + 2 * 3) / 4)  # 2 below, 3 above
    assert jump(levels, needs) == pytest.approx(2 * 2 / 4)  # being above counts 0
    assert jump(stones.levels({}), needs) == pytest.approx((2 * 5 + 2 * 1) / 4)  # unrated: 0


def test_the_closest_occupations_come_first_each_with_its_largest_gaps():
    closest = STONES.closest(YOU, limit=3, leave_out=frozenset({"T"}))
    assert [near.occupation.code for near in closest] == ["A", "G", "W"]
    assert [near.distance for near in closest] == sorted(near.distance for near in closest)
    assert [gap.name for gap in closest[1].top_gaps] == ["Area e1", "Area e2"]  # e3, e4 met
    assert closest[0].distance == pytest.approx(0.6) and closest[0].top_gaps[0].gap == 1.0


def test_the_best_path_is_found_and_a_detour_ranks_below_it():
    paths = STONES.paths(YOU, TARGET, start_zone=None, limit=10)
    assert codes(paths[0]) == ["G"]
    assert paths[0].jumps == pytest.approx((2.0, 2.0))
    by_stops = {tuple(codes(path)): path for path in paths}
    assert by_stops[("W",)].total == pytest.approx(3 + 2.5)
    assert paths.index(by_stops[("W",)]) > 0
    assert ("F",) not in by_stops  # a bigger jump than going straight


def test_each_step_rises_one_job_zone_at_most():
    paths = STONES.paths(YOU, TARGET, start_zone=1, limit=10)
    assert codes(paths[0]) == ["A", "G"]  # zone 1, then 2, 3, and the target's 4
    assert paths[0].jumps == pytest.approx((0.6, 1.5, 2.0))
    for path in paths:
        zones = [1, *(stop.job_zone for stop in path.stops), TARGET.job_zone]
        assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(zones))
    assert STONES.paths(YOU, TARGET, start_zone=0) == []  # zone 1 stops and none at 2


def test_no_path_when_you_already_meet_the_target():
    assert STONES.paths({key: 5.0 for key in AREAS}, TARGET, start_zone=None) == []


level_values = st.floats(0, 7, allow_nan=False).map(lambda level: round(level, 1))
needs = st.dictionaries(st.sampled_from(AREAS), level_values, min_size=1)
libraries = st.lists(st.tuples(st.integers(1, 5), needs), min_size=2, max_size=12)


@settings(max_examples=80, deadline=None)
@given(libraries, st.dictionaries(st.sampled_from(AREAS), level_values),
       st.integers(1, 5) | st.none())
def test_every_path_found_keeps_the_rules(made, yours, start_zone):
    occupations = [occupation(f"O{i}", zone, levels) for i, (zone, levels) in enumerate(made)]
    stones = SteppingStones(library(*occupations))
    target = occupations[0]
    straight = stones.straight_jump(yours, target)
    paths = stones.paths(yours, target, start_zone, limit=5)
    assert [path.total for path in paths] == sorted(path.total for path in paths)
    for path in paths:
        assert 1 <= len(path.stops) <= 3 and target not in path.stops
        assert len({stop.code for stop in path.stops}) == len(path.stops)
        assert all(step < straight for step in path.jumps)
        zones = [start_zone, *(stop.job_zone for stop in path.stops), target.job_zone]
        assert all(earlier is None or later <= earlier + 1
                   for earlier, later in itertools.pairwise(zones))


def test_the_report_lists_the_closest_occupations_and_the_paths_on_the_demo_plan():
    plan = demo_plan(TODAY)
    text = stepping_stones_text(plan, load_library())
    assert "### Closest to you now" in text and "Computer and Information Systems" in text
    assert "1. you → " in text and "; total " in text
    assert stepping_stones_text(Plan(), load_library()) == ""  # nothing rated yet
    assert stepping_stones_text(plan, None) == ""


def test_all_rated_occupations_are_scored():
    stones = SteppingStones(load_library())
    assert len(stones.rated) == sum(o.rated for o in load_library().occupations) > 800
    levels = levels_of(current_snapshot(demo_plan(TODAY).assessments))
    scored = stones.scored(levels)
    assert len(scored) == len(stones.rated)
    assert [score for score, _ in scored] == sorted(score for score, _ in scored)
    assert [near.occupation for near in stones.closest(levels, 3)] == [o for _, o in scored[:3]]
