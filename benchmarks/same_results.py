"""Fingerprint what ``loads`` gives, to prove a speed-up changes no result.

    python benchmarks/same_results.py OUT.json       # record this tree's results
    python benchmarks/same_results.py OUT.json --against BEFORE.json

Records, for the seed, every real document of ``../shared/corpus/docs``
(read where it lies, never copied) and every test document of
``tests/documents``: ``to_dict`` as sorted JSON, whether ``dumps`` gives the
text back byte for byte, the same in the dialects that read the file; and
for bad input (each document cut, given a stray line, a broken header, a
lone CR...) the ParseError's message, line and column.  ``--against``
compares with an earlier recording and prints each difference (exit 1 if
any).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import archivedoc
from archivedoc.dialects.library import LIBRARY
from archivedoc.dialects.metadata import METADATA
from archivedoc.dialects.site import SITE

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"


def _documents() -> dict[str, str]:
    texts = {"seed": (ROOT / "seeds" / "000_166951fa67b74f81.txt").read_bytes().decode()}
    for folder in (CORPUS, ROOT / "tests" / "documents"):
        for path in sorted(folder.iterdir()):
            if path.suffix in {".md", ".txt"}:
                texts[f"{folder.name}/{path.name}"] = path.read_bytes().decode()
    return texts


def _bad_inputs(name: str, text: str) -> dict[str, str]:
    """Broken versions of ``text``: cuts, stray lines, broken headers."""
    out: dict[str, str] = {}
    for step in range(1, 12):
        cut = len(text) * step // 12
        out[f"{name} cut at {step}/12"] = text[:cut]
        out[f"{name} '## X' at {step}/12"] = text[:cut] + "\n## X\n" + text[cut:]
        out[f"{name} '### Bad' at {step}/12"] = text[:cut] + "\n### Bad\n" + text[cut:]
        out[f"{name} CR at {step}/12"] = text[:cut] + "\r" + text[cut:]
    head = text.find("### ")
    if head >= 0:
        out[f"{name} text before the first header"] = text[:head] + "stray\n\n" + text[head:]
        out[f"{name} header without colon"] = text.replace(":\n", "\n", 1)
        out[f"{name} inline header text"] = text.replace(":\n", ": x\n", 1)
    return out


def _outcome(text: str, **options: object) -> object:
    try:
        doc = archivedoc.loads(text, max_size=None, **options)  # type: ignore[arg-type]
    except archivedoc.ParseError as exc:
        return ["ParseError", exc.msg, exc.lineno, exc.colno]
    data = json.dumps(archivedoc.to_dict(doc), sort_keys=True, ensure_ascii=False)
    return {
        "to_dict": data,
        "sha256": hashlib.sha256(data.encode()).hexdigest(),
        "round_trip": archivedoc.dumps(doc) == text,
    }


def record() -> dict[str, object]:
    """Every input's outcome, by a name."""
    results: dict[str, object] = {}
    for name, text in _documents().items():
        results[name] = _outcome(text)
        results[f"{name} strict"] = _outcome(text, strict=True)
        for dialect in (SITE, LIBRARY, METADATA):
            results[f"{name} in {dialect.name}"] = _outcome(text, dialect=dialect)
        if name == "seed" or name.startswith("documents/"):
            for bad, broken in _bad_inputs(name, text).items():
                results[bad] = _outcome(broken)
    return results


def main(argv: list[str] | None = None) -> int:
    """Record, and compare if asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--against", type=Path)
    args = parser.parse_args(argv)
    results = record()
    args.out.write_text(json.dumps(results, sort_keys=True, indent=1), encoding="utf-8")
    print(f"{len(results)} outcomes recorded in {args.out}")
    if args.against is None:
        return 0
    before = json.loads(args.against.read_text(encoding="utf-8"))
    differ = [k for k in sorted(set(before) | set(results)) if before.get(k) != results.get(k)]
    for key in differ:
        print(f"DIFFERENT: {key}\n  before: {str(before.get(key))[:300]}\n  now:    "
              f"{str(results.get(key))[:300]}")  # fmt: skip
    print(f"{len(differ)} of {len(results)} outcomes differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
