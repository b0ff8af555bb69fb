"""Hypothesis strategies: `plans` builds any plan the types allow, `valid_plans` only plans the
app itself could have saved (clean text; they pass plan_problems by construction)."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from enum import Enum

from hypothesis import strategies as st

from careertui.model.actions import recurrence_rule
from careertui.model.checkin import CADENCE_MAX, CADENCE_MIN, CONFIDENCE_MAX, CONFIDENCE_MIN
from careertui.model.integrity import BUDGET_YEAR_MAX, BUDGET_YEAR_MIN
from careertui.model.plan import (
    HORIZONS,
    Action,
    Assessment,
    CheckIn,
    Destination,
    Experience,
    Goal,
    HorizonGoal,
    InterestAnswer,
    InterestCheck,
    Measure,
    MentorRating,
    MentorView,
    Milestone,
    Need,
    Plan,
    Profile,
    Scenario,
    Settings,
    SkillRating,
    YearBudget,
)
from careertui.model.smart_hours import HOURS_A_WEEK, HOURS_MAX
from careertui.model.text_cleaning import clean_plan
from careertui.model.validation import AMOUNT_MAX, LEVEL_MAX, LEVEL_STEP, without_controls

_SCALARS = {
    str: st.text(max_size=40),
    int: st.integers(min_value=-(2**53), max_value=2**53),
    float: st.floats(allow_nan=False, allow_infinity=False, width=64),
    bool: st.booleans(),
    date: st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
}
_IDS = st.uuids().map(lambda u: u.hex)


def strategy_for(hint) -> st.SearchStrategy:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return st.none() | strategy_for(options[0])
    if origin is list:
        (item,) = typing.get_args(hint)
        return st.lists(strategy_for(item), max_size=4)
    if dataclasses.is_dataclass(hint):
        return builds(hint)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return st.sampled_from(list(hint))
    return _SCALARS[hint]


def builds(cls, **overrides: st.SearchStrategy) -> st.SearchStrategy:
    """Any `cls` the types allow, except for the fields given a strategy in `overrides`."""
    hints = typing.get_type_hints(cls)
    fields = {f.name: strategy_for(hints[f.name]) for f in dataclasses.fields(cls)}
    if "id" in fields:
        fields["id"] = _IDS
    return st.builds(cls, **(fields | overrides))


plans = strategy_for(Plan)

# What the forms accept -------------------------------------------------------------------------

_required_texts = st.builds(
    lambda before, letter, after: before + letter + after,
    st.text(max_size=15),
    st.characters(codec="utf-8").filter(lambda c: not c.isspace() and c == _cleaned(c)),
    st.text(max_size=15),
).filter(lambda text: _cleaned(text).strip())  # "\x1b[" before "A" makes one sequence, removed
_amounts = st.floats(min_value=0, max_value=AMOUNT_MAX, allow_nan=False, allow_infinity=False)
_numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False)
_levels = st.integers(0, int(LEVEL_MAX / LEVEL_STEP)).map(lambda steps: steps * LEVEL_STEP)
_horizons = st.sampled_from(HORIZONS)
_years = st.none() | st.integers(1950, 2030)
# Every rule the recurrence field can save comes from recurrence_rule().
_recurrences = st.none() | st.sampled_from([
    recurrence_rule(words) for words in ("weekly", "every 2 weeks", "every monday and friday",
                                         "monthly", "monthly on the last day", "quarterly",
                                         "end of every quarter", "yearly", "FREQ=DAILY")
])
# The skill keys a record is evidence of: named, each once (as cleaned text).
_skill_tags = st.lists(_required_texts, max_size=2, unique_by=lambda key: _cleaned(key))


def _unique_ids(item: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(item, max_size=4, unique_by=lambda record: record.id)


@st.composite
def _experiences(draw) -> Experience:
    start, end = draw(_years), draw(_years)
    if start is not None and end is not None and end < start:
        start, end = end, start
    return draw(builds(Experience, role=_required_texts, start_year=st.just(start),
                       end_year=st.just(end)))


_assessments = builds(
    Assessment,
    ratings=st.lists(builds(SkillRating, name=_required_texts, level=_levels), max_size=4,
                     unique_by=lambda rating: _cleaned(rating.key)),
    experiences=st.lists(_experiences(), max_size=3),
    interest_check=builds(InterestCheck, answers=st.lists(builds(
        InterestAnswer, item=_required_texts, answer=st.integers(1, 5)), max_size=4)),
    mentor_view=builds(MentorView, mentor=_required_texts, ratings=st.lists(builds(
        MentorRating, key=_required_texts, name=_required_texts, level=_levels), max_size=3)),
)
_destinations = builds(Destination, goals=st.permutations(HORIZONS).map(
    lambda horizons: [HorizonGoal(horizon) for horizon in horizons]),
    scenarios=st.lists(builds(Scenario, target_role_code=_required_texts), max_size=3,
                       unique_by=lambda scenario: scenario.id))
_year_budgets = st.lists(
    builds(YearBudget, year=st.integers(BUDGET_YEAR_MIN, BUDGET_YEAR_MAX), amount=_amounts),
    max_size=3, unique_by=lambda own: own.year)
_settings = builds(Settings, review_cadence_months=st.integers(CADENCE_MIN, CADENCE_MAX),
                   yearly_budget=_amounts, budget_by_year=_year_budgets,
                   weekly_hours=st.floats(0, HOURS_A_WEEK))


@st.composite
def _valid_plan(draw) -> Plan:
    needs = draw(_unique_ids(builds(Need, title=_required_texts)))
    need_ids = st.none() | st.sampled_from([need.id for need in needs]) if needs else st.none()
    goals = draw(_unique_ids(builds(
        Goal, statement=_required_texts, horizon=_horizons,
        destination_horizon=st.none() | _horizons, need_id=need_ids,
        measure=builds(Measure, current=_numbers, target=_numbers),
    )))
    goal_ids = st.none() | st.sampled_from([goal.id for goal in goals]) if goals else st.none()
    return Plan(
        profile=draw(builds(Profile)),
        destination=draw(_destinations),
        settings=draw(_settings),
        assessments=draw(_unique_ids(_assessments)),
        needs=needs,
        goals=goals,
        actions=draw(_unique_ids(builds(Action, title=_required_texts, goal_id=goal_ids,
                                        cost=_amounts, recurrence=_recurrences,
                                        hours=st.floats(0, HOURS_MAX), skills=_skill_tags))),
        checkins=draw(_unique_ids(builds(
            CheckIn, confidence=st.none() | st.integers(CONFIDENCE_MIN, CONFIDENCE_MAX),
            skills=_skill_tags))),
        milestones=draw(_unique_ids(builds(Milestone, title=_required_texts,
                                           skills=_skill_tags))),
    )


def _cleaned(text: str) -> str:
    return without_controls(text, multiline=False)[0]


# Stored as the app stores every plan: its text cleaned as the forms clean typed text.
valid_plans = _valid_plan().map(lambda plan: clean_plan(plan)[0])
