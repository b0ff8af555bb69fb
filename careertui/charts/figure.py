"""What a chart shows, as a value: a drawer and its series, equal when they would draw the same."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from careertui.compat import Figure


class Frame(NamedTuple):
    """What a drawer may need of the widget it draws in: its size and its background colour."""

    width: int
    height: int
    canvas: tuple[int, int, int]


class ChartFigure:
    """`draw(plt, *args)`, or `draw(plt, *args, frame=Frame(...))` when `framed`.

    Two figures are equal when their drawer and their arguments are (lists and dicts compared
    by value), so a chart given an equal figure again has nothing to draw.
    """

    __slots__ = ("_hash", "args", "draw", "framed", "key")

    def __init__(self, draw: Callable[..., None], *args: Any, framed: bool = False) -> None:
        self.draw, self.args, self.framed = draw, args, framed
        self.key: Hashable = (draw, framed, frozen(args))
        self._hash: int | None = None  # a chart looks its drawing up on every paint

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChartFigure) and other.key == self.key

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(self.key)
        return self._hash

    def __repr__(self) -> str:
        return f"ChartFigure({getattr(self.draw, '__name__', self.draw)!r}, {len(self.args)} args)"

    def on(self, plt: Figure, frame: Frame) -> None:
        """Draw this figure on `plt`, a chart of `frame`'s size and colour."""
        if self.framed:
            self.draw(plt, *self.args, frame=frame)
        else:
            self.draw(plt, *self.args)


def frozen(value: Any) -> Hashable:
    """`value` with its lists, tuples and dicts made tuples, all the way down, so it hashes."""
    if isinstance(value, list | tuple):
        return tuple(frozen(item) for item in value)
    if isinstance(value, dict):
        return ("dict", *((key, frozen(item)) for key, item in value.items()))
    return value
