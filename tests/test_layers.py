"""The core (model, store, demo data) runs without the UI: it never imports textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["careertui.model.plan", "careertui.model.codec", "careertui.model.integrity",
        "careertui.store.plan_store", "careertui.store.database", "careertui.store.plan_file",
        "careertui.demo", "careertui.charts.progress", "careertui.charts.timeline",
        "careertui.charts.text", "careertui.export.documents", "careertui.export.json_plan",
        "careertui.export.ics", "careertui.export.markdown", "careertui.export.markdown_text",
        "careertui.export.wins",
        "careertui.share"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_textual(module):
    code = (
        f"import sys, {module}\n"
        "loaded = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
