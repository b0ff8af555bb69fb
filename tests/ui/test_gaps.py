"""Pilot tests of step 3: the ranked gap table, its chart, needs, and drafting a goal."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from careertui.app import CareerApp
from careertui.model.plan import Assessment, Destination, Goal, Need, NeedKind
from careertui.roles import load_library
from careertui.screens.gaps.screen import GapsScreen
from careertui.screens.plan.tree import PlanTree
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.record_table import selected_key
from tests.ui.conftest import SIZE, make_app, type_text


async def open_gaps(app: CareerApp, pilot) -> GapsScreen:
    await pilot.press("3")
    screen = app.screen
    for _ in range(50):  # the library loads in a worker
        if screen.query_one("#gap-table", DataTable).row_count:
            break
        await pilot.pause(0.05)
    return screen


def table_rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_gap_table_is_ranked_by_priority_and_charted(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_gaps(app, pilot)
        rows = table_rows(screen.query_one("#gap-table", DataTable))
        # The 35 skills and 33 knowledge areas but those O*NET marks Not Relevant for the role.
        occupation = load_library().occupation(demo_store.get(Destination).target_role_code)
        assert len(rows) == len(occupation.ratings) < 68
        priorities = [float(row[5]) for row in rows]
        assert priorities == sorted(priorities, reverse=True)
        names, yours, needed = screen.chart_data
        assert rows[0][0].endswith(names[0])
        assert all(need > you for you, need in zip(yours, needed, strict=True))


async def test_changing_the_target_role_updates_table_and_chart(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_gaps(app, pilot)
        before = screen.chart_data
        destination = demo_store.get(Destination)
        destination.target_role_code = "29-1141.00"
        destination.target_role_title = "Registered Nurses"
        app.session.save(destination)  # as step 2 saves it
        await pilot.press("1", "3")
        await pilot.pause()
        assert "Registered Nurses" in str(screen.query_one("#gaps-compare").render())
        assert screen.chart_data != before


async def test_g_drafts_a_goal_from_the_selected_gap_once(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_gaps(app, pilot)
        table = screen.query_one("#gap-table", DataTable)
        table.focus()
        await pilot.press("down")
        name, you, needed = table_rows(table)[1][:3]
        goals_before = len(demo_store.all(Goal))
        await pilot.press("g")
        goals = demo_store.all(Goal)
        assert len(goals) == goals_before + 1
        drafted = goals[-1]
        assert drafted.statement.startswith(f"Raise {name[2:]} from ")
        assert drafted.measure.target == float(needed)
        assert drafted.gap_key == selected_key(table)
        await pilot.press("g")
        assert len(demo_store.all(Goal)) == goals_before + 1  # no duplicate
        await pilot.press("4")
        await pilot.pause()
        assert drafted.statement in app.screen.query_one(PlanTree).titles()


async def test_needs_are_added_linked_to_the_selected_gap_and_deleted(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_gaps(app, pilot)
        table = screen.query_one("#gap-table", DataTable)
        table.focus()
        gap_key = selected_key(table)
        before = len(demo_store.all(Need))
        await pilot.press("a")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+s")  # empty title: refused
        assert isinstance(app.screen, FormDialog)
        assert "cannot be empty" in str(app.screen.query_one("#title .field-error").render())
        app.screen.query_one("#title Input", Input).focus()
        await type_text(pilot, "Evening course in admin")
        await pilot.press("ctrl+s")
        await pilot.pause()
        needs = demo_store.all(Need)
        assert len(needs) == before + 1
        added = needs[-1]
        assert (added.title, added.kind, added.gap_key) == (
            "Evening course in admin", NeedKind.TRAINING, gap_key)
        needs_table = screen.query_one("#needs-table", DataTable)
        assert needs_table.row_count == before + 1

        needs_table.focus()
        needs_table.move_cursor(row=needs_table.row_count - 1)
        await pilot.press("d", "n")
        assert len(demo_store.all(Need)) == before + 1  # "n" keeps it
        await pilot.press("d", "y")
        await pilot.pause()
        assert [n.title for n in demo_store.all(Need)] == [n.title for n in needs[:-1]]


async def test_without_a_target_the_screen_says_where_to_choose_one(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause(0.3)
        text = str(app.screen.query_one("#gaps-compare").render())
        assert "choose one in step 2" in text
        await pilot.press("g")
        assert empty_store.all(Goal) == []


async def test_an_unrated_target_borrows_the_ratings_of_related_roles(empty_store):
    empty_store.save(Destination(target_role_code="15-1252.00",
                                 target_role_title="Software Developers"))
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_gaps(app, pilot)
        text = " ".join(str(screen.query_one("#gaps-compare").render()).split())
        assert ("O*NET 29.3 has no skill ratings for Software Developers: requirements "
                "borrowed from Computer Systems Engineers/Architects, Computer Programmers "
                "and Computer Systems Analysts.") in text
        assert "choose another role" not in text
        assert screen.query_one("#gap-table", DataTable).row_count > 30


async def test_a_target_with_nothing_to_borrow_says_so(empty_store):
    empty_store.save(Destination(target_role_code="55-1016.00",
                                 target_role_title="Infantry Officers"))
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause(0.3)
        text = " ".join(str(app.screen.query_one("#gaps-compare").render()).split())
        assert "no skill ratings for Infantry Officers and no related rated occupation" in text
        assert app.screen.query_one("#gap-table", DataTable).row_count == 0


async def test_rating_yourself_on_a_gap_row_updates_store_row_and_chart(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_gaps(app, pilot)
        table = screen.query_one("#gap-table", DataTable)
        table.focus()
        key = selected_key(table)
        assert table_rows(table)[0][1] == "0 ?"  # the demo's top gap is an unrated area
        chart_before = screen.chart_data
        await pilot.press("right", "right", "plus")
        latest = max(demo_store.all(Assessment), key=lambda a: a.taken_on)
        assert {r.key: r.level for r in latest.ratings}[key] == 1.5
        row = table_rows(table)[0]
        assert row[1] == "1.5"
        assert float(row[3]) == round(float(row[2]) - 1.5, 1)
        assert screen.chart_data != chart_before
        await pilot.press("left")
        latest = max(demo_store.all(Assessment), key=lambda a: a.taken_on)
        assert {r.key: r.level for r in latest.ratings}[key] == 1.0
        assert app.current_mode == "gaps"
