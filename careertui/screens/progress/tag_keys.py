"""The keys that tag a record of Progress's lists as evidence of skills (see evidence.py)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

TAG_BINDINGS: list[BindingType] = [
    Binding("t", "screen.tag_skills", "Tag skill"),
    Binding("T", "screen.tag_skills(True)", "Choose skills", show=False),
]
