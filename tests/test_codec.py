"""The codec turns every model value into JSON values and back, and names bad fields."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careertui.model.codec import (
    DecodeError,
    HugeNumber,
    decode,
    decode_leniently,
    encode,
    problems,
)
from careertui.model.plan import (
    Action,
    ActionKind,
    ActionStatus,
    Assessment,
    Goal,
    Measure,
    Plan,
    Settings,
    YearBudget,
)
from tests.strategies import plans


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_any_plan_survives_json(plan):
    text = json.dumps(encode(plan))
    assert decode(Plan, json.loads(text)) == plan


def test_encode_uses_plain_json_values():
    action = Action("Read a book", due=date(2027, 3, 31), status=ActionStatus.DONE)
    data = encode(action)
    assert data["due"] == "2027-03-31"
    assert data["status"] == "done"
    assert data["kind"] == "other"


@pytest.mark.parametrize(
    ("data", "path", "problem"),
    [
        ({"title": "x", "due": "31/03/2027"}, "actions[3].due", "not a date"),
        ({"title": "x", "due": 20270331}, "actions[3].due", "not a date"),
        ({"title": "x", "status": "finished"}, "actions[3].status", "not one of open, done"),
        ({"title": "x", "cost": "ten"}, "actions[3].cost", "expected a number"),
        ({"title": "x", "cost": True}, "actions[3].cost", "expected a number"),
        ({"title": 7}, "actions[3].title", "expected text"),
        ({"due": "2027-03-31"}, "actions[3].title", "missing"),
        ({"title": "x", "colour": "red"}, "actions[3].colour", "unknown field"),
        ("x", "actions[3]", "expected an object"),
    ],
)
def test_bad_fields_are_named_by_path(data, path, problem):
    with pytest.raises(DecodeError) as caught:
        decode(Action, data, "actions[3]")
    assert caught.value.path == path
    assert problem in str(caught.value)


def test_nested_paths_reach_into_lists_and_objects():
    goal = encode(Goal("Ship it", measure=Measure("talks", 1, 4)))
    goal["measure"]["target"] = "four"
    with pytest.raises(DecodeError, match=r"goals\[0\]\.measure\.target: expected a number"):
        decode(Goal, goal, "goals[0]")


def test_the_budget_of_each_year_survives_json_and_an_old_settings_has_none():
    settings = Settings(yearly_budget=1500, budget_by_year=[YearBudget(2026, 0.0),
                                                            YearBudget(2027, 2500.5)])
    data = json.loads(json.dumps(encode(settings)))
    assert data["budget_by_year"] == [{"year": 2026, "amount": 0.0},
                                      {"year": 2027, "amount": 2500.5}]
    assert decode(Settings, data, "settings") == settings
    old = {"review_cadence_months": 3, "yearly_budget": 1500.0, "currency": "€",
           "theme": "textual-dark"}
    assert decode(Settings, old, "settings") == Settings(yearly_budget=1500)


def test_a_measure_that_goes_down_survives_json_and_an_old_measure_goes_up():
    measure = Measure("hours of overtime", 4, 2, "hours", start=5, lower_is_better=True)
    data = json.loads(json.dumps(encode(measure)))
    assert data["lower_is_better"] is True
    assert decode(Measure, data, "measure") == measure
    old = {"metric": "talks", "current": 1.0, "target": 4.0, "unit": "talks", "start": 0.0}
    assert decode(Measure, old, "measure") == Measure("talks", 1, 4, "talks", start=0)


@pytest.mark.parametrize(("value", "problem"), [
    ("yes", "expected true or false, found text"),
    (1, "expected true or false, found the number 1"),
])
def test_a_direction_that_is_no_true_or_false_is_named_by_path(value, problem):
    with pytest.raises(DecodeError) as caught:
        decode(Goal, {"statement": "Cut overtime", "measure": {"lower_is_better": value}}, "goal")
    assert (caught.value.path, caught.value.problem) == ("goal.measure.lower_is_better", problem)


@pytest.mark.parametrize(("budgets", "path", "problem"), [
    ({"2027": 2500}, "settings.budget_by_year", "expected a list, found an object"),
    ([{"year": "2027", "amount": 2500}], "settings.budget_by_year[0].year",
     "expected a whole number, found text"),
    ([{"year": 2027.5, "amount": 1}], "settings.budget_by_year[0].year",
     "expected a whole number, found the number 2027.5"),
    ([{"year": 2027, "amount": "lots"}], "settings.budget_by_year[0].amount",
     "expected a number, found text"),
    ([{"year": 2027, "amount": None}], "settings.budget_by_year[0].amount",
     "expected a number, found null"),
    ([{"year": 2027}], "settings.budget_by_year[0].amount", "missing"),
    ([{"year": 2027, "amount": 1, "note": "x"}], "settings.budget_by_year[0].note",
     "unknown field"),
])
def test_a_years_budget_of_the_wrong_shape_is_named_by_path(budgets, path, problem):
    with pytest.raises(DecodeError) as caught:
        decode(Settings, {"budget_by_year": budgets}, "settings")
    assert (caught.value.path, caught.value.problem) == (path, problem)


def test_whole_numbers_are_accepted_for_floats():
    assert decode(Action, {"title": "x", "cost": 10}).cost == 10.0


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=50)
@given(plans)
def test_a_plan_that_decodes_has_no_problems(plan):
    assert problems(Plan, json.loads(json.dumps(encode(plan)))) == []


def test_problems_lists_every_bad_unknown_and_missing_field_in_document_order():
    data = {"kind": "lesson", "colour": "red", "due": "soon", "cost": "ten"}
    found = problems(Action, data, "actions[3]")
    assert [(error.path, error.problem) for error in found] == [
        ("actions[3].kind", "'lesson' is not one of " + ", ".join(k.value for k in ActionKind)),
        ("actions[3].colour", "unknown field"),
        ("actions[3].due", "not a date (expected YYYY-MM-DD): 'soon'"),
        ("actions[3].cost", "expected a number, found text"),
        ("actions[3].title", "missing"),
    ]


def test_problems_reach_into_every_record_of_a_plan():
    goal = encode(Goal("Ship it", measure=Measure("talks", 1, 4)))
    goal["measure"]["target"] = "four"
    data = {"goals": [encode(Goal("Fine")), goal],
            "actions": [{"title": "a"}, {"title": None}, "b"],
            "settings": {"review_cadence_months": 1.5}}
    assert [str(error) for error in problems(Plan, data)] == [
        "goals[1].measure.target: expected a number, found text",
        "actions[1].title: expected text, found null",
        "actions[2]: expected an object, found text",
        "settings.review_cadence_months: expected a whole number, found the number 1.5",
    ]


def test_decode_raises_the_first_problem():
    data = {"title": 7, "due": "soon"}
    with pytest.raises(DecodeError) as caught:
        decode(Action, data, "actions[0]")
    assert str(caught.value) == str(problems(Action, data, "actions[0]")[0])
    assert caught.value.path == "actions[0].title"


def test_decoding_leniently_keeps_the_readable_parts_and_blanks_the_rest():
    data = {"actions": [{"title": "Read", "due": "soon", "cost": 5}, 3, {"cost": 1}],
            "profile": "me"}
    plan, found = decode_leniently(Plan, data)
    assert [error.path for error in found] == ["actions[0].due", "actions[1]",
                                               "actions[2].title", "profile"]
    assert (plan.actions[0].title, plan.actions[0].cost) == ("Read", 5.0)
    assert plan.actions[1].title == plan.actions[2].title == ""
    assert plan.actions[2].cost == 1.0
    assert plan.profile.name == ""


# Numbers no field can hold ------------------------------------------------------------------

@pytest.mark.parametrize(("value", "problem"), [
    (HugeNumber(5000), "a number with 5,000 digits, far too large"),
    (10 ** 400, "too large a number"),
    (-(10 ** 308) * 2, "too large a number"),
    (float("inf"), "too large a number"),
    (float("nan"), "not a number"),
])
def test_a_number_too_large_for_a_float_field_is_named_by_path(value, problem):
    assert [str(error) for error in problems(Action, {"title": "x", "cost": value},
                                             "actions[3]")] == [f"actions[3].cost: {problem}"]


@pytest.mark.parametrize(("cls", "data", "path"), [
    (Action, {"title": HugeNumber(4301)}, "title"),
    (Action, {"title": "x", "due": HugeNumber(4301)}, "due"),
    (Goal, {"statement": "x", "horizon": HugeNumber(4301)}, "horizon"),
    (Goal, {"statement": "x", "measure": HugeNumber(4301)}, "measure"),
    (Plan, {"actions": HugeNumber(4301)}, "actions"),
])
def test_a_huge_whole_number_is_too_large_wherever_it_is(cls, data, path):
    assert [str(error) for error in problems(cls, data)] == [
        f"{path}: a number with 4,301 digits, far too large"]


def test_an_unknown_key_is_named_without_its_control_characters():
    data = {"title": "x", "\x1b]52;c;aGk=\x07": 1, "\u009b2J": 2, "due date": None}
    assert [str(error) for error in problems(Action, data, "actions[0]")] == [
        'actions[0]["\\u001b]52;c;aGk=\\u0007"]: unknown field',
        'actions[0]["\\u009b2J"]: unknown field',
        'actions[0]["due date"]: unknown field',
    ]


json_scalars = (st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=True)
                | st.sampled_from(["", "x", "2026-11-23", "2026-02-30", "open", "done"]))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "due", "status", "cost", "hours", "done_on",
                                        "recurrence", "goal_id", "nope"]), json_scalars))
def test_decoding_without_paths_gives_what_decoding_with_them_gives(document):
    # decode tries first without the paths of fields, and again with them to name a problem.
    assert_quick_try_agrees(Action, document, "actions[0]")


def assert_quick_try_agrees(cls: type, document: dict, path: str) -> None:
    """decode (its quick first try, then with paths) and decode_leniently agree on `document`:
    the same first problem, or the same record."""
    document = {**document, "id": "a1"}  # else each decode makes up its own
    found = problems(cls, document, path)
    if found:
        with pytest.raises(DecodeError) as raised:
            decode(cls, document, path)
        assert str(raised.value) == str(found[0])
    else:
        # repr: types too (1 == 1.0, and a StrEnum member equals its text)
        assert repr(decode(cls, document)) == repr(decode_leniently(cls, document)[0])


measure_like = st.dictionaries(st.sampled_from(["metric", "current", "target", "start",
                                                "lower_is_better", "nope"]), json_scalars)
rating_like = st.dictionaries(st.sampled_from(["key", "name", "level", "nope"]), json_scalars)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([Goal, Assessment]).flatmap(lambda cls: st.tuples(st.just(cls), (
    st.dictionaries(st.sampled_from(["statement", "horizon", "deadline", "measure", "status",
                                     "gap_key", "nope"]),
                    json_scalars | measure_like | st.lists(rating_like, max_size=2))
    if cls is Goal else
    st.dictionaries(st.sampled_from(["taken_on", "ratings", "strengths", "nope"]),
                    json_scalars | st.lists(rating_like | json_scalars, max_size=3))))))
def test_the_quick_first_try_at_nested_records_gives_what_decoding_with_paths_gives(case):
    assert_quick_try_agrees(*case, "x")
