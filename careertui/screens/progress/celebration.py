"""A short, non-blocking celebration: a sparkling banner over the screen that goes by itself."""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

SPARKLES = "✦ · ✧ · ★ · ✧ · "
FRAME_SECONDS = 0.12
FRAMES = 10
SHOWN_SECONDS = 2.4


class Celebration(Static):
    """Hidden until `celebrate()`; then sparkles for about a second and fades after ~2 s."""

    DEFAULT_CSS = """
    Celebration {
        display: none;
        overlay: screen;
        position: absolute;
        offset: 28 12;
        width: 64;
        height: auto;
        padding: 0 2;
        border: double $success;
        background: $success 25%;
        text-align: center;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.headline = ""
        self.detail = ""
        self._frame = 0
        self._celebration_timers: list[Timer] = []

    def celebrate(self, headline: str, detail: str) -> None:
        """Show `headline` and `detail` (plain text) with a sparkle that moves a few times."""
        for timer in self._celebration_timers:
            timer.stop()
        self.headline, self.detail, self._frame = headline, detail, 0
        self.styles.opacity = 1.0
        self.display = True
        self._draw()
        self._celebration_timers = [
            self.set_interval(FRAME_SECONDS, self._sparkle, repeat=FRAMES),
            self.set_timer(SHOWN_SECONDS, self._fade),
        ]

    def _sparkle(self) -> None:
        self._frame += 1
        self._draw()

    def _draw(self) -> None:
        width = 58
        shift = self._frame % len(SPARKLES)
        line = (SPARKLES * (width // len(SPARKLES) + 2))[shift: shift + width]
        self.update(Content.assemble(
            (line, "$warning"), "\n",
            (self.headline, "bold"), "\n",
            self.detail, "\n",
            (line[::-1], "$warning"),
        ))

    def _fade(self) -> None:
        self.styles.animate("opacity", 0.0, duration=0.4, on_complete=self._hide)

    def _hide(self) -> None:
        self.display = False
