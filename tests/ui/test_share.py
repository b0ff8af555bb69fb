"""Export and import from the command palette: the file field, the written file, the import."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC

from careertui.demo import demo_plan
from careertui.export.documents import CALENDAR, JSON, WINS
from careertui.export.json_plan import plan_to_json
from careertui.model.plan import Milestone, Profile
from careertui.screens.share import export_document, import_plan
from careertui.store.plan_file import read_plan
from careertui.store.plan_store import PlanStore
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import Field
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, make_app, type_text


def messages(app):
    return [n.message for n in app._notifications]


async def wait_for_workers(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_into_import(app, pilot, name: str) -> Field:
    """Open the import dialog and type `name` into its file field; returns the field."""
    import_plan(app, app.session)
    await pilot.pause()
    await type_text(pilot, name)
    await pilot.pause()
    return app.screen.query_one("#plan", Field)


async def test_palette_exports_the_report_next_to_the_plan(demo_store, tmp_path):
    app = make_app(demo_store, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "Export: Markdown")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        path_field = app.screen.query_one("#path", Field)
        suggested = tmp_path / f"plan-report-{TODAY.isoformat()}.md"
        assert path_field.text == str(suggested)
        await pilot.press("ctrl+s")
        await wait_for_workers(app, pilot)
        assert any(str(suggested) in message for message in messages(app))
    assert "Maya Okafor" in suggested.read_text(encoding="utf-8")


async def test_a_chosen_relative_path_lands_in_the_export_folder(demo_store, tmp_path):
    app = make_app(demo_store, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        export_document(app, app.session, CALENDAR)
        await pilot.pause()
        app.screen.query_one("#path", Field).set_text("")
        await type_text(pilot, "mine.ics")
        await pilot.press("ctrl+s")
        await wait_for_workers(app, pilot)
    assert (tmp_path / "mine.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


async def test_a_missing_folder_is_refused_in_the_field(demo_store, tmp_path):
    app = make_app(demo_store, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        export_document(app, app.session, JSON)
        await pilot.pause()
        field = app.screen.query_one("#path", Field)
        field.set_text("")
        await type_text(pilot, "nowhere/plan.json")
        await pilot.pause()
        assert field.has_class("-invalid")
        assert "There is no folder" in str(field.query_one(".field-error").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)  # nothing written, dialog still open
    assert list(tmp_path.iterdir()) == []


async def test_a_named_pipe_or_a_link_is_refused_as_an_export_target_in_the_field(demo_store,
                                                                                  tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link.md").symlink_to(tmp_path / "elsewhere.md")
    app = make_app(demo_store, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        export_document(app, app.session, JSON)
        await pilot.pause()
        field = app.screen.query_one("#path", Field)
        for name, words in (("pipe", "named pipe"), ("link.md", "symbolic link")):
            field.set_text("")
            await type_text(pilot, name)
            await pilot.pause()
            assert words in str(field.query_one(".field-error").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)  # nothing written, dialog still open
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)
    assert not (tmp_path / "elsewhere.md").exists()


async def test_importing_a_named_pipe_is_refused_in_the_field_without_waiting(empty_store,
                                                                             tmp_path):
    os.mkfifo(tmp_path / "pipe")  # no writer: reading it would wait for ever
    app = make_app(empty_store, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        field = await type_into_import(app, pilot, "pipe")
        assert "named pipe" in str(field.query_one(".field-error").render())
    assert empty_store.load().is_empty


async def test_wins_since_a_typed_date(demo_store, tmp_path):
    app = make_app(demo_store, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        export_document(app, app.session, WINS)
        await pilot.pause()
        since = app.screen.query_one("#since", Field)
        since.set_text("")
        await pilot.click("#since Input")
        await type_text(pilot, "2000-01-01")
        await pilot.press("ctrl+s")
        await wait_for_workers(app, pilot)
    (written,) = tmp_path.glob("plan-wins-*.md")
    text = written.read_text(encoding="utf-8")
    assert "2000-01-01" in text or "January 2000" in text
    assert all(milestone.title in text for milestone in demo_store.all(Milestone))


async def test_import_shows_the_problems_under_the_field_and_changes_nothing(empty_store,
                                                                             tmp_path):
    document = json.loads(plan_to_json(demo_plan(TODAY), _now()))
    document["plan"]["actions"][3]["due"] = "soon"
    (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")
    app = make_app(empty_store, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        field = await type_into_import(app, pilot, "bad.json")
        assert "actions[3].due" in str(field.query_one(".field-error").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
    assert empty_store.load().is_empty


async def test_import_over_a_plan_asks_first_then_shows_the_new_plan(tmp_path):
    store = PlanStore.open(tmp_path / "plan.json")
    store.save(Profile(name="Old me"))
    imported = demo_plan(TODAY)
    (tmp_path / "export.json").write_text(plan_to_json(imported, _now()), encoding="utf-8")
    app = make_app(store, export_dir=tmp_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            import_plan(app, app.session)
            await pilot.pause()
            await type_text(pilot, "export.json")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("n")
            await pilot.pause()
            assert store.get(Profile).name == "Old me"

            import_plan(app, app.session)
            await pilot.pause()
            await type_text(pilot, "export.json")
            await pilot.press("enter")  # enter submits a one-line field
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
            assert store.load() == imported
            assert "Maya Okafor" in app.title
            assert any("previous plan was kept" in message for message in messages(app))
        (kept,) = tmp_path.glob("plan.json.before-import-*")
        assert read_plan(kept).profile.name == "Old me"
    finally:
        store.close()


def _now():
    from datetime import datetime

    return datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
