"""The `?` screen: every key that works right now, and what it does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from careertui.roles import load_library


def onet_notice() -> str:
    """The CC BY 4.0 attribution the O*NET data requires, and what careertui changed."""
    return (
        f"Occupation data: {load_library().attribution} The conversion: careertui ships a "
        "compact extract of the occupations, their alternate and reported titles, main tasks, "
        "skill and knowledge ratings, typical education, job zones and hot technologies, "
        "built by careertui.roles.build from the O*NET text files. For an occupation O*NET "
        "has not rated, careertui averages the ratings of up to three related rated "
        "occupations (O*NET's Related Occupations, primary tier) and says so."
    )


DATES_HELP = (
    "Due dates, deadlines and target dates take a date (2027-03-31) or words: today, "
    "tomorrow, this/next friday, march 3, the 15th, in 3 weeks, in 1.5 months, in a "
    "fortnight, in 10 business days, end of quarter, Q3 2027, H1, 2028, mid march, "
    "start of next year, first monday of next month, last day of february — a period alone "
    "means its last day, and without a year the next one that has not ended. Repeats take "
    "weekly, every other week, every weekday, every monday and friday, monthly, monthly on "
    "the last day, first monday of every month, twice a month, quarterly, every six months "
    "or yearly."
)
SMART_HELP = (
    "Each goal gets five badges; the side panel and the goal dialog say why a letter fails.\n"
    "S  specific: four or more English words naming a result; no filler (stuff, things),\n"
    "   no vague wording (better, improve, work on, leverage) without a number that\n"
    "   measures, no number that counts nothing, no other language\n"
    "M  measurable: a metric and a target that moves from the start (Aim: higher or lower)\n"
    "A  achievable: action items; at most 1.5 skill levels a year; open costs within the\n"
    "   year's budget and open hours within the hours a week you set (b)\n"
    "R  relevant: it serves a gap, a need or a destination goal that still exists\n"
    "T  time-bound: a deadline that has not passed, within the goal's horizon, with no open\n"
    "   item due after it"
)


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the screen it was opened from, global keys included."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close help"),
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static("Keys", classes="step-title")
            table: DataTable[str] = DataTable(cursor_type="none", zebra_stripes=True,
                                              id="help-keys")
            table.add_columns("Key", "What it does")
            for key, description in self._keys:
                table.add_row(key, description)
            yield table
            yield Static("Dates you can type", classes="help-heading")
            yield Static(DATES_HELP, id="help-dates", markup=False)
            yield Static("The SMART check", classes="help-heading")
            yield Static(SMART_HELP, id="help-smart", markup=False)
            yield Static("Press escape or ? to close.", classes="step-purpose")
            yield Static(onet_notice(), id="help-attribution", markup=False)
