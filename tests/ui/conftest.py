"""Shared Pilot helpers: the app on a test store, its size, fast typing, field errors, texts."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static

from careertui.app import CareerApp
from careertui.preferences import PreferencesFile
from careertui.store.plan_store import PlanStore
from careertui.widgets.forms import Field
from tests.conftest import TODAY

# The terminal the Pilot tests run in, unless a test is about another size.
SIZE = (120, 36)


def make_app(store: PlanStore, today: date = TODAY, export_dir: Path | None = None,
             preferences: PreferencesFile | None = None) -> CareerApp:
    """The app on `store`, on a fixed day; exports go to `export_dir` when given; the
    person's preferences from `preferences` (default: none, nothing written)."""
    return CareerApp(store=store, today=lambda: today, export_dir=export_dir,
                     preferences=preferences)


def _screen(where: App[object] | Screen[object]) -> Screen[object]:
    return where.screen if isinstance(where, App) else where


def field_error(where: App[object] | Screen[object], field_id: str) -> str:
    """The reason shown under the field `field_id` of the current screen (or of `where`), or ""
    while the field is valid."""
    field = _screen(where).query_one(f"#{field_id}", Field)
    if not field.has_class("-invalid"):
        return ""
    return str(field.query_one(".field-error", Static).render())


def text(where: App[object] | Screen[object], selector: str) -> str:
    """What the Static at `selector` of the current screen (or of `where`) shows."""
    return str(_screen(where).query_one(selector, Static).render())


def key_event(character: str) -> events.Key:
    """The key event a terminal sends for one typed character (named as Pilot.press names it)."""
    if character == " ":
        key = "space"
    elif character.isalnum():
        key = character
    else:
        key = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    return events.Key(key, character)


# Keys send_keys sends by name; any other part is text, typed character by character.
NAMED_KEYS = {
    "tab": "\t", "shift+tab": None, "enter": "\r", "escape": "\x1b", "backspace": "\x7f",
    "up": None, "down": None, "left": None, "right": None, "home": None, "end": None,
    "pagedown": None, "pageup": None, "ctrl+s": "\x13",
}


def named_key(name: str) -> events.Key:
    """The key event a terminal sends for the key `name` ("tab", "ctrl+s")."""
    return events.Key(name, NAMED_KEYS[name])


async def send_keys(pilot: Pilot[object], *parts: str) -> None:
    """Send every key of `parts` at once, as a paste or a fast typist does: each part is a key
    name of NAMED_KEYS or a text typed character by character. Then wait until the app has
    handled them all."""
    keys = [named_key(part) if part in NAMED_KEYS else key_event(character)
            for part in parts for character in ([part] if part in NAMED_KEYS else part)]
    for event in keys:
        event.set_sender(pilot.app)
        pilot.app.post_message(event)
    await settle(pilot)


async def settle(pilot: Pilot[object]) -> None:
    """Wait until the app has handled every key it was sent."""
    await pilot.pause()
    while getattr(pilot.app, "keys_pending", 0):
        await pilot.pause()
    await pilot.pause()


async def holds_soon(pilot: Pilot[object], condition: Callable[[], bool],
                     turns: int = 20) -> bool:
    """Whether `condition` holds within `turns` idle turns of the app: for what the app does
    after the screen is next drawn (scrolling into view), which a busy machine delays."""
    for _ in range(turns):
        if condition():
            return True
        await pilot.pause()
    return condition()


async def type_text(pilot: Pilot[object], text: str) -> None:
    """Type `text` as a fast typist does: every key sent at once, with no pause between them
    (Pilot.press waits until the app is idle after each key: ~80 ms a character), then wait
    until the app has handled them all."""
    for character in text:
        event = key_event(character)
        event.set_sender(pilot.app)
        pilot.app.post_message(event)
    await settle(pilot)
