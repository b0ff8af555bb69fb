"""Text a plan brings from a file is cleaned as the forms clean typed text, each removal noted."""

from __future__ import annotations

import copy
import dataclasses
from datetime import date
from enum import Enum

import pytest
from hypothesis import given

from careertui.demo import demo_plan
from careertui.model.plan import (
    Action,
    Assessment,
    CheckIn,
    Experience,
    Goal,
    Milestone,
    Need,
    Plan,
    SkillRating,
)
from careertui.model.text_cleaning import clean_plan
from careertui.model.validation import removed_note, without_controls
from tests.conftest import TODAY
from tests.strategies import plans

C1 = "".join(map(chr, range(0x80, 0xA0)))


def full_plan() -> Plan:
    """A plan with at least two records in every list, nested ones included."""
    plan = demo_plan(TODAY)
    plan.assessments = [Assessment(TODAY, [SkillRating("2.A.1.a", "Reading", 3.0)],
                                   experiences=[Experience("Analyst"), Experience("Lead")]),
                        Assessment(TODAY)]
    plan.needs = [Need(plan.needs[0].kind, "Course"), Need(plan.needs[0].kind, "Tool")]
    plan.goals = [Goal("Lead"), Goal("Speak")]
    plan.actions = [Action("Read", recurrence="FREQ=MONTHLY"), Action("Write")]
    plan.checkins = [CheckIn(TODAY), CheckIn(TODAY)]
    plan.milestones = [Milestone(TODAY, plan.milestones[0].kind, title) for title in "AB"]
    return plan


def set_text(plan: Plan, path: str, text: str) -> None:
    """Put `text` at the codec-style `path` ("assessments[0].experiences[1].highlights")."""
    setattr(*_parent(plan, path), text)


def _get(plan: Plan, path: str) -> str:
    parent, name = _parent(plan, path)
    text = parent[int(name)] if name.isdigit() else getattr(parent, name)  # type: ignore[index]
    assert isinstance(text, str)
    return text


def _parent(plan: Plan, path: str) -> tuple[object, str]:
    """The record holding the field at `path`, and the field's name."""
    *parents, name = path.replace("[", ".").replace("]", "").split(".")
    node: object = plan
    for part in parents:
        node = node[int(part)] if part.isdigit() else getattr(node, part)
    return node, name


def note(path: str, removed: list[str]) -> str:
    return f"{path}: {removed_note(removed)}"


CASES = [
    # (path, stored text, cleaned text, what was removed: a whole escape sequence as one item)
    pytest.param("profile.name", "Maya\x1b]52;c;aGk=\x07", "Maya", ["\x1b]52;c;aGk=\x07"],
                 id="osc-52-clipboard"),
    pytest.param("profile.current_role", "\x1b]2;pwned\x1b\\Lead", "Lead",
                 ["\x1b]2;pwned\x1b\\"], id="osc-2-title"),
    pytest.param("destination.dream_job", "clear\x1b[2J\x1b[H", "clear", ["\x1b[2J", "\x1b[H"],
                 id="csi-clear-screen"),
    pytest.param("actions[1].title", "ding\x07dong\x07", "dingdong", ["\x07", "\x07"],
                 id="bel"),
    pytest.param("settings.currency", "€\u009b31m", "€31m", ["\u009b"], id="c1-csi"),
    pytest.param("milestones[1].notes", f"a{C1}b", "ab", list(C1), id="every-c1"),
    pytest.param("needs[1].title", "a\x00b\x7f", "ab", ["\x00", "\x7f"], id="nul-and-del"),
    pytest.param("goals[0].statement", "a\ud800b\udfff", "ab", ["\ud800", "\udfff"],
                 id="lone-surrogates"),
    pytest.param("actions[0].notes", "one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour", [],
                 id="crlf-multi-line"),
    pytest.param("profile.organisation", "one\r\ntwo\u2028three", "one two three", [],
                 id="crlf-one-line"),
    pytest.param("checkins[0].next_steps", "a\tb", "a\tb", [], id="tab-kept"),
    pytest.param("goals[1].achievable", "a\nb", "a b", [], id="newline-one-line"),
    pytest.param("checkins[1].notes", "a\nb", "a\nb", [], id="newline-multi-line"),
    # ESC and the byte after it are one sequence, as a terminal reads them.
    pytest.param("assessments[0].experiences[1].highlights", "x\x1by\nz", "x\nz", ["\x1by"],
                 id="nested-multi-line"),
    pytest.param("assessments[0].experiences[1].role", "x\x1by\nz", "x z", ["\x1by"],
                 id="nested-one-line"),
    pytest.param("assessments[0].ratings[0].name", "Read\x9bing", "Reading", ["\x9b"],
                 id="rating-name"),
    pytest.param("destination.goals[2].statement", "Lead\x1b[5m", "Lead", ["\x1b[5m"],
                 id="destination-goal"),
    pytest.param("goals[1].measure.unit", "talks\x00", "talks", ["\x00"], id="measure-unit"),
    pytest.param("actions[0].recurrence", "FREQ=\x1bMONTHLY", "FREQ=ONTHLY", ["\x1bM"],
                 id="optional-text"),
    pytest.param("actions[1].id", "abc\x00", "abc", ["\x00"], id="record-id"),
]


@pytest.mark.parametrize(("path", "stored", "cleaned", "removed"), CASES)
def test_each_kind_of_control_character_is_cleaned_as_a_form_cleans_it(path, stored, cleaned,
                                                                       removed):
    plan = full_plan()
    set_text(plan, path, stored)
    original = copy.deepcopy(plan)
    expected = copy.deepcopy(plan)
    set_text(expected, path, cleaned)

    result, notes = clean_plan(plan)

    assert result == expected
    assert notes == ([note(path, removed)] if removed else [])
    assert plan == original  # the plan given is left as it was


def test_only_the_fields_the_forms_edit_on_several_lines_keep_line_breaks():
    plan = full_plan()
    paths = list(_text_paths(plan))
    for path in paths:
        set_text(plan, path, "a\nb")
    cleaned, notes = clean_plan(plan)
    kept = {path for path in paths if _get(cleaned, path) == "a\nb"}
    assert kept == {
        "destination.dream_job", "destination.opportunities",
        *(f"assessments[{i}].{name}" for i in range(2)
          for name in ("strengths", "excel_at", "struggle_with", "motivators")),
        "assessments[0].experiences[0].highlights", "assessments[0].experiences[1].highlights",
        "actions[0].notes", "actions[1].notes", "checkins[0].notes", "checkins[1].notes",
    }
    assert all(_get(cleaned, path) == "a b" for path in paths if path not in kept)
    assert notes == []


def test_notes_come_in_the_order_of_the_plan():
    plan = full_plan()
    set_text(plan, "checkins[1].notes", "\x07")
    set_text(plan, "profile.name", "Maya\x00")
    set_text(plan, "assessments[1].motivators", "\x1b")
    _, notes = clean_plan(plan)
    assert [text.partition(": ")[0] for text in notes] == [
        "profile.name", "assessments[1].motivators", "checkins[1].notes"]


def test_a_clean_plan_comes_back_as_the_same_object_without_notes():
    plan = full_plan()
    assert clean_plan(plan) == (plan, [])
    assert clean_plan(plan)[0] is plan
    demo = demo_plan(TODAY)
    assert clean_plan(demo)[0] is demo


def test_records_that_needed_no_cleaning_are_shared_not_copied():
    plan = full_plan()
    set_text(plan, "actions[1].title", "x\x07")
    cleaned, _ = clean_plan(plan)
    assert cleaned.actions[0] is plan.actions[0] and cleaned.goals is plan.goals
    assert cleaned.actions[1] is not plan.actions[1]


@given(plans)
def test_any_plan_cleans_to_text_a_form_would_keep_and_cleaning_again_changes_nothing(plan):
    cleaned, notes = clean_plan(plan)
    for path in _text_paths(cleaned):
        text = _get(cleaned, path)
        assert without_controls(text, multiline=True) == (text, [])
    assert clean_plan(cleaned) == (cleaned, [])
    assert len(notes) == sum(bool(without_controls(_get(plan, path), multiline=True)[1])
                             for path in _text_paths(plan))


def _text_paths(value: object, path: str = ""):
    """The path of every text in `value` (not enum members, which are text too)."""
    if isinstance(value, str) and not isinstance(value, Enum):
        yield path
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _text_paths(item, f"{path}[{i}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, (type, date)):
        for field in dataclasses.fields(value):
            yield from _text_paths(getattr(value, field.name),
                                   f"{path}.{field.name}" if path else field.name)

