"""Another program changes the plan file while careertui has it open: never overwritten silently."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap

import pytest

from careertui.model.plan import Goal, Plan, Profile
from careertui.store import backups
from careertui.store.errors import CorruptPlanError, OutsideChangeError
from careertui.store.plan_file import read_plan
from careertui.store.plan_format import encode_tables
from careertui.store.plan_store import PlanStore

from .conftest import PYTHON, REPO, child_env, snapshot

# What a sync tool or an editor does: read the file, change a value, write it back whole.
RENAME_OUTSIDE = textwrap.dedent(
    """
    import json, sys
    path = sys.argv[1]
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    data.setdefault("profile", {})["1"] = {"name": "Changed elsewhere"}
    with open(path, "w", encoding="utf-8") as file:
        json.dump(data, file)
    """
)


def change_outside(path) -> bytes:
    """Another process rewrites the plan file; returns the bytes it left."""
    subprocess.run([PYTHON, "-c", RENAME_OUTSIDE, str(path)], cwd=REPO, env=child_env(),
                   check=True)
    return path.read_bytes()


@pytest.fixture
def store(plan_path, clock):
    store = PlanStore.open(plan_path, today=clock)
    store.save(Profile(name="Ada"))
    store.save(Goal("Lead the weekly planning"))
    store.close()  # compacted: the plan file holds both, as another program reads it
    store = PlanStore.open(plan_path, today=clock)
    yield store
    store.close()


def test_a_write_after_another_program_changed_the_file_is_refused(store, plan_path):
    outside = change_outside(plan_path)
    with pytest.raises(OutsideChangeError, match="changed by another program") as refused:
        store.save(Goal("Speak at a meet-up"))
    assert not refused.value.removed
    assert plan_path.read_bytes() == outside  # the other program's version stands
    # Nothing half-done here either: the plan is as it was before the refused save.
    assert [goal.statement for goal in store.all(Goal)] == ["Lead the weekly planning"]
    assert store.get(Profile).name == "Ada"


def test_every_kind_of_write_is_checked(store, plan_path):
    outside = change_outside(plan_path)
    (goal,) = store.all(Goal)
    with pytest.raises(OutsideChangeError):
        store.delete(goal)
    with pytest.raises(OutsideChangeError):
        store.replace_plan(store.load())
    assert plan_path.read_bytes() == outside


def test_the_same_content_written_again_is_no_change(store, plan_path):
    content = plan_path.read_bytes()
    plan_path.write_bytes(content)  # new inode times, same bytes (a sync tool's round trip)
    os.utime(plan_path, (0, 0))
    store.save(Goal("Speak at a meet-up"))
    assert len(store.all(Goal)) == 2
    assert store.outside_change() is None


def test_a_removed_file_is_an_outside_change_too(store, plan_path):
    plan_path.unlink()
    change = store.outside_change()
    assert change is not None and change.removed and "removed" in str(change)
    with pytest.raises(OutsideChangeError):
        store.save(Goal("Speak at a meet-up"))
    assert not plan_path.exists()


def test_reload_shows_the_other_version_and_saves_on_top_of_it(store, plan_path):
    change_outside(plan_path)
    assert store.outside_change() is not None
    store.reload()
    assert store.get(Profile).name == "Changed elsewhere"
    assert store.outside_change() is None
    store.save(Goal("Speak at a meet-up"))
    saved = read_plan(plan_path)  # the file with the journal's changes
    assert saved.profile.name == "Changed elsewhere"
    assert len(saved.goals) == 2


def test_a_reloaded_version_with_escape_sequences_is_cleaned_and_stored_clean(store,
                                                                             plan_path):
    data = json.loads(encode_tables(store._db.storage.read()))  # the plan as saved here
    data["profile"]["1"]["name"] = "Ada\x1b]2;pwned\x07 Lovelace"
    plan_path.write_text(json.dumps(data), encoding="utf-8")  # a sync brought it in
    cleaned = store.reload()
    assert cleaned == ["profile.name: Removed 1 terminal escape sequence (U+001B, U+0007)."]
    assert store.get(Profile).name == "Ada Lovelace"
    assert json.loads(plan_path.read_bytes())["profile"]["1"]["name"] == "Ada Lovelace"


def test_keep_mine_saves_the_other_version_beside_it_first(store, plan_path):
    outside = change_outside(plan_path)
    aside = store.keep_mine()
    assert aside is not None and aside.parent == plan_path.parent
    assert aside.name.startswith("plan.json.outside-")
    assert aside.read_bytes() == outside
    assert json.loads(plan_path.read_bytes())["profile"]["1"]["name"] == "Ada"
    store.save(Goal("Speak at a meet-up"))  # no longer refused
    assert len(store.all(Goal)) == 2


def test_a_broken_outside_version_cannot_be_reloaded_and_changes_nothing(store, plan_path):
    plan_path.write_text('{"profile": {"1": ', encoding="utf-8")  # a sync tool half-way through
    with pytest.raises(CorruptPlanError, match="not valid JSON"):
        store.reload()
    assert store.get(Profile).name == "Ada"
    with pytest.raises(OutsideChangeError):
        store.save(Goal("Speak at a meet-up"))
    aside = store.keep_mine()
    assert aside is not None and aside.read_text(encoding="utf-8") == '{"profile": {"1": '
    assert json.loads(plan_path.read_bytes())["profile"]["1"]["name"] == "Ada"


def test_keep_mine_never_overwrites_a_version_written_while_it_set_the_last_one_aside(
        store, plan_path, monkeypatch):
    change_outside(plan_path)
    keep_copy = backups.keep_copy

    def keep_then_sync_again(*args, **kwargs):
        kept = keep_copy(*args, **kwargs)
        plan_path.write_text('{"profile": {"1": {"name": "Synced again"}}}', encoding="utf-8")
        return kept

    monkeypatch.setattr(backups, "keep_copy", keep_then_sync_again)
    with pytest.raises(OutsideChangeError):
        store.keep_mine()
    assert json.loads(plan_path.read_bytes())["profile"]["1"]["name"] == "Synced again"


def test_an_import_over_an_outside_change_is_refused_before_any_copy_is_made(store, plan_path):
    change_outside(plan_path)
    before = snapshot(plan_path.parent)
    with pytest.raises(OutsideChangeError):
        store.import_plan(Plan(profile=Profile(name="imported")))
    assert snapshot(plan_path.parent) == before
