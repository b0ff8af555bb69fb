"""Another program changed the plan file: say so, show what is not saved, reload or keep mine."""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from careertui.store.errors import OutsideChangeError

Choice = Literal["reload", "keep"]
Changes = list[tuple[str, list[tuple[str, str]]]]


def changes_text(changes: Changes) -> Text:
    """The changes not saved, one per line, each changed field and its value under it."""
    text = Text()
    for what, fields in changes:
        text.append(f"• {what}\n", style="bold")
        for name, value in fields:
            text.append(f"    {name}: ", style="dim")
            text.append(f"{value}\n")
    return text


class OutsideChangeDialog(ModalScreen[Choice | None]):
    """r reloads the other program's version, k keeps this one (the other saved beside it);
    escape decides later: nothing is written until then."""

    DEFAULT_CSS = """
    OutsideChangeDialog { align: center middle; }
    OutsideChangeDialog > VerticalScroll {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: round $warning; background: $surface; padding: 1 2;
    }
    OutsideChangeDialog .dialog-title { text-style: bold; color: $warning; margin-bottom: 1; }
    OutsideChangeDialog .unsaved { margin: 1 0; }
    OutsideChangeDialog .choices { color: $text-muted; }
    OutsideChangeDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    OutsideChangeDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("r", "choose('reload')", "Reload theirs"),
        Binding("k", "choose('keep')", "Keep mine"),
        Binding("escape", "choose(None)", "Decide later"),
    ]

    def __init__(self, change: OutsideChangeError, unsaved: Changes) -> None:
        super().__init__()
        self._change = change
        self._unsaved = unsaved

    def compose(self) -> ComposeResult:
        path, what = self._change.path, "removed" if self._change.removed else "changed"
        with VerticalScroll(can_focus=False):
            yield Static(f"Another program {what} your plan", classes="dialog-title")
            yield Static(Text(f"{path} was {what} by another program (a sync tool or an "
                              "editor?) while careertui had it open. careertui did not write "
                              "over it."))
            if self._unsaved:
                yield Static(Text("Not saved yet — shown here so nothing is lost:\n")
                             + changes_text(self._unsaved), classes="unsaved")
            reload = ("r  Reload: show the plan as the other program left it"
                      + ("; what is listed above is not saved (do it again if you still want "
                         "it)." if self._unsaved else "."))
            if self._change.removed:
                reload = "r  Reload: not possible, the file is gone."
            yield Static(Text(
                f"{reload}\nk  Keep mine: save this plan over it"
                + ("" if self._change.removed else
                   "; the other version is kept beside it first")
                + ".\nescape  Decide later: nothing is written until you do."),
                classes="choices")
            with Horizontal():
                yield Button("Reload theirs (r)", id="reload", disabled=self._change.removed)
                yield Button("Keep mine (k)", variant="warning", id="keep")

    def on_mount(self) -> None:
        self.query_one("#keep" if self._change.removed else "#reload", Button).focus()

    @on(Button.Pressed, "#reload")
    def _reload(self) -> None:
        self.dismiss("reload")

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self.dismiss("keep")

    def action_choose(self, choice: Choice | None) -> None:
        if choice == "reload" and self._change.removed:
            return
        self.dismiss(choice)
