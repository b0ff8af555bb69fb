"""The shipped O*NET role library: dataclasses, a loader for onet.json.gz, and occupation search."""

from __future__ import annotations

import functools
import gzip
import heapq
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA_PATH = Path(__file__).with_name("onet.json.gz")

# Closest-role tiers: leading characters of the O*NET-SOC code shared with the role asked about,
# i.e. the same detailed occupation (15-1299), broad occupation (15-129), minor group (15-12)
# and major group (15-).
_FAMILY_PREFIXES = (7, 6, 5, 3)
_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    """Lower-case words of a text; apostrophes are dropped so "Bachelor's" is one word."""
    return _WORD.findall(text.lower().replace("'", ""))


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

    __slots__ = ("_index", "_importance", "_level", "_low")

    def __init__(self, index: Mapping[str, int], importance: list[float], level: list[float],
                 not_relevant: Iterable[int] = (), low_precision: Iterable[int] = ()):
        left_out = set(not_relevant)
        self._index = ({key: i for key, i in index.items() if i not in left_out}
                       if left_out else index)
        self._importance = importance
        self._level = level
        self._low = frozenset(low_precision)

    def __getitem__(self, element_id: str) -> Rating:
        i = self._index[element_id]
        return Rating(self._importance[i], self._level[i], i in self._low)

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return f"_Ratings({len(self)} elements)"


_NO_RATINGS: Mapping[str, Rating] = _Ratings({}, [], [])


@dataclass(frozen=True, slots=True)
class Occupation:
    """An O*NET-SOC occupation; ratings is empty for the occupations O*NET has not rated."""

    code: str
    title: str
    description: str
    job_zone: int | None
    education_level: int | None
    hot_technologies: tuple[str, ...]
    ratings: Mapping[str, Rating] = field(hash=False)

    @property
    def rated(self) -> bool:
        return bool(self.ratings)


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
    ):
        self.skills = skills
        self.knowledge = knowledge
        self.occupations = tuple(sorted(occupations, key=lambda o: o.code))
        self.education_levels = education_levels
        self.education_descriptions = education_descriptions
        self.job_zones = job_zones
        self.attribution = attribution
        self.release = release
        self._elements = {e.id: e for e in skills + knowledge}
        self._anchors = {key: sorted(value) for key, value in anchors.items()}
        self._by_code = {o.code: o for o in self.occupations}
        # " word word ..." strings: `" " + prefix in text` is a fast "some word starts with prefix".
        self._title_words = [" " + " ".join(_words(o.title)) for o in self.occupations]
        self._all_words = [
            f"{t} {' '.join(_words(o.description))}"
            for t, o in zip(self._title_words, self.occupations, strict=True)
        ]
        self._lower_titles = [o.title.lower() for o in self.occupations]
        by_title = sorted(range(len(self.occupations)),
                          key=lambda i: (len(self._lower_titles[i]), self._lower_titles[i], i))
        self._title_rank = [0] * len(by_title)
        for rank, i in enumerate(by_title):
            self._title_rank[i] = rank

    def element(self, element_id: str) -> Element:
        """The skill or knowledge element with this id; KeyError if unknown."""
        return self._elements[element_id]

    def occupation(self, code: str) -> Occupation | None:
        return self._by_code.get(code)

    def anchors(self, element_id: str) -> list[tuple[float, str]]:
        """(level, example) anchors of an element's LV scale, lowest first; KeyError if unknown."""
        self.element(element_id)
        return list(self._anchors.get(element_id, []))

    def search(self, text: str, limit: int = 20) -> list[Occupation]:
        """Occupations whose title or description has a word starting with every query word,
        or whose code starts with the query; code matches first, then title matches."""
        query = " ".join(text.lower().split())
        if not query or limit <= 0:
            return []
        terms = [" " + w for w in _words(query)]
        matches = _narrow(range(len(self.occupations)), self._all_words, terms) if terms else []
        in_title = set(_narrow(matches, self._title_words, terms))
        titles = self._lower_titles
        # Sort keys: matches by words (1, ...) after those by code (0, ...).
        ranked: dict[int, tuple[int, ...]] = {
            i: (1, i not in in_title, not titles[i].startswith(query), self._title_rank[i])
            for i in matches
        }
        if query[0].isdigit():
            for i, occupation in enumerate(self.occupations):
                if occupation.code.startswith(query):
                    ranked[i] = (0, i)  # code order: the occupations are sorted by code
        best = heapq.nsmallest(limit, ranked, key=ranked.__getitem__)
        return [self.occupations[i] for i in best]

    def closest_rated(self, code: str, limit: int = 5) -> list[Occupation]:
        """Rated occupations of the same SOC family as `code`, nearest group first, then by code."""
        if limit <= 0 or code not in self._by_code:
            return []
        closest: list[Occupation] = []
        seen = {code}
        for size in _FAMILY_PREFIXES:
            prefix = code[:size]
            for occupation in self.occupations:
                if (occupation.rated and occupation.code.startswith(prefix)
                        and occupation.code not in seen):
                    seen.add(occupation.code)
                    closest.append(occupation)
                    if len(closest) == limit:
                        return closest
        return closest


def _narrow(indices: Iterable[int], texts: list[str], terms: list[str]) -> list[int]:
    """The indices whose text contains every term; each test is one C-level substring search."""
    for term in terms:
        indices = [i for i in indices if term in texts[i]]
    return list(indices)


def from_payload(payload: dict[str, Any]) -> RoleLibrary:
    """Build a RoleLibrary from the decoded JSON that careertui.roles.build writes."""
    elements = [Element(**e) for e in payload["elements"]]
    index = {e.id: i for i, e in enumerate(elements)}
    occupations = tuple(
        Occupation(
            code=o["code"],
            title=o["title"],
            description=o["description"],
            job_zone=o["job_zone"],
            education_level=o["education_level"],
            hot_technologies=tuple(o["hot_technologies"]),
            ratings=(_Ratings(index, o["importance"], o["level"], o.get("not_relevant", ()),
                              o.get("low_precision", ()))
                     if "importance" in o else _NO_RATINGS),
        )
        for o in payload["occupations"]
    )
    levels = payload["education_levels"]
    return RoleLibrary(
        skills=tuple(e for e in elements if e.domain == "skill"),
        knowledge=tuple(e for e in elements if e.domain == "knowledge"),
        occupations=occupations,
        anchors={key: [(float(value), text) for value, text in anchors]
                 for key, anchors in payload["anchors"].items()},
        education_levels={level["category"]: level["label"] for level in levels},
        education_descriptions={level["category"]: level["description"] for level in levels},
        job_zones={z["zone"]: JobZone(**z) for z in payload["job_zones"]},
        attribution=payload["source"]["attribution"],
        release=payload["source"]["release"],
    )


def load_library(path: Path | None = None) -> RoleLibrary:
    """The role library from `path`, or the shipped one (read once, then cached)."""
    return _load_shipped() if path is None else _load(path)


@functools.cache
def _load_shipped() -> RoleLibrary:
    return _load(DATA_PATH)


def _load(path: Path) -> RoleLibrary:
    return from_payload(json.loads(gzip.decompress(Path(path).read_bytes())))
