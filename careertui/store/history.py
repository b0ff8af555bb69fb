"""The plan as it was before its latest changes: 20 compressed copies, at least a minute apart."""

from __future__ import annotations

import glob
import gzip
import io
import os
import re
import zlib
from datetime import datetime, timedelta
from pathlib import Path

# A module import, so a test that replaces files.write_atomically sees every write.
from careertui.store import files

KEEP_VERSIONS = 20
# Saves closer together than this share one copy: a burst of ticks is one change to undo.
SPACING = timedelta(minutes=1)
_STAMP = "%Y%m%d-%H%M%S"


def history_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "history"


def history_glob(db_path: Path) -> str:
    """A glob for this plan's copies (also matches names careertui never made; see _pattern)."""
    return f"{glob.escape(Path(db_path).stem)}-*.json.gz"


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(Path(db_path).stem) + r"-(\d{8}-\d{6})(?:-\d+)?\.json\.gz")


def _taken(stamp: str) -> datetime | None:
    """When a copy named with `stamp` was taken; None for a name careertui never made."""
    try:
        return datetime.strptime(stamp, _STAMP)
    except ValueError:  # "20241399-000000"
        return None


def list_versions(db_path: Path) -> list[tuple[datetime, Path]]:
    """(when it was taken, its file) for each copy of this plan, newest first."""
    folder = history_dir(db_path)
    if not folder.is_dir() or folder.is_symlink():
        return []
    pattern, found = _pattern(db_path), []
    for candidate in folder.iterdir():
        match = pattern.fullmatch(candidate.name)
        taken = _taken(match[1]) if match else None
        if taken is not None:
            found.append((taken, candidate))
    return sorted(found, reverse=True)


def due(now: datetime, newest: datetime | None) -> bool:
    """True when a copy is to be kept at `now`, the `newest` copy having been taken then."""
    return newest is None or now - newest >= SPACING


def keep_version(db_path: Path, content: bytes, now: datetime,
                 newest: datetime | None) -> datetime | None:
    """Before a write, keep `content` (the plan file as it is) unless the `newest` copy was
    taken less than SPACING ago; returns the time of the newest copy now. UnsafePathError for
    a history folder careertui will not use."""
    if not due(now, newest):
        return newest
    folder = history_dir(db_path)
    files.private_folder(folder, create=True)
    name = f"{Path(db_path).stem}-{now.strftime(_STAMP)}"
    target, suffix = folder / f"{name}.json.gz", 1
    while os.path.lexists(target):
        suffix += 1
        target = folder / f"{name}-{suffix}.json.gz"
    # Level 1: 15 ms for the 2 MB of a 5,000-item plan, once a minute at most.
    files.write_atomically(target, gzip.compress(content, compresslevel=1, mtime=0))
    for _, old in list_versions(db_path)[KEEP_VERSIONS:]:
        old.unlink(missing_ok=True)
    return now


def newest_version(db_path: Path) -> datetime | None:
    found = list_versions(db_path)
    return found[0][0] if found else None


def read_version(path: Path) -> bytes:
    """The plan file a copy holds (never through a link); OSError when it cannot be read,
    ValueError when it is not a whole compressed copy or unpacks to more than any plan."""
    packed = files.read_file(path, follow_links=False)
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(packed)) as unpacked:
            content = unpacked.read(files.LARGEST_FILE + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise ValueError(f"it is not a whole compressed copy ({error})") from None
    if len(content) > files.LARGEST_FILE:
        raise ValueError("it unpacks to more than any plan holds")
    return content
