"""The screenshot generator renders every screen of the demo plan."""

from __future__ import annotations

from careertui.screenshots import render_screenshots
from careertui.steps import STEPS


async def test_screenshots_render_every_screen(tmp_path):
    written = await render_screenshots(tmp_path)
    names = sorted(path.name for path in written)
    assert names == sorted([f"{s.key}-{s.mode}.svg" for s in STEPS] + ["help.svg"])
    for step in STEPS:
        svg = (tmp_path / f"{step.key}-{step.mode}.svg").read_text()
        assert "Maya&#160;Okafor" in svg or "Maya Okafor" in svg
        assert step.name in svg
