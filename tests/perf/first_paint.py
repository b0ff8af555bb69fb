"""First paint, black-box: spawn an app on a fresh pseudo-terminal until its screen shows a text.

The terminal's output goes through a terminal emulator (pyte), as a person's terminal would
draw it; the clock stops at the arrival of the output that makes the text visible on the
emulated screen (the time pyte itself spends is not counted). Then the app is asked to quit
(ctrl+q); its peak memory is the largest resident set its program had until the text showed.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
from pathlib import Path
from time import perf_counter
from typing import NamedTuple

import pyte

COLUMNS, LINES = 120, 36
LAUNCH_TIMEOUT = 120
QUIT_TIMEOUT = 20
CTRL_Q = b"\x11"


class FirstPaint(NamedTuple):
    seconds: float  # spawn until the text is on the emulated screen
    peak_kb: int  # the process's largest resident set until then


def peak_kb(pid: int | str = "self") -> int:
    """The largest resident set of a process's program so far (VmHWM, in KiB). Not ru_maxrss:
    that counts the parent's memory the process had between fork and exec."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def first_paint(argv: list[str], needle: str, cwd: Path) -> FirstPaint:
    """Run `argv` on a new COLUMNS x LINES pseudo-terminal until `needle` is on its screen."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    # Bytecode is cached, as an installed package has it: without, each start would compile
    # the modules the last change touched again (tens of milliseconds), and bare Textual's are.
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("TEXTUAL") and key != "PYTHONDONTWRITEBYTECODE"}
    env["TERM"] = "xterm-256color"
    screen = pyte.Screen(COLUMNS, LINES)
    stream = pyte.ByteStream(screen)
    start = perf_counter()
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                               cwd=cwd, start_new_session=True)
    os.close(slave)
    seconds: float | None = None
    peak = 0
    ended = False
    deadline = start + LAUNCH_TIMEOUT
    try:
        while True:
            ready, _, _ = select.select([master], [], [], max(0.0, deadline - perf_counter()))
            if not ready:
                raise RuntimeError(f"{argv}: {needle!r} not drawn in {LAUNCH_TIMEOUT} s, or it "
                                   "did not quit\n" + "\n".join(screen.display))
            arrived = perf_counter()
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # EIO: every copy of the terminal's other end is closed
                chunk = b""
            if not chunk:
                ended = True
                break
            if seconds is None:
                stream.feed(chunk)
                if any(needle in line for line in screen.display):
                    seconds = arrived - start
                    peak = peak_kb(process.pid)
                    os.write(master, CTRL_Q)
                    deadline = perf_counter() + QUIT_TIMEOUT
    finally:
        if not ended:  # never drawn or never quit: not left running
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        _, status = os.waitpid(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        os.close(master)
    if seconds is None:
        raise RuntimeError(f"{argv} exited with {process.returncode} before {needle!r} was "
                           "drawn\n" + "\n".join(screen.display))
    return FirstPaint(seconds, peak)
