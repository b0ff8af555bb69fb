"""Each shim of careertui.compat tried on the real library, so an upgrade shows which broke."""

from __future__ import annotations

import re

import plotext
import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from careertui.compat import CompatError, _private, figure_text, forget_tables, new_figure

ANSI = re.compile("\x1b")


# TinyDB ------------------------------------------------------------------------------------------

def test_after_a_raw_write_forget_tables_makes_tables_read_it_and_insert_a_fresh_id():
    db = TinyDB(storage=MemoryStorage)
    goals = db.table("goals")
    goals.insert({"statement": "old"})
    assert goals.all() == [{"statement": "old"}]  # the table and its query cache exist now
    db.storage.write({"goals": {str(n): {"statement": f"new {n}"} for n in range(1, 6)}})
    forget_tables(db)
    goals = db.table("goals")
    assert [doc["statement"] for doc in goals.all()] == [f"new {n}" for n in range(1, 6)]
    assert goals.insert({"statement": "added"}) == 6


def test_without_forget_tables_tinydb_would_reuse_a_taken_id():
    """Why the shim exists: if TinyDB ever stops caching, this fails and the shim can go."""
    db = TinyDB(storage=MemoryStorage)
    db.table("goals").insert({"statement": "old"})
    db.storage.write({"goals": {"1": {"statement": "a"}, "2": {"statement": "b"}}})
    with pytest.raises(ValueError, match="already exists"):
        db.table("goals").insert({"statement": "clash"})


# plotext -----------------------------------------------------------------------------------------

def test_new_figure_is_a_figure_of_its_own():
    plotext.clear_figure()
    first, second = new_figure(), new_figure()
    assert first is not second
    first.plot([1, 2, 3], [3, 1, 2])
    assert plotext._core._figure.monitor.x == []  # the global figure is untouched


@pytest.mark.parametrize(("width", "height"), [(30, 8), (72, 18), (200, 60)])
def test_figure_text_is_exactly_the_size_asked_for_without_colour_codes(width, height):
    plt = new_figure()
    plt.title("Skills over time")
    plt.plot([1, 2, 3], [3, 1, 2], color="green", label="mine")
    text = figure_text(plt, width, height)
    lines = text.splitlines()
    assert len(lines) == height
    assert {len(line) for line in lines} == {width}
    assert not ANSI.search(text)
    assert "Skills over time" in text and "mine" in text


def test_a_private_part_that_is_gone_is_named_with_the_library_version():
    with pytest.raises(CompatError, match=r"tinydb \S+ has no tinydb\.database\.TinyDB\._gone"):
        _private(TinyDB(storage=MemoryStorage), "_gone")
    with pytest.raises(CompatError, match=r"plotext \S+ has no plotext\._nothing\.x"):
        _private("plotext._nothing", "x")
