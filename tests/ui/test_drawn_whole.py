"""A step drawn as a whole (Assess, Destination) reads the plan again only when what it shows
changed: coming back to it costs a switch, and a change made elsewhere still shows."""

from __future__ import annotations

from dataclasses import replace

import pytest

from careertui.model.plan import Destination, Profile
from careertui.screens.assess.profile import ProfileForm
from careertui.screens.assess.screen import AssessScreen
from careertui.screens.destination.screen import DestinationScreen
from careertui.widgets.forms import Field
from tests.ui.conftest import SIZE, make_app


@pytest.mark.parametrize(("key", "screen_class"), [("1", AssessScreen),
                                                    ("2", DestinationScreen)])
async def test_a_step_drawn_as_a_whole_is_drawn_again_only_after_a_change(
        demo_store, monkeypatch, key, screen_class):
    draws: list[object] = []
    draw = screen_class.refresh_from_store
    monkeypatch.setattr(screen_class, "refresh_from_store",
                        lambda screen: draws.append(screen) or draw(screen))
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await app.workers.wait_for_complete()  # the role library, which draws Assess again
        await pilot.pause()
        assert draws
        draws.clear()
        for step in ("0", key, "5", key):
            await pilot.press("escape", step)
            await pilot.pause()
        assert draws == []
        session = app.session
        session.save(replace(session.get(Profile), name="Robin"),
                     replace(session.get(Destination), dream_job="Lighthouse keeper"))
        await pilot.press("escape", "0", key)
        await pilot.pause()
        assert len(draws) == 1
        if screen_class is AssessScreen:
            assert app.screen.query_one(ProfileForm).query_one("#profile-name", Field).text \
                == "Robin"
        else:
            assert app.screen.query_one("#dream-job", Field).text == "Lighthouse keeper"
