"""The frame every step screen shares (header, step bar, scrolling body, footer) and its session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Static

from careertui.allocator import use_one_malloc_arena
from careertui.compat import ResumedAsStyled, styled_as_app_is
from careertui.preferences import Preferences
from careertui.session import PlanSession
from careertui.steps import STEP_BY_MODE, Step, step_title
from careertui.widgets.key_footer import KeyFooter
from careertui.widgets.step_bar import StepBar
from careertui.widgets.too_small import guard_terminal_size

if TYPE_CHECKING:
    from careertui.roles import RoleLibrary


def session_of(app: App[object]) -> PlanSession:
    """The plan session of the careertui app running `app`."""
    session = getattr(app, "session", None)
    if not isinstance(session, PlanSession):
        raise TypeError(f"{type(app).__name__} has no PlanSession: careertui screens run in "
                        "CareerApp")
    return session


class DrawnState:
    """When a part of a screen was drawn: the plan's revision of the kinds of record it shows,
    the day (due dates read "overdue" against it) and the person's preferences (the date
    format). Asking whether it is stale is O(1)."""

    def __init__(self, *kinds: type) -> None:
        self.kinds = kinds
        self._drawn_at: tuple[int, date, Preferences] | None = None

    def _now(self, session: PlanSession) -> tuple[int, date, Preferences]:
        return session.revision_of(*self.kinds), session.today(), session.preferences

    def stale(self, session: PlanSession) -> bool:
        """True when the plan (those kinds of record), the day or the preferences changed
        since `mark`."""
        return self._drawn_at != self._now(session)

    def mark(self, session: PlanSession) -> None:
        """The part now shows the plan as it is."""
        self._drawn_at = self._now(session)

    def forget(self) -> None:
        """The part must be drawn again, whatever changed."""
        self._drawn_at = None


class PlanReplaced(Message):
    """Posted to the app when another plan took the place of the open one (an import)."""


class OwnerRenamed(Message):
    """Posted to the app when the plan owner's name (shown in the header) changed."""


class FirstDrawn(Message):
    """Posted to the app once a screen has first been painted with the plan."""


class StepScreen(ResumedAsStyled, Screen[None]):
    """A planning step; subclasses set MODE, compose their body and draw it from the session."""

    MODE: ClassVar[str]
    # Where the person starts: the main table (see also `start_focus`).
    AUTO_FOCUS = "DataTable"
    # The kinds of record a screen draws, for a screen that is drawn as a whole: shown again,
    # it reads the plan only when those (or the day) changed. Screens drawn part by part
    # keep a DrawnState per part instead.
    DRAWS: ClassVar[tuple[type, ...]] = ()
    _drawn_whole: DrawnState | None = None
    _drawn_once = False

    @property
    def session(self) -> PlanSession:
        """Where the screen reads and saves the plan."""
        return session_of(self.app)

    @property
    def step(self) -> Step:
        return STEP_BY_MODE[self.MODE]

    def compose(self) -> ComposeResult:
        yield Header()
        yield StepBar(self.MODE)
        # Not focusable: tab goes from field to field, and focused widgets scroll into view.
        with VerticalScroll(id="body", can_focus=False):
            yield Static(self.step.name, classes="step-title")
            yield Static(self.step.purpose, classes="step-purpose")
            yield from self.compose_body()
        yield KeyFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    # Set while the too-small message covers this very screen: nothing can change underneath.
    _covered_by_size_message = False

    def on_mount(self) -> None:
        self.sub_title = step_title(self.step)
        # Every widget composed was styled as it mounted: up to date with the app's CSS now
        # (the first screen is made before the app's CSS is, and would be styled again).
        styled_as_app_is(self)

    def on_screen_resume(self) -> None:
        if self._covered_by_size_message:
            self._covered_by_size_message = False
        else:
            # Text typed a moment ago (on any screen) must be in the plan before it is re-read.
            self.session.flush_saves()
            self._refresh_if_stale()
        if self.focused is None and (start := self.start_focus()) is not None:
            start.focus()
        self._guard_size()
        if not self._drawn_once:
            self._drawn_once = True
            self.call_after_refresh(self.app.post_message, FirstDrawn())

    def _refresh_if_stale(self) -> None:
        if self.DRAWS:
            drawn = self._drawn_whole = self._drawn_whole or DrawnState(*self.DRAWS)
            if not drawn.stale(self.session):
                return
            drawn.mark(self.session)
        self.refresh_from_store()

    def start_focus(self) -> Widget | None:
        """What takes the focus when the screen shows with nothing focused, for a screen whose
        start is not its AUTO_FOCUS table (its first empty field, say)."""
        return None

    def on_resize(self) -> None:
        # A step screen is at the bottom of every stack, so it sees each resize (dialogs and the
        # help are translucent); the message then covers whatever is on top.
        self._guard_size()

    def _guard_size(self) -> None:
        on_top = self.app.screen is self
        if guard_terminal_size(self.app) and on_top:
            self._covered_by_size_message = True

    def refresh_from_store(self) -> None:
        """Redraw from the plan; called on each show. A screen whose parts are costly to draw
        keeps a DrawnState per part and redraws only the stale ones."""

    def load_library_then(
        self,
        ready: Callable[[RoleLibrary], None],
        failed: Callable[[str], None] | None = None,
    ) -> None:
        """Load the O*NET library in a thread (once per process) and call `ready` with it.

        A library that cannot be read calls `failed` with the message (or notifies it).
        """
        use_one_malloc_arena()  # before the thread that reads the library starts
        self._load_library(ready, failed or self._library_failed)

    @work(thread=True, exclusive=True, group="library")
    def _load_library(self, ready: Callable[[RoleLibrary], None],
                      failed: Callable[[str], None]) -> None:
        from careertui.roles import load_library  # in this thread: off the first frame

        try:
            library = load_library()
        except (OSError, ValueError) as error:
            message = f"The O*NET occupation data could not be loaded: {error}"
            self.app.call_from_thread(failed, message)
            return
        self.app.call_from_thread(ready, library)

    def _library_failed(self, message: str) -> None:
        self.notify(message, severity="error", timeout=30)
