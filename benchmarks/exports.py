"""Export speed: documents per second of each export format on the real documents.

    python benchmarks/exports.py [--corpus PATH] [--min-time S]

Also a section of ``benchmarks/run.py``'s report (:func:`report`).  Each
format's ``one`` function (a file per document) is timed on every real
document, already parsed with its transcript's structure, side by side with
``loads`` of the same texts (the full structure, read afresh each pass with
the part readers' memos cleared, as in the main table), and
so is its ``many`` function (one file for all of them) where it has one.
The target is that every export of a parsed document is at least as fast as
``loads`` of it.  Parquet misses it for a file per document: pyarrow's fixed
cost of writing a file (about a millisecond) is more than a whole ``loads``;
one Parquet file for a folder, the way tables are used, meets it easily.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import archivedoc
from archivedoc.export import FORMATS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hostile_shapes  # noqa: E402 - the part readers' memos, found in tests/


def _load_full(text: str) -> Any:
    doc = archivedoc.loads(text, max_size=None)
    doc.transcript.blocks  # noqa: B018 - builds the structure
    return doc


def _best_time(run: Callable[[], object], min_time: float, rounds: int) -> float:
    """CPU seconds per call of ``run``, the best of ``rounds`` rounds (as run.py)."""
    best = float("inf")
    for _ in range(rounds):
        calls, start = 0, time.process_time()
        while True:
            run()
            calls += 1
            elapsed = time.process_time() - start
            if elapsed >= min_time:
                break
        best = min(best, elapsed / calls)
    return best


def report(texts: Sequence[str], min_time: float = 0.1, rounds: int = 3) -> list[str]:
    """Markdown lines: a table of docs/s per export and loads, and whether the target is met."""
    docs = [_load_full(text) for text in texts]

    def over(
        function: Callable[[Any], object], items: Sequence[Any], fresh: bool = False
    ) -> Callable[[], None]:
        def run() -> None:
            if fresh:  # a first reading, as in run.py: no memo of an earlier pass
                hostile_shapes.clear_caches()
            for item in items:
                function(item)

        return run

    loads = _best_time(over(_load_full, texts, fresh=True), min_time, rounds)
    pairs = [(str(i), doc) for i, doc in enumerate(docs)]
    rows: list[tuple[str, float, float | None]] = []
    for fmt in FORMATS.values():
        one = _best_time(over(fmt.one, docs), min_time, rounds)
        many = None
        if fmt.many is not None:
            many = _best_time(functools.partial(fmt.many, pairs), min_time, rounds)
        rows.append((fmt.name, one, many))
    n = len(texts)
    lines = [
        f"\n## Exports: {n} real documents, parsed\n",
        f"loads: {n / loads:,.0f} docs/s.  Ratio: time / loads' time on the same documents.\n",
        "| format | file per document, docs/s | ratio | one file for all, docs/s | ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, one, many in rows:
        both = f"{n / many:,.0f} | {many / loads:.2f}" if many is not None else "- | -"
        lines.append(f"| {name} | {n / one:,.0f} | {one / loads:.2f} | {both} |")
    slow = [name for name, one, _ in rows if one > loads]
    slow_many = [name for name, _, many in rows if many is not None and many > loads]
    lines.append(
        "\nTarget, every export at least as fast as loads: file per document: "
        + (f"NO ({', '.join(slow)})" if slow else "yes")
        + "; one file for all: "
        + (f"NO ({', '.join(slow_many)})" if slow_many else "yes")
        + "."
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the export section on its own."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "docs")
    parser.add_argument("--min-time", type=float, default=0.1)
    args = parser.parse_args(argv)
    files = sorted(p for p in args.corpus.iterdir() if p.suffix in {".md", ".txt"})
    print("\n".join(report([p.read_bytes().decode() for p in files], args.min_time)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
