"""Chart figures as values: equal when they would draw the same, hashable, drawn with a frame."""

from __future__ import annotations

from careertui.charts.figure import ChartFigure, Frame, frozen
from careertui.charts.progress import ChartKind, draw_progress
from careertui.charts.timeline import draw_timeline

COMPLETION = (["2026-11-24", "2026-12-01"], [1, 2], [2, 3])


def test_figures_of_equal_series_are_equal_and_hash_alike():
    one = ChartFigure(draw_progress, ChartKind.COMPLETION, COMPLETION)
    copy = ChartFigure(draw_progress, ChartKind.COMPLETION, (list(COMPLETION[0]), [1, 2], [2, 3]))
    assert one == copy and hash(one) == hash(copy)
    assert len({one, copy}) == 1


def test_another_series_kind_or_drawer_is_another_figure():
    one = ChartFigure(draw_progress, ChartKind.COMPLETION, COMPLETION)
    assert one != ChartFigure(draw_progress, ChartKind.COMPLETION, (COMPLETION[0], [1, 3], [2, 3]))
    assert one != ChartFigure(draw_progress, ChartKind.PER_GOAL, COMPLETION)
    assert one != ChartFigure(draw_timeline, ChartKind.COMPLETION, COMPLETION)
    assert one != ChartFigure(draw_progress, ChartKind.COMPLETION, COMPLETION, framed=True)
    assert one != (draw_progress, ChartKind.COMPLETION, COMPLETION)


def test_frozen_makes_lists_and_dicts_hashable_and_keeps_dicts_apart_from_pairs():
    skills = (["2026-01-01"], {"Coaching": [3.0, None]})
    assert hash(frozen(skills)) == hash(frozen((("2026-01-01",), {"Coaching": (3.0, None)})))
    assert frozen({"a": 1}) != frozen([("a", 1)])
    assert frozen("text") == "text"


def test_a_framed_figure_gets_the_frame_and_a_plain_one_only_its_series():
    calls = []
    frame = Frame(40, 10, (1, 2, 3))
    ChartFigure(lambda plt, *args, frame: calls.append((plt, args, frame)), 7, framed=True).on(
        "plt", frame)  # type: ignore[arg-type]
    ChartFigure(lambda plt, *args: calls.append((plt, args)), 7).on("plt", frame)  # type: ignore[arg-type]
    assert calls == [("plt", (7,), frame), ("plt", (7,))]
