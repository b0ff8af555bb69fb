"""Rated skills and knowledge areas are counted apart, as step 1 and the overview name them."""

from __future__ import annotations

from datetime import date

from careertui.model.assessment import (
    ONET_KNOWLEDGE,
    ONET_SKILLS,
    domain_of,
    rated_counts,
)
from careertui.model.overview import assess_completion
from careertui.model.plan import Assessment, Experience, Plan, SkillRating
from careertui.roles import load_library

TODAY = date(2026, 11, 23)


def test_the_domain_rule_agrees_with_the_role_library():
    library = load_library()
    assert (len(library.skills), len(library.knowledge)) == (ONET_SKILLS, ONET_KNOWLEDGE)
    for element in (*library.skills, *library.knowledge):
        assert domain_of(element.id) == element.domain, element
    assert domain_of("custom:abc") == "custom"


def test_counts_name_skills_and_knowledge_apart():
    ratings = [SkillRating("2.A.1.a", "Reading", 3.0), SkillRating("2.B.1.a", "Social", 2.0),
               SkillRating("2.C.1.a", "Admin", 4.0), SkillRating("custom:1", "Baking", 5.0)]
    counts = rated_counts(Assessment(TODAY, ratings))
    assert (counts.skills, counts.knowledge, counts.own) == (2, 1, 1)
    assert counts.describe() == "2 of 35 skills rated, 1 of 33 knowledge areas rated"
    assert rated_counts(None).describe() == "0 of 35 skills rated, 0 of 33 knowledge areas rated"


def test_knowledge_ratings_do_not_complete_the_skills():
    """26 skills and 12 knowledge areas rated is not all 35 skills."""
    skills = [SkillRating(f"2.A.{i}", "s", 3.0) for i in range(26)]
    knowledge = [SkillRating(f"2.C.{i}", "k", 3.0) for i in range(12)]
    snapshot = Assessment(TODAY, skills + knowledge, strengths="a", excel_at="b",
                          struggle_with="c", motivators="d", experiences=[Experience("Analyst")])
    assert assess_completion(Plan(assessments=[snapshot])) == (26 / 35 + 12 / 33 + 1 + 1) / 4
    every = [SkillRating(f"2.A.{i}", "s", 1.0) for i in range(35)]
    every += [SkillRating(f"2.C.{i}", "k", 1.0) for i in range(33)]
    snapshot.ratings = every
    assert assess_completion(Plan(assessments=[snapshot])) == 1.0
