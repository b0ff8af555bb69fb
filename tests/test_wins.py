"""The wins document: the demo against its golden file, inclusive range, months newest first."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from careertui.demo import demo_plan
from careertui.export.wins import wins_document
from careertui.model.plan import (
    Action,
    ActionKind,
    ActionStatus,
    Goal,
    GoalStatus,
    Milestone,
    MilestoneKind,
    Plan,
    Profile,
)
from tests.conftest import TODAY
from tests.test_markdown_report import check_golden

SINCE, UNTIL = date(2026, 1, 1), date(2026, 3, 31)
DAY = timedelta(days=1)


def milestone(on: date, title: str = "", notes: str = "") -> Milestone:
    return Milestone(on, MilestoneKind.PROMOTION, title or f"Win of {on}", notes)


def done(on: date, title: str = "", goal: Goal | None = None) -> Action:
    return Action(title or f"Item of {on}", ActionKind.COURSE, goal.id if goal else None,
                  status=ActionStatus.DONE, done_on=on)


def entries(document: str) -> list[str]:
    return [line for line in document.splitlines() if line.startswith("- ")]


def test_demo_wins_match_their_golden_file():
    document = wins_document(demo_plan(TODAY), TODAY - relativedelta(years=1), TODAY)
    check_golden("demo_wins.md", document)
    assert document.startswith(f"# Wins since {TODAY - relativedelta(years=1)}, until {TODAY}")


def test_both_ends_of_the_range_are_included_and_nothing_outside():
    goal = Goal("Get promoted", status=GoalStatus.DONE, done_on=UNTIL)
    plan = Plan(
        goals=[goal, Goal("Early goal", status=GoalStatus.DONE, done_on=SINCE - DAY)],
        milestones=[milestone(SINCE - DAY), milestone(SINCE), milestone(UNTIL),
                    milestone(UNTIL + DAY)],
        actions=[done(SINCE - DAY), done(SINCE), done(UNTIL), done(UNTIL + DAY)],
    )
    shown = "\n".join(entries(wins_document(plan, SINCE, UNTIL)))
    for day in (SINCE, UNTIL):
        assert f"Win of {day}" in shown and f"Item of {day}" in shown
    for day in (SINCE - DAY, UNTIL + DAY):
        assert str(day) not in shown
    assert "Goal achieved: Get promoted" in shown and "Early goal" not in shown


def test_months_come_newest_first_across_a_year_end_and_days_within_them():
    days = [date(2025, 12, 5), date(2026, 2, 1), date(2025, 12, 20), date(2026, 2, 28),
            date(2026, 1, 15)]
    document = wins_document(Plan(milestones=[milestone(day) for day in days]),
                             date(2025, 12, 1), date(2026, 2, 28))
    assert re.findall(r"^## (.+)$", document, flags=re.MULTILINE) == [
        "February 2026", "January 2026", "December 2025"]
    shown = [date.fromisoformat(line.split()[1]) for line in entries(document)]
    assert shown == sorted(days, reverse=True)
    december = document[document.index("## December 2025"):]
    assert set(re.findall(r"\d{4}-\d\d-\d\d", december)) == {"2025-12-05", "2025-12-20"}


def test_a_day_lists_milestones_then_goals_then_items():
    goal = Goal("Lead the team", status=GoalStatus.DONE, done_on=SINCE)
    plan = Plan(goals=[goal], actions=[done(SINCE, "Course", goal)],
                milestones=[milestone(SINCE, "Promotion")])
    lines = entries(wins_document(plan, SINCE, UNTIL))
    assert "Promotion" in lines[0]
    assert "Goal achieved" in lines[1]
    assert "Course" in lines[2]


def test_the_summary_counts_each_kind_of_win():
    goal = Goal("Lead the team", status=GoalStatus.DONE, done_on=SINCE)
    plan = Plan(goals=[goal], milestones=[milestone(SINCE), milestone(UNTIL)],
                actions=[done(SINCE), done(SINCE + DAY), done(UNTIL)])
    assert ("2 milestones, 1 goal achieved and 3 action items done from 2026-01-01 to "
            "2026-03-31, both days included.") in wins_document(plan, SINCE, UNTIL)


def test_done_items_name_the_goal_they_served_and_milestones_their_notes():
    goal = Goal("Speak at 4 meet-ups")
    plan = Plan(goals=[goal], actions=[done(SINCE, "Talk at PyData", goal), done(SINCE, "Solo")],
                milestones=[milestone(SINCE, "Keynote invite", "From the organisers")])
    lines = entries(wins_document(plan, SINCE, UNTIL))
    assert "Talk at PyData · course · for the goal “Speak at 4 meet-ups”" in lines[1]
    assert lines[2].endswith("Solo · course")
    assert "**Keynote invite** · Promotion · From the organisers" in lines[0]


def test_open_items_are_not_wins():
    plan = Plan(actions=[Action("Still to do", due=SINCE)])
    assert "No wins recorded from 2026-01-01 to 2026-03-31" in wins_document(plan, SINCE, UNTIL)


def test_an_empty_period_says_so_in_one_clear_line():
    plan = Plan(profile=Profile("Ada"), milestones=[milestone(UNTIL + DAY)])
    document = wins_document(plan, SINCE, UNTIL)
    assert document.splitlines() == [
        "# Wins since 2026-01-01, until 2026-03-31", "", "Ada", "",
        "No wins recorded from 2026-01-01 to 2026-03-31: no milestones, no goals achieved and "
        "no action items done."]
    assert "is after" in wins_document(plan, UNTIL, SINCE)


def test_user_text_cannot_make_headings_or_markup():
    plan = Plan(milestones=[milestone(SINCE, "# Not a heading *really*")],
                profile=Profile("## Me"))
    document = wins_document(plan, SINCE, UNTIL)
    assert re.findall(r"^#+ ", document, flags=re.MULTILINE) == ["# ", "## "]  # title, month
    assert r"\# Not a heading \*really\*" in document
