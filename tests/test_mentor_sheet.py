"""The mentor sheet: written for the target's skills, filled in as a mentor would in a text
editor, read back exactly; hostile sheets refused line by line with nothing written; the
mentor's view beside yours, and the gaps by either view or their mean."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careertui import __main__ as cli
from careertui.demo import demo_plan
from careertui.export.mentor_sheet import (
    MOST_SKILLS,
    MentorSheetError,
    mentor_sheet,
    read_mentor_sheet,
    sheet_skills,
    toml_string,
)
from careertui.model.assessment import current_snapshot
from careertui.model.mentor import RatingView, disagreements, view_levels
from careertui.model.plan import (
    Assessment,
    CheckIn,
    CheckInKind,
    MentorRating,
    MentorView,
    SkillRating,
)
from careertui.roles import load_library
from careertui.store.plan_store import PlanStore
from tests.conftest import TODAY

PLAN = demo_plan(TODAY)
LIBRARY = load_library()
SHEET = mentor_sheet(PLAN, LIBRARY, TODAY)


def filled(sheet: str, mentor: str, answers: list[tuple[object, str]], advice: str = "") -> str:
    """The sheet as a mentor leaves it: their name, advice, and (level, comment) for each
    [[skill]] in order, each written as TOML."""
    answers_left = iter(answers)
    lines = []
    level: object = ""
    for line in sheet.splitlines():
        if line.startswith("mentor = "):
            line = f"mentor = {toml_string(mentor)}"
        elif line == 'advice = """' and advice:
            line = f"advice = {toml_string(advice)}"
        elif line == '"""' and advice:
            continue
        elif line.startswith("mentor_level = "):
            level, comment = next(answers_left)
            line = f"mentor_level = {json.dumps(level)}"
        elif line.startswith("comment = "):
            line = f"comment = {toml_string(comment)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_the_sheet_holds_the_targets_important_skills_with_your_levels_and_the_goals():
    skills = sheet_skills(PLAN, LIBRARY)
    assert 0 < len(skills) <= MOST_SKILLS
    document = tomllib.loads(SHEET)  # valid TOML as written
    assert [s["key"] for s in document["skill"]] == [key for key, _, _, _ in skills]
    assert document["mentor"] == "" and document["plan_owner"] == PLAN.profile.name
    negotiation = next(s for s in document["skill"] if s["name"] == "Negotiation")
    yours = {r.key: r.level for r in current_snapshot(PLAN.assessments).ratings}
    assert negotiation["self"] == yours[negotiation["key"]]
    assert all(f"#   - {goal.statement}" in SHEET for goal in PLAN.goals)


levels = st.integers(0, 14).map(lambda steps: steps / 2)
comments = st.text(max_size=30)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(levels | st.just(""), comments), min_size=len(sheet_skills(
    PLAN, LIBRARY)), max_size=len(sheet_skills(PLAN, LIBRARY))), st.text(min_size=1, max_size=20)
    .filter(lambda name: name.strip() and name.isprintable()), comments)
def test_a_filled_in_sheet_reads_back_as_the_mentor_wrote_it(answers, mentor, advice):
    sheet = read_mentor_sheet(filled(SHEET, mentor, answers, advice).encode(), PLAN, LIBRARY)
    assert sheet.mentor == mentor.strip()
    expected = [(key, name, level) for (key, name, _, _), (level, _) in zip(
        sheet_skills(PLAN, LIBRARY), answers, strict=True) if level != ""]
    assert [(r.key, r.name, r.level) for r in sheet.ratings] == expected
    for rating in sheet.ratings:  # text a terminal would act on never comes in
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", rating.comment + sheet.advice)


def problems_of(text: str) -> list[str]:
    with pytest.raises(MentorSheetError) as caught:
        read_mentor_sheet(text.encode(), PLAN, LIBRARY)
    return caught.value.problems


def line_of(text: str, needle: str, after: int = 0) -> int:
    """The line number of the first line starting with `needle` after line `after`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number > after and line.startswith(needle):
            return number
    raise AssertionError(needle)


def test_hostile_sheets_are_refused_with_each_problem_by_its_line():
    count = len(sheet_skills(PLAN, LIBRARY))
    bad = filled(SHEET, "Priya", [(9, "")] + [(True, "")] + [("", "")] * (count - 2))
    first, second = (line_of(bad, "[[skill]]"), line_of(bad, "[[skill]]",
                                                         line_of(bad, "[[skill]]")))
    found = problems_of(bad)
    assert found[0].startswith(f"line {first} (skill 1, ") and "9 is not on the scale" in found[0]
    assert found[1].startswith(f"line {second} (skill 2, ") and "mentor_level" in found[1]
    assert len(found) == 2
    changed_key = filled(SHEET, "Priya", [("", "")] * count).replace(
        'key = "2.B.1.d"', 'key = "\\u001b]0;owned\\u0007"')
    [problem] = problems_of(changed_key)
    assert "is not a skill of this plan" in problem and "\x1b" not in problem
    assert problems_of(filled(SHEET, " ", [("", "")] * count)) == [
        f"line {line_of(SHEET, 'mentor = ')}: mentor: type your name between the quotes"]
    assert problems_of("not [toml")[0].startswith("not a mentor sheet: ")
    assert problems_of('format = "something else"') == [
        'not a careertui mentor sheet (it needs format = "careertui-mentor-sheet")']
    twice = filled(SHEET, "Priya", [(3, "")] * count)
    twice += '\n[[skill]]\nkey = "2.B.1.d"\nmentor_level = 3\ncomment = ""\n'
    last = twice.count("\n") - 3
    assert problems_of(twice) == [
        f"line {last} (skill {count + 1}, Negotiation): this skill is on the sheet twice"]
    assert problems_of(b"\xff\xfe".decode("latin-1")) != []


def test_the_mentor_view_sits_beside_yours_and_the_gaps_can_use_either_or_the_mean():
    snapshot = Assessment(TODAY, [SkillRating("a", "Negotiation", 2.0),
                                  SkillRating("b", "Programming", 5.0)],
                          mentor_view=MentorView("Priya", TODAY, [
                              MentorRating("a", "Negotiation", 3.5, "sells well"),
                              MentorRating("b", "Programming", 5.0),
                              MentorRating("c", "Writing", 4.0)]))
    found = disagreements(snapshot)
    assert [d.words() for d in found] == ["you not rated, mentor 4.0: Writing",
                                          "you 2.0, mentor 3.5: Negotiation",
                                          "you 5.0, mentor 5.0: Programming"]
    assert view_levels(snapshot, RatingView.SELF) == {"a": 2.0, "b": 5.0}
    assert view_levels(snapshot, RatingView.MENTOR) == {"a": 3.5, "b": 5.0, "c": 4.0}
    assert view_levels(snapshot, RatingView.MEAN) == {"a": 2.75, "b": 5.0, "c": 4.0}
    assert disagreements(None) == [] and view_levels(None, RatingView.MEAN) == {}


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path)
    store.replace_plan(demo_plan(date.today()))
    store.close()
    return path


def test_a_sheet_written_edited_and_imported_from_the_command_line(demo_file, tmp_path, capsys):
    sheet_path = tmp_path / "sheet.toml"
    assert cli.main(["--db", str(demo_file), "mentor-sheet", "-o", str(sheet_path)]) == 0
    text = sheet_path.read_text(encoding="utf-8")
    # As a mentor does with sed: a name, one level with a comment, the rest left empty.
    text = text.replace('mentor = ""', 'mentor = "Priya Shah"', 1)
    text = re.sub(r'(key = "2\.B\.1\.d".*?mentor_level = )""(.*?comment = )""',
                  r'\g<1>4.5\g<2>"Strong in vendor talks"', text, count=1, flags=re.DOTALL)
    sheet_path.write_text(text, encoding="utf-8")
    assert cli.main(["--db", str(demo_file), "mentor-import", str(sheet_path)]) == 0
    assert "Imported the mentor sheet of Priya Shah" in capsys.readouterr().out
    store = PlanStore.open(demo_file)
    snapshot = current_snapshot(store.all(Assessment))
    checkins = [c for c in store.all(CheckIn) if c.kind is CheckInKind.MENTOR
                and "Mentor sheet from Priya Shah" in c.notes]
    store.close()
    assert snapshot is not None and snapshot.mentor_view.mentor == "Priya Shah"
    assert [(r.name, r.level) for r in snapshot.mentor_view.ratings] == [("Negotiation", 4.5)]
    assert len(checkins) == 1 and "Negotiation: Strong in vendor talks" in checkins[0].notes


def test_a_bad_sheet_exits_2_and_writes_nothing(demo_file, tmp_path, capsys):
    sheet_path = tmp_path / "sheet.toml"
    assert cli.main(["--db", str(demo_file), "mentor-sheet", "-o", str(sheet_path)]) == 0
    text = sheet_path.read_text(encoding="utf-8").replace('mentor = ""', 'mentor = "P"', 1)
    sheet_path.write_text(text.replace('mentor_level = ""', "mentor_level = 7.25", 1))
    before = demo_file.read_bytes()
    capsys.readouterr()
    assert cli.main(["--db", str(demo_file), "mentor-import", str(sheet_path)]) == 2
    error = capsys.readouterr().err
    assert "1 problem; nothing was written" in error and "7.25 is not on the scale" in error
    assert demo_file.read_bytes() == before
