"""`careertui serve` as a test runs it: a child process on a free port, on a plan in tmp."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

from careertui.demo import demo_plan
from careertui.model.plan import Destination
from careertui.store.plan_store import PlanStore

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def demo_plan_file(folder: Path, empty_field: bool = True) -> Path:
    """The demo plan (dated today, as `careertui --demo` makes it), with one empty field when
    `empty_field`: Destination opens in it, so keys typed there are text."""
    path = folder / "plan.json"
    store = PlanStore.open(path)
    try:
        store.replace_plan(demo_plan(date.today()))
        if empty_field:
            destination = store.get(Destination)
            destination.opportunities = ""
            store.save(destination)
    finally:
        store.close()
    return path


def isolated_env(home: Path) -> dict[str, str]:
    """The environment of a careertui the test starts: its own HOME and XDG folders, so the
    person's real data directory is never touched."""
    return {
        **os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"), "TERM": "xterm-256color",
        "PYTHONPATH": str(REPO),
    }


def careertui(*args: str, home: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "careertui", *args], capture_output=True,
                          text=True, timeout=timeout, env=isolated_env(home),
                          stdin=subprocess.DEVNULL)


class Served:
    """A running `careertui serve`: its URL once it listens, its output, and stop()."""

    def __init__(self, plan: Path, home: Path, *args: str, port: int | None = None) -> None:
        self.plan = plan
        self.port = port or free_port()
        # Its own session: the test's signals stay out, and stop() can end the sessions too.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "careertui", "serve", "--db", str(plan),
             "--port", str(self.port), *args],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=isolated_env(home), start_new_session=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.stdout: list[str] = []
        self.stderr = ""
        self._stderr_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._stderr_reader.start()
        threading.Thread(target=self._read_stdout, daemon=True).start()

    def _read_stdout(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.stdout.append(line)
            self.lines.put(line)

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        self.stderr = self.process.stderr.read()

    def wait_for_url(self, timeout: float = 20) -> str:
        """The URL serve printed, once the port takes connections."""
        deadline = time.monotonic() + timeout
        url = self.url
        while url is None:
            try:
                self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"serve printed no URL: {self.output()}") from None
            url = self.url
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return url
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    @property
    def url(self) -> str | None:
        line = next((line for line in self.stdout if "http://" in line), "")
        return next((word for word in line.split() if word.startswith("http://")), None)

    def output(self) -> str:
        return "".join(self.stdout) + self.stderr

    def stop(self, sig: int = signal.SIGINT, timeout: float = 20) -> int:
        """Stop it as Ctrl+C would (or with `sig`): its exit code, once its output is read."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        code = self.process.wait(timeout=timeout)
        self._stderr_reader.join(timeout=5)
        return code

    def kill(self) -> None:
        """End the server and any session it left, by their process group (ours)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)
