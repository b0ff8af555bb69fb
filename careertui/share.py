"""The `export`, `import` and `wins` subcommands: plan documents made without the UI."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from careertui.export.documents import (
    FORMATS,
    MENTOR_SHEET,
    WINS,
    WINS_BY_SKILL,
    DocumentKind,
    default_path,
    read_export,
    render,
)
from careertui.model.changes import cleaning_summary
from careertui.model.labels import counted
from careertui.model.overview import describe_contents
from careertui.model.plan import Assessment
from careertui.model.validation import Invalid, iso_date
from careertui.store import files
from careertui.store.files import write_output
from careertui.store.plan_file import read_plan
from careertui.store.plan_store import PlanStore

EXIT_REFUSED = 2
STDOUT = "-"


def date_argument(text: str) -> date:
    """An argparse type: a YYYY-MM-DD date, refused with the reason otherwise."""
    try:
        day = iso_date(text)
    except Invalid as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if day is None:
        raise argparse.ArgumentTypeError("type a date as YYYY-MM-DD")
    return day


def add_share_commands(commands: argparse._SubParsersAction, db_option: argparse.ArgumentParser):
    """Add the export, import and wins subcommands; `db_option` is a parent parser with --db."""
    export = commands.add_parser(
        "export", parents=[db_option], help="write the plan as Markdown, JSON or iCalendar",
        description="Write the plan as a Markdown report, a full JSON export or a calendar file.",
    )
    export.add_argument("--format", choices=sorted(FORMATS), default="markdown",
                        help="markdown: a report for a mentor; json: everything, for "
                             "`careertui import`; ics: due dates and reviews for a calendar "
                             "(default: markdown)")
    _add_output_option(export)
    export.set_defaults(run=run_export)

    wins = commands.add_parser(
        "wins", parents=[db_option], help="write a Markdown brag document of your wins",
        description="Milestones and done action items in a period, grouped by month.",
    )
    wins.add_argument("--since", type=date_argument, metavar="DATE",
                      help="the first day, YYYY-MM-DD (default: one year ago)")
    wins.add_argument("--by-skill", action="store_true",
                      help="group the evidence you tagged (done items, milestones, "
                           "check-ins) by the skill it shows, for a review or promotion case")
    _add_output_option(wins)
    wins.set_defaults(run=run_wins)

    importer = commands.add_parser(
        "import", parents=[db_option], help="restore a plan from a JSON export",
        description="Check a JSON export completely, then make it the plan. Nothing is "
                    "written when anything in the file is wrong.",
    )
    importer.add_argument("file", type=Path, metavar="FILE", help="a file made by "
                          "`careertui export --format json`")
    importer.add_argument("--replace", action="store_true",
                          help="replace a plan that is not empty (a copy of it is kept first)")
    importer.set_defaults(run=run_import)

    sheet = commands.add_parser(
        "mentor-sheet", parents=[db_option], help="write a sheet for your mentor to rate you",
        description="Write a commented TOML sheet a mentor fills in with any text editor: "
                    "your ratings of the skills that matter for your target, your goals, and "
                    "blanks for their levels, comments and advice.",
    )
    _add_output_option(sheet)
    sheet.set_defaults(run=run_mentor_sheet)

    mentor_import = commands.add_parser(
        "mentor-import", parents=[db_option], help="read back a mentor sheet filled in",
        description="Check a filled-in mentor sheet completely, then keep the mentor's levels "
                    "beside yours in the current snapshot and their comments as a mentor "
                    "check-in. Nothing is written when anything in the sheet is wrong.",
    )
    mentor_import.add_argument("file", type=Path, metavar="FILE",
                               help="a sheet made by `careertui mentor-sheet`, filled in")
    mentor_import.set_defaults(run=run_mentor_import)


def _add_output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="where to write; - for standard output (default: a dated file "
                             "next to the plan)")


def run_export(args: argparse.Namespace, plan_path: Path) -> int:
    return _write(FORMATS[args.format], args, plan_path)


def run_wins(args: argparse.Namespace, plan_path: Path) -> int:
    return _write(WINS_BY_SKILL if args.by_skill else WINS, args, plan_path, since=args.since)


def run_mentor_sheet(args: argparse.Namespace, plan_path: Path) -> int:
    return _write(MENTOR_SHEET, args, plan_path)


def run_mentor_import(args: argparse.Namespace, plan_path: Path) -> int:
    from careertui.export.mentor_sheet import MentorSheetError, read_mentor_sheet, sheet_records
    from careertui.model.assessment import current_snapshot
    from careertui.roles.library import load_library

    source: Path = args.file
    store = PlanStore.open(plan_path)
    try:
        snapshot = current_snapshot(store.all(Assessment))
        if snapshot is None:
            return _refuse("the plan has no self-assessment yet: rate your skills in step 1, "
                           "then write a mentor sheet. Nothing was imported.")
        try:
            sheet = read_mentor_sheet(files.read_file(source), store.load(), load_library())
        except OSError as error:
            return _refuse(f"cannot read {source}: {error.strerror or error}. Nothing was "
                           "imported.")
        except MentorSheetError as error:
            return _refuse_problems(source, error.problems)
        rated, checkin = sheet_records(sheet, snapshot, date.today())
        store.save(rated)
        store.save(checkin)
    finally:
        store.close()
    print(f"Imported the mentor sheet of {sheet.mentor} into {store.path}: "
          f"{counted(len(sheet.ratings), 'skill')} rated, kept beside yours in the snapshot of "
          f"{snapshot.taken_on}, and a mentor check-in of today.")
    return 0


def export_folder(args: argparse.Namespace) -> Path:
    """The preferences' export folder, else the folder careertui was started in (where you
    are); what is wrong in the preferences file is said on standard error."""
    from careertui.preferences import config_path, load_preferences

    loaded = load_preferences(args.config or config_path())
    for problem in loaded.problems:
        print(f"careertui: warning: {problem}", file=sys.stderr)
    return loaded.preferences.export_dir() or Path.cwd()


def _write(kind: DocumentKind, args: argparse.Namespace, plan_path: Path,
           since: date | None = None) -> int:
    plan = read_plan(plan_path)
    today = date.today()
    content = render(kind, plan, today, datetime.now(UTC), since)
    if args.output == STDOUT:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        return 0
    if args.output:
        try:
            target = Path(args.output).expanduser()
        except RuntimeError as error:  # ~someone who does not exist
            return _refuse(f"cannot write {args.output}: {str(error).rstrip('.')}. "
                           "Nothing was written.")
    else:
        target = default_path(kind, export_folder(args), plan_path.stem, today)
    try:
        write_output(target, content)
    except OSError as error:
        return _refuse(f"cannot write {target}: {error.strerror or error}. Nothing was written.")
    print(f"Wrote the {kind.label} to {target}")
    return 0


def run_import(args: argparse.Namespace, plan_path: Path) -> int:
    from careertui.export.json_plan import PlanImportError

    source: Path = args.file
    try:
        plan = read_export(source)
    except OSError as error:
        return _refuse(f"cannot read {source}: {error.strerror or error}. Nothing was imported.")
    except PlanImportError as error:
        return _refuse_problems(source, error.problems)
    store = PlanStore.open(plan_path)
    try:
        current = store.load()
        if not current.is_empty and not args.replace:
            return _refuse(
                f"{store.path} already holds a plan ({describe_contents(current)}). Nothing "
                "was imported. Add --replace to replace it; a copy of it is kept first."
            )
        kept, cleaned = store.import_plan(plan)
    finally:
        store.close()
    message = f"Imported {source} into {store.path}: {describe_contents(plan)}."
    if kept is not None:
        message += f" The plan it replaced was kept as {kept}."
    if cleaned:
        message += f"\n{cleaning_summary(cleaned)}"
    print(message)
    return 0


def _refuse_problems(source: Path, problems: list[str]) -> int:
    """Refuse an import with every problem of the file, one a line."""
    count = len(problems)
    return _refuse("\n".join([f"cannot import {source}: {counted(count, 'problem')}; "
                              "nothing was written.", *(f"  {problem}" for problem in problems)]))


def _refuse(message: str) -> int:
    print(f"careertui: {message}", file=sys.stderr)
    return EXIT_REFUSED
