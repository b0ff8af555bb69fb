"""Keys sent without pauses land where the person typed them: focus first, then every form."""

from __future__ import annotations

import pytest
from textual import events

from careertui.model.plan import Assessment, Destination, Profile
from careertui.screens.assess.experience import ExperienceTable
from careertui.widgets.forms import Field
from tests.ui.conftest import SIZE, key_event, make_app, named_key, send_keys, settle
from tests.ui.test_assess import open_assess
from tests.ui.test_destination import open_destination


async def test_keys_typed_right_after_tab_go_to_the_next_profile_field(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        app.screen.query_one("#profile-name").focus_input()
        await pilot.pause()
        await send_keys(pilot, "Bob", "tab", "RN", "tab", "St Mary's")
        app.session.flush_saves()
        profile = empty_store.get(Profile)
        assert (profile.name, profile.current_role, profile.organisation) == (
            "Bob", "RN", "St Mary's")


@pytest.mark.parametrize("store_name", ["empty_store", "demo_store"])
async def test_every_screen_opens_with_the_focus_where_the_person_starts(request, store_name):
    app = make_app(request.getfixturevalue(store_name))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # The overview has no field and no table: nothing to focus, the step keys work.
        assert app.focused is None and not app.screen.focus_chain
        for key in "12345":
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.focused is not None, f"step {key}"
            if key == "2":  # in a field: escape first, and the digits switch steps again
                await pilot.press("escape")
        await pilot.press("0")
        assert app.current_mode == "overview"


async def test_destination_opens_in_its_first_empty_field_and_digits_are_text(demo_store):
    destination = demo_store.get(Destination)
    destination.opportunities = ""
    demo_store.save(destination)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        assert app.focused is app.screen.query_one("#opportunities TextArea")
        await send_keys(pilot, "a team of 40 nurses")
        assert app.screen.query_one("#opportunities", Field).text == "a team of 40 nurses"
        assert app.current_mode == "destination"


async def test_destination_on_an_empty_plan_starts_in_the_dream_job(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        assert app.focused is app.screen.query_one("#dream-job TextArea")
        assert "Leave the field" in footer_keys(app)
        await pilot.press("escape")
        assert app.focused is None
        assert "Leave the field" not in footer_keys(app)
        await pilot.press("0")
        assert app.current_mode == "overview"


def footer_keys(app) -> str:
    """The descriptions of the keys the footer shows now."""
    return " · ".join(active.binding.description for active in
                      app.screen.active_bindings.values() if active.binding.show)


async def test_a_paste_right_after_tab_goes_to_the_next_field(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        app.screen.query_one("#profile-name").focus_input()
        await pilot.pause()
        for event in (*map(key_event, "Bob"), named_key("tab"), events.Paste("Staff nurse")):
            event.set_sender(app)
            app.post_message(event)
        await settle(pilot)
        app.session.flush_saves()
        profile = empty_store.get(Profile)
        assert (profile.name, profile.current_role) == ("Bob", "Staff nurse")


@pytest.mark.parametrize("field_id", ["profile-role", "reflection-strengths"])
async def test_step_and_action_keys_are_text_in_a_field(demo_store, field_id):
    snapshots = len(demo_store.all(Assessment))
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        field = app.screen.query_one(f"#{field_id}", Field)
        field.set_text("")
        field.focus_input()
        await send_keys(pilot, "q?n 1a0d 5e")
        assert field.text == "q?n 1a0d 5e"
        assert app.is_running and app.current_mode == "assess"
        assert len(demo_store.all(Assessment)) == snapshots  # n: no new snapshot
        assert app.screen.query_one(ExperienceTable).row_count == 3


async def test_escape_typed_fast_before_a_step_key_leaves_the_field_then_switches(demo_store):
    # A terminal sends escape and "3" in one read as alt+3 when they come that fast.
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        dream_job = app.screen.query_one("#dream-job", Field)
        dream_job.focus_input()
        await pilot.pause()
        before = dream_job.text
        alt_3 = events.Key("alt+3", "3")
        alt_3.set_sender(app)
        app.post_message(alt_3)
        await settle(pilot)
        assert app.current_mode == "gaps"
        assert dream_job.text == before  # no "3" typed into the field
