"""How a table's growing columns share its spare width, and how their cells are cut to it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text


class Column(NamedTuple):
    """A column of a RecordTable: its key, its title and a fixed width (None: fits content).

    A column that `grows_to` a width takes the table's spare width, from `width` up to its
    longest cell or that limit; its cells are then cut with "…". The other columns of its
    table have fixed widths.
    """

    key: str
    label: str
    width: int | None = None
    grows_to: int | None = None


def cell_width(cell: RenderableType) -> int:
    """The cells a text takes on screen (0 for anything else)."""
    if isinstance(cell, Text):
        return cell.cell_len
    return cell_len(cell) if isinstance(cell, str) else 0


def cut_cell(cell: RenderableType, width: int) -> RenderableType:
    """A text cut to `width` cells, ending in "…" when it was longer; anything else as it is."""
    if cell_width(cell) <= width:
        return cell
    text = cell.copy() if isinstance(cell, Text) else Text(str(cell))
    text.truncate(width, overflow="ellipsis")
    return text


def grown_widths(columns: Sequence[Column], widest: Mapping[str, int], room: int) -> dict[str, int]:
    """The width of each growing column in a table `room` cells wide (padding left out) whose
    longest cells are `widest`: the spare cells go round evenly, no column below its width nor
    past its longest cell or its limit."""
    growing = [column for column in columns if column.grows_to is not None]
    fixed = sum(column.width or len(column.label) for column in columns
                if column.grows_to is None)
    widths = {column.key: column.width or 0 for column in growing}
    wanted = {column.key: min(column.grows_to or 0, max(widest.get(column.key, 0),
                                                        len(column.label)))
              for column in growing}
    spare = room - fixed - sum(widths.values())
    while spare > 0:
        open_ = [key for key in widths if widths[key] < wanted[key]]
        if not open_:
            break
        share = max(1, spare // len(open_))
        for key in open_:
            step = min(share, wanted[key] - widths[key], spare)
            widths[key] += step
            spare -= step
    return widths
