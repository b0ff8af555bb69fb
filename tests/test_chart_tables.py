"""The charts' text alternatives: each table holds the numbers its chart draws."""

from __future__ import annotations

from datetime import date

from careertui.charts.figure import ChartFigure
from careertui.charts.gaps import draw_gaps_to_fit
from careertui.charts.overview import draw_done_vs_planned
from careertui.charts.plan_timeline import draw_plan_timeline
from careertui.charts.progress import ChartKind, draw_progress
from careertui.charts.tables import ChartTable, figure_table
from careertui.charts.timeline import draw_timeline
from careertui.model.progress import TimelineEvent
from careertui.model.timeline import PointKind, TimelinePoint

TODAY = date(2026, 12, 3)


def table_of(draw, *args) -> ChartTable:
    table = figure_table(ChartFigure(draw, *args))
    assert table is not None
    return table


def test_completion_lists_every_date_with_done_and_planned():
    data = (["2026-11-01", "2026-11-08"], [1, 3], [2, 4])
    table = table_of(draw_progress, ChartKind.COMPLETION, data)
    assert table.headers == ("Date", "Done", "Planned (due by then)")
    assert table.rows == [("2026-11-01", "1", "2"), ("2026-11-08", "3", "4")]


def test_per_goal_leaves_out_goals_without_items_as_the_chart_does():
    data = [("Lead planning", 2, 5), ("No items", 0, 0)]
    assert table_of(draw_progress, ChartKind.PER_GOAL, data).rows == [("Lead planning", "2", "5")]


def test_measures_show_start_now_target_and_the_share_reached():
    data = [("Give talks", 3.0, 4.0, "talks", 0.0), ("Flat", 1.0, 1.0, "x", 1.0)]
    table = table_of(draw_progress, ChartKind.MEASURES, data)
    assert table.rows == [("Give talks", "0", "3", "4", "talks", "75%")]


def test_skills_have_a_column_per_snapshot_and_a_dash_where_unrated():
    data = (["2026-01-01", "2026-06-01"], {"Writing": [3.0, 4.5], "SQL": [None, 2.0]})
    table = table_of(draw_progress, ChartKind.SKILLS, data)
    assert table.headers == ("Skill", "2026-01-01", "2026-06-01")
    assert table.rows == [("Writing", "3", "4.5"), ("SQL", "–", "2")]


def test_gaps_say_how_far_is_still_to_go():
    table = table_of(draw_gaps_to_fit, ["Writing", "Mathematics"], [2.0, 3.5], [4.5, 4.0])
    assert table.rows == [("Writing", "2", "4.5", "2.5"), ("Mathematics", "3.5", "4", "0.5")]


def test_destination_timeline_names_each_point_in_words():
    points = [TimelinePoint(PointKind.TODAY, 0, TODAY),
              TimelinePoint(PointKind.GOAL, 1, date(2027, 6, 1), "Lead the squad"),
              TimelinePoint(PointKind.ESTIMATED_GOAL, 3, date(2029, 12, 3), "Head of data"),
              TimelinePoint(PointKind.HORIZON, 10, date(2036, 12, 3))]
    assert table_of(draw_timeline, tuple(points)).rows == [
        ("2026-12-03", "today", ""),
        ("2027-06-01", "1 year goal", "Lead the squad"),
        ("2029-12-03", "3 years goal (no date set: today + N years)", "Head of data"),
        ("2036-12-03", "10-year horizon", ""),
    ]


def test_plan_timeline_tells_deadlines_from_due_dates():
    events = (TimelineEvent(date(2027, 1, 5), "Read a book", "action"),
              TimelineEvent(date(2027, 6, 3), "Lead planning", "goal"))
    table = table_of(draw_plan_timeline, events, TODAY, 3)
    assert "next 3 years" in table.title
    assert table.rows == [("2027-01-05", "action item due", "Read a book"),
                          ("2027-06-03", "goal deadline", "Lead planning")]


def test_overview_chart_and_text_copy():
    table = table_of(draw_done_vs_planned, ["2026-11-01", "2026-11-08"], [0, 1], [1, 2])
    assert table.title == "Action items: done vs planned"
    assert table.as_text().splitlines() == [
        "Action items: done vs planned", "Date\tDone\tPlanned (due by then)",
        "2026-11-01\t0\t1", "2026-11-08\t1\t2"]


def test_a_figure_of_no_known_chart_has_no_table():
    assert figure_table(ChartFigure(lambda plt: None)) is None
    assert figure_table(None) is None
