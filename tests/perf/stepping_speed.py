"""How long the stepping stones take on the demo plan's ratings: the one-off preparation of the
library's 879 rated occupations, scoring all of them, and the path search to the target."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from time import perf_counter

from careertui.model.assessment import current_snapshot, levels_of
from careertui.model.plan import Plan
from careertui.roles import load_library
from careertui.roles.stepping_stones import SteppingStones

RUNS = 15


def _median_ms(work: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = perf_counter()
        work()
        times.append(perf_counter() - start)
    return statistics.median(times) * 1000


def stepping_figures(plan: Plan) -> dict[str, float]:
    library = load_library()
    levels = levels_of(current_snapshot(plan.assessments))
    target = library.occupation(plan.destination.target_role_code)
    assert target is not None, "the plan has a target role in the library"
    prepare_ms = _median_ms(lambda: SteppingStones(library), runs=3)
    stones = SteppingStones(library)
    return {
        "occupations": len(stones.rated),
        "prepare_ms": prepare_ms,
        # Every rated occupation scored and ranked; the five closest with their gaps.
        "score_all_ms": _median_ms(lambda: stones.closest(levels, limit=5)),
        "paths_ms": _median_ms(lambda: stones.paths(levels, target, plan.profile.job_zone)),
    }
