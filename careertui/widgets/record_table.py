"""A DataTable of plan records, one row each, keyed so the cursor stays on its record."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar, Generic, TypeVar

from rich.console import RenderableType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from careertui.compat import FastRows
from careertui.widgets.column_fit import Column, cell_width, cut_cell, grown_widths
from careertui.widgets.confirm import ConfirmDialog, if_confirmed
from careertui.widgets.form_dialog import FormDialog, Values, unless_cancelled

RecordT = TypeVar("RecordT")


def selected_key(table: DataTable[Any]) -> str | None:
    """The key of the row under the cursor, or None for an empty table."""
    if table.row_count == 0:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


@contextmanager
def cursor_kept(table: DataTable[Any]) -> Iterator[None]:
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


class RecordTable(FastRows, DataTable[Any], Generic[RecordT]):
    """Rows of records in the order given; a subclass names its COLUMNS and each row's `cells`.

    The table keeps the records it shows, so `selected` is the record under the cursor; a
    refill keeps the cursor on the same record (or at the same height when it is gone).
    Cells that hold user text must be `Text`, never `str`, which would be read as markup.
    """

    COLUMNS: ClassVar[Sequence[Column]] = ()
    # The attribute that keys a row; None keys rows by the record object itself.
    KEY_FIELD: ClassVar[str | None] = "id"

    class Save(Message):
        """The table asks its screen to save `record` (`is_new`: it was just made)."""

        def __init__(self, table: RecordTable[Any], record: object, is_new: bool) -> None:
            super().__init__()
            self.table = table
            self.record = record
            self.is_new = is_new

        @property
        def control(self) -> RecordTable[Any]:
            return self.table

    class Delete(Message):
        """The table asks its screen to delete `record` (the person confirmed it)."""

        def __init__(self, table: RecordTable[Any], record: object) -> None:
            super().__init__()
            self.table = table
            self.record = record

        @property
        def control(self) -> RecordTable[Any]:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._records: dict[str, RecordT] = {}
        self._widths = {column.key: column.width for column in self.COLUMNS}
        self._growing = [index for index, column in enumerate(self.COLUMNS) if column.grows_to]
        self._widest: dict[str, int] = {}  # the longest cell of each growing column
        self._add_columns()

    def _add_columns(self) -> None:
        for column in self.COLUMNS:
            self.add_column(column.label, key=column.key, width=self._widths[column.key])

    def column_width(self, key: str) -> int:
        """The width the column `key` has now."""
        return self._widths[key] or 0

    # Growing columns (see Column): their widths follow the table's and their longest cells.

    def on_resize(self) -> None:
        if self._growing and self._fit_columns():
            self._add_rows(list(self._records.values()), new_columns=True)
        # A table sized to its rows grows once they are laid out: keep it in view at its size.
        self._keep_in_view()

    def _measure(self, cells: Sequence[RenderableType]) -> bool:
        """Note the widths of a row's growing cells; True when one is the longest yet."""
        longer = False
        for index in self._growing:
            key, width = self.COLUMNS[index].key, cell_width(cells[index])
            if width > self._widest.get(key, 0):
                self._widest[key], longer = width, True
        return longer

    def _fit_columns(self) -> bool:
        """Work out the growing columns' widths now; True when one changed, so the columns
        must be made again (see _add_rows)."""
        # The vertical scrollbar's room is kept either way, so a scrollbar coming and going
        # does not change the widths back and forth.
        room = (self.size.width - self.styles.scrollbar_size_vertical
                - 2 * self.cell_padding * len(self.COLUMNS))
        widths = grown_widths(self.COLUMNS, self._widest, room)
        if not self.size.width or all(self._widths[key] == width
                                      for key, width in widths.items()):
            return False
        self._widths.update(widths)
        return True

    def _cut(self, cells: Sequence[RenderableType]) -> list[RenderableType]:
        """A row's cells with the growing ones cut to their columns."""
        shown = list(cells)
        for index in self._growing:
            shown[index] = cut_cell(shown[index], self.column_width(self.COLUMNS[index].key))
        return shown

    def _add_rows(self, records: Sequence[RecordT], new_columns: bool = False) -> None:
        """Replace every row (and, with `new_columns`, the columns at their new widths); the
        cursor stays on its record."""
        with cursor_kept(self):
            self.clear(columns=new_columns)
            if new_columns:
                self._add_columns()
            self._records = {self.record_key(record): record for record in records}
            self.add_lazy_rows(self._records, self._row_cells)

    def _row_cells(self, key: str) -> list[RenderableType]:
        """The cells of the row `key` as drawn, made from its record whenever they are read:
        a table of thousands keeps only its records (see FastRows.add_lazy_rows)."""
        return self._cut(self.cells(self._records[key]))

    def record_key(self, record: RecordT) -> str:
        """The row key of `record`: its KEY_FIELD, or the object's identity."""
        if self.KEY_FIELD is None:
            return f"record-{id(record)}"
        return str(getattr(record, self.KEY_FIELD))

    def cells(self, record: RecordT) -> Sequence[RenderableType]:
        """What `record`'s row shows, one cell per column."""
        raise NotImplementedError

    def show(self, records: Iterable[RecordT]) -> None:
        """Replace every row with `records`, in that order."""
        records = list(records)
        self._widest = {}
        if self._growing:
            for record in records:
                self._measure(self.cells(record))
        self._add_rows(records, new_columns=self._fit_columns())
        self._keep_in_view()

    def add_record(self, record: RecordT) -> None:
        """Append a row for `record`."""
        if self._measure(self.cells(record)) and self._fit_columns():
            self._add_rows([*self._records.values(), record], new_columns=True)
        else:
            key = self.record_key(record)
            self._records[key] = record
            self.add_lazy_rows([key], self._row_cells)
        self._keep_in_view()

    # A focused list is always in view: the scroll areas around it follow it as it grows and
    # as its cursor moves (a table sized to its rows does not scroll itself).

    def on_focus(self) -> None:
        self._keep_in_view()

    def on_data_table_row_highlighted(self, _: DataTable.RowHighlighted) -> None:
        self._keep_in_view()

    def _keep_in_view(self) -> None:
        if self.has_focus:
            self.call_after_refresh(self._scroll_into_view)

    def _scroll_into_view(self) -> None:
        if self.has_focus:  # still: focus may have moved on since (as to a question above)
            self.shown_with().scroll_visible(animate=False)

    def shown_with(self) -> Widget:
        """What is kept in view with the table: the table, or what holds it and its heading."""
        return self

    def redraw(self, record: RecordT) -> None:
        """Show a changed `record` in its row, in place."""
        key = self.record_key(record)
        self._records[key] = record
        if self._measure(self.cells(record)) and self._fit_columns():
            self._add_rows(list(self._records.values()), new_columns=True)
            return
        self.update_row(key, {})  # its cells are made again from the record as it is drawn

    def remove_record(self, record: RecordT) -> None:
        key = self.record_key(record)
        del self._records[key]
        self.remove_row(key)

    @property
    def records(self) -> list[RecordT]:
        """The records shown, in row order."""
        return list(self._records.values())

    @property
    def selected(self) -> RecordT | None:
        """The record under the cursor (None for an empty table)."""
        key = selected_key(self)
        return None if key is None else self._records.get(key)

    def ask_to_save(self, dialog: FormDialog, make: Callable[[Values], object],
                    is_new: bool) -> None:
        """Open `dialog`; when it is saved, post Save with the record `make` makes of it."""
        self.app.push_screen(dialog, unless_cancelled(
            lambda values: self.post_message(self.Save(self, make(values), is_new))))

    def ask_to_delete(self, record: object, question: str) -> None:
        """Ask `question`; after a yes, post Delete for `record`."""
        self.app.push_screen(ConfirmDialog(question),
                             if_confirmed(lambda: self.post_message(self.Delete(self, record))))

    def select(self, record: RecordT) -> None:
        """Put the cursor on `record`'s row."""
        self.select_key(self.record_key(record))

    def select_key(self, key: str) -> None:
        """Put the cursor on the row keyed `key`."""
        self.move_cursor(row=self.get_row_index(key), animate=False)
