"""Fuzzing in the normal test run: "ParseError or a Document that round-trips exactly".

Random text, and random mutations of the seed and of the project's own test
documents (lines deleted, duplicated or swapped, sections swapped, headings
duplicated, structural tokens inserted); plus, deterministically, the seed
truncated at every position.  The atheris harness in ``fuzz/`` runs the same
property for as long as you let it; what it found is kept at the end.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import archivedoc
from archivedoc.model import Contents, Section
from checks import document_or_parse_error
from conftest import DOCUMENTS, SEED, read_exact

_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CORPUS = [read_exact(SEED)] + [read_exact(path) for path in DOCUMENTS]
_SECTION_START = re.compile(r"(?m)^(?=##)")

_TOKENS = [
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    " ",
    "\t",
    "\f",
    "\x00",
    "\ufeff",
    "## ",
    "### ",
    "### Contents:",
    "### Summary:\n\n",
    "### Original Language:\n\nRussian and Chinese",
    "- ",
    "- Scan of Original Document\n",
    ":",
    "[",
    "]",
    "[sic]",
    "“",
    "June 30, 1945 ",
    "1960s ",
    "n.d. ",
    "Stalin: ",
]


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A corpus document with a few random edits of the kinds real files show."""
    text = draw(st.sampled_from(CORPUS))
    for _ in range(draw(st.integers(1, 4))):
        lines = _lines(text)
        kind = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap_lines", "swap_sections", "heading", "insert", "cut"]
            )
        )
        if kind in ("delete", "duplicate", "swap_lines") and lines:
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if kind == "delete":
                del lines[i]
            elif kind == "duplicate":
                lines.insert(i, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "".join(lines)
        elif kind == "swap_sections":
            parts = _SECTION_START.split(text)
            if len(parts) > 2:
                i = draw(st.integers(1, len(parts) - 1))
                j = draw(st.integers(1, len(parts) - 1))
                parts[i], parts[j] = parts[j], parts[i]
                text = "".join(parts)
        elif kind == "heading":
            headings = [line for line in lines if line.startswith("## ")]
            if headings:
                at = draw(st.integers(0, len(lines)))
                lines.insert(at, draw(st.sampled_from(headings)))
                text = "".join(lines)
        elif kind == "insert":
            at = draw(st.integers(0, len(text)))
            token = draw(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=5)))
            text = text[:at] + token + text[at:]
        else:
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, min(len(text), start + 50)))
            text = text[:start] + text[end:]
    return text


@_SETTINGS
@given(mutated())
def test_mutated_documents(text: str) -> None:
    document_or_parse_error(text)


@_SETTINGS
@given(st.lists(st.sampled_from([*_TOKENS, "x", "é", "Ж", "1945"]), max_size=40).map("".join))
def test_random_token_soup(text: str) -> None:
    document_or_parse_error(text)


@_SETTINGS
@given(st.text())
def test_random_text(text: str) -> None:
    document_or_parse_error(text)


@_SETTINGS
@given(st.binary())
def test_random_bytes_through_load(data: bytes) -> None:
    try:
        doc = archivedoc.load(io.BytesIO(data))
    except archivedoc.ParseError:
        return
    assert archivedoc.dumps(doc).encode("utf-8") == data


def test_seed_truncated_at_every_position() -> None:
    seed = read_exact(SEED)
    parsed = 0
    for end in range(len(seed) + 1):
        parsed += document_or_parse_error(seed[:end], deep=False) is not None
    assert parsed > len(seed) // 2  # most prefixes of a document are documents


@pytest.mark.parametrize("path", DOCUMENTS, ids=[path.stem for path in DOCUMENTS])
def test_each_line_of_each_document_deleted(path: Path) -> None:
    lines = _lines(read_exact(path))
    for i in range(len(lines)):
        document_or_parse_error("".join(lines[:i] + lines[i + 1 :]))


# -- Documents built by hand: every field set to anything --------------------
#
# "Construction checks that the parts fit together": a Document either
# refuses its fields with ValueError, or renders to a text that parses back
# to an equal Document.  Fuzzing this found three joins the checks missed
# (kept below as regression tests).

_BASES = [archivedoc.loads(text) for text in CORPUS]
_VALUE = st.one_of(
    st.text(max_size=20), st.lists(st.sampled_from(_TOKENS), max_size=8).map("".join)
)
_FIELDS = ["title", "date", "date_sep", "heading_after", "lead", "transcript", "bom", "has_heading"]
_SECTION_FIELDS = ["text", "before", "after", "label"]


@st.composite
def edited_documents(draw: st.DrawFn) -> archivedoc.Document:
    """A parsed document with one field, or one field of one section, set to anything."""
    base = draw(st.sampled_from(_BASES))
    sections = base.sections
    where = draw(st.sampled_from(["document", "section", "new section", "items"]))
    if where == "section" and sections:
        i = draw(st.integers(0, len(sections) - 1))
        field = draw(st.sampled_from(_SECTION_FIELDS))
        section = attrs.evolve(sections[i], **{field: draw(_VALUE)})
        return attrs.evolve(base, sections=(*sections[:i], section, *sections[i + 1 :]))
    if where == "new section":
        i = draw(st.integers(0, len(sections)))
        new = Section(draw(_VALUE), label=draw(_VALUE))
        return attrs.evolve(base, sections=(*sections[:i], new, *sections[i:]))
    if where == "items":
        kept = tuple(s for s in sections if not isinstance(s, Contents))
        items = draw(st.lists(_VALUE, max_size=3))
        return attrs.evolve(base, sections=(*kept, Contents.from_items(items)))
    field = draw(st.sampled_from(_FIELDS))
    value: object = draw(st.booleans()) if field in ("bom", "has_heading") else draw(_VALUE)
    return attrs.evolve(base, **{field: value})


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_edited_documents_refuse_or_round_trip(data: st.DataObject) -> None:
    try:
        doc = data.draw(edited_documents())
    except (ValueError, TypeError):
        return
    text = archivedoc.dumps(doc)
    assert archivedoc.loads(text) == doc
    assert archivedoc.dumps(archivedoc.loads(text)) == text


def _seed_with(index: int, **changes: object) -> archivedoc.Document:
    seed = _BASES[0]
    section = attrs.evolve(seed.sections[index], **changes)
    return attrs.evolve(
        seed, sections=(*seed.sections[:index], section, *seed.sections[index + 1 :])
    )


def test_found_section_text_on_the_header_line() -> None:
    """'### Contents:- English Transcription' is not a header: before must end its line."""
    with pytest.raises(ValueError, match="'before' must end with a line end"):
        _seed_with(len(_BASES[0].sections) - 1, before="")


def test_found_lone_cr_before_lf() -> None:
    """Text ending in a lone CR, then LF, would read back as one CRLF line end."""
    with pytest.raises(ValueError, match="lone CR"):
        _seed_with(1, text="Stalin and Soong.\r")
    doc = _seed_with(1, text="Stalin and Soong.\r", after="\r\n\r\n")  # CR then CRLF is fine
    assert archivedoc.loads(archivedoc.dumps(doc)) == doc


def test_found_date_with_trailing_space() -> None:
    """Date '1500 ' + sep ' ' renders like date '1500' + sep '  ': refused, not misread."""
    with pytest.raises(ValueError, match="would not parse back"):
        archivedoc.Document(title="Meeting", date="1500 ")
    doc = archivedoc.Document(title="Meeting", date="1500", date_sep="  ")
    assert archivedoc.loads(archivedoc.dumps(doc)) == doc
