"""The wheel and sdist, built from the checkout's files, installed in a fresh venv and run there."""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from datetime import date
from pathlib import Path

import pytest

import careertui
from careertui import __main__ as cli
from careertui.demo import demo_plan
from tests.perf.first_paint import first_paint

ROOT = Path(__file__).resolve().parent.parent
NAME = f"careertui-{careertui.__version__}"
# What the app reads beside its modules: without them it cannot start or find a role.
DATA_FILES = ("careertui/app.tcss", "careertui/roles/onet.json.gz",
              "careertui/model/smart_words.json.gz", "careertui/roles/ONET-NOTICE.txt")
# pip waits this long for a server (and tries once more): offline, the test fails in seconds
# with pip's own message instead of hanging.
PIP_NETWORK = ["--timeout", "15", "--retries", "1"]
STEP_TIMEOUT = 120  # a backstop: no step takes a fifth of it
FROM_PYPI = "(the dependencies come from PyPI, or pip's cache: is PyPI reachable?)"
SETUPTOOLS_FROM_PYPI = "(the build installs setuptools from PyPI, or pip's cache: is it reachable?)"


def _run(argv: list, what: str, hint: str = "", **kwargs) -> subprocess.CompletedProcess:
    """Run a step; on failure say which step, why it may have failed, and what it printed."""
    try:
        done = subprocess.run([str(arg) for arg in argv], capture_output=True, text=True,
                              timeout=STEP_TIMEOUT, stdin=subprocess.DEVNULL, **kwargs)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{what}: no answer in {STEP_TIMEOUT} s {hint}")
    if done.returncode != 0:
        pytest.fail(f"{what} failed with exit code {done.returncode} {hint}\n"
                    f"{done.stdout}\n{done.stderr}")
    return done


def _git_files(*options: str) -> set[str]:
    listed = _run(["git", "-c", "safe.directory=*", "ls-files", "-z", *options], "git ls-files",
                  cwd=ROOT).stdout.split("\0")
    return set(filter(None, listed))


def _checkout_copy(target: Path) -> tuple[set[str], set[str]]:
    """Copy the files git has (tracked, and new ones not ignored) to `target`: the paths of the
    tracked ones and of all those copied."""
    tracked = _git_files("--cached")
    copied = set()
    for name in sorted(tracked | _git_files("--others", "--exclude-standard")):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copy2(ROOT / name, target / name)
        except FileNotFoundError:  # deleted in the work tree, or an editor's passing file
            continue
        copied.add(name)
    return tracked & copied, copied


def _in_package(names) -> set[str]:
    """The files among `names` that are careertui's, less folders and bytecode."""
    return {name for name in names if name.startswith("careertui/")
            and "__pycache__" not in name and not name.endswith("/")}


def test_the_installed_wheel_carries_the_library_and_runs_from_its_own_venv(tmp_path,
                                                                            monkeypatch):
    source, dist, venv, elsewhere = (tmp_path / name for name in
                                     ("src", "dist", "venv", "elsewhere"))
    source.mkdir()
    elsewhere.mkdir()
    tracked, copied = map(_in_package, _checkout_copy(source))
    assert set(DATA_FILES) <= copied

    # `python -m build` in the copy: the sdist, then the wheel built from the sdist.
    build_env = {key: value for key, value in os.environ.items()
                 if key not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    build_env["PIP_DEFAULT_TIMEOUT"], build_env["PIP_RETRIES"] = "15", "1"
    built = _run([sys.executable, "-m", "build", "--outdir", dist, source], "python -m build",
                 SETUPTOOLS_FROM_PYPI, env=build_env)
    output = built.stdout + built.stderr
    # Python's warnings (SetuptoolsDeprecationWarning: license classifiers, ...) and distutils'
    # ("warning: no files found matching ..."); pip's own "WARNING:" lines are this machine's.
    warnings = [line for line in output.splitlines()
                if "Warning" in line or line.lstrip().startswith("warning:")]
    assert warnings == [], "\n".join(warnings)
    wheel = dist / f"{NAME}-py3-none-any.whl"
    sdist = dist / f"{NAME}.tar.gz"
    assert wheel.is_file() and sdist.is_file(), sorted(path.name for path in dist.iterdir())

    # Every file of the package git tracks, data included, is in both, and nothing from
    # elsewhere; the library is the repository's.
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
        metadata = email.message_from_bytes(archive.read(f"{NAME}.dist-info/METADATA"))
        assert archive.read("careertui/roles/onet.json.gz") == (
            ROOT / "careertui/roles/onet.json.gz").read_bytes()
        notice = archive.read(f"{NAME}.dist-info/licenses/careertui/roles/"
                              "ONET-NOTICE.txt").decode()
    packaged = _in_package(in_wheel)
    assert tracked | set(DATA_FILES) <= packaged <= copied, (
        f"missing: {sorted(tracked - packaged)}, not from the checkout: "
        f"{sorted(packaged - copied)}")
    assert not any(name.startswith("tests/") for name in in_wheel)
    with tarfile.open(sdist) as archive:
        in_sdist = {name.removeprefix(f"{NAME}/") for name in archive.getnames()}
    assert {"pyproject.toml", "README.md"} <= in_sdist
    assert packaged <= in_sdist

    assert metadata["Version"] == careertui.__version__
    assert metadata["License-Expression"] == "MIT AND CC-BY-4.0"
    assert "Operating System :: POSIX :: Linux" in metadata.get_all("Classifier")
    assert not any(value.startswith("License ::") for value in metadata.get_all("Classifier"))
    assert all(url.split(", ", 1)[1].startswith("https://www.onetcenter.org/")
               for url in metadata.get_all("Project-URL"))
    assert "Used under the CC BY 4.0 license" in notice and "USDOL/ETA" in notice

    # A fresh venv that sees nothing of this one (no system site-packages, no editable copy).
    _run([sys.executable, "-m", "venv", "--without-pip", venv], "python -m venv")
    _run([sys.executable, "-m", "pip", "--python", venv / "bin/python", "install", "--quiet",
          "--no-compile", "--disable-pip-version-check", *PIP_NETWORK, wheel],
         "pip install of the wheel and its dependencies", FROM_PYPI)

    home = tmp_path / "home"
    for variable, folder in (("HOME", home), ("XDG_DATA_HOME", home / ".local/share"),
                             ("XDG_CONFIG_HOME", home / ".config"),
                             ("XDG_CACHE_HOME", home / ".cache"),
                             ("XDG_STATE_HOME", home / ".local/state")):
        monkeypatch.setenv(variable, str(folder))
    for variable in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONDONTWRITEBYTECODE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("PATH", f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}")
    home.mkdir()

    def installed(*args) -> str:
        return _run([venv / "bin/careertui", *args], f"careertui {' '.join(map(str, args))}",
                    cwd=elsewhere).stdout

    where = _run([venv / "bin/python", "-c", "import careertui; print(careertui.__file__)"],
                 "import careertui", cwd=elsewhere).stdout.strip()
    assert Path(where).is_relative_to(venv / "lib"), where
    assert shutil.which("careertui") == str(venv / "bin/careertui")

    assert installed("--version").strip() == f"careertui {careertui.__version__}"
    help_text = installed("--help")
    assert help_text.startswith("usage: careertui")
    for command in ("export", "wins", "import", "mentor-sheet", "mentor-import"):
        assert command in help_text
    assert "-F _shtab_careertui careertui" in installed("--print-completion", "bash")
    assert installed("--print-completion", "zsh").startswith("#compdef careertui")
    assert "complete -c careertui" in installed("--print-completion", "fish")

    # The app itself, on a terminal: `careertui --demo --db PLAN` writes the demo plan there,
    # draws the overview (it cannot start without its stylesheet) and quits on ctrl+q.
    plan = tmp_path / "plan.json"
    done = sum(action.done for action in demo_plan(date.today()).actions)
    first_paint([str(venv / "bin/careertui"), "--demo", "--db", str(plan)], f"Done {done} of ",
                elsewhere)
    assert plan.is_file()

    # The installed export of that plan is the repository's, word for word: the gap table
    # and the stepping stones come from the library the wheel carries.
    report = elsewhere / "report.md"
    wrote = installed("--db", plan, "export", "--format", "markdown", "-o", report)
    assert wrote.strip() == f"Wrote the Markdown report to {report}"
    expected = tmp_path / "expected.md"
    assert cli.main(["--db", str(plan), "export", "--format", "markdown",
                     "-o", str(expected)]) == 0
    text = report.read_text(encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")
    assert text.startswith("# Career plan: Maya Okafor") and "## Stepping stones" in text
    assert sorted(path.name for path in elsewhere.iterdir()) == ["report.md"]
