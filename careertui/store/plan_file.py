"""Read a plan file without locking it, so exports can run while the app has the plan open."""

from __future__ import annotations

from pathlib import Path

from careertui.model.codec import DecodeError
from careertui.model.plan import Plan
from careertui.store import backups, migrations
from careertui.store.errors import CorruptPlanError, MissingPlanError, StorageReadError
from careertui.store.plan_check import checked, wrong_shape
from careertui.store.plan_format import parse_plan
from careertui.store.plan_store import plan_from_tables


def read_plan(path: Path) -> Plan:
    """The plan at `path`, never changing the file; raises a StoreError the CLI can print.

    The app replaces the file atomically on every save, so reading it without the lock
    always sees one whole saved state.
    """
    path = Path(path).expanduser()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise MissingPlanError(path) from None
    except OSError as error:
        raise StorageReadError(path, error) from error
    try:
        data = parse_plan(raw)
        migrations.schema_version_of(data)
    except ValueError as error:
        raise CorruptPlanError(path, str(error), backups.newest_backup(path)) from None
    migrations.migrate(data, path)  # in memory only; refuses a newer schema
    try:
        plan = plan_from_tables(data)
    except DecodeError as error:
        raise wrong_shape(path, error) from None
    return checked(plan, path)
