"""The English vocabulary the SMART check knows a word by, loaded once when first asked."""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path

WORDS_FILE = "smart_words.json.gz"  # made by careertui.model.smart_words_build
SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "ly")
VOWELS = frozenset("aeiou")


def stems(word: str) -> list[str]:
    """`word` and the simple stems it may come from: plural, -ed, -ing, -er and -ly
    ("stories" → story, "planned" → plan, "writing" → write, "runner" → run)."""
    found = [word]
    for suffix in SUFFIXES:
        base = word.removesuffix(suffix)
        if base == word or len(base) < 2:
            continue
        found.append(base)
        if suffix in ("ed", "ing", "er", "ers", "ly"):
            found.append(base + "e")  # "writing" → write
            if len(base) > 2 and base[-1] == base[-2] and base[-1] not in VOWELS:
                found.append(base[:-1])  # "planned" → plan
        if base.endswith("i"):
            found.append(base[:-1] + "y")  # "stories" → story, "happily" → happy
    return found


@cache
def vocabulary() -> frozenset[str]:
    """Every word in the shipped list (lower case); it leaves out the words `known` finds
    by their stems anyway."""
    # Beside this module, read directly: importlib.resources costs more than the read, on
    # the start-up path (the overview checks the goals).
    data = Path(__file__).with_name(WORDS_FILE).read_bytes()
    return frozenset(json.loads(gzip.decompress(data)))


def known(word: str, words: frozenset[str] | set[str] | None = None) -> bool:
    """True when `word` (lower case), a simple stem of it or a stem of that stem is one of
    `words`, by default the vocabulary ("plannings" → planning → plan)."""
    words = vocabulary() if words is None else words
    return any(stem in words for first in stems(word) for stem in stems(first))
