"""Any text through the real forms (emoji, RTL, markup, control characters, 10,000 characters):
stored and shown as typed."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.errors import MarkupError
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Static, TextArea

from careertui.app import CareerApp
from careertui.demo import demo_plan
from careertui.model.assessment import current_snapshot
from careertui.model.plan import (
    HORIZONS,
    Action,
    Assessment,
    CheckIn,
    Destination,
    Goal,
    Milestone,
    Need,
    Profile,
)
from careertui.model.validation import without_controls
from careertui.screens.assess.experience import ExperienceTable
from careertui.screens.assess.screen import REFLECTIONS
from careertui.screens.assess.skill_detail import SkillDetail
from careertui.screens.assess.skill_table import SkillTable
from careertui.screens.gaps.needs import NeedsTable
from careertui.screens.plan.panels import action_detail
from careertui.screens.plan.tree import PlanTree
from careertui.screens.progress.action_table import ActionTable
from careertui.screens.progress.checkins import CheckInTable
from careertui.screens.progress.review_goals import GoalDecisionTable
from careertui.screens.progress.wins import WinsTable
from careertui.store.plan_store import PlanStore
from careertui.widgets.forms import Field
from tests.conftest import TODAY
from tests.ui.conftest import make_app
from tests.ui.test_hostile_input import SIZE, field_of, paste, step

# (b) Text fidelity ------------------------------------------------------------------------------

# Emoji with ZWJ and a flag, Arabic and Hebrew, a combining accent, wide CJK characters, Rich
# markup (one tag that would raise), and control characters: NUL, an ANSI colour, a tab.
TEXT = "[bold]x[/] [/x] [link=x]y 👩‍💻🇺🇦 مرحبا שלום e\u0301 漢字 a\x00b\x1b[31mc\td"
# A 10,000-character note pasted from Windows: lines end in CR LF.
LONG = ((TEXT + "\r\n") * (10_000 // len(TEXT)))[:9_999] + "z"
MARKUP = "[bold]x[/]"


def kept(text: str, field: Field) -> str:
    """What a field keeps of pasted `text`: all of it but NUL and ESC (CR becomes a break)."""
    return without_controls(text, multiline=bool(field.query(TextArea)))[0]


def screen_text(app: CareerApp, widget: Widget | None = None) -> str:
    """The characters on the terminal now, as the compositor draws them; within `widget`."""
    region = widget.region if widget is not None else app.screen.region
    strips = app.screen._compositor.render_strips()[region.y:region.bottom]
    return "\n".join("".join(segment.text for segment in strip.crop(region.x, region.right))
                     for strip in strips)


async def assert_shown_literally(pilot, *widgets: str | type[Widget]) -> None:
    """Each widget shows the text with its markup as typed; no escape reaches the terminal."""
    app = pilot.app
    for widget in widgets:
        found = app.screen.query_one(widget)
        found.scroll_visible(animate=False)
        await pilot.pause()
        shown = screen_text(app, found)
        assert MARKUP in shown, f"{widget} read the text as markup, or hides it"
    shown = screen_text(app)
    assert "\x1b" not in shown and "\x00" not in shown


async def fill(pilot, screen: Screen, texts: dict[str, str]) -> dict[str, str]:
    """Paste each text into its field; returns what each field keeps, after checking its note."""
    expected = {}
    for field_id, text in texts.items():
        field = field_of(screen, field_id)
        paste(field, text)
        await pilot.pause()
        expected[field_id] = kept(text, field)
        assert field.text == expected[field_id]
        assert "(U+0000, U+001B)" in str(field.query_one(".field-note", Static).render())
    return expected


async def save_dialog(pilot, screen: Screen, texts: dict[str, str]) -> dict[str, str]:
    expected = await fill(pilot, screen, texts)
    await step(pilot, "ctrl+s")
    assert pilot.app.screen is not screen, "the dialog refused text it should keep"
    return expected


def reopened(store, path) -> None:
    """The plan file holds exactly what the app stored: close it, open it again, compare."""
    plan = store.load()
    store.close()
    again = PlanStore.open(path, today=lambda: TODAY)
    try:
        assert again.load() == plan
    finally:
        again.close()


@pytest.fixture
def plan_file(tmp_path):
    """The demo plan in a real plan file, for the texts to make the trip to disk and back."""
    path = tmp_path / "plan.json"
    store = PlanStore.open(path, today=lambda: TODAY)
    store.replace_plan(demo_plan(TODAY))
    return store, path


def _item_detail_reads_markup() -> bool:
    """True while the plan step's detail panel reads an item's notes as Rich markup."""
    console = Console(file=io.StringIO(), width=60)
    try:
        console.print(*action_detail(Action("Read", notes="[/x]"), TODAY, "€"))
    except MarkupError:
        return True
    return False


def test_the_item_detail_shows_notes_literally():
    assert not _item_detail_reads_markup()


async def test_plan_texts_are_stored_and_shown_as_typed(plan_file, tmp_path):
    store, path = plan_file
    async with make_app(store, export_dir=tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        await step(pilot, "4")
        await step(pilot, "g")
        typed = await save_dialog(pilot, app.screen, {
            "statement": TEXT, "metric": TEXT, "unit": TEXT, "achievable": TEXT,
            "realistic": TEXT})
        goal = next(g for g in store.all(Goal) if g.statement == typed["statement"])
        assert [goal.measure.metric, goal.measure.unit, goal.achievable, goal.realistic] == [
            typed["metric"], typed["unit"], typed["achievable"], typed["realistic"]]
        await step(pilot, "a")  # an item for the new goal, which the tree has selected
        typed = await save_dialog(pilot, app.screen, {"title": TEXT, "notes": LONG})
        [action] = [a for a in store.all(Action) if a.goal_id == goal.id]
        assert [action.title, action.notes] == [typed["title"], typed["notes"]]
        assert action.notes == without_controls(LONG, multiline=True)[0]  # none of it cut
        await assert_shown_literally(pilot, PlanTree, "#plan-detail-text")
        await step(pilot, "5")
        await assert_shown_literally(pilot, ActionTable)
    reopened(store, path)


async def test_progress_texts_are_stored_and_shown_as_typed(plan_file, tmp_path):
    store, path = plan_file
    store.save(Goal(without_controls(TEXT, multiline=False)[0]))  # for the review to list
    async with make_app(store, export_dir=tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        await step(pilot, "5")
        await step(pilot, "a")
        typed = await save_dialog(pilot, app.screen, {"notes": LONG, "next_steps": TEXT})
        checkin = store.all(CheckIn)[-1]
        assert [checkin.notes, checkin.next_steps] == [typed["notes"], typed["next_steps"]]
        await assert_shown_literally(pilot, CheckInTable)
        await step(pilot, "m")
        typed = await save_dialog(pilot, app.screen, {"title": TEXT, "notes": TEXT})
        milestone = store.all(Milestone)[-1]
        assert [milestone.title, milestone.notes] == [typed["title"], typed["notes"]]
        await assert_shown_literally(pilot, WinsTable)

        await step(pilot, "r")
        skills = await fill(pilot, app.screen, {"skills_notes": TEXT})
        for _ in range(3):  # to the goals, past the destination and the gaps
            await step(pilot, "ctrl+s")
        await assert_shown_literally(pilot, GoalDecisionTable)
        await step(pilot, "ctrl+s")
        typed = await fill(pilot, app.screen, {"notes": LONG, "next_steps": TEXT})
        await step(pilot, "ctrl+s")
        review = store.all(CheckIn)[-1]
        assert review.next_steps == typed["next_steps"]
        assert typed["notes"] in review.notes and skills["skills_notes"] in review.notes
        await step(pilot, "0")
        assert "\x1b" not in screen_text(app)
    reopened(store, path)


async def test_assess_texts_are_stored_and_shown_as_typed(plan_file, tmp_path):
    store, path = plan_file
    async with make_app(store, export_dir=tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        await step(pilot, "1")
        screen = app.screen
        typed = await fill(pilot, screen, {
            "profile-name": TEXT, "profile-role": TEXT, "profile-organisation": TEXT,
            "reflection-strengths": LONG, "reflection-excel_at": TEXT,
            "reflection-struggle_with": TEXT, "reflection-motivators": TEXT})
        app.session.flush_saves()
        profile = store.get(Profile)
        assert [profile.name, profile.current_role, profile.organisation] == [
            typed["profile-name"], typed["profile-role"], typed["profile-organisation"]]
        snapshot = current_snapshot(store.all(Assessment))
        assert [snapshot.strengths, snapshot.excel_at, snapshot.struggle_with,
                snapshot.motivators] == [typed[f"reflection-{name}"] for name in REFLECTIONS]

        screen.query_one(SkillTable).focus()
        await step(pilot, "a")
        typed = await save_dialog(pilot, app.screen, {"name": TEXT})
        snapshot = current_snapshot(store.all(Assessment))
        assert typed["name"] in [rating.name for rating in snapshot.ratings]
        screen.query_one(ExperienceTable).focus()
        await step(pilot, "a")
        typed = await save_dialog(pilot, app.screen, {
            "role": TEXT, "organisation": TEXT, "highlights": LONG})
        snapshot = current_snapshot(store.all(Assessment))
        assert [typed["role"], typed["organisation"], typed["highlights"]] in [
            [e.role, e.organisation, e.highlights] for e in snapshot.experiences]
        await assert_shown_literally(pilot, SkillTable, SkillDetail, ExperienceTable, Header)
        await step(pilot, "0")
        await assert_shown_literally(pilot, "#overview-who")
    reopened(store, path)


async def test_gaps_and_destination_texts_are_stored_and_shown_as_typed(plan_file, tmp_path):
    store, path = plan_file
    async with make_app(store, export_dir=tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        await step(pilot, "3")
        await step(pilot, "a")
        typed = await save_dialog(pilot, app.screen, {"title": TEXT, "notes": TEXT})
        need = store.all(Need)[-1]
        assert [need.title, need.notes] == [typed["title"], typed["notes"]]
        await assert_shown_literally(pilot, NeedsTable)

        await step(pilot, "2")
        typed = await fill(pilot, app.screen, {
            "dream-job": LONG, "path-note": TEXT, "opportunities": LONG,
            **{f"goal-{horizon}-statement": TEXT for horizon in HORIZONS}})
        app.session.flush_saves()
        destination = store.get(Destination)
        assert [destination.dream_job, destination.path_note, destination.opportunities] == [
            typed["dream-job"], typed["path-note"], typed["opportunities"]]
        assert [goal.statement for goal in destination.goals] == [
            typed[f"goal-{goal.horizon}-statement"] for goal in destination.goals]
        await assert_shown_literally(pilot)  # the chart marks the goals' dates, without their texts
        await step(pilot, "0")
        assert "\x1b" not in screen_text(app)
    reopened(store, path)
