"""`python -m careertui.screenshots [DIR]`: render every screen of the demo plan to SVG."""

from __future__ import annotations

import asyncio
import sys
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from careertui.app import CareerApp
from careertui.demo import demo_plan
from careertui.screens.destination.stepping_stones import SteppingStonesList
from careertui.steps import STEPS
from careertui.store.plan_store import PlanStore

SIZE = (120, 36)
# A fixed "today" so the screenshots only change when a screen does.
SCREENSHOT_DAY = date(2026, 11, 23)
# Frames waited for at most until two in a row are the same.
SETTLE_FRAMES = 20


async def settle_frame(pilot: Pilot[object]) -> None:
    """Wait until the screen stays as it is: text cursors drawn steadily (one blinks every
    half second) and two frames in a row the same (a field that grows with its text shows a
    scrollbar for a frame or two), so a slow machine takes the picture a fast one does."""
    app = pilot.app
    for field in app.screen.query(Input):
        field.cursor_blink = False
    for area in app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()
    frame = app.export_screenshot()
    for _ in range(SETTLE_FRAMES):
        await pilot.pause(0.02)
        frame, before = app.export_screenshot(), frame
        if frame == before:
            return


async def render_screenshots(folder: Path) -> list[Path]:
    """Write one SVG per screen (and the help screen) into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    store = PlanStore.in_memory()
    store.replace_plan(demo_plan(SCREENSHOT_DAY))
    app = CareerApp(store=store, today=lambda: SCREENSHOT_DAY)
    written = []
    async with app.run_test(size=SIZE) as pilot:
        for step in STEPS:
            # Not its key: a screen may open in a text field (Destination), where keys are text.
            await app.switch_mode(step.mode)
            await app.workers.wait_for_complete()  # the O*NET library loads in a thread
            await settle_frame(pilot)
            written.append(_save(app, folder, f"{step.key}-{step.mode}.svg"))
            if step.mode == "destination":
                written.append(await _stepping_stones(app, pilot, folder))
        app.action_help()
        await settle_frame(pilot)
        written.append(_save(app, folder, "help.svg"))
    store.close()
    return written


async def _stepping_stones(app: CareerApp, pilot: Pilot[object], folder: Path) -> Path:
    """Destination (the screen shown) with its stepping stones in view, the first stop of the
    best path highlighted."""
    stones = app.screen.query_one(SteppingStonesList)
    stones.focus()
    stones.highlighted = next(index for index in range(stones.option_count)
                              if (stones.get_option_at_index(index).id or "").startswith("path"))
    await pilot.pause()
    stones.scroll_to_highlight()
    await settle_frame(pilot)
    return _save(app, folder, "2-stepping-stones.svg")


def _save(app: CareerApp, folder: Path, name: str) -> Path:
    return Path(app.save_screenshot(name, path=str(folder)))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("screenshots")
    for path in asyncio.run(render_screenshots(folder)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
