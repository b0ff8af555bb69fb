"""A table of goals people write, each with the SMART letter it must pass or fail, and why."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from careertui.model.plan import Action, ActionStatus, Goal, GoalStatus, Measure
from careertui.model.progress import Budget
from careertui.model.smart import smart_check
from careertui.model.smart_context import SmartContext
from tests.conftest import TODAY

PSYCHOLOGY = "2.C.7.e"
CONTEXT = SmartContext(
    need_ids=frozenset({"need-capm"}), gap_keys=frozenset({"2.B.3.e", PSYCHOLOGY}),
    gap_names={"2.B.3.e": "Programming", PSYCHOLOGY: "Psychology", "2.B.9.z": "Old area"},
    destination_horizons=frozenset({1, 3}),
    budgets={2026: Budget(2026, 1000, 200, 100), 2027: Budget(2027, 1000, 1400, 0)},
    currency="€")
SOON = date(2027, 3, 1)


def goal(**changes: Any) -> Goal:
    """A goal that passes every letter, with `changes`."""
    good = Goal("Pass the AWS Solutions Architect Associate exam", horizon=1,
                deadline=date(2027, 6, 30), measure=Measure("exam score", None, 720, "points",
                                                            start=650),
                gap_key="2.B.3.e", created_on=TODAY)
    if "measure" in changes and isinstance(changes["measure"], dict):
        changes["measure"] = dataclasses.replace(good.measure, **changes["measure"])
    return dataclasses.replace(good, **changes)


def item(title: str = "Book the exam", due: date | None = SOON, cost: float = 0.0,
         done: bool = False) -> Action:
    return Action(title, due=due, cost=cost, status=ActionStatus.DONE if done else
                  ActionStatus.OPEN, done_on=TODAY if done else None)


S, M, A, R, T = "SMART"
PASS, FAIL = True, False
# (label, letter, passes, the goal's changes, its items or None for one item due soon,
#  a part of the reason when it fails)
TABLE: list[tuple[str, str, bool, dict[str, Any], list[Action] | None, str]] = [
    # S: the audit's weak statements
    ("stray digit beside filler", S, FAIL, {"statement": "Be better at stuff 1"}, None,
     "“better at stuff” says no result"),
    ("random letters", S, FAIL, {"statement": "asdf qwer zxcv uiop"}, None, "no words"),
    ("jargon in an inflection", S, FAIL,
     {"statement": "Get enhanced visibility across the org"}, None, "“enhanced visibility”"),
    ("German", S, FAIL, {"statement": "Ich möchte besser werden"}, None, "German"),
    ("French", S, FAIL, {"statement": "Je veux devenir un meilleur manager"}, None, "French"),
    ("Spanish", S, FAIL, {"statement": "Quiero ser mejor en mi trabajo"}, None, "Spanish"),
    ("another script", S, FAIL, {"statement": "Стать лучшим менеджером команды"}, None,
     "another script"),
    ("random capitals", S, FAIL, {"statement": "Qwrt Zxcv Plmk Ghjk"}, None, "no words"),
    ("random shouting", S, FAIL, {"statement": "XKCD QWRT ZXCV PLMK"}, None, "no words"),
    ("too short", S, FAIL, {"statement": "Get promoted"}, None, "Too short"),
    ("filler object", S, FAIL, {"statement": "Learn some stuff about budgeting"}, None,
     "“stuff”"),
    ("vague verb", S, FAIL, {"statement": "Improve my SQL skills at work"}, None,
     "from what to what"),
    ("comparative", S, FAIL, {"statement": "Get better at public speaking"}, None,
     "“better”"),
    ("phrase: work on", S, FAIL, {"statement": "Work on my leadership skills"}, None,
     "“Work on”"),
    ("phrase: get good at", S, FAIL, {"statement": "Get good at Python and data work"}, None,
     "“Get good at”"),
    ("phrase: be more", S, FAIL, {"statement": "Be more visible to the leadership team"},
     None, "“Be more”"),
    ("jargon", S, FAIL, {"statement": "Leverage synergies across teams"}, None,
     "“Leverage synergies”"),
    ("hedge", S, FAIL, {"statement": "Try to pass the PMP exam"}, None, "not try"),
    ("a year does not measure", S, FAIL, {"statement": "Be better at talks by 2027"}, None,
     "2027 says when"),
    ("a duration does not measure", S, FAIL, {"statement": "Be a better leader in 6 months"},
     None, "6 months says when"),
    ("a stray digit alone", S, FAIL, {"statement": "Pass the CAPM exam 1"}, None,
     "“1” counts nothing"),
    ("inflected improvement", S, FAIL, {"statement": "Keep improving my Excel knowledge"},
     None, "“improving”"),
    ("filler even with a number", S, FAIL, {"statement": "Do 3 things for my career"}, None,
     "“things”"),
    # S: concrete statements
    ("nurse shifts", S, PASS, {"statement": "Lead 20 night shifts as charge nurse"}, None, ""),
    ("an exam", S, PASS, {"statement": "Pass the CAPM exam"}, None, ""),
    ("talks at meet-ups", S, PASS, {"statement": "Give 4 talks at meet-ups"}, None, ""),
    ("a percentage makes a vague verb concrete", S, PASS,
     {"statement": "Improve forecast accuracy to 95% on the weekly model"}, None, ""),
    ("a count makes more concrete", S, PASS,
     {"statement": "Do 2 more code reviews every week"}, None, ""),
    ("from and to", S, PASS, {"statement": "Reduce overtime from 5 to 2 hours a week"}, None,
     ""),
    ("acronyms and names", S, PASS,
     {"statement": "Pass the AWS Solutions Architect Associate exam"}, None, ""),
    ("a spelled number", S, PASS,
     {"statement": "Lead the forecasting squad's weekly planning for two quarters"}, None, ""),
    ("a quarter as a date", S, PASS, {"statement": "Ship the data platform migration by Q3"},
     None, ""),
    ("unknown tool names", S, PASS,
     {"statement": "Learn Kubernetes and deploy 3 services to the cluster"}, None, ""),
    ("jargon with a measure", S, PASS,
     {"statement": "Enhance visibility of the team's work with 12 weekly demos"}, None, ""),
    ("mentoring", S, PASS, {"statement": "Mentor 2 junior analysts through onboarding"}, None,
     ""),
    ("a budget", S, PASS, {"statement": "Prepare and defend the team's yearly tooling budget"},
     None, ""),
    ("blog posts", S, PASS, {"statement": "Write 12 blog posts on data engineering"}, None, ""),
    ("a currency amount", S, PASS,
     {"statement": "Grow the training fund to $5,000 for the team"}, None, ""),
    ("a one-to-one", S, PASS,
     {"statement": "Run a weekly 1:1 with each of my 4 direct reports"}, None, ""),
    ("no number needed for a plain result", S, PASS,
     {"statement": "Write the team's incident response runbook"}, None, ""),
    ("impact jargon", S, FAIL, {"statement": "Make an impact in my team"}, None,
     "“Make an impact”"),
    ("an expert of nothing", S, FAIL, {"statement": "Become an expert in AI"}, None,
     "“expert”"),
    ("only numbers", S, FAIL, {"statement": "1 2 3 4"}, None, "Only numbers"),
    # M
    ("no target", M, FAIL, {"measure": {"target": None}}, None, "No number to measure"),
    ("no metric", M, FAIL, {"measure": {"metric": " "}}, None, "No number to measure"),
    ("from 0 to 0", M, FAIL, {"measure": Measure("talks given", 0, 0, "talks", start=0)}, None,
     "nothing would change"),
    ("a blank start counts from 0", M, FAIL, {"measure": Measure("talks", None, 0, "talks")},
     None, "nothing would change"),
    ("target equals start", M, FAIL, {"measure": {"target": 650}}, None,
     "nothing would change"),
    ("goes down without saying so", M, FAIL,
     {"measure": Measure("hours of overtime", None, 2, "hours", start=5)}, None,
     "choose Aim “lower”"),
    ("goes down, said so", M, PASS,
     {"measure": Measure("hours of overtime", None, 2, "hours", 5, lower_is_better=True)},
     None, ""),
    ("lower is better but goes up", M, FAIL,
     {"measure": Measure("errors", None, 8, "errors", 5, lower_is_better=True)}, None,
     "above the start"),
    ("goes up from a start", M, PASS, {}, None, ""),
    ("goes up from nothing", M, PASS, {"measure": Measure("talks given", None, 4, "talks")},
     None, ""),
    # A
    ("no items", A, FAIL, {}, [], "No action items"),
    ("a level jump too big", A, FAIL,
     {"statement": "Raise Psychology from 0 to 6.1", "gap_key": PSYCHOLOGY,
      "deadline": date(2027, 11, 23), "measure": Measure("Psychology level", 0, 6.1, "level")},
     None, "a jump of 6.1 levels in 12 months"),
    ("a level jump that fits", A, PASS,
     {"gap_key": PSYCHOLOGY, "deadline": date(2027, 11, 23),
      "measure": Measure("Psychology level", 2, 3.5, "level")}, None, ""),
    ("a level jump over five years", A, PASS,
     {"gap_key": PSYCHOLOGY, "horizon": 5, "deadline": date(2031, 11, 1),
      "measure": Measure("Psychology level", 0, 6, "level")}, None, ""),
    ("half a level however soon", A, PASS,
     {"gap_key": PSYCHOLOGY, "deadline": date(2026, 12, 20),
      "measure": Measure("Psychology level", 3, 3.5, "level")}, None, ""),
    ("CEO in three months", A, FAIL,
     {"statement": "Become CEO of Google within three months", "deadline": date(2027, 2, 23)},
     None, "“CEO” within 3 months"),
    ("chief officer in a year", A, FAIL,
     {"statement": "Become chief technology officer of the company",
      "deadline": date(2027, 11, 1)}, None, "within 11 months"),
    ("an over-spent year with this goal's cost", A, FAIL, {},
     [item(due=date(2027, 5, 1), cost=900)], "2027's learning budget is over by €400"),
    ("a cost in a year within budget", A, PASS, {}, [item(due=SOON.replace(2026, 12), cost=300)],
     ""),
    ("a note does not make a jump pass", A, FAIL,
     {"gap_key": PSYCHOLOGY, "measure": Measure("Psychology level", 0, 6.1, "level"),
      "achievable": "I am very motivated", "realistic": "I learn fast"}, None, "levels"),
    ("a done goal weighs no load", A, PASS,
     {"statement": "Become CEO of the family firm", "status": GoalStatus.DONE,
      "deadline": date(2026, 10, 1)}, None, ""),
    ("done items are no load", A, PASS, {}, [item(due=date(2027, 5, 1), cost=900, done=True)],
     ""),
    # R
    ("no link", R, FAIL, {"gap_key": None}, None, "Serves no gap"),
    ("an existing need", R, PASS, {"gap_key": None, "need_id": "need-capm"}, None, ""),
    ("a deleted need", R, FAIL, {"gap_key": None, "need_id": "need-gone"}, None,
     "was deleted"),
    ("a gap the target role no longer has", R, FAIL, {"gap_key": "2.B.9.z"}, None,
     "Old area"),
    ("a destination goal with a statement", R, PASS,
     {"gap_key": None, "destination_horizon": 3}, None, ""),
    ("a destination goal with no statement", R, FAIL,
     {"gap_key": None, "destination_horizon": 5}, None, "5-year destination goal"),
    # T
    ("no deadline", T, FAIL, {"deadline": None}, None, "No deadline"),
    ("a passed deadline", T, FAIL, {"deadline": date(2026, 10, 1)}, [], "has passed"),
    ("a passed deadline on a done goal", T, PASS,
     {"deadline": date(2026, 10, 1), "status": GoalStatus.DONE}, [], ""),
    ("beyond the horizon", T, FAIL, {"deadline": date(2028, 1, 1)}, None, "beyond the goal's"),
    ("an item due after the deadline", T, FAIL, {},
     [item("Book the exam", date(2027, 7, 15))], "“Book the exam” is due after"),
    ("an item due on the deadline", T, PASS, {}, [item(due=date(2027, 6, 30))], ""),
]


@pytest.mark.parametrize(("label", "letter", "passes", "changes", "items", "why"), TABLE,
                         ids=[row[0] for row in TABLE])
def test_each_goal_passes_or_fails_its_letter(label, letter, passes, changes, items, why):
    checked = goal(**changes)
    badges = {badge.letter: badge for badge in smart_check(
        checked, [item()] if items is None else items, TODAY, CONTEXT)}
    assert badges[letter].ok is passes, badges[letter].reason
    assert why in badges[letter].reason


def test_the_table_is_big_and_covers_every_letter_both_ways():
    assert len(TABLE) >= 60
    assert {(letter, passes) for _, letter, passes, *_ in TABLE} == {
        (letter, outcome) for letter in "SMART" for outcome in (True, False)}
