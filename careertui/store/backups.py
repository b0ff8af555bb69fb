"""Daily rolling backups in `backups/` beside the plan, and restoring the newest one."""

from __future__ import annotations

import glob
import re
from datetime import date, datetime
from pathlib import Path

# A module import, so a test that replaces files.write_atomically sees every write.
from careertui.store import files
from careertui.store.errors import NoBackupError
from careertui.store.plan_format import parse_plan

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
    """This plan's backups, newest first."""
    pattern = re.compile(re.escape(Path(db_path).stem) + r"-(\d{4}-\d{2}-\d{2})\.json")
    dated = []
    for candidate in backup_dir(db_path).glob(backup_glob(db_path)):
        match = pattern.fullmatch(candidate.name)
        if match:
            dated.append((match[1], candidate))
    return [path for _, path in sorted(dated, reverse=True)]


def newest_backup(db_path: Path) -> Path | None:
    found = list_backups(db_path)
    return found[0] if found else None


def backup_before_write(db_path: Path, today: date, keep: int = KEEP_BACKUPS) -> None:
    """Before the first write of `today`, copy the plan as it is on disk; keep the newest `keep`."""
    db_path = Path(db_path)
    target = backup_path(db_path, today)
    if target.exists() or not db_path.exists():
        return
    target.parent.mkdir(mode=0o700, exist_ok=True)
    files.write_atomically(target, db_path.read_bytes())
    prune_backups(db_path, keep)


def prune_backups(db_path: Path, keep: int = KEEP_BACKUPS) -> None:
    """Delete all but the newest `keep` backups (also on open: a write killed between copying
    a backup and pruning leaves one too many, and that day's next writes make no backup)."""
    for old in list_backups(db_path)[keep:]:
        old.unlink(missing_ok=True)


def restore_newest_backup(db_path: Path) -> tuple[Path, Path | None]:
    """Keep the current file as `<name>.corrupt-<time>`, then put the newest readable backup
    in its place. The caller holds the lock. Returns (backup used, where the old file went)."""
    db_path = Path(db_path)
    candidates = list_backups(db_path)
    for backup in candidates:
        raw = backup.read_bytes()
        try:
            parse_plan(raw)
        except ValueError:
            continue
        moved_to = keep_copy(db_path, "corrupt")
        files.write_atomically(db_path, raw)
        return backup, moved_to
    raise NoBackupError(db_path, backup_dir(db_path), len(candidates))


def keep_copy(db_path: Path, label: str) -> Path | None:
    """Copy the plan file to `<name>.<label>-<time>` beside it; None when there is no file."""
    # A copy rather than a rename, so there is never a moment without a plan file.
    db_path = Path(db_path)
    if not db_path.exists():
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.{label}-{stamp}")
    suffix = 1
    while aside.exists():
        suffix += 1
        aside = db_path.with_name(f"{db_path.name}.{label}-{stamp}-{suffix}")
    files.write_atomically(aside, db_path.read_bytes())
    return aside
