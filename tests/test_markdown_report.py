"""The Markdown plan report: the demo against its golden file, tables, empty plans, escaping."""

from __future__ import annotations

import copy
import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careertui.demo import demo_plan
from careertui.export.markdown import GAP_ROWS, plan_report
from careertui.export.markdown_text import BREAK, CELL, escape, table
from careertui.model.gaps import role_gaps
from careertui.model.plan import (
    Action,
    ActionStatus,
    Assessment,
    CheckIn,
    CheckInKind,
    Destination,
    Goal,
    Measure,
    Milestone,
    MilestoneKind,
    Need,
    NeedKind,
    Plan,
    Profile,
    Settings,
    SkillRating,
    YearBudget,
)
from careertui.roles.library import load_library
from tests.conftest import TODAY

markdown_it = pytest.importorskip("markdown_it")  # installed with rich, which textual needs

GOLDEN = Path(__file__).parent / "golden"
# Set UPDATE_GOLDEN=1 to rewrite the golden files, then read the diff before committing.
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
MD = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
SECTIONS = ["Summary", "Profile", "Assessment", "Destination", "Gaps", "Evidence", "Scenarios",
            "Stepping stones", "Goals",
            "Action items", "Budget", "Check-ins", "Milestones", "Charts"]
HOSTILE = [
    "a | b || c",
    "line one\nline two\n\nline four",
    "`code` and ```fence``` and \\ backslash",
    "# heading?\n- list?\n> quote?\n1. ordered?\n---",
    "*bold?* _em?_ ~~gone?~~ [link](http://x) ![img](y) <b>html</b> &amp; <script>x</script>",
    "emoji 🎉🚀 and CJK 中文 and RTL עברית العربية",
    "hidden \u202ereversed\u202c and \x00nul\x07bell",
]


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed: UPDATE_GOLDEN=1 rewrites it"


def tables(markdown: str) -> list[list[str]]:
    """Every pipe table outside code blocks, as its lines."""
    found, current, fenced = [], [], False
    for line in markdown.splitlines():
        fenced ^= line.startswith("```")
        if line.startswith("|") and not fenced:
            current.append(line)
        elif current:
            found.append(current)
            current = []
    return found + ([current] if current else [])


def cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def assert_tables_are_well_formed(markdown: str) -> None:
    found = tables(markdown)
    for lines in found:
        assert re.fullmatch(r"\|( -+:? \|)+", lines[1]), lines[1]
        assert len({len(cells(line)) for line in lines}) == 1, lines
    assert sum(token.type == "table_open" for token in MD.parse(markdown)) == len(found)


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def demo_report(library):
    return plan_report(demo_plan(TODAY), TODAY, library)


def test_demo_report_matches_its_golden_file(demo_report):
    check_golden("demo_report.md", demo_report)


def test_demo_report_has_every_section_in_order(demo_report):
    headings = re.findall(r"^## (.+)$", demo_report, flags=re.MULTILINE)
    assert headings == SECTIONS
    assert demo_report.startswith("# Career plan: Maya Okafor\n\nAs of 2026-11-23.")


def test_demo_report_tables_have_the_same_columns_on_every_row(demo_report):
    assert_tables_are_well_formed(demo_report)
    assert len(tables(demo_report)) >= 8


def test_gap_table_follows_the_ranking_the_gaps_screen_shows(demo_report, library):
    plan = demo_plan(TODAY)
    occupation = library.occupation(plan.destination.target_role_code)
    open_gaps = [gap for gap in role_gaps(library, occupation, plan.assessments) if gap.gap > 0]
    gap_table = next(lines for lines in tables(demo_report) if "Priority" in lines[0])
    names = [cells(line)[1].strip() for line in gap_table[2:]]
    assert names == [gap.name for gap in open_gaps[:len(names)]]


def test_report_leaves_the_plan_unchanged(library):
    plan = demo_plan(TODAY)
    plan.destination.goals = plan.destination.goals[:1]  # a horizon goal missing
    before = copy.deepcopy(plan)
    plan_report(plan, TODAY, library)
    assert plan == before


@pytest.mark.parametrize("with_library", [True, False])
def test_empty_plan_gives_a_report_that_says_what_is_missing(with_library, library):
    report = plan_report(Plan(), TODAY, library if with_library else None)
    assert re.findall(r"^## (.+)$", report, flags=re.MULTILINE) == SECTIONS
    assert tables(report) == []
    for body in re.split(r"^## .+$", report, flags=re.MULTILINE)[2:]:  # after the summary
        assert re.search(r"^_.+_$", body, flags=re.MULTILINE), body
    assert "- **Action items:** none yet" in report


def test_gap_section_says_why_there_is_no_table(library):
    plan = demo_plan(TODAY)
    assert "needs the O\\*NET occupation data" in plan_report(plan, TODAY, None)
    plan.destination = Destination(target_role_code="99-9999.99")
    assert "99-9999.99 is not in the" in plan_report(plan, TODAY, library)
    unrated = next(occupation for occupation in library.occupations if not occupation.rated)
    plan.destination = Destination(target_role_code=unrated.code)
    assert "has no skill ratings for" in plan_report(plan, TODAY, library)


def test_goals_show_failing_smart_letters_with_their_reasons_nested():
    goal = Goal("Be better", measure=Measure())
    report = plan_report(Plan(goals=[goal]), TODAY, None)
    smart = report[report.index("- **SMART:**"):]
    lines = smart.splitlines()
    assert lines[0] == "- **SMART:** S ✗ M ✗ A ✗ R ✗ T ✗"
    assert [line[:7] for line in lines[1:6]] == [f"  - {letter}: " for letter in "SMART"]
    assert lines[6].startswith("- **Deadline:** not set")


def test_action_items_are_grouped_by_goal_with_their_status():
    goal = Goal("Finish the data course by March", deadline=TODAY + timedelta(days=90))
    actions = [
        Action("Late one", goal_id=goal.id, due=TODAY - timedelta(days=1)),
        Action("Done one", goal_id=goal.id, status=ActionStatus.DONE, done_on=TODAY),
        Action("Monthly review", due=TODAY + timedelta(days=40),
               recurrence="FREQ=MONTHLY;BYMONTHDAY=-1"),
    ]
    report = plan_report(Plan(goals=[goal], actions=actions), TODAY, None)
    section = report[report.index("## Action items"):report.index("## Budget")]
    assert section.index(f"### {goal.statement}") < section.index("### Not linked to a goal")
    rows = {cells(line)[1].strip(): [cell.strip() for cell in cells(line)]
            for lines in tables(section) for line in lines[2:]}
    assert rows["Late one"][0] == "overdue"
    assert rows["Done one"][0] == "done" and rows["Done one"][4] == str(TODAY)
    assert rows["Monthly review"][0] == "open"
    assert rows["Monthly review"][6] == "monthly, on the last day"


def test_checkins_come_newest_first():
    checkins = [CheckIn(TODAY - timedelta(days=days), CheckInKind.MENTOR, f"{days} days ago")
                for days in (30, 1, 90)]
    report = plan_report(Plan(checkins=checkins), TODAY, None)
    assert [report.index(f"{days} days ago") for days in (1, 30, 90)] == sorted(
        report.index(f"{days} days ago") for days in (1, 30, 90))


# Hostile text -------------------------------------------------------------------------------

def inline_text(markdown: str) -> tuple[list[str], str]:
    """The block token types of `markdown` and the text its inline content renders to."""
    tokens = MD.parse(markdown)
    children = [child for token in tokens if token.type == "inline" for child in token.children]
    assert all(child.type in ("text", "softbreak", "hardbreak") for child in children), children
    text = "".join(child.content if child.type == "text" else "\n" for child in children)
    return [token.type for token in tokens if token.type != "inline"], text


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_reads_as_typed_and_stays_one_paragraph(text):
    blocks, shown = inline_text(escape(text))
    assert blocks == ["paragraph_open", "paragraph_close"]
    typed = re.sub("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", "", text)
    assert shown == " ".join(line.strip() for line in typed.splitlines() if line.strip())


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_paragraph_keeps_its_lines(text):
    blocks, shown = inline_text(escape(text, BREAK))
    assert blocks == ["paragraph_open", "paragraph_close"]
    assert shown.count("\n") == sum(1 for line in text.splitlines() if line.strip()) - 1


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_cells_keep_the_table_shape(text):
    markdown = table(["Name", "Notes"], [[escape(text, CELL), "x"], ["y", escape(text, CELL)]])
    assert_tables_are_well_formed(markdown)
    rows = [token for token in MD.parse(markdown) if token.type == "tr_open"]
    assert len(rows) == 3
    assert "<br>" in escape(text, CELL) or "\n" not in text.strip()


@given(st.text(alphabet=st.sampled_from(list(
    "ab1 9#*_`[]()<>!|~\\-+=.:&;/é中😀ש\t")), max_size=24))
def test_any_line_of_markup_characters_shows_as_typed(text):
    blocks, shown = inline_text(escape(text))
    if text.strip():
        assert blocks == ["paragraph_open", "paragraph_close"]
    assert shown == text.strip()


def test_hostile_text_everywhere_keeps_the_report_shape(library):
    hostile = "\n".join(HOSTILE)
    goal = Goal(hostile, measure=Measure(hostile, 1, 2, hostile), achievable=hostile)
    plan = Plan(
        profile=Profile(hostile, hostile, hostile),
        assessments=[Assessment(TODAY, [SkillRating("custom:x", hostile, 3)], strengths=hostile)],
        destination=Destination(dream_job=hostile, target_role_title=hostile,
                                opportunities=hostile),
        needs=[Need(NeedKind.TOOL, hostile, hostile)],
        goals=[goal],
        actions=[Action(hostile, goal_id=goal.id, due=TODAY, cost=12.5)],
        checkins=[CheckIn(TODAY, notes=hostile, next_steps=hostile, confidence=3)],
        milestones=[Milestone(TODAY, MilestoneKind.OTHER, hostile, hostile)],
    )
    report = plan_report(plan, TODAY, library)
    tokens = MD.parse(report)
    assert [token.tag for token in tokens if token.type == "heading_open"].count("h2") == len(
        SECTIONS)
    assert not any(token.type in ("html_block", "blockquote_open", "code_block")
                   for token in tokens)
    inline_html = {child.content for token in tokens if token.type == "inline"
                   for child in token.children if child.type == "html_inline"}
    assert inline_html == {"<br>"}  # only the line breaks inside table cells
    assert [token.info for token in tokens if token.type == "fence"] == ["text"] * 3
    assert_tables_are_well_formed(report)
    assert "\u202e" not in report and "\x00" not in report


@pytest.mark.parametrize(("text", "escaped"), [
    ("Course fee ~$450", "Course fee ~$450"),       # a tilde that cannot close strikethrough
    ("about ~3 hours a week", "about ~3 hours a week"),
    ("~ 5 people", "\\~ 5 people"),                 # after what the template puts before it
    ("from ~2 to ~4~", "from ~2 to ~4\\~"),          # the one that could close is escaped
    ("~~gone?~~", "~~gone?\\~\\~"),
    ("a~~b~~c", "a\\~\\~b\\~\\~c"),
    ("~~~", "\\~\\~\\~"),                            # a code fence
    ("~~~python", "\\~~~python"),
])
def test_only_a_tilde_that_could_strike_text_through_is_escaped(text, escaped):
    assert escape(text) == escaped
    blocks, shown = inline_text(escape(text))
    assert (blocks, shown) == (["paragraph_open", "paragraph_close"], text)


def test_the_budget_plans_each_occurrence_of_a_repeating_cost_in_its_own_year():
    goal = Goal("Coach", deadline=date(2028, 3, 31))
    coaching = Action("Coaching", goal_id=goal.id, due=date(2026, 12, 15), cost=100,
                      recurrence="FREQ=MONTHLY")
    book = Action("Book", cost=30)  # undated: planned now
    plan = Plan(goals=[goal], actions=[coaching, book], settings=Settings(yearly_budget=1000))
    report = plan_report(plan, TODAY, None)
    assert "€1,000 allocated for 2026, €130 planned, €0 spent" in report
    assert budget_rows(report) == [["2026", "€1,000", "€130", "€0", "€870"],
                                   ["2027", "€1,000", "€1,200", "€0", "-€200"],  # twelve times
                                   ["2028", "€1,000", "€300", "€0", "€700"]]  # till March


def budget_rows(report: str) -> list[list[str]]:
    """The cells of the rows of the report's budget table."""
    section = report[report.index("## Budget"):report.index("## Check-ins")]
    return [[cell.strip() for cell in line.split("|")[1:6]]
            for line in section.splitlines() if line.startswith("| 20")]


def test_the_budget_table_shows_each_years_own_allocation():
    goal = Goal("Coach", deadline=date(2028, 3, 31))
    coaching = Action("Coaching", goal_id=goal.id, due=date(2026, 12, 15), cost=100,
                      recurrence="FREQ=MONTHLY")
    settings = Settings(yearly_budget=1000, budget_by_year=[
        YearBudget(2025, 50), YearBudget(2027, 2500), YearBudget(2029, 400)])
    report = plan_report(Plan(goals=[goal], actions=[coaching], settings=settings), TODAY, None)
    assert "€1,000 allocated for 2026, €100 planned, €0 spent" in report
    # 2029 has no cost but an amount of its own; 2025 is before this year, 2030 has neither.
    assert budget_rows(report) == [["2026", "€1,000", "€100", "€0", "€900"],
                                   ["2027", "€2,500", "€1,200", "€0", "€1,300"],
                                   ["2028", "€1,000", "€300", "€0", "€700"],
                                   ["2029", "€400", "€0", "€0", "€400"]]


@pytest.mark.parametrize(("current", "target", "shown"), [
    (1, 4, "1 of 4 talks (25%)"), (6, 4, "6 of 4 talks (100%)"), (-1, 4, "-1 of 4 talks (0%)"),
    (0, 0, "0 of 0 talks"),
])
def test_a_measures_share_is_the_one_the_chart_draws(current, target, shown):
    goal = Goal("Speak", measure=Measure("talks given", current, target, "talks"))
    assert f"**Measure:** talks given: {shown}\n" in plan_report(Plan(goals=[goal]), TODAY, None)


def test_a_low_precision_requirement_is_marked_in_the_gap_table(library):
    def top_low(occupation):
        gaps = [gap for gap in role_gaps(library, occupation, []) if gap.gap > 0][:GAP_ROWS]
        return next((gap for gap in gaps if gap.low_precision), None)
    occupation, gap = next((o, g) for o in library.occupations if (g := top_low(o)))
    plan = Plan(destination=Destination(target_role_code=occupation.code))
    report = plan_report(plan, TODAY, library)
    row = next(line for line in report.splitlines() if f"| {gap.name} " in line)
    assert f"≈{gap.required:.1f}" in row
    assert "≈: O\\*NET recommends suppressing this rating (low precision)." in report
    precise = {g.name for g in role_gaps(library, occupation, []) if not g.low_precision}
    assert all("≈" not in line for line in report.splitlines()
               if line.startswith("|") and line.split("|")[2].strip() in precise)
