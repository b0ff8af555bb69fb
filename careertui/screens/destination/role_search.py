"""Search the O*NET occupations as you type; up/down move through the matches, enter picks one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from careertui.model.validation import without_controls
from careertui.roles import Occupation, RoleLibrary

LOADING = "Loading the O*NET occupations…"
UNRATED_MARK = "no ratings"
BORROWED_MARK = "borrowed ratings"
# Longer than any job title; a pasted page would make each keystroke search for seconds.
LONGEST_QUERY = 80


def occupation_option(occupation: Occupation, matched: str | None = None) -> Option:
    """An option showing the title that matched ("RN → Registered Nurses"), the code, and a
    marker when O*NET has no ratings for it (borrowed ones, or none)."""
    parts: list[str | tuple[str, str]] = [(f"{matched} → ", "italic")] if matched else []
    parts += [occupation.title, (f"  {occupation.code}", "dim")]
    if occupation.borrowed_from:
        parts.append((f"  ◌ {BORROWED_MARK}", "italic $text-muted"))
    elif not occupation.rated:
        parts.append((f"  ◌ {UNRATED_MARK}", "italic $warning"))
    return Option(Content.assemble(*parts), id=occupation.code)


class RolePicked(Message):
    """An occupation was chosen from a list of occupations."""

    def __init__(self, occupation: Occupation) -> None:
        super().__init__()
        self.occupation = occupation


class RoleSearch(Vertical):
    """An Input and the occupations matching it; posts RolePicked when one is chosen."""

    DEFAULT_CSS = """
    RoleSearch { height: auto; margin-bottom: 1; }
    RoleSearch > .role-search-label { color: $text-muted; }
    RoleSearch > #role-matches { height: auto; max-height: 8; display: none; }
    RoleSearch.-has-matches > #role-matches { display: block; }
    RoleSearch > .role-search-status { color: $text-muted; }
    """
    BINDINGS = [
        Binding("down", "move_highlight(1)", "Next match", show=False),
        Binding("up", "move_highlight(-1)", "Previous match", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library: RoleLibrary | None = None
        self.chosen = ""  # the title of the role chosen, shown in the box until it is changed

    def compose(self) -> ComposeResult:
        yield Static("Target role (O*NET occupation)", classes="role-search-label")
        yield Input(placeholder="Type a job title, e.g. nurse, analyst", id="role-query")
        yield Static(LOADING, classes="role-search-status")
        yield OptionList(id="role-matches")

    @property
    def query_text(self) -> str:
        return self.query_one("#role-query", Input).value

    @property
    def query_box(self) -> Input:
        return self.query_one("#role-query", Input)

    def focus_query(self) -> None:
        self.query_box.focus()

    def set_library(self, library: RoleLibrary) -> None:
        """Search works from now on; matches for what was typed while loading appear at once."""
        self.library = library
        self._search()

    def show_failure(self, message: str) -> None:
        self._status(message)

    def show_chosen(self, title: str, *, over_query: bool = False) -> None:
        """Show the chosen role's title in the box (selected: typing replaces it) and no
        matches. A search being typed stays, unless `over_query` (the role was just picked)."""
        box = self.query_box
        if over_query or box.value.strip() in ("", self.chosen):
            with self.prevent(Input.Changed):
                box.value = title
            box.select_all()
        self.chosen = title
        self._search()

    def _search(self) -> None:
        if self.library is None:
            self._status(LOADING)
            return
        text = self.query_text.strip()[:LONGEST_QUERY]
        if self.chosen and text == self.chosen:
            self.set_class(False, "-has-matches")
            self._status("Your target role. Type over it to search for another.")
            return
        matches = self.library.find(text) if text else []
        options = self.query_one("#role-matches", OptionList)
        options.set_options(occupation_option(m.occupation, m.title) for m in matches)
        if matches:
            options.highlighted = 0
        self.set_class(bool(matches), "-has-matches")
        if not text:
            self._status(f"Type to search {len(self.library.occupations)} occupations.")
        elif matches:
            fixed = "Typo corrected. " if matches[0].typo else ""
            self._status(f"{fixed}↑↓ choose a match, enter picks it.")
        else:
            self._status(f"No occupation matches {text!r}.")

    def _status(self, text: str) -> None:
        self.query_one(".role-search-status", Static).update(Content(text))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        shown = without_controls(event.value, multiline=False)[0]
        if shown != event.value:  # a pasted escape sequence would reach the terminal
            with self.prevent(Input.Changed):
                event.input.value = shown
        self._search()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._pick(self.query_one("#role-matches", OptionList).highlighted_option)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option)

    def action_move_highlight(self, step: int) -> None:
        options = self.query_one("#role-matches", OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def _pick(self, option: Option | None) -> None:
        if option is None or self.library is None or option.id is None:
            return
        occupation = self.library.occupation(option.id)
        if occupation is not None:
            self.post_message(RolePicked(occupation))
