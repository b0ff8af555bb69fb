"""LazyPattern: matches as the compiled expression does, compiled only when first used."""

import re

from careertui.model.patterns import LazyPattern


def test_a_lazy_pattern_matches_whole_texts_as_re_does_and_compiles_once(monkeypatch):
    compiled: list[str] = []
    real_compile = re.compile
    monkeypatch.setattr(re, "compile", lambda source: compiled.append(source) or
                        real_compile(source))
    pattern = LazyPattern(r"every (?P<n>\d+) weeks?")
    assert compiled == []
    assert pattern.fullmatch("every 3 weeks")["n"] == "3"
    assert pattern.fullmatch("every 3 weeks, or so") is None
    assert pattern.fullmatch("every 12 week")["n"] == "12"
    assert compiled == [r"every (?P<n>\d+) weeks?"]
