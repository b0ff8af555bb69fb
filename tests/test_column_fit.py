"""How growing table columns share the spare width, and how their cells are cut."""

from __future__ import annotations

import pytest
from rich.text import Text

from careertui.widgets.column_fit import Column, cut_cell, grown_widths

COLUMNS = (
    Column("title", "Action item", 20, grows_to=60),
    Column("due", "Due", 10),
    Column("goal", "Goal", 10, grows_to=30),
)


@pytest.mark.parametrize("room, widest, expected", [
    (40, {"title": 80, "goal": 80}, {"title": 20, "goal": 10}),  # no spare: least widths
    (20, {"title": 80, "goal": 80}, {"title": 20, "goal": 10}),  # too little: still least
    (60, {"title": 80, "goal": 80}, {"title": 30, "goal": 20}),  # the spare shared evenly
    (200, {"title": 80, "goal": 80}, {"title": 60, "goal": 30}),  # each up to its limit
    (200, {"title": 25, "goal": 12}, {"title": 25, "goal": 12}),  # or its longest cell
    (61, {"title": 80, "goal": 80}, {"title": 31, "goal": 20}),  # an odd cell goes first
    (200, {}, {"title": 20, "goal": 10}),  # no rows: the headings fit in the least widths
])
def test_growing_columns_share_the_spare_width(room, widest, expected):
    assert grown_widths(COLUMNS, widest, room) == expected


def test_a_long_heading_is_never_cut_by_a_narrow_least_width():
    columns = (Column("gap", "Closes the gap in", 5, grows_to=36),)
    assert grown_widths(columns, {"gap": 3}, 100) == {"gap": len("Closes the gap in")}


@pytest.mark.parametrize("cell, width, expected", [
    ("Management of Financial Resources", 40, "Management of Financial Resources"),
    ("Management of Financial Resources", 12, "Management …"),
    (Text("Lead the team"), 13, "Lead the team"),
    (Text("Lead the team"), 6, "Lead …"),
])
def test_a_cell_is_cut_to_its_column_with_an_ellipsis(cell, width, expected):
    cut = cut_cell(cell, width)
    assert str(cut) == expected
    assert isinstance(cell, str) or cut.style == cell.style  # a Text keeps its style


def test_a_cut_text_keeps_its_colours():
    cell = Text.assemble(("2026-11-21 ", ""), ("overdue", "bold red"))
    cut = cut_cell(cell, 14)
    assert str(cut) == "2026-11-21 ov…" and cut.spans[0].style == "bold red"
