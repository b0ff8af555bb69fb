"""The chosen target role: what O*NET says about it, and rated alternatives when it is unrated."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static

from careertui.roles import Occupation, RoleLibrary
from careertui.screens.destination.role_search import LOADING, RolePicked, occupation_option


def unrated_message(library: RoleLibrary, occupation: Occupation) -> str:
    return (f"{library.release} has no skill ratings for {occupation.title}; "
            "the gap analysis needs them.")


def role_heading(title: str, code: str) -> Content:
    return Content.assemble((title, "bold"), (f"  {code}", "dim"))


def role_facts(library: RoleLibrary, occupation: Occupation) -> Content:
    """Job zone, typical education, hot technologies and the description."""
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
    lines += [Content(""), Content(occupation.description)]
    return Content("\n").join(lines)


class RoleDetails(Vertical):
    """Shows the target role; for an unrated one, says so and lists the closest rated ones."""

    DEFAULT_CSS = """
    RoleDetails { height: auto; }
    RoleDetails > .role-unrated { color: $warning; display: none; }
    RoleDetails > #role-closest { height: auto; max-height: 9; display: none; }
    RoleDetails.-unrated > .role-unrated { display: block; }
    RoleDetails.-offers-closest > #role-closest { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._library: RoleLibrary | None = None

    def compose(self) -> ComposeResult:
        yield Static(classes="role-heading")
        yield Static(classes="role-unrated")
        yield OptionList(id="role-closest")
        yield Static(classes="role-facts")

    def show(self, library: RoleLibrary | None, code: str, title: str) -> None:
        """Show the role `code` (titled `title` in the plan); library None while it loads."""
        occupation = library.occupation(code) if library and code else None
        unrated = library is not None and occupation is not None and not occupation.rated
        closest = library.closest_rated(code) if library and unrated else []
        self.set_class(unrated, "-unrated")
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
        if library is not None and occupation is not None and unrated:
            offer = ("Closest rated occupations (enter picks one):" if closest
                     else "No rated occupation of the same family; search for another role.")
            self.query_one(".role-unrated", Static).update(Content.assemble(
                ("⚠ ", "bold"), unrated_message(library, occupation), (f"\n{offer}", "dim")))
        options = self.query_one("#role-closest", OptionList)
        options.set_options(occupation_option(other) for other in closest)
        if closest:
            options.highlighted = 0
        self.set_class(bool(closest), "-offers-closest")
        self._library = library

    @property
    def offers_closest(self) -> bool:
        return self.has_class("-offers-closest")

    def focus_closest(self) -> None:
        # After the next refresh, so the list is laid out and focusing scrolls it into view.
        self.call_after_refresh(self.query_one("#role-closest", OptionList).focus)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        code = event.option.id
        occupation = self._library.occupation(code) if self._library and code else None
        if occupation is not None:
            self.post_message(RolePicked(occupation))
