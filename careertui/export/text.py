"""Plan text as every exported document writes it: nothing a terminal or a reader acts on."""

from __future__ import annotations

from careertui.model.validation import without_controls


def document_text(text: str) -> str:
    """`text` fit for a report or calendar, wherever it came from (a hand-edited file too).

    Line breaks become "\\n" and a tab stays (Markdown and RFC 5545 text allow it), as in the
    forms; every other control character (C0, DEL, C1: ESC would start an escape sequence in
    a terminal that shows the file) is removed; a lone surrogate, which UTF-8 cannot hold,
    becomes "?".
    """
    return without_controls(text.encode("utf-8", errors="replace").decode("utf-8"),
                            multiline=True)[0]
