"""Vague wording is found by an index of phrases, exactly as a scan of every phrase finds it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from careertui.model import smart_specific
from careertui.model.smart_specific import VAGUE_PHRASES
from careertui.model.smart_words import stems

WORDS = sorted({word for phrase in VAGUE_PHRASES for word in phrase.split()})
INFLECTED = WORDS + [word + ending for word in WORDS[:40] for ending in ("s", "ed", "ing")]


def every_phrase_scanned(words: list[str], index: int) -> tuple[int, str] | None:
    """The longest vague phrase at `index`, the first listed among as long ones: the plain
    scan of every phrase the index replaced."""
    best: tuple[int, str] | None = None
    for phrase, kind in VAGUE_PHRASES.items():
        parts = phrase.split()
        window = words[index:index + len(parts)]
        if len(window) == len(parts) and all(
                part in stems(word) for part, word in zip(parts, window, strict=True)):
            if best is None or len(parts) > best[0]:
                best = (len(parts), kind)
    return best


@given(st.lists(st.sampled_from([*INFLECTED, "report", "errors", "4", "team"]), min_size=1,
                max_size=8))
def test_the_phrase_index_finds_what_scanning_every_phrase_finds(words):
    forms = [frozenset(stems(word)) for word in words]
    for index in range(len(words)):
        assert smart_specific._vague_at(forms, index) == every_phrase_scanned(words, index)


def test_the_longest_phrase_wins_over_its_first_word():
    words = "move the needle".split()
    forms = [frozenset(stems(word)) for word in words]
    assert smart_specific._vague_at(forms, 0) == (3, smart_specific.JARGON)
    assert smart_specific._vague_at(forms, 1) is None
