"""Pilot tests of the budget dialog of step 4: an amount for every year, and per-year amounts."""

from __future__ import annotations

from dataclasses import replace

from textual.geometry import Region
from textual.widgets import Button, Input

from careertui.model.plan import Settings, YearBudget
from careertui.widgets.form_dialog import FormDialog
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, field_error, make_app, send_keys
from tests.ui.test_plan import budget_panel, open_plan, type_into

# TODAY is in 2026: the dialog shows 2026 to 2030.


def with_budgets(store, *own: YearBudget, yearly: float = 1500.0) -> None:
    store.save(replace(store.get(Settings), yearly_budget=yearly, budget_by_year=list(own)))


def field_text(pilot, field_id: str) -> str:
    return pilot.app.screen.query_one(f"#{field_id}").query_one(Input).value


async def test_next_years_amount_is_typed_in_the_dialog_and_shown_in_the_panel(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        # The demo plans €1,200 for 2027, with no amount of its own.
        assert "2027: €1,500 allocated, €1,200 planned" in budget_panel(screen)
        await pilot.press("b")
        # The dialog opens on the first blank field, this year's; tab goes to next year's.
        assert app.screen.focused is app.screen.query_one("#budget_2026").query_one(Input)
        await send_keys(pilot, "tab", "€2,500", "ctrl+s")
        assert not isinstance(app.screen, FormDialog)
        settings = demo_store.get(Settings)
        assert (settings.yearly_budget, settings.budget_by_year) == (
            1500.0, [YearBudget(2027, 2500.0)])
        assert (settings.budget_for(2026), settings.budget_for(2027)) == (1500.0, 2500.0)
        panel = budget_panel(screen)
        assert "Allocated €1,500" in panel  # this year keeps the amount for every year
        assert "2027: €2,500 allocated, €1,200 planned" in panel


async def test_a_years_amount_is_refused_under_its_field_as_the_others_are(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("b")
        await type_into(pilot, "budget_2028", "-5")
        await pilot.press("ctrl+s")
        assert "The budget for 2028 cannot be below 0" in field_error(app, "budget_2028")
        await type_into(pilot, "budget_2028", "900 USD")
        await pilot.press("ctrl+s")
        assert "the plan's currency" in field_error(app, "budget_2028")
        assert isinstance(app.screen, FormDialog)
        assert demo_store.get(Settings).budget_by_year == []
        await type_into(pilot, "budget_2028", "900 EUR")
        await pilot.press("ctrl+s")
        assert demo_store.get(Settings).budget_by_year == [YearBudget(2028, 900.0)]


async def test_own_amounts_are_prefilled_a_blank_year_drops_its_own_and_past_years_stay(
        demo_store):
    with_budgets(demo_store, YearBudget(2025, 900.0), YearBudget(2026, 0.0),
                 YearBudget(2027, 2500.0))
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        panel = budget_panel(screen)
        assert "Allocated €0" in panel and "No budget set" in panel  # 2026's own amount
        await pilot.press("b")
        assert [field_text(pilot, f"budget_{year}") for year in range(2026, 2031)] == [
            "0", "2500", "", "", ""]
        assert field_text(pilot, "yearly_budget") == "1500"
        await type_into(pilot, "budget_2026", "")  # blank: the same as every year again
        await type_into(pilot, "budget_2030", "€1,000")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_store.get(Settings).budget_by_year == [
            YearBudget(2025, 900.0), YearBudget(2027, 2500.0), YearBudget(2030, 1000.0)]
        assert "Allocated €1,500" in budget_panel(screen)


async def test_the_budget_dialog_fits_80x24_with_its_save_button_on_screen(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        await pilot.press("b")
        screen = Region(0, 0, 80, 24)
        form = app.screen.query_one("#form")
        save = app.screen.query_one("#save", Button)
        for field_id in ("yearly_budget", "budget_2026", "budget_2030", "currency"):
            box = app.screen.query_one(f"#{field_id}").query_one(Input).region
            assert box.area and screen.contains_region(box), field_id
        assert form.max_scroll_y == 0  # nothing is hidden below the fold
        await type_into(pilot, "budget_2029", "-5")
        await pilot.press("ctrl+s")
        assert field_error(app, "budget_2029")
        assert save.region.area and screen.contains_region(save.region)
        await type_into(pilot, "budget_2029", "700")
        await pilot.click("#save")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        assert demo_store.get(Settings).budget_by_year == [YearBudget(2029, 700.0)]


async def test_next_year_over_its_own_budget_is_flagged_and_a_year_without_costs_not_shown(
        demo_store):
    with_budgets(demo_store, YearBudget(2027, 1000.0))
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        assert "2027: €1,000 allocated, €1,200 planned, over by €200" in budget_panel(screen)
        assert "Over budget" not in budget_panel(screen)  # this year is within its budget
    empty = make_app(demo_store, today=TODAY.replace(year=2029))
    async with empty.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        assert "2030" not in budget_panel(screen)  # no cost planned, no amount of its own


async def test_a_new_currency_and_amounts_in_it_are_typed_in_one_go(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        await pilot.press("b")
        # A new plan: the dialog opens on the first blank field, the amount for every year.
        await send_keys(pilot, "$1,500", "tab", "$2,500", "shift+tab", "shift+tab")
        assert "the plan's currency" in field_error(app, "yearly_budget")  # still €
        await send_keys(pilot, "USD", "ctrl+s")  # over "EUR", which a field selects on entry
        settings = empty_store.get(Settings)
        assert settings.currency == "$"
        assert (settings.budget_for(2026), settings.budget_for(2027)) == (2500.0, 1500.0)
