"""Hostile shapes for every grammar family, shared by the tests and the benchmark.

Each shape is a text that grows with a count ``k``: a long run of what some
rule's loop accepts, often followed by what makes it fail (the worst case of
a backtracking rule).  It is read where its family's rules read it:

- ``layout`` (document.peg, sections.peg): a whole document;
- ``citation`` (citation.peg): the text of a Citation section;
- ``locator`` (citation.peg's locator rules): ``Locator(text)``;
- ``dates`` (dates.peg): ``Date(text)`` and a heading's date;
- ``transcript`` (transcript.peg): the transcript, with its structure derived.

The property of every shape: 10 times the count costs at most 13 times the
work (``tests/test_hostile.py`` counts it, ``benchmarks/run.py`` times it).
:data:`REPRODUCERS` are the cases of issue 14 and the general shapes behind
them; :data:`TRANSCRIPT_REPRODUCERS` are issue 14's transcript cases (1, 2
and 6), fixed by the transcript rules of issue 10.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import archivedoc
from archivedoc.model import Date, Locator

#: 10 times the input may cost at most this many times the work.
LIMIT = 13.0

CITATION = "## T\n\n### Citation:\n\n"
CONTENTS = "## T\n\n### Contents:\n\n- English Translation\n\n"
_A_CITATION = "“T,” 1945, Wilson Center Digital Archive, X.\n"


def memos() -> list[Any]:
    """The part readers that memoize their results (``read_*`` functions with a cache)."""
    found = []
    for name, module in list(sys.modules.items()):
        if name == "archivedoc" or name.startswith("archivedoc."):
            for attr, value in list(vars(module).items()):
                if attr.startswith("read_") and hasattr(value, "cache_clear"):
                    found.append(value)
    return found


def clear_caches() -> None:
    """Forget the part readers' memoized results, so that a repeated call does the work again."""
    for memo in memos():
        memo.cache_clear()


def _document(text: str) -> None:
    """``loads`` with the whole structure: sections' parts and the transcript's blocks."""
    with contextlib.suppress(archivedoc.ParseError):
        doc = archivedoc.loads(text, max_size=None)
        doc.transcript.blocks  # noqa: B018 - derives the structure
        doc.transcript.turns  # noqa: B018


def in_layout(text: str) -> None:
    _document(text)


def in_citation(text: str) -> None:
    _document(CITATION + text)


def in_transcript(text: str) -> None:
    _document(CONTENTS + text)


def as_locator(text: str) -> None:
    Locator(text).parts  # noqa: B018


def as_date(text: str) -> None:
    Date(text)
    _document(f"## {text} T")


@dataclass(frozen=True)
class Shape:
    """A text growing with ``k``, the family whose rules read it, and its base count."""

    family: str
    name: str
    make: Callable[[int], str]
    n: int
    #: The issue-14 reproducer it stands for ("3", "5"), or "" for a general shape.
    case: str = ""

    @property
    def read(self) -> Callable[[str], None]:
        """The entry point of the family."""
        return _ENTRY[self.family]


_ENTRY: dict[str, Callable[[str], None]] = {
    "layout": in_layout,
    "citation": in_citation,
    "locator": as_locator,
    "dates": as_date,
    "transcript": in_transcript,
}


def _table(*shapes: Shape) -> dict[str, Shape]:
    return {f"{shape.family}: {shape.name}": shape for shape in shapes}


#: Issue 14's cases and the general shapes behind them, for every family.
REPRODUCERS: dict[str, Shape] = _table(
    # -- layout: floods of section headers and Contents items
    Shape("layout", "'### X:' lines", lambda k: "## T\n\n" + "### X:\n\n" * k, 1000),
    Shape("layout", "Contents items", lambda k: "## T\n\n### Contents:\n\n" + "- item\n" * k, 2000),
    Shape("layout", "'### ' lines", lambda k: "## T\n\n" + "### \n" * k, 2000),
    Shape("layout", "'## ' lines", lambda k: "## \n" * k, 2000),
    Shape("layout", "headers without colon", lambda k: "## T\n\n### Label\n" * k, 1000),
    Shape("layout", "spaces, then text", lambda k: "## T" + " " * k + "x", 10_000),
    # -- citation: the bare title, role words, the archive's name
    Shape("citation", "'1 ' runs", lambda k: "1 " * k, 500, "3"),
    Shape("citation", "'June ' runs", lambda k: "June " * k, 400, "3"),
    Shape("citation", "'1 ' runs before a citation", lambda k: "1 " * k + _A_CITATION, 500, "3"),
    Shape("citation", "'c. ' runs", lambda k: "c. " * k, 500),
    Shape("citation", "'Spring ' runs", lambda k: "Spring " * k, 400),
    Shape("citation", "digits and commas", lambda k: "1, " * k, 500),
    Shape("citation", "role words", lambda k: "x, " + "translated " * k, 500, "4"),
    Shape("citation", "role words and commas", lambda k: "x, " + "obtained, " * k, 500),
    Shape("citation", "'by ' runs", lambda k: "x. Translated " + "by " * k, 500),
    Shape("citation", "names after 'by'", lambda k: "x. Translated by " + "A " * k, 500),
    Shape("citation", "archive names", lambda k: "Wilson Center Digital Archive " * k, 200),
    Shape("citation", "opening quotes", lambda k: "“" * k, 2000),
    Shape("citation", "straight quotes", lambda k: '"x' * k, 1000),
    Shape("citation", "periods", lambda k: ". " * k, 1000),
    Shape("citation", "URL starts", lambda k: "x <https://wilsoncenter.org " * k, 200),
    Shape(
        "citation",
        "acronym run in the source",
        lambda k: "“T,” 1945, Wilson Center Digital Archive, B" + "A" * k + "1, box 2.\n",
        2000,
        "5",
    ),
    # -- locator: acronyms, call numbers, keyed items, collections
    Shape("locator", "acronym run then a digit", lambda k: "B" + "A" * k + "1, box 2", 2000, "5"),
    Shape("locator", "acronym words", lambda k: "AB " * k + "1", 1000),
    Shape("locator", "capitalised words", lambda k: "Ab " * k + "1-2", 1000),
    Shape("locator", "slashes", lambda k: "1/" * k + "x", 1000),
    Shape("locator", "parentheses", lambda k: "(x " * k, 1000),
    Shape("locator", "key words", lambda k: "f. " * k, 1000),
    Shape("locator", "'Collection' words", lambda k: "Collection " * k + "1", 500),
    Shape("locator", "'Archive' words", lambda k: "Archive " * k + "1", 500),
    Shape("locator", "hyphenated numbers", lambda k: "AB " + "1-" * k + "x", 1000),
    Shape("locator", "'file' item", lambda k: "file 1" + " x" * k, 1000),
    # -- dates
    Shape("dates", "'June ' runs", lambda k: "June " * k + "x", 500),
    Shape("dates", "year dashes", lambda k: "1945-" * k, 500),
    Shape("dates", "'c. ' runs", lambda k: "c. " * k + "1945", 500),
    Shape("dates", "digits and spaces", lambda k: "1 " * k, 1000),
    # -- transcript: shapes its rules meet today
    Shape("transcript", "speaker paragraphs", lambda k: "Stalin: [sic] yes.\n\n" * k, 500),
    Shape("transcript", "'[' lines", lambda k: "[\n" * k, 2000),
    Shape("transcript", "nested brackets", lambda k: "[" * k + "]" * k, 2000),
)

#: Issue 14's transcript cases 1, 2 and 6: fixed by issue 10's transcript
#: rules (one lookup per turn, one search per line, bounded possessive runs).
TRANSCRIPT_REPRODUCERS: dict[str, Shape] = _table(
    Shape(
        "transcript",
        "participants linked to turns",
        lambda k: (
            "Present: " + ", ".join(["Mr. Ab"] * k) + "\n\n" + "Stalin said x.\n\n" * max(1, k // 2)
        ),
        100,
        "1",
    ),
    Shape("transcript", "'side:' runs", lambda k: "side:" * k, 2000, "2"),
    Shape("transcript", "'Present:' runs", lambda k: "Present:" * k, 2000, "2"),
    Shape("transcript", "'Secret ' runs", lambda k: "Secret " * k + "x", 1000, "6"),
)


def enabled() -> dict[str, Shape]:
    """The shapes the linearity checks hold to :data:`LIMIT`."""
    return {**REPRODUCERS, **TRANSCRIPT_REPRODUCERS}


#: The shapes checked today.
ENABLED = enabled()


def cpu_seconds(shape: Shape, k: int, rounds: int = 3, budget: float = 1.0) -> float:
    """CPU seconds to read ``shape`` at count ``k``: the best of ``rounds`` (fewer past ``budget``).

    CPU time of this process, caches cleared before each call: the least
    disturbed figure on a shared machine.
    """
    import time

    text = shape.make(k)
    best = float("inf")
    for _ in range(rounds):
        clear_caches()
        start = time.process_time()
        shape.read(text)
        best = min(best, time.process_time() - start)
        if best > budget:
            break
    return best


#: Below this many CPU seconds at n, a shape is timed at a 10 times larger n:
#: under a millisecond or two, fixed costs and a warm cache decide the ratio
#: (a linear shape measured 9.5x to 19x at 0.5 ms, 9.4x at 8 ms).
FLOOR = 0.002


def ratio(shape: Shape, rounds: int = 3, scale: int = 1) -> tuple[float, float, float, int]:
    """(seconds at n, seconds at 10n, their ratio, the scale used) for ``shape``.

    n is ``shape.n * scale``, with ``scale`` raised tenfold (up to 100 times)
    while the time at n is under :data:`FLOOR`.
    """
    small = cpu_seconds(shape, shape.n * scale, rounds)
    while small < FLOOR and scale < 100:
        scale *= 10
        small = cpu_seconds(shape, shape.n * scale, rounds)
    large = cpu_seconds(shape, shape.n * scale * 10, rounds)
    return small, large, large / max(small, 1e-9), scale
