"""Every export is clean: whatever text a plan holds, no document carries a control character."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from datetime import UTC, date, datetime
from enum import Enum

import pytest

from careertui.demo import demo_plan
from careertui.export.ics import plan_calendar
from careertui.export.json_plan import plan_to_json
from careertui.export.markdown import plan_report
from careertui.export.wins import wins_document
from careertui.model.codec import encode
from careertui.model.plan import Plan
from careertui.roles.library import load_library
from tests.conftest import TODAY

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
# Every kind of character a terminal or a reader acts on: OSC 52 (sets the clipboard), OSC 2
# (the window title), CSI (clears the screen), BEL, every C1 character (U+009B is a CSI on its
# own), NUL, DEL, a lone surrogate, CR, tab, and the line breaks Unicode adds.
HOSTILE = ("\x1b]52;c;aGk=\x07\x1b]2;pwned\x1b\\\x1b[2J\x07"
           + "".join(map(chr, range(0x80, 0xA0))) + "\x00\x7f\ud800\t\r\n\u2028kept\r")
# Fields the app looks up or parses: spoilt, they leave parts of some documents out.
LOOKED_UP = {"target_role_code", "recurrence", "key", "gap_key"}


def spoilt(plan: Plan, skip: set[str], hostile: str = HOSTILE) -> Plan:
    """`plan` with `hostile` added to every text but the fields named in `skip`. Ids and the
    references to them get the same text, so the references still hold."""
    def spoil(value: object, name: str = "") -> object:
        if isinstance(value, str) and not isinstance(value, Enum):
            return value if name in skip else value + hostile
        if isinstance(value, list):
            return [spoil(item, name) for item in value]
        if dataclasses.is_dataclass(value) and not isinstance(value, (type, date)):
            return dataclasses.replace(value, **{f.name: spoil(getattr(value, f.name), f.name)
                                                 for f in dataclasses.fields(value)})
        return value

    result = spoil(plan)
    assert isinstance(result, Plan)
    return result


PLANS = [pytest.param(set(), id="every-text"), pytest.param(LOOKED_UP, id="but-looked-up")]


def controls(text: str, line_end: str) -> list[str]:
    """The control characters and lone surrogates in `text` but its line ends and tabs, which
    text may hold (as in the forms; Markdown and RFC 5545 text allow them)."""
    return [f"U+{ord(char):04X}" for char in text.replace(line_end, "").replace("\t", "")
            if unicodedata.category(char) in ("Cc", "Cs")]


@pytest.mark.parametrize("skip", PLANS)
def test_the_markdown_report_holds_no_control_character(skip):
    plan = spoilt(demo_plan(TODAY), skip)
    report = plan_report(plan, TODAY, load_library())
    # The text is there; an escape sequence went whole, the title it would have set with it.
    assert "kept" in report and "pwned" not in report
    assert controls(report, "\n") == []


def test_the_report_charts_hold_no_control_character():
    plan = demo_plan(TODAY)
    for goal in plan.goals:
        goal.statement = f"```\n{HOSTILE}{goal.statement}"
    report = plan_report(plan, TODAY, load_library())
    charts = report[report.index("## Charts"):]
    assert "Items per goal" in charts and controls(charts, "\n") == []
    # A fence the text cannot close: a statement of backticks stays inside its block.
    lines = charts[charts.index("### Items per goal"):].split("\n")
    end = lines.index("````", 3)
    assert lines[2] == "````text" and any("```" in line for line in lines[3:end])


@pytest.mark.parametrize("skip", PLANS)
def test_the_wins_document_holds_no_control_character(skip):
    plan = spoilt(demo_plan(TODAY), skip)
    document = wins_document(plan, date(2025, 1, 1), TODAY)
    assert "kept" in document and "pwned" not in document
    assert controls(document, "\n") == []


@pytest.mark.parametrize("skip", PLANS)
def test_the_calendar_holds_no_control_character(skip):
    plan = spoilt(demo_plan(TODAY), skip)
    content = plan_calendar(plan, TODAY, NOW).decode("utf-8")
    assert "kept" in content and "pwned" not in content
    assert controls(content, "\r\n") == []


@pytest.mark.parametrize("hostile", [HOSTILE, HOSTILE.replace("\ud800", "")],
                         ids=["lone-surrogate", "utf-8"])
def test_the_json_export_escapes_every_control_character_and_keeps_the_text(hostile):
    plan = spoilt(demo_plan(TODAY), set(), hostile)
    text = plan_to_json(plan, NOW)
    assert controls(text, "\n") == []
    assert "\\u009b" in text and "\\u001b]52" in text
    assert "€" in text and ("\\ud800" in text) is ("\ud800" in hostile)  # UTF-8 still
    assert json.loads(text)["plan"] == encode(plan)  # nothing lost: the export is a backup
