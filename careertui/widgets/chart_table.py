"""The numbers of the charts on screen as tables in a modal: their text alternative."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from careertui.charts.tables import ChartTable


class ChartTableDialog(ModalScreen[None]):
    """One table per chart, under its title; `c` copies them as text, escape closes."""

    DEFAULT_CSS = """
    ChartTableDialog { align: center middle; }
    ChartTableDialog > VerticalScroll {
        width: auto; min-width: 50; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ChartTableDialog .chart-table-title { text-style: bold; margin-top: 1; }
    ChartTableDialog DataTable { height: auto; max-height: 16; width: auto; }
    ChartTableDialog .chart-table-keys { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape,ctrl+t", "dismiss", "Close"),
        Binding("c", "copy", "Copy as text"),
    ]

    def __init__(self, tables: list[ChartTable]) -> None:
        super().__init__()
        self.tables = tables

    def compose(self) -> ComposeResult:
        with VerticalScroll(can_focus=False):
            for table in self.tables:
                yield Static(table.title, classes="chart-table-title", markup=False)
                if table.rows:
                    grid: DataTable[str] = DataTable(zebra_stripes=True, cursor_type="row")
                    grid.add_columns(*table.headers)
                    grid.add_rows(table.rows)
                    yield grid
                else:
                    yield Static("Nothing to show yet.", markup=False)
            yield Static("c copy as text · escape close", classes="chart-table-keys")

    def action_copy(self) -> None:
        self.app.copy_to_clipboard("\n\n".join(table.as_text() for table in self.tables))
        count = len(self.tables)
        self.notify(f"Copied {count} table{'s' if count != 1 else ''} (tab-separated) to the "
                    "clipboard.", timeout=5)
