"""PDF exports on the command line: convert, check and show, in folders and archives.

The real command in a subprocess, on an export written by ``pdfmaker`` from
a record we made up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import archivedoc
from archivedoc.pdf import load_pdf
from conftest import SEED
from pdfmaker import example


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "archivedoc", *map(str, args)],
        input=b"",
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pdfs")
    (root / "export.pdf").write_bytes(example())
    (root / "seed.md").write_bytes(SEED.read_bytes())
    return root


@pytest.fixture(scope="module")
def expected() -> archivedoc.Document:
    return load_pdf(example())


def test_convert_a_pdf_to_markdown(folder: Path, expected: archivedoc.Document) -> None:
    result = run("convert", folder / "export.pdf", "--to", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == archivedoc.dumps(expected)


def test_convert_a_pdf_to_json(folder: Path, expected: archivedoc.Document) -> None:
    result = run("convert", folder / "export.pdf", "--to", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    data = data[0] if isinstance(data, list) else data
    assert archivedoc.from_dict(data) == expected


def test_convert_a_folder_of_pdfs_and_text_files(
    folder: Path, expected: archivedoc.Document, tmp_path: Path
) -> None:
    result = run("convert", folder, "--to", "md", "--output", f"{tmp_path}/")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.md", "seed.md"]
    assert archivedoc.loads((tmp_path / "export.md").read_text(encoding="utf-8")) == expected


def test_check_reads_pdfs_in_folders_and_reports_the_bad_one(folder: Path, tmp_path: Path) -> None:
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for path in folder.iterdir():
        (mixed / path.name).write_bytes(path.read_bytes())
    (mixed / "damaged.PDF").write_bytes(example()[:2000])
    (mixed / "junk.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 100)
    result = run("check", mixed, "--jobs", "2")
    assert result.returncode == 1
    assert result.stdout.decode().splitlines() == [
        f"{mixed / 'damaged.PDF'}:1:1: cannot read the PDF (damaged or truncated?): "
        "Stream has ended unexpectedly",
        f"{mixed / 'junk.pdf'}:1:1: cannot read the PDF (damaged or truncated?): "
        "Stream has ended unexpectedly",
    ]
    assert result.stderr.decode() == "2 passed, 2 failed\n"


def test_check_reads_pdfs_inside_archives(folder: Path, tmp_path: Path) -> None:
    archive = tmp_path / "downloads.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(folder / "export.pdf", "2026/export.pdf")
        zf.write(folder / "seed.md", "2026/seed.md")
    result = run("check", archive)
    assert result.returncode == 0, result.stdout
    assert result.stderr.decode() == "2 passed, 0 failed\n"


def test_show_a_pdf(folder: Path, expected: archivedoc.Document) -> None:
    result = run("show", folder / "export.pdf")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == expected.title


def test_without_pypdf_each_pdf_fails_saying_what_to_install(folder: Path, tmp_path: Path) -> None:
    hidden = tmp_path / "no-pypdf" / "pypdf"
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text("raise ImportError('hidden for the test')\n")
    result = run("check", folder, env={"PYTHONPATH": str(hidden.parent)})
    assert result.returncode == 1
    assert result.stdout.decode() == (
        f"{folder / 'export.pdf'}:1:1: reading PDFs needs pypdf 5 or later: "
        'pip install "archivedoc[pdf]"\n'
    )
    assert result.stderr.decode() == "1 passed, 1 failed\n"  # the text file is still read
