"""Pilot tests of the interest check on Assess: thirty questions answered with single keys at full
speed, stopped or taken back, kept in the snapshot; Destination's fit follows it."""

from __future__ import annotations

from textual.widgets import Static

from careertui.model.assessment import current_snapshot
from careertui.model.interests import scores
from careertui.model.plan import Assessment
from careertui.roles import load_library
from careertui.screens.assess.interest_check import HINT, InterestCheckDialog
from tests.ui.conftest import SIZE, make_app
from tests.ui.test_destination import open_destination

SOCIAL = "1.B.1.d"


def answers_liking(facet_id: str) -> list[str]:
    """The keys that strongly like every question of `facet_id` and strongly dislike the rest."""
    interests = load_library().interests
    assert interests is not None
    return ["5" if q.facet.id == facet_id else "1" for q in interests.questions]


async def open_assess(app, pilot) -> None:
    await pilot.press("1")
    await app.workers.wait_for_complete()
    await pilot.pause()


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_thirty_keys_typed_at_once_take_the_check_and_keep_it_in_the_snapshot(
        demo_store):
    app = make_app(demo_store)
    before = current_snapshot(demo_store.all(Assessment))
    assert before is not None and not before.interest_check.answers
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        assert shown(app, "#assess-interests") == HINT
        await pilot.press("i")
        assert isinstance(app.screen, InterestCheckDialog)
        await pilot.press(*answers_liking(SOCIAL))  # no pause between them
        await pilot.pause()
        assert not isinstance(app.screen, InterestCheckDialog)
        summary = shown(app, "#assess-interests")
        assert summary.startswith("Interests (1-7): Social 7.0 · ")
    snapshot = current_snapshot(demo_store.all(Assessment))
    assert snapshot is not None and snapshot.id == before.id  # the current one, not a new one
    assert len(snapshot.interest_check.answers) == 30
    assert snapshot.interest_check.taken_on is not None
    assert snapshot.ratings == before.ratings  # the rest of the snapshot is untouched


async def test_escape_stops_the_check_keeping_nothing_and_backspace_changes_an_answer(
        demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        await pilot.press("i", "5", "5", "escape")
        assert not isinstance(app.screen, InterestCheckDialog)
        assert not current_snapshot(demo_store.all(Assessment)).interest_check.answers
        keys = answers_liking(SOCIAL)
        # The first answer given as 1, then taken back and given as 5, with the 2 on the way.
        await pilot.press("i", "1", "2", "backspace", "backspace", "5", *keys[1:])
        await pilot.pause()
        await pilot.press("1")  # a digit on Assess again switches the step
        assert app.current_mode == "assess"
    check = current_snapshot(demo_store.all(Assessment)).interest_check
    assert check.answers[0].answer == 5 and [a.answer for a in check.answers[1:]] == [
        int(key) for key in keys[1:]]


async def test_destination_shows_the_fit_once_the_check_is_taken(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        fit = shown(app, ".role-fit")
        assert fit == "Fit with your interests: take the interest check in step 1 (i)."
        await pilot.press("escape")  # out of the field Destination opens in
        await open_assess(app, pilot)
        await pilot.press("i", *answers_liking(SOCIAL))
        await pilot.pause()
        await open_destination(app, pilot)
        fit = shown(app, ".role-fit")
        check = current_snapshot(demo_store.all(Assessment)).interest_check
        expected = load_library().interests.fit_words(  # type: ignore[union-attr]
            demo_store.get(type(app.screen.destination)).target_role_code, scores(check))
        assert fit == f"Fit: {expected}" and "interests " in fit and "%" in fit
