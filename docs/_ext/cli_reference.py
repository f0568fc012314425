"""``.. cli-reference::``: the command line's reference, generated from its argparse parser.

The page shows exactly what ``archivedoc --help`` and ``archivedoc COMMAND
--help`` print, taken from :func:`archivedoc._cli.build_parser` when the
docs are built, so it cannot drift from the code.  One section per command.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

#: Help is wrapped at this width, whatever the terminal that builds the docs.
WIDTH = "88"


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _help(parser: argparse.ArgumentParser) -> str:
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = WIDTH
    try:
        return parser.format_help()
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


class CliReference(SphinxDirective):
    """Insert the help of the parser and of each of its commands."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from archivedoc._cli import build_parser

        parser = build_parser()
        result: list[nodes.Node] = [self._block(_help(parser))]
        for name, sub in _subcommands(parser).items():
            section = nodes.section(ids=[f"command-{name}"])
            section += nodes.title(text=f"archivedoc {name}")
            section += self._block(_help(sub))
            result.append(section)
        return result

    def _block(self, text: str) -> nodes.literal_block:
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return block


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("cli-reference", CliReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
