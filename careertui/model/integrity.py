"""Rules every plan the app writes keeps, checked on a plan from elsewhere (an import, a file)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from careertui.model.actions import recurrence_rule
from careertui.model.assessment import check_year_order, parse_level
from careertui.model.checkin import parse_cadence, parse_confidence
from careertui.model.interests import parse_answer
from careertui.model.plan import HORIZONS, Action, Assessment, Destination, Goal, Plan, Settings
from careertui.model.scenarios import MAX_SCENARIOS
from careertui.model.smart_hours import hours, weekly_hours
from careertui.model.timeline import horizon_label
from careertui.model.validation import Invalid, amount, number, required_text

# Raise it when a rule is added or made stricter: a plan checked under older rules, which
# careertui would open without checking again (see careertui.store.journal), is checked anew.
RULES = 2
BUDGET_YEAR_MIN, BUDGET_YEAR_MAX = 1900, 2200
_HORIZONS_LISTED = ", ".join(map(str, HORIZONS[:-1]))
_HORIZON_CHOICES = f"{_HORIZONS_LISTED} or {HORIZONS[-1]}"
# dateutil loops forever on INTERVAL=0 and fails deep inside on a negative one.


class _Problems(list[str]):
    """ "path: problem" lines, collected in the order of the plan."""

    def add(self, path: str, problem: str) -> None:
        self.append(f"{path}: {problem}")

    def check(self, path: str, validate: Callable[..., Any], *args: Any) -> None:
        """Run one of the forms' validators on a stored value; its reason becomes the problem."""
        try:
            validate(*args)
        except Invalid as error:
            self.add(path, str(error))


def plan_problems(plan: Plan) -> list[str]:
    """Everything in `plan` the app's forms would not have saved, as "path: problem" lines.

    Empty for any plan the app wrote. Paths follow the codec's: "actions[3].goal_id".
    """
    found = _Problems()
    _check_destination(plan.destination, found)
    _check_settings(plan.settings, found)
    _check_assessments(plan.assessments, found)
    seen: dict[str, int] = {}
    for i, need in enumerate(plan.needs):
        _check_id(need, "needs", i, seen, found)
        found.check(f"needs[{i}].title", required_text, need.title, "The need")
    goal_ids = _check_goals(plan.goals, found)
    _check_actions(plan.actions, goal_ids, found)
    seen = {}
    for i, checkin in enumerate(plan.checkins):
        _check_id(checkin, "checkins", i, seen, found)
        _check_skills(checkin.skills, f"checkins[{i}]", found)
        if checkin.confidence is not None:
            found.check(f"checkins[{i}].confidence", parse_confidence, str(checkin.confidence))
    seen = {}
    for i, milestone in enumerate(plan.milestones):
        _check_id(milestone, "milestones", i, seen, found)
        _check_skills(milestone.skills, f"milestones[{i}]", found)
        found.check(f"milestones[{i}].title", required_text, milestone.title, "The milestone")
    return list(found)


def _check_id(record: Any, table: str, index: int, seen: dict[str, int],
              found: _Problems) -> None:
    """Ids are unique within a collection: the store and every cross-reference rely on it."""
    path = f"{table}[{index}].id"
    if not record.id.strip():
        found.add(path, "an id cannot be empty")
    elif record.id in seen:
        found.add(path, f"{table}[{seen[record.id]}] has the same id ({record.id!r}); "
                        "each record needs its own")
    else:
        seen[record.id] = index


def _check_destination(destination: Destination, found: _Problems) -> None:
    horizons: set[int] = set()
    for i, goal in enumerate(destination.goals):
        path = f"destination.goals[{i}].horizon"
        if goal.horizon not in HORIZONS:
            found.add(path, f"{goal.horizon} is not a horizon of {_HORIZON_CHOICES} years")
        elif goal.horizon in horizons:
            found.add(path, f"a second goal for {horizon_label(goal.horizon)}; "
                            "the destination has one goal per horizon")
        horizons.add(goal.horizon)
    if len(destination.scenarios) > MAX_SCENARIOS:
        found.add("destination.scenarios", f"{len(destination.scenarios)} scenarios; a plan "
                                           f"keeps {MAX_SCENARIOS} at most")
    seen: dict[str, int] = {}
    for i, scenario in enumerate(destination.scenarios):
        _check_id(scenario, "destination.scenarios", i, seen, found)
        found.check(f"destination.scenarios[{i}].target_role_code", required_text,
                    scenario.target_role_code, "The target role")
    for horizon in HORIZONS:
        if horizon not in horizons:
            found.add("destination.goals", f"no goal for {horizon_label(horizon)}; the destination "
                                           f"has one for each of {_HORIZONS_LISTED} and "
                                           f"{HORIZONS[-1]} years")


def _check_settings(settings: Settings, found: _Problems) -> None:
    found.check("settings.review_cadence_months", parse_cadence,
                str(settings.review_cadence_months))
    found.check("settings.yearly_budget", amount, str(settings.yearly_budget), "The budget")
    found.check("settings.weekly_hours", weekly_hours, str(settings.weekly_hours),
                "The hours a week")
    years: dict[int, int] = {}
    for i, own in enumerate(settings.budget_by_year):
        path = f"settings.budget_by_year[{i}]"
        if not BUDGET_YEAR_MIN <= own.year <= BUDGET_YEAR_MAX:
            found.add(f"{path}.year", f"{own.year} is not a year from {BUDGET_YEAR_MIN} to "
                                      f"{BUDGET_YEAR_MAX}")
        elif own.year in years:
            found.add(f"{path}.year", f"budget_by_year[{years[own.year]}] is for {own.year} "
                                      "too; a year has one budget")
        years.setdefault(own.year, i)
        found.check(f"{path}.amount", amount, str(own.amount), f"The budget for {own.year}")


def _check_assessments(assessments: Sequence[Assessment], found: _Problems) -> None:
    seen: dict[str, int] = {}
    for i, assessment in enumerate(assessments):
        path = f"assessments[{i}]"
        _check_id(assessment, "assessments", i, seen, found)
        rated: dict[str, int] = {}
        for j, rating in enumerate(assessment.ratings):
            where = f"{path}.ratings[{j}]"
            if rating.key in rated:
                found.add(f"{where}.key", f"ratings[{rated[rating.key]}] rates {rating.key!r} "
                                          "too; a snapshot rates each skill once")
            rated.setdefault(rating.key, j)
            found.check(f"{where}.name", required_text, rating.name, "The skill name")
            found.check(f"{where}.level", parse_level, str(rating.level))
        for j, experience in enumerate(assessment.experiences):
            where = f"{path}.experiences[{j}]"
            found.check(f"{where}.role", required_text, experience.role, "The role")
            found.check(f"{where}.end_year", check_year_order, experience.start_year,
                        experience.end_year)
        _check_mentor_view(assessment, path, found)
        for j, answer in enumerate(assessment.interest_check.answers):
            where = f"{path}.interest_check.answers[{j}]"
            found.check(f"{where}.item", required_text, answer.item, "The item")
            found.check(f"{where}.answer", parse_answer, str(answer.answer))


def _check_skills(skills: Sequence[str], path: str, found: _Problems) -> None:
    """The skill keys a record is evidence of: each named, once."""
    for j, key in enumerate(skills):
        found.check(f"{path}.skills[{j}]", required_text, key, "The skill")
        if key in skills[:j]:
            found.add(f"{path}.skills[{j}]", f"{key!r} is tagged twice")


def _check_mentor_view(assessment: Assessment, path: str, found: _Problems) -> None:
    view = assessment.mentor_view
    if view.ratings:
        found.check(f"{path}.mentor_view.mentor", required_text, view.mentor, "The mentor's name")
    for j, rating in enumerate(view.ratings):
        where = f"{path}.mentor_view.ratings[{j}]"
        found.check(f"{where}.key", required_text, rating.key, "The skill")
        found.check(f"{where}.name", required_text, rating.name, "The skill name")
        found.check(f"{where}.level", parse_level, str(rating.level))


def _check_goals(goals: Sequence[Goal], found: _Problems) -> set[str]:
    """Checks the goals; returns their ids, for the actions that point at them.

    goal.need_id is not checked: deleting a need keeps the goals that named it, and the plan
    step shows "a deleted need" for them.
    """
    seen: dict[str, int] = {}
    for i, goal in enumerate(goals):
        path = f"goals[{i}]"
        _check_id(goal, "goals", i, seen, found)
        found.check(f"{path}.statement", required_text, goal.statement, "The goal")
        if goal.horizon not in HORIZONS:
            found.add(f"{path}.horizon", f"{goal.horizon} is not a horizon of "
                                         f"{_HORIZON_CHOICES} years")
        if goal.destination_horizon is not None and goal.destination_horizon not in HORIZONS:
            found.add(f"{path}.destination_horizon",
                      f"{goal.destination_horizon} is not a destination goal's horizon "
                      f"({_HORIZON_CHOICES} years)")
        for part, what in (("current", "The current value"), ("target", "The target")):
            value = getattr(goal.measure, part)
            if value is not None:
                found.check(f"{path}.measure.{part}", number, str(value), what)
    return set(seen)


def _check_actions(actions: Sequence[Action], goal_ids: set[str], found: _Problems) -> None:
    seen: dict[str, int] = {}
    for i, action in enumerate(actions):
        path = f"actions[{i}]"
        _check_id(action, "actions", i, seen, found)
        found.check(f"{path}.title", required_text, action.title, "The action item")
        if action.goal_id is not None and action.goal_id not in goal_ids:
            found.add(f"{path}.goal_id", f"no goal has this id ({action.goal_id!r})")
        found.check(f"{path}.cost", amount, str(action.cost), "The cost")
        found.check(f"{path}.hours", hours, str(action.hours), "The hours")
        _check_skills(action.skills, path, found)
        if action.recurrence:
            problem = _recurrence_problem(action.recurrence)
            if problem:
                found.add(f"{path}.recurrence", problem)


def _recurrence_problem(rule: str) -> str | None:
    """Why actions.py could not repeat an item by `rule`; None when it can.

    The app stores only rules recurrence_rule() made, and those read back unchanged.
    """
    try:
        stored_form = recurrence_rule(rule)
    except Invalid as error:
        return str(error)
    if stored_form is None:
        return f"{rule!r} means the item does not repeat; write null instead"
    if stored_form != rule:
        return f"{rule!r} is not in the form careertui stores; write {stored_form!r}"
    return None
