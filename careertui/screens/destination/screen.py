"""Step 2, Destination: the dream job, the target role, the path, the 1/3/5-year goals and the
stepping stones to the target."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, RadioButton, RadioSet, Static, TextArea

from careertui.model.assessment import current_snapshot, levels_of
from careertui.model.dates import parse_target_date
from careertui.model.interests import scores
from careertui.model.plan import (
    HORIZONS,
    Action,
    Assessment,
    CareerPath,
    Destination,
    Goal,
    Profile,
    Settings,
)
from careertui.model.scenarios import follow, keep_current, without_scenario
from careertui.model.timeline import horizon_goal, horizon_label, timeline
from careertui.model.validation import NOTES_MAX, Invalid
from careertui.roles import Occupation, RoleLibrary
from careertui.roles.scenario_compare import compare
from careertui.roles.stepping_stones import stepping_stones
from careertui.screens.base import StepScreen
from careertui.screens.destination.role_details import RoleDetails
from careertui.screens.destination.role_search import RolePicked, RoleSearch
from careertui.screens.destination.scenarios import ScenarioList
from careertui.screens.destination.stepping_stones import SteppingStonesList
from careertui.screens.destination.timeline_chart import TimelineChart
from careertui.widgets.forms import Field
from careertui.widgets.hinted_field import due_field

# Below this width the two columns are stacked and the whole body scrolls.
TWO_COLUMN_WIDTH = 100
# Field id -> Destination attribute, for the fields that hold plain text.
TEXT_FIELDS = {"dream-job": "dream_job", "path-note": "path_note", "opportunities": "opportunities"}
PATH_LABELS = {
    CareerPath.UNDECIDED: "Undecided",
    CareerPath.STAY: "Stay in my current organisation",
    CareerPath.TRANSITION: "Transition to a new organisation",
}


def goal_field_id(horizon: int, part: str) -> str:
    """"goal-3-statement" or "goal-3-date"."""
    return f"goal-{horizon}-{part}"


def field_horizon(field: Field) -> int:
    """The horizon of a goal field (see goal_field_id)."""
    return int((field.id or "").split("-")[1])


def adopted_statement(stop: Occupation, target_title: str) -> str:
    """The 1- or 3-year goal a stepping stone becomes."""
    towards = f", a step towards {target_title}" if target_title else ""
    return f"Work as {stop.title} ({stop.code}){towards}"


class DestinationScreen(StepScreen):
    """Edits the plan's Destination; every valid change is saved and redrawn at once."""

    MODE = "destination"
    # The stepping stones start from your ratings; the scenarios count their goals' items.
    DRAWS = (Destination, Assessment, Profile, Goal, Action, Settings)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (TWO_COLUMN_WIDTH, "-wide")]
    DEFAULT_CSS = """
    DestinationScreen #destination-columns { height: 1fr; }
    DestinationScreen #destination-form { width: 1fr; padding-right: 2; }
    DestinationScreen #destination-side { width: 1fr; }
    DestinationScreen .section-label { color: $text-muted; }
    DestinationScreen .section-title { text-style: bold; color: $accent; }
    DestinationScreen #path { margin-bottom: 1; }
    DestinationScreen .goal-row { height: auto; }
    DestinationScreen .goal-row > Field { width: 1fr; }
    DestinationScreen .goal-row > Field:last-child { width: 24; margin-left: 1; }
    DestinationScreen #timeline { height: 13; margin-bottom: 1; }
    DestinationScreen #stepping-stones-title, DestinationScreen #scenarios-title {
        margin-top: 1;
    }
    DestinationScreen.-narrow #destination-columns { layout: vertical; height: auto; }
    DestinationScreen.-narrow #destination-form { height: auto; padding-right: 0; }
    DestinationScreen.-narrow #destination-side { height: auto; }
    """
    BINDINGS = [Binding("escape", "leave_field", "Leave the field")]

    def __init__(self) -> None:
        super().__init__()
        self.destination = Destination()
        self.library: RoleLibrary | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="destination-columns"):
            with VerticalScroll(id="destination-form", can_focus=False):
                yield Field("Dream job: what would you love to be doing?", multiline=True,
                            id="dream-job", classes="destination-text")
                yield RoleSearch(id="role-search")
                yield Label("Stay or move on?", classes="section-label")
                with RadioSet(id="path"):
                    for path, label in PATH_LABELS.items():
                        yield RadioButton(label, id=f"path-{path.value}")
                yield Field("Why this path", wrapped=True, max_length=NOTES_MAX, id="path-note",
                            classes="destination-text")
                for horizon in HORIZONS:
                    with Horizontal(classes="goal-row"):
                        yield Field(f"Where I want to be in {horizon_label(horizon)}",
                                    wrapped=True, id=goal_field_id(horizon, "statement"),
                                    classes="goal-statement")
                        yield due_field("Target date", None, self.session.today(),
                                        check=partial(self._check_goal_date, horizon),
                                        placeholder=f"e.g. in {horizon_label(horizon)}",
                                        id=goal_field_id(horizon, "date"), classes="goal-date")
                yield Field("Opportunities to watch in 5–10 years", multiline=True,
                            id="opportunities", classes="destination-text")
            with VerticalScroll(id="destination-side", can_focus=False):
                yield Static("Timeline", classes="section-title")
                yield TimelineChart(id="timeline")
                yield Static("Target role", classes="section-title")
                yield RoleDetails(id="role-details")
                yield Static("Stepping stones", id="stepping-stones-title",
                             classes="section-title")
                yield SteppingStonesList(id="stepping-stones")
                yield Static("Scenarios", id="scenarios-title", classes="section-title")
                yield ScenarioList(id="scenarios")

    def on_mount(self) -> None:
        self.load_library_then(self._library_ready, self.query_one(RoleSearch).show_failure)

    def _library_ready(self, library: RoleLibrary) -> None:
        """Search starts working once the library is in."""
        self.library = library
        self.query_one(RoleSearch).set_library(library)
        self._show_role()

    def refresh_from_store(self) -> None:
        self.destination = destination = self.session.get(Destination)
        for horizon in HORIZONS:
            goal = horizon_goal(destination, horizon)
            self._field(goal_field_id(horizon, "statement")).set_text(goal.statement)
            date_text = goal.target_date.isoformat() if goal.target_date else ""
            self._field(goal_field_id(horizon, "date")).set_text(date_text)
        for field_id, attribute in TEXT_FIELDS.items():
            self._field(field_id).set_text(getattr(destination, attribute))
        self.query_one(f"#path-{destination.path.value}", RadioButton).value = True
        self._show_role()
        self._redraw_timeline()

    def _field(self, field_id: str) -> Field:
        return self.query_one(f"#{field_id}", Field)

    def _check_goal_date(self, horizon: int, text: str) -> date | None:
        return parse_target_date(text, horizon, self.session.today())

    def _show_role(self) -> None:
        self.query_one(RoleSearch).show_chosen(self.destination.target_role_title)
        snapshot = current_snapshot(self.session.shared(Assessment))
        interests = scores(snapshot.interest_check) if snapshot else {}
        self.query_one(RoleDetails).show(
            self.library, self.destination.target_role_code, self.destination.target_role_title,
            interests)
        library, code = self.library, self.destination.target_role_code
        self.query_one(SteppingStonesList).show(
            stepping_stones(library) if library else None, levels_of(snapshot),
            library.occupation(code) if library and code else None,
            self.session.get(Profile).job_zone, interests)
        if library is not None:
            session = self.session
            self.query_one(ScenarioList).show(
                compare(library, self.destination, levels_of(snapshot), interests,
                        session.shared(Goal), session.shared(Action)),
                session.get(Settings).currency)

    def on_scenario_list_keep(self, event: ScenarioList.Keep) -> None:
        event.stop()
        self._save_scenarios(keep_current)

    def on_scenario_list_drop(self, event: ScenarioList.Drop) -> None:
        event.stop()
        self._save_scenarios(lambda destination: without_scenario(destination,
                                                                   event.scenario_id))

    def on_scenario_list_follow(self, event: ScenarioList.Follow) -> None:
        """The scenario becomes the destination followed now (its goals with it)."""
        event.stop()
        try:
            destination, goals = follow(self.destination, self.session.all(Goal),
                                        event.scenario_id)
        except Invalid as reason:
            self.notify(str(reason), title="Scenarios", severity="warning")
            return
        if self.session.save(destination, *goals):
            self.refresh_from_store()
            self.notify(f"You follow {destination.target_role_title} now (ctrl+z undoes it).",
                        title="Scenarios")

    def _save_scenarios(self, change: Callable[[Destination], Destination]) -> None:
        try:
            destination = change(self.destination)
        except Invalid as reason:
            self.notify(str(reason), title="Scenarios", severity="warning")
            return
        if self.session.save(destination):
            self.destination = destination
            self._show_role()

    def on_stepping_stones_list_adopted(self, event: SteppingStonesList.Adopted) -> None:
        """A stop of a path (or a close occupation) becomes the 1- or 3-year goal."""
        event.stop()
        goal = horizon_goal(self.destination, event.horizon)
        goal.statement = adopted_statement(event.occupation, self.destination.target_role_title)
        self._field(goal_field_id(event.horizon, "statement")).set_text(goal.statement)
        self._redraw_timeline()
        if self.session.save(self.destination):
            self.notify(f"Your {event.horizon}-year goal is now: {goal.statement} "
                        "(ctrl+z undoes it).", timeout=6)

    def _redraw_timeline(self) -> None:
        self.query_one(TimelineChart).show(timeline(self.destination, self.session.today()))

    @on(Field.Changed, ".destination-text")
    def _text_typed(self, event: Field.Changed) -> None:
        event.stop()
        setattr(self.destination, TEXT_FIELDS[event.field.id or ""], event.value)
        self.session.save_soon(self.destination)

    @on(Field.Changed, ".goal-statement, .goal-date")
    def _goal_typed(self, event: Field.Changed) -> None:
        event.stop()
        goal = horizon_goal(self.destination, field_horizon(event.field))
        part = "target_date" if event.field.has_class("goal-date") else "statement"
        setattr(goal, part, event.value)
        self._redraw_timeline()
        self.session.save_soon(self.destination)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        path = CareerPath((event.pressed.id or "").removeprefix("path-"))
        if path != self.destination.path:
            self.destination.path = path
            self.session.save(self.destination)

    def on_role_picked(self, event: RolePicked) -> None:
        event.stop()
        self.destination.target_role_code = event.occupation.code
        self.destination.target_role_title = event.occupation.title
        self.session.save(self.destination)
        search = self.query_one(RoleSearch)
        search.show_chosen(event.occupation.title, over_query=True)
        self._show_role()
        self.query_one("#destination-side").scroll_home(animate=False)
        search.focus_query()

    def start_focus(self) -> Widget:
        """The first empty field (the role search while no role is chosen; the target dates are
        optional), else the dream job."""
        goals = [goal_field_id(horizon, "statement") for horizon in HORIZONS]
        for field_id in ("dream-job", "role", "path-note", *goals, "opportunities"):
            if field_id == "role":
                if not self.destination.target_role_code:
                    return self.query_one(RoleSearch).query_box
            elif not self._field(field_id).text.strip():
                return self._field(field_id).box
        return self._field("dream-job").box

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "Leave the field" only while in one (the footer shows no key that does nothing).
        if action == "leave_field":
            return isinstance(self.focused, Input | TextArea)
        return True

    def action_leave_field(self) -> None:
        """Move focus off the inputs so the digit keys switch steps again."""
        self.set_focus(None)
