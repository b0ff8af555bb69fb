"""Regular expressions compiled the first time they are used, not when a module is imported."""

from __future__ import annotations

import re


class LazyPattern:
    """A pattern of the date and repeat phrases: compiling them all cost a few milliseconds
    of every start, and most sessions type no phrase at all."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern)
        return self._compiled.fullmatch(text)
