"""Which unrated areas of the target role Gaps asks about before it ranks the gaps."""

from __future__ import annotations

from careertui.model.gaps import Gap
from careertui.model.unrated import ASK_AT_MOST, IMPORTANT, to_rate_first


def gap(key: str, importance: float, required: float, rated: bool = False) -> Gap:
    return Gap(key, key, "knowledge", "c", 3.0 if rated else 0.0, rated, required, importance)


def test_the_important_unrated_areas_that_would_weigh_most_as_0_come_first():
    gaps = [gap("minor", 2.9, 7.0), gap("core", 4.5, 5.0), gap("deep", 3.0, 6.5),
            gap("rated", 5.0, 7.0, rated=True)]
    # 4.5 x 5.0 = 22.5 before 3.0 x 6.5 = 19.5; "minor" is below O*NET's "Important" (3).
    assert [g.key for g in to_rate_first(gaps)] == ["core", "deep"]
    assert IMPORTANT == 3.0


def test_at_most_six_are_asked_and_none_once_all_important_areas_are_rated():
    many = [gap(f"k{i}", 3.0 + i / 10, 4.0) for i in range(10)]
    assert len(to_rate_first(many)) == ASK_AT_MOST == 6
    assert to_rate_first([gap("a", 4.0, 4.0, rated=True), gap("b", 1.5, 5.0)]) == []
