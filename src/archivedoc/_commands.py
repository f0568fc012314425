"""The commands ``check``, ``show``, ``convert`` and ``stats``, in the parent process.

Each runs its per-document work (:mod:`archivedoc._tasks`) on the worker
processes through :mod:`archivedoc.batch`, writes data to standard output
and diagnostics to standard error, and returns the exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

import attrs

from archivedoc import Document, _formats, _stats
from archivedoc._sources import Source, count, expand
from archivedoc._tasks import (
    Diagnostic,
    check_one,
    diagnose,
    facts_one,
    output_path,
    piece_one,
    show_one,
    write_one,
)
from archivedoc.batch import READERS, ReadOptions, Result, _documents, _process

_R = TypeVar("_R")

#: Exit codes (documented in --help and docs/cli.rst).
OK, FAILED, USAGE, WORKER_DIED, INTERRUPTED, PIPE_CLOSED = 0, 1, 2, 3, 130, 141


def _options(args: argparse.Namespace) -> ReadOptions:
    return ReadOptions(strict=args.strict, dialect=args.dialect, max_size=args.max_size)


def _sources(args: argparse.Namespace) -> Iterator[Source]:
    return expand(args.paths, frozenset(READERS), args.max_size)


class _Screen:
    """Where a command's lines go: around the progress bar, when there is one."""

    def __init__(self, bar: Any = None) -> None:
        self.bar = bar

    def tick(self) -> None:
        """One more document done."""
        if self.bar is not None:
            self.bar.update()

    def say(self, text: str, file: IO[str], flush: bool = False) -> None:
        """Print a line; on the bar's terminal, above the bar (which is then redrawn)."""
        if self.bar is not None and file.isatty():
            type(self.bar).write(text, file=file)
        else:
            print(text, file=file, flush=flush)


@contextlib.contextmanager
def _progress(args: argparse.Namespace) -> Iterator[_Screen]:
    """The screen of a run: a progress bar on standard error if it is a terminal."""
    shown = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    if not shown:
        yield _Screen()
        return
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
    total = count(args.paths, frozenset(READERS))
    bar = tqdm(total=total, unit="doc", file=sys.stderr, leave=False, dynamic_ncols=True)
    try:
        yield _Screen(bar)
    finally:
        bar.close()


def _each(
    args: argparse.Namespace, task: Callable[[Source, Any, Any, Any], _R], screen: _Screen
) -> Iterator[_R]:
    with contextlib.closing(_process(_sources(args), task, _options(args), args.jobs)) as results:
        for result in results:
            screen.tick()
            yield result


def _report(diagnostic: Diagnostic, screen: _Screen, excerpt: bool = False) -> None:
    prefix = "archivedoc: " if diagnostic.kind == "io" else ""
    screen.say(prefix + diagnostic.text(), sys.stderr)
    if excerpt and diagnostic.excerpt:
        screen.say(diagnostic.excerpt, sys.stderr)


def _nothing(args: argparse.Namespace) -> int:
    suffixes = ", ".join(sorted(READERS))
    print(
        f"archivedoc: nothing to read in {' '.join(args.paths)} (documents end in {suffixes})",
        file=sys.stderr,
    )
    return USAGE


def check(args: argparse.Namespace) -> int:
    """Parse every document and write it back: one diagnostic per failure."""
    ascii_only = not utf(sys.stdout)
    total = failed = unreadable = 0
    with _progress(args) as screen:
        for diagnostic in _each(args, check_one, screen):
            total += 1
            if diagnostic is None:
                continue
            if diagnostic.kind == "io":
                unreadable += 1
            else:
                failed += 1
            # Each line flushed: a reader of the pipe sees failures as they come.
            if args.format == "json":
                screen.say(diagnostic.to_json(ascii_only), sys.stdout, flush=True)
            elif diagnostic.kind == "io":
                _report(diagnostic, screen)
            else:
                screen.say(diagnostic.text(), sys.stdout, flush=True)
    sys.stdout.flush()
    if not total:
        return _nothing(args)
    passed = total - failed - unreadable
    extra = f", {unreadable} unreadable" if unreadable else ""
    print(f"{passed} passed, {failed} failed{extra}", file=sys.stderr)
    return USAGE if unreadable else FAILED if failed else OK


def _status(total: int, failed: int, unreadable: int, args: argparse.Namespace) -> int:
    if not total:
        return _nothing(args)
    return USAGE if unreadable else FAILED if failed else OK


def show(args: argparse.Namespace) -> int:
    """Print each document as JSON."""
    ascii_only = not utf(sys.stdout)
    task = functools.partial(show_one, None if args.compact else 2, ascii_only)
    total = failed = unreadable = 0
    with _progress(args) as screen:
        for shown in _each(args, task, screen):
            total += 1
            if isinstance(shown, Diagnostic):
                unreadable += shown.kind == "io"
                failed += shown.kind != "io"
                _report(shown, screen, excerpt=True)
            else:
                screen.say(shown, sys.stdout)
    sys.stdout.flush()
    return _status(total, failed, unreadable, args)


def stats(args: argparse.Namespace) -> int:
    """Print the corpus summary."""
    tally = _stats.Tally()
    unreadable = 0
    with _progress(args) as screen:
        for found in _each(args, facts_one, screen):
            if isinstance(found, Diagnostic):
                tally.failures += 1
                unreadable += found.kind == "io"
                _report(found, screen)
            else:
                tally.add(found)
    total = tally.documents + tally.failures
    if total:
        if args.format == "json":
            ascii_only = not utf(sys.stdout)
            print(json.dumps(tally.to_json(), indent=2, ensure_ascii=ascii_only))
        else:
            sys.stdout.write(tally.to_text(args.top))
        sys.stdout.flush()
    return _status(total, tally.failures - unreadable, unreadable, args)


def convert(args: argparse.Namespace) -> int:
    """Write the documents in the format of ``--to``."""
    offered = _formats.formats()
    if args.to not in offered:
        names = ", ".join(sorted(offered))
        print(f"archivedoc: unknown format {args.to!r}; formats: {names}", file=sys.stderr)
        return USAGE
    output: str | None = None if args.output in (None, "-") else args.output
    if output is not None and (os.path.isdir(output) or output.endswith(("/", os.sep))):
        return _convert_to_folder(args, output)
    return _convert_to_stream(args, output, offered[args.to])


def _convert_to_folder(args: argparse.Namespace, folder: str) -> int:
    suffix = _formats.formats()[args.to].suffix
    task = functools.partial(write_one, args.to, folder)
    seen: set[Path] = set()

    def unique(sources: Iterable[Source]) -> Iterator[Source]:
        # Two inputs with one output name (a.md, a.txt): the second is refused.
        for source in sources:
            target = output_path(folder, source, suffix)
            if target in seen and source.error is None:
                error = OSError(f"{target} is already the output of an earlier document")
                source = attrs.evolve(source, error=error)
            seen.add(target)
            yield source

    total = failed = unreadable = 0
    sources = unique(_sources(args))
    with (
        _progress(args) as screen,
        contextlib.closing(_process(sources, task, _options(args), args.jobs)) as results,
    ):
        for diagnostic in results:
            screen.tick()
            total += 1
            if diagnostic is not None:
                unreadable += diagnostic.kind == "io"
                failed += diagnostic.kind != "io"
                _report(diagnostic, screen)
    return _status(total, failed, unreadable, args)


def _convert_to_stream(args: argparse.Namespace, output: str | None, fmt: Any) -> int:
    counts = [0, 0, 0]  # documents, failed, unreadable

    def note(diagnostic: Diagnostic) -> None:
        counts[1 + (diagnostic.kind == "io")] += 1
        _report(diagnostic, screen)

    sys.stdout.flush()
    with contextlib.ExitStack() as stack:
        out: IO[bytes] = (
            sys.stdout.buffer if output is None else stack.enter_context(open(output, "wb"))
        )
        screen = stack.enter_context(_progress(args))
        stream = _formats.stream(args.to)
        if stream is not None:
            task = functools.partial(piece_one, args.to)
            first = True
            for piece in _each(args, task, screen):
                counts[0] += 1
                if isinstance(piece, Diagnostic):
                    note(piece)
                    continue
                head = stream.head if first else stream.separator
                out.write((head + piece).encode("utf-8"))
                first = False
            if not first or stream.head:
                out.write(((stream.head if first else "") + stream.tail).encode("utf-8"))
        else:
            results = stack.enter_context(
                contextlib.closing(_documents(_sources(args), _options(args), args.jobs))
            )

            def documents() -> Iterator[tuple[str, Document]]:
                for result in results:
                    screen.tick()
                    counts[0] += 1
                    if result.document is not None:
                        yield result.source, result.document
                    else:
                        note(diagnose(Source(result.source, result.source), _error(result)))

            if fmt.many is not None:
                content = fmt.many(documents())
            else:
                docs = documents()
                one = next(docs, None)
                if next(docs, None) is not None:
                    print(
                        f"archivedoc: {args.to} holds one document per output; "
                        "give --output FOLDER/ for one file per document",
                        file=sys.stderr,
                    )
                    return USAGE
                content = b"" if one is None else fmt.one(one[1])
            out.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        out.flush()
    return _status(counts[0], counts[1], counts[2], args)


def _error(result: Result) -> Exception:
    assert result.error is not None
    return result.error


def utf(stream: Any) -> bool:
    """True if ``stream`` writes UTF-8 (else JSON is written with ASCII escapes)."""
    encoding = getattr(stream, "encoding", None) or ""
    return encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")
