"""The plan lock: a second careertui, in this process or another, is refused and writes nothing."""

from __future__ import annotations

import subprocess
import textwrap

import pytest

from careertui.store.database import open_database
from careertui.store.errors import PlanLockedError
from careertui.store.lock import PlanLock

from .conftest import PYTHON, REPO, child_env, snapshot


def test_a_second_open_is_refused_and_writes_nothing(plan_path, clock):
    first = open_database(plan_path, today=clock)
    first.db.table("goals").insert({"statement": "Lead a team"})
    # Things a second instance would touch if it went past the lock.
    (plan_path.parent / ".plan.json.abc123.tmp").write_text("another writer's temp file")
    clock.day = clock.day.replace(day=24)  # a write now would make a new backup
    before = snapshot(plan_path.parent)

    with pytest.raises(PlanLockedError) as caught:
        open_database(plan_path, today=clock)
    message = str(caught.value)
    assert str(plan_path) in message and "another careertui" in message
    assert str(plan_path) + ".lock" in message
    assert snapshot(plan_path.parent) == before

    first.close()
    second = open_database(plan_path, today=clock)
    assert second.db.table("goals").all() == [{"statement": "Lead a team"}]
    second.close()


def test_closing_twice_is_harmless_and_the_lock_is_free_after(plan_path, clock):
    opened = open_database(plan_path, today=clock)
    opened.close()
    opened.close()
    with open_database(plan_path, today=clock):
        pass
    with PlanLock(plan_path) as lock:
        assert lock.held
        with pytest.raises(PlanLockedError):
            PlanLock(plan_path).acquire()
    assert not lock.held


HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from careertui.store.database import open_database

    opened = open_database(Path(sys.argv[1]))
    print("locked", flush=True)
    sys.stdin.read()  # hold the lock until the parent closes our stdin
    opened.close()
    """
)


def test_a_plan_open_in_another_process_is_refused(plan_path, clock):
    child = subprocess.Popen(
        [PYTHON, "-c", HOLDER, str(plan_path)],
        cwd=REPO,
        env=child_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline() == "locked\n"
        before = snapshot(plan_path.parent)
        with pytest.raises(PlanLockedError):
            open_database(plan_path, today=clock)
        assert snapshot(plan_path.parent) == before
    finally:
        child.stdin.close()
        assert child.wait(timeout=10) == 0
    open_database(plan_path, today=clock).close()
