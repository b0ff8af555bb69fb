"""`careertui serve` without a browser: its options, its lock, and how a tab's session starts."""

from __future__ import annotations

import os
import shlex
import signal
import socket
import subprocess
import sys

import pytest
from rich.text import Text

from careertui.serve import check_address, page_url, port_number, same_site, session_command
from careertui.serve_session import Refusal
from careertui.store import lock as lock_module
from careertui.store.errors import PlanLockedError
from careertui.store.lock import SERVED_PLAN_VARIABLE, PlanLock
from tests.browser.serving import Served, careertui, demo_plan_file, free_port, isolated_env


@pytest.fixture
def plan(tmp_path):
    return demo_plan_file(tmp_path)


@pytest.fixture
def served(plan, tmp_path):
    server = Served(plan, tmp_path / "home")
    server.wait_for_url()
    yield server
    server.kill()


def refused(result: subprocess.CompletedProcess) -> str:
    """The one line a refused command wrote, after checking it was refused and said so."""
    assert result.returncode == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.mark.parametrize("port", ["0", "70000", "abc", "-1", "", "８０", "8080.0", "1" * 400])
def test_a_bad_port_is_refused_in_one_line_and_nothing_is_written(port, tmp_path):
    path = tmp_path / "plans" / "plan.json"
    line = refused(careertui("serve", "--db", str(path), "--port", port, home=tmp_path))
    assert f"--port {shlex.quote(port)} is not a port number" in line
    assert "from 1 to 65535" in line
    assert not path.parent.exists()


def test_a_port_in_use_is_refused_in_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line = refused(careertui("serve", "--db", str(tmp_path / "plan.json"), "--port",
                                 str(port), home=tmp_path))
    assert f"port {port} is in use on 127.0.0.1" in line and "--port N" in line
    assert not (tmp_path / "plan.json").exists()


def test_an_unknown_host_is_refused_in_one_line(tmp_path):
    line = refused(careertui("serve", "--db", str(tmp_path / "plan.json"), "--host",
                             "no-such-host.invalid", home=tmp_path))
    assert "cannot serve on no-such-host.invalid" in line


def test_port_numbers():
    assert [port_number(text) for text in ("1", "8000", "65535")] == [1, 8000, 65535]
    assert [port_number(text) for text in ("0", "65536", "99999", " 80", "+80", "٨٠")] == [
        None] * 6


def test_serve_prints_the_url_on_this_computer_only_and_stops_cleanly(served):
    assert served.url == f"http://127.0.0.1:{served.port}"
    assert served.stderr == ""  # no warning
    # Bound to 127.0.0.1 alone: a server on every address would take this connection too.
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.2", served.port), timeout=2).close()
    assert served.stop() == 0
    assert "Traceback" not in served.output()
    with PlanLock(served.plan):  # the plan is free again
        pass


def test_the_plan_served_is_refused_to_any_other_careertui(served, plan, tmp_path):
    before = plan.read_bytes()
    line = refused(careertui("--db", str(plan), home=tmp_path))
    assert f"{plan} is open in another careertui (lock: {plan}.lock)" in line
    line = refused(careertui("serve", "--db", str(plan), "--port", str(free_port()),
                             home=tmp_path))
    assert f"{plan} is open in another careertui serve" in line
    refused(careertui("--db", str(plan), "--restore-backup", home=tmp_path))
    assert plan.read_bytes() == before
    with pytest.raises(PlanLockedError):
        PlanLock(plan).acquire()
    assert served.process.poll() is None


def test_serve_refuses_a_plan_open_in_the_app(plan, tmp_path):
    with PlanLock(plan):
        line = refused(careertui("serve", "--db", str(plan), "--port", str(free_port()),
                                 home=tmp_path))
    assert f"{plan} is open in another careertui (lock: {plan}.lock). Close it first." in line


def test_another_host_warns_that_the_plan_is_reachable(plan, tmp_path):
    server = Served(plan, tmp_path / "home", "--host", "0.0.0.0")
    try:
        server.wait_for_url()
        assert server.url == f"http://{socket.gethostname()}:{server.port}"
        assert server.stop() == 0
    finally:
        server.kill()
    warning = server.stderr
    assert warning.startswith("careertui: warning: serving on 0.0.0.0, so anyone who can "
                              "reach this computer")
    assert "can read and change your plan" in warning and warning.count("\n") == 1


def test_addresses_of_this_computer_only_do_not_warn():
    port = free_port()
    assert check_address("127.0.0.1", port) == (None, True)
    assert check_address("localhost", port) == (None, True)
    assert check_address("0.0.0.0", port) == (None, False)
    assert page_url("::1", port) == f"http://[::1]:{port}"


async def test_only_careertuis_own_page_may_open_a_session(served):
    import aiohttp

    async with aiohttp.ClientSession() as client:
        for origin in ("https://example.com", "http://127.0.0.1:1"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as caught:
                await client.ws_connect(f"{served.url}/ws", headers={"Origin": origin})
            assert caught.value.status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError):  # a name pointed here
            await client.ws_connect(f"{served.url}/ws", headers={
                "Host": f"rebound.example:{served.port}",
                "Origin": f"http://rebound.example:{served.port}"})
    assert same_site(f"http://localhost:{served.port}", f"127.0.0.1:{served.port}", served.url)
    assert served.process.poll() is None


def test_each_tab_runs_a_quoted_command_naming_the_plan_and_the_server(tmp_path):
    plan = tmp_path / "my plans; rm -rf ~" / "it's $HOME.json"
    words = shlex.split(session_command(plan))
    assert words == ["exec", sys.executable, "-m", "careertui.serve_session", str(plan),
                     str(os.getpid())]
    config = tmp_path / "my `prefs`.toml"
    assert shlex.split(session_command(plan, config))[-1] == str(config)


def test_browser_sessions_share_the_servers_lock_one_at_a_time(plan, monkeypatch):
    monkeypatch.setattr(lock_module, "SESSION_WAIT", 0.2)
    server = PlanLock(plan, serving=True)
    server.acquire()
    with pytest.raises(PlanLockedError, match="another careertui serve"):
        PlanLock(plan, serving=True).acquire()
    with pytest.raises(PlanLockedError, match="another careertui"):
        PlanLock(plan).acquire()  # no marker: an ordinary careertui

    monkeypatch.setenv(SERVED_PLAN_VARIABLE, str(plan))
    tab = PlanLock(plan)
    tab.acquire()
    with pytest.raises(PlanLockedError) as second_tab:
        PlanLock(plan).acquire()
    assert str(second_tab.value) == (
        f"{plan} is open in another browser tab (lock: {plan}.session.lock). Close that "
        "tab, then reload this page.")
    other_plan = plan.with_name("other.json")
    with PlanLock(other_plan):  # the marker names one plan only
        assert not PlanLock(other_plan).served_session

    server.release()  # a session outlives its server: still no other careertui
    monkeypatch.delenv(SERVED_PLAN_VARIABLE)
    with pytest.raises(PlanLockedError):
        PlanLock(plan).acquire()
    tab.release()
    with PlanLock(plan):
        pass


def test_a_session_cannot_take_a_plan_open_in_the_app(plan, monkeypatch):
    with PlanLock(plan):
        monkeypatch.setenv(SERVED_PLAN_VARIABLE, str(plan))
        with pytest.raises(PlanLockedError, match=r"another careertui \(lock: .*json\.lock\)"):
            PlanLock(plan).acquire()


def test_a_session_whose_server_has_gone_does_nothing(tmp_path):
    path = tmp_path / "plans" / "plan.json"
    result = subprocess.run(
        [sys.executable, "-m", "careertui.serve_session", str(path), "1"],
        capture_output=True, timeout=60, env=isolated_env(tmp_path), stdin=subprocess.DEVNULL)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert not path.parent.exists()


async def test_a_refused_tab_shows_why_until_q():
    message = "/p/plan.json is open in another browser tab (lock: /p/plan.json.session.lock)."
    app = Refusal(message)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = app.query_one("#why").render()
        text = shown.plain if isinstance(shown, Text) else str(shown)
        assert "careertui cannot open the plan in this tab" in text
        assert message in text and "Press q to end this session." in text
        await pilot.press("q")
    assert app.return_code == 0


def test_ctrl_c_without_a_tab_stops_at_once(served):
    served.process.send_signal(signal.SIGINT)
    assert served.process.wait(timeout=5) == 0
