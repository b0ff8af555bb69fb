"""The codec turns every model value into JSON values and back, and names bad fields."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings

from careertui.model.codec import DecodeError, decode, encode
from careertui.model.plan import Action, ActionStatus, Goal, Measure, Plan
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


def test_whole_numbers_are_accepted_for_floats():
    assert decode(Action, {"title": "x", "cost": 10}).cost == 10.0
