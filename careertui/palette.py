"""The command palette's own commands: every action a step's screen binds, found by name, and
the person's preferences."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding

from careertui.preferences import DATE_FORMATS, WEEK_STARTS, Preferences
from careertui.screens.step_screens import STEP_SCREENS, step_screen_class
from careertui.steps import STEP_BY_MODE


def careertui_bindings(cls: type) -> list[Binding]:
    """The bindings that careertui's own classes among `cls` and its bases declare, the most
    derived first; Textual's own are left out."""
    return [binding for klass in cls.__mro__ if klass.__module__.startswith("careertui")
            for binding in Binding.make_bindings(vars(klass).get("BINDINGS", []))]


def step_commands(app: App[Any]) -> Iterator[SystemCommand]:
    """"Plan: Add goal", "Progress: Filter"...: each runs the action on its step, going there
    first. Actions bound to keys of the step's screen (or a careertui class it is made from),
    so each has a name and a key."""
    for mode in STEP_SCREENS:
        step = STEP_BY_MODE[mode]
        seen: set[str] = set()
        for binding in careertui_bindings(step_screen_class(mode)):
            if binding.action in seen or binding.key == "escape" or not binding.description:
                continue
            seen.add(binding.action)
            help_text = binding.tooltip or f"{step.name} (step {step.key}), key {binding.key}"
            yield SystemCommand(f"{step.name}: {binding.description}", help_text,
                                partial(_run_on_step, app, mode, binding.action))


async def _run_on_step(app: App[Any], mode: str, action: str) -> None:
    if app.current_mode != mode:
        await app.switch_mode(mode)
    await app.screen.run_action(action)


def preference_commands(preferences: Preferences, change: Callable[..., None],
                        ask_export_folder: Callable[[], None]) -> Iterator[SystemCommand]:
    """"Preferences: show dates as 3 Dec 2026", "Preferences: weeks start on Sunday"...: each
    other choice of the date format and the first day of the week, `change(key=value)` when
    chosen; and the export folder, which `ask_export_folder` asks for."""
    example = date(2026, 12, 3)
    for name, show in DATE_FORMATS.items():
        if name != preferences.date_format:
            yield SystemCommand(f"Preferences: show dates as {show(example)}",
                                f'date_format = "{name}" in your config file',
                                partial(change, date_format=name))
    for day in WEEK_STARTS:
        if day != preferences.week_starts_on:
            yield SystemCommand(f"Preferences: weeks start on {day.title()}",
                                'For "end of the week", "friday next week" '
                                f'(week_starts_on = "{day}")',
                                partial(change, week_starts_on=day))
    folder = preferences.export_folder or "the folder careertui was started in"
    yield SystemCommand("Preferences: export folder", f"Where exports go by default (now: "
                        f"{folder})", ask_export_folder)
