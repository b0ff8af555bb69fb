"""The shipped O*NET role library: dataclasses, a loader for onet.json.gz, and occupation search."""

from __future__ import annotations

import functools
import gzip
import json
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from careertui.model.labels import listed
from careertui.roles.interest_data import InterestData
from careertui.roles.search import TitleIndex, search_form

DATA_PATH = Path(__file__).with_name("onet.json.gz")

# Closest-role tiers: leading characters of the O*NET-SOC code shared with the role asked about,
# i.e. the same detailed occupation (15-1299), broad occupation (15-129), minor group (15-12)
# and major group (15-).
_FAMILY_PREFIXES = (7, 6, 5, 3)


def closest_codes(codes: Sequence[str], rated: set[str], code: str, limit: int) -> list[str]:
    """Rated codes of the same SOC family as `code` (sorted `codes`), nearest group first."""
    closest: list[str] = []
    if limit <= 0 or code not in codes:
        return closest
    seen = {code}
    for size in _FAMILY_PREFIXES:
        for other in codes:
            if other in rated and other.startswith(code[:size]) and other not in seen:
                seen.add(other)
                closest.append(other)
                if len(closest) == limit:
                    return closest
    return closest


@dataclass(frozen=True, slots=True)
class Element:
    """A skill or knowledge element of the O*NET content model."""

    id: str
    name: str
    category: str
    domain: str  # "skill" or "knowledge"
    description: str


@dataclass(frozen=True, slots=True)
class Rating:
    """How important an element is to an occupation (IM, 1-5) and at what level (LV, 0-7).

    `low_precision`: O*NET recommends suppressing the importance or the level (too few
    respondents or too large an error), so the number is only a rough guide.
    """

    importance: float
    level: float
    low_precision: bool = False


class _Ratings(Mapping[str, Rating]):
    """Element id -> Rating over the compact arrays, so loading builds no per-element objects.

    The levels O*NET marks "Not Relevant" to the occupation are left out: they are no
    requirement of it.
    """

    __slots__ = ("_index", "_importance", "_level", "_left_out", "_low", "_length")

    def __init__(self, index: Mapping[str, int], importance: Iterable[float],
                 level: Iterable[float], not_relevant: Iterable[int] = (),
                 low_precision: Iterable[int] = ()):
        self._index = index  # shared by every occupation: the elements' positions
        # Machine floats, not Python ones: a third of the library's memory went to these.
        self._importance = array("d", importance)
        self._level = array("d", level)
        self._left_out = frozenset(not_relevant)
        self._low = frozenset(low_precision)
        self._length = sum(1 for i in index.values() if i not in self._left_out)

    def __getitem__(self, element_id: str) -> Rating:
        i = self._index[element_id]
        if i in self._left_out:
            raise KeyError(element_id)
        return Rating(self._importance[i], self._level[i], i in self._low)

    def __iter__(self) -> Iterator[str]:
        left_out = self._left_out
        return (key for key, i in self._index.items() if i not in left_out)

    def __len__(self) -> int:
        return self._length

    def __repr__(self) -> str:
        return f"_Ratings({len(self)} elements)"

    def importance_and_level(self) -> Iterator[tuple[str, float, float]]:
        """(element id, importance, level) of each rating, without making a Rating of each."""
        importance, level, left_out = self._importance, self._level, self._left_out
        return ((key, importance[i], level[i]) for key, i in self._index.items()
                if i not in left_out)


def importance_and_level(requirements: Mapping[str, Rating]) -> Iterator[tuple[str, float, float]]:
    """(element id, importance, level) of each of an occupation's requirements."""
    if isinstance(requirements, _Ratings):
        return requirements.importance_and_level()
    return ((key, rating.importance, rating.level) for key, rating in requirements.items())


_NO_RATINGS: Mapping[str, Rating] = _Ratings({}, [], [])


@dataclass(frozen=True, slots=True)
class Occupation:
    """An O*NET-SOC occupation; ratings is empty for the occupations O*NET has not rated.

    An unrated one borrows the averaged ratings of related rated occupations (`borrowed_from`,
    see build.build_borrowed), when it has any: `requirements` is what the gap analysis uses.
    """

    code: str
    title: str
    description: str
    job_zone: int | None
    education_level: int | None
    hot_technologies: tuple[str, ...]
    ratings: Mapping[str, Rating] = field(hash=False)
    # Its alternate and reported titles, one a line: one text, not thousands of little ones.
    title_lines: str = field(default="", hash=False, repr=False)
    tasks: tuple[str, ...] = field(default=(), hash=False, repr=False)  # its main tasks
    borrowed: Mapping[str, Rating] = field(default_factory=dict, hash=False, repr=False)
    borrowed_from: tuple[Occupation, ...] = field(default=(), hash=False, repr=False)

    @property
    def titles(self) -> tuple[str, ...]:
        """Its alternate and reported titles."""
        return tuple(self.title_lines.split("\n")) if self.title_lines else ()

    @property
    def rated(self) -> bool:
        """Whether O*NET rates this occupation itself."""
        return bool(self.ratings)

    @property
    def requirements(self) -> Mapping[str, Rating]:
        """Its own ratings, or those it borrows; empty when it has neither."""
        return self.ratings or self.borrowed

    @property
    def borrowed_note(self) -> str:
        """"requirements borrowed from A, B and C", or "" when it borrows none."""
        names = [source.title for source in self.borrowed_from]
        if not names:
            return ""
        return f"requirements borrowed from {listed(names)}"


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A search result: `title` is the other title that matched ("RN"), None when the
    official title, the description or the code did; `typo` when a typed word was corrected."""

    occupation: Occupation
    title: str | None = None
    typo: bool = False


@dataclass(frozen=True, slots=True)
class JobZone:
    """An O*NET job zone: how much preparation a group of occupations needs."""

    zone: int
    name: str
    short: str
    education: str


class RoleLibrary:
    """Elements, occupations and reference scales of one O*NET release, with search."""

    def __init__(
        self,
        *,
        skills: tuple[Element, ...],
        knowledge: tuple[Element, ...],
        occupations: tuple[Occupation, ...],
        anchors: Mapping[str, list[tuple[float, str]]],
        education_levels: dict[int, str],
        education_descriptions: dict[int, str],
        job_zones: dict[int, JobZone],
        attribution: str,
        release: str,
        search_lines: Mapping[str, str],
        vocabulary: str,
        interests: InterestData | None = None,
    ):
        """`search_lines`: code -> the search forms of its official title and `titles`, one a
        line (build.search_lines); `vocabulary`: every search word, sorted, space-separated."""
        self.skills = skills
        self.knowledge = knowledge
        self.occupations = tuple(sorted(occupations, key=lambda o: o.code))
        self.education_levels = education_levels
        self.education_descriptions = education_descriptions
        self.job_zones = job_zones
        self.attribution = attribution
        self.release = release
        self.interests = interests  # None for a library built without them
        self._elements = {e.id: e for e in skills + knowledge}
        self._anchors = {key: sorted(value) for key, value in anchors.items()}
        self._by_code = {o.code: o for o in self.occupations}
        lower = [o.title.lower() for o in self.occupations]
        by_title = sorted(range(len(lower)), key=lambda i: (len(lower[i]), lower[i], i))
        rank = [0] * len(by_title)
        for position, i in enumerate(by_title):
            rank[i] = position
        self._index = TitleIndex(
            [o.code for o in self.occupations],
            [search_lines.get(o.code) or search_form(o.title) for o in self.occupations],
            [f"{o.title} {o.description}" for o in self.occupations],
            rank, vocabulary)

    def element(self, element_id: str) -> Element:
        """The skill or knowledge element with this id; KeyError if unknown."""
        return self._elements[element_id]

    def occupation(self, code: str) -> Occupation | None:
        return self._by_code.get(code)

    def anchors(self, element_id: str) -> list[tuple[float, str]]:
        """(level, example) anchors of an element's LV scale, lowest first; KeyError if unknown."""
        self.element(element_id)
        return list(self._anchors.get(element_id, []))

    def find(self, text: str, limit: int = 20) -> list[RoleMatch]:
        """Occupations matching `text`: a code prefix, then titles (official, alternate,
        reported, short), then descriptions; typos are corrected (see search.TitleIndex)."""
        matches = []
        for hit in self._index.find(text, limit):
            occupation = self.occupations[hit.index]
            title = occupation.titles[hit.line - 1] if hit.line else None
            matches.append(RoleMatch(occupation, title, hit.typo))
        return matches

    def search(self, text: str, limit: int = 20) -> list[Occupation]:
        """The occupations of `find`."""
        return [match.occupation for match in self.find(text, limit)]

    def closest_rated(self, code: str, limit: int = 5) -> list[Occupation]:
        """Rated occupations of the same SOC family as `code`, nearest group first, then by code."""
        rated = {o.code for o in self.occupations if o.rated}
        return [self._by_code[c]
                for c in closest_codes(list(self._by_code), rated, code, limit)]


def from_payload(payload: dict[str, Any]) -> RoleLibrary:
    """Build a RoleLibrary from the decoded JSON that careertui.roles.build writes."""
    elements = [Element(**e) for e in payload["elements"]]
    index = {e.id: i for i, e in enumerate(elements)}

    def ratings(arrays: dict[str, Any] | None) -> Mapping[str, Rating]:
        if not arrays:
            return _NO_RATINGS
        return _Ratings(index, arrays["importance"], arrays["level"],
                        arrays.get("not_relevant", ()), arrays.get("low_precision", ()))

    by_code = {
        o["code"]: Occupation(
            code=o["code"],
            title=o["title"],
            description=o["description"],
            job_zone=o["job_zone"],
            education_level=o["education_level"],
            hot_technologies=tuple(o["hot_technologies"]),
            ratings=ratings(o if "importance" in o else None),
            title_lines=o["titles"],
            tasks=tuple(o["tasks"]),
            borrowed=ratings(o.get("borrowed")),
        )
        for o in payload["occupations"]
    }
    for o in payload["occupations"]:
        if "borrowed" in o:
            sources = tuple(by_code[code] for code in o["borrowed"]["sources"])
            by_code[o["code"]] = replace(by_code[o["code"]], borrowed_from=sources)
    levels = payload["education_levels"]
    return RoleLibrary(
        skills=tuple(e for e in elements if e.domain == "skill"),
        knowledge=tuple(e for e in elements if e.domain == "knowledge"),
        occupations=tuple(by_code.values()),
        anchors={key: [(float(value), text) for value, text in anchors]
                 for key, anchors in payload["anchors"].items()},
        education_levels={level["category"]: level["label"] for level in levels},
        education_descriptions={level["category"]: level["description"] for level in levels},
        job_zones={z["zone"]: JobZone(**z) for z in payload["job_zones"]},
        attribution=payload["source"]["attribution"],
        release=payload["source"]["release"],
        search_lines={o["code"]: o["search"] for o in payload["occupations"]},
        vocabulary=payload["vocabulary"],
        interests=InterestData(payload["interests"]) if "interests" in payload else None,
    )


def load_library(path: Path | None = None) -> RoleLibrary:
    """The role library from `path`, or the shipped one (read once, then cached)."""
    return _load_shipped() if path is None else _load(path)


@functools.cache
def _load_shipped() -> RoleLibrary:
    return _load(DATA_PATH)


def _load(path: Path) -> RoleLibrary:
    return from_payload(json.loads(gzip.decompress(Path(path).read_bytes())))
