"""Helpers for DataTables that are refilled from the store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist


def selected_key(table: DataTable) -> str | None:
    """The key of the row under the cursor, or None for an empty table."""
    if table.row_count == 0:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


@contextmanager
def cursor_kept(table: DataTable) -> Iterator[None]:
    """Refill a table inside this block and the cursor stays on the same row (by key)."""
    key, row = selected_key(table), table.cursor_row
    yield
    if table.row_count == 0:
        return
    try:
        row = table.get_row_index(key) if key is not None else row
    except RowDoesNotExist:  # the row is gone: stay at the same height
        row = min(row, table.row_count - 1)
    table.move_cursor(row=row, animate=False)
