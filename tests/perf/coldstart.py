"""Cold-start runner: start an app in a terminal and exit as soon as its first screen is drawn.

Run by bench.py in a fresh process on a pseudo-terminal, the same way for both apps:

    python tests/perf/coldstart.py bare RESULT NEEDLE
    python tests/perf/coldstart.py careertui RESULT NEEDLE --db PLAN

"Drawn" means: the first screen shows a Static whose text contains NEEDLE (for careertui, the
overview's status line, written once the plan is read, in the same call that fills in every
other part of the overview and draws its chart), every message queued on the screen and its
widgets is handled, and a frame with it has been painted to the terminal (bench.py checks
that the terminal received NEEDLE). Then the app exits; RESULT gets the process's peak memory.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

MAX_ROUNDS = 200
_run = App.run


def _shows(app: App, needle: str) -> bool:
    return any(needle in str(static.render()) for static in app.screen.query(Static))


def _run_until_drawn(result_path: str, needle: str):
    async def exit_when_drawn(pilot: Pilot) -> None:
        app = pilot.app
        for rounds in range(1, MAX_ROUNDS + 1):  # noqa: B007 - reported after the loop
            # Handles what the screen and its widgets have queued, then paints a frame.
            await pilot.pause(0)
            if _shows(app, needle):
                break
        else:
            raise RuntimeError(f"{needle!r} never appeared on the first screen")
        while app._batch_count:  # frames held back (App.batch_update): paint after them
            await asyncio.sleep(0.001)
            await pilot.pause(0)
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with open(result_path, "w", encoding="utf-8") as file:
            json.dump({"rounds": rounds, "peak_kb": peak_kb}, file)
        app.exit()

    def run(self: App, *args, **kwargs):
        return _run(self, *args, auto_pilot=exit_when_drawn, **kwargs)

    return run


class BareApp(App):
    """The yardstick: the least a Textual app with a header and a footer costs."""

    def compose(self):
        from textual.widgets import Footer, Header

        yield Header()
        yield Static("Hello from a bare Textual app")
        yield Footer()


def main(argv: list[str]) -> int:
    kind, result_path, needle, *rest = argv
    App.run = _run_until_drawn(result_path, needle)
    if kind == "bare":
        BareApp().run()
        return 0
    from careertui.__main__ import main as careertui_main

    return careertui_main(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
