#!/usr/bin/env python3
"""How well the archive's PDF exports read: each against its markdown twin.

    python tools/pdf_agreement.py [PDF_DIR [DOCS_DIR]]
        (default: ../shared/pdfs and ../shared/corpus/docs)

For every ``<id>.pdf`` with a ``<id>.md`` beside it in DOCS_DIR, reads the PDF
with :func:`archivedoc.pdf.load_pdf` and the markdown with
:func:`archivedoc.loads`, and prints one row of a markdown table: whether
the title, date (EDTF), citation parts, summary, credits, languages and
Contents items are equal, how many of the transcript's words agree (a
word-level :class:`difflib.SequenceMatcher` ratio), whether ``dumps`` of the
result reads back equal, and the time taken.  Exits 1 if any field differs,
any agreement is under 99 %, or any round trip fails.
"""

from __future__ import annotations

import difflib
import sys
import time
from pathlib import Path
from typing import Any

import archivedoc
from archivedoc import Document
from archivedoc.pdf import load_pdf

#: The least share of transcript words that must agree.
THRESHOLD = 0.99


def fields(doc: Document) -> dict[str, Any]:
    """The parts of a document the PDF must give exactly as the markdown does."""
    citation = doc.citation
    return {
        "title": doc.title,
        "date": doc.date.edtf if doc.date else None,
        "record id": citation.record_id if citation else None,
        "url": citation.url if citation else None,
        "archive": citation.archive if citation else None,
        "source": citation.source if citation else None,
        "contributors": citation.contributors if citation else None,
        "citation": citation.text if citation else None,
        "summary": doc.summary,
        "credits": doc.credits.text if doc.credits else None,
        "languages": doc.languages,
        "contents": tuple(item.text for item in doc.contents),
    }


def agreement(a: str, b: str) -> float:
    """The share of words two texts have in common, in order (1.0: the same words)."""
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def compare(pdf: Path, twin: Path) -> dict[str, Any]:
    """One row: the fields that differ, the word agreement, the round trip, seconds."""
    start = time.perf_counter()
    doc = load_pdf(pdf)
    seconds = time.perf_counter() - start
    expected = archivedoc.loads(twin.read_bytes().decode("utf-8-sig"))
    got, want = fields(doc), fields(expected)
    return {
        "file": pdf.name,
        "differ": [name for name in want if got[name] != want[name]],
        "agreement": agreement(doc.transcript.text, expected.transcript.text),
        "words": len(expected.transcript.text.split()),
        "round trip": archivedoc.loads(archivedoc.dumps(doc)) == doc,
        "seconds": seconds,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the table; 0 if every PDF reads as its twin does."""
    args = sys.argv[1:] if argv is None else argv
    pdfs = Path(args[0] if args else "../shared/pdfs")
    docs = Path(args[1] if len(args) > 1 else "../shared/corpus/docs")
    rows = [
        compare(pdf, docs / f"{pdf.stem}.md")
        for pdf in sorted(pdfs.glob("*.pdf"))
        if (docs / f"{pdf.stem}.md").is_file()
    ]
    print("| file | fields | transcript words | agreement | round trip | seconds |")
    print("|---|---|---:|---:|---|---:|")
    failed = not rows
    for row in rows:
        ok = not row["differ"] and row["agreement"] >= THRESHOLD and row["round trip"]
        failed |= not ok
        differ = "differ: " + ", ".join(row["differ"]) if row["differ"] else "all equal"
        print(
            f"| {row['file']} | {differ} | {row['words']} | {row['agreement']:.2%} "
            f"| {'ok' if row['round trip'] else 'FAILED'} | {row['seconds']:.2f} |"
        )
    if not rows:
        print(f"no PDF in {pdfs} has a markdown twin in {docs}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
