"""The report's "Evidence" section: for each important area of the target, the done items,
milestones and check-ins tagged with it, and the areas with none yet."""

from __future__ import annotations

from careertui.export.markdown_text import CELL, escape, table
from careertui.model.evidence import IMPORTANT, evidence_by_skill
from careertui.model.gaps import Gap, shown_level
from careertui.model.plan import Plan


def evidence_text(plan: Plan, gaps: list[Gap]) -> str:
    """The section's body: "" without a target's gaps to hold evidence against."""
    important = [gap for gap in gaps if gap.importance >= IMPORTANT]
    if not important:
        return ""
    found = evidence_by_skill(plan.actions, plan.milestones, plan.checkins)
    rows = []
    for gap in important:
        items = found.get(gap.key, [])
        latest = f"{items[0].on}: {items[0].text}" if items else "none yet"
        rows.append([escape(gap.name, CELL), shown_level(gap.required), str(len(items)),
                     escape(latest, CELL)])
    missing = sum(1 for gap in important if not found.get(gap.key))
    return "\n".join([
        f"The target's {len(important)} important areas (O\\*NET importance 3 or more) and the "
        f"evidence tagged with each; {missing} have none yet (in step 5, t tags a done item, "
        "a milestone or a check-in).", "",
        table(["Area", "Needed", "Evidence", "Latest"], rows, right=(1, 2))])
