"""Step 1 rates the 33 O*NET knowledge areas as it rates skills: examples, typed levels, tabs."""

from __future__ import annotations

from textual.widgets import DataTable, Tabs

from careertui.model.assessment import current_snapshot, level_of
from careertui.model.plan import Assessment, Destination
from careertui.screens.assess.skill_detail import SkillDetail
from careertui.screens.assess.skill_table import SkillTable
from tests.ui.conftest import SIZE, make_app, send_keys, text
from tests.ui.test_assess import open_assess
from tests.ui.test_gaps import open_gaps, table_rows

ADMINISTRATION = "2.C.1.a"  # Administration and Management, the first knowledge area


def latest(store) -> Assessment | None:
    return current_snapshot(store.all(Assessment))


def detail(app) -> str:
    return str(app.screen.query_one(SkillDetail).render())


def names(table: SkillTable) -> list[str]:
    return [table.get_cell(row.key, "skill").plain for row in table.ordered_rows]


async def test_k_switches_the_table_to_knowledge_with_its_level_examples(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_assess(app, pilot)
        assert table.row_count == 35 and "Reading Comprehension" in names(table)
        await pilot.press("k")
        assert app.screen.query_one(Tabs).active == "knowledge"
        assert table.row_count == 33
        assert names(table)[0] == "Administration and Management"
        assert table.get_cell(ADMINISTRATION, "group").plain == "Business"
        assert "Reading Comprehension" not in names(table)
        assert "Knowledge: Business and Management" in detail(app)
        assert "Approve a reimbursement request" in detail(app)  # O*NET's level 2 example
        await pilot.press("k")
        assert table.row_count == 35 and app.screen.query_one(Tabs).active == "skill"


async def test_knowledge_is_rated_with_arrows_and_typed_levels_and_counted(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_assess(app, pilot)
        await pilot.press("k", "right", "right")
        assert level_of(latest(empty_store), ADMINISTRATION) == 1.0
        assert table.get_cell(ADMINISTRATION, "level").plain.endswith("1.0")
        assert "↑ 2 Approve a reimbursement request (above your level)" in detail(app)
        await send_keys(pilot, "e")
        await send_keys(pilot, "backspace", "backspace", "backspace", "5", "ctrl+s")
        assert level_of(latest(empty_store), ADMINISTRATION) == 5.0
        assert "4 Monitor progress of a project to ensure timely completion (at or below" \
            in detail(app)
        assert table.get_cell(ADMINISTRATION, "level").plain.endswith("5.0")
        status = text(app, "#assess-status")
        assert "0 of 35 skills rated, 1 of 33 knowledge areas rated" in status
        tabs = app.screen.query_one(Tabs)
        assert str(tabs.query_one("#knowledge").label) == "Knowledge 1/33"
        assert str(tabs.query_one("#skill").label) == "Skills 0/35"


async def test_a_click_on_the_knowledge_tab_switches_and_keeps_the_table_focused(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_assess(app, pilot)
        await pilot.click("#knowledge")
        await pilot.pause()
        assert table.row_count == 33
        assert app.focused is table


async def test_knowledge_rated_in_step_1_is_rated_in_the_gap_table(empty_store):
    empty_store.save(Destination(target_role_code="11-3021.00",
                                 target_role_title="Computer and Information Systems Managers"))
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        await pilot.press("k", "right", "right", "right", "right")
        screen = await open_gaps(app, pilot)
        rows = table_rows(screen.query_one("#gap-table", DataTable))
        (row,) = [r for r in rows if r[0] == "K Administration and Management"]
        assert row[1] == "2.0"


async def test_at_80x24_the_level_column_stays_in_view(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_assess(app, pilot)
        for _ in range(2):  # skills, then knowledge
            widths = [column.get_render_width(table) for column in table.ordered_columns]
            keys = [column.key.value for column in table.ordered_columns]
            assert keys[:2] == ["skill", "level"]
            assert sum(widths[:2]) <= table.scrollable_content_region.width
            await pilot.press("k")
            await pilot.pause()


async def test_the_cursor_stays_on_its_area_when_the_terminal_narrows(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_assess(app, pilot)
        await pilot.press("k", "down", "down", "down")
        key = table.selected_key
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert [c.key.value for c in table.ordered_columns] == ["skill", "level"]
        assert table.selected_key == key
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert "change" in [c.key.value for c in table.ordered_columns]
        assert table.selected_key == key
        assert "Sales and Marketing" in detail(app)


async def test_adding_your_own_skill_from_the_knowledge_tab_lists_it_with_the_skills(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_assess(app, pilot)
        await pilot.press("k")
        await send_keys(pilot, "a", "Public speaking", "ctrl+s")
        assert app.screen.query_one(Tabs).active == "skill"
        assert table.get_cell(table.selected_key, "skill").plain == "Public speaking"
        assert level_of(latest(demo_store), table.selected_key) == 0.0
