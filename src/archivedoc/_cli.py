"""The ``archivedoc`` command: check, show, convert and count whole archives.

Every command reads files, folders, globs, zip and tar archives and ``-``
(standard input) through :mod:`archivedoc.batch`, on all cores by default;
the per-document work runs in the worker processes, so only diagnostics and
small results come back.  Data goes to standard output, diagnostics and the
summary to standard error; a progress bar is drawn only when standard error
is a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

import attrs

from archivedoc import (
    DEFAULT,
    DEFAULT_MAX_SIZE,
    Dialect,
    Document,
    DocumentTooLargeError,
    ParseError,
    __version__,
    _formats,
    _stats,
    dumps,
    loads,
    to_dict,
)
from archivedoc._sources import Source, count, expand
from archivedoc.batch import READERS, ReadOptions, Result, _documents, process, read_text

_R = TypeVar("_R")

#: Exit codes (documented in --help and docs/cli.rst).
OK, FAILED, USAGE, INTERRUPTED, PIPE_CLOSED = 0, 1, 2, 130, 141

_EXIT_CODES = """\
exit codes:
  0    every document was read (and, for check, written back byte for byte)
  1    some documents failed; each is reported as FILE:LINE:COLUMN: MESSAGE
  2    usage or I/O error: a bad option, a missing or unreadable file, nothing to read
  130  interrupted (Ctrl-C)
  141  standard output was closed early (e.g. piped into head)
"""


@attrs.frozen
class Diagnostic:
    """One document that could not be read, or read back, with where and why."""

    file: str
    line: int
    column: int
    message: str
    #: "parse", "too_large", "round_trip" or "io" (an unreadable file: exit code 2).
    kind: str
    #: The offending line with a caret under the spot (empty when there is none).
    excerpt: str = ""

    def text(self) -> str:
        """``file:line:column: message`` (no position for an unreadable file)."""
        if self.kind == "io":
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {self.message}"

    def to_json(self, ascii_only: bool = False) -> str:
        """One JSON line, for other tools."""
        data = attrs.asdict(self)
        del data["excerpt"]
        return json.dumps(data, ensure_ascii=ascii_only)


def diagnose(source: Source, error: Exception) -> Diagnostic:
    """The Diagnostic for an error from reading ``source``."""
    if isinstance(error, ParseError):
        kind = "too_large" if isinstance(error, DocumentTooLargeError) else "parse"
        excerpt = "\n".join(str(error).splitlines()[1:])
        return Diagnostic(source.name, error.lineno, error.colno, error.msg, kind, excerpt)
    message = getattr(error, "strerror", None) or str(error)
    return Diagnostic(source.name, 0, 0, message, "io")


# -- the per-document work, run in the worker processes ------------------------


def _check_one(
    source: Source, doc: Document | None, error: Exception | None, original: bytes | str | None
) -> Diagnostic | None:
    if error is not None:
        return diagnose(source, error)
    assert doc is not None and original is not None
    written = dumps(doc)
    if isinstance(original, bytes) and READERS.get(source.suffix, read_text) is not read_text:
        # Not the text layout (e.g. a PDF): the written text must read back the same.
        if loads(written, dialect=doc.dialect, max_size=None) == doc:
            return None
        return Diagnostic(
            source.name, 1, 1, "the written text reads back differently", "round_trip"
        )
    same = written == original if isinstance(original, str) else written.encode() == original
    if same:
        return None
    text = original.decode("utf-8") if isinstance(original, bytes) else original
    pairs = enumerate(zip(written, text, strict=False))
    at = next((i for i, (a, b) in pairs if a != b), min(len(written), len(text)))
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    message = "round trip changed the text: dumps(loads(text)) differs here"
    return Diagnostic(source.name, line, column, message, "round_trip")


def _show_one(
    indent: int | None,
    ascii_only: bool,
    source: Source,
    doc: Document | None,
    error: Exception | None,
    original: bytes | str | None,
) -> str | Diagnostic:
    if error is not None:
        return diagnose(source, error)
    assert doc is not None
    separators = (",", ":") if indent is None else None
    return json.dumps(to_dict(doc), indent=indent, ensure_ascii=ascii_only, separators=separators)


def _facts_one(
    source: Source, doc: Document | None, error: Exception | None, original: bytes | str | None
) -> _stats.Facts | Diagnostic:
    if error is not None:
        return diagnose(source, error)
    assert doc is not None
    return _stats.facts(doc)


def _piece_one(
    name: str,
    source: Source,
    doc: Document | None,
    error: Exception | None,
    original: bytes | str | None,
) -> str | Diagnostic:
    if error is not None:
        return diagnose(source, error)
    assert doc is not None
    stream = _formats.stream(name)
    assert stream is not None
    return stream.piece(source.name, doc)


def _write_one(
    name: str,
    folder: str,
    source: Source,
    doc: Document | None,
    error: Exception | None,
    original: bytes | str | None,
) -> Diagnostic | None:
    if error is not None:
        return diagnose(source, error)
    assert doc is not None
    fmt = _formats.formats()[name]
    target = _target(folder, source, fmt.suffix)
    content = fmt.one(doc)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    except OSError as exc:
        return Diagnostic(str(target), 0, 0, exc.strerror or str(exc), "io")
    return None


def _target(folder: str, source: Source, suffix: str) -> Path:
    """Where ``convert`` writes a source's output in ``folder``: its name kept, new suffix."""
    relative = Path(source.relative)
    parts = [part for part in relative.parts if part not in ("..", "/", "")]
    return Path(folder, *parts).with_suffix(suffix)


# -- the commands, in the parent process -------------------------------------


def _options(args: argparse.Namespace) -> ReadOptions:
    return ReadOptions(strict=args.strict, dialect=args.dialect, max_size=args.max_size)


def _sources(args: argparse.Namespace) -> Iterator[Source]:
    return expand(args.paths, frozenset(READERS), args.max_size)


@contextlib.contextmanager
def _progress(args: argparse.Namespace) -> Iterator[Callable[[], None]]:
    """A function to call once per document: it moves the bar, if there is one."""
    shown = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    if not shown:
        yield lambda: None
        return
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
    total = count(args.paths, frozenset(READERS))
    bar = tqdm(total=total, unit="doc", file=sys.stderr, leave=False, dynamic_ncols=True)
    try:
        yield bar.update
    finally:
        bar.close()


def _each(
    args: argparse.Namespace, task: Callable[[Source, Any, Any, Any], _R], tick: Callable[[], None]
) -> Iterator[_R]:
    with contextlib.closing(process(_sources(args), task, _options(args), args.jobs)) as results:
        for result in results:
            tick()
            yield result


def _report(diagnostic: Diagnostic, excerpt: bool = False) -> None:
    prefix = "archivedoc: " if diagnostic.kind == "io" else ""
    print(prefix + diagnostic.text(), file=sys.stderr)
    if excerpt and diagnostic.excerpt:
        print(diagnostic.excerpt, file=sys.stderr)


def _nothing(args: argparse.Namespace) -> int:
    suffixes = ", ".join(sorted(READERS))
    print(
        f"archivedoc: nothing to read in {' '.join(args.paths)} (documents end in {suffixes})",
        file=sys.stderr,
    )
    return USAGE


def _check(args: argparse.Namespace) -> int:
    ascii_only = not _utf(sys.stdout)
    total = failed = unreadable = 0
    with _progress(args) as tick:
        for diagnostic in _each(args, _check_one, tick):
            total += 1
            if diagnostic is None:
                continue
            if diagnostic.kind == "io":
                unreadable += 1
            else:
                failed += 1
            # Each line flushed: a reader of the pipe sees failures as they come.
            if args.format == "json":
                print(diagnostic.to_json(ascii_only), flush=True)
            elif diagnostic.kind == "io":
                print(f"archivedoc: {diagnostic.text()}", file=sys.stderr)
            else:
                print(diagnostic.text(), flush=True)
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


def _show(args: argparse.Namespace) -> int:
    ascii_only = not _utf(sys.stdout)
    task = functools.partial(_show_one, None if args.compact else 2, ascii_only)
    total = failed = unreadable = 0
    with _progress(args) as tick:
        for shown in _each(args, task, tick):
            total += 1
            if isinstance(shown, Diagnostic):
                unreadable += shown.kind == "io"
                failed += shown.kind != "io"
                _report(shown, excerpt=True)
            else:
                sys.stdout.write(shown + "\n")
    sys.stdout.flush()
    return _status(total, failed, unreadable, args)


def _stats_command(args: argparse.Namespace) -> int:
    tally = _stats.Tally()
    unreadable = 0
    with _progress(args) as tick:
        for found in _each(args, _facts_one, tick):
            if isinstance(found, Diagnostic):
                tally.failures += 1
                unreadable += found.kind == "io"
                _report(found)
            else:
                tally.add(found)
    total = tally.documents + tally.failures
    if total:
        if args.format == "json":
            ascii_only = not _utf(sys.stdout)
            print(json.dumps(tally.to_json(), indent=2, ensure_ascii=ascii_only))
        else:
            sys.stdout.write(tally.to_text(args.top))
        sys.stdout.flush()
    return _status(total, tally.failures - unreadable, unreadable, args)


def _convert(args: argparse.Namespace) -> int:
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
    task = functools.partial(_write_one, args.to, folder)
    seen: set[Path] = set()

    def unique(sources: Iterable[Source]) -> Iterator[Source]:
        # Two inputs with one output name (a.md, a.txt): the second is refused.
        for source in sources:
            target = _target(folder, source, suffix)
            if target in seen and source.error is None:
                error = OSError(f"{target} is already the output of an earlier document")
                source = attrs.evolve(source, error=error)
            seen.add(target)
            yield source

    total = failed = unreadable = 0
    sources = unique(_sources(args))
    with (
        _progress(args) as tick,
        contextlib.closing(process(sources, task, _options(args), args.jobs)) as results,
    ):
        for diagnostic in results:
            tick()
            total += 1
            if diagnostic is not None:
                unreadable += diagnostic.kind == "io"
                failed += diagnostic.kind != "io"
                _report(diagnostic)
    return _status(total, failed, unreadable, args)


def _convert_to_stream(args: argparse.Namespace, output: str | None, fmt: Any) -> int:
    counts = [0, 0, 0]  # documents, failed, unreadable

    def note(diagnostic: Diagnostic) -> None:
        counts[1 + (diagnostic.kind == "io")] += 1
        _report(diagnostic)

    sys.stdout.flush()
    with contextlib.ExitStack() as stack:
        out: IO[bytes] = (
            sys.stdout.buffer if output is None else stack.enter_context(open(output, "wb"))
        )
        tick = stack.enter_context(_progress(args))
        stream = _formats.stream(args.to)
        if stream is not None:
            task = functools.partial(_piece_one, args.to)
            first = True
            for piece in _each(args, task, tick):
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
                    tick()
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


# -- the parser --------------------------------------------------------------


def _dialect(spec: str) -> Dialect:
    """``module:NAME`` -> the Dialect object it names (for ``--dialect``)."""
    module, _, name = spec.partition(":")
    try:
        found = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError, ValueError) as exc:
        raise argparse.ArgumentTypeError(f"cannot load dialect {spec!r}: {exc}") from None
    if not isinstance(found, Dialect):
        raise argparse.ArgumentTypeError(f"{spec!r} is not an archivedoc.Dialect")
    return found


def _jobs(value: str) -> int:
    """``--jobs``: a number of processes; 0 (the default) for all cores."""
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("--jobs takes 0 (all cores) or more")
    return jobs or _cores()


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def _size(value: str) -> int | None:
    """``--max-size``: bytes, with an optional K, M or G (binary units); 'none' for no limit."""
    if value.lower() == "none":
        return None
    match = re.fullmatch(r"(\d+)\s*([kmg]?)i?b?", value.strip().lower())
    if match is None:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 500K, 64M, none)")
    return int(match[1]) * _UNITS[match[2]]


def _utf(stream: Any) -> bool:
    encoding = getattr(stream, "encoding", None) or ""
    return encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")


_DIALECT_HELP = "read in this dialect, as module:NAME (e.g. archivedoc.dialects.site:SITE)"
_INPUTS_HELP = (
    "files, folders (their .md and .txt files, recursively), globs such as "
    "'corpus/**/*.md', zip or tar archives, or - for standard input"
)

_CHECK_EXAMPLES = """\
examples:
  archivedoc check corpus/                   every .md/.txt file under corpus/, on all cores
  archivedoc check archive.zip --jobs 2      the documents inside a zip (or .tar.gz) archive
  archivedoc check 'corpus/**/*.MD' --strict a glob; unknown sections are failures
  archivedoc check corpus/ --format json     JSON Lines of diagnostics, for other tools
  cat doc.md | archivedoc check -            standard input
"""
_SHOW_EXAMPLES = """\
examples:
  archivedoc show seeds/000_166951fa67b74f81.txt
  archivedoc show a.md b.md --compact > docs.jsonl
  cat doc.md | archivedoc show
"""
_CONVERT_EXAMPLES = """\
examples:
  archivedoc convert corpus/ --to jsonl > corpus.jsonl
  archivedoc convert corpus/ --to csv -o corpus.csv
  archivedoc convert archive.tar.gz --to json -o out/    one file per document, names kept
  archivedoc convert doc.md --to md                      the text, byte for byte
"""
_STATS_EXAMPLES = """\
examples:
  archivedoc stats corpus/
  archivedoc stats archive.zip --format json --top 50
"""


def _common() -> argparse.ArgumentParser:
    """The options every command takes."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("paths", nargs="*", metavar="INPUT", help=_INPUTS_HELP)
    common.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default="0",
        metavar="N",
        help="processes to parse on (default: 0, all cores)",
    )
    common.add_argument("--strict", action="store_true", help="reject unknown sections")
    common.add_argument("--dialect", type=_dialect, default=DEFAULT, help=_DIALECT_HELP)
    common.add_argument(
        "--max-size",
        type=_size,
        default=DEFAULT_MAX_SIZE,
        metavar="SIZE",
        help="refuse larger files before reading them, e.g. 500K, 64M or none (default: 64M)",
    )
    common.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="a progress bar on standard error (default: auto, only on a terminal)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The command line's argument parser."""
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="archivedoc",
        description="Parse, check, convert and count Wilson Center Digital Archive documents.",
        epilog=_EXIT_CODES,
        formatter_class=raw,
    )
    parser.add_argument("--version", action="version", version=f"archivedoc {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = [_common()]

    def command(name: str, summary: str, examples: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            parents=common,
            help=summary,
            description=summary[0].upper() + summary[1:] + ".",
            epilog=examples + "\n" + _EXIT_CODES,
            formatter_class=raw,
        )
        return sub

    check = command(
        "check",
        "parse every document, verify the round trip, report each failure as FILE:LINE:COL",
        _CHECK_EXAMPLES,
    )
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="diagnostics as text lines or JSON Lines (default: text)",
    )
    check.set_defaults(run=_check)

    show = command(
        "show", "print documents as JSON (standard input if no INPUT is given)", _SHOW_EXAMPLES
    )
    show.add_argument("--compact", action="store_true", help="one line per document (JSON Lines)")
    show.set_defaults(run=_show, default_paths=["-"])

    convert = command("convert", "write documents in another format", _CONVERT_EXAMPLES)
    convert.add_argument(
        "--to",
        required=True,
        metavar="FORMAT",
        help="the output format: " + _formats.describe(),
    )
    convert.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="a file, or a folder (existing, or ending in /) for one file per document "
        "(default: standard output)",
    )
    convert.set_defaults(run=_convert)

    stats = command(
        "stats",
        "summarize a corpus: dates, languages, archives, contributors, sections, structure",
        _STATS_EXAMPLES,
    )
    stats.add_argument(
        "--format", choices=("text", "json"), default="text", help="the report's format"
    )
    stats.add_argument(
        "--top", type=int, default=10, metavar="N", help="entries shown per list (default: 10)"
    )
    stats.set_defaults(run=_stats_command)
    return parser


def _tolerant_streams() -> None:
    """Messages never fail on a terminal that cannot show a character (e.g. cp1252)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    _tolerant_streams()
    try:
        args = build_parser().parse_args(argv)
        if not args.paths:
            default = getattr(args, "default_paths", None)
            if default is None:
                print(f"archivedoc {args.command}: give at least one INPUT", file=sys.stderr)
                return USAGE
            args.paths = default
        code: int = args.run(args)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        print("archivedoc: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # The reader is gone (`archivedoc check ... | head -1`): stop quietly, and
        # point stdout at /dev/null so that the flush at exit cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return PIPE_CLOSED
