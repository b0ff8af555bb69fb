"""O*NET's interest types and work values in the role library: their descriptions, the questions
of the interest check built from them, and each occupation's scores."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from careertui.model.interests import Fit, fit


@dataclass(frozen=True, slots=True)
class Facet:
    """A RIASEC interest type (Realistic...) or a work value (Achievement...)."""

    id: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Question:
    """One item of the interest check: an activity ("Build kitchen cabinets.") or a work value."""

    item: str  # see InterestAnswer.item
    facet: Facet
    text: str
    is_value: bool


class InterestData:
    """The interest types, the work values, the check's questions and occupations' scores."""

    def __init__(self, payload: Mapping[str, Any]) -> None:
        self.types = tuple(Facet(**facet) for facet in payload["types"])
        self.values = tuple(Facet(**facet) for facet in payload["values"])
        self.names = {facet.id: facet.name for facet in (*self.types, *self.values)}
        by_id = {facet.id: facet for facet in self.types}
        asked: dict[str, int] = {}
        questions = []
        for activity in payload["activities"]:
            facet = by_id[activity["type"]]
            asked[facet.id] = asked.get(facet.id, 0) + 1
            questions.append(Question(f"{facet.id}:{asked[facet.id]}", facet,
                                      activity["activity"], is_value=False))
        questions += [Question(facet.id, facet, facet.description, is_value=True)
                      for facet in self.values]
        self.questions = tuple(questions)
        self._interests: dict[str, list[float]] = payload["interest_scores"]
        self._values: dict[str, list[float]] = payload["value_scores"]

    def interest_scores(self, code: str) -> list[tuple[str, float]]:
        """(interest type id, the occupation's OI score) of `code`; [] when O*NET has none."""
        return list(zip((t.id for t in self.types), self._interests.get(code, ()), strict=False))

    def value_scores(self, code: str) -> list[tuple[str, float]]:
        """(work value id, the occupation's EX score) of `code`; [] when O*NET has none."""
        return list(zip((v.id for v in self.values), self._values.get(code, ()), strict=False))

    def interest_fit(self, code: str, yours: Mapping[str, float]) -> Fit | None:
        """How the occupation's interests fit your scores (None: nothing to compare)."""
        return fit(yours, self.interest_scores(code), self.names)

    def value_fit(self, code: str, yours: Mapping[str, float]) -> Fit | None:
        """How the occupation's work values fit yours (None: nothing to compare)."""
        return fit(yours, self.value_scores(code), self.names)

    def fit_words(self, code: str, yours: Mapping[str, float]) -> str:
        """"interests 78% (Social matches) · work values 85%"; "" with nothing to compare."""
        parts = []
        for label, found in (("interests", self.interest_fit(code, yours)),
                             ("work values", self.value_fit(code, yours))):
            if found is not None:
                why = found.words()
                parts.append(f"{label} {found.percent}%" + (f" ({why})" if why else ""))
        return " · ".join(parts)
