"""The person's preferences (theme, week start, date format, export folder) in a TOML file."""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from careertui.model.validation import Invalid
from careertui.store import files

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEK_STARTS = {"monday": 0, "saturday": 5, "sunday": 6}
# A date shown (tables, lists, panels) in each format; a typed date is read the same in any.
DATE_FORMATS: dict[str, Callable[[date], str]] = {
    "iso": date.isoformat,
    "day-month": lambda day: f"{day.day} {MONTHS[day.month - 1]} {day.year}",
    "month-day": lambda day: f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
}
DEFAULT_THEME = "textual-dark"


@dataclass(frozen=True)
class Preferences:
    """What belongs to the person, whatever plan they open; the plan keeps its own settings."""

    theme: str = DEFAULT_THEME
    week_starts_on: str = "monday"
    date_format: str = "iso"
    export_folder: str = ""  # "": the folder careertui was started in

    @property
    def first_weekday(self) -> int:
        """The first day of the week, 0 for Monday as in date.weekday()."""
        return WEEK_STARTS[self.week_starts_on]

    def show_date(self, day: date) -> str:
        """`day` as the person reads dates ("2026-12-03", "3 Dec 2026", "Dec 3, 2026")."""
        return DATE_FORMATS[self.date_format](day)

    def export_dir(self) -> Path | None:
        """The export folder chosen, None for the folder careertui was started in."""
        return Path(self.export_folder).expanduser() if self.export_folder else None


# Each key's meaning, written above it in the file; the order is the file's.
DOCUMENTATION = {
    "theme": "Colour theme: any name ctrl+p > \"Change theme\" lists "
             "(textual-dark, textual-light, nord, gruvbox, ...).",
    "week_starts_on": "First day of the week, for \"this week\", \"end of next week\": "
                      + ", ".join(WEEK_STARTS) + ".",
    "date_format": "How dates are shown: iso (2026-12-03), day-month (3 Dec 2026) or "
                   "month-day (Dec 3, 2026). Any of them can be typed.",
    "export_folder": "Where exports go by default; \"\" is the folder careertui was started in.",
}
_CHOICES = {"week_starts_on": tuple(WEEK_STARTS), "date_format": tuple(DATE_FORMATS)}


def config_path() -> Path:
    """config.toml in the user config folder (~/.config/careertui/config.toml on Linux)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("careertui")) / "config.toml"


@dataclass
class PreferencesFile:
    """The preferences read from `path`, what was wrong in it, and every entry it held."""

    path: Path | None  # None: kept for this session only (tests, the demo's screenshots)
    preferences: Preferences = field(default_factory=Preferences)
    problems: list[str] = field(default_factory=list)
    # Every key the file holds, careertui's or not, as read: a rewrite keeps them all.
    entries: dict[str, Any] = field(default_factory=dict)
    # Why the file must not be rewritten (it does not parse): the change lives this session.
    unwritable: str = ""

    def change(self, **values: str) -> str | None:
        """Set preferences and write the file; the message to show when it was not written
        (the new values still hold for this session)."""
        self.preferences = replace(self.preferences, **values)
        if self.unwritable:
            return self.unwritable
        if self.path is None:
            return None
        self.entries.update(values)
        try:
            files.make_folder(self.path.parent)
            files.write_atomically(self.path, config_text(self.entries))  # mode 0600
        except OSError as error:
            return f"{self.path} was not written ({error.strerror or error}): the change " \
                   "holds until careertui closes."
        return None


def load_preferences(path: Path) -> PreferencesFile:
    """The preferences of `path` (defaults when it does not exist). A value that is wrong is
    reported in `problems`, naming its key, and its default used; the file is kept as it is."""
    loaded = PreferencesFile(path)
    try:
        data = tomllib.loads(files.read_file(path).decode("utf-8"))
    except FileNotFoundError:
        return loaded
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        loaded.problems.append(f"{path} could not be read ({reason}): the defaults are used.")
        loaded.unwritable = f"{path} is kept as it is (it could not be read): the change holds " \
                            "until careertui closes."
        return loaded
    loaded.entries = data
    chosen: dict[str, str] = {}
    for key in (known.name for known in fields(Preferences)):
        if key not in data:
            continue
        default = getattr(Preferences(), key)
        if problem := _problem(key, data[key]):
            loaded.problems.append(f"{path}: {key} = {_toml_value(data[key])} {problem}; "
                                   f"the default {_toml_value(default)} is used.")
        else:
            chosen[key] = data[key]
    if unknown := sorted(set(data) - {known.name for known in fields(Preferences)}):
        loaded.problems.append(f"{path}: careertui knows no key {', '.join(unknown)} (kept as "
                               f"it is). The keys: {', '.join(DOCUMENTATION)}.")
    loaded.preferences = Preferences(**chosen)
    return loaded


def _problem(key: str, value: Any) -> str:
    """Why `value` cannot be `key`'s, or ""."""
    if not isinstance(value, str):
        return "is not text in quotes"
    if key in _CHOICES and value not in _CHOICES[key]:
        return f"is not one of {', '.join(_CHOICES[key])}"
    if key == "export_folder" and value and not _is_folder(value):
        return "is not a folder"
    return ""


def checked_export_folder(text: str) -> str:
    """A typed export folder, or Invalid saying why it cannot be one; "" for the folder
    careertui was started in."""
    text = text.strip()
    if text and not _is_folder(text):
        raise Invalid(f"{text} is not a folder: type one that exists, or leave it empty for "
                      "the folder careertui was started in.")
    return text


def _is_folder(text: str) -> bool:
    try:
        return Path(text).expanduser().is_dir()
    except (RuntimeError, OSError, ValueError):  # ~nobody, a name too long, a NUL byte
        return False


def config_text(entries: dict[str, Any]) -> str:
    """The file for `entries`: every key careertui knows, documented, with its value or its
    default; then the keys it does not know, as they were."""
    lines = ["# careertui's preferences: yours, whatever plan you open. careertui writes this",
             "# file when you change one in the app; you may edit it too.", ""]
    for key, documentation in DOCUMENTATION.items():
        lines.append(f"# {documentation} Default: {_toml_value(getattr(Preferences(), key))}")
        lines.append(f"{key} = {_toml_value(entries.get(key, getattr(Preferences(), key)))}")
        lines.append("")
    others = {key: value for key, value in entries.items() if key not in DOCUMENTATION}
    if others:
        lines.append("# Not careertui's: kept as they were.")
        lines += [f"{_toml_key(key)} = {_toml_value(value)}" for key, value in others.items()
                  if not isinstance(value, dict)]
        for key, table in others.items():
            if isinstance(table, dict):
                lines += ["", f"[{_toml_key(key)}]"]
                lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines).rstrip() + "\n"


def _toml_key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
    return key if bare else _toml_value(key)


def _toml_value(value: Any) -> str:
    """`value` as TOML: text, numbers, booleans, dates, lists and inline tables."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        escaped = "".join(c if c.isprintable() else
                          f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"
                          for c in escaped)
        return f'"{escaped}"'
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}"
                               for k, v in value.items()) + "}"
    return value.isoformat()  # date, time, datetime: TOML writes them as ISO 8601
