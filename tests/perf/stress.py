"""A plan grown for ten years (thousands of action items), for benchmarks and size tests."""

from __future__ import annotations

import random
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from careertui.model.actions import recurrence_rule
from careertui.model.plan import (
    HORIZONS,
    Action,
    ActionKind,
    ActionStatus,
    Assessment,
    CareerPath,
    CheckIn,
    CheckInKind,
    Destination,
    Experience,
    Goal,
    GoalStatus,
    HorizonGoal,
    Measure,
    Milestone,
    MilestoneKind,
    Need,
    NeedKind,
    Plan,
    Profile,
    Settings,
    SkillRating,
)
from careertui.model.validation import clamp_level
from careertui.roles import load_library

YEARS = 10
CHECKINS = 520
ASSESSMENTS = 40
MILESTONES = 200
NEEDS = 20

TOPICS = [
    "stakeholder management", "SQL performance tuning", "people management", "budgeting",
    "public speaking", "data visualisation", "machine learning", "cloud architecture",
    "negotiation", "coaching", "product discovery", "statistics", "Kubernetes",
    "technical writing", "hiring", "OKRs", "data governance", "forecasting", "Spanish",
    "agile delivery", "security basics", "UX research", "finance for managers", "Python",
]
BOOKS = [
    "The Manager's Path", "Radical Candor", "Thinking, Fast and Slow", "Storytelling with Data",
    "Crucial Conversations", "An Elegant Puzzle", "The Phoenix Project", "Range",
    "Designing Data-Intensive Applications", "Good Strategy Bad Strategy", "Deep Work",
]
PEOPLE = ["Priya", "Jonas", "Amara", "Luis", "Mei", "Tomasz", "Fatima", "Oskar", "Ines"]
EVENTS = ["PyData", "Strata", "LeadDev", "Data Council", "EuroPython", "the analytics meet-up"]
CERTIFICATES = ["CAPM", "PMP", "AWS Solutions Architect", "Google Data Analytics", "CSM", "ITIL 4"]
TITLES = {
    ActionKind.TRAINING: ["{topic} workshop", "In-house training on {topic}",
                          "Half-day {topic} bootcamp"],
    ActionKind.COURSE: ["Finish the '{topic}' online course", "Module {n} of the {topic} course",
                        "Evening class: {topic}"],
    ActionKind.CERTIFICATION: ["{cert} exam", "Book the {cert} exam", "{cert} practice test {n}"],
    ActionKind.EXPERT: ["Ask {person} how they learned {topic}", "Talk on {topic} at {event}",
                        "Interview an expert in {topic}"],
    ActionKind.CONFERENCE: ["{event} ticket and travel", "Submit a talk to {event}",
                            "Write up notes from {event}"],
    ActionKind.MENTORING: ["Mentor session with {person}", "Monthly check-in with {person}",
                           "Mentor a junior on {topic}"],
    ActionKind.READING: ["Read '{book}'", "Summarise chapter {n} of '{book}'",
                         "Reading list: three articles on {topic}"],
    ActionKind.PROJECT: ["Lead the {topic} pilot", "Ship the {topic} dashboard (phase {n})",
                         "Own the quarterly {topic} review"],
    ActionKind.OTHER: ["Update the CV with {topic}", "Block two hours a week for {topic}",
                       "Ask for feedback on {topic}"],
}
COSTS = {ActionKind.TRAINING: (100, 800), ActionKind.COURSE: (30, 600),
         ActionKind.CERTIFICATION: (150, 550), ActionKind.CONFERENCE: (200, 1800),
         ActionKind.READING: (12, 60)}
SENTENCES = [
    "Agreed with my manager in the last one-to-one.", "Finance will reimburse half.",
    "Do this before the next performance review.", "Priya suggested it; she found it useful.",
    "Needs a quiet week, not the end of a quarter.", "Links to the 3-year goal.",
    "Take notes and share them with the team afterwards.", "Check the company learning portal.",
    "Café Zürich on Thursday — ask about the naïve forecast 📈.",
    "Bring the draft and two concrete questions.", "Could replace the external course.",
]
GOAL_STATEMENTS = [
    "Run {topic} for the team for two quarters", "Become the go-to person for {topic}",
    "Present {topic} results to leadership every quarter", "Build a {topic} playbook for the team",
    "Get certified in {topic}", "Coach two colleagues in {topic}",
]
MEASURES = [("sessions led", "sessions"), ("talks given", "talks"), ("people coached", "people"),
            ("courses finished", "courses"), ("score", "%")]
CHECKIN_NOTES = [
    "Good week; the forecast review went well.", "Too many ad-hoc requests; said no twice.",
    "Mentor meeting: discussed delegation.", "Slow week, on-call took most of it.",
    "Finished a course module and tried it at work.", "Feedback from the team was positive.",
]
NEXT_STEPS = ["Book the next course.", "Prepare the budget draft.", "Ask for a stretch project.",
              "Read one chapter a week.", "Shadow the lead in planning.", ""]
MILESTONE_TITLES = {
    MilestoneKind.NEW_JOB: "Started as {role}", MilestoneKind.PROMOTION: "Promoted to {role}",
    MilestoneKind.EXCELLENT_REVIEW: "'Exceeds expectations' review ({year})",
    MilestoneKind.CERTIFICATION: "Passed the {cert} exam",
    MilestoneKind.NEW_CONNECTION: "Met {person} at {event}",
    MilestoneKind.OTHER: "Shipped the {topic} dashboard",
}
ROLES = ["Junior Analyst", "Data Analyst", "Senior Data Analyst", "Tech Lead", "Analytics Lead"]
GAP_KEYS = ("2.B.5.d", "2.B.1.c", "2.B.5.b", "2.C.1.a", "2.B.4.e", None)
REPEATS = ("weekly", "every 2 weeks", "monthly", "monthly on the last day", "quarterly", "yearly")


class _Writer:
    """Deterministic random texts, dates and ids from one seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def id(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def fill(self, template: str) -> str:
        rng = self.rng
        return template.format(
            topic=rng.choice(TOPICS), book=rng.choice(BOOKS), person=rng.choice(PEOPLE),
            event=rng.choice(EVENTS), cert=rng.choice(CERTIFICATES), n=rng.randint(1, 9),
            role=rng.choice(ROLES), year=rng.randint(2017, 2026))

    def notes(self, share: float) -> str:
        if self.rng.random() >= share:
            return ""
        return " ".join(self.rng.sample(SENTENCES, self.rng.randint(1, 3)))

    def day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max((last - first).days, 0)))


def stress_plan(today: date, actions: int = 5000, goals: int = 40, seed: int = 0) -> Plan:
    """A plan ten years old: `actions` items across `goals` goals, 520 weekly check-ins,
    40 assessment snapshots rating every O*NET skill and knowledge area, 200 milestones.

    The same arguments give the same plan, and plan_problems() finds nothing in it.
    """
    writer = _Writer(seed)
    start = today - relativedelta(years=YEARS)
    needs = [Need(writer.rng.choice(list(NeedKind)), writer.fill("{topic} ({cert})"),
                  writer.notes(0.5), writer.rng.choice(GAP_KEYS), id=writer.id())
             for _ in range(NEEDS)]
    goal_list = _goals(writer, goals, start, today, needs)
    return Plan(
        profile=Profile("Sam Rivera", "Analytics Lead", "Northwind Logistics", 6, 4),
        destination=_destination(today),
        settings=Settings(review_cadence_months=3, yearly_budget=2500.0),
        assessments=_assessments(writer, start),
        needs=needs,
        goals=goal_list,
        actions=_actions(writer, actions, goal_list, start, today),
        checkins=_checkins(writer, today),
        milestones=[_milestone(writer, start, today) for _ in range(MILESTONES)],
    )


def _destination(today: date) -> Destination:
    return Destination(
        dream_job="Head of Data for a logistics company, trusted by operations and product.",
        target_role_code="11-3021.00",
        target_role_title="Computer and Information Systems Managers",
        path=CareerPath.STAY,
        path_note="The data team doubled in two years; an internal move is realistic.",
        goals=[HorizonGoal(horizon, f"Horizon {horizon}: lead a larger analytics group.",
                           today + relativedelta(years=horizon, days=-1))
               for horizon in HORIZONS],
        opportunities="Real-time routing data, AI-assisted planning, a data platform team.",
    )


def _goals(writer: _Writer, count: int, start: date, today: date, needs: list[Need]) -> list[Goal]:
    rng = writer.rng
    span = (today - start).days
    result = []
    for index in range(count):
        created = start + timedelta(days=span * index // max(count, 1))
        horizon = rng.choice(HORIZONS)
        metric, unit = rng.choice(MEASURES)
        target = float(rng.randint(2, 20))
        old = (today - created).days > 2 * 365
        status = (GoalStatus.DROPPED if rng.random() < 0.2 else GoalStatus.DONE) if old \
            else GoalStatus.ACTIVE
        deadline = created + relativedelta(years=horizon)
        result.append(Goal(
            writer.fill(rng.choice(GOAL_STATEMENTS)), horizon,
            deadline if old else max(deadline, today + timedelta(days=30)),
            Measure(metric, float(rng.randint(0, int(target))), target, unit),
            writer.notes(0.8), writer.notes(0.8), rng.choice(GAP_KEYS),
            rng.choice(needs).id if needs and rng.random() < 0.3 else None,
            rng.choice((*HORIZONS, None)), status, created,
            writer.day(created, today) if status is GoalStatus.DONE else None,
            id=writer.id()))
    return result


def _actions(writer: _Writer, count: int, goals: list[Goal], start: date,
             today: date) -> list[Action]:
    rng = writer.rng
    rules = [recurrence_rule(words) for words in REPEATS]
    kinds = list(ActionKind)
    result = []
    for _ in range(count):
        goal = rng.choice(goals) if goals and rng.random() > 0.02 else None
        kind = rng.choice(kinds)
        created = writer.day(goal.created_on if goal else start, today)
        due = None if rng.random() < 0.05 else created + timedelta(days=rng.randint(7, 240))
        low, high = COSTS.get(kind, (0, 0))
        cost = float(rng.randint(low, high)) if high and rng.random() < 0.6 else 0.0
        recurrence = rng.choice(rules) if rng.random() < 0.02 else None
        done = (due is None or due < today - timedelta(days=30)) and rng.random() < 0.9 \
            and recurrence is None
        if recurrence is not None and due is not None:
            due = max(due, today - timedelta(days=rng.randint(0, 20)))
        result.append(Action(
            writer.fill(rng.choice(TITLES[kind])), kind, goal.id if goal else None, due, cost,
            ActionStatus.DONE if done else ActionStatus.OPEN,
            min(today, (due or created) + timedelta(days=rng.randint(-5, 5))) if done else None,
            recurrence, writer.notes(0.4), created, id=writer.id()))
    return result


def _checkins(writer: _Writer, today: date) -> list[CheckIn]:
    rng = writer.rng
    result = []
    for week in range(CHECKINS):
        if week % 52 == 0:
            kind = CheckInKind.PERFORMANCE_REVIEW
        elif week % 4 == 0:
            kind = CheckInKind.MENTOR
        else:
            kind = CheckInKind.SELF_REVIEW
        result.append(CheckIn(
            today - timedelta(weeks=CHECKINS - 1 - week), kind, rng.choice(CHECKIN_NOTES),
            rng.choice((1, 2, 3, 3, 4, 4, 4, 5, None)), rng.choice(NEXT_STEPS), id=writer.id()))
    return result


def _assessments(writer: _Writer, start: date) -> list[Assessment]:
    """Quarterly snapshots rating every O*NET skill and knowledge area, slowly improving."""
    rng = writer.rng
    library = load_library()
    elements = [*library.skills, *library.knowledge]
    base = {element.id: rng.uniform(0, 4.5) for element in elements}
    growth = {element.id: rng.uniform(0, 2.5) for element in elements}
    experiences = [
        Experience(role, "Northwind Logistics" if year > 2019 else "Harbour Insurance", year,
                   year + 2 if year < 2023 else None, writer.notes(1.0))
        for role, year in zip(ROLES, range(2015, 2026, 2), strict=False)
    ]
    result = []
    for index in range(ASSESSMENTS):
        share = index / max(ASSESSMENTS - 1, 1)
        ratings = [SkillRating(element.id, element.name,
                               clamp_level(base[element.id] + growth[element.id] * share))
                   for element in elements]
        result.append(Assessment(
            start + timedelta(days=91 * index), ratings,
            strengths=writer.notes(1.0), excel_at=writer.notes(1.0),
            struggle_with=writer.notes(1.0), motivators=writer.notes(1.0),
            experiences=experiences[: 1 + index * len(experiences) // ASSESSMENTS],
            id=writer.id()))
    return result


def _milestone(writer: _Writer, start: date, today: date) -> Milestone:
    kind = writer.rng.choice(list(MilestoneKind))
    return Milestone(writer.day(start, today), kind, writer.fill(MILESTONE_TITLES[kind]),
                     writer.notes(0.5), id=writer.id())
