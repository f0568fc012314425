"""Check the built sdist and wheel: exactly the files they should hold, and their metadata.

Usage::

    python tools/check_dist.py dist/

The sdist must hold every tracked file its own tests and docs build need
(``src/archivedoc``, ``tests``, ``docs``, ``seeds``, the tools the tests run
-- ``tools/check_structure.py``, ``fidelity.py``, ``pdf_agreement.py`` --
and the top-level texts) and nothing else; the wheel the package with its
grammar and seed, and no tests.  Both must declare metadata 2.4 (twine 6
refuses 2.5), the SPDX license and the project URLs.  Prints each problem;
exits 1 if there is any.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from email.parser import HeaderParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SDIST_TREES = ("src/archivedoc/", "tests/", "docs/", "seeds/")
SDIST_FILES = {
    "tools/check_structure.py",
    "tools/fidelity.py",
    "tools/pdf_agreement.py",
    "README.md",
    "CHANGELOG.md",
    "CONTRIBUTING.md",
    "LICENSE",
    "pyproject.toml",
}
SDIST_GENERATED = {"PKG-INFO", ".gitignore"}
URLS = {"Documentation", "Changelog", "Issues", "Source"}


def _tracked() -> set[str]:
    out = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return set(out.splitlines())


def _metadata(text: str, where: str) -> list[str]:
    meta = HeaderParser().parsestr(text)
    problems = []
    if meta["Metadata-Version"] != "2.4":
        problems.append(f"{where}: Metadata-Version {meta['Metadata-Version']}, not 2.4")
    if meta["License-Expression"] != "MIT":
        problems.append(f"{where}: no License-Expression: MIT")
    labels = {url.split(",")[0].strip() for url in meta.get_all("Project-URL") or []}
    if missing := URLS - labels:
        problems.append(f"{where}: no Project-URL for {', '.join(sorted(missing))}")
    return problems


def check_sdist(path: Path, tracked: set[str]) -> list[str]:
    """Problems with the sdist at ``path``: files missing, files stray, metadata."""
    with tarfile.open(path) as tar:
        names = {m.name.split("/", 1)[1] for m in tar.getmembers() if m.isfile()}
        pkg_info = tar.extractfile(f"{path.name.removesuffix('.tar.gz')}/PKG-INFO")
        assert pkg_info is not None
        meta = pkg_info.read().decode("utf-8")
    wanted = {n for n in tracked if n.startswith(SDIST_TREES)} | SDIST_FILES
    problems = [f"{path.name}: missing {n}" for n in sorted(wanted - names)]
    problems += [f"{path.name}: stray {n}" for n in sorted(names - wanted - SDIST_GENERATED)]
    return problems + _metadata(meta, path.name)


def check_wheel(path: Path, tracked: set[str]) -> list[str]:
    """Problems with the wheel at ``path``: package files missing or stray, metadata."""
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        (meta_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = zf.read(meta_name).decode("utf-8")
    package = {n.removeprefix("src/") for n in tracked if n.startswith("src/archivedoc/")}
    files = {n for n in names if ".dist-info/" not in n}
    problems = [f"{path.name}: missing {n}" for n in sorted(package - files)]
    problems += [f"{path.name}: stray {n}" for n in sorted(files - package)]
    return problems + _metadata(meta, path.name)


def main(argv: list[str]) -> int:
    """Check every sdist and wheel in the folder ``argv[0]`` (default ``dist``)."""
    folder = Path(argv[0] if argv else "dist")
    tracked = _tracked()
    sdists, wheels = sorted(folder.glob("*.tar.gz")), sorted(folder.glob("*.whl"))
    problems = [] if sdists and wheels else [f"{folder}: needs one sdist and one wheel"]
    for sdist in sdists:
        problems += check_sdist(sdist, tracked)
    for wheel in wheels:
        problems += check_wheel(wheel, tracked)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
