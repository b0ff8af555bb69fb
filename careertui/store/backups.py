"""Daily rolling backups in `backups/` beside the plan, and copies kept beside the plan itself."""

from __future__ import annotations

import glob
import os
import re
from datetime import date, datetime
from pathlib import Path

# A module import, so a test that replaces files.write_atomically sees every write.
from careertui.store import files, history
from careertui.store.errors import UnsafeFolderError

# Daily backups kept beside a plan.
KEEP_BACKUPS = 7


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def backup_path(db_path: Path, day: date) -> Path:
    db_path = Path(db_path)
    return backup_dir(db_path) / f"{db_path.stem}-{day.isoformat()}.json"


def backup_glob(db_path: Path) -> str:
    """A glob for this plan's backup file names (also matches a few non-dates; see list_backups)."""
    return f"{glob.escape(Path(db_path).stem)}-????-??-??.json"


def list_backups(db_path: Path) -> list[Path]:
    """This plan's backups, newest first (whatever they hold: see careertui.store.restore)."""
    folder = backup_dir(db_path)
    if not folder.is_dir() or folder.is_symlink():
        return []
    pattern = re.compile(re.escape(Path(db_path).stem) + r"-(\d{4}-\d{2}-\d{2})\.json")
    dated = []
    for candidate in folder.glob(backup_glob(db_path)):
        match = pattern.fullmatch(candidate.name)
        if match:
            dated.append((match[1], candidate))
    return [path for _, path in sorted(dated, reverse=True)]


def newest_backup(db_path: Path) -> Path | None:
    found = list_backups(db_path)
    return found[0] if found else None


def refuse_unsafe_folders(db_path: Path) -> None:
    """UnsafeFolderError when the backups or history folder beside the plan is a link or
    another user's: a planted one could take the backups away, or hand over a plan to restore."""
    for folder in (backup_dir(db_path), history.history_dir(db_path)):
        try:
            files.private_folder(folder, create=False)
        except files.UnsafePathError as error:
            raise UnsafeFolderError(db_path, folder, error.strerror or str(error)) from None


def has_backup(db_path: Path, day: date) -> bool:
    """True when the backup of `day` was taken (it is taken once, before the day's first save)."""
    return os.path.lexists(backup_path(db_path, day))


def backup_before_write(db_path: Path, today: date, content: bytes,
                        keep: int = KEEP_BACKUPS) -> None:
    """Before the first write of `today`, keep `content` (the plan file as it is now) as the
    day's backup; keep the newest `keep`. UnsafePathError for a backups folder not to use."""
    target = backup_path(db_path, today)
    files.private_folder(target.parent, create=True)
    if has_backup(db_path, today):
        return
    files.write_atomically(target, content)
    prune_backups(db_path, keep)


def prune_backups(db_path: Path, keep: int = KEEP_BACKUPS) -> None:
    """Delete all but the newest `keep` backups (also on open: a write killed between copying
    a backup and pruning leaves one too many, and that day's next writes make no backup)."""
    for old in list_backups(db_path)[keep:]:
        old.unlink(missing_ok=True)


def keep_copy(db_path: Path, label: str, content: bytes | None = None) -> Path | None:
    """Keep the plan file (or `content`) as `<name>.<label>-<time>` beside it; None when there
    is no file to keep."""
    # A copy rather than a rename, so there is never a moment without a plan file.
    db_path = Path(db_path)
    if content is None:
        if not db_path.exists():
            return None
        content = files.read_file(db_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.{label}-{stamp}")
    suffix = 1
    while os.path.lexists(aside):
        suffix += 1
        aside = db_path.with_name(f"{db_path.name}.{label}-{stamp}-{suffix}")
    files.write_atomically(aside, content)
    return aside
