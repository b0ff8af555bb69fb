"""Plan files the store refuses whole, untouched: colliding keys and ids, numbers too large."""

from __future__ import annotations

import json
import unicodedata

import pytest

from careertui.demo import demo_plan
from careertui.store.errors import CorruptPlanError
from careertui.store.lock import PlanLock
from careertui.store.plan_file import read_plan
from careertui.store.plan_store import PlanStore

from .conftest import DAY, snapshot


@pytest.fixture
def demo_text(plan_path, clock) -> str:
    """The demo plan's file, as text: its documents one per line, ready to be spoilt."""
    store = PlanStore.open(plan_path, clock)
    store.replace_plan(demo_plan(DAY))
    store.close()
    return plan_path.read_text(encoding="utf-8")


def refused(plan_path, clock, content: str, backup: bool = True) -> str:
    """Why PlanStore.open and read_plan refuse `content`; the folder is left exactly as it was.
    `backup`: the folder holds one (the demo_text fixture's first save made it)."""
    plan_path.write_text(content, encoding="utf-8")
    before = snapshot(plan_path.parent)
    with pytest.raises(CorruptPlanError) as opened:
        PlanStore.open(plan_path, clock)
    assert snapshot(plan_path.parent) == before
    with pytest.raises(CorruptPlanError) as read:
        read_plan(plan_path)
    assert snapshot(plan_path.parent) == before
    assert opened.value.reason == read.value.reason
    message = str(opened.value)
    assert "left unchanged" in message and ("--restore-backup" in message) is backup
    assert "set_int_max_str_digits" not in message and "Traceback" not in message
    return opened.value.reason


def test_a_document_twice_under_one_id_is_refused(plan_path, clock, demo_text):
    first = demo_text.index('  "1": {"title"')
    line = demo_text[first:demo_text.index("\n", first)].rstrip(",")
    twice = demo_text.replace(line, f"{line},\n{line.replace('Finish', 'Not')}", 1)
    assert refused(plan_path, clock, twice) == 'actions: the key "1" appears twice'


def test_document_ids_of_one_number_are_refused(plan_path, clock, demo_text):
    spoilt = demo_text.replace('  "2": {"title"', '  "01": {"title"', 1)
    assert refused(plan_path, clock, spoilt) == (
        "table 'actions' has document ids \"1\" and \"01\", which are the same number: "
        "give each document its own")


def test_a_singleton_under_a_document_id_tinydb_cannot_find_is_refused(plan_path, clock,
                                                                        demo_text):
    # Read as no profile at all, then merged into the one the first save writes.
    spoilt = demo_text.replace('"profile": {\n  "1":', '"profile": {\n  "01":', 1)
    assert spoilt != demo_text
    assert refused(plan_path, clock, spoilt) == (
        'table \'profile\' has the document id "01"; write it as "1" (document ids are plain '
        "numbers)")


def test_a_field_twice_in_a_document_is_refused(plan_path, clock, demo_text):
    spoilt = demo_text.replace('{"name": "Maya Okafor"', '{"name": "Maya", "name": "Maya Okafor"')
    assert refused(plan_path, clock, spoilt) == 'profile.1: the key "name" appears twice'


def test_two_records_with_one_stable_id_are_refused(plan_path, clock, demo_text):
    data = json.loads(demo_text)
    data["actions"]["2"]["id"] = data["actions"]["1"]["id"]
    reason = refused(plan_path, clock, json.dumps(data))
    assert reason.startswith("a value careertui cannot use at actions[1].id: actions[0] has the "
                             "same id")


@pytest.mark.parametrize(("old", "new", "path"), [
    ('"cost": 0.0', '"cost": 1' + "0" * 4999, "actions.2.cost"),
    # Parts careertui keeps without reading them: the number would fail the next save.
    ('"schema_version": 2}', '"schema_version": 2, "note": 1' + "0" * 4999 + "}", "meta.1.note"),
    ('"profile": {', '"profile": {"2": {"x": [1' + "0" * 4999 + "]},", "profile.2.x[0]"),
    ('"meta": {', '"later": {"1": {"n": 1' + "0" * 4999 + '}}, "meta": {', "later.1.n"),
], ids=["a-record", "meta", "a-second-profile", "an-unknown-table"])
def test_a_whole_number_of_thousands_of_digits_is_refused_by_its_path_in_the_file(
        plan_path, clock, demo_text, old, new, path):
    assert old in demo_text
    assert refused(plan_path, clock, demo_text.replace(old, new, 1)) == (
        f"{path}: a number with 5,000 digits, far too large")


@pytest.mark.parametrize("number", ["2" + "0" * 308, "-" + "9" * 309, "1e400"],
                         ids=["2e308", "-1e309", "1e400"])
def test_a_number_too_large_for_a_float_is_refused_by_its_path(plan_path, clock, demo_text,
                                                               number):
    data = json.loads(demo_text)
    data["settings"]["1"]["yearly_budget"] = "NUMBER"
    spoilt = json.dumps(data).replace('"NUMBER"', number)
    assert refused(plan_path, clock, spoilt) == (
        "wrong shape at settings.yearly_budget: too large a number")


def test_a_schema_version_of_thousands_of_digits_is_refused(plan_path, clock, demo_text):
    spoilt = demo_text.replace('"schema_version": 2', '"schema_version": 2' + "0" * 5000)
    assert refused(plan_path, clock, spoilt) == (
        "meta.1.schema_version: a number with 5,001 digits, far too large")


def test_a_version_0_file_that_is_refused_is_left_unchanged(plan_path, clock):
    plan_path.parent.mkdir(parents=True)
    with PlanLock(plan_path):  # the one file opening makes even when it refuses
        pass
    # No meta table: a prototype (version 0) file, whose records get ids when it is migrated.
    assert refused(plan_path, clock, '{"actions": {"1": {"title": 5}}}', backup=False) == (
        "wrong shape at actions[0].title: expected text, found the number 5")


def test_a_problem_that_quotes_the_file_shows_its_control_characters_escaped(plan_path, clock,
                                                                             demo_text):
    spoilt = demo_text.replace('"FREQ=MONTHLY;BYMONTHDAY=-1"', r'"\u009b2J\u001b]52;c;aGk="', 1)
    reason = refused(plan_path, clock, spoilt)
    # Escaped, or taken out where the store cleans the text before it checks it.
    assert reason.startswith("a value careertui cannot use at actions[4].recurrence: “")
    assert "is not a repeat I know" in reason and "2J" in reason
    assert not [char for char in reason if unicodedata.category(char) == "Cc"]
