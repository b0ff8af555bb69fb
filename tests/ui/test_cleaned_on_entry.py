"""The app says when a plan's text came in with characters a terminal would act on."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from careertui.demo import demo_plan
from careertui.export.json_plan import plan_to_json
from careertui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, make_app
from tests.ui.test_share import type_into_import

CLIPBOARD_AND_TITLE = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b]2;pwned\x07"


def notifications(app) -> list[tuple[str, str, str]]:
    return [(n.title, n.severity, n.message) for n in app._notifications]


async def test_a_plan_file_edited_outside_with_escape_sequences_opens_clean_with_a_warning(
        tmp_path):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path)
    store.replace_plan(demo_plan(TODAY))
    store.close()
    data = json.loads(path.read_bytes())
    data["profile"]["1"]["name"] = f"Maya{CLIPBOARD_AND_TITLE} Okafor"
    path.write_text(json.dumps(data), encoding="utf-8")
    store = PlanStore.open(path)
    app = make_app(store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "Maya Okafor" in app.title and "pwned" not in app.title
            [(title, severity, message)] = notifications(app)
            assert (title, severity) == ("Plan text cleaned", "warning")
            assert "profile.name: Removed 2 terminal escape sequences" in message
    finally:
        store.close()


async def test_an_import_from_the_palette_says_what_was_taken_out(empty_store, tmp_path):
    plan = demo_plan(TODAY)
    plan.goals[0].statement += CLIPBOARD_AND_TITLE
    export = tmp_path / "export.json"
    export.write_text(plan_to_json(plan, datetime(2026, 11, 23, tzinfo=UTC)), encoding="utf-8")
    app = make_app(empty_store, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_into_import(app, pilot, "export.json")
        await pilot.press("enter")
        await pilot.pause()
        [(title, _, message)] = notifications(app)
        assert title == "Plan imported"
        assert "goals[0].statement: Removed 2 terminal escape sequences" in message
    stored = empty_store.load()
    assert stored.goals[0].statement == demo_plan(TODAY).goals[0].statement
    assert stored.profile == demo_plan(TODAY).profile
