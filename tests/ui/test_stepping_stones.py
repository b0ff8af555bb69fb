"""Pilot tests of the stepping stones on Destination: what they list, and a stop adopted as a
1- or 3-year goal with one key (and undone)."""

from __future__ import annotations

from careertui.model.plan import Assessment, Destination, SkillRating
from careertui.model.timeline import horizon_goal
from careertui.roles import load_library
from careertui.screens.destination.screen import adopted_statement
from careertui.screens.destination.stepping_stones import SteppingStonesList
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, make_app
from tests.ui.test_destination import open_destination


def prompts(stones: SteppingStonesList) -> list[str]:
    return [stones.get_option_at_index(i).prompt.plain  # type: ignore[union-attr]
            for i in range(stones.option_count)]


async def highlight(pilot, stones: SteppingStonesList, prefix: str) -> str:
    """Arrow down to the first option whose id starts with `prefix`; that id."""
    stones.focus()
    await pilot.pause()
    while not (stones.highlighted_option and (stones.highlighted_option.id or "").startswith(
            prefix)):
        before = stones.highlighted
        await pilot.press("down")
        assert stones.highlighted != before, f"no option {prefix}…"
    return stones.highlighted_option.id or ""


async def test_destination_lists_the_closest_occupations_and_paths_to_the_target(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        shown = prompts(app.screen.query_one(SteppingStonesList))
    assert shown[0] == "Closest to you now"
    assert shown[1].startswith("Financial Quantitative Analysts  zone 5 · apart 0.77")
    assert "to learn: " in shown[1] and "(not rated)" in shown[2]  # unrated areas say so
    heading = next(line for line in shown if line.startswith("Paths to "))
    assert heading.startswith("Paths to Computer and Information Systems Managers (straight")
    first = shown.index(heading) + 1
    assert shown[first] == "  Path 1 · 1 stop · total 0.78"
    assert shown[first + 1] == "  you ─0.32─▶ Data Warehousing Specialists  zone 4"
    assert shown[first + 2].endswith("Computer and Information Systems Managers  ◆ target")


async def test_a_stop_becomes_the_1_year_goal_with_a_and_a_close_one_the_3_year_goal_with_A(
        demo_store):
    app = make_app(demo_store)
    before = horizon_goal(demo_store.get(Destination), 3).statement
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        stones = app.screen.query_one(SteppingStonesList)
        option = await highlight(pilot, stones, "path1:")
        await pilot.press("a")
        await pilot.pause()
        stop = load_library().occupation(option.split(":", 1)[1])
        target = demo_store.get(Destination).target_role_title
        saved = demo_store.get(Destination)
        assert horizon_goal(saved, 1).statement == adopted_statement(stop, target)
        assert horizon_goal(saved, 1).statement.startswith("Work as Data Warehousing")
        await pilot.press("up")  # still on the list: the next key adopts another
        option = await highlight(pilot, stones, "close:")
        await pilot.press("A")
        await pilot.pause()
        three = horizon_goal(demo_store.get(Destination), 3).statement
        assert three.startswith(f"Work as {load_library().occupation(option[6:]).title}")
        assert horizon_goal(demo_store.get(Destination), 1).statement.startswith("Work as Data")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert horizon_goal(demo_store.get(Destination), 3).statement == before


async def test_without_ratings_the_list_says_to_rate_and_fills_once_skills_are_rated(
        empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        stones = app.screen.query_one(SteppingStonesList)
        assert prompts(stones)[0].startswith("Rate your skills and knowledge in step 1")
        await pilot.press("escape", "a")  # nothing to adopt: nothing saved
        assert horizon_goal(empty_store.get(Destination), 1).statement == ""
        programming = load_library().element("2.B.3.e")
        app.session.save(Assessment(TODAY, [SkillRating(programming.id, programming.name, 5)]))
        await pilot.press("0", "2")
        await pilot.pause()
        assert prompts(stones)[0] == "Closest to you now"
        assert "no gap left" not in prompts(stones)[1]
