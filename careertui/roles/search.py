"""Occupation search over every title an occupation goes by, tolerant of typos."""

from __future__ import annotations

import bisect
import functools
import heapq
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Words this short match whole words of a title only ("rn", "it"); "a" would match everything.
SHORT_WORD = 2
# A typed word no title or description has is read as the nearest words within this score
# (rapidfuzz's ratio, 0-100), and within FUZZY_MARGIN of the best of them.
FUZZY_CUTOFF = 75
FUZZY_MARGIN = 8
FUZZY_CHOICES = 3
FUZZY_SHORTEST = 4


def fold(word: str) -> str:
    """A word without a plural s ("nurses" -> "nurse"), so singular and plural titles match."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def search_words(text: str) -> list[str]:
    """The folded lower-case words of a text; apostrophes are dropped ("Bachelor's" is one)."""
    return [fold(w) for w in _NON_WORD.split(text.lower().replace("'", "")) if w]


def prefix_form(text: str) -> str:
    """search_form without folding plurals, faster: a folded word is a prefix of its plural,
    so prefix tests give the same answers (descriptions are searched by prefix only)."""
    plain = _NON_WORD.sub(" ", text.lower().replace("'", ""))
    return f" {plain} "


def search_form(text: str) -> str:
    """" registered nurse rn ": a text's words between spaces, so `" nurse" in form` is a fast
    "some word starts with nurse" and `" nurse " in form` a whole-word test."""
    return f" {' '.join(search_words(text))} "


@dataclass(frozen=True, slots=True)
class Hit:
    """An occupation found: `line` is the index of the title that matched (0: its official
    title), None when its code or description did; `typo` when a typed word was corrected."""

    index: int
    line: int | None
    typo: bool = False


@dataclass(frozen=True, slots=True)
class _Term:
    prefixes: tuple[str, ...]  # a title matches the term if it contains one of these
    words: tuple[str, ...]  # ... and matches it whole if it contains one of these
    costs: tuple[float, ...] = ()  # per word, for a corrected term: 100 - its score


class TitleIndex:
    """Finds occupations by their titles (the search forms of build.search_lines, one a line,
    official title first), their descriptions and their codes."""

    def __init__(self, codes: Sequence[str], lines: Sequence[str], descriptions: Sequence[str],
                 title_rank: Sequence[int], vocabulary: str):
        """`descriptions`: each occupation's title and description, as plain text."""
        self._codes = codes
        self._blobs = lines
        self._titles = _Texts(lines)
        self._plain_descriptions = descriptions
        self._rank = title_rank
        self._vocabulary_text = vocabulary

    @functools.cached_property
    def _descriptions(self) -> _Texts:
        # On the first search, not while loading: loading is what every screen waits for.
        return _Texts([prefix_form(text) for text in self._plain_descriptions])

    @functools.cached_property
    def _vocabulary(self) -> list[str]:
        return self._vocabulary_text.split()

    @functools.cached_property
    def _by_initial(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for word in self._vocabulary:
            groups[word[0]].append(word)
        return groups

    def known(self, word: str) -> bool:
        """Whether some word of a title or description starts with `word`."""
        words = self._vocabulary
        i = bisect.bisect_left(words, word)
        return i < len(words) and words[i].startswith(word)

    def corrections(self, word: str) -> list[tuple[str, float]]:
        """The known words nearest a misspelt one, with their scores, best first."""
        choices = self._by_initial.get(word[0], [])
        found = process.extract(word, choices, scorer=fuzz.ratio, limit=FUZZY_CHOICES,
                                score_cutoff=FUZZY_CUTOFF)
        if not found:  # a typo in the first letter
            found = process.extract(word, self._vocabulary, scorer=fuzz.ratio,
                                    limit=FUZZY_CHOICES, score_cutoff=FUZZY_CUTOFF)
        best = found[0][1] if found else 0
        return [(choice, score) for choice, score, _ in found if score >= best - FUZZY_MARGIN]

    def _terms(self, words: list[str]) -> list[_Term]:
        terms = []
        for word in words:
            if len(word) <= SHORT_WORD:
                terms.append(_Term((f" {word} ",), (f" {word} ",)))
            elif self.known(word) or len(word) < FUZZY_SHORTEST:
                terms.append(_Term((f" {word}",), (f" {word} ",)))
            else:
                fixes = self.corrections(word)
                whole = tuple(f" {w} " for w, _ in fixes)
                terms.append(_Term(whole, whole, tuple(100 - s for _, s in fixes)))
        return terms

    def find(self, query: str, limit: int) -> list[Hit]:
        """Code matches in code order, then title matches best first, then description ones.

        A title ranks by: typos corrected, words it has beyond the query, query words that
        are only the start of one of its words, whether it starts with the first query word,
        whether it is an official title, its length; then broad occupations first, shorter
        official titles first."""
        text = " ".join(query.lower().split())
        words = search_words(text)
        if not text or limit <= 0:
            return []
        hits: list[Hit] = []
        if text[0].isdigit():
            hits = [Hit(i, None) for i, code in enumerate(self._codes) if code.startswith(text)]
        found = {hit.index for hit in hits}
        if not words or len(hits) >= limit:
            return hits[:limit]
        terms = self._terms(words)
        typo = any(term.costs for term in terms)
        ranked: dict[int, tuple[tuple[float, ...], int]] = {}
        for i in self._titles.narrow(terms):
            best = self._best_line(self._blobs[i], terms)
            if best is not None and i not in found:
                # A broad occupation (.00) before its specialties, as Registered Nurses before
                # Acute Care Nurses: both are "Nurse".
                general = self._codes[i].endswith(".00")
                ranked[i] = ((*best[0], not general, self._rank[i]), best[1])
        top = heapq.nsmallest(limit - len(hits), ranked, key=lambda i: ranked[i][0])
        hits += [Hit(i, ranked[i][1], typo) for i in top]
        if len(hits) < limit:
            found |= set(ranked)
            loose = [_Term(tuple(p.rstrip() for p in t.prefixes), ()) for t in terms]
            rest = [i for i in self._descriptions.narrow(loose) if i not in found]
            rest.sort(key=self._rank.__getitem__)
            hits += [Hit(i, None, typo) for i in rest[:limit - len(hits)]]
        return hits

    def _best_line(self, blob: str, terms: list[_Term]) -> tuple[tuple[float, ...], int] | None:
        """The key and line number of the title of one occupation that matches `terms` best.

        Only the lines holding the longest term are read (found with str.find); lines after
        the first come fewest words first, then shortest, so none after a match with fewer
        words (or as few, whole and in order) can beat it.
        """
        lead = max(terms, key=lambda t: min(map(len, t.prefixes)))
        others = [t for t in terms if t is not lead]
        exact = not any(term.costs for term in terms)
        best: tuple[float, ...] | None = None
        where = 0
        for needle in lead.prefixes:
            pos = blob.find(needle)
            while pos != -1:
                start = blob.rfind("\n", 0, pos) + 1
                end = blob.find("\n", pos)
                end = len(blob) if end == -1 else end
                line = blob[start:end]
                pos = blob.find(needle, end)
                extra = line.count(" ") - 1 - len(terms)
                if exact and best is not None and start > 0 and (
                        extra > best[1] or extra == best[1] and not any(best[2:4])):
                    break
                if not all(any(p in line for p in t.prefixes) for t in others):
                    continue
                key = (0.0 if exact else _typo_cost(line, terms), extra,
                       sum(not any(w in line for w in t.words) for t in terms),
                       not any(line.startswith(p) for p in terms[0].prefixes),
                       start > 0, len(line))
                if best is None or key < best:
                    best, where = key, start
        return None if best is None else (best, blob.count("\n", 0, where))


def _typo_cost(line: str, terms: list[_Term]) -> float:
    """How far the corrected words in `line` are from what was typed (0: no correction)."""
    return sum(min((c for w, c in zip(t.words, t.costs, strict=True) if w in line), default=0.0)
               for t in terms if t.costs)


class _Texts:
    """One text per occupation, searched for the occupations whose text holds every term."""

    def __init__(self, texts: Sequence[str]):
        self._texts = texts

    @functools.cached_property
    def _joined(self) -> tuple[str, list[int]]:
        """All texts in one string, with where each starts: one str.find skips many texts."""
        starts, at = [], 0
        for text in self._texts:
            starts.append(at)
            at += len(text) + 1
        return "\0".join(self._texts), starts

    def narrow(self, terms: list[_Term]) -> list[int]:
        """The indices whose text contains one of the prefixes of every term, longest first."""
        terms = sorted(terms, key=lambda t: -min(map(len, t.prefixes), default=0))
        if not terms or not terms[0].prefixes:
            return []
        kept = sorted({i for p in terms[0].prefixes for i in self._holding(p)})
        for term in terms[1:]:
            prefixes = term.prefixes
            kept = [i for i in kept if any(p in self._texts[i] for p in prefixes)]
        return kept

    def _holding(self, needle: str) -> list[int]:
        joined, starts = self._joined
        found = []
        pos = joined.find(needle)
        while pos != -1:
            i = bisect.bisect_right(starts, pos) - 1
            found.append(i)
            pos = joined.find(needle, starts[i + 1]) if i + 1 < len(starts) else -1
        return found
