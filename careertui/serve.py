"""`careertui serve`: the app in a browser tab, through textual-serve, on this computer only."""

from __future__ import annotations

import argparse
import errno
import ipaddress
import logging
import os
import shlex
import socket
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from careertui.share import EXIT_REFUSED

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def add_serve_command(commands: argparse._SubParsersAction,
                      db_option: argparse.ArgumentParser) -> None:
    """Add the serve subcommand; `db_option` is a parent parser with --db."""
    serve = commands.add_parser(
        "serve", parents=[db_option], help="use careertui in a web browser",
        description="Serve careertui to a web browser on this computer (textual-serve). "
                    "Each tab runs the app on the plan; one tab at a time can have it open, "
                    "and the plan stays locked for any other careertui until you stop.",
    )
    serve.add_argument("--port", default=str(DEFAULT_PORT), metavar="N",
                       help=f"the port to listen on, 1 to 65535 (default: {DEFAULT_PORT})")
    serve.add_argument("--host", default=DEFAULT_HOST, metavar="HOST",
                       help=f"the address to listen on (default: {DEFAULT_HOST}, this "
                            "computer only); on another, anyone who can reach it can read "
                            "and change your plan")
    serve.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace, plan_path: Path) -> int:
    port = port_number(args.port)
    if port is None:
        return _refuse(f"--port {shlex.quote(args.port)} is not a port number: use one "
                       "from 1 to 65535")
    problem, loopback = check_address(args.host, port)
    if problem:
        return _refuse(problem)
    if not loopback:
        print(f"careertui: warning: serving on {args.host}, so anyone who can reach this "
              f"computer on port {port} can read and change your plan (there is no "
              f"password). Leave out --host to serve this computer only.", file=sys.stderr)
    demo, config = getattr(args, "demo", False), getattr(args, "config", None)
    if demo and getattr(args, "db", None) is None:
        with tempfile.TemporaryDirectory(prefix="careertui-demo-") as folder:
            return serve_plan(Path(folder) / "plan.json", args.host, port, True, config)
    return serve_plan(plan_path, args.host, port, demo, config)


def serve_plan(plan_path: Path, host: str, port: int, demo: bool,
               config: Path | None = None) -> int:
    """Hold the plan's lock as the server, check the plan opens, and serve until stopped.
    Each session starts with the plan named in its environment (see PlanLock)."""
    from careertui.store.database import lock_plan
    from careertui.store.lock import SERVED_PLAN_VARIABLE
    from careertui.store.plan_store import PlanStore

    path, lock = lock_plan(plan_path, serving=True)  # a StoreError: printed by the CLI
    try:
        os.environ[SERVED_PLAN_VARIABLE] = str(path)  # textual-serve passes os.environ on
        fill_with_demo = demo and not path.exists()
        store = PlanStore.open(path)  # refused here, not in every tab, if it cannot be opened
        try:
            if fill_with_demo:
                from careertui.demo import demo_plan

                store.replace_plan(demo_plan(date.today()))
        finally:
            store.close()
        server = make_server(session_command(path, config), host, port, path)
        try:
            server.serve()
        except OSError as error:  # taken since check_address looked: the message says which
            return _refuse(listen_problem(host, port, error))
    finally:
        os.environ.pop(SERVED_PLAN_VARIABLE, None)
        lock.release()
    return 0


def session_command(path: Path, config: Path | None = None) -> str:
    """The shell command textual-serve runs for each browser session (with the preferences
    file `config`, if given). `exec`: the session is the server's own child, so it can tell
    when the server is gone."""
    words = [sys.executable, "-m", "careertui.serve_session", str(path), str(os.getpid())]
    if config is not None:
        words.append(os.path.abspath(config))
    return "exec " + " ".join(shlex.quote(word) for word in words)


def port_number(text: str) -> int | None:
    """`text` as a port number, or None when it is not one from 1 to 65535."""
    if not (text.isascii() and text.isdigit() and len(text) <= 5):
        return None
    port = int(text)
    return port if 1 <= port <= 65535 else None


def check_address(host: str, port: int) -> tuple[str | None, bool]:
    """(Why careertui cannot listen on host:port or None, whether host is this computer
    only). Bound and closed again as aiohttp binds (SO_REUSEADDR, IPv6 only on IPv6)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as error:
        return f"cannot serve on {host}: {getattr(error, 'strerror', None) or error}", True
    loopback = True
    for family, kind, protocol, _name, address in found:
        loopback = loopback and ipaddress.ip_address(address[0]).is_loopback
        with socket.socket(family, kind, protocol) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                probe.bind(address)
            except OSError as error:
                return listen_problem(host, port, error), loopback
    return None, loopback


def listen_problem(host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return (f"port {port} is in use on {host} (another program listens there): "
                "choose another with --port N")
    return f"cannot listen on {host} port {port}: {error.strerror or error}"


def page_url(host: str, port: int) -> str:
    """The address to open. A wildcard host (0.0.0.0, ::) is no address a browser can use:
    the computer's name stands for it, in the page too (its websocket address)."""
    try:
        if ipaddress.ip_address(host).is_unspecified:
            host = socket.gethostname()
    except ValueError:
        pass  # a name, not an address
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def same_site(origin: str | None, host: str, url: str) -> bool:
    """Whether a websocket request comes from careertui's own page at `url`: its Origin (a
    browser always sends one) and the Host it asked for (a name made to point here, DNS
    rebinding, would differ) both name `url`'s server, or this computer at its port."""
    served = urlsplit(url)
    names = {served.netloc}
    if served.port is not None:
        names |= {f"{name}:{served.port}" for name in ("localhost", "127.0.0.1", "[::1]")}
    return host in names and (origin is None or urlsplit(origin).netloc in names)


def make_server(command: str, host: str, port: int, plan: Path) -> Any:
    """A textual-serve Server for `command` that says what it serves, logs quietly (one
    line a problem, never a traceback), and when it stops ends each tab's session as if its
    tab had closed: the app quits and saves what is pending."""
    # Imported here: the command line reads this module on every start (asyncio: ~40 ms).
    import asyncio

    from aiohttp import web
    from textual_serve.server import Server

    url = page_url(host, port)

    class PlanServer(Server):
        def __init__(self) -> None:
            super().__init__(command, host=host, port=port, title="careertui", public_url=url)
            self.sessions: set[asyncio.Task[object]] = set()

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            # A browser lets any page open a websocket to 127.0.0.1; only this one's may.
            if not same_site(request.headers.get("Origin"), request.host, url):
                raise web.HTTPForbidden(text="careertui serves its own page only")
            session = asyncio.current_task()
            assert session is not None  # aiohttp handles each request in a task
            self.sessions.add(session)
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions.discard(session)

        async def on_shutdown(self, app: web.Application) -> None:
            # Otherwise aiohttp waits a minute for the tabs to close. Cancelled, textual-serve
            # tells the session to quit and waits until it has.
            for session in self.sessions:
                session.cancel()
            await asyncio.gather(*self.sessions, return_exceptions=True)

        def initialize_logging(self) -> None:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(OneLineFormatter("careertui serve: %(message)s"))
            logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)

        async def on_startup(self, app: web.Application) -> None:
            print(f"careertui: serving {plan} at {url}\n"
                  "Open that address in your browser (one tab at a time can use the plan). "
                  "Press Ctrl+C to stop.", flush=True)

    return PlanServer()


class OneLineFormatter(logging.Formatter):
    """A log record's message alone: tracebacks stay out of the person's terminal."""

    def formatException(self, ei: Any) -> str:  # noqa: N802  # logging's name
        return ""

    def formatStack(self, stack_info: str) -> str:  # noqa: N802
        return ""


def _refuse(message: str) -> int:
    print(f"careertui: {message}", file=sys.stderr)
    return EXIT_REFUSED
