"""The JSON check the plan file and a JSON import share: the same words for the same fault."""

from __future__ import annotations

import json

import pytest

from careertui.export.json_plan import PlanImportError, plan_from_json
from careertui.model.codec import HugeNumber
from careertui.store.plan_format import NotAnObjectError, parse_json_object, parse_plan

FAULTS = [
    pytest.param(b"", "the file is empty", id="empty"),
    pytest.param(b" \t\r\n", "the file is empty", id="blank"),
    pytest.param(b"\xef\xbb\xbf\n", "the file is empty", id="bom-only"),
    pytest.param(b'{"a": \xff}', "not valid UTF-8 (byte 6)", id="not-utf8"),
    pytest.param(b'{\n "a": 1,\n}', "not valid JSON: Expecting property name enclosed in "
                 "double quotes at line 3 column 1", id="not-json"),
    pytest.param(b"[" * 100_000, "not valid JSON: nested too deeply", id="deep"),
]

# A key twice in one object: JSON would keep only the last one.
DUPLICATES = [
    pytest.param(b'{"actions": {"1": {"title": "a"}, "1": {"title": "b"}}}',
                 'actions: the key "1" appears twice', id="document"),
    pytest.param(b'{"actions": {"1": {"title": "a", "title": "b"}}}',
                 'actions.1: the key "title" appears twice', id="field"),
    pytest.param(b'{"meta": {}, "actions": {}, "meta": {}}',
                 'the key "meta" appears twice at the top level', id="top-level"),
    pytest.param(b'{"goals": {"2": {"measure": {"unit": "x", "unit": "y", "unit": "z"}}}}',
                 'goals.2.measure: the key "unit" appears 3 times', id="three-times"),
    pytest.param(b'{"plan": {"actions": [{"a": 1}, {"b": [{"c": 1, "c": 1}]}]}}',
                 'plan.actions[1].b[0]: the key "c" appears twice', id="in-a-list"),
    pytest.param(rb'{"a b": {"x\u001b]52;c;": 1, "x\u001b]52;c;": 2}}',
                 '["a b"]: the key "x\\u001b]52;c;" appears twice', id="control-characters"),
]


@pytest.mark.parametrize(("raw", "message"), FAULTS + DUPLICATES)
def test_the_plan_file_and_an_import_name_a_fault_alike(raw, message):
    with pytest.raises(ValueError) as plan_file:
        parse_plan(raw)
    with pytest.raises(PlanImportError) as imported:
        plan_from_json(raw)
    assert str(plan_file.value) == message
    assert imported.value.problems == [message]


def test_a_byte_order_mark_is_allowed_in_bytes_and_text_is_taken_as_it_is():
    assert parse_json_object(b'\xef\xbb\xbf{"a": [1]}') == {"a": [1]}
    assert parse_json_object('{"name": "Zoë"}') == {"name": "Zoë"}


@pytest.mark.parametrize(("raw", "kind"), [
    (b"[1, 2]", "an array"), (b'"text"', "a string"), (b"4.5", "a number"),
    (b"true", "a boolean"), (b"null", "null"),
])
def test_a_top_level_other_than_an_object_says_what_it_is(raw, kind):
    with pytest.raises(NotAnObjectError) as caught:
        parse_json_object(raw)
    assert caught.value.kind == kind
    assert str(caught.value) == f"the top level is {kind}, not an object"


def test_the_same_key_in_two_objects_is_no_clash():
    raw = b'{"actions": {"1": {"title": "a"}, "2": {"title": "b"}}, "goals": {"1": {}}}'
    assert parse_plan(raw) == {"actions": {"1": {"title": "a"}, "2": {"title": "b"}},
                               "goals": {"1": {}}}


# Document ids that collide: TinyDB makes one document of "1" and "01" -------------------------

@pytest.mark.parametrize(("ids", "shown"), [
    (("1", "01"), '"1" and "01"'),
    (("7", "2", "+7"), '"7" and "+7"'),
    (("10", " 10"), '"10" and " 10"'),
    (("30", "3_0"), '"30" and "3_0"'),
])
def test_document_ids_that_are_the_same_number_are_refused(ids, shown):
    table = ", ".join(f'"{doc_id}": {{"title": "item {doc_id}"}}' for doc_id in ids)
    with pytest.raises(ValueError) as caught:
        parse_plan(f'{{"actions": {{{table}}}}}'.encode())
    assert str(caught.value) == (f"table 'actions' has document ids {shown}, which are the same "
                                 "number: give each document its own")


def test_a_document_id_with_absurdly_many_digits_is_refused_plainly():
    with pytest.raises(ValueError) as caught:
        parse_plan(b'{"actions": {"1%s": {"title": "x"}}}' % (b"0" * 4999))
    assert str(caught.value) == ("table 'actions' has a document id of 5,000 digits; document "
                                 "ids are small numbers (1, 2, 3...)")
    assert "set_int_max_str_digits" not in str(caught.value)


# Whole numbers too long for int() --------------------------------------------------------------

def test_a_whole_number_longer_than_any_field_takes_is_kept_as_its_length():
    data = parse_json_object(b'{"a": [%s, -%s, %s]}' % (b"7" * 5000, b"7" * 400, b"7" * 309))
    first, second, third = data["a"]
    assert isinstance(first, HugeNumber) and first.digits == 5000
    assert isinstance(second, HugeNumber) and second.digits == 400
    assert third == int("7" * 309)


def test_a_top_level_huge_number_is_not_an_object():
    with pytest.raises(NotAnObjectError, match="the top level is a number, not an object"):
        parse_json_object(b"9" * 5000)


def test_a_clash_inside_a_value_a_later_duplicate_replaced_is_named_by_the_outer_clash():
    raw = b'{"meta": {"a": 1, "a": 2}, "goals": {}, "meta": {"1": {"b": [], "b": []}}}'
    with pytest.raises(ValueError, match='^meta.1: the key "b" appears twice$'):
        parse_plan(raw)
    with pytest.raises(ValueError, match='^the key "meta" appears twice at the top level$'):
        parse_plan(b'{"meta": {"a": 1, "a": 2}, "meta": {}}')


@pytest.mark.parametrize(("doc_id", "number"), [("01", 1), ("+2", 2), (" 3", 3), ("1_0", 10),
                                                ("\u0664", 4), ("-0", 0)])
def test_a_document_id_not_written_as_a_plain_number_is_refused(doc_id, number):
    # TinyDB finds a document by str(number), and writes every id back that way.
    with pytest.raises(ValueError) as caught:
        parse_plan(f'{{"profile": {{{json.dumps(doc_id)}: {{"name": "x"}}}}}}'.encode())
    assert str(caught.value) == (f"table 'profile' has the document id {json.dumps(doc_id)}; "
                                 f'write it as "{number}" (document ids are plain numbers)')
