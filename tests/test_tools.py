"""tools/check_structure.py: it passes the project's documents and reports what it cannot read."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import DOCUMENTS, ROOT, SEED

_spec = importlib.util.spec_from_file_location(
    "check_structure", ROOT / "tools" / "check_structure.py"
)
assert _spec is not None and _spec.loader is not None
check_structure = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_structure)


def test_the_project_documents_all_get_structure(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_structure.main([str(SEED), *map(str, DOCUMENTS)]) == 0
    assert capsys.readouterr().out == ""


def test_it_reports_what_gets_no_structure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text(
        "## February 30, 1949 Cable\n\n### Citation:\n\nJust some words\n\n"
        "### Original Language:\n\nXyzzy\n\n### Contents:\n\n",
        encoding="utf-8",
    )
    (tmp_path / "citations.txt").write_text(
        "“A,” 1958, History and Public Policy Program Digital Archive, RGANI, f. 5.\nno archive\n",
        encoding="utf-8",
    )
    assert check_structure.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "heading date 'February 30, 1949' has no structure" in out
    assert "a.md: citation without an archive name" in out
    assert "language 'Xyzzy' has no code" in out
    assert "citations.txt:2: citation without an archive name" in out
    assert "citations.txt:1:" not in out
