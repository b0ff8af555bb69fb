"""Debian's Chromium, driven headless by Playwright (no browser download), and the text of
the terminal textual-serve draws in the page."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Known to work on a closed network, as root: no sandbox, no GPU, nothing fetched at start.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}

# xterm.js draws on a canvas, so the page has no text to read. The test's copy of the page
# script keeps its terminal where the test can read the buffer (what the canvas shows).
TERMINAL_OPENED = "this.terminal.open(e)"
TERMINAL_KEPT = TERMINAL_OPENED + ",window.careertuiTerminal=this.terminal"

SCREEN_TEXT = """() => {
    const terminal = window.careertuiTerminal;
    if (!terminal) return "";
    const buffer = terminal.buffer.active, lines = [];
    for (let row = 0; row < terminal.rows; row++) {
        const line = buffer.getLine(buffer.viewportY + row);
        lines.push(line ? line.translateToString(true) : "");
    }
    return lines.join("\\n");
}"""


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (make test-browser installs it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    return None


@contextmanager
def chromium(profile: Path) -> Iterator[object]:
    """A headless Chromium with a fresh profile in `profile`: a Playwright BrowserContext."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport=VIEWPORT,  # type: ignore[arg-type]
        )
        try:
            yield context
        finally:
            context.close()


def keep_terminal(route) -> None:
    """A route handler for textual-serve's page script: the script, with its terminal kept."""
    response = route.fetch()
    script = response.text()
    assert script.count(TERMINAL_OPENED) == 1, "textual-serve's page script has changed"
    route.fulfill(response=response, body=script.replace(TERMINAL_OPENED, TERMINAL_KEPT))


def open_app(context, url: str, timeout: float = 20_000):
    """A new page on `url`, once the terminal in it shows something; keys go to it."""
    page = context.new_page()
    page.route("**/static/js/textual.js", keep_terminal)
    page.goto(url)
    page.wait_for_function(f"() => ({SCREEN_TEXT})().trim().length > 0", timeout=timeout)
    page.locator(".xterm-helper-textarea").focus()
    return page


def screen_text(page) -> str:
    return page.evaluate(SCREEN_TEXT)


# The screen as words: lines joined, box sides and runs of spaces as one space, so a text
# wrapped in a box is found as it was written.
SCREEN_WORDS = f"() => ({SCREEN_TEXT})().replace(/[│┃▊▎]/g, ' ').replace(/\\s+/g, ' ')"


def wait_for_text(page, *texts: str, timeout: float = 15_000) -> str:
    """The screen once it shows every one of `texts`, each of them on a line or wrapped over
    lines (an AssertionError with the screen otherwise)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    check = (f"(texts) => {{ const s = ({SCREEN_WORDS})(); "
             "return texts.every(t => s.includes(t)); }")
    try:
        page.wait_for_function(check, arg=list(texts), timeout=timeout)
    except PlaywrightTimeout:
        raise AssertionError(f"{texts} not on the screen:\n{screen_text(page)}") from None
    return screen_text(page)
