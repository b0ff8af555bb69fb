"""The chosen target role: what O*NET says about it, its main tasks, and whose ratings it uses."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from careertui.roles import Occupation, RoleLibrary
from careertui.screens.destination.role_search import LOADING


def unrated_message(library: RoleLibrary, occupation: Occupation) -> Content:
    """What the gap analysis uses for an occupation O*NET has not rated, if anything."""
    unrated = f"{library.release} has no skill ratings for {occupation.title}"
    note = occupation.borrowed_note
    if note:
        return Content.assemble(("ⓘ ", "bold"), f"{unrated}; the gap analysis uses {note}.")
    return Content.assemble(("⚠ ", "bold"), f"{unrated} and no related rated occupation; "
                            "the gap analysis needs them, so search for another role.")


def role_heading(title: str, code: str) -> Content:
    return Content.assemble((title, "bold"), (f"  {code}", "dim"))


def role_facts(library: RoleLibrary, occupation: Occupation) -> Content:
    """Job zone, typical education, hot technologies, main tasks and the description."""
    zone = library.job_zones.get(occupation.job_zone) if occupation.job_zone else None
    education = library.education_levels.get(occupation.education_level or 0)
    lines = [
        Content.assemble(("Job zone  ", "dim"),
                         f"{zone.zone} · {zone.short}" if zone else "not rated by O*NET"),
        Content.assemble(("Typical education  ", "dim"), education or "not rated by O*NET"),
    ]
    if occupation.hot_technologies:
        lines.append(Content.assemble(("Hot technologies  ", "dim"),
                                      ", ".join(occupation.hot_technologies)))
    if occupation.tasks:
        lines.append(Content.styled("Main tasks", "dim"))
        lines += [Content(f"• {task}") for task in occupation.tasks]
    lines += [Content(""), Content(occupation.description)]
    return Content("\n").join(lines)


def fit_line(library: RoleLibrary, occupation: Occupation,
             your_interests: Mapping[str, float]) -> Content:
    """How the role fits your interests and work values, or how to find out."""
    if library.interests is None:
        return Content("")
    if not your_interests:
        return Content("Fit with your interests: take the interest check in step 1 (i).")
    words = library.interests.fit_words(occupation.code, your_interests)
    return Content(f"Fit: {words}" if words else
                   f"{library.release} has no interest scores for {occupation.title}.")


class RoleDetails(Vertical):
    """Shows the target role; for an unrated one, whose ratings the gap analysis borrows."""

    DEFAULT_CSS = """
    RoleDetails { height: auto; }
    RoleDetails > .role-unrated { color: $warning; display: none; }
    RoleDetails > .role-fit { color: $text-muted; }
    RoleDetails.-borrowed > .role-unrated { color: $text-muted; }
    RoleDetails.-unrated > .role-unrated { display: block; }
    """

    def compose(self) -> ComposeResult:
        yield Static(classes="role-heading")
        yield Static(classes="role-unrated")
        yield Static(classes="role-fit")
        yield Static(classes="role-facts")

    def show(self, library: RoleLibrary | None, code: str, title: str,
             your_interests: Mapping[str, float]) -> None:
        """Show the role `code` (titled `title` in the plan), with how it fits your interest
        scores; library None while it loads."""
        occupation = library.occupation(code) if library and code else None
        unrated = library is not None and occupation is not None and not occupation.rated
        self.set_class(unrated, "-unrated")
        self.set_class(bool(occupation and occupation.borrowed_from), "-borrowed")
        heading = role_heading(title, code) if code else Content(
            "No target role yet: type a job title in the Target role search.")
        self.query_one(".role-heading", Static).update(heading)
        facts = self.query_one(".role-facts", Static)
        if not code:
            facts.update("")
        elif library is None:
            facts.update(LOADING)
        elif occupation is None:
            facts.update(Content(f"{code} is not in {library.release}; "
                                 "search for the closest occupation."))
        else:
            facts.update(role_facts(library, occupation))
        self.query_one(".role-fit", Static).update(
            fit_line(library, occupation, your_interests) if occupation and library else "")
        if library is not None and occupation is not None and unrated:
            self.query_one(".role-unrated", Static).update(unrated_message(library, occupation))
