"""Hostile input through the real forms: refused with a reason, or stored valid; any text kept."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import events
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from careertui.export.documents import REPORT, WINS
from careertui.model.integrity import plan_problems
from careertui.model.plan import Action, Goal, Profile
from careertui.model.validation import without_controls
from careertui.screens.assess.experience import ExperienceTable
from careertui.screens.assess.skill_table import SkillTable
from careertui.screens.plan.rows import action_key, goal_key
from careertui.screens.plan.tree import PlanTree
from careertui.screens.progress.review import ReviewDialog
from careertui.screens.progress.review_goals import GoalDecisionTable
from careertui.screens.share import export_document, import_plan
from careertui.widgets.forms import Field
from tests.ui.conftest import make_app

SIZE = (120, 40)
# One list for every field, the most general first: blanks, control characters, Rich markup
# that does not parse, overflowing numbers, endless digits, emoji and RTL text, digits of other
# scripts, years 0 and 9999, huge amounts of time, a quarter that does not exist, a zero repeat.
HOSTILE = [
    "", "\x00\x1b[31m", "[/]", "1e309", "9" * 400, "👩‍💻 مرحبا", "nan", "-0", "²", "١٢",
    "0000-01-01", "9999-12-31", "in 99999999 months", "Q9 2027", "FREQ=DAILY;INTERVAL=0",
]
# Each field gets ROUNDS strings, the fields of a dialog spread over the list; the checks
# themselves get every string, and thousands more, in tests/test_fuzz_validators.py.
ROUNDS = 4


Opener = Callable[[], Awaitable[Screen]]


def hostile(round_: int, index: int, count: int) -> str:
    """What field `index` of `count` gets in `round_`: the fields start apart in the list."""
    return HOSTILE[(round_ + index * (len(HOSTILE) // count)) % len(HOSTILE)]


def field_of(screen: Screen, field_id: str) -> Field:
    return screen.query_one(f"#{field_id}", Field)


def box_of(field: Field) -> Input | TextArea:
    areas = field.query(TextArea)
    return areas.first() if areas else field.query_one(Input)


def error_of(field: Field) -> str:
    """The reason shown under the field, "" while it is valid."""
    if not field.has_class("-invalid"):
        return ""
    return str(field.query_one(".field-error", Static).render())


def paste(field: Field, text: str) -> None:
    paste_into(box_of(field), text)


def paste_into(box: Input | TextArea, text: str) -> None:
    """Select all in the box and paste `text` over it, or delete it all for "".

    The paste goes to the box as the app forwards a terminal's paste to the focused widget;
    `pilot.pause()` then delivers it.
    """
    if not text:
        box.clear()
        return
    box.select_all()
    box._forward_event(events.Paste(text))


async def step(pilot, key: str) -> None:
    await pilot.press(key)
    await pilot.app.workers.wait_for_complete()  # the O*NET library loads in a thread
    await pilot.pause()


async def fuzz_dialog(pilot, store, open_dialog: Opener, field_ids: list[str],
                      then_save: bool = True) -> None:
    """Paste hostile strings into the fields and save, round after round; then save once more
    with, in each field, a hostile string it took (its first value where it took none).

    A refused save keeps the dialog open, with a reason under a refused field and the store
    as it was; a save that goes through leaves a plan that breaks none of the plan's rules.
    """
    dialog = await open_dialog()
    took = {field_id: field_of(dialog, field_id).text for field_id in field_ids}
    for round_ in range(ROUNDS):
        typed = {field_id: hostile(round_, i, len(field_ids))
                 for i, field_id in enumerate(field_ids)}
        dialog = await save(pilot, store, dialog, typed)
        if dialog is None:
            took |= typed
            dialog = await open_dialog()
        else:
            took |= {field_id: text for field_id, text in typed.items()
                     if not error_of(field_of(dialog, field_id))}
    if then_save:
        assert await save(pilot, store, dialog, took) is None, f"refused what it took: {took}"
    else:
        await pilot.press("escape")


async def save(pilot, store, dialog: Screen, typed: dict[str, str]) -> Screen | None:
    """Paste `typed` and save: the dialog when it stays open (having said why), else None."""
    for field_id, text in typed.items():
        paste(field_of(dialog, field_id), text)
    await pilot.pause()
    before = store.load()
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    if pilot.app.screen is not dialog:
        assert plan_problems(store.load()) == [], f"saved something invalid: {typed}"
        return None
    reasons = [error_of(field_of(dialog, field_id)) for field_id in typed]
    assert any(reason.strip() for reason in reasons), f"kept open, no reason: {typed}"
    assert store.load() == before, f"a refused form changed the plan: {typed}"
    return dialog


async def fuzz_inline(pilot, store, field_ids: list[str]) -> None:
    """Fields that save as you type: a refused value shows why and leaves the store alone."""
    screen = pilot.app.screen
    for round_ in range(ROUNDS):
        for i, field_id in enumerate(field_ids):
            field = field_of(screen, field_id)
            text = hostile(round_, i, len(field_ids))
            before = store.load()
            paste(field, text)
            await pilot.pause()
            pilot.app.session.flush_saves()
            if error_of(field):
                assert store.load() == before, f"{field_id}: a refused {text!r} was saved"
            else:
                assert plan_problems(store.load()) == [], f"{field_id}: {text!r} saved invalid"


# (a) Save paths ---------------------------------------------------------------------------------

async def test_plan_forms_refuse_or_store_valid_values(demo_store, tmp_path):
    action = next(a for a in demo_store.all(Action) if a.recurrence)
    goal = demo_store.all(Goal)[0]
    async with make_app(demo_store, export_dir=tmp_path).run_test(size=SIZE) as pilot:
        await step(pilot, "4")
        tree = pilot.app.screen.query_one(PlanTree)

        async def edit(key: str) -> Screen:
            tree.focus()
            tree.select(key)
            await step(pilot, "e")
            return pilot.app.screen

        async def budget() -> Screen:
            await step(pilot, "b")
            return pilot.app.screen

        await fuzz_dialog(pilot, demo_store, lambda: edit(action_key(action)),
                          ["title", "cost", "due", "recurrence"])
        await fuzz_dialog(pilot, demo_store, lambda: edit(goal_key(goal)),
                          ["statement", "current", "deadline", "target"])
        await fuzz_dialog(pilot, demo_store, budget, ["yearly_budget"])


async def test_progress_forms_and_the_review_refuse_or_store_valid_values(demo_store, tmp_path):
    async with make_app(demo_store, export_dir=tmp_path).run_test(size=SIZE) as pilot:
        await step(pilot, "5")

        async def opened_by(key: str) -> Screen:
            await step(pilot, key)
            return pilot.app.screen

        async def review_plan_page() -> Screen:
            await step(pilot, "r")
            await step(pilot, "ctrl+s")
            await step(pilot, "ctrl+s")
            return pilot.app.screen

        async def goal_change() -> Screen:
            if not isinstance(pilot.app.screen, ReviewDialog):
                await step(pilot, "r")
                await step(pilot, "ctrl+s")
            pilot.app.screen.query_one(GoalDecisionTable).focus()
            await step(pilot, "c")
            return pilot.app.screen

        await fuzz_dialog(pilot, demo_store, lambda: opened_by("a"),
                          ["on", "confidence", "next_steps"])
        await fuzz_dialog(pilot, demo_store, lambda: opened_by("m"), ["title", "on"])
        await fuzz_dialog(pilot, demo_store, review_plan_page, ["confidence", "cadence_months"])
        await fuzz_dialog(pilot, demo_store, goal_change, ["statement", "deadline"])


async def test_assess_forms_refuse_or_store_valid_values(demo_store, tmp_path):
    async with make_app(demo_store, export_dir=tmp_path).run_test(size=SIZE) as pilot:
        await step(pilot, "1")
        screen = pilot.app.screen

        async def own_skill() -> Screen:
            screen.query_one(SkillTable).focus()
            await step(pilot, "a")
            return pilot.app.screen

        async def experience() -> Screen:
            screen.query_one(ExperienceTable).focus()
            await step(pilot, "a")
            return pilot.app.screen

        await fuzz_dialog(pilot, demo_store, own_skill, ["name", "level"])
        await fuzz_dialog(pilot, demo_store, experience, ["role", "start_year", "end_year"])
        await fuzz_inline(pilot, demo_store, ["profile-name"])


async def test_destination_and_share_forms_refuse_or_store_valid_values(demo_store, tmp_path):
    async with make_app(demo_store, export_dir=tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app

        async def export_wins() -> Screen:
            export_document(app, app.session, WINS)
            await pilot.pause()
            return app.screen

        async def import_file() -> Screen:
            import_plan(app, app.session)
            await pilot.pause()
            return app.screen

        await fuzz_dialog(pilot, demo_store, export_wins, ["path", "since"])
        # No file holds an export, so every value is refused.
        await fuzz_dialog(pilot, demo_store, import_file, ["plan"], then_save=False)
        await step(pilot, "2")
        await fuzz_inline(pilot, demo_store, ["goal-1-date", "goal-3-date", "goal-5-date"])
        # The role search keeps nothing, but shows what is pasted and searches it as you type.
        search = app.screen.query_one("#role-query", Input)
        before = demo_store.load()
        for text in ["\x00\x1b[31m", "[/]", "9" * 400, "👩‍💻 مرحبا", "a " * 3000]:
            paste_into(search, text)
            await pilot.pause()
            assert search.value == without_controls(text, multiline=False)[0]
        assert demo_store.load() == before


async def test_exporting_a_plan_with_a_lone_surrogate_writes_a_question_mark(demo_store,
                                                                             tmp_path):
    """A JSON import can bring "\\ud800" in; UTF-8 cannot hold it, so the report shows "?"."""
    demo_store.save(Profile(name="Maya \ud800"))
    async with make_app(demo_store, export_dir=tmp_path).run_test(size=SIZE) as pilot:
        export_document(pilot.app, pilot.app.session, REPORT)
        await pilot.pause()
        await step(pilot, "ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        (report,) = tmp_path.glob("*.md")
        assert "Maya ?" in report.read_text(encoding="utf-8")
        assert [n.title for n in pilot.app._notifications] == ["Exported"]
