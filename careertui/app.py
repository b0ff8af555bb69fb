"""CareerApp: the overview and five step screens, global keys, command palette and theme."""

from __future__ import annotations

import asyncio
import calendar
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input

from careertui.collector import keep_out_of_collections, tune_garbage_collection
from careertui.compat import build_mode, lay_out_ahead, mode_built, styled_as_app_is
from careertui.export.documents import CALENDAR, JSON, MENTOR_SHEET, REPORT, WINS
from careertui.model.changes import cleaning_summary
from careertui.model.plan import Profile, Settings
from careertui.palette import careertui_bindings, preference_commands, step_commands
from careertui.preferences import PreferencesFile
from careertui.screens.base import FirstDrawn, OwnerRenamed, PlanReplaced, StepScreen
from careertui.screens.outside_change import Choice, OutsideChangeDialog
from careertui.screens.overview import OverviewScreen
from careertui.screens.step_screens import STEP_SCREENS, step_screen_class
from careertui.session import PlanSession, print_error
from careertui.steps import STEPS
from careertui.store.errors import OutsideChangeError, StoreError
from careertui.store.plan_store import PlanStore
from careertui.widgets.key_order import KeysInOrder

# The pause between two screens built ahead: long enough for a key and a frame to go first.
BUILD_AHEAD_PAUSE = 0.05


def _make_step_screen(mode: str) -> Screen[Any]:
    """A step's screen, its package imported the first time the step is shown."""
    screen = step_screen_class(mode)()
    styled_as_app_is(screen)  # made while the app runs: the app's CSS applies as it mounts
    return screen


def _declared_by_careertui(node: object, binding: Binding) -> bool:
    """True for a binding a careertui class declares, not one of Textual's own."""
    return any(own.action == binding.action for own in careertui_bindings(type(node)))


def _moves(action: str) -> bool:
    """True for the scrolling and cursor actions every list and scroll area has."""
    name = action.rpartition(".")[2]
    return name.startswith(("scroll_", "page_", "cursor_")) or name == "select_cursor"


class CareerApp(KeysInOrder):
    """The careertui application, on the plan in `store`; screens use it through `session`."""

    CSS_PATH = "app.tcss"
    TITLE = "careertui"
    MODES = {"overview": OverviewScreen, **{mode: partial(_make_step_screen, mode)
                                            for mode in STEP_SCREENS}}
    DEFAULT_MODE = "overview"
    BINDINGS = [
        *(
            Binding(step.key, f"switch_step('{step.mode}')", f"Go to {step.name}", show=False)
            for step in STEPS
        ),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+y", "redo", "Redo", show=False),
        Binding("ctrl+t", "chart_tables", "Charts as tables", show=False),
    ]

    def __init__(self, store: PlanStore, today: Callable[[], date] = date.today,
                 export_dir: Path | None = None, build_ahead: bool = False,
                 preferences: PreferencesFile | None = None) -> None:
        """`build_ahead`: build the step screens while the first is read (the CLI's way);
        `preferences`: the person's config file (None: defaults, for this session only)."""
        super().__init__()
        self._build_ahead = build_ahead
        self.session = PlanSession(store, today, export_dir, preferences=preferences,
                                   schedule=self.set_timer,
                                   report=self._report_store_error,
                                   announce=self._announce_delete)
        # The first day of the week, where Python keeps it: date phrases read weeks from it.
        calendar.setfirstweekday(self.session.preferences.first_weekday)
        self._quit_unsaved = False
        self._outside_change_deferred = False

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run in the terminal (the CLI's way in; tests use run_test)."""
        tune_garbage_collection()
        return super().run(*args, **kwargs)

    def build_steps_ahead(self) -> None:
        """Build the step screens not shown yet, one after the other, while the person reads
        the first: each first visit is then as quick as any switch; then ready the first save."""
        self.run_worker(self._build_steps_ahead(), group="build-ahead", exclusive=True)

    async def _build_steps_ahead(self) -> None:
        for mode in STEP_SCREENS:
            if not self.is_running:  # quitting: no screen may be added while they are closed
                return
            if not mode_built(self, mode):
                await build_mode(self, mode)
                await asyncio.sleep(BUILD_AHEAD_PAUSE)  # keys typed meanwhile go first
                screen = self.get_screen_stack(mode)[0]
                if self.is_running and screen is not self.screen:
                    lay_out_ahead(screen, self.size)
                    await asyncio.sleep(BUILD_AHEAD_PAUSE)
        if self.is_running:
            self.session.prepare_to_save()
            keep_out_of_collections()  # the screens just built live all session too

    def on_mount(self) -> None:
        self.refresh_title()
        self._apply_stored_theme()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if cleaned := self.session.cleaned_on_open:
            self.notify(cleaning_summary(cleaned), title="Plan text cleaned", severity="warning",
                        timeout=30, markup=False)
        for problem in self.session.preferences_file.problems:
            self.notify(problem, title="Preferences", severity="warning", timeout=30,
                        markup=False)

    def _apply_stored_theme(self) -> None:
        """The config file's theme; without one, the theme a plan from before it remembered."""
        theme = self._stored_theme()
        if theme in self.available_themes:
            self.theme = theme
        elif "theme" in (chosen := self.session.preferences_file).entries:
            self.notify(f"{chosen.path}: theme = \"{theme}\" is not a theme careertui has "
                        f"(ctrl+p > Change theme lists them); {self.theme} is used.",
                        title="Preferences", severity="warning", timeout=30, markup=False)

    def _stored_theme(self) -> str:
        chosen = self.session.preferences_file
        return chosen.preferences.theme if "theme" in chosen.entries \
            else self.session.get(Settings).theme

    def on_plan_replaced(self, _: PlanReplaced) -> None:
        """Show a plan that replaced the old one (an import): title and current screen (the
        theme is the person's, not the plan's)."""
        self.refresh_title()
        if isinstance(self.screen, StepScreen):
            self.screen.refresh_from_store()

    def on_first_drawn(self, _: FirstDrawn) -> None:
        """The first screen is on the terminal: build the others, once its frame is out."""
        if self._build_ahead:
            self._build_ahead = False  # once: each screen says so when it is first painted
            self.set_timer(BUILD_AHEAD_PAUSE, self.build_steps_ahead)

    def on_owner_renamed(self, _: OwnerRenamed) -> None:
        self.refresh_title()

    def refresh_title(self) -> None:
        """Show the plan owner's name in the header."""
        name = self.session.get(Profile).name
        self.title = f"{name} · careertui" if name else "careertui"

    def _report_store_error(self, error: StoreError) -> None:
        """A storage failure is shown, never swallowed."""
        if not self.is_running:  # flushing after the screen is gone: the terminal is left
            print_error(error)
        elif isinstance(error, OutsideChangeError):
            self._outside_change_deferred = False  # a change was refused: ask again
            self._ask_about_outside_change(error)
        else:
            self.notify(str(error), title="Not saved", severity="error", timeout=30)

    # Another program changed the plan file -------------------------------------------------

    def on_app_focus(self) -> None:
        # Back from another window (an editor?): the terminal reports focus where it can.
        self._check_outside_change()

    def _check_outside_change(self) -> None:
        """Ask about a change another program made to the plan file before the person works on
        a plan that is not the one on disk (unless they chose to decide later)."""
        change = None if self._outside_change_deferred else self.session.outside_change()
        if change is not None:
            self._ask_about_outside_change(change)

    def _ask_about_outside_change(self, change: OutsideChangeError) -> None:
        if not isinstance(self.screen, OutsideChangeDialog):
            self.push_screen(OutsideChangeDialog(change, self.session.unsaved_changes()),
                             self._outside_change_answered)

    def _outside_change_answered(self, choice: Choice | None) -> None:
        if choice is None:
            self._outside_change_deferred = True
            self.notify("Nothing was written; careertui asks again at your next change.",
                        title="Not saved yet", severity="warning", timeout=10)
            return
        try:
            if choice == "reload":
                cleaned = self.session.reload()
                message = "This is the plan as the other program left it."
                if cleaned:
                    message += f"\n{cleaning_summary(cleaned)}"
            else:
                aside = self.session.keep_mine()
                message = "Your plan is saved" + (f"; the other version is {aside}."
                                                  if aside else ".")
        except OutsideChangeError as change:  # changed once more while it was answered
            self._ask_about_outside_change(change)
            return
        except StoreError as error:
            self.notify(str(error), title="Not done", severity="error", timeout=30, markup=False)
            return
        self.post_message(PlanReplaced())
        self.notify(message, title="Reloaded" if choice == "reload" else "Kept yours",
                    timeout=15, markup=False)

    def _announce_delete(self, message: str) -> None:
        self.notify(message, title="Deleted", timeout=10, markup=False)

    def action_undo(self) -> None:
        """Take back the newest change to the plan (ctrl+z)."""
        self._take_back_or_redo(undo=True)

    def action_redo(self) -> None:
        """Do the newest undone change again (ctrl+y)."""
        self._take_back_or_redo(undo=False)

    def _take_back_or_redo(self, undo: bool) -> None:
        session = self.session
        if not (session.can_undo if undo else session.can_redo):
            self.notify("Nothing to undo." if undo else "Nothing to redo.", timeout=3)
            return
        done = session.undo() if undo else session.redo()
        if done is None:
            return  # the disk refused: the failure is shown
        self.post_message(PlanReplaced())
        if undo:
            self.notify(f"Undid: {done}. ctrl+y does it again.", title="Undone", timeout=8,
                        markup=False)
        else:
            self.notify(f"Did again: {done}.", title="Redone", timeout=8, markup=False)

    async def action_quit(self) -> None:
        if self.session.flush_saves() or self._quit_unsaved:
            self.exit()
            return
        self._quit_unsaved = True  # the second q quits anyway
        self.notify("Your latest changes are not saved (see the error). Free some space or fix "
                    "the permissions and press q to try again; q quits without them.",
                    title="Not saved", severity="warning", timeout=30)

    def change_preferences(self, **values: str) -> None:
        """Set the person's preferences, write their file and show the screen with them."""
        problem = self.session.preferences_file.change(**values)
        calendar.setfirstweekday(self.session.preferences.first_weekday)
        if isinstance(self.screen, StepScreen):
            self.screen.refresh_from_store()
        where = self.session.preferences_file.path
        self.notify(problem or (f"Saved in {where}." if where else "Kept for this session."),
                    title="Preferences", severity="warning" if problem else "information",
                    timeout=8, markup=False)

    def ask_export_folder(self) -> None:
        """The export folder, typed in a dialog (empty: the folder careertui started in)."""
        from careertui.model.validation import PATH_MAX
        from careertui.preferences import checked_export_folder
        from careertui.widgets.form_dialog import FormDialog, unless_cancelled
        from careertui.widgets.forms import Field

        field = Field("Export folder (empty: the folder careertui was started in)",
                      self.session.preferences.export_folder, id="export_folder",
                      check=checked_export_folder, max_length=PATH_MAX)
        self.push_screen(FormDialog("Where exports go", [field]),
                         unless_cancelled(lambda values: self.change_preferences(**values)))

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name != self._stored_theme():
            if problem := self.session.preferences_file.change(theme=theme.name):
                self.notify(problem, title="Preferences", severity="warning", timeout=30,
                            markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keep step keys from switching the screen underneath an open dialog.
        if action in ("switch_step", "help") and self.screen.is_modal:
            return False
        return True

    def action_switch_step(self, mode: str) -> None:
        if self.current_mode != mode:
            self.switch_mode(mode)
            self._check_outside_change()

    def action_chart_tables(self) -> None:
        """The numbers of every chart on screen, as tables (their text alternative)."""
        from careertui.widgets.chart_table import ChartTableDialog
        from careertui.widgets.charts import Chart

        tables = [table for chart in self.screen.query(Chart)
                  if chart.is_on_screen and (table := chart.table()) is not None]
        if tables:
            self.push_screen(ChartTableDialog(tables))
        else:
            self.notify("No chart on this screen: ctrl+t shows a chart's numbers as a table.",
                        timeout=5)

    def action_help(self) -> None:
        from careertui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self._active_keys()))

    def _active_keys(self) -> list[tuple[str, str]]:
        """(keys, description) of every binding active on the current screen, one per action."""
        from textual.widgets import TextArea  # its import (a few ms) is kept off the start

        by_action: dict[str, tuple[list[str], str]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            # Scrolling and cursor keys, the editing keys of text fields and Textual's own app
            # keys are noise here: the fixed lines below say what matters of them.
            if (
                binding.system
                or not binding.description
                or (isinstance(active.node, ScrollableContainer) and _moves(binding.action))
                or (isinstance(active.node, (App, Screen, Input, TextArea))
                    and not _declared_by_careertui(active.node, binding)
                    and binding.action != "quit")
                or binding.action == "command_palette"
            ):
                continue
            keys, _ = by_action.setdefault(binding.action, ([], binding.description))
            keys.append(self.get_key_display(binding))
        rows = [(", ".join(keys), description) for keys, description in by_action.values()]
        rows.append(("tab, shift+tab", "Next or previous field, table or list"))
        if isinstance(self.focused, (Input, TextArea)):
            rows.append(("in a field", "Keys you type are text; step and action keys work again "
                                       "once you leave it (esc or tab). ctrl+z undoes typing in "
                                       "a multi-line field."))
        rows.append(("^p", "Command palette: every action by name"))
        return rows

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from careertui.screens.share import export_document, import_plan

        for step in STEPS:
            yield SystemCommand(
                f"Go to {step.name}",
                f"{step.purpose} (key {step.key})",
                partial(self.action_switch_step, step.mode),
            )
        yield from step_commands(self)
        yield from preference_commands(self.session.preferences, self.change_preferences,
                                       self.ask_export_folder)
        yield SystemCommand("Help", "Every key and what it does (key ?)", self.action_help)
        for kind, title, help_text in (
            (REPORT, "Markdown report",
             "A plan document for your mentor: every step, with the charts as text"),
            (JSON, "plan data as JSON",
             "Everything in the plan, to back up or move it (careertui import reads it)"),
            (CALENDAR, "calendar file (.ics)",
             "Due dates, goal deadlines and the review cadence for your calendar"),
            (WINS, "wins document (Markdown)",
             "Milestones and done items since a date, by month, for performance reviews"),
            (MENTOR_SHEET, "mentor sheet (TOML)",
             "The skills that matter for your target, for your mentor to rate in any editor; "
             "careertui mentor-import reads it back"),
        ):
            yield SystemCommand(f"Export: {title}", help_text,
                                partial(export_document, self, self.session, kind))
        yield SystemCommand("Import a plan from a JSON export",
                            "Replace this plan with an exported one (a copy is kept first)",
                            partial(import_plan, self, self.session))
        yield from super().get_system_commands(screen)
