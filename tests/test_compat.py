"""Each shim of careertui.compat tried on the real library, so an upgrade shows which broke."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable

import plotext
import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Static, Tree
from textual.widgets.tree import TreeNode
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from careertui.compat import (
    CompatError,
    FastRows,
    OneLabelWidth,
    ResumedAsStyled,
    UnmeasuredRows,
    _private,
    build_mode,
    figure_text,
    forget_tables,
    lay_out_ahead,
    lay_out_tree,
    new_figure,
    styled_as_app_is,
)

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


# Textual -----------------------------------------------------------------------------------------

class CountingTable(UnmeasuredRows, DataTable[str]):
    pass


class CountingTree(OneLabelWidth, Tree[str]):
    """Records the width each line was laid out in, and how often the geometry was asked."""

    def __init__(self) -> None:
        super().__init__("root")
        self.widths: list[int] = []

    def get_label_width(self, node: TreeNode[str]) -> int:
        width = self.label_region_width()
        self.widths.append(width)
        return width


class Holder(App[None]):
    def __init__(self, make: Callable[[], Widget]) -> None:
        super().__init__()
        self.make = make

    def compose(self) -> ComposeResult:
        yield self.make()


def test_data_table_still_has_the_private_method_unmeasured_rows_overrides():
    # If Textual renames it, the override would silently stop working: fail here instead.
    assert list(inspect.signature(DataTable._update_dimensions).parameters) == ["self",
                                                                                 "new_rows"]


async def test_unmeasured_rows_keep_fixed_widths_and_still_size_the_table():
    async with Holder(CountingTable).run_test(size=(40, 10)) as pilot:
        table = pilot.app.query_one(CountingTable)
        table.add_column("Title", key="title", width=8)
        table.add_rows([("a much longer title than eight",)] * 30)
        await pilot.pause()
        assert table.columns["title"].content_width == len("Title")  # no cell was measured
        assert table.virtual_size.height == 31  # the header and 30 rows: the table scrolls
        assert table.get_row_at(29) == ["a much longer title than eight"]


class FastTable(FastRows, DataTable[str]):
    pass


class LazyTable(UnmeasuredRows, FastRows, DataTable[str]):
    """Its columns have fixed widths: DataTable reads no row to measure it."""


def _table_state(table: DataTable[str]) -> tuple:
    return ([table.get_row_at(index) for index in range(table.row_count)],
            [key.value for key in table.rows], table.cursor_coordinate, table.virtual_size)


async def test_fast_rows_add_keyed_rows_builds_the_table_add_row_builds():
    rows = [(f"key-{n}", (f"title {n}", str(n))) for n in range(40)]
    states = []
    for add in ("add_row", "add_keyed_rows"):
        async with Holder(FastTable).run_test(size=(40, 10)) as pilot:
            table = pilot.app.query_one(FastTable)
            table.add_column("Title", key="title", width=12)
            table.add_column("N", key="n", width=3)
            if add == "add_row":
                for key, cells in rows:
                    table.add_row(*cells, key=key)
            else:
                table.add_keyed_rows(rows)
            await pilot.pause()
            table.move_cursor(row=39)
            await pilot.pause()
            assert table.get_row_index("key-39") == 39
            states.append(_table_state(table))
    assert states[0] == states[1]


async def test_fast_rows_refuses_a_taken_key_and_too_many_cells():
    from textual.widgets.data_table import DuplicateKey

    async with Holder(FastTable).run_test(size=(40, 10)) as pilot:
        table = pilot.app.query_one(FastTable)
        table.add_column("Title", key="title", width=12)
        table.add_keyed_rows([("a", ("one",))])
        with pytest.raises(DuplicateKey):
            table.add_keyed_rows([("a", ("again",))])
        with pytest.raises(ValueError, match="More values"):
            table.add_keyed_rows([("b", ("one", "two"))])


async def test_fast_rows_update_row_redraws_that_row_and_keeps_the_others_cached():
    async with Holder(FastTable).run_test(size=(40, 10)) as pilot:
        table = pilot.app.query_one(FastTable)
        table.add_column("Box", key="box", width=3)
        table.add_column("Title", key="title", width=12)
        table.add_keyed_rows([(f"k{n}", ("☐", f"item {n}")) for n in range(8)])
        await pilot.pause()
        rows_cache = _private(table, "_row_render_cache")
        before = set(rows_cache.keys())
        table.update_row("k3", {"box": "☑"})
        await pilot.pause()
        assert table.get_row("k3") == ["☑", "item 3"]
        assert "☑" in "".join(s.text for s in table.render_line(4))  # header, then rows 0-3
        rendered = {key[0].value for key in set(rows_cache.keys()) - before}
        assert rendered == {"k3"}  # update_cell would have rendered every visible row again
        with pytest.raises(KeyError):
            table.update_row("gone", {"box": "☑"})


async def test_lazy_rows_make_cells_only_for_the_rows_read_and_from_the_record_as_it_is():
    records = {f"k{n}": f"item {n}" for n in range(1000)}
    read: list[str] = []

    def cells_of(key: str) -> tuple[str, str]:
        read.append(key)
        return ("☑" if records[key].endswith("done") else "☐", records[key])

    async with Holder(LazyTable).run_test(size=(40, 10)) as pilot:
        table = pilot.app.query_one(LazyTable)
        table.add_column("Box", key="box", width=3)
        table.add_column("Title", key="title", width=12)
        table.add_lazy_rows(records, cells_of)
        await pilot.pause()
        assert table.row_count == 1000
        assert 0 < len(set(read)) < 20  # the rows on screen, not the thousand
        assert "item 0" in "".join(s.text for s in table.render_line(1))
        records["k0"] = "item 0 done"
        table.update_row("k0", {})  # drawn again from the record
        await pilot.pause()
        assert table.get_row("k0") == ["☑", "item 0 done"]
        assert "☑" in "".join(s.text for s in table.render_line(1))
        table.update_cell("k5", "title", "set by hand")  # a cell set is kept
        assert table.get_cell("k5", "title") == "set by hand"
        assert table.get_cell("k5", "box") == "☐"
        table.remove_row("k999")
        assert table.row_count == 999
        table.move_cursor(row=998)
        await pilot.pause()
        assert table.get_row_at(998) == ["☐", "item 998"]
        assert {"k998", "k0", "k5"} <= set(read) and len(set(read)) < 60
        read.clear()
        assert table.get_row("k7") == ["☐", "item 7"] and read == ["k7"]  # one call a row
        assert table.get_row("k5") == ["☐", "set by hand"]


def test_tree_still_builds_its_lines_in_the_private_method_one_label_width_wraps():
    assert callable(Tree._build) and isinstance(inspect.getattr_static(Tree, "_tree_lines"),
                                                property)


async def test_one_label_width_lays_out_every_line_in_one_width_and_lay_out_tree_builds():
    async with Holder(CountingTree).run_test(size=(50, 10)) as pilot:
        tree = pilot.app.query_one(CountingTree)
        tree.root.expand()
        for n in range(20):
            tree.root.add_leaf(f"item {n}")
        await pilot.pause()
        tree.widths.clear()
        tree.root.add_leaf("one more")
        lay_out_tree(tree)  # lays the lines out now, not at the next paint
        assert len(tree.widths) == 22  # root and 21 leaves
        assert set(tree.widths) == {tree.scrollable_content_region.width}
        assert tree._built_width is None  # outside a build the width is asked afresh
        tree.move_cursor(tree.root.children[-1])
        assert tree.cursor_line == 21


# Screens: styled once, not again on each switch -------------------------------------------------

class Plain(ResumedAsStyled, Screen[None]):
    DEFAULT_CSS = "Plain Static { background: $primary; }"

    def compose(self) -> ComposeResult:
        yield Static("text")

    def on_mount(self) -> None:
        styled_as_app_is(self)


def _made_styled() -> Screen[None]:
    screen = Plain()
    styled_as_app_is(screen)
    return screen


class Modes(App[None]):
    MODES = {"a": _made_styled, "b": _made_styled}
    DEFAULT_MODE = "a"


def _counting(app: App[None], name: str) -> list[object]:
    calls: list[object] = []
    original = getattr(app, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return original(*args, **kwargs)

    setattr(app, name, counted)
    return calls


async def test_a_screen_made_styled_is_not_restyled_on_its_first_visit_or_on_a_switch_back():
    app = Modes()
    async with app.run_test() as pilot:
        refreshes, restyles = _counting(app, "refresh_css"), _counting(app, "update_styles")
        await app.switch_mode("b")
        await pilot.pause()
        app.switch_mode("a")
        await pilot.pause()
        assert refreshes == []  # Textual would re-parse all CSS on the first visit to "b"
        assert not any(isinstance(node, Screen) for node, *_ in restyles)


async def test_a_theme_changed_while_a_screen_was_hidden_restyles_it_on_the_switch_back():
    app = Modes()
    async with app.run_test() as pilot:
        await app.switch_mode("b")
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        app.switch_mode("a")
        await pilot.pause()
        static = app.screen.query_one(Static)
        assert static.styles.background == app.current_theme.to_color_system().primary


@pytest.mark.parametrize("ahead", [False, True], ids=["shown as built", "laid out ahead"])
async def test_a_screen_laid_out_ahead_is_drawn_before_its_first_show(ahead):
    app = Modes()
    async with app.run_test(size=(60, 12)) as pilot:
        await build_mode(app, "b")
        await pilot.pause()
        screen = app.get_screen_stack("b")[0]
        static = screen.query_one(Static)
        if ahead:
            lay_out_ahead(screen, app.size)
            await pilot.pause()
            assert app.screen is not screen  # nothing was shown
        renders = _counting(static, "render")
        await app.switch_mode("b")
        await pilot.pause()
        assert app.screen is screen
        assert "text" in "".join(strip.text for strip in screen._compositor.render_strips())  # noqa: SLF001
        # Its lines were drawn ahead: the show only puts them together.
        assert (renders == []) is ahead
