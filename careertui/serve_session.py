"""One browser tab of `careertui serve`: the app on the served plan, or in the tab why not."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static

from careertui.share import EXIT_REFUSED

# linux/prctl.h: the signal a process gets when its parent ends.
PR_SET_PDEATHSIG = 1


def main(argv: list[str]) -> int:
    """`python -m careertui.serve_session PLAN SERVER_PID [CONFIG]`, as careertui.serve
    starts it."""
    plan, server = Path(argv[0]), int(argv[1])
    config = Path(argv[2]) if len(argv) > 2 else None
    try:
        if not end_with_the_server(server):
            return 0  # the server stopped before this tab's session started
        from careertui.__main__ import run_app
        from careertui.collector import collect_less_often
        from careertui.store.errors import StoreError

        collect_less_often()
        try:
            return run_app(plan, False, config)  # the app saves what is pending as it ends
        except StoreError as error:  # another tab has the plan, or it cannot be opened
            Refusal(str(error)).run()
            return EXIT_REFUSED
    except KeyboardInterrupt:  # Ctrl+C in the server's terminal reaches its sessions too
        return 130


def end_with_the_server(server: int) -> bool:
    """Have the kernel end this session when the server ends, however it ends: SIGTERM,
    which the app takes as quit (and saves). False when the server has already gone."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # then a session outlives a server that was killed, until it is closed
    return os.getppid() == server


class Refusal(App[None]):
    """Why this tab cannot have the plan, shown until the person ends the session."""

    CSS = """
    Screen { align: center middle; }
    #why { width: 90%; max-width: 96; height: auto; border: round $error; padding: 1 2; }
    """
    BINDINGS = [("q", "quit", "End this session")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        text = Text("careertui cannot open the plan in this tab\n\n", style="bold")
        text.append(self.message, style="not bold")
        text.append("\n\nPress q to end this session.", style="not bold")
        yield Static(text, id="why")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
