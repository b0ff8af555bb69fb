"""careertui serve in a real browser: the app in the page, keys, saves, tabs and closing."""

from __future__ import annotations

import fcntl
import os
import signal
import time
from datetime import date
from pathlib import Path

import pytest

from careertui.model.plan import Action, ActionStatus
from careertui.store.lock import PlanLock
from careertui.store.plan_file import read_plan
from tests.browser.terminal import missing_browser, open_app, wait_for_text

REASON = missing_browser()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")

FIRST_DUE = "Read 'The Manager's Path'"  # the demo's first overdue item: Progress selects it
TYPED = "a team of 40 nurses"


def session_ended(plan: Path, timeout: float = 15) -> None:
    """Wait until no browser session holds the plan (the session process has ended)."""
    deadline = time.monotonic() + timeout
    fd = os.open(plan.with_name(plan.name + ".session.lock"), os.O_RDWR)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                assert time.monotonic() < deadline, "the browser session did not end"
                time.sleep(0.05)
    finally:
        os.close(fd)


def action(plan: Path, title: str) -> Action:
    return next(item for item in read_plan(plan).actions if item.title == title)


def type_into_destination(page) -> None:
    """Open Destination (in its empty field) and type TYPED, waiting to see it drawn."""
    page.keyboard.press("2")
    wait_for_text(page, "Destination")
    page.keyboard.type(TYPED)
    wait_for_text(page, TYPED)


def test_the_app_runs_in_the_page_saves_a_tick_and_saves_typing_when_the_page_closes(
        browser, serve):
    served = serve()
    url = served.wait_for_url()
    assert url == f"http://127.0.0.1:{served.port}"
    others = {item.id: item for item in read_plan(served.plan).actions if item.title != FIRST_DUE}
    assert action(served.plan, FIRST_DUE).status is ActionStatus.OPEN

    page = open_app(browser, url)
    wait_for_text(page, "0 Overview", "Where the plan stands at a glance")
    page.keyboard.press("5")
    wait_for_text(page, "Progress", "Action items done: 5 of 12")
    page.keyboard.press(" ")
    wait_for_text(page, "Action items done: 6 of 12")
    ticked = action(served.plan, FIRST_DUE)
    assert ticked.status is ActionStatus.DONE and ticked.done_on == date.today()
    assert {item.id: item for item in read_plan(served.plan).actions
            if item.title != FIRST_DUE} == others

    type_into_destination(page)  # saved after a pause in typing, or when the app ends
    page.close()
    session_ended(served.plan)
    assert read_plan(served.plan).destination.opportunities == TYPED
    assert served.process.poll() is None  # serve goes on, for the next tab
    assert served.stop() == 0
    assert "Traceback" not in served.output()
    with PlanLock(served.plan):  # serve let go of the plan
        pass


def test_a_second_tab_is_refused_in_its_page_and_the_first_goes_on(browser, serve):
    served = serve()
    url = served.wait_for_url()
    first = open_app(browser, url)
    wait_for_text(first, "0 Overview")
    second = open_app(browser, url)
    refusal = wait_for_text(second, "careertui cannot open the plan in this tab",
                            "another browser tab", "reload this page")
    assert "Traceback" not in refusal
    first.keyboard.press("5")
    first.keyboard.press(" ")
    wait_for_text(first, "Action items done: 6 of 12")
    assert action(served.plan, FIRST_DUE).status is ActionStatus.DONE

    first.close()
    session_ended(served.plan)
    second.reload()  # the first tab has closed: this one has the plan now
    second.wait_for_function("() => window.careertuiTerminal !== undefined")
    wait_for_text(second, "0 Overview")
    second.close()
    assert "Traceback" not in served.output()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL], ids=["ctrl+c", "killed"])
def test_sessions_end_and_save_when_serve_stops(browser, serve, stop):
    served = serve()
    page = open_app(browser, served.wait_for_url())
    type_into_destination(page)
    served.process.send_signal(stop)  # the server alone, not its sessions
    session_ended(served.plan)
    assert read_plan(served.plan).destination.opportunities == TYPED
    served.process.wait(timeout=15)
    with PlanLock(served.plan):  # nothing holds the plan any more
        pass
    page.close()
