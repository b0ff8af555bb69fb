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
from importlib import metadata
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
    from collections.abc import Iterable

    from textual.widgets import DataTable, Tree
    from textual.widgets.data_table import RowKey

    _DataTableBase = DataTable[Any]
    _TreeBase = Tree[str]
else:
    _DataTableBase = _TreeBase = object


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


def lay_out_tree(tree: Tree[Any]) -> None:
    """Lay out `tree`'s lines now (Tree._tree_lines), so a node just added has its line and
    the cursor can move to it; Tree does it only when it next draws."""
    _private(tree, "_tree_lines")
