"""Pilot tests of the person's preferences: chosen in the palette, written, shown at once."""

from __future__ import annotations

import re
import tomllib
from datetime import date

from textual.widgets import Input, Static

from careertui.model.dates import parse_due
from careertui.model.plan import Action, CheckIn
from careertui.preferences import load_preferences
from careertui.screens.plan.tree import PlanTree
from careertui.screens.progress.action_table import ActionTable
from careertui.screens.progress.checkins import CheckInTable
from careertui.widgets.form_dialog import FormDialog
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, field_error, make_app, type_text
from tests.ui.test_palette import run_from_palette


def first_due(store) -> date:
    return min(action.due for action in store.all(Action) if action.due and not action.done)


async def test_a_date_format_from_the_palette_shows_everywhere_and_is_written(demo_store,
                                                                              tmp_path):
    config = tmp_path / "config.toml"
    app = make_app(demo_store, preferences=load_preferences(config))
    due = first_due(demo_store)
    shown = f"{due.day} {due.strftime('%b')} {due.year}"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await run_from_palette(pilot, "show dates as 3 dec")
        tree = app.screen.query_one(PlanTree)
        [key] = [f"action:{a.id}" for a in demo_store.all(Action) if a.due == due]
        assert shown in tree.line(key)
        await pilot.press("5")
        await pilot.pause()
        table = app.screen.query_one(ActionTable)
        cells = [str(table.get_row_at(row)[2]) for row in range(table.row_count)]
        assert any(cell.startswith(shown) for cell in cells)
        checkins = app.screen.query_one(CheckInTable)
        newest = max(checkin.on for checkin in demo_store.all(CheckIn))
        assert str(checkins.get_row_at(0)[0]) == f"{newest.day} {newest.strftime('%b')} " \
                                                 f"{newest.year}"
        counts = str(app.screen.query_one("#progress-counts", Static).render())
        assert "next review " in counts and not re.search(r"\d{4}-\d\d-\d\d", counts)
    assert tomllib.loads(config.read_text())["date_format"] == "day-month"
    again = load_preferences(config)
    assert again.problems == [] and again.preferences.date_format == "day-month"


async def test_weeks_start_on_the_day_chosen_for_date_phrases(demo_store, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('week_starts_on = "sunday"\n')
    app = make_app(demo_store, preferences=load_preferences(config))
    async with app.run_test(size=SIZE) as pilot:
        # TODAY is a Monday: a week from Sunday ends on Saturday, five days on.
        assert TODAY.weekday() == 0
        assert parse_due("end of the week", TODAY) == date(2026, 11, 28)
        await run_from_palette(pilot, "weeks start on monday")
        assert parse_due("end of the week", TODAY) == date(2026, 11, 29)
    assert tomllib.loads(config.read_text())["week_starts_on"] == "monday"


async def test_the_export_folder_is_asked_checked_written_and_used(demo_store, tmp_path):
    config = tmp_path / "config.toml"
    chosen = tmp_path / "exports"
    chosen.mkdir()
    app = make_app(demo_store, preferences=load_preferences(config))
    async with app.run_test(size=SIZE) as pilot:
        await run_from_palette(pilot, "preferences export folder")
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, str(tmp_path / "nowhere"))
        await pilot.press("enter")
        await pilot.pause()
        assert "is not a folder" in field_error(app, "export_folder")
        assert not config.exists()  # nothing invalid is written
        field = app.screen.query_one("#export_folder Input", Input)
        field.value = str(chosen)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        assert app.session.export_dir == chosen
        await run_from_palette(pilot, "export markdown report")
        suggested = app.screen.query_one("#path Input", Input).value
        assert suggested.startswith(str(chosen) + "/")
    assert tomllib.loads(config.read_text())["export_folder"] == str(chosen)
