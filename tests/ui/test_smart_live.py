"""The goal dialog's SMART badges follow what is typed, before the goal is saved."""

from __future__ import annotations

from careertui.model.plan import Goal
from careertui.screens.plan.goal_form import GoalDialog
from tests.ui.conftest import SIZE, make_app, type_text


def live_letters(dialog: GoalDialog) -> dict[str, bool]:
    """Each letter of the dialog's badge line, and whether it passes."""
    badges = dialog.query_one("#goal-badges").render()
    failing = {line[2] for line in str(badges).splitlines() if line.startswith("✗ ")}
    return {letter: letter not in failing for letter in "SMART"}


async def test_typing_random_letters_turns_the_s_badge_red_before_saving(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("e")  # the first goal, which passes every letter
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, GoalDialog)
        assert all(live_letters(dialog).values())
        statement = dialog.query_one("#statement")
        statement.query_one("Input").value = ""
        statement.focus_input()
        await type_text(pilot, "qxzv jfpw kmrt blnq")
        letters = live_letters(dialog)
        assert not letters["S"] and letters["M"]
        assert "are no words careertui knows" in str(dialog.query_one("#goal-badges").render())
        assert demo_store.all(Goal)[0].statement.startswith("Lead the forecasting")  # unsaved
        statement.query_one("Input").value = ""
        await type_text(pilot, "Lead 6 sprint plannings as squad lead")
        assert live_letters(dialog)["S"]


async def test_a_target_typed_equal_to_the_start_fails_m_live(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        target = dialog.query_one("#target")
        target.query_one("Input").value = ""
        target.focus_input()
        await type_text(pilot, "0")  # no start: it counts from 0
        assert not live_letters(dialog)["M"]
        await type_text(pilot, "8")
        assert live_letters(dialog)["M"]
