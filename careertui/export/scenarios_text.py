"""The report's "Scenarios" section: the alternative destinations kept, side by side."""

from __future__ import annotations

from careertui.export.markdown_text import CELL, escape, table
from careertui.model.assessment import current_snapshot, levels_of
from careertui.model.gaps import gap_words
from careertui.model.interests import scores
from careertui.model.labels import money
from careertui.model.plan import Plan
from careertui.roles.library import RoleLibrary
from careertui.roles.scenario_compare import compare


def scenarios_text(plan: Plan, library: RoleLibrary | None) -> str:
    """The section's body; "" with no scenario kept (or no library to compare them)."""
    if library is None or not plan.destination.scenarios:
        return ""
    snapshot = current_snapshot(plan.assessments)
    figures = compare(library, plan.destination, levels_of(snapshot),
                      scores(snapshot.interest_check) if snapshot else {}, plan.goals,
                      plan.actions)
    currency = plan.settings.currency
    rows = [[("◆ " if f.followed else "") + escape(f.scenario.target_role_title, CELL),
             f.scenario.path.value, f"{f.total_gap:.1f}",
             escape(", ".join(gap_words(gap) for gap in f.top_gaps), CELL) or "none",
             escape(f.fit, CELL) or "—", str(f.goals), escape(money(f.cost, currency)),
             f"{f.hours:g}",
             f"{f.deadlines[0]} → {f.deadlines[-1]}" if f.deadlines else "—"]
            for f in figures]
    return "\n".join([
        "◆ marks the one followed now. Total gap: the sum of importance times gap over the "
        "target's open gaps.", "",
        table(["Scenario", "Path", "Total gap", "Largest gaps", "Fit", "Goals", "Cost",
               "Hours", "Deadlines"], rows, right=(2, 5, 6, 7))])
