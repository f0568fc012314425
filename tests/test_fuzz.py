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

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import archivedoc
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
