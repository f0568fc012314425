"""The registry of export formats, and the package's dependencies."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

import archivedoc.export
from archivedoc.export import FORMATS, Format, get_format
from export_support import SEED, document

EXPORT = Path(archivedoc.export.__file__).parent


def test_the_formats_the_command_line_names() -> None:
    assert {"tei", "csl-json", "zotero-json", "bibtex", "ris", "dc", "csv", "parquet"} <= set(
        FORMATS
    )
    for name, fmt in FORMATS.items():
        assert isinstance(fmt, Format) and fmt.name == name
        assert fmt.suffix.startswith(".")
    assert FORMATS["tei"].many is None and FORMATS["dc"].many is None
    assert FORMATS["parquet"].binary and not FORMATS["csv"].binary


def test_every_format_writes_one_and_many() -> None:
    doc = document(SEED)
    for fmt in FORMATS.values():
        one = fmt.one(doc)
        assert isinstance(one, bytes if fmt.binary else str) and one
        if fmt.many is not None:
            many = fmt.many([("a.md", doc), ("b.md", doc)])
            assert isinstance(many, bytes if fmt.binary else str) and len(many) > len(one) // 2


def test_unknown_format_names_the_known_ones() -> None:
    assert get_format("bibtex") is FORMATS["bibtex"]
    with pytest.raises(ValueError, match="unknown export format 'docx'") as info:
        get_format("docx")
    for name in FORMATS:
        assert name in str(info.value)


def test_exports_depend_on_the_public_model_only() -> None:
    allowed = {"archivedoc", "archivedoc.model"}
    for path in sorted(EXPORT.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] == "archivedoc":
                    assert name in allowed or name.startswith("archivedoc.export"), (path, name)


def test_the_exports_need_no_new_runtime_dependency() -> None:
    """Module-level imports are the standard library, attrs and archivedoc only.

    pyarrow, the one other library an export uses, is imported on first use.
    """
    allowed = set(sys.stdlib_module_names) | {"archivedoc", "attrs"}
    for path in sorted(EXPORT.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                assert module.split(".")[0] in allowed, (path, module)
