"""archivedoc's benchmark: speed, scaling, memory and import time, against the baseline.

    python benchmarks/run.py [--baseline PATH] [--corpus PATH] [--quick]

Prints one markdown report: throughput of ``loads`` (the full structure:
every derived value is computed when a Document is built), ``dumps``,
``to_dict`` and ``from_dict`` side by side with the plain-regex extractor
``extract`` of ``../shared/bench/baseline.py`` on the same inputs; the time
for 10x larger inputs from 10 KB to 10 MB; peak memory per byte of input
(tracemalloc); the import time of archivedoc; the scaling of hostile inputs;
and the issue's targets, met or not.  It takes about two minutes on two
cores (``--quick``: smaller inputs, about 30 seconds).

Times are the best of several rounds (the least disturbed by the rest of
the machine); a round repeats the operation until it has run for at least
``--min-time`` seconds.  The corpus of real documents is third-party text:
it is read where it lies (``../shared/corpus/docs`` beside the clone), never
copied.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import importlib.util
import json
import os
import platform
import re
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests"))

import batch  # noqa: E402
import exports  # noqa: E402
import generate  # noqa: E402
import pdf  # noqa: E402

import archivedoc  # noqa: E402
import hostile_shapes  # noqa: E402

MB = 1_000_000


@dataclass
class Input:
    """A named set of documents, all measured together."""

    name: str
    texts: list[str]

    @property
    def size(self) -> int:
        """Total UTF-8 size in bytes."""
        return sum(len(text.encode("utf-8")) for text in self.texts)


def load_full(text: str) -> Any:
    """``loads`` plus the transcript's structure, which is derived on first access.

    The figures called "loads" are for the full structure: every section's
    parts and the transcript's blocks, participants, turns and brackets.
    """
    doc = archivedoc.loads(text, max_size=None)
    doc.transcript.blocks  # noqa: B018 - builds the structure
    return doc


def _loads_only(text: str) -> Any:
    """``loads`` alone: the sections' parts, not yet the transcript's structure."""
    return archivedoc.loads(text, max_size=None)


def load_baseline(path: Path) -> Callable[[str], Any]:
    """``extract`` from the baseline script, imported by path."""
    spec = importlib.util.spec_from_file_location("archivedoc_bench_baseline", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the baseline from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    extract: Callable[[str], Any] = module.extract
    return extract


def best_time(run: Callable[[], object], min_time: float, rounds: int) -> float:
    """CPU seconds for one call of ``run``: the best of ``rounds`` rounds.

    CPU time of this process rather than wall-clock time, so that other jobs
    on a shared machine disturb the figures less.
    """
    gc.collect()
    best = float("inf")
    for _ in range(rounds):
        calls = 0
        start = time.process_time()
        while True:
            run()
            calls += 1
            elapsed = time.process_time() - start
            if elapsed >= min_time:
                break
        best = min(best, elapsed / calls)
    return best


def over_all(
    function: Callable[[Any], object], items: Sequence[Any], fresh: bool = False
) -> Callable[[], None]:
    """A callable that applies ``function`` to every item.

    ``fresh``: each pass as if for the first time.  archivedoc's part
    readers memoize what they read (a date, a language list, a citation); a
    benchmark that reads the same documents round after round would time
    those memos, not the reading.  A fresh pass starts with them cleared, so
    only what documents share within one pass is found there (the same
    language or date in two documents), as over a real corpus.
    """
    memos = hostile_shapes.memos() if fresh else []

    def run() -> None:
        for memo in memos:
            memo.cache_clear()
        for item in items:
            function(item)

    return run


def throughput(
    inputs: list[Input], extract: Callable[[str], Any], min_time: float, rounds: int
) -> tuple[list[list[str]], dict[str, dict[str, float]]]:
    """Rows of the main table, and name -> operation -> seconds."""
    rows: list[list[str]] = []
    times: dict[str, dict[str, float]] = {}
    for item in inputs:
        docs = [archivedoc.loads(text, max_size=None) for text in item.texts]
        dicts = [json.loads(json.dumps(archivedoc.to_dict(doc))) for doc in docs]
        for doc, text in zip(docs, item.texts, strict=True):
            assert archivedoc.dumps(doc) == text, f"{item.name}: the round trip failed"
        operations: list[tuple[str, Callable[[], None]]] = [
            ("baseline extract", over_all(extract, item.texts)),
            ("loads", over_all(load_full, item.texts, fresh=True)),
            ("loads, sections only", over_all(_loads_only, item.texts, fresh=True)),
            ("dumps", over_all(archivedoc.dumps, docs, fresh=True)),
            ("to_dict", over_all(archivedoc.to_dict, docs, fresh=True)),
            ("from_dict", over_all(archivedoc.from_dict, dicts, fresh=True)),
        ]
        times[item.name] = {}
        size = item.size
        for name, run in operations:
            seconds = best_time(run, min_time, rounds)
            times[item.name][name] = seconds
            ratio = seconds / times[item.name]["baseline extract"]
            rows.append(
                [
                    item.name,
                    f"{len(item.texts):,}",
                    f"{size / MB:.3f}",
                    name,
                    f"{len(item.texts) / seconds:,.0f}",
                    f"{size / seconds / MB:,.1f}",
                    f"{ratio:.2f}",
                ]
            )
        del docs, dicts
    return rows, times


def scaling(
    shapes: dict[str, Callable[[int], str]], sizes: list[int], min_time: float, rounds: int
) -> tuple[list[list[str]], float]:
    """Time of loads per size and shape; the time ratio of each step, scaled to exactly 10x input.

    Generated sizes are only close to 10 KB, 100 KB...: the ratio is
    ``(t2 / t1) * 10 / (n2 / n1)``, the cost of exactly 10 times the input.
    """
    rows: list[list[str]] = []
    worst = 0.0
    for shape, make in shapes.items():
        previous: tuple[int, float] | None = None
        for size in sizes:
            text = make(size)
            length = len(text.encode("utf-8"))
            seconds = best_time(
                over_all(load_full, [text], fresh=True),
                min_time,
                rounds if size < 5 * MB else max(2, rounds // 2),
            )
            step = ""
            if previous is not None:
                ratio = seconds / previous[1] * 10 / (length / previous[0])
                worst = max(worst, ratio)
                step = f"{ratio:.2f}"
            rows.append([shape, f"{length / MB:.3f}", f"{seconds * 1e3:,.2f}", step])
            previous = (length, seconds)
    return rows, worst


def peak_memory(inputs: list[Input]) -> tuple[list[list[str]], float]:
    """The tracemalloc peak of loads, per byte of input (the worst document of each input)."""
    rows: list[list[str]] = []
    worst = 0.0
    for item in inputs:
        ratios = []
        for text in item.texts:
            hostile_shapes.clear_caches()  # what a first reading allocates, no memo of it
            gc.collect()
            tracemalloc.start()
            doc = load_full(text)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            del doc
            ratios.append(peak / len(text.encode("utf-8")))
        total = max(ratios)
        worst = max(worst, total)
        rows.append([item.name, f"{total:.2f}", f"{sum(ratios) / len(ratios):.2f}"])
    return rows, worst


def import_time(runs: int = 7) -> tuple[float, float]:
    """Milliseconds to import archivedoc: ``-X importtime``'s figure and the wall-clock difference.

    The wall-clock figure is ``python -c "import archivedoc"`` minus a bare
    ``python -c pass``; both are the best of ``runs`` fresh interpreters.
    """
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}

    def wall(code: str) -> float:
        best = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            best = min(best, time.perf_counter() - start)
        return best

    cumulative = float("inf")
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import archivedoc"],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stderr
        found = re.search(r"\|\s*(\d+) \| archivedoc\s*$", out, re.MULTILINE)
        if found:
            cumulative = min(cumulative, int(found.group(1)) / 1000)
    return cumulative, (wall("import archivedoc") - wall("pass")) * 1000


def _letters(i: int) -> str:
    """A different run of small letters for each ``i`` ("a", "b", ..., "ba")."""
    out = ""
    while True:
        out += chr(97 + i % 26)
        i //= 26
        if not i:
            return out


#: Hostile shapes for the scaling table: the size of each is the argument.
HOSTILE: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: " " * n,
    "one long line": lambda n: "x" * n,
    "'[' lines": lambda n: "[\n" * (n // 2),
    "nested brackets": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "'### ' lines": lambda n: "### \n" * (n // 5),
    "'### L:' headers": lambda n: "### L:\n" * (n // 7),
    "lone CRs": lambda n: "x\r" * (n // 2),
    "mixed CRLF/LF": lambda n: "a\r\nb\nc\r\r\n" * (n // 10),
    "NUL bytes": lambda n: "\x00" * n,
    "'- ' items": lambda n: "- i\n" * (n // 4),
    # issue 14's slow paths (1, 2, 6) and the general shape of each
    "Present: one name x n, turns": lambda n: (
        "Present: " + ", ".join(["Mr. Ab"] * (n // 16)) + "\n\n" + "Stalin said x.\n\n" * (n // 32)
    ),
    "Present: n names, n turns": lambda n: (
        "Present: "
        + ", ".join(f"Mr. A{_letters(i)}" for i in range(n // 16))
        + "\n\n"
        + "".join(f"A{_letters(i)} said x.\n\n" for i in range(n // 32))
    ),
    "'side:' x n": lambda n: "side:" * (n // 5),
    "'Present:' x n": lambda n: "Present:" * (n // 8),
    "'Secret ' x n": lambda n: "Secret " * (n // 7) + "x",
    "'Comrade ' x n": lambda n: "Comrade " * (n // 8) + "x",
    "'Stalin ' x n": lambda n: "Stalin " * (n // 7) + "x",
}
_PLACES = {
    "summary": "\n\n## T\n\n### Summary:\n\nFirst.\n\n{}\n\n### Contents:\n\n- E\n\nText.",
    "transcript": "\n\n## T\n\n### Contents:\n\n- E\n\nText.\n\n{}",
}


def hostile(small: int, min_time: float, rounds: int) -> tuple[list[list[str]], float]:
    """Time of loads for each hostile shape at ``small`` and 10x ``small`` characters."""
    rows: list[list[str]] = []
    worst = 0.0

    def attempt(text: str) -> None:
        with contextlib.suppress(archivedoc.ParseError):
            hostile_shapes.clear_caches()
            load_full(text)

    for shape, make in HOSTILE.items():
        for place, template in _PLACES.items():
            timings = []
            for size in (small, small * 10):
                text = template.replace("{}", make(size))
                timings.append(best_time(functools.partial(attempt, text), min_time, rounds))
            ratio = timings[1] / timings[0]
            worst = max(worst, ratio)
            rows.append(
                [
                    shape,
                    place,
                    f"{timings[0] * 1e3:,.2f}",
                    f"{timings[1] * 1e3:,.2f}",
                    f"{ratio:.2f}",
                ]
            )
    return rows, worst


def linearity(rounds: int, scale: int = 1) -> tuple[list[list[str]], float, list[str]]:
    """Every grammar family's hostile shapes at n and 10n: rows, the worst enabled ratio, failures.

    The shapes are ``tests/hostile_shapes.py``'s (issue 14's reproducers and
    the shapes behind them); each is read by its family's entry point with
    the part readers' caches cleared, so every call does the work.
    """
    rows: list[list[str]] = []
    worst = 0.0
    over: list[str] = []
    enabled = hostile_shapes.enabled()
    everything = {**hostile_shapes.REPRODUCERS, **hostile_shapes.TRANSCRIPT_REPRODUCERS}
    for key, shape in everything.items():
        shape.read(shape.make(1))
        small, large, ratio, used = hostile_shapes.ratio(shape, rounds, scale)
        if key in enabled and not _linear_enough(small, large, ratio):
            # Measured again before it counts: one slow round is the machine.
            small, large, ratio, used = min(
                (hostile_shapes.ratio(shape, rounds, scale) for _ in range(2)),
                key=lambda measured: measured[2],
            )
        checked = key in enabled
        if checked and small >= hostile_shapes.FLOOR:
            worst = max(worst, ratio)
        if checked and not _linear_enough(small, large, ratio):
            over.append(f"{key}: {ratio:.1f}x, {large * 1e3:,.1f} ms at 10n")
        rows.append(
            [
                shape.family,
                shape.name,
                shape.case or "",
                f"{len(shape.make(shape.n * used)):,}",
                f"{small * 1e3:,.2f}",
                f"{large * 1e3:,.2f}",
                f"{ratio:.1f}",
                "yes" if checked else "not yet (issue 10)",
            ]
        )
    return rows, worst, over


def _linear_enough(small: float, large: float, ratio: float) -> bool:
    """Whether a shape's times at n and 10n stay within the limit.

    A ratio is judged where the time at n reached the floor.  A shape read
    faster than that even at its largest n (rejected at memory speed) is
    judged by its time at 10n, which must stay under LIMIT times the floor:
    below it, the ratio compares an input in the processor's cache with one
    that is not, and a path worse than linear would be far over it.
    """
    if small >= hostile_shapes.FLOOR:
        return ratio <= hostile_shapes.LIMIT
    return large <= hostile_shapes.LIMIT * hostile_shapes.FLOOR


_LINEARITY_HEADER = ["family", "shape", "issue case", "chars at n", "ms at n", "ms at 10n", "ratio",
                     "checked"]  # fmt: skip


def table(header: list[str], rows: list[list[str]]) -> str:
    """A markdown table, numbers right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    numeric = [
        all(re.fullmatch(r"[\d.,x%-]*", cell) for cell in column[1:])
        for column in zip(header, *rows, strict=True)
    ]

    def line(cells: list[str]) -> str:
        out = [
            (cell.rjust(width) if right else cell.ljust(width))
            for cell, width, right in zip(cells, widths, numeric, strict=True)
        ]
        return "| " + " | ".join(out) + " |"

    rule = "|".join(
        ("-" * (w + 1) + ":") if r else ("-" * (w + 2))
        for w, r in zip(widths, numeric, strict=True)
    )
    rule = f"|{rule}|"
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def main(argv: list[str] | None = None) -> int:
    """Run every measurement and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--baseline",
        type=Path,
        default=ROOT.parent / "shared" / "bench" / "baseline.py",
        help="the baseline script (default: ../shared/bench/baseline.py)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=ROOT.parent / "shared" / "corpus" / "docs",
        help="a folder of real documents (default: ../shared/corpus/docs)",
    )
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer rounds")
    parser.add_argument("--min-time", type=float, default=0.1, help="seconds per round")
    parser.add_argument(
        "--linearity",
        action="store_true",
        help="only the hostile shapes of every grammar family at n and 10n; "
        f"exit 1 if one costs over {hostile_shapes.LIMIT:g}x (for CI)",
    )
    args = parser.parse_args(argv)
    if args.linearity:
        rows, worst, over = linearity(rounds=3)
        print("# archivedoc linearity: hostile shapes of every grammar family\n")
        print(table(_LINEARITY_HEADER, rows))
        print(f"\nWorst checked ratio {worst:.1f}x (limit {hostile_shapes.LIMIT:g}x).")
        for line in over:
            print(f"OVER THE LIMIT: {line}")
        return 1 if over else 0
    if not args.baseline.is_file():
        parser.error(f"no baseline at {args.baseline} (use --baseline PATH)")
    extract = load_baseline(args.baseline)
    rounds = 3 if args.quick else 5
    big = MB if args.quick else 10 * MB
    started = time.perf_counter()
    imported, imported_wall = import_time()  # first, while this process is small

    seed = (ROOT / "seeds" / "000_166951fa67b74f81.txt").read_bytes().decode("utf-8")
    inputs = [Input("seed", [seed])]
    corpus: Input | None = None
    if args.corpus.is_dir():
        files = sorted(p for p in args.corpus.iterdir() if p.suffix in {".md", ".txt"})
        corpus = Input(f"real documents ({len(files)})", [p.read_bytes().decode() for p in files])
        inputs.append(corpus)
    inputs += [
        Input("transcript 1 MB", [generate.transcript_document(MB)]),
        Input(f"transcript {big // MB} MB", [generate.transcript_document(big)]),
        Input("10,000 short paragraphs", [generate.paragraphs_document(10_000)]),
        Input("1,000 sections", [generate.sections_document(1_000)]),
    ]
    if args.quick:
        del inputs[3]  # the "big" transcript is the 1 MB one

    archivedoc.loads(seed)  # build the grammar before timing
    main_rows, times = throughput(inputs, extract, args.min_time, rounds)
    sizes = [10_000, 100_000, MB, 10 * MB][: 3 if args.quick else 4]
    shapes = {
        "transcript": generate.transcript_document,
        "sections": generate.sections_sized,
        "paragraphs": lambda size: generate.paragraphs_document(max(1, size // 88)),
    }
    scale_rows, worst_step = scaling(shapes, sizes, args.min_time, rounds)
    memory_rows, worst_memory = peak_memory(inputs)
    hostile_rows, worst_hostile = hostile(
        50_000 if args.quick else 200_000, args.min_time, max(2, rounds - 2)
    )
    family_rows, worst_family, _ = linearity(max(2, rounds - 2), 1 if args.quick else 2)

    out: list[str] = []
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    out.append("# archivedoc benchmark\n")
    out.append(
        f"archivedoc {archivedoc.__version__} ({commit or 'no git'}), Python "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs"
        f"{', quick run' if args.quick else ''}; best of {rounds} rounds of >= "
        f"{args.min_time} s.  Ratio: time / the baseline's time on the same input "
        "(lower is better).\n"
    )
    out.append(
        table(
            ["input", "docs", "MB", "operation", "docs/s", "MB/s", "ratio"],
            main_rows,
        )
    )
    out.append("\n## Scaling: loads, 10x larger input each row\n")
    out.append(table(["shape", "MB", "ms", "time ratio for 10x input"], scale_rows))
    out.append("\n## Peak memory of loads (tracemalloc), per byte of input\n")
    out.append(table(["input", "worst document", "mean"], memory_rows))
    out.append("\n## Hostile input: loads (ParseError or Document) at n and 10n characters\n")
    out.append(table(["shape", "placed in", "ms at n", "ms at 10n", "ratio"], hostile_rows))
    out.append("\n## Linearity: every grammar family's hostile shapes at n and 10n\n")
    out.append(table(_LINEARITY_HEADER, family_rows))

    real = corpus.name if corpus else None
    loads_ratio = times[real]["loads"] / times[real]["baseline extract"] if real else float("nan")
    dumps_vs_loads = max(t["dumps"] / t["loads"] for t in times.values())
    targets = [
        [
            "loads <= 4x the baseline on the real documents",
            f"{loads_ratio:.2f}x" if real else "no corpus",
            "yes" if real and loads_ratio <= 4 else "NO",
        ],
        [
            "dumps at least as fast as loads (every input)",
            f"dumps takes {dumps_vs_loads:.1%} of loads' time at most",
            "yes" if dumps_vs_loads <= 1 else "NO",
        ],
        [
            f"10x input costs <= 11x time, 10 KB to {sizes[-1] // MB} MB",
            f"worst step {worst_step:.2f}x",
            "yes" if worst_step <= 11 else "NO",
        ],
        [
            "hostile input scales linearly (10x input <= 11x time)",
            f"worst {worst_hostile:.2f}x",
            "yes" if worst_hostile <= 11 else "NO",
        ],
        [
            f"every family's hostile shapes: 10x input <= {hostile_shapes.LIMIT:g}x time",
            f"worst {worst_family:.2f}x",
            "yes" if worst_family <= hostile_shapes.LIMIT else "NO",
        ],
        [
            "peak memory <= 10x the input",
            f"worst {worst_memory:.2f}x",
            "yes" if worst_memory <= 10 else "NO",
        ],
        [
            "import archivedoc < 150 ms",
            f"{imported:.0f} ms (-X importtime), {imported_wall:.0f} ms (wall, minus bare python)",
            "yes" if max(imported, imported_wall) < 150 else "NO",
        ],
    ]
    targets += batch.add_to_report(out, args.quick)
    out += exports.report(corpus.texts, args.min_time, rounds) if corpus else []
    out.append(pdf.report(ROOT.parent / "shared" / "pdfs", args.quick))
    out.append("\n## Targets\n")
    out.append(table(["target", "measured", "met"], targets))
    out.append(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s.")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
