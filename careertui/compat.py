"""Every use of a library's private API, in one place, each shim with a test in test_compat.

careertui leans on a few parts of its libraries that are not public: a TinyDB cache it must
drop, plotext's figure class and its size limit. Each is reached only through a function
here, with a comment saying why nothing public does the job; `Figure` names plotext's figure
class for annotations. After a library upgrade, tests/test_compat.py shows which shim broke,
and a shim whose private part is gone raises CompatError naming it, not an AttributeError
somewhere in a screen.

Only the standard library is imported at module level: the store imports this module, and
the store never imports a UI library. Each shim imports its library itself; library types
are named only for type checking.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plotext._figure import _figure_class as Figure
    from tinydb import TinyDB


class CompatError(RuntimeError):
    """A private part of a library that careertui relies on is gone: update careertui.compat."""


def _private(owner: object, name: str) -> Any:
    """`owner.name`, where `owner` is an object or the dotted name of a module to import;
    CompatError (naming the library, its version and the part) when that part is gone."""
    try:
        found = importlib.import_module(owner) if isinstance(owner, str) else owner
        return getattr(found, name)
    except (ImportError, AttributeError) as error:
        kind = type(owner)
        where = owner if isinstance(owner, str) else f"{kind.__module__}.{kind.__qualname__}"
        library = where.partition(".")[0]
        from importlib import metadata  # only for this message: slow to import

        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "(version unknown)"
        raise CompatError(f"{library} {version} has no {where}.{name} ({error}); "
                          "careertui/compat.py needs updating for it") from None


# TinyDB -------------------------------------------------------------------------------------------

def forget_tables(db: TinyDB) -> None:
    """Make `db` forget its Table objects after its storage was written directly.

    A Table caches its next document id and its query results, and TinyDB keeps the Table of
    each name; a raw storage write (replacing the whole plan at once) leaves them stale, and an
    insert could then pick an id already in use. TinyDB 4 offers drop_tables(), which also
    empties the storage, but nothing that only drops the cached tables.
    """
    _private(db, "_tables").clear()


# plotext ------------------------------------------------------------------------------------------

def new_figure() -> Figure:
    """A plotext figure of its own, never the global one the `plotext` module functions use.

    plotext 5.3 has no public way to make one; textual-plotext subclasses this same class.
    """
    return _private("plotext._figure", "_figure_class")()


def figure_text(plt: Figure, width: int, height: int) -> str:
    """What `plt` draws, exactly `width` columns by `height` lines, without colour codes.

    A figure is cut to the size of the terminal the program runs in (any size, or none in a
    pipe), and only the private _limit_size turns that off. Colour codes stay in the text even
    with the "clear" theme; plotext.uncolorize (public) removes them.
    """
    import plotext

    _private(plt, "_limit_size")(False, False)
    plt.plotsize(width, height)
    return plotext.uncolorize(plt.build())


# Textual ------------------------------------------------------------------------------------------
# Two widgets override private methods to stay fast with thousands of rows. The overrides are
# mixins, put before the Textual class in a widget's bases; at run time their base is object
# (no import of Textual here), for the type checker it is the Textual class they extend.

if TYPE_CHECKING:
    from textual import events
    from textual.screen import Screen
    from textual.widgets import DataTable, Tree
    from textual.widgets.data_table import RowKey

    _DataTableBase = DataTable[Any]
    _TreeBase = Tree[str]
    _ScreenBase = Screen[Any]
else:
    _DataTableBase = _TreeBase = _ScreenBase = object


class UnmeasuredRows(_DataTableBase):
    """DataTable mixin for tables whose columns all have a fixed width: new rows are not measured.

    DataTable._update_dimensions measures every cell of each new row to widen the columns of
    automatic width; for thousands of rows and no such column that is wasted work. The rest of
    it (the table's scrollable size) is still worked out. Nothing public skips the measuring.
    """

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(())


class OneLabelWidth(_TreeBase):
    """Tree mixin: while Tree._build lays out the lines, `label_region_width()` is one number.

    Tree._build asks get_label_width for each of thousands of lines, and the width (a widget
    geometry query) is the same for all of them: it is worked out once per build here.
    """

    _built_width: int | None = None

    def label_region_width(self) -> int:
        """The width the lines are laid out in."""
        if self._built_width is not None:
            return self._built_width
        return self.scrollable_content_region.width

    def _build(self) -> None:
        self._built_width = self.scrollable_content_region.width
        try:
            super()._build()
        finally:
            self._built_width = None


class FastRows(_DataTableBase):
    """DataTable mixin: add thousands of rows in one go, and change one row without redrawing
    the others.

    DataTable.add_row re-sorts the columns and sets the cursor (a reactive) for each row: most
    of the time it takes to fill a table of thousands. DataTable.update_cell counts an update
    that keys every cached row, so a tick re-renders every visible row. Nothing public adds
    many rows at once or refreshes one row's cells.
    """

    def add_keyed_rows(self, rows: Iterable[tuple[str, Sequence[Any] | _LazyCells]]) -> None:
        """Append rows of (key, cells), as add_row does for each (heights of one line)."""
        duplicate_key, row_class, row_key_class = (
            _private("textual.widgets.data_table", name) for name in ("DuplicateKey", "Row",
                                                                       "RowKey"))
        columns = [column.key for column in self.ordered_columns]
        locations = _private(self, "_row_locations")
        data, new_rows = _private(self, "_data"), _private(self, "_new_rows")
        was_empty = self.row_count == 0
        for key, cells in rows:
            row_key = row_key_class(key)
            if row_key in locations:
                raise duplicate_key(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            locations[row_key] = len(locations)
            data[row_key] = cells if isinstance(cells, _LazyCells) else dict(
                zip_longest(columns, cells))
            self.rows[row_key] = row_class(row_key, 1)
            new_rows.add(row_key)
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate  # kept inside the rows, as add_row does
        if was_empty and self.row_count and columns and self.show_cursor \
                and self.cursor_type != "none":
            self._highlight_cursor()
        self._update_count += 1
        self.check_idle()

    def add_lazy_rows(self, keys: Iterable[str], cells_of: Callable[[str], Sequence[Any]]) -> None:
        """Append rows of `keys` whose cells `cells_of(key)` makes each time the table reads
        them (to draw the row, or get_cell): nothing of them is kept but what update_cell sets.

        A table of thousands of records otherwise kept a dict and a Rich text for each of their
        cells, most never drawn (DataTable keeps every row's cells).
        """
        columns = [column.key for column in self.ordered_columns]
        self.add_keyed_rows((key, _LazyCells(columns, cells_of, key)) for key in keys)

    def get_row(self, row_key: Any) -> list[Any]:
        """The row's cells in column order; a lazy row's made in one call to its cells_of
        (DataTable reads each cell on its own, and each read would make the whole row)."""
        row = _private(self, "_data").get(row_key)
        if isinstance(row, _LazyCells) and row_key in _private(self, "_row_locations"):
            return row.ordered()
        return super().get_row(row_key)

    def update_row(self, key: str, cells: Mapping[str, Any]) -> None:
        """Change cells of the row `key` (column key -> value); only that row is drawn again.

        The columns keep their widths (as update_cell does by default).
        """
        row_key = _private("textual.widgets.data_table", "RowKey")(key)
        column_key_class = _private("textual.widgets.data_table", "ColumnKey")
        row = _private(self, "_data")[row_key]  # KeyError for a row that does not exist
        for column_key, value in cells.items():
            row[column_key_class(column_key)] = value
        # Every render cache of the row is keyed by its row key first; the line cache (lines
        # of visible rows, keyed by line) is rebuilt from the rows' caches, which stay.
        for cache_name in ("_cell_render_cache", "_row_render_cache"):
            cache = _private(self, cache_name)
            for cache_key in [k for k in cache.keys() if k[0] == row_key]:
                cache.discard(cache_key)
        index = self.get_row_index(row_key)
        renderables = _private(self, "_row_renderable_cache")
        for cache_key in [k for k in renderables.keys() if k[1] == index]:
            renderables.discard(cache_key)
        _private(self, "_line_cache").clear()
        self.refresh_row(index)


class _LazyCells(MutableMapping[Any, Any]):
    """The cells of a row of add_lazy_rows, by column key: made by `cells_of(key)` when read;
    only a cell set (DataTable.update_cell) is kept, and is read instead from then on."""

    __slots__ = ("_columns", "_cells_of", "_key", "_set")

    def __init__(self, columns: Sequence[Any], cells_of: Callable[[str], Sequence[Any]],
                 key: str) -> None:
        self._columns, self._cells_of, self._key = columns, cells_of, key
        self._set: dict[Any, Any] | None = None

    def __getitem__(self, column: Any) -> Any:
        if column not in self._columns:
            raise KeyError(column)
        return self.ordered()[self._columns.index(column)]

    def ordered(self) -> list[Any]:
        """Every cell, in the columns' order."""
        cells = list(self._cells_of(self._key))
        cells += [None] * (len(self._columns) - len(cells))
        if self._set is not None:
            for column, cell in self._set.items():
                cells[self._columns.index(column)] = cell
        return cells

    def __setitem__(self, column: Any, cell: Any) -> None:
        if column not in self._columns:
            raise KeyError(column)  # DataTable adds a column only to an empty table here
        if self._set is None:
            self._set = {}
        self._set[column] = cell

    def __delitem__(self, column: Any) -> None:
        raise KeyError(column)  # a column is removed from the table, not from one row

    def __iter__(self) -> Iterator[Any]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)


def lay_out_tree(tree: Tree[Any]) -> None:
    """Lay out `tree`'s lines now (Tree._tree_lines), so a node just added has its line and
    the cursor can move to it; Tree does it only when it next draws."""
    _private(tree, "_tree_lines")


class ResumedAsStyled(_ScreenBase):
    """Screen mixin: switching back to a screen whose styles are up to date does not style
    every widget of it again.

    Textual 8.2 restyles the whole screen on each ScreenResume a mode switch sends, though a
    change of CSS (a theme) marks the screen stale and App.switch_mode then refreshes it, and
    a class changed while it was hidden restyled its widget at once. On a screen of a few
    hundred widgets that was a third of a switch. Textual itself resumes a screen under a
    dismissed dialog without it; nothing public asks for that on a mode switch.
    """

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if _private(self, "_css_update_count") == _private(self.app, "_css_update_count"):
            event.refresh_styles = False
        super()._on_screen_resume(event)


def styled_as_app_is(screen: Any) -> None:
    """Mark a screen made while its app runs as styled with the app's CSS as it is now.

    A new screen is styled as it mounts, yet Textual 8.2 marks it never styled
    (Screen._css_update_count = -1), so the first switch to its mode re-parses every CSS rule
    of the app and restyles every widget, twice (App._init_mode, then App.switch_mode): most
    of a step's first visit. A later theme change still marks the screen stale, as before.
    Nothing public says a screen is up to date.
    """
    _private(screen, "_css_update_count")
    screen._css_update_count = _private(screen.app, "_css_update_count")


def mode_built(app: Any, mode: str) -> bool:
    """True once the screen of `mode` exists (shown, or built ahead by build_mode)."""
    return mode in _private(app, "_screen_stacks")


def build_mode(app: Any, mode: str) -> Any:
    """Make the screen of `mode` now without showing it: composed, mounted and resumed (so it
    reads the plan) in the background; returns what awaits its mounting.

    App._init_mode is the first half of App.switch_mode; Textual builds a mode's screen only
    when it is first shown, and nothing public builds it ahead.
    """
    return _private(app, "_init_mode")(mode)


def lay_out_ahead(screen: Any, size: Any) -> None:
    """Lay out a screen built ahead (see build_mode) at the terminal's `size`, and draw it into
    its widgets' line caches, not to the terminal: its first show then only puts those lines
    together, as any later show does.

    Screen._refresh_layout and the compositor's render are what showing a screen does; nothing
    public does either for a screen that is not shown.
    """
    _private(screen, "_refresh_layout")(size)
    _private(screen, "_compositor").render_update(full=True, screen_stack=[screen])
