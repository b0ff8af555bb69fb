"""The interest check: answers to scores on O*NET's scales (the six RIASEC interest types and the
six work values), and how well an occupation's scores fit yours, in words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from careertui.model.labels import listed
from careertui.model.plan import InterestAnswer, InterestCheck
from careertui.model.validation import Invalid

# Answer -> its words, for an activity ("Would you enjoy...?") and for a work value.
ACTIVITY_ANSWERS = {1: "Strongly dislike", 2: "Dislike", 3: "Unsure", 4: "Like",
                    5: "Strongly like"}
VALUE_ANSWERS = {1: "Not at all", 2: "A little", 3: "Somewhat", 4: "A lot", 5: "Very much"}
# O*NET's interest (OI) and work-value (EX) scales both run from 1 to 7.
SCALE_LOW, SCALE_HIGH = 1.0, 7.0
# A score from here up is high: one of an occupation's main interests, or one of yours.
HIGH = 4.0


def parse_answer(text: str) -> int:
    """An answer typed or stored, 1-5; Invalid otherwise."""
    if text.strip() not in {str(answer) for answer in ACTIVITY_ANSWERS}:
        raise Invalid("An answer is a whole number from 1 to 5.")
    return int(text)


def facet_of(item: str) -> str:
    """The interest type or work value an item measures: "1.B.1.d:2" -> "1.B.1.d"."""
    return item.split(":", 1)[0]


def scores(check: InterestCheck) -> dict[str, float]:
    """Facet id -> your score on O*NET's 1-7 scale: the mean of its answers (1-5), stretched."""
    by_facet: dict[str, list[int]] = {}
    for answer in check.answers:
        by_facet.setdefault(facet_of(answer.item), []).append(answer.answer)
    return {facet: _on_scale(sum(answers) / len(answers)) for facet, answers in by_facet.items()}


def _on_scale(mean_answer: float) -> float:
    return SCALE_LOW + (mean_answer - 1) * (SCALE_HIGH - SCALE_LOW) / 4


def answered(answers: Mapping[str, int]) -> list[InterestAnswer]:
    """The answers of a check, in the order given."""
    return [InterestAnswer(item, answer) for item, answer in answers.items()]


def ranked(your_scores: Mapping[str, float], names: Mapping[str, str]) -> list[tuple[str, float]]:
    """(name, score) of each facet scored, highest first (ties by name)."""
    return sorted(((names[facet], score) for facet, score in your_scores.items()
                   if facet in names), key=lambda pair: (-pair[1], pair[0]))


@dataclass(frozen=True)
class Fit:
    """How an occupation's scores fit yours: `percent` (100 for the same profile, 0 for the
    farthest apart), and which of its main facets you share or score low."""

    percent: int
    matched: tuple[str, ...]
    low_for_you: tuple[str, ...]

    def words(self) -> str:
        """"Social and Enterprising match; Conventional is low for you"."""
        parts = []
        if self.matched:
            verb = "matches" if len(self.matched) == 1 else "match"
            parts.append(f"{listed(self.matched)} {verb}")
        if self.low_for_you:
            verb = "is" if len(self.low_for_you) == 1 else "are"
            parts.append(f"{listed(self.low_for_you)} {verb} low for you")
        return "; ".join(parts)


def fit(yours: Mapping[str, float], theirs: Sequence[tuple[str, float]],
        names: Mapping[str, str]) -> Fit | None:
    """How the occupation's (facet id, score) pairs fit your scores; None when you have
    scored none of them. Its main facets are those scored HIGH or more (at most three, highest
    first; its highest one when none is)."""
    shared = [(facet, score) for facet, score in theirs if facet in yours]
    if not shared:
        return None
    apart = sum(abs(yours[facet] - score) for facet, score in shared) / len(shared)
    percent = round(100 * (1 - apart / (SCALE_HIGH - SCALE_LOW)))
    by_score = sorted(shared, key=lambda pair: -pair[1])
    main = [facet for facet, score in by_score if score >= HIGH][:3] or [by_score[0][0]]
    return Fit(percent, tuple(names[f] for f in main if yours[f] >= HIGH),
               tuple(names[f] for f in main if yours[f] < HIGH))
