"""Which screen class shows each planning step, imported only when it is first needed."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from textual.screen import Screen

# Step mode -> (package under careertui.screens, class name); the overview is always imported.
STEP_SCREENS: dict[str, tuple[str, str]] = {
    "assess": ("assess", "AssessScreen"),
    "destination": ("destination", "DestinationScreen"),
    "gaps": ("gaps", "GapsScreen"),
    "plan": ("plan", "PlanScreen"),
    "progress": ("progress", "ProgressScreen"),
}


def step_screen_class(mode: str) -> type[Screen[Any]]:
    """The screen class of the step `mode`, its package imported now (a quicker start: the
    app opens on the overview)."""
    package, name = STEP_SCREENS[mode]
    screen_class: type[Screen[Any]] = getattr(
        import_module(f"careertui.screens.{package}.screen"), name)
    return screen_class
