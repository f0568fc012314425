#!/usr/bin/env python3
"""How well archivedoc reads real transcripts, against hand annotations.

    python tools/fidelity.py [--annotations PATH] [--docs DIR] [--summary]
                             [--threshold CATEGORY.METRIC=VALUE ...]

Reads ``annotations.json`` (default ``../shared/corpus/annotations.json``:
per document, what a reader found in its transcript), parses each document
of ``--docs`` (default: the ``docs`` folder beside the annotations) and
prints, per category, how many items were expected, found and matched,
recall (matched / expected) and precision (matched / found), then every
miss (document, what was expected, what was found there instead) and every
extra (found, not annotated).  Exits 1 when a figure is below its
threshold (the defaults are issue 10's "Done when"), 2 on bad arguments.

How a found item matches an annotated one (each annotated item is matched
once, to the first unmatched found item with the same key, in document
order):

* **script turns** ("Comrade Stalin: ..."): the same speaker and the same
  opening words of the speech after the label (the annotation's ``starts``:
  up to five whitespace tokens).  Only turns of form "script" count.
* **reported speech** ("Further, Mao Zedong said that ..."): the same
  speaker and the same first five tokens of the paragraph.  Only turns of
  form "reported" count.  Speakers are compared with their spaces
  collapsed, without case and without a leading article: "The Chancellor"
  and "Chancellor" are the same speaker.
* **participants**: by name, compared without the editor's brackets, case,
  spacing and end punctuation ("[Soviet translator N.T.] Fedorenko" and
  "Fedorenko" are one name); titles are not compared (a different reading
  of the title is printed, not counted).
* **fields**: the same label and the same value (spaces collapsed).
* **footnotes**: each reference and each definition by its number, as a
  multiset per document ("1" referenced twice must be found twice).
* **brackets found**: by text and position.  The annotation gives brackets
  in document order; each is located in the transcript as ``[text]`` after
  the previous one, and a found bracket matches if it starts at that offset
  with the same text.
* **bracket kinds**: of the matched brackets, those whose kind agrees.  The
  library's kinds are read in the annotation's vocabulary: "uncertain" is
  "supplied" (a conjectured word), "page_marker" ("[page break]") is
  "physical", "footnote_label" (the "[1]" that opens a note) is
  "footnote_ref".
* **page markers** (form feeds, "[page break]", " // "): by text and
  position, located like brackets.

The corpus is third-party text: it is read where it lies, never copied.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import archivedoc
from archivedoc.model import Transcript

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ANNOTATIONS = ROOT.parent / "shared" / "corpus" / "annotations.json"

#: The categories in the order they are printed, with their printed names.
CATEGORIES = {
    "script_turns": "script-form turns",
    "reported_speech": "reported speech",
    "participants": "participants",
    "fields": "header fields",
    "footnotes": "footnote references and definitions",
    "brackets": "square brackets found",
    "bracket_kinds": "bracket kinds that agree",
    "page_markers": "page markers",
}

#: Issue 10's "Done when": category.metric -> lowest accepted value.
DEFAULT_THRESHOLDS = {
    "script_turns.recall": 0.97,
    "script_turns.precision": 0.95,
    "reported_speech.recall": 0.90,
    "reported_speech.precision": 0.85,
    "participants.recall": 0.90,
    "fields.recall": 0.90,
    "footnotes.recall": 0.90,
    "bracket_kinds.recall": 0.90,
    "brackets.recall": 0.98,
    "page_markers.recall": 1.0,
}

#: The library's bracket kinds in the annotation's vocabulary (others are the same).
KIND_NAMES = {"uncertain": "supplied", "page_marker": "physical", "footnote_label": "footnote_ref"}


@dataclass(frozen=True)
class Item:
    """One annotated or found thing: ``key`` must agree to match.

    ``near`` is a looser key (the opening words, the position, the label)
    used only to say what was found where an expected item was missed;
    ``extra`` carries what is compared after matching (a bracket's kind).
    """

    key: tuple[Any, ...]
    show: str
    near: tuple[Any, ...] = ()
    extra: str = ""


@dataclass
class Score:
    """The counts of one category, and what did not match."""

    expected: int = 0
    found: int = 0
    matched: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0


def match(expected: Sequence[Item], found: Sequence[Item]) -> list[tuple[Item, Item | None]]:
    """Each expected item with the found item it matches (None if missed).

    Greedy in document order: an expected item takes the first found item
    with the same key that no earlier expected item took.
    """
    free: dict[tuple[Any, ...], list[int]] = {}
    for index, item in enumerate(found):
        free.setdefault(item.key, []).append(index)
    pairs: list[tuple[Item, Item | None]] = []
    for item in expected:
        indexes = free.get(item.key)
        pairs.append((item, found[indexes.pop(0)] if indexes else None))
    return pairs


def score(
    doc: str, expected: Sequence[Item], found: Sequence[Item], into: Score
) -> list[tuple[Item, Item]]:
    """Add one document's items to ``into``; return the matched pairs."""
    pairs = match(expected, found)
    taken = {id(got) for _, got in pairs if got is not None}
    into.expected += len(expected)
    into.found += len(found)
    matched = [(want, got) for want, got in pairs if got is not None]
    into.matched += len(matched)
    for want, got in pairs:
        if got is None:
            near = [
                f.show for f in found if want.near and f.near == want.near and id(f) not in taken
            ]
            into.misses.append((doc, want.show, "; ".join(near) or "nothing"))
    into.extras.extend((doc, f.show) for f in found if id(f) not in taken)
    return matched


# ---------------------------------------------------------------- normalising

_SPACES = re.compile(r"\s+")
_BRACKETS = re.compile(r"\[[^\[\]]*\]")
_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")


def spaced(text: str) -> str:
    """``text`` with every run of white space one space, and no space at the ends."""
    return _SPACES.sub(" ", text).strip()


def speaker_key(speaker: str) -> str:
    """A speaker compared without case, spacing or a leading article."""
    return _ARTICLE.sub("", spaced(speaker)).casefold()


def name_key(name: str) -> str:
    """A name compared without brackets, case, spacing or end punctuation."""
    return spaced(_BRACKETS.sub(" ", name)).strip(".,;:").casefold()


def tokens(text: str, count: int = 5) -> tuple[str, ...]:
    """The first ``count`` whitespace tokens of ``text``."""
    return tuple(text.split(None, count)[:count])


def locate(text: str, marks: Iterable[str]) -> list[int | None]:
    """The offset of each mark in ``text``, each searched after the one before."""
    offsets: list[int | None] = []
    pos = 0
    for mark in marks:
        at = text.find(mark, pos)
        offsets.append(at if at >= 0 else None)
        if at >= 0:
            pos = at + 1
    return offsets


# ---------------------------------------------------------------- annotated


def expected_items(note: dict[str, Any], text: str) -> dict[str, list[Item]]:
    """The annotated items of one document, by category; ``text`` is its transcript."""
    out: dict[str, list[Item]] = {name: [] for name in CATEGORIES}
    for turn in note.get("turns", ()):
        words = tokens(turn["starts"])
        out["script_turns"].append(
            Item((speaker_key(turn["speaker"]), words), _turn_show(turn["speaker"], words), words)
        )
    for turn in note.get("reported_turns", ()):
        words = tokens(turn["starts"])
        out["reported_speech"].append(
            Item((speaker_key(turn["speaker"]), words), _turn_show(turn["speaker"], words), words)
        )
    for person in note.get("participants", ()):
        out["participants"].append(_person_item(person["title"], person["name"]))
    for found in note.get("fields", ()):
        out["fields"].append(_field_item(found["label"], found["value"]))
    notes = note.get("footnotes", {})
    out["footnotes"] = [_note_item("reference", n) for n in notes.get("refs", ())]
    out["footnotes"] += [_note_item("definition", n) for n in notes.get("definitions", ())]
    brackets = note.get("brackets", ())
    where = locate(text, (f"[{b['text']}]" for b in brackets))
    for bracket, at in zip(brackets, where, strict=True):
        out["brackets"].append(_bracket_item(f"[{bracket['text']}]", at, bracket["kind"]))
    markers = note.get("page_markers", ())
    for marker, at in zip(markers, locate(text, markers), strict=True):
        out["page_markers"].append(_marker_item(marker, at))
    return out


def _turn_show(speaker: str, words: tuple[str, ...]) -> str:
    return f"{spaced(speaker)!r}: {' '.join(words)!r}"


def _person_item(title: str, name: str) -> Item:
    return Item((name_key(name),), f"{spaced(title)!r} {spaced(name)!r}", extra=spaced(title))


def _field_item(label: str, value: str) -> Item:
    return Item((label, spaced(value)), f"{label}: {spaced(value)!r}", (label,))


def _note_item(role: str, number: str) -> Item:
    return Item((role, number), f"{role} {number}", (number,))


def _bracket_item(text: str, at: int | None, kind: str) -> Item:
    where = "not in the transcript" if at is None else f"at {at}"
    return Item((at, text), f"{text!r} {where}", (at,), kind)


def _marker_item(text: str, at: int | None) -> Item:
    where = "not in the transcript" if at is None else f"at {at}"
    return Item((at, text), f"{text!r} {where}", (at,))


# ---------------------------------------------------------------- found


def found_items(transcript: Transcript) -> dict[str, list[Item]]:
    """What archivedoc reads in ``transcript``, by category, as comparable items."""
    out: dict[str, list[Item]] = {name: [] for name in CATEGORIES}
    for turn in transcript.turns:
        if turn.form == "script":
            words = tokens(_speech(turn.text, turn.speaker))
            category = "script_turns"
        else:
            words = tokens(turn.text)
            category = "reported_speech"
        item = Item((speaker_key(turn.speaker), words), _turn_show(turn.speaker, words), words)
        out[category].append(item)
    for person in transcript.participants:
        out["participants"].append(_person_item(person.title, person.name))
    for found in transcript.fields:
        out["fields"].append(_field_item(found.label, found.value))
    for note in transcript.footnotes:
        out["footnotes"] += [_note_item("reference", note.number) for _ in note.references]
        if note.definition is not None:
            out["footnotes"].append(_note_item("definition", note.number))
    for mark in transcript.inlines:
        if mark.kind == "page_break" or mark.kind == "page_marker":
            out["page_markers"].append(_marker_item(mark.text, mark.start))
        if mark.text.startswith("[") and mark.kind != "page_break":
            kind = KIND_NAMES.get(mark.kind, mark.kind)
            out["brackets"].append(_bracket_item(mark.text, mark.start, kind))
    return out


def _speech(paragraph: str, speaker: str) -> str:
    """The words of a script-form turn after its label ("Stalin: Yes." -> "Yes.")."""
    at = paragraph.find(speaker)
    rest = paragraph[at + len(speaker) :] if at >= 0 else paragraph
    return rest.lstrip(" \t\f\n\r:.")


# ---------------------------------------------------------------- report


def measure(notes: dict[str, Any], read: Callable[[str], str]) -> dict[str, Score]:
    """The scores over every annotated document; ``read`` gives a document's text."""
    scores = {name: Score() for name in CATEGORIES}
    for doc, note in notes.items():
        text = read(doc)
        transcript = archivedoc.loads(text).transcript or Transcript("")
        want = expected_items(note, transcript.text)
        got = found_items(transcript)
        for name in CATEGORIES:
            if name == "bracket_kinds":
                continue
            matched = score(doc, want[name], got[name], scores[name])
            if name == "brackets":
                _kinds(doc, matched, scores["bracket_kinds"])
            if name == "participants":
                _titles(doc, matched, scores["participants"])
    return scores


def _kinds(doc: str, matched: list[tuple[Item, Item]], into: Score) -> None:
    into.expected += len(matched)
    into.found += len(matched)
    for want, got in matched:
        if want.extra == got.extra:
            into.matched += 1
        else:
            into.misses.append((doc, f"{want.show} as {want.extra}", got.extra))


def _titles(doc: str, matched: list[tuple[Item, Item]], into: Score) -> None:
    for want, got in matched:
        if want.extra != got.extra:
            into.extras.append((doc, f"title {got.extra!r} read for {want.show}"))


def report(
    scores: dict[str, Score], thresholds: dict[str, float], summary: bool
) -> tuple[str, list[str]]:
    """The markdown report and the thresholds that failed."""
    failed = []
    lines = [
        "| category | expected | found | matched | recall | precision | required |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, title in CATEGORIES.items():
        result = scores[name]
        wanted = []
        for metric in ("recall", "precision"):
            limit = thresholds.get(f"{name}.{metric}")
            if limit is not None:
                wanted.append(f"{metric} >= {limit:.0%}")
                if getattr(result, metric) < limit:
                    failed.append(f"{name}.{metric} {getattr(result, metric):.1%} < {limit:.0%}")
        lines.append(
            f"| {title} | {result.expected} | {result.found} | {result.matched} "
            f"| {result.recall:.1%} | {result.precision:.1%} | {', '.join(wanted)} |"
        )
    if not summary:
        for name, title in CATEGORIES.items():
            result = scores[name]
            if not result.misses and not result.extras:
                continue
            lines.append(f"\n## {title}")
            for doc, want, got in result.misses:
                lines.append(f"- miss {doc}: expected {want}; found {got}")
            for doc, got in result.extras:
                lines.append(f"+ extra {doc}: {got}")
    return "\n".join(lines), failed


def _threshold(text: str) -> tuple[str, float]:
    key, sep, value = text.partition("=")
    name, _, metric = key.partition(".")
    if not sep or name not in CATEGORIES or metric not in ("recall", "precision"):
        raise argparse.ArgumentTypeError(
            f"expected CATEGORY.recall=N or CATEGORY.precision=N, got {text!r}"
        )
    try:
        return key, float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS)
    parser.add_argument(
        "--docs", type=Path, help="the documents' folder (default: docs/ beside the annotations)"
    )
    parser.add_argument("--summary", action="store_true", help="print the table only")
    parser.add_argument(
        "--threshold",
        type=_threshold,
        action="append",
        default=[],
        metavar="CATEGORY.METRIC=VALUE",
        help="override a threshold, e.g. participants.recall=0.9 (0 disables)",
    )
    args = parser.parse_args(argv)
    if not args.annotations.is_file():
        print(f"fidelity: no annotations at {args.annotations}", file=sys.stderr)
        return 2
    docs = args.docs or args.annotations.parent / "docs"
    notes = json.loads(args.annotations.read_text(encoding="utf-8"))

    missing = [doc for doc in notes if not (docs / f"{doc}.md").is_file()]
    if missing:
        print(f"fidelity: not in {docs}: {', '.join(missing)}", file=sys.stderr)
        return 2

    def read(doc: str) -> str:
        return (docs / f"{doc}.md").read_bytes().decode("utf-8")

    thresholds = dict(DEFAULT_THRESHOLDS)
    thresholds.update(args.threshold)
    text, failed = report(measure(notes, read), thresholds, args.summary)
    print(text)
    for failure in failed:
        print(f"fidelity: below threshold: {failure}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
