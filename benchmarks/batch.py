"""The batch benchmark: ``archivedoc check`` over a folder of generated documents.

    python benchmarks/batch.py [--quick]        (also run by benchmarks/run.py)

Writes 2,000 and 20,000 seed-sized generated documents (about 3.75 KB each,
75 MB for 20,000) to a temporary folder, runs the real command on them in
a subprocess with ``--jobs 1`` and ``--jobs 2``, and reports the wall time,
documents per second, the speed-up of two processes and the peak memory of
the whole process tree (the command and its workers, summed, sampled from
/proc every 10 ms), which must not grow with the number of documents.

The compiled grammar is cached on disk (``archivedoc._grammar_cache``): the
benchmark gives the commands a cache folder of their own and fills it with
one command over one document first, so that ``--jobs 1`` and ``--jobs 2``
start alike, as every run after a user's first does.  That first, cold run
is reported too.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

#: The seed document's size, in characters.
SIZE = 3_750


def write_corpus(folder: Path, count: int) -> int:
    """``count`` distinct documents in ``folder`` (100 per subfolder); returns their total bytes.

    Each one is generated from its own seed: copies of a few would let the
    part readers' memos (a citation, a date) answer for the reading.
    """
    total = 0
    for n in range(count):
        sub = folder / f"{n // 100:04d}"
        if n % 100 == 0:
            sub.mkdir(parents=True)
        data = generate.transcript_document(SIZE, seed=n, distinct=True).encode("utf-8")
        (sub / f"{n:06d}.md").write_bytes(data)
        total += len(data)
    return total


def _tree_rss(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in bytes (0 if gone)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total


def run_check(folder: Path, jobs: int, env: dict[str, str]) -> tuple[float, float, int, int]:
    """Wall and CPU seconds, exit code and peak tree memory of ``archivedoc check folder``.

    The CPU time (user + system of the command and its workers) is steadier
    than the wall time on a shared machine: it says what the work costs.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "archivedoc", "check", str(folder), "--jobs", str(jobs)]
    started = time.perf_counter()
    child = subprocess.Popen(
        [*command, "--progress", "never"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    peak = 0
    while child.poll() is None:
        peak = max(peak, _tree_rss(child.pid))
        time.sleep(0.01)
    elapsed = time.perf_counter() - started
    assert child.stderr is not None
    child.stderr.read()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, child.returncode, peak


def measure(quick: bool = False) -> tuple[str, list[list[str]]]:
    """The report's markdown section and its target rows (target, measured, met)."""
    counts = [200, 2_000] if quick else [2_000, 20_000]
    rows: list[list[str]] = []
    results: dict[tuple[int, int], tuple[float, int]] = {}
    work = Path(tempfile.mkdtemp(prefix="archivedoc-batch-"))
    env = {**os.environ, "ARCHIVEDOC_CACHE_DIR": str(work / "cache")}
    try:
        write_corpus(work / "one", 1)
        cold = run_check(work / "one", 1, env)
        warm = run_check(work / "one", 1, env)
        for count in counts:
            folder = work / str(count)
            size = write_corpus(folder, count)
            for jobs in (1, 2):
                elapsed, cpu, code, peak = run_check(folder, jobs, env)
                results[count, jobs] = elapsed, peak
                rows.append(
                    [
                        f"{count:,}",
                        f"{size / 1e6:.1f}",
                        str(jobs),
                        f"{elapsed:.2f}",
                        f"{cpu:.2f}",
                        f"{count / elapsed:,.0f}",
                        f"{peak / 1e6:.0f}",
                        str(code),
                    ]
                )
            shutil.rmtree(folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    big, small = counts[-1], counts[0]
    speedup = results[big, 1][0] / results[big, 2][0]
    growth = results[big, 2][1] / results[small, 2][1]
    header = ["documents", "MB", "--jobs", "s", "CPU s (tree)", "docs/s", "peak MB (tree)", "exit"]
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    section = (
        f"\n## archivedoc check over a folder (a subprocess, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f} at the end)\n\n" + "\n".join(lines) + "\n"
        f"\nOne document, the grammar compiled (a cold cache): {cold[0]:.2f} s "
        f"({cold[1]:.2f} s CPU); loaded from the cache: {warm[0]:.2f} s ({warm[1]:.2f} s CPU).\n"
    )
    targets = [
        [
            f"check {big:,} documents with --jobs 2 < 10 s",
            f"{results[big, 2][0]:.2f} s",
            "yes" if results[big, 2][0] < 10 else "NO",
        ],
        [
            "--jobs 2 >= 1.7x faster than --jobs 1",
            f"{speedup:.2f}x",
            "yes" if speedup >= 1.7 else "NO",
        ],
        [
            f"peak memory does not grow from {small:,} to {big:,} documents",
            f"{growth:.2f}x (--jobs 2)",
            "yes" if growth <= 1.2 else "NO",
        ],
    ]
    return section, targets


def add_to_report(out: list[str], quick: bool) -> list[list[str]]:
    """Append this benchmark's section to ``out``; returns its target rows."""
    section, targets = measure(quick)
    out.append(section)
    return targets


def main(argv: list[str] | None = None) -> int:
    """Run the batch benchmark alone and print its section and targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 and 2,000 documents")
    args = parser.parse_args(argv)
    section, targets = measure(args.quick)
    print(section)
    for target in targets:
        print("| " + " | ".join(target) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
