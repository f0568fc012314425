"""docs/errors.rst lists every ParseError message the library can raise.

The messages are read from the source, not from a list kept by hand: every
string (or literal part of an f-string) passed to ``ParseError`` or to the
visitor's ``SectionError``, every ``msg`` built in ``_errors.py``, and every
"expected ..." phrase (a ``expected=`` argument, an assignment to
``expected`` or to a name with EXPECTED or HINTS in it).  Each literal
fragment must appear in the catalogue, so a new message fails this test
until it is documented with its cause and fix.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from conftest import ROOT

SOURCE = ROOT / "src" / "archivedoc"
CATALOGUE = ROOT / "docs" / "errors.rst"
_RAISERS = {"ParseError", "SectionError", "DocumentTooLargeError"}


def _strings(node: ast.AST) -> Iterator[str]:
    """The literal text in an expression, skipping calls (regex patterns, decode options)."""
    if isinstance(node, ast.Call):
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
        return
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, ast.FormattedValue):
            yield from _strings(child)


def _name(node: ast.AST) -> str:
    return getattr(node, "id", None) or getattr(node, "attr", None) or ""


def message_fragments(tree: ast.AST) -> Iterator[str]:
    """The literal parts of every error message in a module's syntax tree."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in _RAISERS:
            for arg in node.args:
                yield from _strings(arg)  # the message; the other arguments have no text
            for kw in node.keywords:
                if kw.arg == "expected":
                    yield from _strings(kw.value)
        elif isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "expected":
                    yield from _strings(kw.value)
        elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [_name(t) for t in targets]
            if any(n in {"msg", "expected"} or re.search("EXPECTED|HINTS", n) for n in names):
                yield from _strings(node.value)


def _normal(text: str) -> str:
    return " ".join(text.split())


def _documented_fragments() -> dict[str, list[str]]:
    """Source file -> the fragments (with letters, 4+ characters) it raises."""
    found: dict[str, list[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        pieces = [_normal(s) for s in message_fragments(tree)]
        keep = [p for p in pieces if len(p) >= 4 and re.search(r"[A-Za-z]{2}", p)]
        if keep:
            found[str(path.relative_to(SOURCE))] = keep
    return found


def test_the_scan_finds_the_messages() -> None:
    """The scan itself works: it finds messages we know are there."""
    every = {f for fragments in _documented_fragments().values() for f in fragments}
    assert "strict: section" in every
    assert "document too deeply nested to parse" in every
    assert "a section header '### <Label>:' (the label ends with a colon)" in every
    assert "###[ ]" not in every  # regex patterns are not messages


def test_every_message_is_in_the_catalogue() -> None:
    catalogue = _normal(CATALOGUE.read_text(encoding="utf-8"))
    missing = [
        f"{where}: {fragment!r}"
        for where, fragments in _documented_fragments().items()
        for fragment in fragments
        if fragment not in catalogue
    ]
    assert missing == [], "document these messages in docs/errors.rst:\n" + "\n".join(missing)
