"""A long hypothesis campaign over the structure, the part readers and hand-built Documents.

    python fuzz/campaign.py --minutes 45 [--log fuzz-campaign.log]

Rotates over the properties below in rounds of ``--chunk`` examples until
the time is up, and prints one line per round and a summary: executions per
property, time, and every finding (the failing example hypothesis shrank,
or an example slower than ``--slow`` seconds, the sign of a path that is not
linear).  A finding does not stop the campaign: it is logged and the next
round goes on, so one run reports everything it meets.

The properties are the library's promises:

- ``transcript``: any text is a Transcript whose every derived attribute
  (blocks, participants, fields, turns, inlines, footnotes) can be read, and
  a document carrying it survives ``to_dict``/``from_dict`` and JSON.
- ``citation``, ``date``, ``locator``: the part readers take any text (only
  ``ValueError`` for a text a Date cannot hold) and every part they give is
  a substring of it.
- ``built``: a Document built by hand from any values (wrong types too)
  raises ``TypeError``/``ValueError``, or renders to a text that reads back
  to an equal Document.
- ``loads``: floods of the grammar's own words (the shape of every slow path
  found so far) parse or raise ``ParseError``, quickly.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import archivedoc
from archivedoc import strategies as ads
from archivedoc.model import Date, Document, Locator, Transcript

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR = ROOT / "src" / "archivedoc" / "grammar"

#: Words and marks of the grammar (its literals and word lists): the pieces
#: hostile floods are made of.
_WORDS = sorted(
    {
        word
        for path in GRAMMAR.rglob("*")
        if path.is_file()
        for word in re.findall(r"[A-Za-z]{2,}", path.read_text(encoding="utf-8"))
    }
)
_MARKS = [" ", ", ", ". ", "; ", ": ", "\n", "\n\n", "-", "/", "(", ")", "[", "]", "“", "”", '"',
          "1", "12", "1945", "A", "AB", "by ", "### X:\n", "- i\n", "## "]  # fmt: skip
_PIECES = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_MARKS))


@st.composite
def floods(draw: st.DrawFn) -> str:
    """A few pieces of the grammar repeated many times: the shape of backtracking inputs."""
    pieces = draw(st.lists(_PIECES, min_size=1, max_size=3))
    unit = "".join(draw(st.sampled_from(("", " ", ", "))) + piece for piece in pieces)
    times = draw(st.integers(1, max(1, 4000 // max(1, len(unit)))))
    head = draw(st.text(max_size=20))
    tail = draw(st.one_of(st.just(""), _PIECES, st.text(max_size=10)))
    return head + unit * times + tail


_ANY_TEXT = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.sampled_from('AB1 ,.;:()[]-/“”"\n'), max_size=400),
    st.lists(_PIECES, max_size=60).map("".join),
    floods(),
)
_PREFIX = "## T\n\n### Citation:\n\n"
_CONTENTS = "## T\n\n### Contents:\n\n- English Translation\n\n"


def _parts_are_substrings(text: str, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if isinstance(value, str):
            assert value in text, (name, value)


def check_transcript(text: str) -> None:
    """Every derived attribute reads; a document carrying it survives the dict."""
    transcript = Transcript(text)
    for name in ("lead", "blocks", "participants", "fields", "turns", "inlines", "footnotes"):
        getattr(transcript, name)
    for block in transcript.blocks:
        assert text[block.start : block.end] == block.text
        transcript.inlines_in(block)
    try:
        doc = archivedoc.loads(_CONTENTS + text)
    except archivedoc.ParseError:
        return
    data = json.loads(json.dumps(archivedoc.to_dict(doc)))
    assert archivedoc.from_dict(data) == doc


def check_citation(text: str) -> None:
    """The citation reader takes any section text; its parts come from it."""
    try:
        doc = archivedoc.loads(_PREFIX + text)
    except archivedoc.ParseError:
        return
    citation = doc.citation
    if citation is None:
        return
    _parts_are_substrings(
        citation.text,
        {
            "title": citation.title,
            "archive": citation.archive,
            "source": citation.source,
        },
    )
    if citation.locator is not None:
        check_locator(citation.locator.text)
    assert archivedoc.dumps(doc) == _PREFIX + text


def check_date(text: str) -> None:
    """Date takes one non-empty line; a date it reads has earliest <= latest."""
    try:
        date = Date(text)
    except ValueError:
        assert not text or "\n" in text or "\r" in text
        return
    if date.earliest is not None and date.latest is not None:
        assert date.earliest <= date.latest, text


def check_locator(text: str) -> None:
    """Locator takes any text; every part is a substring of it."""
    _parts_are_substrings(text, Locator(text).parts)


_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.binary(max_size=5),
    st.text(max_size=12),
    st.sampled_from(["", " ", "\n\n", "June 30, 1945", "T", "\ufeff"]),
)


@st.composite
def built(draw: st.DrawFn) -> dict[str, Any]:
    """Arguments for Document: mostly well typed, sometimes anything."""
    fields: dict[str, Any] = {}
    good: dict[str, st.SearchStrategy[Any]] = {
        "title": st.text(max_size=20),
        "date": st.one_of(st.none(), ads.dates(), st.text(max_size=12)),
        "sections": st.lists(ads.sections(), max_size=3),
        "transcript": st.one_of(ads.transcripts(), st.text(max_size=30)),
        "lead": st.sampled_from(["", "\n", "\n\n", " \n"]),
        "has_heading": st.booleans(),
        "date_sep": st.sampled_from(["", " ", "  "]),
        "heading_after": st.sampled_from(["", "\n", "\n\n", " \n\n"]),
        "bom": st.booleans(),
    }
    for name, strategy in good.items():
        choice = draw(st.integers(0, 9))
        if choice < 6:
            continue
        fields[name] = draw(strategy if choice < 9 else _VALUES)
    if draw(st.integers(0, 19)) == 0:
        fields["dialect"] = draw(st.sampled_from([None, 5, "x", archivedoc.DEFAULT]))
    return fields


def check_built(fields: dict[str, Any]) -> None:
    """Refuse with TypeError/ValueError, or round-trip through text and dict."""
    try:
        doc = Document(**fields)
    except (TypeError, ValueError):
        return
    text = archivedoc.dumps(doc)
    assert archivedoc.loads(text) == doc, (fields, text)
    assert archivedoc.from_dict(json.loads(json.dumps(archivedoc.to_dict(doc)))) == doc


def check_loads(text: str) -> None:
    """Any text in any place: ParseError or an exact round trip."""
    for template in ("{}", _PREFIX + "{}", _CONTENTS + "{}", "## {}\n\n### Summary:\n\nS"):
        whole = template.replace("{}", text)
        try:
            doc = archivedoc.loads(whole)
        except archivedoc.ParseError:
            continue
        assert archivedoc.dumps(doc) == whole
        doc.transcript.blocks  # noqa: B018 - builds the structure


PROPERTIES: dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], None]]] = {
    "transcript": (st.one_of(_ANY_TEXT, ads.transcripts().map(lambda t: t.text)), check_transcript),
    "citation": (st.one_of(_ANY_TEXT, ads.citation_texts()), check_citation),
    "date": (st.one_of(_ANY_TEXT, ads.date_texts()), check_date),
    "locator": (_ANY_TEXT, check_locator),
    "built": (built(), check_built),
    "loads": (_ANY_TEXT, check_loads),
}


def run(minutes: float, chunk: int, slow: float, log: Any) -> int:
    """Rotate over the properties until the time is up; return the number of findings."""
    executions = dict.fromkeys(PROPERTIES, 0)
    findings: list[str] = []
    start = time.monotonic()
    deadline = start + minutes * 60

    def say(line: str) -> None:
        print(line, file=log, flush=True)

    while time.monotonic() < deadline:
        for name, (strategy, check) in PROPERTIES.items():
            if time.monotonic() >= deadline:
                break

            test = settings(
                max_examples=chunk,
                deadline=None,
                database=None,
                phases=[Phase.generate, Phase.shrink],
                suppress_health_check=list(HealthCheck),
            )(given(strategy)(_timed(name, check, executions, findings, slow, say)))
            try:
                test()
            except Exception as exc:
                for one in getattr(exc, "exceptions", [exc]):
                    detail = "".join(traceback.format_exception_only(type(one), one)).strip()
                    findings.append(f"{name}: {detail[:500]}")
                    say(f"FINDING {name}: {detail[:2000]}")
            say(f"{time.monotonic() - start:7.0f}s {name}: {executions[name]:,} executions")
    say(f"done in {time.monotonic() - start:.0f} s")
    for name, count in executions.items():
        say(f"  {name}: {count:,} executions")
    say(f"  findings: {len(findings)}")
    for finding in sorted(set(findings)):
        say(f"  - {finding}")
    return len(findings)


def _timed(
    name: str,
    check: Callable[[Any], None],
    executions: dict[str, int],
    findings: list[str],
    slow: float,
    say: Callable[[str], None],
) -> Callable[[Any], None]:
    """``check`` counted, and timed: a slow example is a finding (not a failure)."""

    def timed(value: Any) -> None:
        executions[name] += 1
        began = time.process_time()
        check(value)
        took = time.process_time() - began
        if took > slow:
            findings.append(f"{name}: slow ({took:.2f} s, {len(repr(value))} chars)")
            say(f"SLOW {name} {took:.2f}s {repr(value)[:300]}")

    return timed


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the campaign."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--chunk", type=int, default=500, help="examples per round")
    parser.add_argument("--slow", type=float, default=1.0, help="seconds that make a finding")
    args = parser.parse_args(argv)
    return 1 if run(args.minutes, args.chunk, args.slow, sys.stdout) else 0


if __name__ == "__main__":
    sys.exit(main())
