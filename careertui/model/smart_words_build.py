"""Builds smart_words.json.gz: `python -m careertui.model.smart_words_build [DICT ...]`.

The words are those of the occupation texts in careertui/roles/onet.json.gz (titles,
descriptions, element names and level examples) and of the English dictionaries given,
by default Debian's SCOWL lists /usr/share/dict/american-english and british-english
(`apt-get install wamerican wbritish`): lower-case letters only, 2 to 20 of them, less
the words `known` finds by the stems of shorter words kept (they are recognised anyway)."""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

from careertui.model.smart_words import WORDS_FILE, known

DICTIONARIES = ("/usr/share/dict/american-english", "/usr/share/dict/british-english")
ROLES = Path(__file__).parent.parent / "roles" / "onet.json.gz"
WORD = re.compile(r"[a-z]{2,20}")


def _role_words() -> set[str]:
    data = json.loads(gzip.decompress(ROLES.read_bytes()))
    texts = [f"{job['title']} {job['description']}" for job in data["occupations"]]
    texts += [f"{element['name']} {element['description']} {element['category']}"
              for element in data["elements"]]
    texts += [example for levels in data["anchors"].values() for _, example in levels]
    return set(WORD.findall(" ".join(texts).lower()))


def build(dictionaries: list[str]) -> list[str]:
    words = _role_words()
    for name in dictionaries:
        # Only words written in lower case: a capitalised entry is a name ("Google").
        words |= {line for line in Path(name).read_text(encoding="utf-8").split()
                  if WORD.fullmatch(line)}
    kept: set[str] = set()
    for word in sorted(words, key=lambda word: (len(word), word)):  # stems are shorter
        if not known(word, kept):
            kept.add(word)
    return sorted(kept)


def main() -> None:
    words = build(sys.argv[1:] or list(DICTIONARIES))
    target = Path(__file__).with_name(WORDS_FILE)
    target.write_bytes(gzip.compress(json.dumps(words, separators=(",", ":")).encode(), 9,
                                     mtime=0))
    print(f"{target}: {len(words)} words, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
