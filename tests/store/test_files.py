"""write_atomically and its clean-up: whole files or none, 0600, no temp files left behind."""

from __future__ import annotations

import errno
import os

import pytest

from careertui.store.files import remove_orphaned_temps, write_atomically

from .conftest import mode


def test_write_atomically_replaces_whole_files_and_leaves_no_temp(tmp_path):
    target = tmp_path / "export.md"
    target.write_text("old")
    write_atomically(target, "new ✓")
    assert target.read_text("utf-8") == "new ✓"
    write_atomically(target, b"\x00raw")
    assert target.read_bytes() == b"\x00raw"
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.md"]


def test_text_with_a_lone_surrogate_is_written_with_a_replacement(tmp_path):
    target = tmp_path / "report.md"
    write_atomically(target, "Notes: \ud800 end")
    assert target.read_text(encoding="utf-8") == "Notes: ? end"


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "export.md"
    target.write_text("old")

    def disk_full(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("careertui.store.files.os.replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.md"]


def test_only_the_temp_files_of_the_named_target_are_removed(tmp_path):
    mine, other = tmp_path / ".plan.json.x1y2.tmp", tmp_path / ".other.json.x1y2.tmp"
    kept = [other, tmp_path / "plan.json", tmp_path / ".plan.json.x1y2.bak"]
    for path in [mine, *kept]:
        path.write_text("")
    remove_orphaned_temps(tmp_path, "plan.json")
    assert not mine.exists()
    assert all(path.exists() for path in kept)
