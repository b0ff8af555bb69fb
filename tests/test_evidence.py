"""Evidence for every skill: what counts, the important areas without any, the skill suggested
for an item, and `careertui wins --by-skill`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from careertui import __main__ as cli
from careertui.demo import demo_plan
from careertui.model.evidence import (
    Evidence,
    evidence_by_skill,
    no_evidence_words,
    suggested_skill,
    without_evidence,
)
from careertui.model.gaps import Gap
from careertui.model.plan import (
    Action,
    ActionStatus,
    CheckIn,
    Goal,
    Milestone,
    MilestoneKind,
)
from careertui.store.plan_store import PlanStore
from tests.conftest import TODAY

NEGOTIATION, WRITING = "2.B.1.d", "2.A.1.c"


def gap(key: str, name: str, importance: float, required: float = 3.0) -> Gap:
    return Gap(key, name, "skill", "Social", 1.0, True, required, importance)


def test_done_items_milestones_and_check_ins_tagged_with_a_skill_are_its_evidence():
    earlier = TODAY - timedelta(days=30)
    actions = [Action("Led the vendor talks", status=ActionStatus.DONE, done_on=earlier,
                      skills=[NEGOTIATION, NEGOTIATION]),  # tagged twice: counts once
               Action("Book a course", skills=[NEGOTIATION])]  # not done: no evidence yet
    milestones = [Milestone(TODAY, MilestoneKind.PROMOTION, "Team lead", skills=[NEGOTIATION])]
    checkins = [CheckIn(TODAY, notes="Wrote the budget case\nmore", skills=[WRITING])]
    found = evidence_by_skill(actions, milestones, checkins)
    assert found[NEGOTIATION] == [Evidence("milestone", TODAY, "Team lead"),
                                  Evidence("done item", earlier, "Led the vendor talks")]
    assert found[WRITING] == [Evidence("check-in", TODAY, "Wrote the budget case")]
    assert evidence_by_skill([], [], []) == {}


def test_the_important_areas_without_evidence_are_marked():
    gaps = [gap(NEGOTIATION, "Negotiation", 4.0), gap(WRITING, "Writing", 3.5),
            gap("x", "Fine Arts", 1.5)]  # not important to the target: needs no evidence
    evidence = {WRITING: [Evidence("done item", TODAY, "Report")]}
    assert without_evidence(gaps, evidence) == [gaps[0]]
    assert no_evidence_words(gaps[0]) == "Negotiation: needed 3.0, 0 pieces of evidence"


def test_an_item_suggests_the_gap_its_goal_closes():
    goal = Goal("Negotiate the budget", gap_key=NEGOTIATION)
    assert suggested_skill(Action("Talk to finance", goal_id=goal.id), [goal]) == NEGOTIATION
    assert suggested_skill(Action("Loose item"), [goal]) is None
    assert suggested_skill(Milestone(TODAY, MilestoneKind.OTHER, "Won"), [goal]) is None


def test_wins_by_skill_groups_review_ready_bullets_by_skill(tmp_path, capsys):
    path = tmp_path / "plan.json"
    plan = demo_plan(date.today())
    done = [a for a in plan.actions if a.done]
    plan.actions = [replace(a, skills=[NEGOTIATION]) if a in done[:2] else a
                    for a in plan.actions]
    plan.milestones[0] = replace(plan.milestones[0], skills=[NEGOTIATION, WRITING])
    store = PlanStore.open(path)
    store.replace_plan(plan)
    store.close()
    since = (date.today() - timedelta(days=3650)).isoformat()
    assert cli.main(["--db", str(path), "wins", "--by-skill", "--since", since, "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# Wins by skill since {since}")
    negotiation = out.index("## Negotiation (3 pieces of evidence)")
    writing = out.index("## Writing (1 piece of evidence)")
    assert negotiation < writing  # the skill with the most evidence first
    assert f"· done item: {done[0].title}" in out[negotiation:writing]
    assert f"· milestone: {plan.milestones[0].title}" in out[writing:]


def test_wins_by_skill_says_how_to_tag_when_nothing_is_tagged(tmp_path, capsys):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path)
    store.replace_plan(demo_plan(date.today()))
    store.close()
    assert cli.main(["--db", str(path), "wins", "--by-skill", "-o", "-"]) == 0
    assert "No evidence tagged from " in capsys.readouterr().out
