"""Plain file writing that survives a crash: temp file, fsync, atomic replace, directory fsync."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, content: str | bytes) -> None:
    """Replace `path` with `content` (str as UTF-8) so a crash leaves the old or the new file."""
    path = Path(path)
    # Text (exports) keeps going past a lone surrogate, which UTF-8 cannot hold: it becomes "?".
    data = content.encode("utf-8", errors="replace") if isinstance(content, str) else content
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_orphaned_temps(directory: Path, name_glob: str) -> None:
    """Delete temp files a killed write_atomically left for targets matching `name_glob`."""
    for orphan in Path(directory).glob(f".{name_glob}.*.tmp"):
        with contextlib.suppress(FileNotFoundError):
            orphan.unlink()
