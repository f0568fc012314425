#!/usr/bin/env python3
"""Report every date, citation and language that did not get structure.

    python tools/check_structure.py [PATH ...]      (default: ../shared/corpus)

Reads every ``*.md``/``*.txt`` document under the paths (and, in a folder,
a ``citations.txt`` of one citation a line) and reports, one a line:

* a heading or citation date the grammar could not read (no EDTF form);
* a citation with no archive name, no source or no date;
* a language with no code.

Exits 1 if anything was reported, so CI can check that every date,
citation and language of the corpus is parsed.  (Contents items and
credits are not checked: many items name no kind, and credits are often
absent.)
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import archivedoc
from archivedoc import Citation, Date


def _documents(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.suffix in {".md", ".txt"}
                and p.name != "citations.txt"
                and p.name not in {"README.md", "FORMAT-NOTES.md", "ANNOTATIONS.md"}
            )
        else:
            yield path


def _citation_lines(paths: list[Path]) -> Iterator[tuple[str, str]]:
    for path in paths:
        found = (
            path / "citations.txt"
            if path.is_dir()
            else path
            if path.name == "citations.txt"
            else None
        )
        if found is not None and found.is_file():
            for number, line in enumerate(found.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    yield f"{found}:{number}", line


def _date_problem(date: Date | None) -> str | None:
    if date is None or date.edtf is not None:
        return None
    return f"date {date.text!r} has no structure"


def _citation_problems(citation: Citation) -> list[str]:
    problems = []
    if citation.archive is None:
        problems.append("citation without an archive name")
    if citation.source is None:
        problems.append("citation without a source")
    if citation.date is None:
        problems.append("citation without a date")
    elif (problem := _date_problem(citation.date)) is not None:
        problems.append(f"citation {problem}")
    return problems


def main(argv: list[str]) -> int:
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    paths = [Path(arg) for arg in argv] or [default]
    reports: list[str] = []
    counts = {"documents": 0, "dates": 0, "citations": 0, "languages": 0}
    for path in _documents(paths):
        try:
            doc = archivedoc.loads(path.read_bytes().decode("utf-8"))
        except (archivedoc.ParseError, UnicodeDecodeError) as exc:
            reports.append(f"{path}: not parsed: {str(exc).splitlines()[0]}")
            continue
        counts["documents"] += 1
        if doc.date is not None:
            counts["dates"] += 1
            if (problem := _date_problem(doc.date)) is not None:
                reports.append(f"{path}: heading {problem}")
        if doc.citation is not None:
            counts["citations"] += 1
            reports.extend(f"{path}: {problem}" for problem in _citation_problems(doc.citation))
        for language in doc.languages:
            counts["languages"] += 1
            if language.code is None:
                reports.append(f"{path}: language {language.name!r} has no code")
    for where, line in _citation_lines(paths):
        counts["citations"] += 1
        reports.extend(f"{where}: {problem}" for problem in _citation_problems(Citation(line)))
    for report in reports:
        print(report)
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    print(f"{summary}: {len(reports)} without structure", file=sys.stderr)
    return 1 if reports else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
