"""Kill a writing process at random moments, during journaled saves and during compaction: the
plan (its file and journal) and its backups always hold a whole state."""

from __future__ import annotations

import hashlib
import json
import os
import random
import select
import signal
import subprocess
import textwrap
import time

import pytest

from careertui.store.backups import list_backups
from careertui.store.database import open_database
from careertui.store.journal_file import read_journal, replayed
from careertui.store.plan_format import parse_plan

from .conftest import PYTHON, REPO, child_env

KILLS = 100  # for each of the two runs below: 200 in all

# One process imports everything once, then forks a fresh writer for each kill: much faster
# than starting Python 200 times, and each writer is still a real process that dies by SIGKILL.
SPAWNER = textwrap.dedent(
    """
    import hashlib, json, os, signal, sys
    from datetime import date, timedelta
    from pathlib import Path
    from tinydb.table import Document
    from careertui.store import storage as storage_module
    from careertui.store.database import open_database

    storage_module.COMPACT_AFTER = int(sys.argv[2])

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # killed writers are reaped at once


    def write_forever(path):
        counter = 0
        # A new day every 5 writes, so backups and pruning run under the kills too.
        opened = open_database(path, today=lambda: date(2000, 1, 1) + timedelta(days=counter // 5))
        storage = opened.db.storage
        storage.compact()  # as PlanStore.open does: what the killed writer journaled
        data = storage.read()
        items = data.setdefault("items", {})
        counter = data.get("state", {}).get("1", {}).get("counter", 0)
        while True:
            counter += 1
            # One write that changes two tables, which must stay consistent with each other.
            items[str(counter % 60 + 1)] = {"counter": counter, "padding": "é" * 300 + str(counter)}
            checksum = hashlib.sha256(json.dumps(items, sort_keys=True).encode()).hexdigest()
            data["state"] = {"1": {"counter": counter, "checksum": checksum}}
            storage.write(data)
            # And a plain TinyDB write in between.
            opened.db.table("log").upsert(Document({"counter": counter}, doc_id=counter % 20 + 1))
            if counter % 10 == 1:
                os.write(1, f"{os.getpid()}\\n".encode())


    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(Path(sys.argv[1]))
            finally:
                os._exit(1)
    """
)


class PipeLines:
    """Lines from a pipe, read straight from its file descriptor.

    A buffered reader would pull several lines into Python's buffer at once, where select()
    cannot see them: a line left there (the pid of a writer already killed) would be taken as
    the next writer's.
    """

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._partial = b""

    def newest(self, timeout: float) -> bytes | None:
        """Wait up to `timeout` seconds for a line; the newest complete one, None at EOF."""
        lines: list[bytes] = []
        deadline = time.monotonic() + timeout
        while not lines:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._fd], [], [], left)[0]:
                raise AssertionError(f"no line within {timeout} s")
            chunk = os.read(self._fd, 65536)
            if not chunk:
                return None
            lines = self._split(chunk)
        return lines[-1]

    def drain(self) -> None:
        """Drop every line written so far."""
        while select.select([self._fd], [], [], 0)[0]:
            chunk = os.read(self._fd, 65536)
            if not chunk:
                return
            self._split(chunk)

    def _split(self, chunk: bytes) -> list[bytes]:
        *lines, self._partial = (self._partial + chunk).split(b"\n")
        return lines


def kill_and_wait(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return  # it had already exited (and was reaped)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return  # dead and reaped
        time.sleep(0.002)
    raise AssertionError(f"writer {pid} did not die")


def checksum(items: dict) -> str:
    return hashlib.sha256(json.dumps(items, sort_keys=True).encode()).hexdigest()


def assert_whole(raw: bytes) -> dict:
    return assert_consistent(parse_plan(raw))


def assert_consistent(data: dict) -> dict:
    if "state" in data:
        state = data["state"]["1"]
        assert state["checksum"] == checksum(data["items"]), "items and state disagree"
    return data


def saved_state(path) -> dict:
    """The plan as saved: the plan file with its journal's changes (read without opening)."""
    raw = path.read_bytes()
    return replayed(path, raw, assert_whole(raw))


def mid_compaction(path) -> bool:
    """True when a kill left the signs of a compaction under way: a temp file, or a journal
    whose last line names a plan file about to replace the one there."""
    found = read_journal(path)
    return bool(list(path.parent.glob(".*.tmp"))) or (
        found is not None and found[1].compacted is not None)


@pytest.mark.parametrize("compact_after", [1_000_000, 12_000], ids=["journal", "compacting"])
def test_a_killed_writer_never_leaves_a_broken_plan(plan_path, compact_after):
    rng = random.Random()
    last_counter = 0
    compacting = 0
    with subprocess.Popen(
        [PYTHON, "-c", SPAWNER, str(plan_path), str(compact_after)],
        cwd=REPO, env=child_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as spawner:
        assert spawner.stdin is not None and spawner.stdout is not None
        pids = PipeLines(spawner.stdout.fileno())
        try:
            for kill in range(KILLS):
                spawner.stdin.write(b"go\n")
                spawner.stdin.flush()
                line = pids.newest(timeout=15)
                assert line, spawner.stderr.read().decode() if spawner.stderr else ""
                pid = int(line)
                time.sleep(rng.uniform(0, 0.03))
                kill_and_wait(pid)
                # A writer may have printed again before it died: those lines are its own.
                pids.drain()

                compacting += mid_compaction(plan_path)
                data = assert_consistent(saved_state(plan_path))
                counter = data["state"]["1"]["counter"]
                assert counter >= last_counter, f"kill {kill}: the plan went back in time"
                last_counter = counter
                for backup in list_backups(plan_path):
                    assert_whole(backup.read_bytes())

                with open_database(plan_path) as opened:  # the lock died with the writer
                    assert opened.db.storage.read() == data
                assert list(plan_path.parent.rglob("*.tmp")) == []
        finally:
            spawner.kill()
    # A day passes every 5 writes; however many days the kills allowed, at most 7 are kept.
    days_written = last_counter // 5 + 1
    assert len(list_backups(plan_path)) == min(7, days_written)
    assert last_counter > KILLS
    if compact_after < 100_000:  # a compaction every few saves: some kills land in one
        assert compacting > 0
