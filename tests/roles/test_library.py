"""Role library behaviour: search, closest rated roles, lookups, caching, and no UI imports."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careertui.roles import Occupation, RoleLibrary, load_library
from careertui.roles.library import DATA_PATH


@pytest.fixture(scope="module")
def library() -> RoleLibrary:
    return load_library()


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))


def has_word_starting(text: str, prefix: str) -> bool:
    return any(word.startswith(prefix) for word in words_of(text))


def test_unrated_software_developers_are_searchable(library):
    developers = library.occupation("15-1252.00")
    assert developers.title == "Software Developers"
    assert not developers.rated and len(developers.ratings) == 0
    assert developers in library.search("software developers")
    assert library.search("soft dev")[0] == developers
    assert library.search("SOFTWARE Developers") == library.search("software developers")


def test_closest_rated_is_the_nearest_soc_family_first(library):
    closest = library.closest_rated("15-1252.00")
    assert [o.code for o in closest][:1] == ["15-1251.00"]
    assert len(closest) == 5
    assert all(o.rated and o.code != "15-1252.00" for o in closest)

    def shared(o: Occupation) -> int:
        return next(n for n in (7, 6, 5, 3, 0) if o.code[:n] == "15-1252.00"[:n])

    assert [shared(o) for o in closest] == sorted((shared(o) for o in closest), reverse=True)
    assert shared(closest[-1]) >= 3
    for tier in {shared(o) for o in closest}:
        codes = [o.code for o in closest if shared(o) == tier]
        assert codes == sorted(codes)


def test_closest_rated_edge_cases(library):
    assert library.closest_rated("15-1252.00", limit=2) == library.closest_rated("15-1252.00")[:2]
    assert library.closest_rated("15-1252.00", limit=0) == []
    assert library.closest_rated("99-9999.99") == []
    assert library.closest_rated("") == []
    # a detailed occupation's siblings (11-1011.xx) come before the rest of its broad group
    assert library.closest_rated("11-1011.03")[0].code == "11-1011.00"


def titles_of(occupation: Occupation) -> list[str]:
    return [occupation.title, *occupation.titles]


def test_nurse_search(library):
    results = library.search("nurse", limit=100)
    assert results[0].title == "Registered Nurses"
    assert {"Nurse Practitioners", "Licensed Practical and Licensed Vocational Nurses"} <= {
        o.title for o in results}
    for occupation in results:
        assert any(has_word_starting(text, "nurse")
                   for text in [*titles_of(occupation), occupation.description])


def test_a_match_says_which_title_matched(library):
    first = library.find("RN")[0]
    assert (first.occupation.code, first.title, first.typo) == ("29-1141.00", "RN", False)
    official = library.find("registered nurses")[0]
    assert (official.occupation.code, official.title) == ("29-1141.00", None)
    assert library.find("nrse")[0].typo


def test_title_matches_rank_before_description_matches(library):
    results = library.search("software", limit=100)
    in_title = [any(has_word_starting(t, "software") for t in titles_of(o)) for o in results]
    assert True in in_title and False in in_title
    assert in_title == sorted(in_title, reverse=True)


def test_an_exact_title_beats_a_longer_one(library):
    assert library.search("product manager")[0].code == "11-2021.00"  # Marketing Managers
    assert library.search("production manager")[0].code != "11-2021.00"


def test_code_prefix_search(library):
    results = library.search("15-12", limit=100)
    codes = [o.code for o in results]
    assert codes == sorted(codes) and all(c.startswith("15-12") for c in codes)
    assert len(codes) == sum(o.code.startswith("15-12") for o in library.occupations)
    assert library.search("29-1141.00")[0].title == "Registered Nurses"


def test_empty_and_limited_searches(library):
    assert library.search("") == []
    assert library.search("   ") == []
    assert library.search("--") == []
    assert library.search("qqqzzz") == []
    assert len(library.search("a", limit=7)) == 7
    assert len(library.search("a")) == 20
    assert library.search("nurse", limit=0) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aeinorstu -'1", max_size=12))
def test_every_result_matches_every_word(library, text):
    matches = library.find(text, limit=2000)
    query = " ".join(text.lower().split())
    for match in matches:
        occupation = match.occupation
        if match.typo or occupation.code.startswith(query):
            continue
        texts = [match.title or occupation.title, f"{occupation.title} {occupation.description}"]
        assert any(all(has_word_starting(t, w.rstrip("s") if len(w) > 3 else w)
                       for w in words_of(query)) for t in texts)
    assert len(matches) == len({m.occupation.code for m in matches})


def test_search_is_fast(library):
    queries = ["nurse", "soft dev", "a", "e", "manager", "15-1", "data analyst", "chief",
               "nrse", "RN", "product manager", "sofware enginer"] * 10
    library.search("warm up")
    start = time.perf_counter()
    for query in queries:
        library.search(query)
    # About 2-4 ms each on a busy 2-core machine; the margin is for a loaded test run.
    assert (time.perf_counter() - start) / len(queries) < 0.01


def test_lookups(library):
    programming = library.element("2.B.3.e")
    assert (programming.name, programming.domain) == ("Programming", "skill")
    with pytest.raises(KeyError):
        library.element("9.Z")
    with pytest.raises(KeyError):
        library.anchors("9.Z")
    assert library.occupation("00-0000.00") is None
    anchors = library.anchors("2.B.3.e")
    assert anchors and anchors == sorted(anchors)
    assert all(0 <= value <= 7 and text for value, text in anchors)


def test_ratings_are_on_their_scales(library):
    rated = [o for o in library.occupations if o.rated]
    ids = {e.id for e in library.skills + library.knowledge}
    for occupation in rated:
        assert set(occupation.ratings) <= ids  # less the levels O*NET marks not relevant
        for rating in occupation.ratings.values():
            assert 1 <= rating.importance <= 5 and 0 <= rating.level <= 7


def test_occupations_are_values(library):
    nurses = library.occupation("29-1141.00")
    assert nurses == load_library(DATA_PATH).occupation("29-1141.00")
    assert len({nurses, library.occupation("29-1141.00")}) == 1
    assert isinstance(nurses.hot_technologies, tuple)


def test_load_library_is_cached_only_for_the_shipped_file():
    assert load_library() is load_library()
    assert load_library(DATA_PATH) is not load_library()


def test_roles_import_no_textual():
    code = ("import careertui.roles, sys; "
            "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True)
