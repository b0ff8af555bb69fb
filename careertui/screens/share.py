"""Export and import from inside the app: ask for a file, write or read it, say what happened."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App

from careertui.export.documents import (
    WINS,
    DocumentKind,
    default_path,
    default_since,
    output_path,
    read_export,
    render,
    unusable_path,
)
from careertui.model.changes import cleaning_summary
from careertui.model.overview import describe_contents
from careertui.model.plan import Plan
from careertui.model.validation import PATH_MAX, Invalid, iso_date
from careertui.screens.base import PlanReplaced
from careertui.session import PlanSession
from careertui.store.errors import OutsideChangeError, StoreError
from careertui.store.files import write_output
from careertui.widgets.confirm import ConfirmDialog, if_confirmed
from careertui.widgets.form_dialog import FormDialog, FormField, Values, unless_cancelled
from careertui.widgets.forms import Field

# Import problems shown under the file field; the CLI lists every one.
SHOWN_PROBLEMS = 6


def export_document(app: App[Any], session: PlanSession, kind: DocumentKind) -> None:
    """Ask where to write `kind` (a dated file in the export folder by default), then write it."""
    today = session.today()
    suggested = default_path(kind, session.export_dir, session.export_stem, today)
    fields: list[FormField] = [Field("Write to file", str(suggested), id="path",
                                     check=partial(output_path, folder=session.export_dir),
                                     max_length=PATH_MAX)]
    if kind is WINS:
        fields.append(Field("Wins since (YYYY-MM-DD)", default_since(today).isoformat(),
                            id="since", check=required_date))
    app.push_screen(FormDialog(f"Export the {kind.label}", fields, submit="Export"),
                    unless_cancelled(partial(_export_chosen, app, session, kind)))


def required_date(text: str) -> date:
    day = iso_date(text)
    if day is None:
        raise Invalid("Type the first day, as YYYY-MM-DD.")
    return day


def _export_chosen(app: App[Any], session: PlanSession, kind: DocumentKind,
                   values: Values) -> None:
    session.flush_saves()  # the document shows what was typed a moment ago
    plan = session.load()
    today = session.today()
    app.run_worker(
        partial(_write_in_thread, app, kind, plan, today, values["path"], values.get("since")),
        thread=True, group="export", description=f"export {kind.key}",
    )


def _write_in_thread(app: App[Any], kind: DocumentKind, plan: Plan, today: date, path: Path,
                     since: date | None) -> None:
    content = render(kind, plan, today, datetime.now(UTC), since)
    try:
        write_output(path, content)
    except (OSError, UnicodeError) as error:  # UnicodeError: a lone surrogate from an import
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        app.call_from_thread(
            app.notify, f"Could not write {path}: {reason}. Nothing was written.",
            title="Not exported", severity="error", timeout=30, markup=False,
        )
        return
    # markup=False: the path is typed, and "[/x]" in a file name is not markup.
    app.call_from_thread(app.notify, f"Wrote the {kind.label} to {path}", title="Exported",
                         timeout=10, markup=False)


def import_plan(app: App[Any], session: PlanSession) -> None:
    """Ask for a JSON export, check all of it, confirm replacing a plan, then import it."""
    field = Field("JSON export to import", id="plan", placeholder="plan-export-2026-11-24.json",
                  check=partial(checked_export, folder=session.export_dir), max_length=PATH_MAX)
    app.push_screen(FormDialog("Import a plan", [field], submit="Import"),
                    unless_cancelled(partial(_import_chosen, app, session)))


def checked_export(text: str, folder: Path) -> Plan:
    """The plan in the file named by `text`; Invalid lists what is wrong with it."""
    from careertui.export.json_plan import PlanImportError

    cleaned = text.strip()
    if not cleaned:
        raise Invalid("Type the path of a file made by Export (JSON).")
    try:
        path = Path(folder, Path(cleaned).expanduser())
        found = path.exists()  # anything but a regular file is refused by read_export
    except (OSError, RuntimeError) as error:
        raise Invalid(unusable_path(cleaned, error)) from None
    if not found:
        raise Invalid(f"There is no file {path}.")
    try:
        return read_export(path)
    except OSError as error:
        raise Invalid(f"Cannot read {path}: {error.strerror or error}.") from None
    except PlanImportError as error:
        problems = error.problems
        lines = [f"{len(problems)} problem(s); nothing will be imported:"]
        lines += [f"• {problem}" for problem in problems[:SHOWN_PROBLEMS]]
        if len(problems) > SHOWN_PROBLEMS:
            lines.append(f"… and {len(problems) - SHOWN_PROBLEMS} more "
                         f"(careertui import {path} lists them all)")
        raise Invalid("\n".join(lines)) from None


def _import_chosen(app: App[Any], session: PlanSession, values: Values) -> None:
    plan: Plan = values["plan"]
    session.flush_saves()
    current = session.load()
    if current.is_empty:
        _replace(app, session, plan)
        return
    question = (f"Replace your plan ({describe_contents(current)}) with the imported one "
                f"({describe_contents(plan)})? A copy of your plan file is kept first.")
    app.push_screen(ConfirmDialog(question, yes="Replace"),
                    if_confirmed(partial(_replace, app, session, plan)))


def _replace(app: App[Any], session: PlanSession, plan: Plan) -> None:
    try:
        kept, cleaned = session.replace_plan(plan)
    except OutsideChangeError as change:
        app.notify("Another program changed your plan file, so nothing was imported. Decide "
                   "about its version, then import again.", title="Not imported",
                   severity="warning", timeout=30)
        session.report(change)  # asks what to do about the other program's version
        return
    except StoreError as error:
        app.notify(str(error), title="Not imported", severity="error", timeout=30, markup=False)
        return
    app.post_message(PlanReplaced())
    message = f"Imported: {describe_contents(plan)}."
    if kept is not None:
        message += f" Your previous plan was kept as {kept}."
    if cleaned:
        message += f"\n{cleaning_summary(cleaned)}"
    app.notify(message, title="Plan imported", timeout=15, markup=False)
