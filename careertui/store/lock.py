"""An exclusive flock beside the plan file, so two careertui never write the same plan."""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

from careertui.store.errors import PlanLockedError
from careertui.store.files import UnsafePathError


class PlanLock:
    """`<plan>.lock`, held with flock(LOCK_EX) until release(); the OS drops it if we die."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = self.db_path.with_name(self.db_path.name + ".lock")
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise PlanLockedError; OSError if the lock file cannot be opened."""
        if self._fd is not None:
            return
        # Never through a link: one planted here would have careertui create a file elsewhere.
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise UnsafePathError(self.path, "it is a symbolic link, which someone else "
                                                 "may have put there") from None
            raise
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise PlanLockedError(self.db_path, self.path) from None
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        # The lock file stays: unlinking it would let a waiter lock a file nobody else sees.
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)

    def __enter__(self) -> PlanLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
