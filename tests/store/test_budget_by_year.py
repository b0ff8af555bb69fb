"""The budget of each year in the plan file: kept, absent from older files, refused when bad."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from careertui.demo import demo_plan
from careertui.model.plan import Settings, YearBudget
from careertui.store.errors import CorruptPlanError
from careertui.store.plan_file import read_plan
from careertui.store.plan_store import PlanStore

from .conftest import DAY, snapshot

OWN = [YearBudget(2026, 0.0), YearBudget(2027, 2500.0)]


@pytest.fixture
def demo_data(plan_path, clock) -> dict:
    """The demo plan's file, parsed: ready to be changed and written back."""
    store = PlanStore.open(plan_path, clock)
    store.replace_plan(demo_plan(DAY))
    store.close()
    return json.loads(plan_path.read_text(encoding="utf-8"))


def test_the_budget_of_each_year_is_kept_in_the_file(plan_path, clock, demo_data):
    store = PlanStore.open(plan_path, clock)
    store.save(replace(store.get(Settings), budget_by_year=OWN))
    store.close()
    text = plan_path.read_text(encoding="utf-8")
    assert ('"budget_by_year": [{"year": 2026, "amount": 0.0}, {"year": 2027, "amount": 2500.0}]'
            in text)
    reopened = PlanStore.open(plan_path, clock)
    assert reopened.get(Settings).budget_by_year == OWN
    assert reopened.get(Settings).budget_for(2027) == 2500.0
    reopened.close()
    assert read_plan(plan_path).settings.budget_by_year == OWN


def test_a_file_from_before_per_year_budgets_opens_unchanged(plan_path, clock, demo_data):
    del demo_data["settings"]["1"]["budget_by_year"]
    plan_path.write_text(json.dumps(demo_data), encoding="utf-8")
    before = snapshot(plan_path.parent)
    store = PlanStore.open(plan_path, clock)
    settings = store.get(Settings)
    store.close()
    assert (settings.yearly_budget, settings.budget_by_year) == (1500.0, [])
    assert snapshot(plan_path.parent) == before


@pytest.mark.parametrize(("budgets", "reason"), [
    ([{"year": 1899, "amount": 100}], "a value careertui cannot use at "
     "settings.budget_by_year[0].year: 1899 is not a year from 1900 to 2200"),
    ([{"year": 2027, "amount": 1}, {"year": 2201, "amount": 1}], "a value careertui cannot use "
     "at settings.budget_by_year[1].year: 2201 is not a year from 1900 to 2200"),
    ([{"year": 2027, "amount": -5}], "a value careertui cannot use at "
     "settings.budget_by_year[0].amount: The budget for 2027 cannot be below 0."),
    ([{"year": 2027, "amount": 1}, {"year": 2027, "amount": 2}], "a value careertui cannot use "
     "at settings.budget_by_year[1].year: budget_by_year[0] is for 2027 too; a year has one "
     "budget"),
    ([{"year": "2027", "amount": 1}], "wrong shape at settings.budget_by_year[0].year: "
     "expected a whole number, found text"),
    ([{"year": 2027.0, "amount": 1}], "wrong shape at settings.budget_by_year[0].year: "
     "expected a whole number, found the number 2027.0"),
    ([{"year": 2027, "amount": "1500"}], "wrong shape at settings.budget_by_year[0].amount: "
     "expected a number, found text"),
    ({"2027": 1500}, "wrong shape at settings.budget_by_year: expected a list, found an object"),
], ids=["1899", "2201", "negative", "a-year-twice", "a-year-as-text", "a-year-of-a-float",
        "an-amount-as-text", "an-object"])
def test_a_bad_budget_of_a_year_is_refused_by_its_path(plan_path, clock, demo_data, budgets,
                                                      reason):
    demo_data["settings"]["1"]["budget_by_year"] = budgets
    plan_path.write_text(json.dumps(demo_data), encoding="utf-8")
    before = snapshot(plan_path.parent)
    with pytest.raises(CorruptPlanError) as opened:
        PlanStore.open(plan_path, clock)
    assert opened.value.reason == reason
    assert snapshot(plan_path.parent) == before
