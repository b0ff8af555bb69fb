"""Dataclasses for everything a career progression plan holds."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

# Field metadata key: True for text its form edits on several lines, where line breaks belong.
MULTILINE = "multiline"
_LINES = {MULTILINE: True}


def new_id() -> str:
    """A stable record id; TinyDB reuses its own document ids after deletes."""
    return uuid.uuid4().hex


class CareerPath(StrEnum):
    """Whether the person wants to stay where they are or move on."""

    UNDECIDED = "undecided"
    STAY = "stay"
    TRANSITION = "transition"


class NeedKind(StrEnum):
    TRAINING = "training"
    CERTIFICATION = "certification"
    EDUCATION = "education"
    TOOL = "tool"
    EXPERIENCE = "experience"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    DONE = "done"
    DROPPED = "dropped"


class ActionKind(StrEnum):
    TRAINING = "training"
    COURSE = "course"
    CERTIFICATION = "certification"
    EXPERT = "expert"
    CONFERENCE = "conference"
    MENTORING = "mentoring"
    READING = "reading"
    PROJECT = "project"
    OTHER = "other"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class CheckInKind(StrEnum):
    MENTOR = "mentor"
    PERFORMANCE_REVIEW = "performance_review"
    SELF_REVIEW = "self_review"


class MilestoneKind(StrEnum):
    NEW_JOB = "new_job"
    PROMOTION = "promotion"
    EXCELLENT_REVIEW = "excellent_review"
    CERTIFICATION = "certification"
    NEW_CONNECTION = "new_connection"
    OTHER = "other"


HORIZONS = (1, 3, 5)


@dataclass
class Profile:
    """Who the plan belongs to and where they are now."""

    name: str = ""
    current_role: str = ""
    organisation: str = ""
    # O*NET "Required Level of Education" category (1-12) of the person's own education.
    education_level: int | None = None
    # O*NET job zone (1-5) that matches the person's current preparation and experience.
    job_zone: int | None = None


@dataclass
class SkillRating:
    """One self-rated skill on the O*NET level scale (0-7).

    `key` is an O*NET element id ("2.A.1.a") or "custom:<id>" for a skill the person added.
    """

    key: str
    name: str
    level: float


@dataclass
class Experience:
    """A past role, for the self-assessment."""

    role: str
    organisation: str = ""
    start_year: int | None = None
    end_year: int | None = None
    highlights: str = field(default="", metadata=_LINES)


@dataclass
class InterestAnswer:
    """One answer of the interest check: 1 (strongly dislike, or matters not at all) to 5
    (strongly like, or matters very much). `item` is "1.B.1.d:2" (the second activity of an
    O*NET interest type) or a work value's id ("1.B.2.a")."""

    item: str
    answer: int


@dataclass
class InterestCheck:
    """The interest check of a snapshot: empty until taken; taken again, it is replaced."""

    taken_on: date | None = None
    answers: list[InterestAnswer] = field(default_factory=list)


@dataclass
class MentorRating:
    """A mentor's level for one skill of the snapshot (`key` as in SkillRating), and their
    comment on it."""

    key: str
    name: str
    level: float
    comment: str = field(default="", metadata=_LINES)


@dataclass
class MentorView:
    """A mentor's second rating of the snapshot's skills, from a mentor sheet: empty until one
    is imported; the next import replaces it."""

    mentor: str = ""
    rated_on: date | None = None
    ratings: list[MentorRating] = field(default_factory=list)


@dataclass
class Assessment:
    """A dated self-assessment snapshot; a re-assessment adds a new one."""

    taken_on: date
    ratings: list[SkillRating] = field(default_factory=list)
    strengths: str = field(default="", metadata=_LINES)
    excel_at: str = field(default="", metadata=_LINES)
    struggle_with: str = field(default="", metadata=_LINES)
    motivators: str = field(default="", metadata=_LINES)
    experiences: list[Experience] = field(default_factory=list)
    interest_check: InterestCheck = field(default_factory=InterestCheck)
    mentor_view: MentorView = field(default_factory=MentorView)
    id: str = field(default_factory=new_id)


@dataclass
class HorizonGoal:
    """Where the person wants to be in 1, 3 or 5 years."""

    horizon: int
    statement: str = ""
    target_date: date | None = None


@dataclass
class Scenario:
    """One alternative destination kept to compare: stay and grow, or transition to a role."""

    target_role_code: str
    target_role_title: str
    path: CareerPath = CareerPath.UNDECIDED
    id: str = field(default_factory=new_id)


@dataclass
class Destination:
    """Where the person wants to go."""

    dream_job: str = field(default="", metadata=_LINES)
    target_role_code: str = ""
    target_role_title: str = ""
    path: CareerPath = CareerPath.UNDECIDED
    path_note: str = ""
    goals: list[HorizonGoal] = field(
        default_factory=lambda: [HorizonGoal(horizon) for horizon in HORIZONS]
    )
    opportunities: str = field(default="", metadata=_LINES)
    scenarios: list[Scenario] = field(default_factory=list)  # at most MAX_SCENARIOS


@dataclass
class Need:
    """Something missing for the target role: training, a certificate, a tool..."""

    kind: NeedKind
    title: str
    notes: str = ""
    gap_key: str | None = None
    id: str = field(default_factory=new_id)


@dataclass
class Measure:
    """How a SMART goal is measured."""

    metric: str = ""
    current: float | None = None
    target: float | None = None
    unit: str = ""
    # Where the measure began ("from 2 to 4"): progress counts from it; None counts from 0.
    start: float | None = None
    # The metric is meant to go down ("hours of overtime from 5 to 2").
    lower_is_better: bool = False


@dataclass
class Goal:
    """A SMART goal of the action plan."""

    statement: str
    horizon: int = 1
    deadline: date | None = None
    measure: Measure = field(default_factory=Measure)
    achievable: str = ""
    realistic: str = ""
    gap_key: str | None = None
    need_id: str | None = None
    destination_horizon: int | None = None
    status: GoalStatus = GoalStatus.ACTIVE
    created_on: date | None = None
    done_on: date | None = None
    # The scenario it serves; None: the destination followed now (see model.scenarios).
    scenario_id: str | None = None
    id: str = field(default_factory=new_id)


@dataclass
class Action:
    """A concrete step towards a goal."""

    title: str
    kind: ActionKind = ActionKind.OTHER
    goal_id: str | None = None
    due: date | None = None
    cost: float = 0.0
    status: ActionStatus = ActionStatus.OPEN
    done_on: date | None = None
    # An RFC 5545 RRULE ("FREQ=MONTHLY;BYMONTHDAY=-1") for repeating items.
    recurrence: str | None = None
    notes: str = field(default="", metadata=_LINES)
    created_on: date | None = None
    hours: float = 0.0  # the time it takes (each occurrence of a repeating item); 0: not said
    skills: list[str] = field(default_factory=list)  # the skill keys it is evidence of, once done
    id: str = field(default_factory=new_id)

    @property
    def done(self) -> bool:
        return self.status is ActionStatus.DONE


@dataclass
class CheckIn:
    """A mentor session, performance review or self-review."""

    on: date
    kind: CheckInKind = CheckInKind.SELF_REVIEW
    notes: str = field(default="", metadata=_LINES)
    confidence: int | None = None
    next_steps: str = ""
    skills: list[str] = field(default_factory=list)  # the skill keys its notes are evidence of
    id: str = field(default_factory=new_id)


@dataclass
class Milestone:
    """A win worth celebrating."""

    on: date
    kind: MilestoneKind
    title: str
    notes: str = ""
    skills: list[str] = field(default_factory=list)  # the skill keys it is evidence of
    id: str = field(default_factory=new_id)


@dataclass
class YearBudget:
    """The learning budget of one year that has an amount of its own."""

    year: int
    amount: float


@dataclass
class Settings:
    """Preferences that belong to the plan."""

    review_cadence_months: int = 3
    yearly_budget: float = 0.0  # for every year without an amount in budget_by_year
    currency: str = "€"
    theme: str = "textual-dark"
    budget_by_year: list[YearBudget] = field(default_factory=list)  # the years that differ
    weekly_hours: float = 0.0  # time a week for the plan's action items; 0: not set

    def budget_for(self, year: int) -> float:
        """The budget allocated to `year`: its own amount, else the one for every year."""
        return next((own.amount for own in self.budget_by_year if own.year == year),
                    self.yearly_budget)

    def budgets_replaced(self, years: Iterable[int], own: list[YearBudget]) -> list[YearBudget]:
        """budget_by_year with the amounts of `years` replaced by `own`, in the order of the
        years; every other year keeps its amount (an earlier year's is history)."""
        shown = set(years)
        kept = [budget for budget in self.budget_by_year if budget.year not in shown]
        return sorted(kept + own, key=lambda budget: budget.year)


@dataclass
class Plan:
    """The whole plan, as one value."""

    profile: Profile = field(default_factory=Profile)
    destination: Destination = field(default_factory=Destination)
    settings: Settings = field(default_factory=Settings)
    assessments: list[Assessment] = field(default_factory=list)
    needs: list[Need] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self == Plan()
