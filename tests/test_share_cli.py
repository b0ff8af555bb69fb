"""The export, wins and import subcommands: files, standard output, exit codes, refusals."""

from __future__ import annotations

import errno
import json
import subprocess
import sys
from datetime import date

import pytest
from icalendar import Calendar

from careertui import __main__ as cli
from careertui.demo import demo_plan
from careertui.model.plan import Profile
from careertui.store.lock import PlanLock
from careertui.store.plan_store import PlanStore


@pytest.fixture
def demo_file(tmp_path, today):
    """A plan file holding the demo plan, as (path, plan)."""
    path = tmp_path / "plan.json"
    plan = demo_plan(today)
    store = PlanStore.open(path)
    store.replace_plan(plan)
    store.close()
    return path, plan


def stored_plan(path):
    store = PlanStore.open(path)
    try:
        return store.load()
    finally:
        store.close()


def test_markdown_report_goes_to_the_working_folder_by_default(demo_file, tmp_path,
                                                               monkeypatch, capsys):
    path, plan = demo_file
    here = tmp_path / "where I am"
    here.mkdir()
    monkeypatch.chdir(here)
    assert cli.main(["export", "--db", str(path)]) == 0
    written = here / f"plan-report-{date.today().isoformat()}.md"
    assert str(written) in capsys.readouterr().out
    report = written.read_text(encoding="utf-8")
    assert report.startswith("# ")
    assert plan.profile.name in report
    assert all(goal.statement in report for goal in plan.goals)


def test_the_export_folder_of_the_preferences_is_the_default(demo_file, tmp_path,
                                                              monkeypatch, capsys):
    path, _ = demo_file
    chosen = tmp_path / "exports"
    chosen.mkdir()
    config = tmp_path / "config.toml"
    config.write_text(f'export_folder = "{chosen}"\n')
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--config", str(config), "export", "--db", str(path)]) == 0
    written = chosen / f"plan-report-{date.today().isoformat()}.md"
    assert written.read_text(encoding="utf-8").startswith("# ")
    assert capsys.readouterr().err == ""


def test_a_bad_export_folder_is_named_and_the_working_folder_used(demo_file, tmp_path,
                                                                   monkeypatch, capsys):
    path, _ = demo_file
    config = tmp_path / "config.toml"
    config.write_text('export_folder = "/no/such/folder"\n')
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--config", str(config), "export", "--db", str(path)]) == 0
    assert (tmp_path / f"plan-report-{date.today().isoformat()}.md").exists()
    err = capsys.readouterr().err
    assert 'warning: ' in err and 'export_folder = "/no/such/folder" is not a folder' in err
    assert config.read_text() == 'export_folder = "/no/such/folder"\n'


def test_db_given_before_the_command_is_used(demo_file, tmp_path, capsys):
    path, plan = demo_file
    target = tmp_path / "out" / "report.md"
    target.parent.mkdir()
    assert cli.main(["--db", str(path), "export", "-o", str(target)]) == 0
    assert plan.profile.name in target.read_text(encoding="utf-8")


def test_dash_writes_to_standard_output_and_no_file(demo_file, capsys):
    path, plan = demo_file
    files_before = set(path.parent.iterdir())
    assert cli.main(["export", "--format", "ics", "--db", str(path), "-o", "-"]) == 0
    calendar = Calendar.from_ical(capsys.readouterr().out)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert any(action.title in summaries for action in plan.actions if not action.done)
    assert set(path.parent.iterdir()) == files_before


def test_json_export_imported_into_an_empty_plan_is_the_same_plan(demo_file, tmp_path, capsys):
    path, plan = demo_file
    exported = tmp_path / "export.json"
    assert cli.main(["export", "--format", "json", "--db", str(path), "-o", str(exported)]) == 0
    assert json.loads(exported.read_text(encoding="utf-8"))["schema_version"] >= 1
    fresh = tmp_path / "fresh" / "plan.json"
    assert cli.main(["import", str(exported), "--db", str(fresh)]) == 0
    assert "Imported" in capsys.readouterr().out
    assert stored_plan(fresh) == plan


def test_export_runs_while_the_app_has_the_plan_open(demo_file, tmp_path):
    path, plan = demo_file
    with PlanLock(path):
        assert cli.main(["export", "--format", "json", "--db", str(path),
                         "-o", str(tmp_path / "x.json")]) == 0


def test_wins_since_a_date(demo_file, capsys):
    path, plan = demo_file
    assert cli.main(["wins", "--since", "2000-01-01", "--db", str(path), "-o", "-"]) == 0
    document = capsys.readouterr().out
    assert all(milestone.title in document for milestone in plan.milestones)


def test_wins_refuses_a_date_it_cannot_read(demo_file, capsys):
    path, _ = demo_file
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["wins", "--since", "last spring", "--db", str(path)])
    assert exit_info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_export_of_a_missing_plan_is_refused_without_creating_it(tmp_path, capsys):
    missing = tmp_path / "none.json"
    assert cli.main(["export", "--db", str(missing)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "There is no plan" in error
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["missing-folder/report.md", "."])
def test_an_unwritable_output_is_one_line_and_writes_nothing(demo_file, tmp_path, capsys, where):
    path, _ = demo_file
    before = set(tmp_path.rglob("*"))
    target = tmp_path / where
    assert cli.main(["export", "--db", str(path), "-o", str(target)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and f"cannot write {target}" in error
    assert set(tmp_path.rglob("*")) == before


def test_a_full_disk_is_one_line_and_leaves_no_partial_file(demo_file, tmp_path, capsys,
                                                           monkeypatch):
    path, _ = demo_file
    target = tmp_path / "out"
    target.mkdir()

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("careertui.store.files.os.fsync", disk_full)
    assert cli.main(["export", "--db", str(path), "-o", str(target / "r.md")]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert list(target.iterdir()) == []


def test_import_never_overwrites_a_plan_without_replace(demo_file, tmp_path, capsys):
    path, plan = demo_file
    exported = tmp_path / "export.json"
    cli.main(["export", "--format", "json", "--db", str(path), "-o", str(exported)])
    other = tmp_path / "other.json"
    store = PlanStore.open(other)
    store.save(Profile(name="Someone else"))
    store.close()
    before = other.read_bytes()
    assert cli.main(["import", str(exported), "--db", str(other)]) == 2
    assert "--replace" in capsys.readouterr().err
    assert other.read_bytes() == before

    assert cli.main(["import", str(exported), "--db", str(other), "--replace"]) == 0
    out = capsys.readouterr().out
    assert stored_plan(other) == plan
    (kept,) = [p for p in tmp_path.iterdir() if p.name.startswith("other.json.before-import-")]
    assert str(kept) in out
    assert kept.read_bytes() == before


def test_a_corrupted_import_names_every_broken_field_and_writes_nothing(demo_file, tmp_path,
                                                                         capsys):
    path, _ = demo_file
    exported = tmp_path / "export.json"
    cli.main(["export", "--format", "json", "--db", str(path), "-o", str(exported)])
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["plan"]["actions"][3]["due"] = "soon"
    document["plan"]["checkins"][0]["on"] = 12
    exported.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "target.json"
    PlanStore.open(target).close()
    before = target.read_bytes()
    assert cli.main(["import", str(exported), "--db", str(target), "--replace"]) == 2
    error = capsys.readouterr().err
    assert "2 problems" in error
    assert "actions[3].due" in error and "checkins[0].on" in error
    assert target.read_bytes() == before


def test_import_of_an_unreadable_file_is_one_line(tmp_path, capsys):
    assert cli.main(["import", str(tmp_path / "gone.json"), "--db", str(tmp_path / "p.json")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "cannot read" in error
    assert not (tmp_path / "p.json").exists()


def test_import_of_a_newer_schema_is_refused(demo_file, tmp_path, capsys):
    path, _ = demo_file
    exported = tmp_path / "export.json"
    cli.main(["export", "--format", "json", "--db", str(path), "-o", str(exported)])
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["schema_version"] += 1
    exported.write_text(json.dumps(document), encoding="utf-8")
    assert cli.main(["import", str(exported), "--db", str(tmp_path / "new.json")]) == 2
    assert "newer careertui" in capsys.readouterr().err


def test_import_into_a_plan_open_in_the_app_is_refused(demo_file, tmp_path, capsys):
    path, _ = demo_file
    exported = tmp_path / "export.json"
    cli.main(["export", "--format", "json", "--db", str(path), "-o", str(exported)])
    target = tmp_path / "target.json"
    PlanStore.open(target).close()
    before = target.read_bytes()
    with PlanLock(target):
        assert cli.main(["import", str(exported), "--db", str(target)]) == 2
    assert "another careertui" in capsys.readouterr().err
    assert target.read_bytes() == before


# Numbers too large for any field, on the command line ------------------------------------------

HUGE = "1" + "0" * 4999


@pytest.mark.parametrize(("number", "problem"), [
    (HUGE, "actions[2].cost: a number with 5,000 digits, far too large"),
    ("2" + "0" * 308, "actions[2].cost: too large a number"),
], ids=["5000-digits", "2e308"])
def test_import_of_a_huge_number_names_its_field_and_writes_nothing(demo_file, tmp_path,
                                                                     capsys, number, problem):
    path, _ = demo_file
    exported = tmp_path / "export.json"
    cli.main(["export", "--format", "json", "--db", str(path), "-o", str(exported)])
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["plan"]["actions"][2]["cost"] = "NUMBER"
    exported.write_text(json.dumps(document).replace('"NUMBER"', number), encoding="utf-8")
    capsys.readouterr()
    before = path.read_bytes()
    assert cli.main(["import", str(exported), "--db", str(path), "--replace"]) == 2
    captured = capsys.readouterr()
    assert captured.err == (f"careertui: cannot import {exported}: 1 problem; nothing was "
                            f"written.\n  {problem}\n")
    assert captured.out == ""
    assert path.read_bytes() == before


@pytest.mark.parametrize(("number", "problem"), [
    (HUGE, "settings.1.yearly_budget: a number with 5,000 digits, far too large"),
    ("-" + "9" * 309, "wrong shape at settings.yearly_budget: too large a number"),
], ids=["5000-digits", "-1e309"])
@pytest.mark.parametrize("form", ["markdown", "json", "ics"])
def test_export_of_a_plan_with_a_huge_number_names_its_field(demo_file, capsys, number, problem,
                                                             form):
    path, _ = demo_file
    text = path.read_text(encoding="utf-8")
    assert '"yearly_budget": 1500.0' in text
    path.write_text(text.replace('"yearly_budget": 1500.0', f'"yearly_budget": {number}'),
                    encoding="utf-8")
    files_before = {file: file.read_bytes() for file in path.parent.iterdir() if file.is_file()}
    assert cli.main(["export", "--format", form, "--db", str(path), "-o", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"careertui: Cannot open {path}: {problem}. The file was "
                                   "left unchanged.")
    assert "set_int_max_str_digits" not in captured.err
    assert {file: file.read_bytes() for file in path.parent.iterdir()
            if file.is_file()} == files_before


def test_a_huge_number_is_one_message_and_no_traceback_in_a_real_process(demo_file, tmp_path):
    path, _ = demo_file
    exported = tmp_path / "export.json"
    exported.write_text('{"format": "careertui-plan", "schema_version": 1, "plan": {"settings": '
                        f'{{"yearly_budget": {HUGE}}}}}}}', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "careertui", "import", str(exported), "--db",
                           str(tmp_path / "new.json")], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.splitlines()[1:] == [
        "  settings.yearly_budget: a number with 5,000 digits, far too large"]
    assert "Traceback" not in done.stderr and not (tmp_path / "new.json").exists()


def test_a_reader_that_goes_away_gets_no_traceback(demo_file):
    path, _ = demo_file
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m careertui export --format json --db "{path}" '
                       # The reader closes its end at once and waits: every write fails.
                       "-o - | (exec <&-; sleep 3); exit ${PIPESTATUS[0]}"],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.returncode == 1
