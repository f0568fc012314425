"""The ``archivedoc`` command line: its parser, its options and ``main``.

Every command reads files, folders, globs, zip and tar archives and ``-``
(standard input) through :mod:`archivedoc.batch`, on all cores by default
(the commands themselves are in :mod:`archivedoc._commands`).  Data goes to
standard output, diagnostics and the summary to standard error; a progress
bar is drawn only when standard error is a terminal.  The parser is also
what ``docs/cli.rst`` shows (``docs/_ext/cli_reference.py``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Sequence

from archivedoc import DEFAULT, DEFAULT_MAX_SIZE, Dialect, __version__, _commands, _formats, _pool
from archivedoc._commands import INTERRUPTED, PIPE_CLOSED, USAGE, WORKER_DIED

_EXAMPLES = """\
examples:
  archivedoc check corpus/ archive.zip       parse and write back every document, on all cores
  archivedoc show seeds/000_166951fa67b74f81.txt
  archivedoc convert corpus/ --to jsonl > corpus.jsonl
  archivedoc stats corpus/
  archivedoc COMMAND --help                  a command's options and examples

"""
_EXIT_CODES = """\
exit codes:
  0    every document was read (and, for check, written back byte for byte)
  1    some documents failed; each is reported as FILE:LINE:COLUMN: MESSAGE
  2    usage or I/O error: a bad option, a missing or unreadable file, nothing to read
  3    a worker process died (killed, or out of memory): the run is incomplete
  130  interrupted (Ctrl-C)
  141  standard output was closed early (e.g. piped into head)
"""


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
        help="refuse larger files before reading them, e.g. 500K, 64M or none "
        f"(default: {DEFAULT_MAX_SIZE >> 20}M)",
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
        epilog=_EXAMPLES + _EXIT_CODES,
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
    check.set_defaults(run=_commands.check)

    show = command(
        "show", "print documents as JSON (standard input if no INPUT is given)", _SHOW_EXAMPLES
    )
    show.add_argument("--compact", action="store_true", help="one line per document (JSON Lines)")
    show.set_defaults(run=_commands.show, default_paths=["-"])

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
    convert.set_defaults(run=_commands.convert)

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
    stats.set_defaults(run=_commands.stats)
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
            if sys.stdin.isatty():
                print(
                    "archivedoc: reading a document from the terminal (Ctrl-D ends it)",
                    file=sys.stderr,
                )
        code: int = args.run(args)
        sys.stdout.flush()
        return code
    except ImportError as exc:
        # A reader's optional dependency that is not installed (e.g. archivedoc[pdf]):
        # the reader's message says what to install.
        print(f"archivedoc: {exc}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        print("archivedoc: interrupted", file=sys.stderr)
        return INTERRUPTED
    except RuntimeError as exc:
        if not _pool.broken(exc):
            raise
        print(f"archivedoc: {exc}", file=sys.stderr)
        return WORKER_DIED
    except BrokenPipeError:
        # The reader is gone (`archivedoc check ... | head -1`): stop quietly, and
        # point stdout at /dev/null so that the flush at exit cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return PIPE_CLOSED
    except OSError as exc:  # the output cannot be written: a missing folder, a full disk
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"archivedoc: {where}{exc.strerror or exc}", file=sys.stderr)
        return USAGE
