"""The screenshot generator renders every screen of the demo plan, each the screen it names."""

from __future__ import annotations

import re

from careertui.screenshots import render_screenshots
from careertui.steps import STEPS, step_title


def shown_text(svg: str) -> str:
    """The SVG's text with its non-breaking spaces as spaces."""
    return svg.replace("&#160;", " ")


def header(svg: str) -> list[str]:
    """The texts of the first line (the header): ["Maya Okafor · careertui", " — ", "Overview"]."""
    return [text.replace("&#160;", " ") for text in re.findall(
        r'<text[^>]*clip-path="url\(#terminal-\d+-line-0\)"[^>]*>([^<]*)</text>', svg)]


async def test_screenshots_render_every_screen(tmp_path):
    written = await render_screenshots(tmp_path)
    names = sorted(path.name for path in written)
    assert names == sorted([f"{s.key}-{s.mode}.svg" for s in STEPS]
                           + ["2-stepping-stones.svg", "help.svg"])
    for step in STEPS:
        svg = (tmp_path / f"{step.key}-{step.mode}.svg").read_text()
        assert "Maya Okafor · careertui" in header(svg)
        assert step_title(step) in header(svg), step.name  # the screen shown is the one named
    stones = shown_text((tmp_path / "2-stepping-stones.svg").read_text())
    assert "Stepping stones" in stones and "Paths to Computer and Information" in stones
    help_svg = shown_text((tmp_path / "help.svg").read_text())
    # The help screen opens on its keys (the dates it reads follow, further down).
    assert "Keys" in help_svg and "Tick/untick" in help_svg and "Charts as tables" in help_svg
