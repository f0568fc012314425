"""What a release needs: the seed that travels, a zip-safe package, one version, the README."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import archivedoc
from conftest import ROOT, SEED, SHARED

PACKAGE = ROOT / "src" / "archivedoc"


def test_the_real_documents_are_beside_the_project() -> None:
    """Tests over the real documents would pass vacuously without them: fail instead."""
    found = sorted((SHARED / "corpus" / "docs").glob("*.md"))
    assert len(found) >= 26, (
        f"no real documents in {SHARED}/corpus/docs: put the shared folder beside "
        "the project, or set ARCHIVEDOC_SHARED to it"
    )


def test_the_three_copies_of_the_seed_are_byte_identical() -> None:
    shipped = (PACKAGE / "data" / SEED.name).read_bytes()
    assert shipped == SEED.read_bytes() == (SHARED / "seeds" / SEED.name).read_bytes()


def test_seed_accessors_give_the_shipped_document() -> None:
    assert archivedoc.seed_path().read_bytes() == SEED.read_bytes()
    assert archivedoc.seed_text() == SEED.read_bytes().decode("utf-8")
    assert archivedoc.loads(archivedoc.seed_text()).citation.record_id == "123400"


_FROM_ZIP = """
import sys
sys.path.insert(0, sys.argv[1])
import archivedoc
from archivedoc._grammar import grammar_files
assert archivedoc.__file__.startswith(sys.argv[1]), archivedoc.__file__
names = list(grammar_files())
assert names[0] == "document.peg" and len(names) >= 5, names
doc = archivedoc.load(open(archivedoc.seed_path(), "rb"))
assert archivedoc.dumps(doc) == archivedoc.seed_text()
print(doc.title)
"""


def test_the_package_works_imported_from_a_zip(tmp_path: Path) -> None:
    """As from a zipapp or a wheel on sys.path: the grammar and the seed are read from the zip.

    Python 3.10-3.12 cannot open a namespace package (a data folder) inside a zip,
    so this fails there if the grammar is looked up as ``archivedoc.grammar``.
    """
    archive = tmp_path / "archivedoc.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(PACKAGE.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(path, path.relative_to(PACKAGE.parent).as_posix())
    run = subprocess.run(
        [sys.executable, "-c", _FROM_ZIP, str(archive)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "Meeting between Marshal Stalin and Dr. Soong"


def _readme_python() -> str:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)
    assert blocks, "the README has no Python example"
    return "\n".join(blocks)


def test_the_readme_python_example_runs_from_any_directory(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run(
        [sys.executable, "-c", _readme_python()],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "1945-06-30" in run.stdout


def test_the_changelog_names_the_current_version_first() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    versions = re.findall(r"^## \[?(\d+\.\d+\.\d+[^\]\s]*)", changelog, re.M)
    assert versions and versions[0] == archivedoc.__version__


def test_the_readme_links_work_on_pypi() -> None:
    """PyPI shows the README without the repository: every link must be absolute."""
    readme = (ROOT / "README.md").read_text("utf-8")
    links = re.findall(r"\]\(([^)]+)\)", readme)
    assert links
    assert [link for link in links if not link.startswith("https://")] == []
