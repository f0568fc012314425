"""Check that built docs pages fit a 1280 px wide window: no horizontal scroll bar.

Usage::

    python tools/check_docs_width.py docs/_build/html [PAGE ...] [--screenshots DIR]

(default pages: ``index.html`` and ``quickstart.html``).  Each page is opened
in headless Chromium at 1280 px; a script in the page measures the page and
every block of the content (paragraphs, lists, code blocks, tables) and
reports each whose ``scrollWidth`` exceeds its ``clientWidth``: for a block
that scrolls, that is a horizontal scroll bar; for one that does not, text
sticking out of the column (more than 8 px: furo's own boxes stick out 4).
``--screenshots`` also saves a PNG of each page, to look at.  Exits 1 if
anything overflows.  ``$CHROMIUM`` names the browser if it is not
``chromium`` on the PATH.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WIDTH = 1280
# The blocks of the content a reader scrolls; furo's is article[role=main].
_CHECK = """
<script>
window.addEventListener("load", () => {
  const bad = [];
  const root = document.scrollingElement || document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    bad.push(`the page: ${root.scrollWidth} > ${root.clientWidth}`);
  }
  const main = document.querySelector("article[role=main]") || document.body;
  for (const el of main.querySelectorAll("p, li, dd, pre, .highlight, table, .table-wrapper")) {
    // A block that scrolls (overflow auto or scroll) shows a scroll bar as soon
    // as its content is wider; one that does not sticks out instead, which
    // furo's signature boxes do by design by 4 px (a negative margin).
    const scrolls = ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    if (el.scrollWidth > el.clientWidth + (scrolls ? 1 : 8)) {
      const text = el.textContent.trim().replace(/\\s+/g, " ").slice(0, 70);
      bad.push(`${el.tagName.toLowerCase()} ${el.scrollWidth} > ${el.clientWidth}: ${text}`);
    }
  }
  const blocks = main.querySelectorAll("pre").length;
  document.body.setAttribute("data-width-check", JSON.stringify({bad, blocks}));
});
</script>
"""
_RESULT = re.compile(r'data-width-check="([^"]*)"')


def _browser() -> str:
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return name
    raise SystemExit("no Chromium found: install it (Debian: apt-get install chromium)")


def _flags(profile: str, height: int = 900) -> list[str]:
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{height}",
        "--virtual-time-budget=5000",
    ]


def check_page(browser: str, page: Path, screenshots: Path | None) -> list[str]:
    """The blocks of ``page`` that overflow at 1280 px ('' problems: it fits)."""
    probe = page.with_name(f"_width_check_{page.name}")
    text = page.read_text(encoding="utf-8")
    probe.write_text(text.replace("</body>", _CHECK + "</body>"), encoding="utf-8")
    try:
        with tempfile.TemporaryDirectory() as profile:
            run = subprocess.run(
                [browser, *_flags(profile), "--dump-dom", probe.as_uri()],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        found = _RESULT.search(run.stdout)
        if not found:
            return [f"{page.name}: the check did not run ({run.stderr.strip()[-300:]})"]
        result = json.loads(html.unescape(found.group(1)))
        if screenshots is not None:
            screenshots.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory() as profile:
                subprocess.run(
                    [
                        browser,
                        *_flags(profile, height=2400),
                        f"--screenshot={screenshots / (page.stem + '.png')}",
                        page.as_uri(),
                    ],
                    capture_output=True,
                    timeout=120,
                    check=False,
                )
    finally:
        probe.unlink()
    return [f"{page.name}: {problem}" for problem in result["bad"]]


def main(argv: list[str]) -> int:
    """Check the pages named in ``argv``; print each overflow; 1 if any."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="the Sphinx html output folder")
    parser.add_argument("pages", nargs="*", default=["index.html", "quickstart.html"])
    parser.add_argument("--screenshots", type=Path, help="save a PNG of each page here")
    args = parser.parse_args(argv)
    browser = _browser()
    problems = []
    for name in args.pages:
        problems += check_page(browser, args.html / name, args.screenshots)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{len(args.pages)} pages fit {WIDTH} px without horizontal scrolling")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
