"""The "enlarge the terminal" message, shown over every screen while the terminal is too small."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

# The step bar needs 72 columns, the form dialogs 76 and Assess's five profile fields about 80;
# 24 rows leave the step screens room for a table of ten rows under their titles.
MIN_SIZE = Size(80, 24)


def fits(size: Size) -> bool:
    """True when a terminal of `size` is large enough for every screen."""
    return size.width >= MIN_SIZE.width and size.height >= MIN_SIZE.height


def enlarge_message(size: Size) -> str:
    return (f"Enlarge the terminal to at least {MIN_SIZE.width}x{MIN_SIZE.height} "
            f"(now {size.width}x{size.height})")


def guard_terminal_size(app: App) -> bool:
    """Cover the app with the message when the terminal is too small; True when it was pushed."""
    if fits(app.size) or isinstance(app.screen, TooSmallScreen):
        return False
    app.push_screen(TooSmallScreen())
    return True


class TooSmallScreen(ModalScreen[None]):
    """Hides everything (nothing below is drawn, nothing loses its state) until the terminal grows.

    Keys do not reach the screens below, so nothing changes out of sight; q still quits.
    """

    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; background: $background; }
    TooSmallScreen #too-small-message {
        width: 100%; height: auto; padding: 0 1; text-align: center; color: $warning;
    }
    """
    BINDINGS = [Binding("q", "app.quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-message", markup=False)

    def on_resize(self) -> None:
        self._show_or_leave()

    def on_screen_resume(self) -> None:
        # Shown, or back on top after another screen (the command palette) or a mode switch.
        self._show_or_leave()

    def _show_or_leave(self) -> None:
        size = self.app.size
        if not fits(size):
            self.query_one("#too-small-message", Static).update(
                f"{enlarge_message(size)}\n\nPress q to quit.")
            return
        if self.app.screen is not self:  # a screen above still covers it: leave on resume
            return
        self.dismiss()
        # Textual resizes only the screens it counts as visible; catch up any that were hidden.
        if any(screen.size != size for screen in self.app.screen_stack):
            self.app.screen.post_message(Resize(size, size))
