"""Gaps first asks for the target's most important unrated areas, rated right there."""

from __future__ import annotations

from careertui.model.assessment import current_snapshot, level_of
from careertui.model.plan import Assessment, Destination
from careertui.screens.gaps.gap_table import GapTable
from careertui.screens.gaps.unrated import AskedAreas, UnratedAreas
from careertui.widgets.form_dialog import FormDialog
from tests.ui.conftest import SIZE, make_app, send_keys, text
from tests.ui.test_gaps import open_gaps, table_rows

MANAGERS = "11-3021.00"  # Computer and Information Systems Managers
COMPUTERS = "2.C.3.a"  # its most important area: Computers and Electronics (4.8, level 6.1)


def new_plan_heading_for_managers(store) -> None:
    store.save(Destination(target_role_code=MANAGERS,
                           target_role_title="Computer and Information Systems Managers"))


def latest_level(store, key: str) -> float | None:
    return level_of(current_snapshot(store.all(Assessment)), key)


async def test_a_new_plan_is_asked_for_six_areas_first_and_rates_them_there(empty_store):
    new_plan_heading_for_managers(empty_store)
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_gaps(app, pilot)
        asked = screen.query_one(AskedAreas)
        assert screen.query_one(UnratedAreas).display
        assert app.focused is asked
        assert "Rate these 6 to see your real gaps" in text(app, "#unrated-heading")
        rows = table_rows(asked)
        assert len(rows) == 6
        assert rows[0][0] == "K Computers and Electronics" and rows[0][3] == "not rated"
        await pilot.press("right", "right")
        assert latest_level(empty_store, COMPUTERS) == 1.0
        assert table_rows(asked)[0][3] == "1.0"
        gap_rows = table_rows(screen.query_one(GapTable))
        (computers,) = [row for row in gap_rows if row[0] == "K Computers and Electronics"]
        assert computers[1] == "1.0"  # the gap table ranks the rated level, not "0 ?"
        await send_keys(pilot, "down", "e")
        assert isinstance(app.screen, FormDialog)
        await send_keys(pilot, "4", "ctrl+s")
        second = asked.records[1]
        assert latest_level(empty_store, second.key) == 4.0
        assert "Rate these 4 to see your real gaps" in text(app, "#unrated-heading")


async def test_escape_leaves_the_question_for_the_ranked_table(empty_store):
    new_plan_heading_for_managers(empty_store)
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_gaps(app, pilot)
        await pilot.press("escape")
        assert not screen.query_one(UnratedAreas).display
        assert app.focused is screen.query_one(GapTable)
        assert "count as 0" in text(app, "#gaps-compare")  # the table says what it ranks
        assert empty_store.all(Assessment) == []


async def test_once_the_important_areas_are_rated_nothing_is_asked(empty_store):
    new_plan_heading_for_managers(empty_store)
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_gaps(app, pilot)
        asked = screen.query_one(AskedAreas)
        prompt = screen.query_one(UnratedAreas)
        for _ in range(40):  # 30 areas are Important (3+) to the role: six at a time
            if not prompt.display:
                break
            asked.move_cursor(row=next(i for i, g in enumerate(asked.records) if not g.rated))
            await send_keys(pilot, "right")
        assert not prompt.display
        assert app.focused is screen.query_one(GapTable)


async def test_at_80x24_the_question_shows_its_heading_and_every_area_asked(empty_store):
    new_plan_heading_for_managers(empty_store)
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_gaps(app, pilot)
        await pilot.pause()
        view = screen.query_one("#body").scrollable_content_region  # what is on screen
        heading = screen.query_one("#unrated-heading")
        asked = screen.query_one(AskedAreas)
        assert view.contains_region(heading.region), (view, heading.region)
        assert view.contains_region(asked.region), (view, asked.region)
