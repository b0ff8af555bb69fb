"""The JSON check the plan file and a JSON import share: the same words for the same fault."""

from __future__ import annotations

import pytest

from careertui.export.json_plan import PlanImportError, plan_from_json
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


@pytest.mark.parametrize(("raw", "message"), FAULTS)
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
