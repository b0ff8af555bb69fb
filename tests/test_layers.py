"""The core (model, store, demo data) runs without the UI: it never imports textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["careertui.model.plan", "careertui.model.codec", "careertui.store.plan_store",
        "careertui.store.database", "careertui.demo"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_textual(module):
    code = (
        f"import sys, {module}\n"
        "loaded = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
