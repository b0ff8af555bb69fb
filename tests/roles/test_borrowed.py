"""Unrated occupations borrow the averaged ratings of their related rated occupations."""

from __future__ import annotations

import pytest

from careertui.model.gaps import role_gaps
from careertui.roles import RoleLibrary, load_library
from tests.roles.test_source import table


@pytest.fixture(scope="module")
def library() -> RoleLibrary:
    return load_library()


def test_software_developers_borrow_a_full_requirement_list_with_its_sources(library):
    developers = library.occupation("15-1252.00")
    assert not developers.rated and not developers.ratings
    assert [o.code for o in developers.borrowed_from] == [
        "15-1299.08", "15-1251.00", "15-1211.00"]
    assert developers.borrowed_note == (
        "requirements borrowed from Computer Systems Engineers/Architects, Computer "
        "Programmers and Computer Systems Analysts")
    assert len(developers.requirements) >= min(len(o.ratings) for o in developers.borrowed_from) - 5
    programming = developers.requirements["2.B.3.e"]
    sources = [o.ratings["2.B.3.e"] for o in developers.borrowed_from]
    assert programming.level == round(sum(r.level for r in sources) / 3, 2)
    assert programming.importance == round(sum(r.importance for r in sources) / 3, 2)
    assert len(role_gaps(library, developers, [])) == len(developers.requirements)


def test_a_rated_occupation_borrows_nothing(library):
    nurses = library.occupation("29-1141.00")
    assert nurses.rated and nurses.borrowed_from == () and nurses.borrowed_note == ""
    assert nurses.requirements is nurses.ratings
    assert all(not o.borrowed_from for o in library.occupations if o.rated)


def test_sources_are_the_primary_related_rated_occupations_in_their_order(library):
    related: dict[str, list[tuple[int, str]]] = {}
    for row in table("Related Occupations.txt"):
        if row["Relatedness Tier"].startswith("Primary"):
            related.setdefault(row["O*NET-SOC Code"], []).append(
                (int(row["Index"]), row["Related O*NET-SOC Code"]))
    borrowing = [o for o in library.occupations if o.borrowed_from]
    assert len(borrowing) > 40
    for occupation in borrowing:
        sources = [o.code for o in occupation.borrowed_from]
        assert 1 <= len(sources) <= 3 and all(o.rated for o in occupation.borrowed_from)
        if occupation.code in related:
            rated = [c for _, c in sorted(related[occupation.code])
                     if library.occupation(c).rated]
            assert sources == rated[:3]
        else:  # no related occupations: the closest rated ones of its SOC family
            assert sources == [o.code for o in library.closest_rated(occupation.code, 3)]


def test_an_occupation_with_nothing_to_borrow_has_no_requirements(library):
    infantry = library.occupation("55-1016.00")
    assert not infantry.rated and not infantry.borrowed_from
    assert not infantry.requirements and role_gaps(library, infantry, []) == []


def test_most_sources_decide_relevance_and_any_decides_precision(library):
    for occupation in (o for o in library.occupations if o.borrowed_from):
        sources = occupation.borrowed_from
        for element in library.skills + library.knowledge:
            counted = sum(element.id in s.ratings for s in sources)
            assert (element.id in occupation.requirements) == (2 * counted >= len(sources))
            if element.id in occupation.requirements:
                low = any(element.id in s.ratings and s.ratings[element.id].low_precision
                          for s in sources)
                if low:  # (a source's level that is no requirement of it can be one too)
                    assert occupation.requirements[element.id].low_precision
