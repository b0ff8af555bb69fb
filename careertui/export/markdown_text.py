"""Markdown building blocks: escaping user text, pipe tables, bullet lists and sections."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from careertui.export.text import document_text

CELL = "<br>"
BREAK = "  \n"  # two spaces: a line break that Markdown keeps and plain text does not show

# Invisible characters that could hide or reorder the text around them (bidi overrides).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BACKTICKS = re.compile("`+")
_INLINE = re.compile(r"([\\`*\[\]<|])")
_LONE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # `_` inside a word stays plain
_ENTITY = re.compile(r"&(?=#?\w+;)")
_CLOSING_HASHES = re.compile(r"(\s)(#+)$")
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_BLOCK_MARK = re.compile(r"^(?:#{1,6}(?=\s|$)|>|[-+](?=\s|$)|=+$|-+$|~{3,})")
_TILDES = re.compile(r"~+")


def escape(text: str, join: str = " ") -> str:
    """User text made safe to put into Markdown: markup (emphasis, code, links, HTML) shows as
    typed, and a line that starts like a heading, list or quote stays text.

    `join` puts the lines together: a space (one line), CELL (a table cell) or BREAK (a
    paragraph that keeps its lines); blank lines are dropped.
    """
    lines = [_escape_line(line) for line in _BIDI.sub("", document_text(text)).split("\n")
             if line.strip()]
    return join.join(lines)


def _escape_line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line.strip())
    line = _ENTITY.sub(r"\\&", _LONE_UNDERSCORE.sub(r"\\_", line))
    line = _CLOSING_HASHES.sub(r"\1\\\2", _LIST_NUMBER.sub(r"\1\\\2", line))
    line = _TILDES.sub(lambda match: _tildes(match, line), line)
    return _BLOCK_MARK.sub(lambda match: "\\" + match[0], line)


def _tildes(match: re.Match[str], line: str) -> str:
    """A run of tildes, escaped only if it could close strikethrough (GFM's right-flanking
    run); "~$450" stays as typed. Whatever a report puts around the text counts as punctuation,
    so a run at either end is judged as harshly as it can be."""
    before = line[match.start() - 1] if match.start() else "."
    after = line[match.end()] if match.end() < len(line) else "."
    closes = not before.isspace() and (not _punctuation(before) or after.isspace()
                                       or _punctuation(after))
    return match[0].replace("~", "\\~") if closes else match[0]


def _punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def code_block(text: str, info: str = "text") -> str:
    """`text` as a fenced code block, shown as it is: the fence is longer than any run of
    backticks in `text`, so nothing in it can end the block early."""
    text = document_text(text)
    longest = max(map(len, _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def table(header: Sequence[str], rows: Iterable[Sequence[str]],
          right: Sequence[int] = ()) -> str:
    """A GitHub pipe table, padded so it lines up as plain text; `right` aligns columns."""
    rows = [list(header), *map(list, rows)]
    widths = [max(3, *(_width(row[column]) for row in rows)) for column in range(len(header))]

    def line(cells: Sequence[str]) -> str:  # every row has one cell per column
        return "| " + " | ".join(
            " " * (width - _width(cell)) + cell if column in right
            else cell + " " * (width - _width(cell))
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))) + " |"

    rule = "| " + " | ".join("-" * (width - 1) + (":" if column in right else "-")
                             for column, width in enumerate(widths)) + " |"
    return "\n".join([line(rows[0]), rule, *map(line, rows[1:])])


def _width(text: str) -> int:
    """Columns `text` takes in a terminal: wide (CJK, most emoji) characters take two."""
    return sum(0 if unicodedata.combining(char) else
               2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def bullets(pairs: Iterable[tuple[str, str]]) -> str:
    """"- **Label:** value" lines for the pairs whose value is not empty."""
    return "\n".join(f"- **{label}:** {value}" for label, value in pairs if value)


def section(title: str, body: str, empty: str) -> str:
    """A "## title" section; `empty` says what is not filled in yet when `body` is empty."""
    return f"## {title}\n\n{body or f'_{empty}_'}"
