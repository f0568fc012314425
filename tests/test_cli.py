"""The command line: ``archivedoc show`` and ``archivedoc check``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archivedoc._cli import main
from conftest import DOCUMENTS, SEED


def test_show_prints_the_document_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Meeting between Marshal Stalin and Dr. Soong"


def test_show_reports_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("\n\n## Title\n\n### Broken\n", encoding="utf-8")
    assert main(["show", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:5:1: expected a section header" in err and "^" in err


def test_show_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(tmp_path / "nope.md")]) == 1
    assert "nope.md" in capsys.readouterr().err


def test_check_lists_failures_as_file_line_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.md").write_bytes(DOCUMENTS[0].read_bytes())
    (tmp_path / "bad.md").write_text("## T\n\n### Summary:\n\nx\n\n## again\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{tmp_path / 'bad.md'}:7:1: expected")
    assert "1 passed, 1 failed" in captured.err


def test_check_passes_the_test_documents(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED), *map(str, DOCUMENTS)]) == 0
    assert f"{len(DOCUMENTS) + 1} passed, 0 failed" in capsys.readouterr().err


def test_python_dash_m_runs_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "archivedoc", "show", str(SEED)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["date"]["text"] == "June 30, 1945"


def test_a_dialect_is_named_as_module_and_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.md"
    page.write_text("\n\n# 1958 Title\n\n### Text:\n\nThe text.", encoding="utf-8")
    assert main(["check", str(page)]) == 1
    assert main(["check", "--dialect", "archivedoc.dialects.library:LIBRARY", str(page)]) == 0
    assert main(["show", "--dialect", "archivedoc.dialects.library:LIBRARY", str(page)]) == 0
    assert '"kind": "text"' in capsys.readouterr().out
    for bad in ("archivedoc.dialects.library:NOPE", "archivedoc:Document", "nope:X"):
        with pytest.raises(SystemExit):
            main(["check", "--dialect", bad, str(page)])
