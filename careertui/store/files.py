"""Files as careertui reads and writes them: regular files only, never through a link."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import tempfile
from pathlib import Path

# Far above any real plan or export (the 5,000-item stress plan is 2 MB): a larger file is not
# one of ours, and reading it whole would take the memory of the machine.
LARGEST_FILE = 50_000_000

# What identifies a file's version cheaply: inode, size, and the times of its last change.
Stamp = tuple[int, int, int, int, int]


def stamp_of(path: Path) -> Stamp | None:
    """The file's version as stat tells it (None when there is no file): a write by any program
    changes its ctime, which no program can set back."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


class UnsafePathError(OSError):
    """A path careertui will not read from or write to: a link, a device, a named pipe, a
    folder, a file too large, or a folder another user owns. `strerror` says which."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(errno.EPERM, why, str(path))


def kind_of(mode: int) -> str:
    """What a file of `mode` is, in words: "a folder", "a named pipe (FIFO)"..."""
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a symbolic link"),
             (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))
    return next((words for is_kind, words in kinds if is_kind(mode)), "not a regular file")


def refuse_unsafe_target(path: Path) -> None:
    """UnsafePathError unless `path` is a regular file or nothing at all: careertui never writes
    over a device, a pipe or a folder, and never through a symbolic link."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise UnsafePathError(path, f"it is a symbolic link (to {os.readlink(path)}), and "
                                    "careertui does not write through links")
    if not stat.S_ISREG(mode):
        raise UnsafePathError(path, f"it is {kind_of(mode)}, not a file; careertui writes "
                                    "only regular files (or - for standard output)")


def write_atomically(path: Path, content: str | bytes) -> None:
    """Replace the regular file `path` with `content` (str as UTF-8), so a crash leaves the
    old or the new file; the temp file is created exclusively and the rename never follows a
    link. UnsafePathError for a target that is not a regular file."""
    path = Path(path)
    refuse_unsafe_target(path)
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
    fsync_directory(path.parent)


def append_durably(path: Path, data: bytes) -> int:
    """Append `data` to the regular file `path` (never through a link) and sync it; the file's
    size after. On failure the file is cut back to its size before, so no torn line stays."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    with os.fdopen(fd, "wb", buffering=0) as file:  # unbuffered: nothing is left to flush later
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePathError(path, f"it is {kind_of(info.st_mode)}, not a file")
        try:
            rest = memoryview(data)
            while rest:
                rest = rest[file.write(rest):]
            # fsync, not fdatasync: an append changes the size, which fdatasync flushes too,
            # so both cost the same here.
            os.fsync(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, info.st_size)
            raise
        return info.st_size + len(data)


def write_output(path: Path, content: str | bytes) -> None:
    """Write an export: what write_atomically does, after removing what a killed export to the
    same file left behind."""
    remove_orphaned_temps(Path(path).parent, glob.escape(Path(path).name))
    write_atomically(path, content)


def fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_folder(folder: Path) -> None:
    """Create `folder` and any missing parent, private to the user (0700), each one synced into
    the folder above it so that a power cut does not lose it."""
    folder = Path(folder)
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made by another process meanwhile
            new.mkdir(mode=0o700)
        fsync_directory(new.parent)


def private_folder(folder: Path, *, create: bool) -> bool:
    """True when `folder` is a real folder (not a link) of the user's own; made (see make_folder)
    when missing and `create`, else False. UnsafePathError otherwise: a folder another user
    controls could hand careertui files to restore, or take its backups away."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        if not create:
            return False
        make_folder(folder)
        return True
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePathError(folder, f"it is a symbolic link (to {os.readlink(folder)}), which "
                                      "someone else may have put there")
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafePathError(folder, f"it is {kind_of(info.st_mode)}, not a folder")
    if info.st_uid != os.geteuid():
        raise UnsafePathError(folder, f"it belongs to {owner_name(info.st_uid)}, not to you")
    return True


def own_regular_file(path: Path) -> str | None:
    """Why careertui will not use `path` from a folder of its own (a link, another user's
    file, not a file), or None when it is a regular file of the user's."""
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        return "a symbolic link"
    if not stat.S_ISREG(info.st_mode):
        return kind_of(info.st_mode)
    if info.st_uid != os.geteuid():
        return f"a file of {owner_name(info.st_uid)}"
    return None


def owner_name(uid: int) -> str:
    """The user name of `uid` ("user 1001" when the system has no name for it)."""
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"user {uid}"


def read_file(path: Path, *, follow_links: bool = True, limit: int = LARGEST_FILE) -> bytes:
    """The bytes of the regular file `path`: UnsafePathError for anything else (a device or
    a named pipe would be read forever or wait forever), for a file over `limit` bytes, and
    for a symbolic link unless `follow_links`."""
    # Looked at first, as some (a socket) cannot even be opened; checked again once open.
    _refuse_unreadable(path, os.stat(path) if follow_links else os.lstat(path))
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow_links else os.O_NOFOLLOW)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        _refuse_unreadable(path, info)
        if info.st_size > limit:
            raise UnsafePathError(path, f"it is {info.st_size / 1_000_000:,.0f} MB, far larger "
                                        "than any plan or export: is it the right file?")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as file:
            # As long as the file said it was, and then what it grew by, up to the limit:
            # read(limit + 1) alone would ask for a buffer of the limit's size every time.
            data = file.read(min(info.st_size, limit) + 1)
            if len(data) > info.st_size:
                data += file.read(limit + 1 - len(data))
        if len(data) > limit:  # it grew while being read
            raise UnsafePathError(path, "it is larger than any plan or export")
        return data
    finally:
        os.close(fd)


def _refuse_unreadable(path: Path, info: os.stat_result) -> None:
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePathError(path, "it is a symbolic link, and careertui does not read "
                                    "through links here")
    if not stat.S_ISREG(info.st_mode):
        raise UnsafePathError(path, f"it is {kind_of(info.st_mode)}, not a file")


def remove_orphaned_temps(directory: Path, name_glob: str) -> None:
    """Delete temp files a killed write_atomically left for targets matching `name_glob`."""
    for orphan in Path(directory).glob(f".{name_glob}.*.tmp"):
        with contextlib.suppress(FileNotFoundError):
            orphan.unlink()
