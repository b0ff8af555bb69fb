"""The `careertui` command: parse options, open the plan, run the app."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from careertui import __version__
from careertui.collector import collect_less_often
from careertui.completion import PrintCompletion
from careertui.share import EXIT_REFUSED


def default_plan_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("careertui")) / "plan.json"


def _copy_number(text: str) -> int:
    """An argparse type: the number of a copy as --list-backups shows it."""
    # Short before int(): "1" followed by thousands of zeros is no copy's number either.
    if not (text.isdecimal() and len(text) <= 3 and 1 <= int(text) <= 999):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from --list-backups")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    from careertui.serve import add_serve_command
    from careertui.share import add_share_commands

    parser = argparse.ArgumentParser(
        prog="careertui",
        description="Build and follow a career progression plan in your terminal.",
    )
    db_help = f"the plan file (default: {default_plan_path()})"
    parser.add_argument("--db", type=Path, metavar="PATH", help=db_help)
    parser.add_argument(
        "--demo", action="store_true",
        help="open a sample plan in a temporary file; with --db PATH, write the sample "
             "plan to PATH if it does not exist yet",
    )
    parser.add_argument(
        "--restore-backup", nargs="?", type=_copy_number, const=0, default=None, metavar="N",
        help="replace the plan with copy N of --list-backups, or without N the newest one "
             "careertui can open (the current file is kept beside it), and exit",
    )
    parser.add_argument(
        "--list-backups", action="store_true",
        help="list the daily backups and the recent history of the plan, with the date of "
             "each and whether careertui can open it, and exit",
    )
    parser.add_argument("--config", type=Path, metavar="PATH",
                        help="your preferences file (default: config.toml in your user config "
                             "folder; see the README's \"Preferences\")")
    parser.add_argument("--version", action="version", version=f"careertui {__version__}")
    parser.add_argument("--print-completion", action=PrintCompletion,
                        help="print a tab-completion script for bash, zsh or fish, and exit "
                             "(see the README's \"Shell completion\")")
    # SUPPRESS: a subcommand without --db keeps one given before it (careertui --db X export).
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument("--db", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                           help=db_help)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    add_share_commands(commands, db_option)
    add_serve_command(commands, db_option)
    return parser


def main(argv: list[str] | None = None) -> int:
    collect_less_often()  # before the plan is read: it is large and lives on
    args = build_parser().parse_args(argv)
    from careertui.store.errors import StoreError

    try:
        if hasattr(args, "run"):
            return args.run(args, args.db or default_plan_path())
        if args.restore_backup is not None or args.list_backups:
            from careertui.store.restore import list_backups_text, restore_backup

            path = args.db or default_plan_path()
            if args.list_backups:
                print(list_backups_text(path))
            else:
                print(restore_backup(path, args.restore_backup or None))
            return 0
        if args.demo and args.db is None:
            with tempfile.TemporaryDirectory(prefix="careertui-demo-") as folder:
                return run_app(Path(folder) / "plan.json", True, args.config)
        return run_app(args.db or default_plan_path(), args.demo, args.config)
    except StoreError as error:
        print(f"careertui: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        # The reader went away (careertui export -o - | head): stop quietly, as other tools do;
        # what is still buffered goes nowhere instead of raising again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def run_app(path: Path, demo: bool, config: Path | None = None) -> int:
    from careertui.preferences import config_path, load_preferences
    from careertui.store.plan_store import PlanStore

    fill_with_demo = demo and not path.exists()
    store = PlanStore.open(path)
    try:
        if fill_with_demo:
            from careertui.demo import demo_plan

            store.replace_plan(demo_plan(date.today()))
        from careertui.app import CareerApp

        preferences = load_preferences(config or config_path())
        app = CareerApp(store=store, build_ahead=True, preferences=preferences)
        app.run()
        app.session.flush_saves()  # anything typed just before an unusual exit (ctrl+c)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
