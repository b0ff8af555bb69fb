"""Pilot tests of the mentor's view: Assess lists the largest disagreements first, and Gaps ranks
by your levels, your mentor's or their mean (m), refusing to rate while it shows theirs."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Static

from careertui.model.assessment import current_snapshot
from careertui.model.mentor import VIEW_LABELS, RatingView
from careertui.model.plan import Assessment, MentorRating, MentorView
from careertui.screens.assess.snapshot_edits import NO_MENTOR_VIEW
from careertui.screens.gaps.gap_table import GapTable
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, make_app
from tests.ui.test_gaps import open_gaps
from tests.ui.test_interest_check import open_assess

NEGOTIATION = "2.B.1.d"


def with_mentor_view(store) -> float:
    """The demo's current snapshot with a mentor's view: Negotiation rated 5.5 by them."""
    snapshot = current_snapshot(store.all(Assessment))
    yours = next(r.level for r in snapshot.ratings if r.key == NEGOTIATION)
    store.save(replace(snapshot, mentor_view=MentorView("Priya Shah", TODAY, [
        MentorRating(NEGOTIATION, "Negotiation", 5.5, "Strong in vendor talks")])))
    return yours


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_assess_lists_the_largest_disagreements_first(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        assert shown(app, "#assess-mentor") == NO_MENTOR_VIEW
    yours = with_mentor_view(demo_store)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        assert shown(app, "#assess-mentor") == (
            f"Priya Shah rated 1 skill on {TODAY}; you disagree most on: "
            f"you {yours:.1f}, mentor 5.5: Negotiation")


async def test_m_ranks_the_gaps_by_your_mentors_levels_then_the_mean(demo_store):
    yours = with_mentor_view(demo_store)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_gaps(app, pilot)
        table = screen.query_one(GapTable)

        def negotiation() -> float:
            return next(gap.current for gap in screen._gaps if gap.key == NEGOTIATION)

        assert negotiation() == yours
        assert VIEW_LABELS[RatingView.SELF] in shown(app, "#gaps-compare")
        await pilot.press("m")
        await pilot.pause()
        assert negotiation() == 5.5
        assert VIEW_LABELS[RatingView.MENTOR] in shown(app, "#gaps-compare")
        table.focus()
        before = current_snapshot(demo_store.all(Assessment))
        await pilot.press("right")  # no rating while the table shows the mentor's levels
        assert current_snapshot(demo_store.all(Assessment)) == before
        await pilot.press("m")
        await pilot.pause()
        assert negotiation() == (yours + 5.5) / 2
        await pilot.press("m")
        await pilot.pause()
        assert negotiation() == yours


async def test_m_without_a_mentor_view_says_how_to_get_one(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_gaps(app, pilot)
        before = [gap.current for gap in screen._gaps]
        await pilot.press("m")
        await pilot.pause()
        assert [gap.current for gap in screen._gaps] == before
        assert any("No mentor view yet" in str(n.message) for n in app._notifications)
