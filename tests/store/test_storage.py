"""AtomicJSONStorage: round trips, in-memory reads, and writes that fail half way."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from careertui.store.errors import StorageWriteError
from careertui.store.journal import journal_path
from careertui.store.plan_format import parse_plan
from careertui.store.storage import AtomicJSONStorage

from .conftest import mode, snapshot


def open_db(path: Path, clock=None) -> TinyDB:
    kwargs = {"today": clock} if clock else {}
    return TinyDB(path, storage=AtomicJSONStorage, **kwargs)


def temp_files(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.tmp"))


def test_round_trip_through_a_real_file(tmp_path, clock):
    path = tmp_path / "plan.json"
    db = open_db(path, clock)
    assert isinstance(db.storage, AtomicJSONStorage)
    goals = db.table("goals")
    first = goals.insert({"statement": "Lead a team", "tags": ["people", "ünïcode ✓"]})
    second = goals.insert({"statement": "Learn Rust", "deadline": "2027-06-30"})
    goals.update({"statement": "Lead a team of five"}, doc_ids=[first])
    goals.remove(doc_ids=[second])
    goals.insert({"statement": "Speak at a conference"})
    expected = db.storage.read()
    db.close()

    reopened = open_db(path, clock)
    assert reopened.storage.read() == expected
    assert reopened.table("goals").get(doc_id=first)["statement"] == "Lead a team of five"
    assert [g["statement"] for g in reopened.table("goals").all()] == [
        "Lead a team of five",
        "Speak at a conference",
    ]
    assert "ünïcode ✓" in path.read_text("utf-8")  # stored as UTF-8, not \u escapes
    assert mode(path) == 0o600


def test_new_file_is_created_0600_with_an_empty_database(tmp_path):
    path = tmp_path / "plan.json"
    db = open_db(path)
    assert json.loads(path.read_bytes()) == {}
    assert db.tables() == set()
    assert mode(path) == 0o600


def test_a_rewritten_file_is_0600_even_if_it_was_readable_by_others(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text("{}")
    path.chmod(0o644)
    db = open_db(path)
    assert mode(path) == 0o644  # opening alone changes nothing
    db.table("goals").insert({"statement": "x"})
    assert mode(journal_path(path)) == 0o600
    db.close()  # the journal is compacted into the plan file
    assert mode(path) == 0o600


def test_read_does_not_parse_the_file_again(tmp_path, monkeypatch):
    path = tmp_path / "plan.json"
    db = open_db(path)
    db.table("goals").insert({"statement": "Lead a team"})
    # Another program rewrites the file behind our back: we keep what we parsed.
    path.write_text(json.dumps({"goals": {"1": {"statement": "tampered"}}}))

    def fail(*args, **kwargs):
        raise AssertionError("the plan file was parsed again")

    monkeypatch.setattr(json, "loads", fail)
    monkeypatch.setattr(Path, "read_bytes", fail)
    for _ in range(20):
        assert db.table("goals").all() == [{"statement": "Lead a team"}]
        assert db.table("goals").count(lambda doc: True) == 1


def test_an_unchanged_write_does_not_touch_the_file(tmp_path):
    path = tmp_path / "plan.json"
    db = open_db(path)
    db.table("goals").insert({"statement": "Lead a team"})
    inode = os.stat(path).st_ino
    db.table("goals").update({"statement": "Lead a team"}, doc_ids=[1])
    db.table("goals").remove(doc_ids=[])
    assert os.stat(path).st_ino == inode


def test_drop_tables_writes_and_later_reads_see_it(tmp_path):
    path = tmp_path / "plan.json"
    db = open_db(path)
    db.table("goals").insert({"statement": "x"})
    db.drop_tables()
    db.table("actions").insert({"title": "y"})
    assert db.tables() == {"actions"}
    assert open_db(path).storage.read() == {"actions": {"1": {"title": "y"}}}


def test_a_lone_surrogate_is_saved_and_read_back(tmp_path):
    path = tmp_path / "plan.json"
    db = open_db(path)
    profile = {"name": "bad byte \udcff here", "city": "Zürich"}
    db.table("profile").insert(profile)
    parse_plan(path.read_bytes())  # the file is valid UTF-8 JSON
    assert open_db(path).table("profile").all() == [profile]


class HalfWriter:
    """A file whose write() stores half the bytes, then fails as if the disk were full."""

    def __init__(self, file):
        self._file = file

    def write(self, data):
        self._file.write(data[: len(data) // 2])
        self._file.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self._file, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._file.close()


def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def inject(monkeypatch, where: str) -> None:
    if where == "file write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    else:
        monkeypatch.setattr(os, where, disk_full)


# A save appends to the journal (see test_journal.py for one that starts it, or compacts it).
@pytest.mark.parametrize("where", ["file write", "fsync"])
@pytest.mark.parametrize(
    "change",
    [
        lambda db: db.table("goals").insert({"statement": "never saved"}),
        lambda db: db.table("goals").update({"statement": "never saved"}, doc_ids=[1]),
        lambda db: db.table("goals").remove(doc_ids=[1]),
        lambda db: db.drop_table("goals"),
        lambda db: db.drop_tables(),
    ],
    ids=["insert", "update", "remove", "drop_table", "drop_tables"],
)
def test_a_failed_write_leaves_disk_and_memory_at_the_last_good_state(
    tmp_path, clock, monkeypatch, where, change
):
    path = tmp_path / "plan.json"
    db = open_db(path, clock)
    goals = db.table("goals")
    goals.insert({"statement": "Lead a team"})
    assert goals.search(lambda doc: True)  # fills TinyDB's query cache
    on_disk = snapshot(tmp_path)
    memory = db.storage.read()
    good_state = json.loads(json.dumps(memory))

    with monkeypatch.context() as patch:
        inject(patch, where)
        with pytest.raises(StorageWriteError) as caught:
            change(db)

    assert snapshot(tmp_path) == on_disk
    assert temp_files(tmp_path) == []
    assert db.storage.read() is memory  # TinyDB may still hold this dict
    assert memory == good_state
    assert db.table("goals").all() == [{"statement": "Lead a team"}]
    message = str(caught.value)
    assert str(path) in message and "No space left on device" in message
    assert "unchanged" in message

    db.table("actions").insert({"title": "saved"})
    assert open_db(path).storage.read() == {
        "goals": {"1": {"statement": "Lead a team"}},
        "actions": {"1": {"title": "saved"}},
    }


def test_a_failed_daily_backup_fails_the_write_and_changes_nothing(tmp_path, clock, monkeypatch):
    path = tmp_path / "plan.json"
    db = open_db(path, clock)
    db.table("goals").insert({"statement": "Lead a team"})
    clock.day = clock.day.replace(day=24)
    on_disk = path.read_bytes()
    calls = []
    real_replace = os.replace

    def replace_fails_for_backups(src, dst):
        calls.append(dst)
        if "backups" in str(dst):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_fails_for_backups)
    with pytest.raises(StorageWriteError, match="Permission denied"):
        db.table("goals").insert({"statement": "never saved"})
    assert path.read_bytes() == on_disk
    assert len(db.table("goals")) == 1
    assert temp_files(tmp_path) == []


def test_a_serialisation_error_restores_memory_and_propagates(tmp_path):
    path = tmp_path / "plan.json"
    db = open_db(path)
    db.table("goals").insert({"statement": "Lead a team"})
    on_disk = path.read_bytes()
    with pytest.raises(TypeError):
        db.table("goals").insert({"statement": object()})
    assert path.read_bytes() == on_disk
    assert db.table("goals").all() == [{"statement": "Lead a team"}]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.dictionaries(st.text(), json_values, max_size=5), max_size=6))
def test_any_json_documents_survive_a_reopen(documents):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "plan.json"
        db = open_db(path)
        db.table("things").insert_multiple(documents)
        expected = json.loads(json.dumps(db.storage.read()))
        assert open_db(path).storage.read() == expected
