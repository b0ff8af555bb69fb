"""The interest check of Assess: thirty quick questions answered with one key each, and the
summary of your RIASEC interests and work values it gives."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from careertui.model.dates import ShowDate
from careertui.model.interests import ACTIVITY_ANSWERS, VALUE_ANSWERS, ranked, scores
from careertui.model.plan import Assessment
from careertui.roles.interest_data import InterestData, Question

HINT = "Press i to take the interest check (30 questions, about three minutes)."


def _legend(question: Question) -> str:
    answers = VALUE_ANSWERS if question.is_value else ACTIVITY_ANSWERS
    keys = "   ".join(f"[b]{key}[/b] {words}" for key, words in answers.items())
    return f"{keys}\n\n[dim]backspace the question before · escape stop, keeping nothing[/dim]"


class InterestCheckDialog(ModalScreen[dict[str, int] | None]):
    """One question at a time: 1-5 answers it, backspace goes back one, escape stops without
    keeping anything. Dismissed with item -> answer once every question is answered."""

    DEFAULT_CSS = """
    InterestCheckDialog { align: center middle; }
    InterestCheckDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 1 2;
    }
    InterestCheckDialog #interest-progress { color: $text-muted; }
    InterestCheckDialog #interest-question { text-style: bold; margin: 1 0; }
    """
    BINDINGS = [
        *(Binding(str(key), f"answer({key})", words, show=False)
          for key, words in ACTIVITY_ANSWERS.items()),
        Binding("backspace", "back", "Previous question"),
        Binding("escape", "stop", "Stop (nothing is kept)"),
    ]

    def __init__(self, data: InterestData) -> None:
        super().__init__()
        self._questions = data.questions
        self._answers: dict[str, int] = {}
        self._at = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="interest-progress")
            yield Static(id="interest-question", markup=False)
            yield Static(id="interest-legend")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        question = self._questions[self._at]
        kind = ("How much does this matter to you in a job?" if question.is_value
                else "Would you enjoy this?")
        self.query_one("#interest-progress", Static).update(
            f"Question {self._at + 1} of {len(self._questions)} · {kind}")
        text = f"{question.facet.name}: {question.text}" if question.is_value else question.text
        self.query_one("#interest-question", Static).update(text)
        self.query_one("#interest-legend", Static).update(_legend(question))

    def action_answer(self, answer: int) -> None:
        self._answers[self._questions[self._at].item] = answer
        if self._at + 1 == len(self._questions):
            self.dismiss(dict(self._answers))
            return
        self._at += 1
        self._show()

    def action_back(self) -> None:
        if self._at > 0:
            self._at -= 1
            self._show()

    def action_stop(self) -> None:
        self.dismiss(None)


def interest_summary(data: InterestData | None, snapshot: Assessment | None,
                     show_date: ShowDate = date.isoformat) -> str:
    """Your interest types and top work values from the snapshot's check (markup), or how to
    take it."""
    check = snapshot.interest_check if snapshot else None
    if data is None or check is None or not check.answers:
        return HINT
    yours = scores(check)
    types = ranked({t.id: yours[t.id] for t in data.types if t.id in yours}, data.names)
    values = ranked({v.id: yours[v.id] for v in data.values if v.id in yours}, data.names)
    shown = " · ".join(f"{name} {score:.1f}" for name, score in types)
    top = ", ".join(name for name, _ in values[:3])
    checked = show_date(check.taken_on) if check.taken_on else "no date"
    return (f"Interests (1-7): {shown}\nTop work values: {top or 'not answered'}  "
            f"[dim](checked {checked}; i takes it again)[/dim]")
