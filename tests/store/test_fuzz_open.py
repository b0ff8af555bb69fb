"""Generated hostile JSON, opened as a plan file and imported: read, or refused untouched.

The files are JSON text built here, not json.dumps of a dict, so that a key can appear twice.
Each is a good plan file or export spoilt in a few places (a value of another kind, a huge
number, a key twice, a strange document id, an unknown field, control characters, deep
nesting), or a shape made up from nothing.
"""

from __future__ import annotations

import dataclasses
import json
import os
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careertui.demo import demo_plan
from careertui.export.ics import plan_calendar
from careertui.export.json_plan import FORMAT, PlanImportError, plan_from_json, plan_to_json
from careertui.export.wins import wins_document
from careertui.model.codec import encode
from careertui.model.plan import Plan
from careertui.store.errors import StoreError
from careertui.store.lock import PlanLock
from careertui.store.migrations import SCHEMA_VERSION
from careertui.store.plan_store import PlanStore, plan_to_tables
from tests.conftest import TODAY

from .conftest import Clock

FUZZ = settings(max_examples=250, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
# A JSON tree whose objects may hold a key twice; Raw is JSON text put in as it is.
Tree = "Obj | list[Tree] | Raw | str | int | float | bool | None"


@dataclass
class Obj:
    pairs: list[list] = field(default_factory=list)  # [key, value] pairs, in order


@dataclass
class Raw:
    text: str


def tree(value: object) -> object:
    if isinstance(value, dict):
        return Obj([[key, tree(item)] for key, item in value.items()])
    if isinstance(value, list):
        return [tree(item) for item in value]
    return value


def render(node: object) -> str:
    if isinstance(node, Obj):
        return "{" + ", ".join(f"{json.dumps(key, ensure_ascii=False)}: {render(value)}"
                               for key, value in node.pairs) + "}"
    if isinstance(node, list):
        return "[" + ", ".join(map(render, node)) + "]"
    if isinstance(node, Raw):
        return node.text
    return json.dumps(node, ensure_ascii=False)


def containers(node: object) -> list[object]:
    """Every object and array in the tree, the root first."""
    found = [node] if isinstance(node, (Obj, list)) else []
    children = ([value for _, value in node.pairs] if isinstance(node, Obj)
                else node if isinstance(node, list) else [])
    for child in children:
        found += containers(child)
    return found


_HOSTILE_CHARS = list("\x1b\x07\x00\x7f\x9b\x85\ud800\udfff\r\n\t\u2028\u202e]52;[2J")
texts = st.text(alphabet=st.characters() | st.sampled_from(_HOSTILE_CHARS), max_size=12)
# JSON text of one value: kinds the fields do not take, numbers no field can hold, and
# strings escaped (json.dumps) or raw (C1 and lone surrogates; the latter is not UTF-8).
scalars = st.one_of(
    st.sampled_from(["null", "true", "false", "0", "-1", "7", "1.5", "-0.0", "1e400",
                     "-1e400", "NaN", "Infinity", "-Infinity", "2" + "0" * 308,
                     "-" + "9" * 309, "9" * 400, "1" + "0" * 5000, "-" + "7" * 4400,
                     '"2026-11-23"', '"2026-02-30"', '"open"', '"done"', '"FREQ=MONTHLY"',
                     '"FREQ=MONTHLY;INTERVAL=0"', '""', '" "']),
    st.integers().map(str),
    st.floats().map(lambda number: json.dumps(number)),
    texts.map(json.dumps),
    texts.map(lambda text: json.dumps(text, ensure_ascii=False)),
)
raw_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]")
    | st.lists(st.tuples(st.text(max_size=3), inner), max_size=3).map(lambda pairs: _object(pairs)),
    max_leaves=6,
)
# Nested deeper than json.loads goes, and as deep as it goes.
deep_values = st.sampled_from(["[" * 5000 + "]" * 5000, '{"a": ' * 900 + "1" + "}" * 900,
                               "[" * 500 + "]" * 500])
hostile_texts = texts.map(json.dumps) | texts.map(lambda text: json.dumps(text,
                                                                          ensure_ascii=False))
huge_numbers = st.sampled_from(["2" + "0" * 308, "-" + "9" * 309, "9" * 400, "1" + "0" * 5000,
                                "1e400", "NaN"])
keys = st.sampled_from(["1", "01", "+1", " 2", "2", "1_0", "9" * 400, "x", "", "id", "title",
                        "notes", "due", "cost", "meta", "actions", "goals", "schema_version",
                        "\x1b]52;c;", "\u009b"]) | st.text(max_size=4)
# How a place is spoilt: mostly text or numbers that keep the file readable, so that the
# store gets past the shape checks; then values of any kind, and keys.
HOW = ["text", "text", "text", "number", "value", "value", "deep", "twice", "add", "rename"]


@st.composite
def spoilt(draw, base: str) -> str:
    """The JSON data BASES[base] as JSON text, spoilt in one to four places."""
    root = tree(BASES[base])
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(HOW))
        if how in ("twice", "add", "rename"):
            objects = [node for node in containers(root) if isinstance(node, Obj)]
            node = objects[draw(st.integers(0, len(objects) - 1))]
            if how == "add" or not node.pairs:
                node.pairs.append([draw(keys), Raw(draw(raw_values))])
                continue
            pair = node.pairs[draw(st.integers(0, len(node.pairs) - 1))]
            if how == "twice":
                node.pairs.insert(draw(st.integers(0, len(node.pairs))),
                                  [pair[0], Raw(draw(raw_values))])
            else:
                pair[0] = draw(keys)
            continue
        kinds = {"text": (str,), "number": (int, float)}.get(how, (object,))
        slots = [slot for slot in _slots(root) if isinstance(slot.get(), kinds)
                 and not isinstance(slot.get(), bool)]
        if slots:
            new = {"text": hostile_texts, "number": huge_numbers, "deep": deep_values}.get(
                how, raw_values)
            slots[draw(st.integers(0, len(slots) - 1))].put(Raw(draw(new)))
    return render(root)


@dataclass
class _Slot:
    """One value in the tree: item `index` of a list, or the value of a [key, value] pair."""

    holder: list
    index: int

    def get(self) -> object:
        return self.holder[self.index]

    def put(self, value: object) -> None:
        self.holder[self.index] = value


def _slots(root: object) -> list[_Slot]:
    slots = []
    for node in containers(root):
        if isinstance(node, Obj):
            slots += [_Slot(pair, 1) for pair in node.pairs]
        else:
            slots += [_Slot(node, index) for index in range(len(node))]
    return slots


# Good files to spoil, by name (a strategy's repr holds its arguments).
BASES = {
    "plan file": plan_to_tables(demo_plan(TODAY), {"1": {"schema_version": SCHEMA_VERSION}}),
    "new plan file": {"meta": {"1": {"schema_version": SCHEMA_VERSION}}},
    "export": json.loads(plan_to_json(demo_plan(TODAY), NOW)),
    "empty export": {"format": FORMAT, "schema_version": SCHEMA_VERSION, "plan": encode(Plan())},
}


def _object(pairs: list[tuple[str, str]]) -> str:
    """A JSON object of (key, JSON text) pairs: a key may come twice."""
    return "{" + ", ".join(f"{json.dumps(key)}: {value}" for key, value in pairs) + "}"


# Tables careertui does not know, or knows, holding documents of any fields and values.
doc_ids = st.sampled_from(["1", "2", "3"]) | keys
documents = st.lists(st.tuples(keys, raw_values | huge_numbers), max_size=3).map(_object)
tables = st.lists(st.tuples(doc_ids, documents | raw_values), max_size=3).map(_object)
made_up_tables = st.lists(st.tuples(st.sampled_from(["later", "profile", "actions"]) | keys,
                                    tables), max_size=4).map(
    lambda pairs: _object([("meta", '{"1": {"schema_version": 1}}'), *pairs]))
plan_files = spoilt("plan file") | spoilt("new plan file") | made_up_tables
exports = spoilt("export") | spoilt("empty export") | raw_values | deep_values


def _encoded(text: str) -> bytes:
    # A lone surrogate has no UTF-8 form: written as is, such a file is not valid UTF-8.
    return text.encode("utf-8", "surrogatepass")


def _everything(folder: Path) -> dict[str, bytes | None]:
    """Every path under `folder` with its bytes (None for a folder)."""
    return {str(path.relative_to(folder)): None if path.is_dir() else path.read_bytes()
            for path in sorted(folder.rglob("*"))}


@FUZZ
@given(plan_files)
def test_a_generated_plan_file_opens_or_is_refused_untouched(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "plan.json"
    content = _encoded(text)
    path.write_bytes(content)
    with PlanLock(path):  # the one file open makes even when it refuses: the lock file
        pass
    before = _everything(folder)
    try:
        store = PlanStore.open(path, Clock())
    except StoreError as error:
        assert str(error) and "Traceback" not in str(error)
        assert "set_int_max_str_digits" not in str(error)
        assert _everything(folder) == before
    else:
        profile = store.load().profile
        # A save writes every table back, the parts careertui does not read too; what it
        # wrote opens again.
        store.save(dataclasses.replace(profile, name=f"{profile.name} again"))
        store.close()
        PlanStore.open(path, Clock()).close()
    assert not [name for name in os.listdir(folder) if name.endswith(".tmp")]


@FUZZ
@given(exports)
def test_a_generated_export_imports_or_is_refused_with_reasons(text):
    try:
        plan = plan_from_json(_encoded(text))
    except PlanImportError as error:
        assert error.problems and all(isinstance(problem, str) and problem
                                      for problem in error.problems)
        assert not any("set_int_max_str_digits" in problem for problem in error.problems)
    else:
        # What imports exports again, cleanly (the report's charts are too slow to fuzz).
        for content in (plan_calendar(plan, TODAY, NOW).decode("utf-8"),
                        wins_document(plan, date(2000, 1, 1), TODAY), plan_to_json(plan, NOW)):
            assert not [char for char in content.replace("\r\n", "\n")
                        if unicodedata.category(char) in ("Cc", "Cs") and char not in "\n\t"]
