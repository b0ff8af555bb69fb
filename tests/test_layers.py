"""The layers hold at run time: the core never loads Textual; and every module stays short."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CORE = ["careertui.model.plan", "careertui.model.codec", "careertui.model.integrity",
        "careertui.session", "careertui.compat",
        "careertui.store.plan_store", "careertui.store.database", "careertui.store.plan_file",
        "careertui.store.storage", "careertui.store.plan_format", "careertui.store.files",
        "careertui.demo", "careertui.charts.progress", "careertui.charts.timeline",
        "careertui.charts.text", "careertui.charts.gaps", "careertui.charts.overview",
        "careertui.charts.plan_timeline", "careertui.charts.bars", "careertui.export.documents",
        "careertui.export.json_plan", "careertui.export.ics", "careertui.export.markdown",
        "careertui.export.markdown_text", "careertui.export.wins", "careertui.share"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_textual(module):
    code = (
        f"import sys, {module}\n"
        "loaded = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


LONGEST_MODULE = 400


def test_no_module_is_longer_than_one_sitting():
    """Modules stay small enough to read in one go; a longer one is split by responsibility."""
    package = Path(__file__).resolve().parents[1] / "careertui"
    lengths = {path.relative_to(package.parent): len(path.read_text(encoding="utf-8").splitlines())
               for path in package.rglob("*.py")}
    assert lengths and not {path: n for path, n in lengths.items() if n > LONGEST_MODULE}
