"""Snapshot tests: every screen of the demo plan on a fixed date, compared as SVG: at 120x36,
and at 80x24 (the smallest size careertui supports) and 200x50; and in the light theme."""

from __future__ import annotations

import pytest

from careertui.app import CareerApp
from careertui.demo import demo_plan
from careertui.screenshots import settle_frame
from careertui.steps import STEPS
from careertui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, make_app


def demo_app() -> CareerApp:
    store = PlanStore.in_memory()
    store.replace_plan(demo_plan(TODAY))
    return make_app(store)


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.mode)
def test_screen_matches_its_snapshot(snap_compare, step):
    assert snap_compare(demo_app(), terminal_size=SIZE, run_before=_settle_on(step))


@pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=lambda size: "x".join(map(str, size)))
@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.mode)
def test_screen_matches_its_snapshot_at_the_smallest_and_a_large_size(snap_compare, step, size):
    assert snap_compare(demo_app(), terminal_size=size, run_before=_settle_on(step))


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.mode)
def test_screen_matches_its_snapshot_in_the_light_theme(snap_compare, step):
    assert snap_compare(demo_app(), terminal_size=SIZE,
                        run_before=_settle_on(step, theme="textual-light"))


def _settle_on(step, theme: str | None = None):
    async def settle(pilot) -> None:
        if theme is not None:
            pilot.app.theme = theme
        await pilot.press(step.key)
        await pilot.app.workers.wait_for_complete()  # the O*NET library loads in a thread
        await settle_frame(pilot)
    return settle
