"""The plan as a Markdown report a mentor can read in a Markdown viewer or as plain text."""

from __future__ import annotations

from datetime import date

from careertui.charts.text import plan_charts
from careertui.export.evidence_text import evidence_text
from careertui.export.interests_text import interests_text
from careertui.export.markdown_text import BREAK, CELL, bullets, code_block, escape, section, table
from careertui.export.mentor_text import mentor_text
from careertui.export.scenarios_text import scenarios_text
from careertui.export.stepping_stones_text import stepping_stones_text
from careertui.model.actions import describe_recurrence
from careertui.model.assessment import (
    change_label,
    changes_since,
    current_snapshot,
    is_custom,
    most_recent_first,
    previous_snapshot,
    years_label,
)
from careertui.model.checkin import (
    CHECKIN_LABELS,
    CONFIDENCE_MAX,
    CONFIDENCE_MIN,
    MILESTONE_LABELS,
    confidence_label,
)
from careertui.model.dates import describe_due
from careertui.model.gaps import Gap, role_gaps, shown_level
from careertui.model.labels import KIND_LABELS, money
from careertui.model.overview import plan_status, step_completion
from careertui.model.pace import goal_pace
from careertui.model.plan import Action, Assessment, CareerPath, Experience, Goal, GoalStatus, Plan
from careertui.model.progress import (
    Bucket,
    Budget,
    bucket,
    budgets_ahead,
    measure_share,
    progress_order,
)
from careertui.model.smart import smart_check
from careertui.model.smart_context import plan_context
from careertui.model.timeline import horizon_label
from careertui.roles.library import Occupation, RoleLibrary
from careertui.steps import STEP_BY_MODE

GAP_ROWS = 15
ROUGH = "≈"  # before a needed level O*NET rates with low precision
NEXT_ITEMS = 3
NONE = "—"
STATUS_WORDS = {Bucket.DONE: "done", Bucket.OVERDUE: "overdue", Bucket.SOON: "due soon",
                Bucket.LATER: "open", Bucket.SOMEDAY: "open"}
PATH_WORDS = {CareerPath.STAY: "Stay and grow in the current organisation",
              CareerPath.TRANSITION: "Move on to a new role or organisation"}
REFLECTIONS = (("strengths", "Strengths"), ("excel_at", "Excels at"),
               ("struggle_with", "Struggles with"), ("motivators", "Motivated by"))

# The report -------------------------------------------------------------------------------

def plan_report(plan: Plan, today: date, library: RoleLibrary | None) -> str:
    """The whole plan as a Markdown document, as of `today`.

    `library` is the O*NET role library for the gap table; without it (or without the target
    role in it) the Gaps section says what is missing instead.
    """
    name = plan.profile.name.strip()
    code = plan.destination.target_role_code
    occupation = library.occupation(code) if library and code else None
    gaps = role_gaps(library, occupation, plan.assessments) if library is not None else []
    sections = [
        (f"# Career plan: {escape(name)}" if name else "# Career plan")
        + f"\n\nAs of {today}.",
        _summary(plan, today),
        section("Profile", _profile(plan, library),
                "Not filled in yet: name, current role and education go in step 1."),
        section("Assessment", _assessment(plan, library),
                "No self-assessment yet: rate your skills in step 1."),
        section("Destination", _destination(plan, today),
                "Not filled in yet: dream job, target role and 1/3/5-year goals go in step 2."),
        f"## Gaps\n\n{_gaps(code, occupation, library, gaps)}\n\n### Needs\n\n"
        + (_needs(plan, gaps, library) or "_No training, certification, education or tool "
                                          "written down yet (step 3)._"),
        section("Evidence", evidence_text(plan, gaps),
                "No target role with rated areas yet: evidence is kept against its important "
                "areas (steps 2 and 5)."),
        section("Scenarios", scenarios_text(plan, library),
                "No scenarios kept yet: step 2 keeps up to three destinations to compare."),
        section("Stepping stones", stepping_stones_text(plan, library),
                "Rate your skills in step 1 (with the O\\*NET data loaded) to see the "
                "occupations closest to you and paths to your target role."),
        section("Goals", _goals(plan, today, gaps, library),
                "No SMART goals yet: write them in step 4."),
        section("Action items", _actions(plan, today), "No action items yet: add them in step 4."),
        section("Budget", _budget(plan, today), "No budget set and no costs recorded this year."),
        section("Check-ins", _checkins(plan), "No check-ins yet: record them in step 5."),
        section("Milestones", _milestones(plan), "No milestones recorded yet."),
        section("Charts", "\n\n".join(f"### {chart.name}\n\n{code_block(chart.text)}"
                                      for chart in plan_charts(plan, today)),
                "Nothing to chart yet."),
    ]
    return "\n\n".join(sections) + "\n"


def _summary(plan: Plan, today: date) -> str:
    status = plan_status(plan, today)
    figures = status.budget
    return "## Summary\n\n" + bullets([
        ("Action items", f"{status.done} of {status.total} done "
         f"({status.done / status.total:.0%}), {status.overdue} overdue"
         if status.total else "none yet"),
        ("Next up", "; ".join(f"{escape(action.title)}, due {describe_due(action.due, today)}"
                              for action in status.next_actions[:NEXT_ITEMS]
                              if action.due is not None)),  # next_due gives dated items only
        ("Next review", describe_due(status.next_review, today)
         + (", due now" if status.review_due else "")),
        ("Budget", _budget_line(figures, plan.settings.currency)
         if figures.allocated or figures.planned or figures.spent else "none set"),
        ("Steps complete", ", ".join(f"{STEP_BY_MODE[mode].name} {share:.0%}"
                                     for mode, share in step_completion(plan, today).items())),
    ])


def _budget_line(figures: Budget, currency: str) -> str:
    return (f"{_money_text(figures.allocated, currency)} allocated for {figures.year}, "
            f"{_money_text(figures.planned, currency)} planned, "
            f"{_money_text(figures.spent, currency)} spent"
            + (f", over by {_money_text(-figures.remaining, currency)}" if figures.over else ""))


def _money_text(amount: float, currency: str) -> str:
    return escape(money(amount, currency))


def _profile(plan: Plan, library: RoleLibrary | None) -> str:
    profile = plan.profile
    role = escape(profile.current_role)
    if role and profile.organisation.strip():
        role += f" at {escape(profile.organisation)}"
    levels, zones = (library.education_levels, library.job_zones) if library else ({}, {})
    level, number = profile.education_level, profile.job_zone
    education = "" if level is None else escape(levels.get(level, f"O*NET category {level}"))
    zone = "" if number is None else (
        f"{number} ({zones[number].short})" if number in zones else str(number))
    return bullets([("Name", escape(profile.name)), ("Current role", role),
                    ("Education", education), ("Job zone", zone)])


def _assessment(plan: Plan, library: RoleLibrary | None) -> str:
    current = current_snapshot(plan.assessments)
    if current is None:
        return ""
    previous = previous_snapshot(plan.assessments)
    compared = f", compared with {previous.taken_on}" if previous else " (the first one)"
    lines = [f"Snapshot of {current.taken_on}{compared}; levels run from 0 to 7."]
    lines += _rating_tables(current, previous, library) or ["", "_No skill rated yet._"]
    lines += ["", "### Reflections", ""]
    lines += [f"**{label}.** {escape(getattr(current, field), BREAK)}\n"
              for field, label in REFLECTIONS if getattr(current, field).strip()] or [
        "_No reflections written yet._\n"]
    lines += ["### Past experience", ""] + ([_experience_line(experience) for experience in
                                             most_recent_first(current.experiences)]
                                            or ["_No past experience added yet._"])
    lines += ["", "### Interests and work values", "",
              interests_text(current, plan.destination, library)]
    lines += ["", "### Self and mentor", "", mentor_text(current)]
    return "\n".join(lines)


def _rating_tables(current: Assessment, previous: Assessment | None,
                   library: RoleLibrary | None) -> list[str]:
    """One table per domain (skills, knowledge, own skills) when the library names them."""
    changes = changes_since(current, previous)
    groups: dict[str, list[list[str]]] = {}
    for rating in current.ratings:
        row = [escape(rating.name, CELL), f"{rating.level:.1f}"]
        if previous is not None:
            row.append(change_label(rating.key, changes) or "=")
        groups.setdefault(_heading(rating.key, library), []).append(row)
    header = ["Area", "Level"] + (["Change"] if previous is not None else [])
    lines = []
    for heading, rows in groups.items():
        if heading:
            lines += ["", f"### {heading}"]
        lines += ["", table(header, rows, right=(1,))]
    return lines


def _heading(key: str, library: RoleLibrary | None) -> str:
    """The table a rating goes in: Skills, Knowledge or Own skills; one table without library."""
    if library is None or is_custom(key):
        return "Own skills" if library else ""
    try:
        return "Knowledge" if library.element(key).domain == "knowledge" else "Skills"
    except KeyError:
        return "Other areas"


def _experience_line(experience: Experience) -> str:
    where = f", {escape(experience.organisation)}" if experience.organisation.strip() else ""
    years = f" ({years_label(experience)})" if years_label(experience) else ""
    what = f": {escape(experience.highlights)}" if experience.highlights.strip() else ""
    return f"- **{escape(experience.role)}**{where}{years}{what}"


def _destination(plan: Plan, today: date) -> str:
    destination = plan.destination
    title, code = escape(destination.target_role_title), escape(destination.target_role_code)
    role = f"{title} ({code})" if title and code else title or code
    path = PATH_WORDS.get(destination.path, "")
    if path and destination.path_note.strip():
        path += f". {escape(destination.path_note)}"
    about = bullets([("Dream job", escape(destination.dream_job)), ("Target role", role),
                     ("Stay or move on", path)])
    rows = [[f"In {horizon_label(goal.horizon)}", escape(goal.statement, CELL) or NONE,
             describe_due(goal.target_date, today) if goal.target_date else "no date set"]
            for goal in sorted(destination.goals, key=lambda goal: goal.horizon)
            if goal.statement.strip() or goal.target_date]
    opportunities = escape(destination.opportunities, BREAK)
    if not about and not rows and not opportunities:
        return ""
    return "\n".join([
        about or "_Dream job, target role and path not chosen yet._", "",
        "### Where in 1, 3 and 5 years", "",
        table(["When", "Goal", "Target date"], rows) if rows else "_No goals set yet._",
    ] + (["", "### Opportunities in 5-10 years", "", opportunities] if opportunities else []))


def _gaps(code: str, occupation: Occupation | None, library: RoleLibrary | None,
          gaps: list[Gap]) -> str:
    if not code:
        return "_No target role yet: the gap table needs one (step 2)._"
    if library is None:
        return "_The gap table needs the O\\*NET occupation data, which was not loaded._"
    release = escape(library.release)
    if occupation is None:
        return f"_The target role {escape(code)} is not in the {release} occupation data._"
    if not occupation.requirements:
        return (f"_{release} has no skill ratings for {escape(occupation.title)} and no "
                "related rated occupation, so there is no gap table; choose another role in "
                "step 2._")
    open_gaps = [gap for gap in gaps if gap.gap > 0]
    rows = [[str(rank), escape(gap.name, CELL), gap.domain,
             shown_level(gap.current) if gap.rated else "not rated",
             ROUGH * gap.low_precision + shown_level(gap.required),
             f"{gap.gap:+.1f}", f"{gap.importance:.1f}", f"{gap.priority:.1f}"]
            for rank, gap in enumerate(open_gaps[:GAP_ROWS], 1)]
    lines = [f"Your levels (0-7) against what **{escape(occupation.title)}** need, highest "
             "priority (importance times gap) first.", ""]
    if occupation.borrowed_note:
        lines += [f"_{release} has no skill ratings for {escape(occupation.title)}: "
                  f"{escape(occupation.borrowed_note)}._", ""]
    if rows:
        lines += [table(["#", "Area", "Kind", "You", "Needed", "Gap", "Importance", "Priority"],
                        rows, right=(0, 3, 4, 5, 6, 7)), ""]
    if any(gap.low_precision for gap in open_gaps[:GAP_ROWS]):
        lines += [f"{ROUGH}: O\\*NET recommends suppressing this rating (low precision).", ""]
    hidden, unrated = len(open_gaps) - len(rows), sum(1 for gap in gaps if not gap.rated)
    notes = (f"{hidden} smaller gaps are not shown. " if hidden else "") + (
        f"{len(gaps) - len(open_gaps)} of {len(gaps)} areas are already at or above the level "
        "needed.") + (f" {unrated} areas not rated yet count as 0." if unrated else "")
    return "\n".join(lines + [notes, "", f"_{escape(library.attribution)}_"])


def _needs(plan: Plan, gaps: list[Gap], library: RoleLibrary | None) -> str:
    names = {gap.key: gap.name for gap in gaps}
    return table(["Kind", "Need", "Closes the gap in", "Notes"], [
        [need.kind.value.capitalize(), escape(need.title, CELL),
         escape(_gap_name(need.gap_key, names, library), CELL) or NONE,
         escape(need.notes, CELL) or NONE] for need in plan.needs]) if plan.needs else ""


def _gap_name(key: str | None, names: dict[str, str], library: RoleLibrary | None) -> str:
    """The name of the area a need or goal closes the gap in, known to the role or library."""
    if key is None:
        return ""
    if key in names or library is None:
        return names.get(key, key)
    try:
        return library.element(key).name
    except KeyError:
        return key


def _goals(plan: Plan, today: date, gaps: list[Gap], library: RoleLibrary | None) -> str:
    names = {gap.key: gap.name for gap in gaps}
    needs = {need.id: need.title for need in plan.needs}
    context = plan_context(plan, today, names if library is not None else None, names)
    blocks = []
    for number, goal in enumerate(plan.goals, 1):
        items = [action for action in plan.actions if action.goal_id == goal.id]
        badges = smart_check(goal, items, today, context)
        serves = [f"the gap in {escape(_gap_name(goal.gap_key, names, library))}"
                  if goal.gap_key else "",
                  f"the need “{escape(needs.get(goal.need_id, 'a deleted need'))}”"
                  if goal.need_id else "",
                  f"the {goal.destination_horizon}-year destination goal"
                  if goal.destination_horizon is not None else ""]
        smart = " ".join(f"{badge.letter} {'✓' if badge.ok else '✗'}" for badge in badges)
        # The reasons of failing letters nest under the SMART line.
        reasons = [f"\n  - {badge.letter}: {escape(badge.reason)}" for badge in badges
                   if not badge.ok]
        blocks.append(f"### {number}. {escape(goal.statement)}\n\n" + bullets([
            ("Status", f"achieved on {goal.done_on}" if goal.status is GoalStatus.DONE
             and goal.done_on else goal.status.value),
            ("SMART", smart + "".join(reasons)),
            ("Deadline", (describe_due(goal.deadline, today) if goal.deadline else "not set")
             + f"; a {goal.horizon}-year goal"),
            ("Measure", _measure(goal)),
            ("Pace", goal_pace(goal, items, today).text()
             if goal.status is GoalStatus.ACTIVE else ""),
            ("Serves", ", ".join(part for part in serves if part)),
            ("Achievable because", escape(goal.achievable)),
            ("Realistic because", escape(goal.realistic)),
        ]))
    return "\n\n".join(blocks)


def _measure(goal: Goal) -> str:
    measure = goal.measure
    if measure.target is None:
        return escape(measure.metric)
    unit = f" {escape(measure.unit)}" if measure.unit.strip() else ""
    if measure.current is None:
        return f"{escape(measure.metric) or 'target'}: target {measure.target:g}{unit}"
    share = measure_share(measure.current, measure.target, measure.start or 0.0)
    shown = "" if share is None else f" ({share:.0%})"
    begun = "" if measure.start is None else f", from {measure.start:g}"
    return (f"{escape(measure.metric) or 'current'}: {measure.current:g} of "
            f"{measure.target:g}{unit}{begun}{shown}")


def _actions(plan: Plan, today: date) -> str:
    groups: dict[str | None, tuple[str, list[Action]]] = {
        goal.id: (escape(goal.statement), []) for goal in plan.goals}
    loose: tuple[str, list[Action]] = ("Not linked to a goal", [])
    for action in plan.actions:
        groups.get(action.goal_id, loose)[1].append(action)
    groups[None] = loose
    currency = plan.settings.currency
    return "\n\n".join(
        f"### {title}\n\n" + table(
            ["Status", "Item", "Kind", "Due", "Done on", "Cost", "Repeats"],
            [[STATUS_WORDS[bucket(action, today)], escape(action.title, CELL),
              KIND_LABELS[action.kind], str(action.due or NONE), str(action.done_on or NONE),
              _money_text(action.cost, currency) if action.cost else NONE,
              escape(describe_recurrence(action.recurrence), CELL)
              if action.recurrence else NONE]
             for action in progress_order(items, today)], right=(5,))
        for title, items in groups.values() if items)


def _budget(plan: Plan, today: date) -> str:
    years = budgets_ahead(plan.actions, plan.settings, plan.goals, today.year)
    figures = years[0]
    if not (figures.allocated or figures.planned or figures.spent or len(years) > 1):
        return ""
    rows = [[str(year.year), *(_money_text(amount, plan.settings.currency) for amount in (
        year.allocated, year.planned, year.spent, year.remaining))] for year in years]
    return (table(["Year", "Allocated", "Planned", "Spent", "Remaining"], rows,
                  right=(1, 2, 3, 4))
            + "\n\nPlanned counts the open items due that year, each date of a repeating item "
            "in its own year up to its goal's deadline, and undated items this year; spent "
            "counts items done this year." + ("\n\n**Over budget.**" if figures.over else ""))


def _checkins(plan: Plan) -> str:
    lines = []
    for checkin in sorted(plan.checkins, key=lambda checkin: checkin.on, reverse=True):
        lines += [f"### {checkin.on} · {CHECKIN_LABELS[checkin.kind]}", ""]
        if checkin.confidence in range(CONFIDENCE_MIN, CONFIDENCE_MAX + 1):
            lines += [f"Confidence {checkin.confidence} of 5 "
                      f"({confidence_label(checkin.confidence)})", ""]
        lines += [escape(checkin.notes, BREAK) or "_No notes._", ""]
        if checkin.next_steps.strip():
            lines += [f"**Next steps:** {escape(checkin.next_steps, BREAK)}", ""]
    return "\n".join(lines).strip()


def _milestones(plan: Plan) -> str:
    rows = [[str(milestone.on), MILESTONE_LABELS[milestone.kind],
             escape(milestone.title, CELL), escape(milestone.notes, CELL) or NONE]
            for milestone in sorted(plan.milestones, key=lambda m: m.on, reverse=True)]
    return table(["Date", "Kind", "Milestone", "Notes"], rows) if rows else ""
