"""Stepping stones on Destination: the occupations closest to your ratings, and paths to the
target drawn as arrows, any stop of which becomes a 1- or 3-year goal with one key."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from careertui.model.gaps import gap_words
from careertui.roles import Occupation
from careertui.roles.stepping_stones import Closeness, SteppingPath, SteppingStones

CLOSEST = 5
PATHS = 3


def _zone(occupation: Occupation) -> str:
    return f"zone {occupation.job_zone}" if occupation.job_zone else "zone not rated"


def closeness_prompt(closeness: Closeness, fit: str = "") -> Content:
    """The occupation with its job zone and distance, its largest gaps, and how it fits your
    interests when you have taken the check (`fit`, see InterestData.fit_words)."""
    occupation = closeness.occupation
    gaps = ", ".join(gap_words(gap) for gap in closeness.top_gaps) or "no gap left"
    # Spaces trail the title: an SVG screenshot drops the leading spaces of a styled run.
    return Content.assemble(
        (f"{occupation.title}  ", "bold"),
        (f"{_zone(occupation)} · apart {closeness.distance:.2f}", "dim"), "\n  to learn: ", gaps,
        *((("\n  fit: ", "dim"), fit) if fit else ()))


def path_lines(path: SteppingPath, target: Occupation) -> list[Content]:
    """The path as arrows, one line a stop: "you ─0.32─▶ Data Warehousing Specialists"."""
    lines = []
    for index, (stop, jump) in enumerate(path.legs(target)):
        lead = "you " if index == 0 else "    "
        end = ("  ◆ target", "bold") if stop is target else (f"  {_zone(stop)}", "dim")
        lines.append(Content.assemble(lead, (f"─{jump:.2f}─▶ ", "dim"), stop.title, end))
    return lines


class SteppingStonesList(OptionList):
    """The closest occupations and the paths; `a` and `A` adopt the highlighted one as the
    1-year or the 3-year goal."""

    BINDINGS = [
        Binding("a", "adopt(1)", "As 1-year goal"),
        Binding("A", "adopt(3)", "As 3-year goal"),
    ]
    DEFAULT_CSS = """
    SteppingStonesList { height: auto; max-height: 24; border: none; padding: 0; }
    """

    class Adopted(Message):
        """The person chose `occupation` as where to be in `horizon` years."""

        def __init__(self, occupation: Occupation, horizon: int) -> None:
            super().__init__()
            self.occupation = occupation
            self.horizon = horizon

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._occupations: dict[str, Occupation] = {}
        self._shown: object = None  # what the list was filled from
        self._fit: Callable[[str], str] = lambda code: ""

    def show(self, stones: SteppingStones | None, your_levels: Mapping[str, float],
             target: Occupation | None, start_zone: int | None,
             your_interests: Mapping[str, float]) -> None:
        """Fill the list for these ratings, target and interest scores; nothing is recomputed
        when they are the ones shown already."""
        key = (id(stones), tuple(sorted(your_levels.items())),
               target.code if target else None, start_zone, tuple(sorted(your_interests.items())))
        if key == self._shown:
            return
        self._shown = key
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self.clear_options()
        self._occupations.clear()
        if stones is None:
            return
        interests = stones.library.interests
        self._fit = (lambda code: interests.fit_words(code, your_interests)) if (
            interests is not None and your_interests) else (lambda code: "")
        if not your_levels:
            self.add_option(Option(Content.styled(
                "Rate your skills and knowledge in step 1 (Assess) to see the occupations "
                "closest to you and paths to your target.", "dim"), disabled=True))
            return
        self._add_heading("Closest to you now")
        leave_out = frozenset({target.code}) if target else frozenset()
        for closeness in stones.closest(your_levels, CLOSEST, leave_out):
            self._add_stop(f"close:{closeness.occupation.code}",
                           closeness_prompt(closeness, self._fit(closeness.occupation.code)),
                           closeness.occupation)
        if target is not None:
            self._add_paths(stones, your_levels, target, start_zone)
        if highlighted is not None and highlighted in self._occupations:
            self.highlighted = self.get_option_index(highlighted)

    def _add_paths(self, stones: SteppingStones, your_levels: Mapping[str, float],
                   target: Occupation, start_zone: int | None) -> None:
        straight = stones.straight_jump(your_levels, target)
        self._add_heading(f"Paths to {target.title} (straight there: a jump of {straight:.2f})")
        paths = stones.paths(your_levels, target, start_zone, PATHS)
        if not paths:
            reason = ("you meet every level it needs" if straight == 0 else
                      "no occupation is a smaller jump on the way that rises one job zone "
                      "at most at each step")
            self.add_option(Option(Content.styled(f"  No stepping stone: {reason}.", "dim"),
                                   disabled=True))
        for number, path in enumerate(paths, start=1):
            steps = "1 stop" if len(path.stops) == 1 else f"{len(path.stops)} stops"
            self.add_option(Option(Content.styled(
                f"  Path {number} · {steps} · total {path.total:.2f}", "dim"), disabled=True))
            lines = path_lines(path, target)
            for stop, line in zip(path.stops, lines, strict=False):
                fit = self._fit(stop.code)
                self._add_stop(f"path{number}:{stop.code}", Content.assemble(
                    "  ", line, *((("\n        fit: ", "dim"), fit) if fit else ())), stop)
            self.add_option(Option(Content.assemble("  ", lines[-1]), disabled=True))

    def _add_heading(self, text: str) -> None:
        self.add_option(Option(Content.styled(text, "bold"), disabled=True))

    def _add_stop(self, option_id: str, prompt: Content, occupation: Occupation) -> None:
        self._occupations[option_id] = occupation
        self.add_option(Option(prompt, id=option_id))

    def action_adopt(self, horizon: int) -> None:
        option = self.highlighted_option
        occupation = self._occupations.get(option.id or "") if option else None
        if occupation is None:
            self.notify("Highlight an occupation first (the arrow keys).", timeout=4)
            return
        self.post_message(self.Adopted(occupation, horizon))
