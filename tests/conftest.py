"""Shared fixtures: a fixed clock, demo and empty stores, and a guard on the real data dir."""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from careertui.demo import demo_plan
from careertui.store.plan_store import PlanStore

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """No test may ever touch the user's real plan: point the data dirs at a temp folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture(autouse=True)
def _weeks_from_monday():
    """Each test starts and ends with weeks from Monday, whatever a preference set."""
    calendar.setfirstweekday(calendar.MONDAY)
    yield
    calendar.setfirstweekday(calendar.MONDAY)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def empty_store():
    store = PlanStore.in_memory()
    yield store
    store.close()


@pytest.fixture
def demo_store():
    store = PlanStore.in_memory()
    store.replace_plan(demo_plan(TODAY))
    yield store
    store.close()
