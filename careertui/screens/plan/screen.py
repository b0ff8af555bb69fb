"""Step 4, Plan: SMART goals with a live check, their action items, the budget and a timeline."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static, Tree

from careertui.model.actions import tick_copies
from careertui.model.labels import counted
from careertui.model.plan import (
    Action,
    Assessment,
    Destination,
    Goal,
    Need,
    Settings,
)
from careertui.model.progress import plan_timeline
from careertui.model.smart import Badge, smart_check
from careertui.model.smart_context import SmartContext
from careertui.roles import RoleLibrary
from careertui.screens.base import DrawnState
from careertui.screens.filtered import FilteredStepScreen
from careertui.screens.plan.badges import BadgeColours
from careertui.screens.plan.dialogs import action_dialog, budget_dialog, goal_dialog
from careertui.screens.plan.layout import EMPTY_HINT, PLAN_CSS, SMART_HINT
from careertui.screens.plan.links import PlanLinks, plan_links
from careertui.screens.plan.panels import action_detail, budget_text, goal_detail, status_text
from careertui.screens.plan.rows import (
    LOOSE_KEY,
    action_key,
    action_row,
    goal_key,
    goal_row,
    loose_row,
    tree_groups,
)
from careertui.screens.plan.timeline_chart import PlanTimelineChart
from careertui.screens.plan.tree import PlanHeader, PlanRow, PlanTree
from careertui.widgets.confirm import ConfirmDialog, if_confirmed
from careertui.widgets.filter_bar import FilterBar
from careertui.widgets.form_dialog import Values, unless_cancelled

# Below this width the side panel goes under the tree and the whole body scrolls.
TWO_COLUMN_WIDTH = 100
SHORT_HEIGHT = 32


class PlanScreen(FilteredStepScreen):
    """Goals and items are read once per show; each edit saves and redraws only what changed."""

    MODE = "plan"
    AUTO_FOCUS = "PlanTree"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (TWO_COLUMN_WIDTH, "-wide"), (140, "-roomy")]
    # Narrow and short (80x24): a shorter tree leaves the SMART reasons below it in view.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT_HEIGHT, "-tall")]
    DEFAULT_CSS = PLAN_CSS
    BINDINGS = [
        Binding("g", "add_goal", "Add goal"),
        Binding("a", "add_action", "Add item"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
        Binding("space", "toggle_done", "Tick item"),
        Binding("b", "edit_budget", "Budget"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._library: RoleLibrary | None = None
        self._links = PlanLinks()
        self._settings = Settings()
        self._goals: dict[str, Goal] = {}
        self._actions: dict[str, Action] = {}
        self._badges: dict[str, tuple[Badge, ...]] = {}
        self._smart = SmartContext()
        self._colours = BadgeColours()
        self._tree_drawn = DrawnState(Goal, Action, Settings)
        self._links_drawn = DrawnState(Destination, Need, Assessment)  # what goals link to

    def compose_body(self) -> ComposeResult:
        tree = PlanTree(id="plan-tree")
        yield Static(id="plan-status")
        with Horizontal(id="plan-row"):
            with Vertical(id="plan-outline"):
                yield FilterBar("words from the goals and their items", id="plan-filter")
                yield PlanHeader(tree)
                yield tree
            with Vertical(id="plan-side"):
                with VerticalScroll(id="plan-detail", can_focus=False):
                    yield Static(id="plan-detail-text")
                yield Static(id="plan-budget")
        yield PlanTimelineChart(id="plan-timeline")

    def show_filtered(self) -> None:
        self._refill()

    def on_mount(self) -> None:
        self.load_library_then(self._library_ready)
        self.app.theme_changed_signal.subscribe(self, lambda _: self._refill())

    def _library_ready(self, library: RoleLibrary) -> None:
        self._library = library
        self._read_links()  # the role's areas are known now: the R badges check them
        self._redraw_goals()

    # Reading the plan --------------------------------------------------------------------

    def refresh_from_store(self) -> None:
        session = self.session
        if self._tree_drawn.stale(session):
            self._refill()
        elif self._links_drawn.stale(session):
            self._read_links()
            self._redraw_goals()

    def _read_links(self) -> None:
        session = self.session
        self._links = plan_links(session.get(Destination), session.all(Need),
                                 session.all(Assessment), list(self._goals.values()),
                                 self._library)
        self._links_drawn.mark(session)

    def _refill(self) -> None:
        """Read goals, items and settings and rebuild the tree (thousands of lines: only when
        something they show changed, or the colours)."""
        session = self.session
        self._tree_drawn.mark(session)
        self._colours = BadgeColours.of_theme(self.app.get_css_variables())  # a new theme refills
        self._settings = session.get(Settings)
        # The items read only (ticks and edits copy what they change): thousands of them.
        goals, actions = session.all(Goal), list(session.shared(Action))
        self._goals = {goal.id: goal for goal in goals}
        self._actions = {action.id: action for action in actions}
        self._read_links()
        self._update_context()
        self._badges = {}
        self.query_one(PlanTree).fill(tree_groups(goals, actions, self._goal_row,
                                                  self._action_row, self.filter_words))
        for goal in goals if self.filter_words else ():  # hidden goals count in the status
            if goal.id not in self._badges:
                self._goal_row(goal)
        self._show_overview()

    def _items(self, goal_id: str) -> list[Action]:
        return [action for action in self._actions.values() if action.goal_id == goal_id]

    def _goal_row(self, goal: Goal, items: list[Action] | None = None) -> PlanRow:
        items = self._items(goal.id) if items is None else items
        self._badges[goal.id] = smart_check(goal, items, self.session.today(), self._smart)
        return goal_row(goal, self._badges[goal.id], items, self._settings.currency,
                        self._colours, self.session.preferences.show_date)

    def _action_row(self, action: Action) -> PlanRow:
        return action_row(action, self._settings.currency, self.session.today(), self._colours,
                          self.session.preferences.show_date)

    # Drawing what changed ----------------------------------------------------------------

    def _show_overview(self) -> None:
        """Everything beside the tree: status line, detail, budget and timeline."""
        self._show_status()
        self._show_detail()
        self._show_budget()
        self._show_timeline()

    def _show_status(self) -> None:
        self.query_one("#plan-status", Static).update(status_text(
            list(self._goals.values()), list(self._actions.values()), self._badges)
            if self._goals else EMPTY_HINT)

    def _show_detail(self) -> None:
        detail = self.query_one("#plan-detail-text", Static)
        goal, action = self._selected_records()
        today, shown = self.session.today(), self.session.preferences.show_date
        parts: list[RenderableType] = []
        if action is not None:  # first, so it is not scrolled out of sight below the goal's
            parts += [*action_detail(action, today, self._settings.currency, shown), Text()]
        if goal is not None:
            parts += goal_detail(goal, self._badges[goal.id], self._items(goal.id),
                                 self._links.serves(goal), today, self._colours, shown)
        detail.update(Group(*parts) if parts else SMART_HINT)

    def _show_budget(self) -> None:
        # The SMART check's (smart_context): a repeating cost stops at its goal's deadline.
        budgets, year = self._smart.budgets, self.session.today().year
        later = [figures for later, figures in sorted(budgets.items()) if later > year]
        self.query_one("#plan-budget", Static).update(budget_text(
            budgets[year], later, self._settings.currency, self._colours))

    def _show_timeline(self) -> None:
        today = self.session.today()
        events = plan_timeline(list(self._goals.values()), list(self._actions.values()), today)
        self.query_one(PlanTimelineChart).show(events, today)

    def _update_context(self) -> bool:
        """What the SMART check reads besides a goal; True when it changed (the budgets)."""
        old = self._smart
        self._smart = self._links.smart_context(self._goals.values(), self._actions.values(),
                                                self._settings, self.session.today())
        return self._smart != old

    def _redraw_goals(self, update: bool = True) -> None:
        """Every goal's line when what the SMART check reads besides a goal changed."""
        if update and not self._update_context():
            self._show_overview()
            return
        items: dict[str | None, list[Action]] = {}
        for action in self._actions.values():  # grouped once: thousands of items
            items.setdefault(action.goal_id, []).append(action)
        tree = self.query_one(PlanTree)
        for goal in self._goals.values():
            row = self._goal_row(goal, items.get(goal.id, []))
            if tree.has(goal_key(goal)):
                tree.set_row(goal_key(goal), row)
        self._show_overview()

    def _redraw_goal(self, goal_id: str | None) -> None:
        """The goal's line and badges after it or one of its items changed; every goal's when
        the budgets their A badges weigh changed."""
        goal = self._goals.get(goal_id) if goal_id else None
        tree = self.query_one(PlanTree)
        if self._update_context():
            self._redraw_goals(update=False)
        if goal is not None:
            tree.set_row(goal_key(goal), self._goal_row(goal))
        elif tree.has(LOOSE_KEY):
            loose = sum(1 for a in self._actions.values() if a.goal_id not in self._goals)
            tree.set_row(LOOSE_KEY, loose_row(loose))
        self._show_overview()

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        self._show_detail()

    # Selection -------------------------------------------------------------------------

    def _selected_records(self) -> tuple[Goal | None, Action | None]:
        """The goal of the selected line, and the action item when an item is selected."""
        key = self.query_one(PlanTree).selected_key
        if key is None:
            return None, None
        kind, _, record_id = key.partition(":")
        if kind == "goal":
            return self._goals.get(record_id), None
        action = self._actions.get(record_id)
        goal = self._goals.get(action.goal_id) if action and action.goal_id else None
        return goal, action

    def _saved(self, *records: Goal | Action | Settings) -> bool:
        """Save; the tree (changed in place by the caller next) then shows the plan as it is.
        On a storage failure, redraw what the plan really holds."""
        if self.session.save(*records):
            self._tree_drawn.mark(self.session)
            return True
        self._refill()
        return False

    # Goals -------------------------------------------------------------------------------

    def action_add_goal(self) -> None:
        dialog = goal_dialog(None, self.session.today(), self._links, (), self._smart)
        self.app.push_screen(dialog, unless_cancelled(self._goal_added))

    def _goal_added(self, values: Values) -> None:
        goal = Goal(created_on=self.session.today(), **values)
        if not self._saved(goal):
            return
        self._goals[goal.id] = goal
        tree = self.query_one(PlanTree)
        tree.add_goal(goal_key(goal), self._goal_row(goal, []), before=LOOSE_KEY)
        tree.select(goal_key(goal))
        self._redraw_goal(goal.id)

    def _goal_edited(self, goal: Goal, values: Values) -> None:
        goal = replace(goal, **values)
        if self._saved(goal):
            self._goals[goal.id] = goal
            self._redraw_goal(goal.id)

    # Action items ------------------------------------------------------------------------

    def action_add_action(self) -> None:
        goal, _ = self._selected_records()
        if goal is None:
            self.notify("Select the goal this item is for (press g to add a goal first)."
                        if not self._goals else "Select the goal this item is for.",
                        severity="warning")
            return
        dialog = action_dialog(None, goal.statement, self.session.today(),
                               self._settings.currency)
        self.app.push_screen(dialog,
                             unless_cancelled(lambda values: self._action_added(goal, values)))

    def _action_added(self, goal: Goal, values: Values) -> None:
        action = Action(goal_id=goal.id, created_on=self.session.today(), **values)
        if not self._saved(action):
            return
        self._actions[action.id] = action
        tree = self.query_one(PlanTree)
        tree.add_item(goal_key(goal), action_key(action), self._action_row(action))
        tree.select(action_key(action))
        self._redraw_goal(goal.id)

    def _action_edited(self, action: Action, values: Values) -> None:
        action = replace(action, **values)
        if self._saved(action):
            self._actions[action.id] = action
            self.query_one(PlanTree).set_row(action_key(action), self._action_row(action))
            self._redraw_goal(action.goal_id)

    def action_toggle_done(self) -> None:
        _, action = self._selected_records()
        if action is None:
            return
        ticked = tick_copies(action, self.session.today(), self._actions.values())
        if not self.session.save_and_delete(ticked.saved, ticked.deleted):
            self._refill()
            return
        self._tree_drawn.mark(self.session)
        tree = self.query_one(PlanTree)
        for record in ticked.deleted:  # the done copy of an occurrence, unticked
            del self._actions[record.id]
            tree.remove_key(action_key(record))
        for record in ticked.saved:
            self._actions[record.id] = record
            if tree.has(action_key(record)):
                tree.set_row(action_key(record), self._action_row(record))
            else:  # the done copy of a repeating item's occurrence
                parent = tree.parent_key(action_key(action))
                if parent is not None:
                    tree.add_item(parent, action_key(record), self._action_row(record))
        self._redraw_goal(action.goal_id if action.goal_id in self._goals else None)

    # Editing and deleting either -----------------------------------------------------------

    def action_edit(self) -> None:
        goal, action = self._selected_records()
        today = self.session.today()
        if action is not None:
            statement = goal.statement if goal else "no goal"
            dialog = action_dialog(action, statement, today, self._settings.currency)
            self.app.push_screen(dialog, unless_cancelled(
                lambda values: self._action_edited(action, values)))
        elif goal is not None:
            dialog = goal_dialog(goal, today, self._links, self._items(goal.id), self._smart)
            self.app.push_screen(dialog, unless_cancelled(
                lambda values: self._goal_edited(goal, values)))

    def action_delete(self) -> None:
        goal, action = self._selected_records()
        if action is not None:
            self.app.push_screen(ConfirmDialog(f"Delete the action item “{action.title}”?"),
                                 if_confirmed(lambda: self._delete([action], action.goal_id)))
        elif goal is not None:
            items = self._items(goal.id)
            also = (f" and its {counted(len(items), 'action item')} "
                    "(done ones too, so their cost leaves the budget)" if items else "")
            self.app.push_screen(ConfirmDialog(f"Delete the goal “{goal.statement}”{also}?"),
                                 if_confirmed(lambda: self._delete([goal, *items], None)))

    def _delete(self, records: list[Goal | Action], goal_id: str | None) -> None:
        if not self.session.delete(*records):
            self._refill()
            return
        self._tree_drawn.mark(self.session)
        tree = self.query_one(PlanTree)
        for record in records:
            if isinstance(record, Goal):
                del self._goals[record.id]
                tree.remove_key(goal_key(record))
            else:
                del self._actions[record.id]
                if tree.has(action_key(record)):
                    tree.remove_key(action_key(record))
        if tree.has(LOOSE_KEY) and not any(a.goal_id not in self._goals
                                           for a in self._actions.values()):
            tree.remove_key(LOOSE_KEY)
        self._redraw_goal(goal_id)

    # Budget ------------------------------------------------------------------------------

    def action_edit_budget(self) -> None:
        self.app.push_screen(budget_dialog(self._settings, self.session.today()),
                             unless_cancelled(self._budget_answered))

    def _budget_answered(self, values: Values) -> None:
        # Fresh: the theme is saved in the settings too.
        settings = replace(self.session.get(Settings), **values)
        if self._saved(settings):
            if settings.currency != self._settings.currency:
                self._refill()  # every cost on the screen shows the new currency
                return
            self._settings = settings
            self._redraw_goal(None)  # the budgets the A badges weigh
