"""The S of SMART: English words that name a result, not filler or a number that counts nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from careertui.model.smart_words import known, stems

MIN_WORDS = 4
# A number ("95%", "$1,500", "2.5"), or a word or name ("meet-ups", "team's", "Q3", "B2").
TOKEN = re.compile(r"[$€£¥₹]?\d+(?:[.,:/]\d+)*(?:%|k\b|x\b)?(?!\w)|\w+(?:['’-]\w+)*")
NUMBER = re.compile(r"[$€£¥₹]?\d+(?:[.,:/]\d+)*(?:%|k|x)?")  # "1:1" and "24/7" too
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred thousand dozen once twice".split())
# After a number these say how long or when, not how much: "in 3 months", "by 2027".
TIME_UNITS = frozenset("day days week weeks month months quarter quarters year years".split())
# Before a number these make it a measure: "to 95%", "level 4", "top 10", "sprint 12".
MEASURE_BEFORE = frozenset(
    "to from by at of level levels score grade band top under over above below within "
    "version release sprint phase step tier round part chapter module lesson unit session "
    "cohort number no".split())
JOINERS = frozenset("and or but so then because if".split())

# Vague wording, matched on simple stems so every inflection counts ("enhanced", "improving").
# Filler names nothing even beside a number; the other kinds are concrete with a measure
# ("Improve forecast accuracy to 95%", "Do 2 more code reviews every week").
FILLER, COMPARATIVE, CHANGE, JARGON, HEDGE = "filler", "comparative", "change", "jargon", "hedge"
VAGUE_PHRASES: dict[str, str] = {
    "stuff": FILLER, "thing": FILLER, "things": FILLER, "something": FILLER,
    "everything": FILLER, "anything": FILLER, "etc": FILLER, "whatever": FILLER,
    "somehow": FILLER, "various": FILLER, "and so on": FILLER, "kind of": FILLER,
    "sort of": FILLER, "a lot": FILLER, "lots": FILLER, "in general": FILLER,
    "better": COMPARATIVE, "best": COMPARATIVE, "good": COMPARATIVE, "great": COMPARATIVE,
    "more": COMPARATIVE, "less": COMPARATIVE, "stronger": COMPARATIVE, "faster": COMPARATIVE,
    "bigger": COMPARATIVE, "smarter": COMPARATIVE, "be more": COMPARATIVE,
    "get good at": COMPARATIVE, "level up": COMPARATIVE, "step up": COMPARATIVE,
    "up my game": COMPARATIVE, "expert": COMPARATIVE, "happier": COMPARATIVE,
    "improve": CHANGE, "improvement": CHANGE, "enhance": CHANGE, "enhancement": CHANGE,
    "boost": CHANGE, "optimise": CHANGE, "optimize": CHANGE, "strengthen": CHANGE,
    "grow": CHANGE, "increase": CHANGE, "reduce": CHANGE, "decrease": CHANGE,
    "maximise": CHANGE, "maximize": CHANGE, "broaden": CHANGE, "deepen": CHANGE,
    "sharpen": CHANGE, "upskill": CHANGE, "elevate": CHANGE,
    "work on": CHANGE, "focus on": CHANGE, "significantly": CHANGE,
    "synergy": JARGON, "synergies": JARGON, "leverage": JARGON, "visibility": JARGON,
    "alignment": JARGON, "holistic": JARGON, "proactive": JARGON, "impactful": JARGON,
    "thought leadership": JARGON, "move the needle": JARGON, "value add": JARGON,
    "best in class": JARGON, "world class": JARGON, "exposure": JARGON, "empower": JARGON,
    "excellence": JARGON, "mindset": JARGON, "paradigm": JARGON, "next level": JARGON,
    "make an impact": JARGON, "have an impact": JARGON, "add value": JARGON,
    "team player": JARGON, "work-life balance": JARGON, "best version": JARGON,
    "try to": HEDGE, "hopefully": HEDGE, "maybe": HEDGE, "as much as possible": HEDGE,
}


def _phrases_by_first_word() -> dict[str, list[tuple[int, tuple[str, ...], str]]]:
    """Each phrase's words under its first word, with its place in VAGUE_PHRASES: a token is
    compared with the phrases its own forms begin, not with all of them."""
    found: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    for order, (phrase, kind) in enumerate(VAGUE_PHRASES.items()):
        words = tuple(phrase.split())
        found.setdefault(words[0], []).append((order, words, kind))
    return found


_PHRASES_BY_FIRST_WORD = _phrases_by_first_word()

REWRITES = {
    FILLER: "name what you will do and how much, e.g. “Run 4 sprint plannings by June”",
    COMPARATIVE: "name what you will do and how much, e.g. “Give 4 talks at meet-ups”",
    CHANGE: "say from what to what, e.g. “Cut report errors from 12 to 3 a month”",
    JARGON: "say what people will see you do, e.g. “Present the team's results at 3 "
            "all-hands meetings”",
    HEDGE: "say what you will do, not try: e.g. “Pass the CAPM exam by March”",
}
# A run of several kinds of vague wording is named by the most telling one.
TELLING = (FILLER, JARGON, HEDGE, CHANGE, COMPARATIVE)
# Words of other languages that are no English words, to say which language a goal is in.
FOREIGN = {
    "German": "ich möchte werden und nicht mein meine meinen mehr besser für mit eine einen "
              "zu den dem das der ist bis auf wir soll jahr jahren lernen können sein",
    "French": "je veux être devenir meilleur meilleure mon ma mes le les des une pour avec "
              "et dans plus mieux apprendre ans",
    "Spanish": "yo quiero ser mejor mi mis el los las una para con más aprender años y",
    "Portuguese": "eu quero melhor meu minha os uma para com mais aprender anos",
    "Italian": "io voglio essere migliore il gli una per con più imparare anni",
    "Dutch": "ik wil worden beter mijn een het voor met meer leren jaar",
}
FOREIGN_WORDS = {language: frozenset(words.split()) for language, words in FOREIGN.items()}
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True)
class _Token:
    text: str  # as typed
    word: str  # lower case

    @property
    def is_number(self) -> bool:
        return bool(NUMBER.fullmatch(self.text))

    @property
    def is_word(self) -> bool:
        return not any(char.isdigit() for char in self.text)


def _tokens(statement: str) -> list[_Token]:
    return [_Token(text, text.lower().replace("’", "'")) for text in TOKEN.findall(statement)]


def specific(statement: str) -> tuple[bool, str]:
    """Specific: four or more English words, not all unknown, no filler, and vague wording
    ("better", "improve", "visibility") only beside a number that measures something."""
    tokens = _tokens(statement)
    if len(tokens) < MIN_WORDS:
        return False, f"Too short to be specific: say what you will do in {MIN_WORDS}+ words."
    words = [token for token in tokens if token.is_word]
    if not words:
        return False, "Only numbers: say in words what you will do, e.g. “Give 4 talks”."
    if (language := _foreign(statement, words)) is not None:
        return False, (f"This reads as {language}, not English: the SMART check reads English "
                       "goals, so write it in English (e.g. “Pass the CAPM exam by March”).")
    unknown = _unknown(words)
    if unknown is not None:
        return False, unknown
    spans = _vague_spans(tokens)
    measured, stray, years = _numbers(tokens)
    filler = [(text, kind) for text, kind in spans if kind == FILLER]
    if filler or (spans and not measured):
        text, kind = (filler or spans)[0]
        why = f"“{text}” says no result: {REWRITES[kind]}."
        if stray:
            why += f" (“{stray[0]}” counts nothing.)"
        elif years and not measured:
            why += f" ({years[0]} says when, not how much.)"
        return False, why
    if stray:
        return False, (f"“{stray[0]}” counts nothing: say what the number is of, "
                       "e.g. “4 talks”, “95%”, “from 12 to 3 errors”.")
    return True, ""


def _foreign(statement: str, words: list[_Token]) -> str | None:
    """The language of a statement in another one, or another script; None for English."""
    letters = [char for char in statement if char.isalpha()]
    if letters and sum(bool(LATIN.match(char)) for char in letters) < len(letters) / 2:
        return "another script"
    plain = [token.word for token in words]
    hits = {language: sum(word in foreign and not known(word) for word in plain)
            for language, foreign in FOREIGN_WORDS.items()}
    language, count = max(hits.items(), key=lambda item: item[1])
    return language if count and count >= max(1, len(plain) / 4) else None


def _checked(words: list[_Token]) -> list[_Token]:
    """The words to look up: not names or acronyms ("CAPM", "PyData", a capitalised word
    inside a sentence), unless the whole statement is in capitals or title case."""
    shouty = all(token.text.isupper() for token in words)
    titled = sum(token.text[:1].isupper() for token in words) >= 0.6 * len(words)
    checked = []
    for index, token in enumerate(words):
        text = token.text
        inner_capital = any(char.isupper() for char in text[1:])
        if shouty or (index == 0 and not inner_capital) or text.islower():
            checked.append(token)
        elif titled and not inner_capital:
            checked.append(token)
    return checked


def _unknown(words: list[_Token]) -> str | None:
    """Why the statement is no words, when fewer than half the words looked up are known."""
    checked = _checked(words)
    strange = [token.text for token in checked
               if not all(known(part) for part in re.split(r"['-]", token.word) if part)]
    if checked and len(strange) * 2 > len(checked):
        named = list(dict.fromkeys(strange))
        shown = ", ".join(f"“{text}”" for text in named[:3])
        return (f"{shown} {'is no word' if len(named) == 1 else 'are no words'} careertui "
                "knows: write the goal in plain English words, e.g. “Pass the CAPM exam”.")
    return None


def _vague_spans(tokens: list[_Token]) -> list[tuple[str, str]]:
    """Each run of vague wording as typed ("better at stuff"), with the kind of its first."""
    found: list[tuple[int, int, str]] = []
    forms = [frozenset(stems(token.word)) for token in tokens]
    index = 0
    while index < len(tokens):
        match = _vague_at(forms, index)
        if match is None:
            index += 1
            continue
        length, kind = match
        start, end = index, index + length
        if found and start - found[-1][1] <= 1:  # "better at stuff": one word between
            start, _, first_kind = found.pop()
            kind = min(kind, first_kind, key=TELLING.index)
        found.append((start, end, kind))
        index = end
    return [(" ".join(token.text for token in tokens[start:end]), kind)
            for start, end, kind in found]


def _vague_at(forms: list[frozenset[str]], index: int) -> tuple[int, str] | None:
    """(how many tokens, kind) of the longest vague phrase starting at `index`, the first of
    VAGUE_PHRASES among as long ones; `forms` are each token's word and its stems."""
    best: tuple[int, int, str] | None = None  # (length, -order, kind)
    for form in forms[index]:
        for order, parts, kind in _PHRASES_BY_FIRST_WORD.get(form, ()):
            if len(parts) <= len(forms) - index and all(
                    part in forms[index + offset] for offset, part in enumerate(parts[1:], 1)):
                best = max(best or (0, 0, ""), (len(parts), -order, kind))
    return None if best is None else (best[0], best[2])


def _numbers(tokens: list[_Token]) -> tuple[list[str], list[str], list[str]]:
    """The numbers that measure something, those that count nothing, and the years."""
    measured: list[str] = []
    stray: list[str] = []
    years: list[str] = []
    for index, token in enumerate(tokens):
        if not (token.is_number or token.word in NUMBER_WORDS):
            continue
        before = tokens[index - 1].word if index else ""
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if re.fullmatch(r"(19|20)\d\d", token.text):
            years.append(token.text)
        elif after is not None and after.word in TIME_UNITS:
            years.append(f"{token.text} {after.text}")  # a duration: when, not how much
        elif not token.text[-1].isdigit() or token.text[0] in "$€£¥₹" or before in MEASURE_BEFORE:
            measured.append(token.text)
        elif after is not None and after.is_word and after.word not in JOINERS:
            measured.append(token.text)
        elif token.is_number:
            stray.append(token.text)
    return measured, stray, years
