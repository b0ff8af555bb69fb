"""With NO_COLOR every colour-coded signal still reads: a glyph or a word carries it too."""

from __future__ import annotations

from textual.widgets import Static

from careertui.charts.gaps import draw_gaps
from careertui.charts.overview import draw_done_vs_planned
from careertui.charts.text import chart_text
from careertui.model.plan import Action
from careertui.model.progress import Bucket, bucket
from careertui.model.smart import Badge
from careertui.screens.plan.badges import BadgeColours, badge_text
from careertui.screens.plan.tree import PlanTree
from careertui.screens.progress.action_table import ActionTable
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, make_app

BADGES = (Badge("S", True, ""), Badge("M", False, "No number"), Badge("A", True, ""),
          Badge("R", True, ""), Badge("T", True, ""))


def test_smart_badges_carry_a_tick_or_a_cross():
    spaced = badge_text(BADGES, BadgeColours(), spaced=True).plain.split()
    assert spaced == ["S✓", "M✗", "A✓", "R✓", "T✓"]
    assert badge_text(BADGES, BadgeColours()).plain == "S✗ART"


def test_the_gaps_bars_differ_by_fill_and_the_title_says_which_is_which():
    text = chart_text(lambda plt: draw_gaps(plt, ["Writing"], [2.0], [5.0]))
    assert "You █ · to go ░" in text
    bar_line = next(line for line in text.splitlines() if line.lstrip().startswith("Writing"))
    assert "█" in bar_line and "░" in bar_line


def test_done_and_planned_lines_differ_by_marker():
    text = chart_text(lambda plt: draw_done_vs_planned(
        plt, ["2026-11-01", "2026-11-08", "2026-11-15"], [0, 1, 2], [1, 2, 3]))
    assert "•" in text and "⢕" in text  # the legend's markers: done dots, planned braille


async def test_overdue_items_say_so_in_words_or_a_mark_on_every_screen(demo_store, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(demo_store)
    overdue = [a for a in demo_store.all(Action) if bucket(a, TODAY) is Bucket.OVERDUE]
    assert overdue
    async with app.run_test(size=SIZE) as pilot:
        assert app.no_color
        await pilot.pause()
        next_up = str(app.screen.query_one("#overview-next", Static).render())
        assert f"{min(a.due for a in overdue)} overdue" in next_up
        await pilot.press("4")
        await pilot.pause()
        tree = app.screen.query_one(PlanTree)
        assert f"{overdue[0].due}!" in tree.line(f"action:{overdue[0].id}")
        await pilot.press("5")
        await pilot.pause()
        table = app.screen.query_one(ActionTable)
        dues = [str(table.get_row_at(row)[2]) for row in range(table.row_count)]
        assert f"{overdue[0].due} overdue" in dues
