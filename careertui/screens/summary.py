"""Plain-text summaries of plan data, shared by the step screens until they get full editors."""

from __future__ import annotations

from datetime import date

from textual.markup import escape

from careertui.model.plan import Action, Assessment, Destination, Goal, Plan


def format_date(day: date | None) -> str:
    return day.isoformat() if day else "—"


def assessment_summary(assessment: Assessment | None) -> str:
    if assessment is None:
        return "No self-assessment yet."
    lines = [f"[b]Snapshot of {format_date(assessment.taken_on)}[/b]", ""]
    width = max((len(r.name) for r in assessment.ratings), default=0)
    for rating in sorted(assessment.ratings, key=lambda r: -r.level):
        bar = "█" * round(rating.level * 2)
        lines.append(f"{escape(rating.name):<{width}}  {rating.level:3.1f}  {bar}")
    for label, text in (
        ("Strengths", assessment.strengths),
        ("I excel at", assessment.excel_at),
        ("I struggle with", assessment.struggle_with),
        ("Motivates me", assessment.motivators),
    ):
        if text:
            lines += ["", f"[b]{label}[/b]  {escape(text)}"]
    if assessment.experiences:
        lines += ["", "[b]Past experience[/b]"]
        for exp in assessment.experiences:
            years = f"{exp.start_year or '?'}–{exp.end_year or 'now'}"
            lines.append(f"  {escape(exp.role)}, {escape(exp.organisation)} ({years})  "
                         f"{escape(exp.highlights)}")
    return "\n".join(lines)


def destination_summary(destination: Destination) -> str:
    lines = []
    if destination.dream_job:
        lines += [f"[b]Dream job[/b]  {escape(destination.dream_job)}", ""]
    if destination.target_role_title:
        lines += [f"[b]Target role[/b]  {escape(destination.target_role_title)} "
                  f"({destination.target_role_code})", ""]
    lines.append(f"[b]Path[/b]  {destination.path.value}  {escape(destination.path_note)}".rstrip())
    for goal in destination.goals:
        when = f" (by {format_date(goal.target_date)})" if goal.target_date else ""
        lines.append(f"[b]In {goal.horizon} year{'s' if goal.horizon > 1 else ''}[/b]  "
                     f"{escape(goal.statement) or '—'}{when}")
    if destination.opportunities:
        lines += ["", f"[b]Opportunities in 5–10 years[/b]  {escape(destination.opportunities)}"]
    return "\n".join(lines)


def goals_summary(goals: list[Goal], actions: list[Action]) -> str:
    if not goals and not actions:
        return "No goals or action items yet."
    lines = []
    for goal in goals:
        lines.append(f"[b]{escape(goal.statement)}[/b]  (deadline {format_date(goal.deadline)}, "
                     f"{goal.horizon}-year goal)")
        for action in actions:
            if action.goal_id == goal.id:
                lines.append(f"  {action_line(action)}")
        lines.append("")
    loose = [a for a in actions if a.goal_id not in {g.id for g in goals}]
    if loose:
        lines.append("[b]Other actions[/b]")
        lines += [f"  {action_line(a)}" for a in loose]
    return "\n".join(lines).rstrip()


def action_line(action: Action) -> str:
    box = "☑" if action.done else "☐"
    return f"{box} {escape(action.title)}  [dim]due {format_date(action.due)}[/dim]"


def plan_counts(plan: Plan) -> dict[str, int]:
    done = sum(1 for a in plan.actions if a.done)
    return {
        "actions": len(plan.actions),
        "done": done,
        "goals": len(plan.goals),
        "checkins": len(plan.checkins),
        "milestones": len(plan.milestones),
    }
