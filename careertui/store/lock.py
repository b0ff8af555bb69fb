"""Flocks beside the plan file, so two careertui never write the same plan."""

from __future__ import annotations

import errno
import fcntl
import os
import time
from pathlib import Path

from careertui.store.errors import PlanLockedError
from careertui.store.files import UnsafePathError

# Set by `careertui serve` to the plan it serves, for the browser sessions it starts.
SERVED_PLAN_VARIABLE = "CAREERTUI_SERVED_PLAN"
# How long a browser session waits for the one before it (a reloaded page) to end.
SESSION_WAIT = 5.0


class PlanLock:
    """`<plan>.lock`, held with flock until release(); the OS drops it if we die.

    A careertui holds it exclusively. `careertui serve` (`serving`) and the browser sessions
    it starts (their environment names the plan in SERVED_PLAN_VARIABLE) share it, so no
    other careertui opens the plan while any of them lives, even a session whose server
    died. One more lock each keeps them to one at a time: `<plan>.serving.lock` for the
    server, `<plan>.session.lock` for the browser session that reads and writes the plan.
    """

    def __init__(self, db_path: Path, serving: bool = False) -> None:
        self.db_path = Path(db_path)
        self.path = self._beside(".lock")
        self.serving = serving
        self._fds: list[int] = []

    @property
    def held(self) -> bool:
        return bool(self._fds)

    @property
    def served_session(self) -> bool:
        """True in a browser session `careertui serve` started for this plan."""
        return not self.serving and os.environ.get(SERVED_PLAN_VARIABLE) == str(self.db_path)

    def acquire(self) -> None:
        """Take the lock or raise PlanLockedError; OSError if a lock file cannot be opened."""
        if self._fds:
            return
        try:
            if self.serving:
                self._take(self.path, fcntl.LOCK_SH)
                self._take(self._beside(".serving.lock"), fcntl.LOCK_EX,
                           holder="another careertui serve")
            elif self.served_session:
                self._take(self.path, fcntl.LOCK_SH)
                self._take(self._beside(".session.lock"), fcntl.LOCK_EX, wait=SESSION_WAIT,
                           holder="another browser tab",
                           advice="Close that tab, then reload this page.")
            else:
                self._take(self.path, fcntl.LOCK_EX)
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        # The lock files stay: unlinking one would let a waiter lock a file nobody else sees.
        while self._fds:
            os.close(self._fds.pop())

    def _beside(self, suffix: str) -> Path:
        return self.db_path.with_name(self.db_path.name + suffix)

    def _take(self, path: Path, mode: int, wait: float = 0.0,
              holder: str = "another careertui", advice: str = "Close it first.") -> None:
        # Never through a link: one planted here would have careertui create a file elsewhere.
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise UnsafePathError(path, "it is a symbolic link, which someone else "
                                            "may have put there") from None
            raise
        deadline = time.monotonic() + wait
        try:
            while True:
                try:
                    fcntl.flock(fd, mode | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise PlanLockedError(self.db_path, path, holder, advice) from None
                    time.sleep(0.05)
        except BaseException:
            os.close(fd)
            raise
        self._fds.append(fd)

    def __enter__(self) -> PlanLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
