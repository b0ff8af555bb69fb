"""Scenarios on Destination: up to three alternative destinations side by side; n keeps the one
followed now, enter follows the highlighted one, d drops it."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from careertui.model.gaps import gap_words
from careertui.model.labels import counted, money
from careertui.model.plan import CareerPath
from careertui.model.scenarios import MAX_SCENARIOS
from careertui.roles.scenario_compare import ScenarioFigures

PATH_WORDS = {CareerPath.UNDECIDED: "path undecided", CareerPath.STAY: "stay and grow",
              CareerPath.TRANSITION: "transition"}
EMPTY = ("No scenario kept yet: n keeps the destination you follow now; choose another target "
         f"role and press n again to compare up to {MAX_SCENARIOS} side by side.")


def scenario_prompt(figures: ScenarioFigures, currency: str) -> Content:
    """Three lines: the target and path, its gaps and fit, then what its goals cost."""
    scenario = figures.scenario
    mark = ("◆ ", "bold") if figures.followed else ("  ", "")
    gaps = ", ".join(gap_words(gap) for gap in figures.top_gaps) or "no gap left"
    lines = [Content.assemble(mark, (f"{scenario.target_role_title}  ", "bold"),
                              (PATH_WORDS[scenario.path] + (" · followed now" if figures.followed
                                                            else ""), "dim")),
             Content(f"  total gap {figures.total_gap:.1f} · largest: {gaps}")]
    if figures.fit:
        lines.append(Content(f"  fit: {figures.fit}"))
    timeline = (f" · deadlines {figures.deadlines[0]} → {figures.deadlines[-1]}"
                if figures.deadlines else "")
    lines.append(Content(f"  {counted(figures.goals, 'goal')} · cost "
                         f"{money(figures.cost, currency)} · {figures.hours:g} h{timeline}"))
    return Content("\n").join(lines)


class ScenarioList(OptionList):
    """The scenarios kept, each with its figures."""

    BINDINGS = [
        Binding("n", "keep", "Keep as scenario"),
        Binding("enter", "follow", "Follow scenario"),
        Binding("d", "drop", "Drop scenario"),
    ]
    DEFAULT_CSS = """
    ScenarioList { height: auto; max-height: 20; border: none; padding: 0; }
    """

    class Keep(Message):
        """Keep the destination followed now as a scenario."""

    class Follow(Message):
        def __init__(self, scenario_id: str) -> None:
            super().__init__()
            self.scenario_id = scenario_id

    class Drop(Follow):
        """Drop the scenario `scenario_id`."""

    def show(self, figures: list[ScenarioFigures], currency: str) -> None:
        highlighted = self.highlighted
        self.clear_options()
        if not figures:
            self.add_option(Option(Content.styled(EMPTY, "dim"), disabled=True))
            return
        self.add_options(Option(scenario_prompt(f, currency), id=f.scenario.id) for f in figures)
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def _highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None

    def action_keep(self) -> None:
        self.post_message(self.Keep())

    def action_follow(self) -> None:
        if (scenario_id := self._highlighted_id()) is not None:
            self.post_message(self.Follow(scenario_id))

    def action_drop(self) -> None:
        if (scenario_id := self._highlighted_id()) is not None:
            self.post_message(self.Drop(scenario_id))
