"""The plan's currency: chosen in the budget dialog, then every amount reads and shows it."""

from __future__ import annotations

from textual.widgets import Input

from careertui.model.plan import Action, Settings
from careertui.screens.plan.dialogs import action_dialog
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import Field
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, field_error, make_app, type_text
from tests.ui.test_plan import budget_panel, open_plan


async def retype(pilot, field_id: str, text: str) -> None:
    """Empty the field and type `text` into it, as a person does."""
    field = pilot.app.screen.query_one(f"#{field_id}", Field)
    field.set_text("")
    field.query_one(Input).focus()
    await pilot.pause()
    await type_text(pilot, text)


async def test_a_dollar_budget_and_a_dollar_cost(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        await pilot.press("b")
        await pilot.pause()
        await retype(pilot, "currency", "USD")
        await retype(pilot, "yearly_budget", "2000")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        settings = demo_store.get(Settings)
        assert (settings.currency, settings.yearly_budget) == ("$", 2000)
        assert "$2,000" in budget_panel(screen) and "€" not in budget_panel(screen)

        app.push_screen(action_dialog(None, "a goal", TODAY, settings.currency))
        await pilot.pause()
        await retype(pilot, "cost", "€450")
        assert "the plan's currency" in field_error(app, "cost")
        await retype(pilot, "cost", "$1,450.50")
        await retype(pilot, "title", "PyData conference")
        await pilot.pause()
        assert field_error(app, "cost") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)


async def test_a_currency_that_is_none_is_refused_in_the_field(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("b")
        await pilot.pause()
        await retype(pilot, "currency", "dollars please")
        await pilot.pause()
        assert "is not a currency" in field_error(app, "currency")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
    assert demo_store.get(Settings).currency == "€"
    assert all(action.cost != 1450.5 for action in demo_store.all(Action))
