"""Interaction runner: step switches, ticks and a goal delete on one plan file, timed.

Run by bench.py in a fresh process (`python -m tests.perf.interact PLAN RESULT`), so the peak
memory it reports is that of a process that held the plan and visited every screen.

Each figure runs from the key reaching the app, as a terminal's key would, until the work it
started is done and a frame is painted: for a step key, the new screen has read the store
(refresh_from_store returned), every message queued on it and its widgets is handled and a
frame is painted (Pilot.pause(0) does those last two, without sleeping; frames Textual holds
back after a switch are waited for); for a tick, the same after the session's write returned,
which is once the change is durable on disk (whatever the store's way of writing). The first
visit to each step is timed on its own, in step order, in a process that has shown only the
overview; then every ordered pair of steps. The app runs headless at 120x36: the frame is
rendered, not written to a terminal.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import timedelta
from pathlib import Path
from time import perf_counter

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static, TextArea

from careertui.app import CareerApp
from careertui.collector import tune_garbage_collection
from careertui.compat import mode_built
from careertui.model.plan import Action, Goal
from careertui.screens.base import StepScreen
from careertui.screens.plan.tree import PlanTree
from careertui.screens.progress.action_table import ActionTable
from careertui.screens.step_screens import STEP_SCREENS
from careertui.session import COPY_DELAY, PlanSession
from careertui.steps import STEPS
from careertui.store import history
from careertui.store.plan_store import PlanStore
from careertui.widgets.confirm import ConfirmDialog
from tests.perf.first_paint import peak_kb

SIZE = (120, 36)
STEP_KEYS = "012345"


class _Signal:
    """Set by instrumented calls; awaited by the measurement."""

    def __init__(self) -> None:
        self.event = asyncio.Event()

    def set(self) -> None:
        self.event.set()

    async def wait(self, timeout: float = 60) -> None:
        await asyncio.wait_for(self.event.wait(), timeout)


class _Written(_Signal):
    """Set each time a write of the session reached the disk; counts the writes."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def set(self) -> None:
        self.count += 1
        super().set()


def _instrument() -> tuple[_Signal, _Written]:
    """Signals for "a screen read the store" and "a write of the plan is durable"."""
    shown, written = _Signal(), _Written()
    resume = StepScreen.on_screen_resume

    def resume_and_signal(screen: StepScreen) -> None:
        resume(screen)  # reads the store (refresh_from_store) unless the screen is covered
        shown.set()

    StepScreen.on_screen_resume = resume_and_signal  # type: ignore[method-assign]
    counted = PlanSession._written

    def written_and_signal(session: PlanSession, kinds: set[type]) -> None:
        counted(session, kinds)  # called once the store's write returned
        written.set()

    PlanSession._written = written_and_signal  # type: ignore[method-assign]
    return shown, written


async def _timed(pilot: Pilot, key: str, signal: _Signal) -> float:
    if key.isdigit() and isinstance(pilot.app.focused, Input | TextArea):
        # Digits are text there (Destination opens in its first empty field): as a person
        # does, leave the field first; that key is not part of the switch.
        await pilot.press("escape")
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


def _modes() -> dict[str, str]:
    return {step.key: step.mode for step in STEPS}


async def _first_visits(pilot: Pilot, shown: _Signal) -> dict[str, float]:
    """The first visit to each step, in step order, from the overview."""
    visits = {}
    for key in STEP_KEYS[1:]:
        visits[_modes()[key]] = await _timed(pilot, key, shown)
    return visits


async def _switches(pilot: Pilot, shown: _Signal, rounds: int) -> dict[str, list[float]]:
    """Every ordered pair of steps, `rounds` times: "from→to" -> seconds."""
    app, modes = pilot.app, _modes()
    times: dict[str, list[float]] = {}
    current = next(key for key, mode in modes.items() if mode == app.current_mode)
    for _ in range(rounds):
        for start in STEP_KEYS:
            for end in (key for key in STEP_KEYS if key != start):
                for key in (start, end) if current != start else (end,):
                    seconds = await _timed(pilot, key, shown)
                    times.setdefault(f"{modes[current]}→{modes[key]}", []).append(seconds)
                    assert app.current_mode == modes[key], (app.current_mode, key)
                    current = key
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


async def _ticks_with_copies(pilot: Pilot, written: _Signal, count: int) -> list[float]:
    """Ticks that each keep a copy of the whole plan in the recent history, as a tick a minute
    or more after the last copy does (the cursor still on the item _ticks ticked)."""
    spacing = history.SPACING
    history.SPACING = timedelta(0)
    times = []
    try:
        for _ in range(count):
            times.append(await _timed(pilot, "space", written))
            # Untimed: such ticks are a minute apart, long after the app wrote the last copy.
            await pilot.pause(COPY_DELAY * 3)
    finally:
        history.SPACING = spacing
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
    return {"switch": {"bare": times}, "peak_kb": peak_kb()}


async def run(path: Path, ticks: int, rounds: int) -> dict:
    store = PlanStore.open(path)
    try:
        app = CareerApp(store=store)
        tune_garbage_collection()  # as CareerApp.run does; run_test does not call it
        shown, written = _instrument()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.session.prepare_to_save()  # as the CLI does once the steps are built ahead
            first_visits = await _first_visits(pilot, shown)
            switches = await _switches(pilot, shown, rounds)
            tick_times = await _ticks(pilot, shown, written, ticks)
            copy_ticks = await _ticks_with_copies(pilot, written, max(ticks // 5, 2) // 2 * 2)
            goal_delete = await _goal_delete(pilot, shown, written)
    finally:
        store.close()
    return {
        "first_visit": first_visits,
        "switch": switches,
        "tick": tick_times,
        "tick_copying": copy_ticks,
        "goal_delete": goal_delete,
        "peak_kb": peak_kb(),
    }


async def run_built_ahead(path: Path) -> dict:
    """As the CLI starts: the steps are built ahead once the overview is painted. How long that
    takes, then the first visit to each step."""
    store = PlanStore.open(path)
    try:
        app = CareerApp(store=store, build_ahead=True)
        tune_garbage_collection()
        shown, _ = _instrument()
        async with app.run_test(size=SIZE) as pilot:
            start = perf_counter()
            while not all(mode_built(app, mode) for mode in STEP_SCREENS):
                await asyncio.sleep(0.005)
            await app.workers.wait_for_complete()
            await pilot.pause()
            built = perf_counter() - start
            first_visits = await _first_visits(pilot, shown)
    finally:
        store.close()
    return {"built_ahead": built, "first_visit": first_visits,
            "peak_kb": peak_kb()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan", help='a plan file, or "bare" for two bare Textual screens')
    parser.add_argument("result", type=Path)
    parser.add_argument("--ticks", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--built-ahead", action="store_true",
                        help="only the first visits, with the steps built ahead as the CLI does")
    args = parser.parse_args(argv)
    if args.plan == "bare":
        result = asyncio.run(run_bare(args.rounds))
    elif args.built_ahead:
        result = asyncio.run(run_built_ahead(Path(args.plan)))
    else:
        result = asyncio.run(run(Path(args.plan), args.ticks, args.rounds))
    args.result.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
