"""The shipped role library matches the O*NET text files it is built from."""

from __future__ import annotations

import csv
import functools
import gzip
import io
from collections import defaultdict
from pathlib import Path

import pytest

from careertui.roles import load_library
from careertui.roles.build import ABBREVIATIONS, build
from careertui.roles.library import DATA_PATH
from careertui.roles.search import search_form

# The O*NET release the library is built from, committed with the tests (gzipped tables).
ONET = Path(__file__).resolve().parents[1] / "data" / "onet-29.3"
CODES = ["11-1011.00", "29-1141.00", "15-1251.00", "47-4011.00"]


@functools.cache  # read-only rows, shared by the parametrized tests
def table(name: str) -> list[dict[str, str]]:
    text = gzip.decompress((ONET / f"{name}.gz").read_bytes()).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter="\t"))


@pytest.fixture(scope="module")
def library():
    return load_library()


@functools.cache
def source_rows() -> dict[str, dict[tuple[str, str], dict[str, str]]]:
    """code -> (element id, scale) -> its row, for every rated code of Skills and Knowledge."""
    rows: dict[str, dict[tuple[str, str], dict[str, str]]] = defaultdict(dict)
    for name in ("Skills.txt", "Knowledge.txt"):
        for row in table(name):
            rows[row["O*NET-SOC Code"]][row["Element ID"], row["Scale ID"]] = row
    return rows


@pytest.fixture(scope="module")
def source_ratings() -> dict[str, dict[tuple[str, str], float]]:
    """code -> (element id, scale) -> value, for every rated code of Skills and Knowledge."""
    return {code: {key: float(row["Data Value"]) for key, row in rows.items()}
            for code, rows in source_rows().items()}


@pytest.mark.parametrize("code", CODES)
def test_ratings_match_the_source(library, source_ratings, code):
    occupation = library.occupation(code)
    expected = source_ratings[code]
    rows = source_rows()[code]
    relevant = {element for element, scale in expected
                if scale == "LV" and rows[element, "LV"]["Not Relevant"] != "Y"}
    assert occupation.rated
    assert set(occupation.ratings) == relevant
    for element_id, rating in occupation.ratings.items():
        assert rating.importance == expected[element_id, "IM"]
        assert rating.level == expected[element_id, "LV"]
        assert rating.low_precision == any(
            rows[element_id, scale]["Recommend Suppress"] == "Y" for scale in ("IM", "LV"))


def test_a_level_o_net_marks_not_relevant_is_no_requirement(library):
    nurses = library.occupation("29-1141.00")
    assert source_rows()["29-1141.00"]["2.B.3.l", "LV"]["Not Relevant"] == "Y"  # Repairing
    assert "2.B.3.l" not in nurses.ratings
    listed = list(nurses.ratings)
    assert "2.B.3.l" not in listed and len(listed) == len(nurses.ratings)
    assert "2.A.1.a" in nurses.ratings  # Reading Comprehension is relevant
    levels = [row for rows in source_rows().values() for (_, scale), row in rows.items()
              if scale == "LV"]
    left_out = sum(1 for row in levels if row["Not Relevant"] == "Y")
    assert left_out > 1000
    assert sum(len(o.ratings) for o in library.occupations) == len(levels) - left_out


def test_low_precision_ratings_are_marked(library):
    marked = {(o.code, element) for o in library.occupations
              for element, rating in o.ratings.items() if rating.low_precision}
    expected = {(code, element) for code, rows in source_rows().items()
                for (element, scale), row in rows.items()
                if row["Recommend Suppress"] == "Y" and rows[element, "LV"]["Not Relevant"] != "Y"}
    assert marked == expected and len(marked) > 100


@pytest.mark.parametrize("code", CODES + ["15-1252.00"])
def test_title_job_zone_and_education_match_the_source(library, code):
    occupation = library.occupation(code)
    title = next(r["Title"] for r in table("Occupation Data.txt") if r["O*NET-SOC Code"] == code)
    zone = next(int(r["Job Zone"]) for r in table("Job Zones.txt") if r["O*NET-SOC Code"] == code)
    shares = {
        int(r["Category"]): float(r["Data Value"])
        for r in table("Education, Training, and Experience.txt")
        if r["O*NET-SOC Code"] == code and r["Scale ID"] == "RL"
    }
    assert occupation.title == title
    assert occupation.job_zone == zone
    if shares:
        top = max(shares.values())
        # a tie (47-4011.00: 36% each) goes to the lower category
        assert occupation.education_level == min(c for c, s in shares.items() if s == top)
    else:
        assert occupation.education_level is None


@pytest.mark.parametrize("code", CODES + ["15-1252.00"])
def test_hot_technologies_come_from_the_source(library, code):
    rows = [r for r in table("Technology Skills.txt")
            if r["O*NET-SOC Code"] == code and r["Hot Technology"] == "Y"]
    in_demand = {r["Example"] for r in rows if r["In Demand"] == "Y"}
    picked = library.occupation(code).hot_technologies
    assert len(picked) == len(set(picked)) == min(5, len({r["Example"] for r in rows}))
    assert set(picked) <= {r["Example"] for r in rows}
    flags = [name in in_demand for name in picked]
    assert flags == sorted(flags, reverse=True)  # in-demand first
    if len(in_demand) >= 5:
        assert set(picked) <= in_demand


def test_counts(library, source_ratings):
    codes = {r["O*NET-SOC Code"] for r in table("Occupation Data.txt")}
    assert len(library.occupations) == len(codes) == 1016
    assert {o.code for o in library.occupations} == codes
    rated = {o.code for o in library.occupations if o.rated}
    assert rated == set(source_ratings)
    assert len(rated) >= 870


def test_elements_match_the_content_model(library):
    model = {r["Element ID"]: r for r in table("Content Model Reference.txt")}
    for name, elements, domain in (("Skills.txt", library.skills, "skill"),
                                   ("Knowledge.txt", library.knowledge, "knowledge")):
        ids = list(dict.fromkeys(r["Element ID"] for r in table(name)))
        assert [e.id for e in elements] == ids
        for element in elements:
            assert element.domain == domain
            assert element.name == model[element.id]["Element Name"]
            assert element.description == model[element.id]["Description"]
            assert element.category
    assert (len(library.skills), len(library.knowledge)) == (35, 33)


@pytest.mark.parametrize("element_id, category", [
    ("2.A.1.a", "Basic Skills: Content"),
    ("2.A.2.a", "Basic Skills: Process"),
    ("2.B.1.a", "Social Skills"),
    ("2.B.2.i", "Complex Problem Solving Skills"),
    ("2.B.3.e", "Technical Skills"),
    ("2.B.4.e", "Systems Skills"),
    ("2.B.5.a", "Resource Management Skills"),
    ("2.C.1.a", "Business and Management"),
    ("2.C.3.a", "Engineering and Technology"),
    ("2.C.6", "Education and Training"),  # a knowledge area with no sub-elements
])
def test_element_categories(library, element_id, category):
    assert library.element(element_id).category == category


def test_anchors_match_the_source(library):
    for element in library.skills + library.knowledge:
        expected = sorted(
            (float(r["Anchor Value"]), r["Anchor Description"])
            for r in table("Level Scale Anchors.txt")
            if r["Element ID"] == element.id and r["Scale ID"] == "LV"
        )
        assert library.anchors(element.id) == expected


def test_education_levels_and_job_zones_match_the_source(library):
    categories = {int(r["Category"]): r["Category Description"]
                  for r in table("Education, Training, and Experience Categories.txt")
                  if r["Scale ID"] == "RL"}
    assert library.education_descriptions == categories
    assert sorted(library.education_levels) == list(range(1, 13))
    for level, label in library.education_levels.items():
        assert categories[level].startswith(label) and " - " not in label
    assert library.education_levels[2] == "High School Diploma"
    zones = {int(r["Job Zone"]): r for r in table("Job Zone Reference.txt")}
    assert sorted(library.job_zones) == [1, 2, 3, 4, 5]
    for number, zone in library.job_zones.items():
        assert (zone.zone, zone.name, zone.education) == (
            number, zones[number]["Name"], zones[number]["Education"])
    assert library.job_zones[4].short == "Considerable preparation"


def test_attribution_is_the_source_paragraph_as_plain_text(library):
    source = " ".join((ONET / "SOURCE.md").read_text(encoding="utf-8").split()).replace("\\*", "*")
    assert library.attribution in source
    assert library.attribution.startswith("This product includes information from the O*NET 29.3")
    assert library.attribution.endswith("(the conversion described below).")
    assert "\\" not in library.attribution and "CC BY 4.0" in library.attribution
    assert library.release == "O*NET 29.3"


def test_shipped_file_is_small():
    assert DATA_PATH.stat().st_size < 2_000_000


def test_build_is_deterministic_and_matches_the_shipped_file(tmp_path):
    first = build(ONET, tmp_path / "first.json.gz").read_bytes()
    second = build(ONET, tmp_path / "second.json.gz").read_bytes()
    assert first == second == DATA_PATH.read_bytes()


@pytest.mark.parametrize("code", CODES + ["15-1252.00"])
def test_main_tasks_are_the_first_core_tasks_of_the_source(library, code):
    rows = [r for r in table("Task Statements.txt") if r["O*NET-SOC Code"] == code]
    core = [r["Task"] for r in rows if r["Task Type"] == "Core"]
    untyped = [r["Task"] for r in rows if r["Task Type"] == "n/a"]
    assert library.occupation(code).tasks == tuple((core or untyped)[:5])
    assert len(library.occupation(code).tasks) == 5


@pytest.mark.parametrize("code", CODES + ["15-1252.00"])
def test_other_titles_are_the_alternate_short_and_reported_titles(library, code):
    occupation = library.occupation(code)
    alternate = [r for r in table("Alternate Titles.txt") if r["O*NET-SOC Code"] == code]
    source = {r["Alternate Title"] for r in alternate} | {
        r["Short Title"] for r in alternate if r["Short Title"] != "n/a"} | {
        r["Reported Job Title"] for r in table("Sample of Reported Titles.txt")
        if r["O*NET-SOC Code"] == code}
    assert set(occupation.titles) <= source | set(ABBREVIATIONS)
    forms = {search_form(t) for t in (occupation.title, *occupation.titles)}
    assert {search_form(t) for t in source} <= forms  # each, or one that reads the same
    assert len(forms) == len(occupation.titles) + 1
