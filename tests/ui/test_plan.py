"""Pilot tests of step 4: SMART goals with live badges, action items, budget, timeline, keys."""

from __future__ import annotations

import io
import re
from datetime import date

from dateutil.relativedelta import relativedelta
from rich.console import Console
from textual.widgets import Input, Static

from careertui.demo import demo_plan
from careertui.model.plan import Action, Goal, Need, Settings
from careertui.model.progress import TimelineEvent
from careertui.screens.plan.rows import action_key, goal_key
from careertui.screens.plan.screen import EMPTY_HINT, PlanScreen
from careertui.screens.plan.timeline_chart import PlanTimelineChart
from careertui.screens.plan.tree import PlanTree
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import Field
from careertui.widgets.hinted_field import HintedField
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, field_error, make_app, type_text

NEXT_FRIDAY = date(2026, 11, 27)  # TODAY is Monday 2026-11-23


async def open_plan(pilot) -> PlanScreen:
    await pilot.press("4")
    await pilot.pause()
    return pilot.app.screen


def plain(renderable) -> str:
    console = Console(width=60, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def detail(screen: PlanScreen) -> str:
    return plain(screen.query_one("#plan-detail-text", Static).content)


def budget_panel(screen: PlanScreen) -> str:
    """The budget panel with runs of spaces made one, so column widths do not matter."""
    return re.sub(" +", " ", plain(screen.query_one("#plan-budget", Static).content))


def failing_letters(screen: PlanScreen) -> set[str]:
    return {line[2] for line in detail(screen).splitlines() if line.startswith("✗ ")}


async def type_into(pilot, field_id: str, text: str, clear: bool = True) -> None:
    """Focus a dialog field's input, optionally empty it, and type `text` key by key."""
    field = pilot.app.screen.query_one(f"#{field_id}")
    box = field.query_one(Input)
    box.focus()
    if clear:
        box.value = ""
    await type_text(pilot, text)


async def select_key(pilot, key: str) -> None:
    tree = pilot.app.screen.query_one(PlanTree)
    tree.focus()
    tree.select(key)
    await pilot.pause()


def goal_titled(store, statement: str) -> Goal:
    return next(goal for goal in store.all(Goal) if goal.statement == statement)


async def test_goal_with_a_typed_deadline_gets_live_smart_badges(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        assert str(screen.query_one("#plan-status", Static).render()) == EMPTY_HINT
        await pilot.press("g")
        assert isinstance(app.screen, FormDialog)
        await type_into(pilot, "statement", "Pass the AWS architect exam")
        await type_into(pilot, "deadline", "in 6 months")
        deadline = TODAY + relativedelta(months=6)
        hint = app.screen.query_one("#deadline", HintedField).hint
        assert hint == f"→ {deadline} (Sun, in 6 months)"
        await pilot.press("ctrl+s")
        await pilot.pause()

        (goal,) = empty_store.all(Goal)
        assert goal.deadline == deadline == date(2027, 5, 23)
        tree = screen.query_one(PlanTree)
        assert tree.selected_key == goal_key(goal)
        line = tree.line(goal_key(goal))
        assert "Pass the AWS architect exam" in line and "2027-05-23" in line
        assert "M" in failing_letters(screen)
        assert "✗ M: No number to measure: set a metric and a target." in detail(screen)

        await pilot.press("e")
        await type_into(pilot, "metric", "exam score")
        await type_into(pilot, "target", "720")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (goal,) = empty_store.all(Goal)
        assert (goal.measure.metric, goal.measure.target) == ("exam score", 720.0)
        assert "M" not in failing_letters(screen)
        assert "A" in failing_letters(screen)  # still no action item


async def test_action_due_in_words_is_resolved_and_bad_input_refused(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        goal = goal_titled(demo_store, "Prepare and defend the team's yearly tooling budget")
        before = demo_store.all(Action)
        await select_key(pilot, goal_key(goal))
        await pilot.press("a")
        await type_into(pilot, "title", "Excel modelling course")
        await type_into(pilot, "due", "03/04/2027")
        assert "ambiguous" in field_error(pilot.app, "due")
        assert app.screen.query_one("#due", HintedField).hint == ""
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FormDialog)  # stays open, nothing written
        assert demo_store.all(Action) == before

        await type_into(pilot, "due", "next friday")
        assert app.screen.query_one("#due", HintedField).hint == "→ 2026-11-27 (Fri, in 4 days)"
        await type_into(pilot, "cost", "abc")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FormDialog)
        assert "must be a number" in field_error(pilot.app, "cost")
        await type_into(pilot, "cost", "12,50")
        await pilot.press("ctrl+s")
        assert "use a point for decimals" in field_error(pilot.app, "cost")
        assert demo_store.all(Action) == before

        await type_into(pilot, "cost", "120")
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = demo_store.all(Action)[-1]
        assert (added.title, added.due, added.cost, added.goal_id) == (
            "Excel modelling course", NEXT_FRIDAY, 120.0, goal.id)
        tree = screen.query_one(PlanTree)
        assert action_key(added) in tree.children_keys(goal_key(goal))
        assert tree.selected_key == action_key(added)
        assert "2026-11-27" in tree.line(action_key(added))
        assert "Due      2026-11-27 (Fri, in 4 days)" in detail(screen)


async def test_a_recurring_item_is_stored_as_its_rrule(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        goal = demo_store.all(Goal)[0]
        await select_key(pilot, goal_key(goal))
        await pilot.press("a")
        await type_into(pilot, "title", "Coffee with a team lead")
        await type_into(pilot, "due", "end of month")
        await type_into(pilot, "recurrence", "monthly")
        assert app.screen.query_one("#recurrence", HintedField).hint == "→ every month"
        await type_into(pilot, "recurrence", "every blue moon")
        assert "not a repeat I know" in field_error(pilot.app, "recurrence")
        await type_into(pilot, "recurrence", "end of every month")
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = demo_store.all(Action)[-1]
        assert (added.recurrence, added.due) == ("FREQ=MONTHLY;BYMONTHDAY=-1", date(2026, 11, 30))
        assert "↻" in screen.query_one(PlanTree).line(action_key(added))
        assert "Repeats  monthly, on the last day" in detail(screen)


async def test_space_ticks_a_repeating_item_and_moves_it_on(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        mentor = next(a for a in demo_store.all(Action) if a.recurrence)
        await select_key(pilot, action_key(mentor))
        await pilot.press("space")
        await pilot.pause()
        stored = {a.id: a for a in demo_store.all(Action)}
        assert stored[mentor.id].due == date(2026, 12, 31) and not stored[mentor.id].done
        (copy,) = [a for a in stored.values() if a.title == mentor.title and a.id != mentor.id]
        assert copy.done and copy.done_on == TODAY
        tree = screen.query_one(PlanTree)
        assert tree.line(action_key(copy)).startswith("☑")
        assert "2026-12-31" in tree.line(action_key(mentor))


async def test_budget_is_set_with_b_and_warns_when_planned_costs_exceed_it(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        await pilot.press("b")
        await type_into(pilot, "yearly_budget", "-5")
        await pilot.press("ctrl+s")
        assert "cannot be below 0" in field_error(pilot.app, "yearly_budget")
        await type_into(pilot, "yearly_budget", "500")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_store.get(Settings).yearly_budget == 500.0
        panel = budget_panel(screen)
        assert "Allocated €500" in panel and "Over budget" not in panel
        assert "Left €35" in panel  # 500 - 285 planned - 180 spent

        await select_key(pilot, goal_key(demo_store.all(Goal)[2]))
        await pilot.press("a")
        await type_into(pilot, "title", "Toastmasters membership")
        await type_into(pilot, "due", "tomorrow")
        await type_into(pilot, "cost", "100")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Over budget by €65" in budget_panel(screen)


async def test_delete_asks_first_and_a_goal_takes_its_items_along(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        tree = screen.query_one(PlanTree)
        goal = demo_store.all(Goal)[1]
        items = [a for a in demo_store.all(Action) if a.goal_id == goal.id]
        await select_key(pilot, action_key(items[0]))
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert len(demo_store.all(Action)) == 12
        await pilot.press("d", "y")
        await pilot.pause()
        assert items[0].id not in {a.id for a in demo_store.all(Action)}
        assert not tree.has(action_key(items[0]))

        await select_key(pilot, goal_key(goal))
        await pilot.press("d", "y")
        await pilot.pause()
        assert goal.id not in {g.id for g in demo_store.all(Goal)}
        assert not any(a.goal_id == goal.id for a in demo_store.all(Action))
        assert len(demo_store.all(Action)) == 12 - len(items)
        assert not tree.has(goal_key(goal))


async def test_the_timeline_draws_a_new_goal_deadline(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        chart = screen.query_one(PlanTimelineChart)
        assert {e.kind for e in chart.events} == {"goal", "action"}
        await pilot.press("g")
        await type_into(pilot, "statement", "Speak at PyData Berlin 2027")
        await type_into(pilot, "deadline", "Q3 2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        new_deadline = TimelineEvent(date(2027, 9, 30), "Speak at PyData Berlin 2027", "goal")
        assert new_deadline in chart.events


async def test_an_edit_updates_its_line_in_place(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        tree = screen.query_one(PlanTree)
        nodes_before = list(tree.root.children)
        item = next(a for a in demo_store.all(Action) if a.title == "CAPM exam")
        await select_key(pilot, action_key(item))
        await pilot.press("enter")
        await type_into(pilot, "cost", "350")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert list(tree.root.children) == nodes_before  # the same nodes: no refill
        assert tree.selected_key == action_key(item)
        assert "€350" in tree.line(action_key(item))
        assert next(a for a in demo_store.all(Action) if a.id == item.id).cost == 350.0


async def test_digits_switch_steps_from_the_plan(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        assert isinstance(app.focused, PlanTree)
        await pilot.press("g", "escape")
        assert isinstance(app.focused, PlanTree)
        await pilot.press("5")
        assert app.current_mode == "progress"
        await pilot.press("4")
        assert app.current_mode == "plan"
        await pilot.press("3")
        assert app.current_mode == "gaps"


async def test_adding_an_item_without_a_goal_says_what_to_do(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("a")
        assert not isinstance(app.screen, FormDialog)
        assert empty_store.all(Action) == []


async def test_required_fields_keep_the_goal_dialog_open(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("g")
        await type_into(pilot, "deadline", "soonish")
        await pilot.press("ctrl+s")
        assert "cannot be empty" in field_error(pilot.app, "statement")
        await type_into(pilot, "statement", "Lead two quarterly planning rounds")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FormDialog)
        assert "not a date I know" in field_error(pilot.app, "deadline")
        assert isinstance(app.screen.focused.parent, Field)
        assert empty_store.all(Goal) == []


async def test_linking_a_goal_to_a_need_makes_it_relevant(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        await pilot.press("g")
        await type_into(pilot, "statement", "Chair the monthly data guild meeting")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert {"R", "T"} <= failing_letters(screen)
        await pilot.press("e")
        app.screen.query_one("#need_id Select").focus()
        await pilot.press("enter", "down", "down", "enter")  # past "none" to the second need
        await pilot.press("ctrl+s")
        await pilot.pause()
        goal = goal_titled(demo_store, "Chair the monthly data guild meeting")
        need = demo_store.all(Need)[1]
        assert goal.need_id == need.id
        assert "R" not in failing_letters(screen)
        assert f"need: {need.title}" in detail(screen)


async def test_the_goals_notes_are_shown_beside_its_check(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        shown = re.sub(r"\s+", " ", detail(screen))
        assert "Can do The squad lead has agreed to hand over." in shown
        assert "Fits now Builds directly on my current work." in shown


async def test_a_goal_whose_need_was_deleted_fails_r_on_the_plan(empty_store):
    plan = demo_plan(TODAY)
    plan.needs = plan.needs[1:]  # the need the first goal meets
    empty_store.replace_plan(plan)
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        assert failing_letters(screen) == {"R"}
        assert "The need it meets was deleted" in re.sub(r"\s+", " ", detail(screen))


async def test_hours_a_week_and_an_items_hours_are_typed_and_weighed_by_a(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        await pilot.press("b")
        await pilot.pause()
        await type_into(pilot, "weekly_hours", "2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_store.get(Settings).weekly_hours == 2.0
        await select_key(pilot, goal_key(demo_store.all(Goal)[0]))
        await pilot.press("a")
        await pilot.pause()
        await type_into(pilot, "title", "Write the squad's planning guide")
        await type_into(pilot, "hours", "100")  # 4 hours a week to the deadline
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_store.all(Action)[-1].hours == 100.0
        assert "A" in failing_letters(screen)
        assert "hours a week" in re.sub(r"\s+", " ", detail(screen))
