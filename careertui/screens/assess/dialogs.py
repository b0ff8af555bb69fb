"""The forms of step 1: a skill of your own and a past work experience."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from careertui.model.assessment import check_year_order
from careertui.model.plan import Experience
from careertui.model.validation import Invalid, required_text, year
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import Field
from careertui.widgets.level_dialog import level_field


def custom_skill_dialog(
    taken_names: Collection[str], name: str = "", level: float | None = None
) -> FormDialog:
    """Add or rename one of your own skills; names already in the table are refused."""
    taken = {n.casefold() for n in taken_names} - {name.casefold()}

    def check_name(text: str) -> str:
        cleaned = required_text(text, "The skill name")
        if cleaned.casefold() in taken:
            raise Invalid(f"There is already a skill called {cleaned!r}.")
        return cleaned

    title = "Edit your skill" if name else "Add a skill of your own"
    return FormDialog(title, [
        Field("Skill", name, check=check_name, placeholder="e.g. Public speaking", id="name"),
        level_field(level),
    ])


def experience_dialog(today: date, experience: Experience | None = None) -> FormDialog:
    """Add or edit a past role; the end year may not come before the start year."""
    old = experience or Experience("")

    def year_text(value: int | None) -> str:
        return "" if value is None else str(value)

    def check_start(text: str) -> int | None:
        return year(text, today)

    def check_end(text: str) -> int | None:
        try:
            start_year = year(start.text, today)
        except Invalid:
            start_year = None  # the start field shows its own reason
        return check_year_order(start_year, year(text, today))

    start = Field("Start year", year_text(old.start_year), check=check_start,
                  placeholder="e.g. 2019", id="start_year")
    title = "Edit experience" if experience else "Add a past work experience"
    return FormDialog(title, [
        Field("Role", old.role, check=lambda text: required_text(text, "The role"), id="role"),
        Field("Organisation", old.organisation, check=str.strip, id="organisation"),
        start,
        Field("End year", year_text(old.end_year), check=check_end,
              placeholder="empty if you are still there", id="end_year"),
        Field("Highlights", old.highlights, check=str.strip, multiline=True, id="highlights"),
    ])

