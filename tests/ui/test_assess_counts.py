"""Step 1 and the overview count rated skills and knowledge areas apart, and say which."""

from __future__ import annotations

from careertui.model.assessment import current_snapshot
from careertui.model.plan import Assessment, SkillRating
from careertui.screens.overview import StepBars
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, make_app, text
from tests.ui.test_assess import open_assess


def plan_with(empty_store, skills: int, knowledge: int) -> None:
    ratings = [SkillRating(f"2.A.1.{chr(97 + i)}", "s", 3.0) for i in range(skills)]
    ratings += [SkillRating(f"2.C.1.{chr(97 + i)}", "k", 3.0) for i in range(knowledge)]
    empty_store.save(Assessment(TODAY, ratings, strengths="a", excel_at="b",
                                struggle_with="c", motivators="d"))


async def test_knowledge_ratings_are_not_counted_as_skills(empty_store):
    plan_with(empty_store, skills=6, knowledge=9)  # 15 ratings, only 6 of them skills
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        # Overview: 6/35 skills, 9/33 knowledge, 4/4 reflections, no experience.
        share = (6 / 35 + 9 / 33 + 1 + 0) / 4
        width = app.screen.query_one(StepBars).bar_width
        filled = round(share * width)
        bar = f"1 Assess       {'█' * filled}{'░' * (width - filled)} {share:4.0%}"
        assert bar in text(app, "#overview-steps")
        await open_assess(app, pilot)
        status = text(app, "#assess-status")
        assert "6 of 35 skills rated, 9 of 33 knowledge areas rated" in status
        assert len(current_snapshot(empty_store.all(Assessment)).ratings) == 15
