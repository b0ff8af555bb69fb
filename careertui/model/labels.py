"""Plan values as people read them: action item kinds, amounts of money, text cut to fit."""

from __future__ import annotations

import os
from collections.abc import Sequence

from careertui.model.plan import ActionKind

KIND_LABELS = {
    ActionKind.TRAINING: "Training",
    ActionKind.COURSE: "Course",
    ActionKind.CERTIFICATION: "Certification",
    ActionKind.EXPERT: "Expert talk or event",
    ActionKind.CONFERENCE: "Conference",
    ActionKind.MENTORING: "Mentoring",
    ActionKind.READING: "Reading",
    ActionKind.PROJECT: "Project",
    ActionKind.OTHER: "Other",
}


def money(amount: float, currency: str) -> str:
    """"€1,500" or "€12.50"."""
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    number = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{sign}{currency}{number}"


def counted(number: int, thing: str) -> str:
    """"1 action item", "3 action items"."""
    return f"{number} {thing}{'' if number == 1 else 's'}"


def listed(names: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def shorten(text: str, width: int) -> str:
    """`text`, or its first `width - 1` characters and "…" when it is longer than `width`."""
    return text if len(text) <= width else text[: width - 1] + "…"


def distinct_labels(names: Sequence[str], width: int) -> list[str]:
    """Each name cut to `width` (see shorten) so that no two different names read alike.

    Names cut alike drop the words they share at the start ("…Personnel Re…" and
    "…Financial Re…" for two "Raise Management of …" goals); any still alike, or the same
    name twice, are numbered by their place in the list ("Read a book #1").
    """
    labels = [shorten(name, width) for name in names]
    for group in _alike(labels):
        words = [names[index].split(" ") for index in group]
        shared = len(os.path.commonprefix(words))
        for index, own in zip(group, words, strict=True):
            if 0 < shared < len(own):
                labels[index] = shorten("…" + " ".join(own[shared:]), width)
    for group in _alike(labels):
        for index in group:
            tag = f" #{index + 1}"
            labels[index] = shorten(names[index], max(1, width - len(tag))) + tag
    return labels


def _alike(labels: Sequence[str]) -> list[list[int]]:
    """The places of the labels that more than one place holds, grouped by label."""
    places: dict[str, list[int]] = {}
    for index, label in enumerate(labels):
        places.setdefault(label, []).append(index)
    return [group for group in places.values() if len(group) > 1]
