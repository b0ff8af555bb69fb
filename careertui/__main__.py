"""The `careertui` command: parse options, open the plan, run the app."""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from careertui import __version__

EXIT_REFUSED = 2


def default_plan_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("careertui")) / "plan.json"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careertui",
        description="Build and follow a career progression plan in your terminal.",
    )
    parser.add_argument(
        "--db", type=Path, metavar="PATH",
        help=f"the plan file (default: {default_plan_path()})",
    )
    parser.add_argument(
        "--demo", action="store_true",
        help="open a sample plan in a temporary file; with --db PATH, write the sample "
             "plan to PATH if it does not exist yet",
    )
    parser.add_argument(
        "--restore-backup", action="store_true",
        help="replace the plan with its newest daily backup (the current file is kept "
             "beside it) and exit",
    )
    parser.add_argument("--version", action="version", version=f"careertui {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from careertui.store.errors import StoreError

    try:
        if args.restore_backup:
            from careertui.store.database import restore_backup

            print(restore_backup(args.db or default_plan_path()))
            return 0
        if args.demo and args.db is None:
            with tempfile.TemporaryDirectory(prefix="careertui-demo-") as folder:
                return run_app(Path(folder) / "plan.json", demo=True)
        return run_app(args.db or default_plan_path(), demo=args.demo)
    except StoreError as error:
        print(f"careertui: {error}", file=sys.stderr)
        return EXIT_REFUSED


def run_app(path: Path, demo: bool) -> int:
    from careertui.store.plan_store import PlanStore

    fill_with_demo = demo and not path.exists()
    store = PlanStore.open(path)
    try:
        if fill_with_demo:
            from careertui.demo import demo_plan

            store.replace_plan(demo_plan(date.today()))
        from careertui.app import CareerApp

        app = CareerApp(store=store)
        app.run()
        app.flush_saves()  # anything typed just before an unusual exit (ctrl+c)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
