"""Full-structure ``loads`` on the real documents: this tree against another, in one run.

Timing figures on a shared machine are noisy; a ratio measured side by side
is what counts.  Each round runs both trees once, in fresh processes, in
alternating order; the best round of each is reported::

    git worktree add /tmp/before main
    python benchmarks/compare.py /tmp/before/src

Nothing is imported from the other tree into this process: each
measurement is ``python -c`` with ``PYTHONPATH`` set to one tree's ``src``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_TIMER = r"""
import gc, json, sys, time, warnings
from pathlib import Path
warnings.simplefilter("ignore")
import archivedoc
texts = [p.read_bytes().decode() for p in sorted(Path(sys.argv[1]).iterdir())
         if p.suffix in {".md", ".txt"}]
def run():
    for text in texts:
        archivedoc.loads(text, max_size=None).transcript.blocks
run()
best = float("inf")
for _ in range(int(sys.argv[2])):
    start = time.process_time()
    run()
    best = min(best, time.process_time() - start)
print(json.dumps({"best": best, "count": len(texts), "file": archivedoc.__file__}))
"""


def measure(src: Path, corpus: Path, repeats: int) -> dict[str, float]:
    """One process: the best of ``repeats`` passes over the corpus with ``src``'s archivedoc."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-c", _TIMER, str(corpus), str(repeats)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def main(argv: list[str] | None = None) -> int:
    """Print the side-by-side figures and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other tree's src folder")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "docs")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=10, help="passes per process")
    args = parser.parse_args(argv)
    trees = {"this tree": ROOT / "src", "other": args.other}
    best = dict.fromkeys(trees, float("inf"))
    count = 0
    for round_ in range(args.rounds):
        order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
        for name in order:
            result = measure(trees[name], args.corpus, args.repeats)
            best[name] = min(best[name], result["best"])
            count = int(result["count"])
    print(f"full-structure loads of {count} real documents, best of {args.rounds} rounds:")
    for name, seconds in best.items():
        print(f"  {name:10} {seconds * 1000:8.2f} ms  ({count / seconds:7.0f} documents/s)")
    print(f"  ratio this/other: {best['this tree'] / best['other']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
