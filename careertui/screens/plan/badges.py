"""The five SMART letters of a goal as coloured badges, and the reasons of the failing ones."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.style import Style
from rich.text import Text

from careertui.model.smart import Badge

PASSES, FAILS = "✓", "✗"


class BadgeColours(NamedTuple):
    """Background colours of passing and failing badges (from the theme), as Rich colours."""

    ok: str = "green"
    failing: str = "red"

    @classmethod
    def of_theme(cls, variables: dict[str, str]) -> BadgeColours:
        """The colours of the theme whose CSS variables are `variables`."""
        return cls(variables["success-darken-2"], variables["error-darken-1"])


def badge_text(badges: Sequence[Badge], colours: BadgeColours, spaced: bool = False) -> Text:
    """"SMART" with each letter on green (ok) or red (failing), so that they read without
    colour too: spaced (" S✓  M✗ ", gaps between them) each letter carries ✓ or ✗; close
    together ("S✗ART", a plan row) a failing letter is a ✗ in its place."""
    text = Text()
    for index, badge in enumerate(badges):
        if spaced and index:
            text.append(" ")
        background = colours.ok if badge.ok else colours.failing
        # No-break spaces: an SVG screenshot drops ordinary leading spaces of a styled run.
        if spaced:
            letter = f"\u00a0{badge.letter}{PASSES if badge.ok else FAILS}\u00a0"
        else:
            letter = badge.letter if badge.ok else FAILS
        text.append(letter, Style(color="white", bgcolor=background, bold=True))
    return text


def failing_reasons(badges: Sequence[Badge]) -> list[str]:
    """"M: No number to measure: set a metric and a target." for each failing badge."""
    return [f"{badge.letter}: {badge.reason}" for badge in badges if not badge.ok]
