"""Fixtures of the browser tests: one headless Chromium a module, a serve process a test."""

from __future__ import annotations

import pytest

from tests.browser.serving import Served, demo_plan_file
from tests.browser.terminal import chromium, missing_browser


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    reason = missing_browser()
    if reason:
        pytest.skip(reason)
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


@pytest.fixture
def serve(tmp_path):
    """Start `careertui serve` on the demo plan (or `plan`); every one is stopped after."""
    started: list[Served] = []

    def start(*args: str, plan=None) -> Served:
        served = Served(plan or demo_plan_file(tmp_path), tmp_path / "home", *args)
        started.append(served)
        return served

    yield start
    for served in started:
        served.kill()
