"""Interaction runner: step switches, ticks and a goal delete on one plan file, timed.

Run by bench.py in a fresh process (`python tests/perf/interact.py PLAN RESULT`), so the peak
memory it reports is that of a process that held the plan and visited every screen.

Each figure runs from the key reaching the app, as a terminal's key would, until the work it
started is done and a frame is painted: for a step key, the new screen has read the store
(refresh_from_store returned), every message queued on it and its widgets is handled and a
frame is painted (Pilot.pause(0) does those last two, without sleeping; Textual paints no
frame in the first 50 ms after a switch, so a switch never measures less); for a tick, the
same after the plan file write returned (fsynced and renamed into place). The app runs
headless at 120x36: the frame is rendered, not written to a terminal.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
from pathlib import Path
from time import perf_counter

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from careertui.app import CareerApp, tune_garbage_collection
from careertui.model.plan import Action, Goal
from careertui.screens.base import StepScreen
from careertui.screens.plan.tree import PlanTree
from careertui.screens.progress.action_table import ActionTable
from careertui.steps import STEPS
from careertui.store import files
from careertui.store.plan_store import PlanStore
from careertui.widgets.confirm import ConfirmDialog

SIZE = (120, 36)
STEP_ORDER = "123450"


class _Signal:
    """Set by instrumented calls; awaited by the measurement."""

    def __init__(self) -> None:
        self.event = asyncio.Event()

    def set(self) -> None:
        self.event.set()

    async def wait(self, timeout: float = 60) -> None:
        await asyncio.wait_for(self.event.wait(), timeout)


class _Written(_Signal):
    """Set each time the plan file was replaced; counts the writes."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def set(self) -> None:
        self.count += 1
        super().set()


def _instrument(app: CareerApp) -> tuple[_Signal, _Written]:
    """Signals for "a screen read the store" and "the plan file write returned"."""
    shown, written = _Signal(), _Written()
    resume = StepScreen.on_screen_resume

    def resume_and_signal(screen: StepScreen) -> None:
        resume(screen)  # reads the store (refresh_from_store) unless the screen is covered
        shown.set()

    StepScreen.on_screen_resume = resume_and_signal

    write = files.write_atomically

    def write_and_signal(path, content) -> None:
        write(path, content)
        if Path(path) == app.session.path:  # not the day's backup
            written.set()

    files.write_atomically = write_and_signal
    return shown, written


async def _timed(pilot: Pilot, key: str, signal: _Signal) -> float:
    signal.event.clear()  # set by work that is not this key's
    start = perf_counter()
    character = " " if key == "space" else key if len(key) == 1 else None
    pilot.app.post_message(events.Key(key, character))
    await signal.wait()
    await _painted(pilot)
    return perf_counter() - start


async def _painted(pilot: Pilot) -> None:
    """Handle everything queued, then paint a frame.

    After a step switch Textual holds frames back for 50 ms (App.delay_update, which hides the
    change of screen); the frame that counts is the first one after that.
    """
    while pilot.app._batch_count:
        await asyncio.sleep(0.001)
    await pilot.pause(0)


async def _switches(pilot: Pilot, shown: _Signal, rounds: int) -> dict[str, list[float]]:
    app = pilot.app
    modes = {step.key: step.mode for step in STEPS}
    times: dict[str, list[float]] = {modes[key]: [] for key in STEP_ORDER}
    for _ in range(rounds):
        for key in STEP_ORDER:
            times[modes[key]].append(await _timed(pilot, key, shown))
            assert app.current_mode == modes[key], (app.current_mode, key)
    return times


def _tickable(app: CareerApp) -> str:
    """An open one-off item whose goal keeps another open item (no "goal achieved?" dialog)."""
    actions = app.session.all(Action)
    open_per_goal: dict[str | None, int] = {}
    for action in actions:
        if not action.done:
            open_per_goal[action.goal_id] = open_per_goal.get(action.goal_id, 0) + 1
    return next(a.id for a in actions if not a.done and a.recurrence is None
                and (a.goal_id is None or open_per_goal[a.goal_id] > 1))


async def _ticks(pilot: Pilot, shown: _Signal, written: _Signal, count: int) -> list[float]:
    app = pilot.app
    await _timed(pilot, "5", shown)
    table = app.screen.query_one(ActionTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(_tickable(app)), animate=False)
    await pilot.pause(0)
    times = []
    for _ in range(count):  # done, open again, done...: the plan ends as it began
        times.append(await _timed(pilot, "space", written))
        assert not app.screen.is_modal, "a tick opened a dialog"
    return times


async def _goal_delete(pilot: Pilot, shown: _Signal, written: _Written) -> dict:
    """Delete the goal with the most items on step 4: time, items deleted, file writes."""
    app = pilot.app
    await _timed(pilot, "4", shown)
    actions = app.session.all(Action)
    goal = max(app.session.all(Goal), key=lambda g: sum(a.goal_id == g.id for a in actions))
    items = sum(action.goal_id == goal.id for action in actions)
    tree = app.screen.query_one(PlanTree)
    tree.select(f"goal:{goal.id}")
    await pilot.press("d")
    assert isinstance(app.screen, ConfirmDialog)
    writes_before = written.count
    seconds = await _timed(pilot, "y", written)
    await pilot.pause(0)
    assert goal.id not in {g.id for g in app.session.all(Goal)}
    return {"seconds": seconds, "items": items, "writes": written.count - writes_before}


class _BareStep(Screen):
    """A screen as plain as the bare app's (header, text, footer)."""

    def __init__(self, shown: _Signal) -> None:
        super().__init__()
        self._shown = shown

    def compose(self):
        yield Header()
        yield Static("Hello from a bare Textual screen")
        yield Footer()

    def on_screen_resume(self) -> None:
        self._shown.set()


async def run_bare(rounds: int) -> dict:
    """Switches between two bare screens, timed as the app's are: Textual's own share."""
    shown = _Signal()

    class BareModes(App):
        MODES = {"0": lambda: _BareStep(shown), "1": lambda: _BareStep(shown)}
        DEFAULT_MODE = "0"
        BINDINGS = [Binding("0", "switch_mode('0')"), Binding("1", "switch_mode('1')")]

    times = []
    async with BareModes().run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(rounds * 3):
            for key in "10":
                times.append(await _timed(pilot, key, shown))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"switch": {"bare": times}, "peak_kb": peak_kb}


async def run(path: Path, ticks: int, rounds: int) -> dict:
    store = PlanStore.open(path)
    try:
        app = CareerApp(store=store)
        tune_garbage_collection()  # as CareerApp.run does; run_test does not call it
        shown, written = _instrument(app)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            switches = await _switches(pilot, shown, rounds)
            tick_times = await _ticks(pilot, shown, written, ticks)
            goal_delete = await _goal_delete(pilot, shown, written)
    finally:
        store.close()
    return {
        "switch": switches,
        "tick": tick_times,
        "goal_delete": goal_delete,
        "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan", help='a plan file, or "bare" for two bare Textual screens')
    parser.add_argument("result", type=Path)
    parser.add_argument("--ticks", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if args.plan == "bare":
        result = asyncio.run(run_bare(args.rounds))
    else:
        result = asyncio.run(run(Path(args.plan), args.ticks, args.rounds))
    args.result.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
