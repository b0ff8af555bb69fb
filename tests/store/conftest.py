"""Shared helpers for the storage tests."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
DAY = date(2026, 11, 23)
PYTHON = sys.executable


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under `directory` (hidden ones too) with its bytes."""
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def mode(path: Path) -> int:
    return os.stat(path).st_mode & 0o777


def child_env() -> dict[str, str]:
    """Environment for a subprocess that imports careertui from this checkout."""
    return {**os.environ, "PYTHONPATH": str(REPO)}


class Clock:
    """An injectable `today` that tests move by hand."""

    def __init__(self, day: date = DAY) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "plan.json"

