"""What a goal can serve (a gap of the target role, a need, a destination goal) and their names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from careertui.model.gaps import role_gaps
from careertui.model.labels import shorten
from careertui.model.plan import Action, Assessment, Destination, Goal, Need, Settings
from careertui.model.smart_context import SmartContext, smart_context
from careertui.model.timeline import horizon_label
from careertui.roles import RoleLibrary

# Longest choice labels that fit on one line of the goal dialog's selects.
DESTINATION_LABEL_WIDTH = 24
GAP_LABEL_WIDTH = 40


@dataclass
class PlanLinks:
    """Choices for a goal's links, and the words that name each link in the detail panel."""

    gap_options: list[tuple[str, str]] = field(default_factory=list)
    gap_names: dict[str, str] = field(default_factory=dict)
    needs: dict[str, Need] = field(default_factory=dict)
    destination: Destination = field(default_factory=Destination)
    # Every area of the target role (the SMART check's R); None until the library is loaded.
    role_areas: frozenset[str] | None = None

    def need_options(self) -> list[tuple[str, str]]:
        return [(need.title, need.id) for need in self.needs.values()]

    def destination_options(self) -> list[tuple[str, int]]:
        return [(_destination_label(goal.horizon, goal.statement), goal.horizon)
                for goal in self.destination.goals]

    def smart_context(self, goals: Iterable[Goal], actions: Iterable[Action],
                      settings: Settings, today: date) -> SmartContext:
        """What the SMART check reads besides a goal: these links, the budgets, the hours."""
        return smart_context(self.destination, list(self.needs.values()), list(goals),
                             list(actions), settings, today, self.role_areas, self.gap_names)

    def serves(self, goal: Goal) -> list[str]:
        """"gap: Writing", "need: CAPM certificate", "destination: in 3 years: …"."""
        lines = []
        if goal.gap_key is not None:
            lines.append(f"gap: {self.gap_names.get(goal.gap_key, goal.gap_key)}")
        if goal.need_id is not None:
            need = self.needs.get(goal.need_id)
            lines.append(f"need: {need.title if need else 'a deleted need'}")
        if goal.destination_horizon is not None:
            lines.append(f"destination: the {goal.destination_horizon}-year goal")
        return lines


def plan_links(destination: Destination, needs: list[Need], assessments: list[Assessment],
               goals: list[Goal], library: RoleLibrary | None) -> PlanLinks:
    """The target role's open gaps (highest priority first) when the library is loaded, plus
    every gap area a need or goal already points at, so a stored link is always on offer."""
    links = PlanLinks(needs={need.id: need for need in needs}, destination=destination)
    occupation = library.occupation(destination.target_role_code) if library else None
    if library is not None:
        links.role_areas = frozenset()
    if library is not None and occupation is not None:
        gaps = role_gaps(library, occupation, assessments)
        links.role_areas = frozenset(gap.key for gap in gaps)
        for gap in gaps:
            links.gap_names[gap.key] = gap.name
            if gap.gap > 0:
                size = f" (+{gap.gap:.1f})"
                links.gap_options.append((shorten(gap.name, GAP_LABEL_WIDTH - len(size)) + size,
                                          gap.key))
    offered = {key for _, key in links.gap_options}
    used = [need.gap_key for need in needs] + [goal.gap_key for goal in goals]
    for key in dict.fromkeys(key for key in used if key and key not in offered):
        name = links.gap_names.get(key) or _element_name(library, key)
        links.gap_names[key] = name
        links.gap_options.append((name, key))
    return links


def _element_name(library: RoleLibrary | None, key: str) -> str:
    if library is None:
        return key
    try:
        return library.element(key).name
    except KeyError:
        return key


def _destination_label(horizon: int, statement: str) -> str:
    label = f"{horizon_label(horizon)}: {statement}" if statement else horizon_label(horizon)
    return shorten(label, DESTINATION_LABEL_WIDTH)
