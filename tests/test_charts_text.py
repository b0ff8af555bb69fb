"""Charts as plain text: no colour codes, the asked size, legends and labels, marks that differ."""

from __future__ import annotations

import re
from datetime import timedelta

import plotext
import pytest

from careertui.charts.figure import Frame
from careertui.charts.gaps import draw_gaps
from careertui.charts.overview import draw_done_vs_planned
from careertui.charts.plan_timeline import draw_plan_timeline
from careertui.charts.progress import (
    BAR_ALL,
    BAR_DONE,
    DONE_MARKER,
    SKILL_MARKERS,
    ChartKind,
    draw_per_goal,
    draw_progress,
    has_data,
)
from careertui.charts.text import CHART_NAMES, TIMELINE, chart_text, plan_charts
from careertui.charts.timeline import draw_timeline
from careertui.demo import demo_plan
from careertui.model.plan import Action, ActionStatus, Destination, Goal, HorizonGoal, Measure, Plan
from careertui.model.progress import TimelineEvent, completion_over_time, skill_history
from careertui.model.timeline import timeline
from tests.conftest import TODAY

CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")  # anything but a newline


@pytest.fixture(scope="module")
def demo_charts():
    return {chart.name: chart.text for chart in plan_charts(demo_plan(TODAY), TODAY)}


def test_the_demo_plan_has_all_five_charts(demo_charts):
    assert list(demo_charts) == [*CHART_NAMES.values(), TIMELINE]


def test_chart_text_has_no_escape_or_control_characters(demo_charts):
    for name, text in demo_charts.items():
        assert not CONTROL.search(text), name


@pytest.mark.parametrize(("width", "height"), [(72, 18), (40, 10), (120, 30)])
def test_chart_text_has_the_size_asked_for(width, height):
    series = completion_over_time(demo_plan(TODAY).actions, TODAY)
    text = chart_text(lambda plt: draw_progress(plt, ChartKind.COMPLETION, series), width, height)
    lines = text.splitlines()
    assert len(lines) == height
    assert max(map(len, lines)) <= width
    assert all(line == line.rstrip() for line in lines)


def test_chart_text_never_draws_on_the_global_plotext_figure():
    plotext.clear_figure()
    chart_text(lambda plt: plt.plot([1, 2, 3], [3, 1, 2], label="mine"))
    assert plotext._core._figure.monitor.x == []


def test_completion_chart_shows_its_legend_and_marks_done_apart_from_planned(demo_charts):
    text = demo_charts[CHART_NAMES[ChartKind.COMPLETION]]
    assert "planned (due by then)" in text and "done" in text
    assert f"{DONE_MARKER * 2} done" in text  # the legend names the marker, not a colour
    assert DONE_MARKER in text and re.search("[\u2801-\u28ff]", text)  # braille: planned


def test_skill_chart_gives_each_skill_its_own_marker_in_the_legend(demo_charts):
    text = demo_charts[CHART_NAMES[ChartKind.SKILLS]]
    names = list(skill_history(demo_plan(TODAY).assessments)[1])
    # Not strict: a plan may have fewer changed skills than there are markers.
    for marker, name in zip(SKILL_MARKERS, names, strict=False):
        assert f"{marker * 2} {name[:10]}" in text


def test_timeline_chart_labels_today_and_each_horizon(demo_charts):
    text = demo_charts[TIMELINE]
    for label in ("today", "1y", "3y", "5y", "10y", "goal at its target date", "10-year horizon"):
        assert label in text


def bar_row(text: str, label: str) -> str:
    """The bar drawn on the line of the y tick `label`."""
    line = next(line for line in text.splitlines() if label in line)
    return line.split("┤", 1)[1]


def test_per_goal_bars_show_the_share_done_by_shade_not_colour():
    data = [("Speak", 1, 4), ("Lead", 3, 4), ("Budget", 0, 4)]
    text = chart_text(lambda plt: draw_per_goal(plt, data))
    assert f"Items done ({BAR_DONE}) of all ({BAR_ALL})" in text
    shares = {}
    for name, done, total in data:
        row = bar_row(text, f"{name} {done}/{total}")
        shares[name] = row.count(BAR_DONE) / (row.count(BAR_DONE) + row.count(BAR_ALL))
    assert shares["Budget"] == 0
    assert shares["Speak"] == pytest.approx(0.25, abs=0.05)
    assert shares["Lead"] == pytest.approx(0.75, abs=0.05)


def test_measures_chart_shows_progress_under_the_target_bar():
    text = chart_text(lambda plt: draw_progress(plt, ChartKind.MEASURES,
                                                [("Talks", 1, 4, "talks", 0.0)]))
    row = bar_row(text, "Talks 1/4")
    assert row.count(BAR_DONE) / (row.count(BAR_DONE) + row.count(BAR_ALL)) == pytest.approx(
        0.25, abs=0.05)


@pytest.mark.parametrize("kind", list(ChartKind))
def test_a_chart_without_data_says_so(kind):
    empty = {ChartKind.COMPLETION: ([], [], []), ChartKind.PER_GOAL: [("Goal", 0, 0)],
             ChartKind.MEASURES: [("Goal", 1, 0, "", 0.0)], ChartKind.SKILLS: (["2026-01-01"], {})}
    assert not has_data(kind, empty[kind])
    text = chart_text(lambda plt: draw_progress(plt, kind, empty[kind]))
    assert " yet" in text or "show here" in text


def test_plan_charts_leaves_out_the_charts_without_data():
    assert plan_charts(Plan(), TODAY) == []
    goal = Goal("Ship the data platform by June", measure=Measure("modules", 1, 4))
    plan = Plan(goals=[goal], actions=[Action("Write the design", goal_id=goal.id,
                                              status=ActionStatus.DONE, done_on=TODAY)],
                destination=Destination(goals=[HorizonGoal(1, "Team lead")]))
    names = [chart.name for chart in plan_charts(plan, TODAY)]
    assert names == [CHART_NAMES[ChartKind.COMPLETION], CHART_NAMES[ChartKind.PER_GOAL],
                     CHART_NAMES[ChartKind.MEASURES], TIMELINE]


def test_a_measure_bar_counts_from_the_goals_start():
    rows = [("Lead sprints", 2, 4, "sprints", 2.0), ("Posts", 3, 4, "posts", 2.0)]
    text = chart_text(lambda plt: draw_progress(plt, ChartKind.MEASURES, rows))
    started, halfway = bar_row(text, "Lead sprints 2/4"), bar_row(text, "Posts 3/4")
    assert started.count(BAR_DONE) == 0  # from 2 to 4, still at 2: nothing done yet
    width = halfway.count(BAR_DONE) + halfway.count(BAR_ALL)
    assert halfway.count(BAR_DONE) / width == pytest.approx(0.5, abs=0.05)


def test_timeline_drawer_draws_nothing_without_points():
    assert chart_text(lambda plt: draw_timeline(plt, [])) == chart_text(lambda plt: None)
    assert "1y" in chart_text(lambda plt: draw_timeline(plt, timeline(Destination(), TODAY)))


@pytest.mark.parametrize(("current", "share"), [(6, 1.0), (4, 1.0), (-2, 0.0), (3, 0.75)])
def test_a_measure_bar_never_goes_past_its_target_or_below_zero(current, share):
    rows = [("Talks", current, 4, "talks", 0.0), ("Posts", 2, 4, "posts", 0.0)]
    text = chart_text(lambda plt: draw_progress(plt, ChartKind.MEASURES, rows))
    talks, posts = bar_row(text, f"Talks {current}/4"), bar_row(text, "Posts 2/4")
    width = posts.count(BAR_DONE) + posts.count(BAR_ALL)  # the target bar: 100%
    assert talks.count(BAR_DONE) + talks.count(BAR_ALL) == width
    assert talks.count(BAR_DONE) / width == pytest.approx(share, abs=0.05)


RAISE = ["Raise Management of Personnel Resources from 2 to 3.8",
         "Raise Management of Financial Resources from 1.5 to 3.4"]
AREAS = ["Management of Personnel Resources", "Management of Financial Resources",
         "Telecommunications", "Personnel and Human Resources", "Administration and Management",
         "Geography", "Negotiation", "Monitoring"]


def labelled_bars(text: str) -> list[tuple[str, bool]]:
    """(tick label, whether a bar is on its line) for each plot line with a label or a bar."""
    return [(line.split("┤")[0].strip() if "┤" in line else "",
             BAR_DONE in line or BAR_ALL in line)
            for line in text.splitlines()
            if "┤" in line or ("│" in line and (BAR_DONE in line or BAR_ALL in line))]


@pytest.mark.parametrize(("width", "height"), [(44, 18), (44, 14), (72, 18), (60, 24)])
def test_every_gap_bar_is_on_its_own_labelled_line(width, height):
    text = chart_text(lambda plt: draw_gaps(plt, AREAS, [2, 1.5, 0, 2, 2.5, 0, 2, 3.5],
                                            [3.8, 3.4, 2.8, 4.1, 4.3, 2.5, 3.2, 4.4]),
                      width, height)
    bars = labelled_bars(text)
    assert all(label and drawn for label, drawn in bars), text
    assert len({label for label, _ in bars}) == len(AREAS)


@pytest.mark.parametrize("kind", [ChartKind.PER_GOAL, ChartKind.MEASURES])
def test_goal_bars_are_each_labelled_and_the_labels_differ(kind):
    data = {ChartKind.PER_GOAL: [(RAISE[0], 1, 3), (RAISE[1], 0, 2), ("Speak", 2, 2)],
            ChartKind.MEASURES: [(RAISE[0], 2, 3.8, "level", 0.0),
                                 (RAISE[1], 1.5, 3.4, "level", 0.0),
                                 ("Speak", 1, 4, "talks", 0.0)]}[kind]
    text = chart_text(lambda plt: draw_progress(plt, kind, data))
    bars = labelled_bars(text)
    assert all(label and drawn for label, drawn in bars), text
    labels = [label for label, _ in bars]
    assert len(labels) == 3 and len(set(labels)) == 3
    assert any("Personnel" in label for label in labels)
    assert any("Financial" in label for label in labels)


def test_the_plan_timeline_tells_goals_of_one_start_apart():
    events = [TimelineEvent(TODAY + timedelta(days=days), statement, "goal")
              for days, statement in ((200, RAISE[0]), (900, RAISE[1]))]
    text = chart_text(lambda plt: draw_plan_timeline(plt, events, TODAY, 5,
                                                      frame=Frame(72, 18, (0, 0, 0))))
    assert "…Personnel Resour…" in text and "…Financial Resour…" in text


FIRST_DAY = completion_over_time(
    [Action("a", created_on=TODAY, status=ActionStatus.DONE, done_on=TODAY) for _ in range(3)]
    + [Action("b", created_on=TODAY, due=TODAY), Action("c", created_on=TODAY)], TODAY)


@pytest.mark.parametrize("draw", [
    lambda plt: draw_progress(plt, ChartKind.COMPLETION, FIRST_DAY),
    lambda plt: draw_done_vs_planned(plt, *FIRST_DAY),
])
def test_a_completion_chart_of_one_day_says_what_there_is_and_what_will_appear(draw):
    assert FIRST_DAY == ([TODAY.isoformat()], [3], [1])
    text = chart_text(draw, 44, 12)
    assert "Today: 3 done, 1 due by today." in text
    assert "The lines over time start tomorrow." in text


@pytest.mark.parametrize("draw", [
    lambda plt: draw_progress(plt, ChartKind.COMPLETION, ([], [], [])),
    lambda plt: draw_done_vs_planned(plt, [], [], []),
])
def test_a_completion_chart_without_items_says_where_to_add_them(draw):
    assert "No action items yet" in chart_text(draw, 44, 12)


def test_the_overview_chart_draws_both_lines_from_two_points():
    text = chart_text(lambda plt: draw_done_vs_planned(
        plt, [(TODAY - timedelta(weeks=1)).isoformat(), TODAY.isoformat()], [0, 3], [1, 2]),
        44, 12)
    assert "planned" in text and "done" in text and "tomorrow" not in text
