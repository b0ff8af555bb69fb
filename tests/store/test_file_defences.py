"""What careertui writes and reads: regular files, never through links; folders made durably."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from careertui.__main__ import main
from careertui.model.plan import Profile
from careertui.store import files, history
from careertui.store.errors import DanglingLinkError, ReadOnlyPlanError, StorageWriteError
from careertui.store.files import UnsafePathError, read_file, write_atomically
from careertui.store.plan_store import PlanStore

from .conftest import PYTHON, REPO, child_env


def special_files(tmp_path) -> dict[str, object]:
    """A named pipe, a socket, a folder and a symbolic link, each where a file could be."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    unix_socket = tmp_path / "socket"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(unix_socket))
    folder = tmp_path / "folder"
    folder.mkdir()
    target = tmp_path / "elsewhere.md"
    target.write_text("someone's file")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    return {"pipe": fifo, "socket": unix_socket, "folder": folder, "link": link,
            "server": server, "target": target}


@pytest.mark.parametrize("name, words", [("pipe", "named pipe"), ("socket", "a socket"),
                                          ("folder", "a folder"), ("link", "symbolic link")])
def test_an_export_onto_anything_but_a_regular_file_is_refused_and_left_alone(
        tmp_path, name, words, capsys):
    found = special_files(tmp_path)
    plan = tmp_path / "plan.json"
    PlanStore.open(plan).close()
    target = found[name]
    before = os.lstat(target)
    assert main(["export", "--db", str(plan), "-o", str(target)]) == 2
    message = capsys.readouterr().err
    assert f"cannot write {target}" in message and words in message
    assert "Nothing was written" in message
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert found["target"].read_text() == "someone's file"  # not written through the link


def test_write_atomically_refuses_a_device(tmp_path):
    # /dev/null itself: the review found `export -o /dev/null` as root replaced it.
    before = os.stat("/dev/null")
    with pytest.raises(UnsafePathError, match="a device"):
        write_atomically("/dev/null", b"x")
    after = os.stat("/dev/null")
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


def test_an_export_to_standard_output_still_works(tmp_path):
    plan = tmp_path / "plan.json"
    store = PlanStore.open(plan)
    store.save(Profile(name="Ada"))
    store.close()
    shown = subprocess.run([PYTHON, "-m", "careertui", "export", "--db", str(plan), "-o", "-"],
                           cwd=REPO, env=child_env(), capture_output=True, text=True, check=True)
    assert "Ada" in shown.stdout


def test_opening_removes_what_a_killed_copy_into_the_history_left(tmp_path):
    plan = tmp_path / "plan.json"
    PlanStore.open(plan).close()
    folder = history.history_dir(plan)
    folder.mkdir(mode=0o700, exist_ok=True)
    orphan = folder / ".plan-20261123-093000.json.gz.abc123.tmp"
    orphan.write_bytes(b"half")
    PlanStore.open(plan).close()
    assert not orphan.exists()


def test_an_export_removes_what_a_killed_export_to_the_same_file_left(tmp_path):
    plan = tmp_path / "plan.json"
    PlanStore.open(plan).close()
    report = tmp_path / "report.md"
    orphan = tmp_path / ".report.md.k1ll3d.tmp"
    orphan.write_text("half a report")
    other = tmp_path / ".notes.md.abc.tmp"
    other.write_text("another file's")
    assert main(["export", "--db", str(plan), "-o", str(report)]) == 0
    assert not orphan.exists() and other.exists() and report.exists()


def test_a_plan_path_that_is_a_link_to_nothing_is_refused_and_nothing_created(tmp_path):
    # In a shared folder another user can plant such a link where the plan would be.
    victim = tmp_path / "home" / "important"
    victim.parent.mkdir()
    planted = tmp_path / "everyones" / "plan.json"
    planted.parent.mkdir()
    planted.symlink_to(victim)
    with pytest.raises(DanglingLinkError, match="does not exist"):
        PlanStore.open(planted)
    assert not victim.exists()
    assert sorted(p.name for p in planted.parent.iterdir()) == ["plan.json"]


def test_a_link_to_an_existing_plan_is_still_followed(tmp_path):
    real = tmp_path / "synced" / "plan.json"
    real.parent.mkdir()
    PlanStore.open(real).close()
    link = tmp_path / "plan.json"
    link.symlink_to(real)
    store = PlanStore.open(link)
    store.save(Profile(name="Ada"))
    store.close()
    assert link.is_symlink() and "Ada" in real.read_text()


def test_a_planted_lock_link_is_refused_and_creates_nothing(tmp_path):
    victim = tmp_path / "victim"
    plan = tmp_path / "plan.json"
    (tmp_path / "plan.json.lock").symlink_to(victim)
    with pytest.raises(StorageWriteError, match="symbolic link"):
        PlanStore.open(plan)
    assert not victim.exists()


def test_a_read_only_plan_is_refused_even_for_root(tmp_path):
    plan = tmp_path / "plan.json"
    PlanStore.open(plan).close()
    plan.chmod(0o444)
    before = plan.read_bytes()
    with pytest.raises(ReadOnlyPlanError, match="read-only"):
        PlanStore.open(plan)
    assert plan.read_bytes() == before and (plan.stat().st_mode & 0o777) == 0o444


def test_a_folder_of_another_user_is_named_as_theirs_not_as_read_only(tmp_path, monkeypatch):
    plan = tmp_path / "plan.json"
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    monkeypatch.setattr(os, "geteuid", lambda: 54321)
    with pytest.raises(ReadOnlyPlanError) as refused:
        PlanStore.open(plan)
    message = str(refused.value)
    assert "belongs to" in message and "you cannot write in it" in message
    assert "chmod" not in message and "--db PATH" in message


@pytest.mark.parametrize("name", ["pipe", "socket", "folder"])
def test_reading_anything_but_a_regular_file_is_refused_without_waiting(tmp_path, name):
    found = special_files(tmp_path)  # a pipe with no writer: reading it would wait forever
    with pytest.raises(UnsafePathError, match="not a file"):
        read_file(found[name])


def test_a_device_and_a_huge_file_are_refused_before_they_are_read(tmp_path):
    with pytest.raises(UnsafePathError, match="a device"):
        read_file("/dev/zero")  # would be read until the memory runs out
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as file:
        file.truncate(files.LARGEST_FILE + 1)  # sparse: costs no disk
    with pytest.raises(UnsafePathError, match="far larger than any plan"):
        read_file(huge)


@pytest.mark.parametrize("grown, refused", [(100, False), (1_000, True)])
def test_a_file_that_grew_after_its_size_was_read_is_read_whole_or_refused(tmp_path, monkeypatch,
                                                                          grown, refused):
    path = tmp_path / "plan.json"
    path.write_bytes(b"x" * (10 + grown))
    real_fstat = os.fstat

    def size_before_it_grew(fd):
        info = real_fstat(fd)
        return os.stat_result((*info[:6], info.st_size - grown, *info[7:]))

    monkeypatch.setattr(os, "fstat", size_before_it_grew)
    if refused:
        with pytest.raises(UnsafePathError, match="larger than any plan"):
            read_file(path, limit=500)
    else:
        assert read_file(path, limit=500) == path.read_bytes()


@pytest.mark.parametrize("source, words", [("/dev/zero", "a device"), ("pipe", "named pipe"),
                                            ("huge.json", "far larger than any plan")])
def test_importing_a_device_a_pipe_or_a_huge_file_is_refused_at_once(tmp_path, source, words):
    os.mkfifo(tmp_path / "pipe")  # no writer: reading it would wait for ever
    with open(tmp_path / "huge.json", "wb") as file:
        file.truncate(files.LARGEST_FILE + 1)
    plan = tmp_path / "plan.json"
    shown = subprocess.run([sys.executable, "-m", "careertui", "import", "--db", str(plan),
                            str(tmp_path / source)], cwd=REPO, env=child_env(),
                           capture_output=True, text=True, timeout=30)
    assert shown.returncode == 2 and words in shown.stderr
    assert "Nothing was imported" in shown.stderr and "Traceback" not in shown.stderr
    assert not plan.exists()


def test_careertui_open_refuses_a_plan_that_is_a_pipe(tmp_path):
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    shown = subprocess.run([sys.executable, "-m", "careertui", "export", "--db", str(fifo),
                            "-o", "-"], cwd=REPO, env=child_env(), capture_output=True,
                           text=True, timeout=30)
    assert shown.returncode == 2 and "named pipe" in shown.stderr


def test_new_folders_are_synced_into_the_folder_above(tmp_path, monkeypatch):
    synced = []
    sync = files.fsync_directory
    monkeypatch.setattr(files, "fsync_directory",
                        lambda folder: synced.append(folder) or sync(folder))
    plan = tmp_path / "a" / "b" / "plan.json"
    store = PlanStore.open(plan)
    store.save(Profile(name="Ada"))  # the first write of the day makes backups/ and history/
    store.close()
    for made in (tmp_path / "a", tmp_path / "a" / "b", plan.parent / "backups",
                 plan.parent / "history"):
        assert made.parent in synced, made
