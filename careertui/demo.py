"""A realistic sample plan, dated relative to today, for `careertui --demo` and screenshots."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from careertui.model.plan import (
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

# (O*NET element id, name, level in the first snapshot, level now) on the 0-7 scale.
_RATINGS = [
    ("2.A.1.a", "Reading Comprehension", 4.5, 5.0),
    ("2.A.1.b", "Active Listening", 4.0, 4.5),
    ("2.A.1.c", "Writing", 3.5, 4.0),
    ("2.A.1.d", "Speaking", 3.0, 3.5),
    ("2.A.1.e", "Mathematics", 5.0, 5.0),
    ("2.A.1.f", "Science", 2.0, 2.0),
    ("2.A.2.a", "Critical Thinking", 4.5, 5.0),
    ("2.A.2.b", "Active Learning", 4.0, 4.5),
    ("2.A.2.c", "Learning Strategies", 3.0, 3.5),
    ("2.A.2.d", "Monitoring", 3.0, 3.5),
    ("2.B.1.a", "Social Perceptiveness", 3.5, 3.5),
    ("2.B.1.b", "Coordination", 2.5, 3.0),
    ("2.B.1.c", "Persuasion", 2.0, 2.5),
    ("2.B.1.d", "Negotiation", 2.0, 2.0),
    ("2.B.1.e", "Instructing", 2.0, 3.0),
    ("2.B.1.f", "Service Orientation", 3.0, 3.0),
    ("2.B.2.i", "Complex Problem Solving", 4.0, 4.5),
    ("2.B.3.a", "Operations Analysis", 3.5, 4.0),
    ("2.B.3.b", "Technology Design", 3.0, 3.0),
    ("2.B.3.c", "Equipment Selection", 1.0, 1.0),
    ("2.B.3.d", "Installation", 0.5, 0.5),
    ("2.B.3.e", "Programming", 4.0, 4.5),
    ("2.B.3.g", "Operations Monitoring", 2.5, 3.0),
    ("2.B.3.h", "Operation and Control", 1.0, 1.0),
    ("2.B.3.j", "Equipment Maintenance", 0.0, 0.0),
    ("2.B.3.k", "Troubleshooting", 3.0, 3.0),
    ("2.B.3.l", "Repairing", 0.0, 0.0),
    ("2.B.3.m", "Quality Control Analysis", 3.5, 3.5),
    ("2.B.4.e", "Judgment and Decision Making", 3.0, 3.5),
    ("2.B.4.g", "Systems Analysis", 3.5, 4.0),
    ("2.B.4.h", "Systems Evaluation", 3.0, 3.5),
    ("2.B.5.a", "Time Management", 3.0, 3.5),
    ("2.B.5.b", "Management of Financial Resources", 1.0, 1.5),
    ("2.B.5.c", "Management of Material Resources", 1.0, 1.5),
    ("2.B.5.d", "Management of Personnel Resources", 1.0, 2.0),
    # Knowledge areas Maya has rated so far; the others count as 0 in the gap analysis.
    ("2.C.1.a", "Administration and Management", 2.0, 2.5),
    ("2.C.1.c", "Economics and Accounting", 2.0, 2.5),
    ("2.C.1.e", "Customer and Personal Service", 3.5, 4.0),
    ("2.C.1.f", "Personnel and Human Resources", 1.5, 2.0),
    ("2.C.3.a", "Computers and Electronics", 5.0, 5.5),
    ("2.C.3.b", "Engineering and Technology", 3.0, 3.0),
    ("2.C.4.a", "Mathematics", 5.0, 5.5),
    ("2.C.4.e", "Psychology", 2.0, 2.0),
    ("2.C.6", "Education and Training", 2.5, 3.0),
    ("2.C.7.a", "English Language", 4.0, 4.5),
    ("2.C.9.b", "Communications and Media", 2.0, 2.5),
    ("2.C.10", "Transportation", 3.0, 3.5),
]


def demo_plan(today: date) -> Plan:
    """Maya Okafor's plan: a data analyst working towards leading an analytics team."""

    def ago(months: int = 0, days: int = 0) -> date:
        return today - relativedelta(months=months, days=days)

    def ahead(months: int = 0, days: int = 0) -> date:
        return today + relativedelta(months=months, days=days)

    experiences = [
        Experience("Senior Data Analyst", "Northwind Logistics", 2022, None,
                   "Built the delivery-delay forecast used by every depot."),
        Experience("Data Analyst", "Northwind Logistics", 2019, 2022,
                   "Automated weekly reporting; cut it from two days to an hour."),
        Experience("Junior Analyst", "Harbour Insurance", 2017, 2019,
                   "Claims dashboards; first SQL and Python."),
    ]

    def snapshot(taken_on: date, ratings: list[SkillRating]) -> Assessment:
        """A self-assessment with the same reflections and experience as the other one."""
        return Assessment(
            taken_on, ratings,
            strengths="Turning messy data into a clear story; patient teacher; calm under "
                      "deadlines.",
            excel_at="Forecasting and SQL; explaining numbers to people who do not like numbers.",
            struggle_with="Saying no to ad-hoc requests; budgeting; leading meetings with senior "
                          "staff.",
            motivators="Seeing a decision change because of my analysis; helping juniors grow.",
            experiences=experiences,
        )

    assessments = [
        snapshot(ago(months=9), [SkillRating(k, n, first) for k, n, first, _ in _RATINGS]),
        snapshot(ago(months=1), [SkillRating(k, n, now) for k, n, _, now in _RATINGS]),
    ]
    destination = Destination(
        dream_job="Lead a data and analytics team that product and operations trust, "
                  "with time to coach and to shape the data strategy.",
        target_role_code="11-3021.00",
        target_role_title="Computer and Information Systems Managers",
        path=CareerPath.STAY,
        path_note="Northwind is growing its data team; an internal move is realistic.",
        goals=[
            HorizonGoal(1, "Lead the forecasting squad (3 people) as tech lead.", ahead(months=11)),
            HorizonGoal(3, "Analytics team lead with budget and hiring responsibility.",
                        ahead(months=34)),
            HorizonGoal(5, "Head of Data for the logistics division.", ahead(months=58)),
        ],
        opportunities="Real-time routing data, AI-assisted planning, and a possible "
                      "data platform team spun out of IT.",
    )
    needs = [
        Need(NeedKind.TRAINING, "People-management fundamentals", gap_key="2.B.5.d"),
        Need(NeedKind.CERTIFICATION, "Project management certificate (CAPM)"),
        Need(NeedKind.EXPERIENCE, "Own a budget line for a quarter", gap_key="2.B.5.b"),
    ]
    lead, budget, speak = (
        Goal("Lead the forecasting squad's weekly planning for two quarters", 1, ahead(months=6),
             Measure("sprints led", 4, 12, "sprints"), "The squad lead has agreed to hand over.",
             "Builds directly on my current work.", "2.B.5.d", needs[0].id, 1,
             created_on=ago(months=8)),
        Goal("Prepare and defend the team's yearly tooling budget", 1, ahead(months=10),
             Measure("budget drafts reviewed", 1, 3, "drafts"), "Finance offered a mentor.",
             "Needed for the 3-year goal.", "2.B.5.b", needs[2].id, 3,
             created_on=ago(months=6)),
        Goal("Give 4 talks to senior leadership or at meet-ups", 3, ahead(months=20),
             Measure("talks given", 1, 4, "talks"), "One meet-up a quarter is enough.",
             "Visibility is the main gap for a lead role.", "2.B.1.c", None, 3,
             created_on=ago(months=8)),
    )
    goals = [lead, budget, speak]

    def action(title, kind, goal, due, cost=0.0, done=None, recurrence=None):
        status = ActionStatus.DONE if done is not None else ActionStatus.OPEN
        return Action(title, kind, goal.id, due, cost, status, done, recurrence,
                      created_on=ago(months=8))

    actions = [
        action("Finish 'Managing People' online course", ActionKind.COURSE, lead,
               ago(months=4), 180.0, done=ago(months=4, days=3)),
        action("Shadow the squad lead in sprint planning", ActionKind.MENTORING, lead,
               ago(months=3), done=ago(months=3)),
        action("Run sprint planning alone (first time)", ActionKind.PROJECT, lead,
               ago(months=1), done=ago(days=25)),
        action("Read 'The Manager's Path'", ActionKind.READING, lead, ago(days=10), 35.0),
        action("Monthly mentor meeting with Priya", ActionKind.MENTORING, lead,
               today + relativedelta(day=31), recurrence="FREQ=MONTHLY;BYMONTHDAY=-1"),
        action("Budgeting basics workshop with Finance", ActionKind.TRAINING, budget,
               ago(months=2), done=ago(months=2)),
        action("Draft next year's tooling budget", ActionKind.PROJECT, budget, ahead(days=20)),
        action("CAPM exam", ActionKind.CERTIFICATION, budget, ahead(months=5), 300.0),
        action("Talk at the Data Logistics meet-up", ActionKind.EXPERT, speak,
               ago(months=5), done=ago(months=5)),
        action("Public speaking workshop", ActionKind.TRAINING, speak, ago(days=3), 250.0),
        action("Submit a talk to PyData", ActionKind.CONFERENCE, speak, ahead(months=2)),
        action("PyData conference ticket and travel", ActionKind.CONFERENCE, speak,
               ahead(months=7), 900.0),
    ]
    checkins = [
        CheckIn(ago(months=7), CheckInKind.MENTOR, "Agreed the plan with Priya.", 3,
                "Start the management course."),
        CheckIn(ago(months=4), CheckInKind.PERFORMANCE_REVIEW,
                "Strong review; manager supports the tech-lead move.", 4,
                "Shadow sprint planning."),
        CheckIn(ago(months=1), CheckInKind.SELF_REVIEW,
                "Re-assessed skills; coordination and instructing are up.", 4,
                "Focus on budgeting next."),
    ]
    milestones = [
        Milestone(ago(months=5), MilestoneKind.NEW_CONNECTION,
                  "Met Priya, my mentor, at the meet-up"),
        Milestone(ago(months=4), MilestoneKind.EXCELLENT_REVIEW, "'Exceeds expectations' review"),
        Milestone(ago(days=25), MilestoneKind.OTHER, "Ran sprint planning on my own"),
    ]
    return Plan(
        profile=Profile("Maya Okafor", "Senior Data Analyst", "Northwind Logistics", 6, 4),
        destination=destination,
        settings=Settings(review_cadence_months=3, yearly_budget=1500.0),
        assessments=assessments,
        needs=needs,
        goals=goals,
        actions=actions,
        checkins=checkins,
        milestones=milestones,
    )
