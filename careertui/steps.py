"""The overview and the five planning steps: their keys, names and one-line purposes."""

from __future__ import annotations

from typing import NamedTuple


class Step(NamedTuple):
    key: str
    mode: str
    name: str
    purpose: str


OVERVIEW = Step("0", "overview", "Overview", "Where the plan stands at a glance")
STEPS: tuple[Step, ...] = (
    OVERVIEW,
    Step("1", "assess", "Assess", "An honest self-assessment: skills, strengths, motivators"),
    Step("2", "destination", "Destination", "Where you want to be in 1, 3 and 5 years"),
    Step("3", "gaps", "Gaps", "What the target role needs that you do not have yet"),
    Step("4", "plan", "Plan", "SMART goals and the actions that reach them"),
    Step("5", "progress", "Progress", "Tick items off, check in, celebrate, re-evaluate"),
)
STEP_BY_MODE = {step.mode: step for step in STEPS}


def step_title(step: Step) -> str:
    """`Step 1 of 5 · Assess`, or `Overview`."""
    if step is OVERVIEW:
        return step.name
    return f"Step {step.key} of {len(STEPS) - 1} · {step.name}"
