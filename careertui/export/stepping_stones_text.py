"""The report's "Stepping stones" section: the occupations closest to your ratings, and paths
to the target role."""

from __future__ import annotations

from careertui.export.markdown_text import CELL, escape, table
from careertui.model.assessment import current_snapshot, levels_of
from careertui.model.gaps import gap_words
from careertui.model.plan import Plan
from careertui.roles.library import RoleLibrary
from careertui.roles.stepping_stones import stepping_stones

CLOSEST = 5
PATHS = 3


def stepping_stones_text(plan: Plan, library: RoleLibrary | None) -> str:
    """The section's body; "" when there is nothing to measure (no library, no ratings)."""
    levels = levels_of(current_snapshot(plan.assessments))
    if library is None or not levels:
        return ""
    stones = stepping_stones(library)
    code = plan.destination.target_role_code
    target = library.occupation(code) if code else None
    leave_out = frozenset({code}) if code else frozenset()
    rows = [[escape(near.occupation.title, CELL), str(near.occupation.job_zone or "—"),
             f"{near.distance:.2f}",
             escape(", ".join(gap_words(gap) for gap in near.top_gaps), CELL) or "none"]
            for near in stones.closest(levels, CLOSEST, leave_out)]
    lines = ["### Closest to you now", "",
             "Your levels against each rated occupation's, as the mean difference weighted by "
             "how important each area is to it.", "",
             table(["Occupation", "Job zone", "Apart", "Largest gaps"], rows, right=(1, 2))]
    if target is not None and target.requirements:
        lines += ["", f"### Paths to {escape(target.title)}", "",
                  f"Going straight there is a jump of {stones.straight_jump(levels, target):.2f} "
                  "(the mean level still to learn, weighted by importance); each step below is "
                  "smaller, and rises one job zone at most.", ""]
        paths = stones.paths(levels, target, plan.profile.job_zone, PATHS)
        lines += [f"{number}. you → " + " → ".join(
                      f"{escape(stop.title)} ({jump:.2f})" for stop, jump in path.legs(target))
                  + f"; total {path.total:.2f}"
                  for number, path in enumerate(paths, start=1)] or [
            "_No stepping stone: no occupation on the way is a smaller jump._"]
    return "\n".join(lines)
