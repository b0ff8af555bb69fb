"""The `careertui` command: options, demo plan, refusal of locked and corrupt plans, restore."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from careertui import __main__ as cli
from careertui.model.plan import Profile
from careertui.store.lock import PlanLock
from careertui.store.plan_store import PlanStore


def run_cli(*args: str, env_home: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, TERM="xterm-256color")
    return subprocess.run(
        [sys.executable, "-m", "careertui", *args],
        capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def no_ui(monkeypatch):
    """Run the CLI without drawing the app; record which store it would have shown."""
    shown = []

    def fake_run(app, *args, **kwargs):
        shown.append(app.session.load())

    monkeypatch.setattr("careertui.app.CareerApp.run", fake_run)
    return shown


def test_version_and_help():
    assert run_cli("--version").stdout.strip().startswith("careertui ")
    help_text = run_cli("--help").stdout
    for option in ("--db", "--demo", "--restore-backup", "--version"):
        assert option in help_text


def test_default_plan_lives_in_the_user_data_dir(no_ui, tmp_path):
    # The autouse fixture points XDG_DATA_HOME into tmp_path's home.
    assert cli.main([]) == 0
    path = cli.default_plan_path()
    assert path.name == "plan.json" and path.exists()
    assert str(path).startswith(os.environ["XDG_DATA_HOME"])
    assert no_ui[0].is_empty


def test_demo_with_db_writes_the_sample_plan_once(no_ui, tmp_path):
    path = tmp_path / "mine.json"
    assert cli.main(["--demo", "--db", str(path)]) == 0
    assert no_ui[0].profile.name == "Maya Okafor"
    store = PlanStore.open(path)
    store.save(Profile(name="Changed"))
    store.close()
    assert cli.main(["--demo", "--db", str(path)]) == 0
    assert no_ui[1].profile.name == "Changed"  # an existing file is never overwritten


def test_demo_alone_never_touches_the_real_plan(no_ui):
    assert cli.main(["--demo"]) == 0
    assert no_ui[0].profile.name == "Maya Okafor"
    assert not cli.default_plan_path().exists()


def test_a_second_instance_is_refused(tmp_path):
    path = tmp_path / "plan.json"
    PlanStore.open(path).close()
    before = path.read_bytes()
    with PlanLock(path):
        result = run_cli("--db", str(path))
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert "another careertui" in result.stderr
    assert path.read_bytes() == before


def test_a_truncated_plan_is_refused_then_restored(tmp_path, today, monkeypatch):
    path = tmp_path / "plan.json"
    clock = iter([today.replace(day=20), today.replace(day=21)])
    store = PlanStore.open(path, today=lambda: next(clock, today))
    store.save(Profile(name="Ada"))  # first write of day 20: backs up the new empty plan
    store.save(Profile(name="Ada Lovelace"))  # first write of day 21: backs up "Ada"
    store.close()
    good = json.loads(path.read_text())
    path.write_bytes(path.read_bytes()[:40])
    truncated = path.read_bytes()

    result = run_cli("--db", str(path))
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert "not valid JSON" in result.stderr
    assert path.read_bytes() == truncated
    command = f"careertui --db {shlex.quote(str(path))} --restore-backup"
    assert command in result.stderr

    restored = run_cli("--db", str(path), "--restore-backup")
    assert restored.returncode == 0, restored.stderr
    store = PlanStore.open(path)
    assert store.get(Profile).name == "Ada"
    store.close()
    assert good["profile"]["1"]["name"] == "Ada Lovelace"
    kept = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert [p.read_bytes() for p in kept] == [truncated]


def test_restore_without_a_backup_is_refused(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text("{")
    result = run_cli("--db", str(path), "--restore-backup")
    assert result.returncode == 2
    assert path.read_text() == "{"
