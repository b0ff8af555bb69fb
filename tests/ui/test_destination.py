"""Pilot tests of Step 2, Destination: role search, unrated roles, goal dates, path and keys."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from textual.widgets import Input, OptionList, RadioSet, Static

import careertui.roles as roles
from careertui.app import CareerApp
from careertui.model.plan import CareerPath, Destination
from careertui.model.timeline import PointKind, timeline
from careertui.roles import load_library
from careertui.screens.destination.role_details import RoleDetails
from careertui.screens.destination.role_search import LOADING, RoleSearch
from careertui.screens.destination.timeline_chart import TimelineChart
from careertui.widgets.forms import Field
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, field_error, make_app, type_text

SMALL = (80, 24)
STORES = ["demo_store", "empty_store"]
BORROWED = ("O*NET 29.3 has no skill ratings for Software Developers; the gap analysis uses "
            "requirements borrowed from Computer Systems Engineers/Architects, Computer "
            "Programmers and Computer Systems Analysts.")


async def open_destination(app: CareerApp, pilot) -> None:
    await pilot.press("2")
    await app.workers.wait_for_complete()  # the O*NET library loads in a thread
    await pilot.pause()


def text_of(app: CareerApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def search_and_pick(app: CareerApp, pilot, query: str, code: str) -> None:
    """Type `query` in the role search, arrow down to `code` and press enter."""
    app.screen.query_one("#role-query", Input).focus()
    await type_text(pilot, query)
    position = [o.code for o in load_library().search(query)].index(code)
    await pilot.press(*["down"] * position, "enter")
    await pilot.pause()


async def retype(pilot, text: str) -> None:
    """Select what the focused input holds and type `text` over it."""
    await pilot.press("end", "shift+home", *text)
    await pilot.pause()


@pytest.mark.parametrize("store_name", STORES)
async def test_picking_a_role_with_arrows_and_enter_saves_and_shows_it(request, store_name):
    store = request.getfixturevalue(store_name)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        await search_and_pick(app, pilot, "nurse", "29-1141.00")
        saved = store.get(Destination)
        assert (saved.target_role_code, saved.target_role_title) == (
            "29-1141.00", "Registered Nurses")
        assert text_of(app, ".role-heading") == "Registered Nurses  29-1141.00"
        facts = text_of(app, ".role-facts")
        assert "Job zone  4 · Considerable preparation" in facts
        assert "Typical education  Bachelor's Degree" in facts
        assert "Epic Systems" in facts
        assert not app.screen.query_one(RoleDetails).has_class("-unrated")
        # The box shows the choice (not the placeholder), and no matches.
        search = app.screen.query_one(RoleSearch)
        assert search.query_text == "Registered Nurses"
        assert not search.has_class("-has-matches")
        assert "Your target role" in text_of(app, ".role-search-status")
        if store_name == "empty_store":  # typing replaces it: a new search
            await type_text(pilot, "analyst")
            assert search.query_text == "analyst" and search.has_class("-has-matches")


@pytest.mark.parametrize("store_name", STORES)
async def test_an_unrated_role_is_kept_and_says_whose_ratings_it_borrows(request, store_name):
    store = request.getfixturevalue(store_name)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        app.screen.query_one("#role-query", Input).focus()
        await type_text(pilot, "software developers")
        matches = app.screen.query_one("#role-matches", OptionList)
        assert "borrowed ratings" in str(matches.get_option("15-1252.00").prompt)
        assert "borrowed" not in str(matches.get_option("15-1251.00").prompt)
        await pilot.press("enter")
        await pilot.pause()
        saved = store.get(Destination)
        assert (saved.target_role_code, saved.target_role_title) == (
            "15-1252.00", "Software Developers")
        details = app.screen.query_one(RoleDetails)
        assert details.has_class("-unrated") and details.has_class("-borrowed")
        assert " ".join(text_of(app, ".role-unrated").split()) == "ⓘ " + BORROWED
        assert app.focused is app.screen.query_one("#role-query", Input)


async def test_a_role_found_by_another_title_says_which(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        app.screen.query_one("#role-query", Input).focus()
        await type_text(pilot, "RN")
        matches = app.screen.query_one("#role-matches", OptionList)
        first = matches.get_option_at_index(0)
        assert first.id == "29-1141.00"
        assert str(first.prompt).startswith("RN → Registered Nurses")
        await retype(pilot, "nrse")
        assert matches.get_option_at_index(0).id == "29-1141.00"
        assert "Typo corrected" in text_of(app, ".role-search-status")


async def test_the_role_shows_its_main_tasks_beside_its_hot_technologies(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        await search_and_pick(app, pilot, "registered nurses", "29-1141.00")
        facts = text_of(app, ".role-facts")
        tasks = load_library().occupation("29-1141.00").tasks
        assert len(tasks) == 5
        assert "Hot technologies" in facts and "Main tasks" in facts
        assert facts.index("Hot technologies") < facts.index("Main tasks")
        assert all(f"• {task}"[:40] in " ".join(facts.split()) for task in tasks)


@pytest.mark.parametrize("store_name", STORES)
async def test_a_goal_date_beyond_its_horizon_is_refused_and_a_valid_one_is_drawn(
        request, store_name):
    store = request.getfixturevalue(store_name)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        before = store.get(Destination)
        app.screen.query_one("#goal-3-date", Field).focus_input()
        await retype(pilot, "2030-01-01")
        app.session.flush_saves()
        assert field_error(app, "goal-3-date") == (
            "2030-01-01 is more than 3 years away; pick a date up to 2029-11-23.")
        assert app.screen.query_one("#goal-3-date", Field).has_class("-invalid")
        assert store.get(Destination) == before
        await retype(pilot, "2029-06-30")
        app.session.flush_saves()
        assert field_error(app, "goal-3-date") == ""
        saved = store.get(Destination)
        assert [g.target_date for g in saved.goals if g.horizon == 3] == [date(2029, 6, 30)]
        drawn = app.screen.query_one(TimelineChart).points
        assert drawn == timeline(saved, TODAY)
        assert (drawn[2].kind, drawn[2].day) == (PointKind.GOAL, date(2029, 6, 30))


async def test_a_date_in_the_past_is_refused_at_its_field(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        before = demo_store.get(Destination)
        app.screen.query_one("#goal-1-date", Field).focus_input()
        await retype(pilot, "2026-11-23")
        app.session.flush_saves()
        assert "is not in the future" in field_error(app, "goal-1-date")
        assert demo_store.get(Destination) == before


async def test_texts_and_goal_statements_are_saved_as_you_type(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        app.screen.query_one("#dream-job", Field).focus_input()
        await type_text(pilot, "Run a clinic")
        app.screen.query_one("#goal-5-statement", Field).focus_input()
        await type_text(pilot, "Head nurse")
        await pilot.pause(0.5)  # the debounced save
        saved = empty_store.get(Destination)
        assert saved.dream_job == "Run a clinic"
        assert [(g.horizon, g.statement) for g in saved.goals] == [
            (1, ""), (3, ""), (5, "Head nurse")]
        assert app.screen.query_one(TimelineChart).points[3].statement == "Head nurse"


@pytest.mark.parametrize("store_name", STORES)
async def test_switching_the_path_to_transition_is_stored(request, store_name):
    store = request.getfixturevalue(store_name)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        await pilot.click("#path-transition")
        await pilot.pause()
        assert store.get(Destination).path is CareerPath.TRANSITION
        assert app.screen.query_one(RadioSet).pressed_button.id == "path-transition"


@pytest.mark.parametrize("selector", ["#role-query", "#dream-job", "#goal-3-date", "#path-note"])
async def test_escape_leaves_the_field_so_digits_switch_steps(demo_store, selector):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        widget = app.screen.query_one(selector)
        (widget.focus_input if isinstance(widget, Field) else widget.focus)()
        await pilot.press("3")
        assert app.current_mode == "destination"  # typed into the field
        await pilot.press("escape", "3")
        assert app.current_mode == "gaps"


async def test_the_screen_shows_the_stored_plan_again_after_switching_steps(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        assert app.screen.query_one("#goal-3-date", Field).text == "2029-09-23"
        assert text_of(app, ".role-heading") == (
            "Computer and Information Systems Managers  11-3021.00")
        app.screen.query_one("#path-note", Field).focus_input()
        # A wrapped paragraph: down to its last line, then its end; switch before the save fires.
        await pilot.press("down", "down", "down", "end", *" Soon.", "escape", "1", "2")
        await pilot.pause()
        assert app.screen.query_one("#path-note", Field).text.endswith("realistic. Soon.")
        assert demo_store.get(Destination).path_note.endswith("realistic. Soon.")


async def test_search_waits_for_the_library_and_then_matches_what_was_typed(
        empty_store, monkeypatch):
    ready = threading.Event()

    def slow_library():
        ready.wait(5)
        return load_library()

    monkeypatch.setattr(roles, "load_library", slow_library)
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert text_of(app, ".role-search-status") == LOADING
        app.screen.query_one("#role-query", Input).focus()
        await type_text(pilot, "nurse")
        await pilot.press("enter")
        assert empty_store.get(Destination).target_role_code == ""
        ready.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        matches = app.screen.query_one("#role-matches", OptionList)
        assert matches.display and matches.get_option_at_index(0).id.startswith("29-")


async def test_a_library_that_cannot_load_is_reported_at_the_search(empty_store, monkeypatch):
    def broken_library():
        raise OSError("onet.json.gz: No such file or directory")

    monkeypatch.setattr(roles, "load_library", broken_library)
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        assert text_of(app, ".role-search-status") == (
            "The O*NET occupation data could not be loaded: "
            "onet.json.gz: No such file or directory")


async def test_wide_terminal_shows_the_chart_without_scrolling(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        chart = app.screen.query_one(TimelineChart)
        assert not app.screen.has_class("-narrow")
        assert chart.region.bottom <= SIZE[1] - 1 and chart.region.width >= 50


async def test_small_terminal_stacks_the_columns_and_still_picks_roles(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SMALL) as pilot:
        await open_destination(app, pilot)
        assert app.screen.has_class("-narrow")
        assert app.screen.query_one(TimelineChart).size.width >= 70
        await search_and_pick(app, pilot, "nurse", "29-1141.00")
        assert demo_store.get(Destination).target_role_code == "29-1141.00"
        await pilot.press("escape", "4")
        assert app.current_mode == "plan"


async def test_the_search_box_shows_the_chosen_role_when_the_screen_shows(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        title = demo_store.get(Destination).target_role_title
        assert app.screen.query_one(RoleSearch).query_text == title
