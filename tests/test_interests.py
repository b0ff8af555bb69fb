"""The interest check: its questions come from O*NET's illustrative activities and work values,
its answers score the RIASEC types as O*NET defines them, and an occupation's fit says why."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import pytest

from careertui.model.integrity import plan_problems
from careertui.model.interests import Fit, fit, parse_answer, ranked, scores
from careertui.model.plan import Assessment, InterestAnswer, InterestCheck, Plan
from careertui.model.validation import Invalid
from careertui.roles import load_library
from tests.conftest import TODAY

ONET = Path(__file__).resolve().parent / "data" / "onet-29.3"
SOCIAL, REALISTIC = "1.B.1.d", "1.B.1.a"


def source(name: str) -> list[dict[str, str]]:
    text = gzip.decompress((ONET / f"{name}.gz").read_bytes()).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter="\t"))


@pytest.fixture(scope="module")
def data():
    interests = load_library().interests
    assert interests is not None
    return interests


def check_liking(data, liked: set[str], disliked_answer: int = 1) -> InterestCheck:
    """Strongly like every question of the facets `liked`, the others `disliked_answer`."""
    return InterestCheck(TODAY, [InterestAnswer(q.item, 5 if q.facet.id in liked else
                                                disliked_answer) for q in data.questions])


def test_the_questions_are_o_nets_general_activities_and_its_six_work_values(data):
    general = [(row["Element ID"], row["Activity"])
               for row in source("Interests Illustrative Activities.txt")
               if row["Interest Type"] == "General"]
    activities = [(q.facet.id, q.text) for q in data.questions if not q.is_value]
    assert activities == general and len(general) == 24
    values = [q for q in data.questions if q.is_value]
    assert [q.facet.name for q in values] == ["Achievement", "Working Conditions", "Recognition",
                                              "Relationships", "Support", "Independence"]
    assert len(data.questions) == 30 and len({q.item for q in data.questions}) == 30
    model = {row["Element ID"]: row["Description"]
             for row in source("Content Model Reference.txt")}
    for facet in (*data.types, *data.values):  # O*NET's definitions, needs list aside
        assert model[facet.id].startswith(facet.description)
    assert [t.name for t in data.types] == ["Realistic", "Investigative", "Artistic", "Social",
                                           "Enterprising", "Conventional"]


def test_occupation_scores_are_o_nets(data):
    rows = {(row["O*NET-SOC Code"], row["Element ID"]): float(row["Data Value"])
            for row in source("Interests.txt") if row["Scale ID"] == "OI"}
    for facet, score in data.interest_scores("25-2031.00"):
        assert score == rows["25-2031.00", facet]
    assert data.interest_scores("99-9999.99") == []


def test_answers_score_each_type_on_o_nets_one_to_seven_scale(data):
    yours = scores(check_liking(data, {SOCIAL}))
    assert yours[SOCIAL] == 7.0 and yours[REALISTIC] == 1.0
    assert ranked(yours, {t.id: t.name for t in data.types})[0] == ("Social", 7.0)
    unsure = scores(check_liking(data, set(), disliked_answer=3))
    assert set(unsure.values()) == {4.0}  # the middle of both scales


def test_a_social_person_fits_a_social_occupation_and_says_why(data):
    yours = scores(check_liking(data, {SOCIAL, "1.B.1.e"}))  # Social and Enterprising
    teacher = data.interest_fit("25-3021.00", yours)  # Self-Enrichment Teachers: Social first
    collector = data.interest_fit("53-7081.00", yours)  # Refuse collectors: Realistic first
    assert teacher is not None and collector is not None
    assert "Social" in teacher.matched and teacher.percent > collector.percent
    assert collector.low_for_you[0] == "Realistic"
    assert collector.words().startswith("Realistic and ")  # its main types, highest first
    assert collector.words().endswith(" are low for you")


def test_fit_in_words():
    names = {"a": "Social", "b": "Enterprising", "c": "Conventional"}
    found = fit({"a": 6.0, "b": 5.0, "c": 2.0}, [("a", 6.0), ("b", 5.5), ("c", 4.5)], names)
    assert found == Fit(83, ("Social", "Enterprising"), ("Conventional",))  # 1 level apart
    assert found.words() == "Social and Enterprising match; Conventional is low for you"
    assert fit({}, [("a", 6.0)], names) is None  # nothing answered: no fit to show
    assert fit({"a": 1.0}, [("a", 7.0)], names) == Fit(0, (), ("Social",))


def test_an_answer_outside_one_to_five_is_refused_where_it_is_stored():
    assert parse_answer(" 4 ") == 4
    for bad in ("0", "6", "2.5", "", "x"):
        with pytest.raises(Invalid):
            parse_answer(bad)
    snapshot = Assessment(TODAY, interest_check=InterestCheck(
        TODAY, [InterestAnswer("1.B.1.a:1", 9), InterestAnswer("", 3)]))
    problems = plan_problems(Plan(assessments=[snapshot]))
    assert problems[0] == ("assessments[0].interest_check.answers[0].answer: An answer is a "
                           "whole number from 1 to 5.")
    assert problems[1].startswith("assessments[0].interest_check.answers[1].item: The item")
    assert len(problems) == 2
