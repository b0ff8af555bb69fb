"""Pilot tests of step 1, Assess: rating skills, profile, own skills, snapshots, experience."""

from __future__ import annotations

from textual.widgets import Input, Select, Static, TextArea

from careertui.app import CareerApp
from careertui.model.assessment import current_snapshot, custom_ratings, level_of, previous_snapshot
from careertui.model.plan import Assessment, Destination, Profile
from careertui.screens.assess.experience import ExperienceTable
from careertui.screens.assess.screen import START_HINT
from careertui.screens.assess.skill_detail import SkillDetail
from careertui.screens.assess.skill_table import SkillTable
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.form_dialog import FormDialog
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, field_error, make_app, type_text

WRITING = "2.A.1.c"  # third O*NET skill: two presses of down from the top


async def open_assess(app: CareerApp, pilot) -> SkillTable:
    """Go to step 1 and wait until the O*NET skills are in the table."""
    await pilot.press("1")
    await app.workers.wait_for_complete()
    await pilot.pause()
    table = app.screen.query_one(SkillTable)
    assert table.row_count >= 35
    return table


def latest(store) -> Assessment | None:
    return current_snapshot(store.all(Assessment))


def cell(table: SkillTable, key: str, column: str) -> str:
    return table.get_cell(key, column).plain


def status(app: CareerApp) -> str:
    return str(app.screen.query_one("#assess-status", Static).render())


async def test_right_twice_raises_the_skill_by_one_in_the_store_and_the_table(demo_store):
    app = make_app(demo_store)
    before = level_of(latest(demo_store), WRITING)
    previous = level_of(previous_snapshot(demo_store.all(Assessment)), WRITING)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_assess(app, pilot)
        assert app.focused is table
        await pilot.press("down", "down", "right", "right")
        assert table.selected_key == WRITING
        assert level_of(latest(demo_store), WRITING) == before + 1.0
        assert cell(table, WRITING, "level").endswith(f"{before + 1.0:.1f}")
        assert cell(table, WRITING, "change") == f"▲ {before + 1.0 - previous:+.1f}"
        await pilot.press("minus", "equals_sign", "plus")
        assert level_of(latest(demo_store), WRITING) == before + 1.5
        assert len(demo_store.all(Assessment)) == 2  # rated in place, no new snapshot


async def test_first_rating_of_an_empty_plan_starts_a_snapshot_and_left_stops_at_0(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_assess(app, pilot)
        assert START_HINT in status(app)
        assert cell(table, "2.A.1.a", "level") == "not rated"
        await pilot.press("right", "left", "left")
        (snapshot,) = empty_store.all(Assessment)
        assert snapshot.taken_on == TODAY
        assert [(r.key, r.level) for r in snapshot.ratings] == [("2.A.1.a", 0.0)]
        assert cell(table, "2.A.1.a", "level").endswith("0.0")
        assert cell(table, "2.A.1.b", "level") == "not rated"  # untouched skills store nothing
        assert f"Snapshot of {TODAY}" in status(app)
        assert "1 of 35 skills rated" in status(app)


async def test_digit_keys_still_switch_steps_from_the_skill_table(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        await pilot.press("down", "right", "3")
        assert app.current_mode == "gaps"


async def test_the_detail_explains_the_selected_level_with_the_onet_anchors(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        detail = str(app.screen.query_one(SkillDetail).render())
        assert "Reading Comprehension" in detail
        assert "Understanding written sentences" in detail
        assert "(at or below your level)" in detail and "(above your level)" in detail


async def test_typing_a_name_saves_it_and_updates_the_header(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        await pilot.click("#profile-name Input")
        await type_text(pilot, "Sam Lee")
        assert empty_store.get(Profile).name == "Sam Lee"
        assert app.title.startswith("Sam Lee")
        await pilot.press("escape", "2")
        assert app.current_mode == "destination"


async def test_an_empty_name_is_refused_at_the_field_and_not_stored(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        await pilot.click("#profile-name Input")
        await pilot.press("ctrl+shift+a", "backspace")
        assert app.screen.query_one("#profile-name Input", Input).value == ""
        assert field_error(app, "profile-name") == "Your name cannot be empty."
        assert demo_store.get(Profile).name == "Maya Okafor"
        assert app.title.startswith("Maya Okafor")


async def test_choosing_an_education_level_saves_it(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        select = app.screen.query_one("#profile-education", Select)
        select.focus()
        await pilot.press("enter", "down", "down", "enter")
        assert select.value == 2
        assert empty_store.get(Profile).education_level == 2
        await pilot.press("escape", "2", "escape", "1")  # Destination starts in a field
        assert app.screen.query_one("#profile-education", Select).value == 2


async def test_choosing_a_job_zone_saves_it_and_the_gaps_step_shows_it(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        select = app.screen.query_one("#profile-job-zone", Select)
        select.focus()
        await pilot.press("enter", "down", "down", "down", "enter")
        assert empty_store.get(Profile).job_zone == 3
        empty_store.save(Destination(target_role_code="29-1141.00"))
        await pilot.press("escape", "3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        compare = str(app.screen.query_one("#gaps-compare").render())
        assert "yours: 3 (Medium preparation)" in compare


async def test_role_and_organisation_are_saved_after_typing(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        await pilot.click("#profile-role Input")
        await type_text(pilot, "Analyst")
        assert app.session.flush_saves()
        assert empty_store.get(Profile).current_role == "Analyst"


async def test_add_rate_and_delete_a_custom_skill(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_assess(app, pilot)
        await pilot.press("a")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+s")
        assert field_error(app, "name") == "The skill name cannot be empty."
        await type_text(pilot, "Public speaking")
        await pilot.press("ctrl+s")
        assert app.screen.query_one(SkillTable) is table
        await pilot.press("right", "right")
        (own,) = custom_ratings(latest(demo_store))
        assert (own.name, own.level) == ("Public speaking", 1.0)
        assert own.key.startswith("custom:")
        assert table.selected_key == own.key
        assert cell(table, own.key, "skill") == "Public speaking"
        assert cell(table, own.key, "level").endswith("1.0")
        assert "no O*NET level examples" in str(app.screen.query_one(SkillDetail).render())
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        assert custom_ratings(latest(demo_store)) == []
        assert own.key not in [row.value for row in table.rows]


async def test_onet_skills_cannot_be_deleted(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_assess(app, pilot)
        rows = table.row_count
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert any("only skills you added can be deleted" in n.message
                   for n in app._notifications)
        assert table.row_count == rows
        assert level_of(latest(demo_store), "2.A.1.a") == 5.0


async def test_edit_types_a_level_directly(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_assess(app, pilot)
        await pilot.press("e", "ctrl+shift+a", "backspace", *"9", "ctrl+s")
        assert "half steps" in field_error(app, "level")
        await pilot.press("backspace", *"6.5", "ctrl+s")
        assert level_of(latest(demo_store), "2.A.1.a") == 6.5
        assert cell(table, "2.A.1.a", "level").endswith("6.5")


async def test_n_takes_a_new_snapshot_once_a_day_and_change_follows_it(demo_store):
    app = make_app(demo_store)
    old = latest(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_assess(app, pilot)
        assert cell(table, "2.A.1.a", "change") != ""
        await pilot.press("n")
        assessments = demo_store.all(Assessment)
        assert len(assessments) == 3
        new = current_snapshot(assessments)
        assert new.taken_on == TODAY and new.id != old.id
        assert f"Snapshot of {TODAY}" in status(app)
        assert f"compared with {old.taken_on}" in status(app)
        assert cell(table, "2.A.1.a", "change") == ""
        await pilot.press("right")
        assert cell(table, "2.A.1.a", "change") == "▲ +0.5"
        assert level_of(latest(demo_store), "2.A.1.a") == level_of(old, "2.A.1.a") + 0.5
        assert level_of(demo_store.all(Assessment)[1], "2.A.1.a") == level_of(old, "2.A.1.a")
        await pilot.press("n")
        await pilot.pause()
        assert len(demo_store.all(Assessment)) == 3
        assert any(f"already dated {TODAY}" in n.message for n in app._notifications)


async def test_add_an_experience_refusing_an_empty_role_and_backwards_years(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        experiences = app.screen.query_one(ExperienceTable)
        experiences.focus()
        await pilot.press("a")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+s")
        assert field_error(app, "role") == "The role cannot be empty."
        for text in ("Team Lead", "Northwind", "2023"):
            await type_text(pilot, text)
            await pilot.press("tab")
        await type_text(pilot, "2021")
        await pilot.press("ctrl+s")
        assert (field_error(app, "end_year")
                == "The end year cannot be before the start year (2023).")
        assert isinstance(app.screen, FormDialog)
        assert "Team Lead" not in [e.role for e in latest(demo_store).experiences]
        await pilot.press("backspace", "backspace", *"24", "ctrl+s")
        assert not isinstance(app.screen, FormDialog)
        stored = latest(demo_store).experiences
        lead = next(e for e in stored if e.role == "Team Lead")
        assert (lead.organisation, lead.start_year, lead.end_year) == ("Northwind", 2023, 2024)
        assert experiences.selected is not None and experiences.selected.role == "Team Lead"
        assert experiences.row_count == len(stored) == 4


async def test_delete_an_experience_after_confirming(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        experiences = app.screen.query_one(ExperienceTable)
        experiences.focus()
        first = experiences.selected.role
        await pilot.press("d", "n")
        assert len(latest(demo_store).experiences) == 3
        await pilot.press("d", "y")
        assert first not in [e.role for e in latest(demo_store).experiences]
        assert experiences.row_count == 2


async def test_reflections_typed_are_stored_and_escape_returns_to_the_skills(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_assess(app, pilot)
        app.screen.query_one("#reflection-motivators TextArea", TextArea).focus()
        await type_text(pilot, "Helping people grow")
        assert app.session.flush_saves()
        (snapshot,) = empty_store.all(Assessment)
        assert snapshot.motivators == "Helping people grow"
        assert snapshot.taken_on == TODAY
        await pilot.press("escape")
        assert app.focused is table


async def test_at_80x24_the_profile_choices_get_a_row_of_their_own(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_assess(app, pilot)
        name = app.screen.query_one("#profile-name")
        education = app.screen.query_one("#profile-education")
        assert education.region.y > name.region.y  # below the name, role and organisation
        assert education.region.width >= 20  # "Bachelor's Degree" shows whole
