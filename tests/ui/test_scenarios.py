"""Pilot tests of scenarios on Destination: n keeps the destination followed now, two are
compared side by side, enter follows the other one and the goals stay linked."""

from __future__ import annotations

from careertui.model.plan import Destination, Goal
from careertui.screens.destination.scenarios import EMPTY, ScenarioList
from tests.ui.conftest import SIZE, make_app
from tests.ui.test_destination import open_destination, search_and_pick


def prompts(scenarios: ScenarioList) -> list[str]:
    return [scenarios.get_option_at_index(i).prompt.plain  # type: ignore[union-attr]
            for i in range(scenarios.option_count)]


async def test_two_scenarios_are_compared_and_the_second_made_the_one_followed(demo_store):
    first_target = demo_store.get(Destination).target_role_title
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        scenarios = app.screen.query_one(ScenarioList)
        assert prompts(scenarios) == [EMPTY]
        scenarios.focus()
        await pilot.press("n")
        await pilot.pause()
        await search_and_pick(app, pilot, "data scientist", "15-2051.00")
        scenarios.focus()
        await pilot.press("n")
        await pilot.pause()
        shown = prompts(scenarios)
        assert len(shown) == 2
        assert shown[0].startswith(f"  {first_target}  ")
        assert shown[1].startswith("◆ Data Scientists  ") and "followed now" in shown[1]
        for prompt in shown:
            assert "total gap " in prompt and " goal" in prompt and "cost " in prompt
        await pilot.press("home", "enter")  # follow the first one again
        await pilot.pause()
        assert demo_store.get(Destination).target_role_title == first_target
        shown = prompts(scenarios)
        assert shown[0].startswith(f"◆ {first_target}")
    scientist = demo_store.get(Destination).scenarios[1]
    assert all(goal.scenario_id == scientist.id for goal in demo_store.all(Goal))


async def test_d_drops_a_scenario_and_n_refuses_a_fourth(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        scenarios = app.screen.query_one(ScenarioList)
        scenarios.focus()
        await pilot.press("n", "n")  # the second is the same destination: refused
        await pilot.pause()
        assert len(demo_store.get(Destination).scenarios) == 1
        await pilot.press("home", "d")
        await pilot.pause()
        assert demo_store.get(Destination).scenarios == []
        assert prompts(scenarios) == [EMPTY]
