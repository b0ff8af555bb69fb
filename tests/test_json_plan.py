"""The JSON export restores the same plan; its import refuses a bad file, naming every problem."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careertui.demo import demo_plan
from careertui.export.json_plan import FORMAT, PlanImportError, plan_from_json, plan_to_json
from careertui.model.codec import encode
from careertui.model.integrity import plan_problems
from careertui.model.plan import Action, Plan
from careertui.model.text_cleaning import clean_plan
from careertui.store.migrations import SCHEMA_VERSION
from careertui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.strategies import valid_plans

EXPORTED_AT = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@pytest.fixture
def export() -> dict:
    """The demo plan's export, parsed, ready to be spoilt."""
    return json.loads(plan_to_json(demo_plan(TODAY), EXPORTED_AT))


def import_problems(document: dict | str | bytes) -> list[str]:
    content = json.dumps(document) if isinstance(document, dict) else document
    with pytest.raises(PlanImportError) as caught:
        plan_from_json(content)
    assert str(caught.value) == f"{len(caught.value.problems)} problem" + (
        "s" if len(caught.value.problems) != 1 else "")
    return caught.value.problems


# Export and round trip ------------------------------------------------------------------------

def test_the_demo_plan_round_trips():
    plan = demo_plan(TODAY)
    assert plan_from_json(plan_to_json(plan, EXPORTED_AT)) == plan


def test_the_export_is_readable_json_in_model_order():
    plan = demo_plan(TODAY)
    text = plan_to_json(plan, EXPORTED_AT)
    document = json.loads(text)
    assert list(document) == ["format", "schema_version", "exported_at", "plan"]
    assert document["format"] == FORMAT == "careertui-plan"
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["exported_at"] == "2026-11-23T09:30:00+00:00"
    assert list(document["plan"]) == [field.name for field in dataclasses.fields(Plan)]
    assert list(document["plan"]["actions"][0]) == [field.name for field in
                                                    dataclasses.fields(Action)]
    assert text.startswith('{\n "format": "careertui-plan",\n "schema_version": ')
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert '"currency": "€"' in text  # not \u20ac


def test_text_with_a_lone_surrogate_is_exported_and_restored():
    plan = demo_plan(TODAY)
    plan.actions[0].title = "Broken \udcff title"
    text = plan_to_json(plan, EXPORTED_AT)
    assert text.encode("utf-8")  # the file can be written
    assert plan_from_json(text.encode("utf-8")) == plan


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_plans, st.datetimes())
def test_any_valid_plan_round_trips(plan, exported_at):
    assert plan_problems(plan) == []
    assert plan_from_json(plan_to_json(plan, exported_at)) == plan


def test_utf8_bytes_with_a_byte_order_mark_are_read():
    plan = demo_plan(TODAY)
    assert plan_from_json(plan_to_json(plan, EXPORTED_AT).encode("utf-8-sig")) == plan


# Files that are not an export ---------------------------------------------------------------------

def test_bytes_that_are_not_utf8_are_refused(export):
    content = json.dumps(export).encode("utf-8").replace(b"Maya", b"M\xe4ya")
    offset = content.index(b"\xe4")
    assert import_problems(content) == [f"not valid UTF-8 (byte {offset})"]


def test_text_that_is_not_json_names_line_and_column():
    assert import_problems('{\n "format": "careertui-plan",\n "plan": }\n') == [
        "not valid JSON: Expecting value at line 3 column 10"]


def test_an_empty_file_is_refused():
    assert import_problems(b"  \n") == ["the file is empty"]


def test_a_top_level_that_is_not_an_object_is_refused():
    assert import_problems("[1, 2]") == ["not a careertui export: the top level is not an object"]


def test_a_file_without_format_is_not_an_export(export):
    del export["format"]
    assert import_problems(export) == [
        'not a careertui export (no format field; an export has "format": "careertui-plan")']


def test_a_file_of_another_format_is_not_an_export(export):
    export["format"] = "trello-board"
    assert import_problems(export) == [
        "not a careertui export (format is 'trello-board'; an export has "
        '"format": "careertui-plan")']


def test_the_plan_database_file_is_recognised(tmp_path):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path, lambda: TODAY)
    store.replace_plan(demo_plan(TODAY))
    store.close()
    assert import_problems(path.read_bytes()) == [
        "this is a careertui plan file, not an export: open it with --db instead of importing it"]


# The envelope --------------------------------------------------------------------------------

@pytest.mark.parametrize(("version", "problem"), [
    ("1", "schema_version: expected a whole number, found text"),
    (1.0, "schema_version: expected a whole number, found the number 1.0"),
    (True, "schema_version: expected a whole number, found true/false"),
    (None, "schema_version: expected a whole number, found null"),
    (0, "schema_version: 0 is not a schema version (they start at 1)"),
])
def test_a_bad_schema_version_is_named(export, version, problem):
    export["schema_version"] = version
    assert import_problems(export) == [problem]


def test_a_missing_schema_version_is_named(export):
    del export["schema_version"]
    assert import_problems(export) == ["schema_version: missing"]


def test_a_newer_export_gives_one_problem_and_nothing_else(export):
    export["schema_version"] = SCHEMA_VERSION + 4
    export["colour"] = "red"
    export["plan"]["actions"][0]["due"] = "soon"
    assert import_problems(export) == [
        f"written by a newer careertui (schema {SCHEMA_VERSION + 4}; this version reads up to "
        f"{SCHEMA_VERSION}): upgrade careertui"]


@pytest.mark.parametrize(("plan", "problem"), [
    ([], "plan: expected an object, found a list"),
    ("everything", "plan: expected an object, found text"),
])
def test_a_plan_that_is_not_an_object_is_named(export, plan, problem):
    export["plan"] = plan
    assert import_problems(export) == [problem]


def test_a_missing_plan_is_named(export):
    del export["plan"]
    assert import_problems(export) == ["plan: missing"]


def test_unknown_top_level_fields_are_refused(export):
    export["comment"] = "from my old laptop"
    assert import_problems(export) == ["comment: unknown field"]


@pytest.mark.parametrize(("value", "problem"), [
    ("last tuesday", "exported_at: not a date and time (expected e.g. 2026-11-23T09:30:00+00:00):"
                     " 'last tuesday'"),
    (20261123, "exported_at: expected text, found the number 20261123"),
])
def test_a_bad_export_time_is_named(export, value, problem):
    export["exported_at"] = value
    assert import_problems(export) == [problem]


def test_the_export_time_may_be_left_out(export):
    del export["exported_at"]
    assert plan_from_json(json.dumps(export)).profile.name == "Maya Okafor"


# The plan inside -----------------------------------------------------------------------------

def test_a_bad_field_is_named_by_its_path_in_the_plan(export):
    export["plan"]["actions"][3]["due"] = "soon"
    assert import_problems(export) == [
        "actions[3].due: not a date (expected YYYY-MM-DD): 'soon'"]


def test_a_broken_rule_is_named_by_its_path_in_the_plan(export):
    export["plan"]["goals"][1]["horizon"] = 7
    assert import_problems(export) == ["goals[1].horizon: 7 is not a horizon of 1, 3 or 5 years"]


def test_a_corrupted_demo_export_names_both_fields(export):
    export["plan"]["actions"][3]["due"] = "soon"
    export["plan"]["goals"][1]["horizon"] = 7
    assert import_problems(export) == [
        "actions[3].due: not a date (expected YYYY-MM-DD): 'soon'",
        "goals[1].horizon: 7 is not a horizon of 1, 3 or 5 years",
    ]


def test_every_problem_is_reported_at_once(export):
    export["schema_version"] = "1"
    export["comment"] = "x"
    plan = export["plan"]
    plan["settings"]["review_cadence_months"] = 0
    del plan["needs"][0]["title"]
    plan["goals"][2]["measure"]["target"] = "four"
    plan["actions"][0]["colour"] = "red"
    plan["actions"][1]["goal_id"] = "gone"
    plan["milestones"][2]["title"] = " "
    problems = import_problems(export)
    assert [problem.partition(": ")[0] for problem in problems] == [
        "schema_version", "comment",
        "needs[0].title", "goals[2].measure.target", "actions[0].colour",
        "settings.review_cadence_months", "actions[1].goal_id", "milestones[2].title",
    ]
    assert problems[2:5] == ["needs[0].title: missing",
                             "goals[2].measure.target: expected a number, found text",
                             "actions[0].colour: unknown field"]


def test_a_rule_is_not_reported_again_for_a_part_that_did_not_read(export):
    plan = export["plan"]
    plan["actions"][5]["title"] = 12  # would also be a blank title once replaced
    plan["destination"]["goals"][1]["horizon"] = "three"  # would also leave 3 years without a goal
    plan["needs"][2] = "a mentor"
    assert import_problems(export) == [
        "destination.goals[1].horizon: expected a whole number, found text",
        "needs[2]: expected an object, found text",
        "actions[5].title: expected text, found the number 12",
    ]


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),
    max_leaves=6,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_plans, st.data())
def test_any_damaged_export_is_refused_with_reasons_or_read(plan, data):
    document = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "plan": encode(plan)}
    node, key = document, "plan"
    while isinstance(node[key], (dict, list)) and node[key] and data.draw(st.booleans()):
        node = node[key]
        key = data.draw(st.sampled_from(list(node) if isinstance(node, dict) else
                                        range(len(node))))
    node[key] = data.draw(_json_values)
    try:
        restored = plan_from_json(json.dumps(document))
    except PlanImportError as error:
        assert error.problems and all(isinstance(problem, str) for problem in error.problems)
    else:
        assert plan_problems(restored) == []


# Collisions and numbers no field can hold ------------------------------------------------------

def test_two_records_with_one_stable_id_are_refused(export):
    export["plan"]["milestones"][2]["id"] = export["plan"]["milestones"][0]["id"]
    (problem,) = import_problems(export)
    assert problem.startswith("milestones[2].id: milestones[0] has the same id")


def test_a_field_twice_in_a_record_is_refused_by_its_path(export):
    text = json.dumps(export, indent=1)
    title = json.dumps(export["plan"]["actions"][3]["title"])
    assert text.count(f'"title": {title}') == 1
    spoilt = text.replace(f'"title": {title}', f'"title": "other", "title": {title}')
    assert import_problems(spoilt) == ['plan.actions[3]: the key "title" appears twice']


def test_a_whole_number_of_thousands_of_digits_is_refused_by_its_path(export):
    export["plan"]["actions"][3]["cost"] = "NUMBER"
    spoilt = json.dumps(export).replace('"NUMBER"', "9" * 5000)
    assert import_problems(spoilt) == ["actions[3].cost: a number with 5,000 digits, far too large"]


@pytest.mark.parametrize("number", ["2" + "0" * 308, "-2" + "0" * 308, "1e999"],
                         ids=["2e308", "-2e308", "1e999"])
def test_a_number_too_large_for_a_float_is_refused_by_its_path(export, number):
    export["plan"]["settings"]["yearly_budget"] = "NUMBER"
    spoilt = json.dumps(export).replace('"NUMBER"', number)
    assert import_problems(spoilt) == ["settings.yearly_budget: too large a number"]


@pytest.mark.parametrize(("field", "problem"), [
    ("schema_version", "schema_version: a number with 5,000 digits, far too large"),
    ("exported_at", "exported_at: a number with 5,000 digits, far too large"),
    ("format", "not a careertui export (format is a number with 5,000 digits; an export has "
               '"format": "careertui-plan")'),
])
def test_a_huge_number_in_the_envelope_is_named(export, field, problem):
    export[field] = "NUMBER"
    assert import_problems(json.dumps(export).replace('"NUMBER"', "1" * 5000)) == [problem]


def test_an_unknown_top_level_key_is_named_without_its_control_characters(export):
    export["\x1b]2;pwned\x07"] = 1
    assert import_problems(export) == ['["\\u001b]2;pwned\\u0007"]: unknown field']


def test_a_problem_quotes_the_text_as_it_would_be_stored_with_no_control_character(export):
    # The plan's text is cleaned before it is checked: the title sequence goes whole.
    export["plan"]["actions"][0]["recurrence"] = "FREQ=\x1b]2;pwned\x07SOMETIMES\u009b"
    assert import_problems(export) == [
        "actions[0].recurrence: “FREQ=SOMETIMES”: due dates repeat DAILY, WEEKLY, MONTHLY "
        "or YEARLY."]


def test_an_escape_sequence_around_a_valid_text_is_taken_out_and_the_plan_imports(export):
    export["plan"]["actions"][0]["recurrence"] = "FREQ=MONTHLY\x1b]2;pwned\x07"
    plan = plan_from_json(json.dumps(export))
    assert clean_plan(plan)[0].actions[0].recurrence == "FREQ=MONTHLY"


