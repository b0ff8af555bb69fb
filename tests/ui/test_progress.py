"""Pilot tests of step 5, Progress: ticking items, charts, check-ins, milestones and wins."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import DataTable, Input, Static

from careertui.model.plan import (
    Action,
    ActionStatus,
    CheckIn,
    CheckInKind,
    Goal,
    GoalStatus,
    Milestone,
    Plan,
)
from careertui.screens.progress.action_table import ActionTable
from careertui.screens.progress.celebration import Celebration
from careertui.screens.progress.chart_panel import CHART_KINDS, ChartKind, ProgressChart
from careertui.screens.progress.checkins import CheckInTable
from careertui.screens.progress.screen import ProgressScreen
from careertui.screens.progress.wins import WinsTable
from careertui.widgets.charts import SETTLE_SECONDS
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.record_table import selected_key
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, field_error, make_app, type_text


async def open_progress(pilot) -> ProgressScreen:
    await pilot.press("5")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ProgressScreen)
    return screen


def counts(screen: ProgressScreen) -> str:
    return str(screen.query_one("#progress-counts", Static).render())


def cell(table: DataTable, key: str, column: str) -> str:
    return str(table.get_cell(key, column))


def done_series(screen: ProgressScreen) -> list[int]:
    return screen.query_one(ProgressChart).series[ChartKind.COMPLETION][1]


async def charts_settled(pilot) -> None:
    """Wait until the charts caught up with the last tick (they wait for a burst to end)."""
    await pilot.pause(SETTLE_SECONDS + 0.2)


def current_tab(screen: ProgressScreen) -> str:
    """The chart tab drawn highlighted in the tab strip."""
    tabs = screen.query_one("#chart-tabs", Static).render()
    return next(tabs.plain[span.start:span.end].strip() for span in tabs.spans
                if "reverse" in str(span.style))


def stored(store, action_id: str) -> Action:
    return next(a for a in store.all(Action) if a.id == action_id)


async def select_row(pilot, table: DataTable, key: str) -> None:
    table.move_cursor(row=table.get_row_index(key), animate=False)
    await pilot.pause()


async def type_into(pilot, dialog, field_id: str, text: str) -> None:
    field_input = dialog.query_one(f"#{field_id} Input", Input)
    field_input.focus()
    field_input.value = ""
    await type_text(pilot, text)


async def test_space_ticks_and_unticks_the_selected_item(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        table = screen.query_one(ActionTable)
        assert app.focused is table
        key = selected_key(table)
        first = stored(demo_store, key)
        assert first.title == "Read 'The Manager's Path'"  # overdue items come first
        assert "overdue" in cell(table, key, "due")
        assert "Action items done: 5 of 12" in counts(screen)
        assert "2 overdue" in counts(screen)
        before = done_series(screen)[-1]

        await pilot.press("space")
        ticked = stored(demo_store, key)
        assert ticked.status is ActionStatus.DONE and ticked.done_on == TODAY
        assert cell(table, key, "box") == "☑"
        assert cell(table, key, "due") == f"done {TODAY}"
        assert "Action items done: 6 of 12" in counts(screen)
        assert "1 overdue" in counts(screen)
        await charts_settled(pilot)
        assert done_series(screen)[-1] == before + 1

        await pilot.press("space")
        reopened = stored(demo_store, key)
        assert reopened.status is ActionStatus.OPEN and reopened.done_on is None
        assert cell(table, key, "box") == "☐"
        assert "Action items done: 5 of 12" in counts(screen)
        await charts_settled(pilot)
        assert done_series(screen)[-1] == before


async def test_ticking_a_recurring_item_saves_a_done_copy_and_moves_its_due(demo_store):
    mentor = next(a for a in demo_store.all(Action) if a.recurrence)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        table = screen.query_one(ActionTable)
        rows_before = table.row_count
        await select_row(pilot, table, mentor.id)
        await pilot.press("space")
        actions = demo_store.all(Action)
        assert len(actions) == 13
        moved = stored(demo_store, mentor.id)
        assert moved.status is ActionStatus.OPEN and moved.due == date(2026, 12, 31)
        copy = next(a for a in actions if a.title == mentor.title and a.id != mentor.id)
        assert copy.status is ActionStatus.DONE and copy.done_on == TODAY
        assert copy.due == mentor.due and copy.recurrence is None
        assert table.row_count == rows_before + 1
        assert cell(table, copy.id, "box") == "☑"
        assert cell(table, mentor.id, "due") == "2026-12-31"
        assert "Action items done: 6 of 13" in counts(screen)


async def test_h_hides_and_shows_done_items(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        table = screen.query_one(ActionTable)
        assert table.row_count == 12
        await pilot.press("h")
        assert table.row_count == 7
        assert all(cell(table, str(key.value), "box") == "☐" for key in table.rows)
        assert "done items hidden" in counts(screen)
        await pilot.press("space")  # a ticked item leaves the list while done items are hidden
        assert table.row_count == 6
        assert sum(a.done for a in demo_store.all(Action)) == 6
        await pilot.press("h")
        assert table.row_count == 12
        assert len(demo_store.all(Action)) == 12


async def test_a_check_in_refuses_a_confidence_of_6_and_saves_4(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        before = len(demo_store.all(CheckIn))
        await pilot.press("a")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert dialog.query_one("#on Input", Input).value == str(TODAY)
        await type_into(pilot, dialog, "on", "tomorrow")
        await type_into(pilot, dialog, "confidence", "6")
        await pilot.press("ctrl+s")
        assert app.screen is dialog
        assert "in the future" in field_error(dialog, "on")
        assert "not a confidence from 1 to 5" in field_error(dialog, "confidence")
        assert len(demo_store.all(CheckIn)) == before

        await type_into(pilot, dialog, "on", "2026-11-20")
        await type_into(pilot, dialog, "confidence", "4")
        await type_into(pilot, dialog, "next_steps", "Book the CAPM exam")
        await pilot.press("ctrl+s")
        assert app.screen is screen
        checkins = demo_store.all(CheckIn)
        assert len(checkins) == before + 1
        added = checkins[-1]
        assert (added.on, added.kind) == (date(2026, 11, 20), CheckInKind.MENTOR)
        assert added.confidence == 4
        assert added.next_steps == "Book the CAPM exam"
        table = screen.query_one(CheckInTable)
        assert selected_key(table) == added.id
        assert cell(table, added.id, "confidence") == "●●●●○"


async def test_a_check_in_is_edited_and_deleted_from_its_list(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        table = screen.query_one(CheckInTable)
        table.focus()
        newest = table.selected
        await pilot.press("e")
        await type_into(pilot, app.screen, "confidence", "2")
        await pilot.press("ctrl+s")
        assert next(c for c in demo_store.all(CheckIn) if c.id == newest.id).confidence == 2
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        assert newest.id not in {c.id for c in demo_store.all(CheckIn)}
        assert table.row_count == 2


async def test_recording_a_milestone_celebrates_and_lists_it_in_the_wins(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        await pilot.press("m")
        dialog = app.screen
        await pilot.press("ctrl+s")
        assert "cannot be empty" in field_error(dialog, "title")
        await type_into(pilot, dialog, "title", "Promoted to tech lead")
        await pilot.press("ctrl+s")
        assert app.screen is screen
        milestone = demo_store.all(Milestone)[-1]
        assert (milestone.title, milestone.on) == ("Promoted to tech lead", TODAY)
        celebration = screen.query_one(Celebration)
        assert celebration.display and "Promoted to tech lead" in celebration.detail
        assert any("Promoted to tech lead" in n.message for n in app._notifications)
        wins_table = screen.query_one(WinsTable)
        assert app.focused is wins_table
        first = [str(c) for c in wins_table.get_row_at(0)]
        assert first[0] == str(TODAY) and first[2] == "Promoted to tech lead"
        days = [str(wins_table.get_row_at(i)[0]) for i in range(wins_table.row_count)]
        assert days == sorted(days, reverse=True)
        await pilot.press("w")
        assert app.focused is screen.query_one(CheckInTable)
        await pilot.press("w", "escape", "1")  # digits still switch steps from the lists
        assert app.current_mode == "assess"


async def test_ticking_a_goals_last_item_offers_to_mark_it_achieved(empty_store):
    goal = Goal("Pass the CAPM exam", deadline=TODAY + timedelta(days=90))
    empty_store.save(goal)
    empty_store.save(Action("Sit the exam", goal_id=goal.id, due=TODAY))
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        await pilot.press("space")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        achieved = empty_store.all(Goal)[0]
        assert achieved.status is GoalStatus.DONE and achieved.done_on == TODAY
        assert screen.query_one(Celebration).display
        await pilot.press("w")
        wins_table = screen.query_one(WinsTable)
        assert [str(c) for c in wins_table.get_row_at(0)] == [
            str(TODAY), "✔ Goal achieved", "Pass the CAPM exam"]


async def test_g_marks_the_selected_items_goal_achieved_after_a_yes(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        goal_id = stored(demo_store, selected_key(screen.query_one(ActionTable))).goal_id
        await pilot.press("g", "n")
        assert all(goal.status is GoalStatus.ACTIVE for goal in demo_store.all(Goal))
        assert not screen.query_one(Celebration).display
        await pilot.press("g", "y")
        achieved = next(goal for goal in demo_store.all(Goal) if goal.id == goal_id)
        assert achieved.status is GoalStatus.DONE and achieved.done_on == TODAY
        assert screen.query_one(Celebration).headline == "Goal achieved!"
        assert f"goal:{goal_id}" in {str(key.value) for key in screen.query_one(WinsTable).rows}


async def test_the_charts_cycle_and_keep_their_series(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        chart = screen.query_one(ProgressChart)
        assert chart.kind is ChartKind.COMPLETION
        per_goal = chart.series[ChartKind.PER_GOAL]
        assert [total for _, _, total in per_goal] == [5, 3, 4]
        assert chart.series[ChartKind.MEASURES][0][1:3] == (4, 12)
        dates, levels = chart.series[ChartKind.SKILLS]
        assert len(dates) == 2 and levels
        for kind in (*CHART_KINDS[1:], CHART_KINDS[0]):
            await pilot.press("v")
            assert chart.kind is kind
            assert current_tab(screen) == kind.value
        await pilot.press("v", "space")  # ticking updates the per-goal bars too
        await charts_settled(pilot)
        assert chart.series[ChartKind.PER_GOAL][0][1] == per_goal[0][1] + 1


async def test_an_empty_plan_shows_empty_lists_and_charts(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        assert "No action items yet (press 4" in counts(screen)
        assert screen.query_one(ActionTable).row_count == 0
        assert screen.query_one(ProgressChart).series[ChartKind.COMPLETION] == ([], [], [])
        await pilot.press("space", "v", "g")  # nothing to tick or to mark: no error
        assert empty_store.load() == Plan()


async def test_a_tick_among_2000_items_updates_one_row_without_refilling(empty_store, monkeypatch):
    goal = Goal("Finish the big backlog")
    actions = [Action(f"Item {n}", goal_id=goal.id, due=TODAY + timedelta(days=n - 1000),
                      created_on=TODAY - timedelta(days=1100)) for n in range(2000)]
    empty_store.replace_plan(Plan(goals=[goal], actions=actions))
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        table = screen.query_one(ActionTable)
        assert table.row_count == 2000
        clears = []
        original_clear = DataTable.clear

        def counted_clear(self, *args, **kwargs):
            clears.append(self)
            return original_clear(self, *args, **kwargs)

        monkeypatch.setattr(DataTable, "clear", counted_clear)
        reads = []
        original_all = type(empty_store).all
        monkeypatch.setattr(type(empty_store), "all",
                            lambda self, cls: reads.append(cls) or original_all(self, cls))
        key = selected_key(table)
        before = done_series(screen)[-1]
        await pilot.press("space")
        assert clears == [] and reads == []
        assert stored(empty_store, key).done
        assert cell(table, key, "box") == "☑"
        assert table.row_count == 2000
        await charts_settled(pilot)
        assert done_series(screen)[-1] == before + 1
        assert "Action items done: 1 of 2000" in counts(screen)
        await pilot.press("h")  # hiding done items refills the table: the counter sees that
        assert clears == [table]
