"""`python -m tests.browser.screenshot [PNG]`: the demo plan in `careertui serve`, as headless
Chromium shows it (default: screenshots/browser.png)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.browser.serving import REPO, Served, demo_plan_file
from tests.browser.terminal import chromium, missing_browser, open_app, wait_for_text


def main(argv: list[str]) -> int:
    reason = missing_browser()
    if reason:
        print(f"tests.browser.screenshot: {reason}", file=sys.stderr)
        return 2
    target = Path(argv[0]) if argv else REPO / "screenshots" / "browser.png"
    with tempfile.TemporaryDirectory(prefix="careertui-screenshot-") as folder:
        root = Path(folder)
        served = Served(demo_plan_file(root, empty_field=False), root / "home")
        try:
            with chromium(root / "profile") as browser:
                page = open_app(browser, served.wait_for_url())
                wait_for_text(page, "0 Overview", "Next up")
                page.wait_for_timeout(1500)  # the charts settle, the page fades in
                page.screenshot(path=str(target))
        finally:
            served.kill()
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
