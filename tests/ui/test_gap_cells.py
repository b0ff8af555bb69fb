"""What a row of the gap table shows: levels as the model rounds them, rough ratings marked."""

from __future__ import annotations

import pytest
from textual.app import App

from careertui.model.gaps import Gap
from careertui.screens.gaps.gap_table import GapTable


async def row(**changes) -> list[str]:
    gap = Gap(**{"key": "2.C.1.a", "name": "Administration", "domain": "knowledge",
                 "category": "", "current": 5.0, "rated": True, "required": 4.85,
                 "importance": 3.75, **changes})
    async with App().run_test():  # a widget is made inside a running app
        return [str(cell) for cell in GapTable().cells(gap)]


async def test_the_shown_numbers_add_up():
    area, you, needed, gap, importance, _ = await row()
    assert (area, you, needed, importance) == ("K Administration", "5.0", "4.8", "3.8")
    assert float(gap) == pytest.approx(float(needed) - float(you))


@pytest.mark.parametrize("rough, marked", [(True, "≈"), (False, "")])
async def test_a_rating_onet_says_not_to_rely_on_is_marked(rough, marked):
    _, _, needed, _, importance, _ = await row(low_precision=rough)
    assert needed == f"{marked}4.8" and importance == f"{marked}3.8"


async def test_an_unrated_area_says_so():
    assert (await row(rated=False, current=0.0))[1] == "0 ?"
