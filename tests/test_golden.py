"""Golden tests: the seed and each test document parse to their expected JSON.

Each ``documents/NAME.md`` (one per variation FORMAT-NOTES describes) has a
``documents/NAME.json`` beside it.  Regenerate them after an intended change
with ``ARCHIVEDOC_REGEN=1 pytest tests/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import archivedoc
from archivedoc.model import Section
from conftest import DOCUMENTS, SEED, read_exact

CASES = [SEED, *DOCUMENTS]


def _golden(path: Path) -> Path:
    if path == SEED:
        return Path(__file__).parent / "documents" / "seed.json"
    return path.with_suffix(".json")


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_round_trip_is_byte_exact(path: Path) -> None:
    text = read_exact(path)
    assert archivedoc.dumps(archivedoc.loads(text)) == text


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_parses_to_golden_json(path: Path) -> None:
    data = archivedoc.to_dict(archivedoc.loads(read_exact(path)))
    golden = _golden(path)
    if os.environ.get("ARCHIVEDOC_REGEN"):
        golden.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert data == json.loads(golden.read_text(encoding="utf-8"))


def test_seed_fields(seed_text: str) -> None:
    doc = archivedoc.loads(seed_text)
    assert doc.title == "Meeting between Marshal Stalin and Dr. Soong"
    assert doc.date is not None and doc.date.text == "June 30, 1945"
    assert [language.name for language in doc.languages] == ["English"]
    assert [item.text for item in doc.contents] == ["English Transcription"]
    assert doc.transcript.text.startswith("No. I. Meeting between Marshal Stalin and Dr. Soong")
    assert doc.transcript.text.endswith("You do not need to have any doubt about it.")
    assert [s.label for s in doc.sections] == [
        "Citation",
        "Summary",
        "Credits",
        "Original Language",
        "Contents",
    ]
    assert doc.citation is not None and doc.citation.text.endswith(
        "<http://digitalarchive.wilsoncenter.org/document/123400>"
    )
    assert doc.summary is not None and doc.summary.startswith("Stalin and Chinese Minister Soong")
    assert doc.credits is not None and "Chun & Jane Chiu" in doc.credits.text


def test_layout_variations_are_kept() -> None:
    by_name = {p.stem: archivedoc.loads(read_exact(p)) for p in DOCUMENTS}
    assert by_name["no_date_heading"].date is None
    assert by_name["headless_api_record"].has_heading is False
    assert by_name["headless_api_record"].title == ""
    assert by_name["unknown_sections"].sections[0] == Section("113379", label="Record ID")
    assert by_name["scan_only"].transcript.text == ""
    assert [i.text for i in by_name["scan_only"].contents] == [
        "Original Scan",
        "Translation - English",
    ]
    assert by_name["empty_sections"].sections[0].text == ""
    assert by_name["bom"].bom is True
    assert by_name["crlf_line_ends"].summary == "One line.\r\nAnother line."
    assert by_name["trailing_space_and_newline"].heading_after == "   \n\n"
    assert by_name["trailing_space_and_newline"].transcript.text.endswith("indented line  \n\n")
    assert [lang.name for lang in by_name["form_feeds"].languages] == ["Russian", "German"]
    assert by_name["form_feeds"].transcript.text.startswith("\fTop Secret")
    current = by_name["month_year_current_site"]
    assert current.contents == ()
    assert current.transcript.text.endswith("- First point, in a dash line\n- Second point")
