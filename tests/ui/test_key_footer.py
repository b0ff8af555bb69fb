"""KeyFooter: the keys of the focused widget, composed again only when they change."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from careertui.widgets.key_footer import KeyFooter


class Saving(Button):
    BINDINGS = [Binding("s", "save", "Save")]


class Sharing(Button):
    BINDINGS = [Binding("x", "share", "Share")]


class Keys(App[None]):
    BINDINGS = [Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Saving("one", id="one")
        yield Saving("two", id="two")
        yield Sharing("three", id="three")
        yield KeyFooter()


def _keys(app: App[None]) -> list[FooterKey]:
    return list(app.query(FooterKey))


def _descriptions(app: App[None]) -> list[str]:
    return [key.description for key in _keys(app) if key.description]


async def test_the_footer_shows_the_focused_widgets_keys_and_is_composed_again_only_for_new_ones():
    app = Keys()
    async with app.run_test() as pilot:
        app.query_one("#one").focus()
        await pilot.pause()
        assert _descriptions(app) == ["Save", "Quit", "palette"]
        mounted = _keys(app)
        app.query_one("#two").focus()  # the same keys: the same widgets stay
        await pilot.pause()
        assert _keys(app) == mounted and _descriptions(app) == ["Save", "Quit", "palette"]
        app.query_one("#three").focus()  # other keys: composed again
        await pilot.pause()
        assert _descriptions(app) == ["Share", "Quit", "palette"]
        assert not set(_keys(app)) & set(mounted)
