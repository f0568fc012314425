"""The ``archivedoc`` command: show a document as JSON, check whole folders."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from archivedoc import DEFAULT, Dialect, Document, ParseError, __version__, dumps, loads, to_dict
from archivedoc._io.parse import decode


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


def _files(paths: Sequence[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix in {".md", ".txt"}
            )
        else:
            yield path


def _read(path: Path, strict: bool, dialect: Dialect) -> Document:
    return loads(decode(path.read_bytes()), strict=strict, dialect=dialect)


def _show(args: argparse.Namespace) -> int:
    try:
        doc = _read(Path(args.file), args.strict, args.dialect)
    except ParseError as exc:
        print(f"{args.file}:{exc.lineno}:{exc.colno}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    try:
        json.dump(to_dict(doc), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
    return 0


def _check(args: argparse.Namespace) -> int:
    failures = total = 0
    for path in _files(args.paths):
        total += 1
        try:
            data = path.read_bytes()
            text = decode(data)
            doc = loads(text, strict=args.strict, dialect=args.dialect)
        except ParseError as exc:
            failures += 1
            first = str(exc).splitlines()[0]
            print(f"{path}:{exc.lineno}:{exc.colno}: {first}")
            continue
        except OSError as exc:
            failures += 1
            print(f"{path}: {exc.strerror}")
            continue
        if dumps(doc) != text:
            failures += 1
            print(f"{path}:1:1: round trip changed the text")
    print(f"{total - failures} passed, {failures} failed", file=sys.stderr)
    return 1 if failures or not total else 0


_DIALECT_HELP = "read in this dialect, as module:NAME (e.g. archivedoc.dialects.site:SITE)"


def build_parser() -> argparse.ArgumentParser:
    """The command line's argument parser."""
    parser = argparse.ArgumentParser(
        prog="archivedoc", description="Parse Wilson Center Digital Archive documents."
    )
    parser.add_argument("--version", action="version", version=f"archivedoc {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="print a document as indented JSON")
    show.add_argument("file")
    show.add_argument("--strict", action="store_true", help="reject unknown sections")
    show.add_argument("--dialect", type=_dialect, default=DEFAULT, help=_DIALECT_HELP)
    show.set_defaults(run=_show)
    check = commands.add_parser(
        "check", help="parse files or folders, verify the round trip, report file:line:col"
    )
    check.add_argument("paths", nargs="+")
    check.add_argument("--strict", action="store_true", help="reject unknown sections")
    check.add_argument("--dialect", type=_dialect, default=DEFAULT, help=_DIALECT_HELP)
    check.set_defaults(run=_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    code: int = args.run(args)
    return code
