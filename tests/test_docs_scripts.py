"""The landing page's commands and scripts run as shown, in a folder ``my-documents``.

docs/index.rst shows them as plain shell commands and scripts with real
relative paths (what a reader copies), marked ``:class: runnable``; this
runs each block exactly as written, in a fresh directory whose
``my-documents`` folder holds the seed, and checks the files they make.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, SEED

_BLOCK = re.compile(
    r"^\.\. code-block:: (sh|python)\n   :class: runnable\n\n((?:   .*\n|\n)+)", re.M
)


def runnable_blocks(page: Path) -> list[tuple[str, str]]:
    """(language, code) of every block of ``page`` marked runnable, in order."""
    text = page.read_text(encoding="utf-8")
    return [(lang, textwrap.dedent(code).strip() + "\n") for lang, code in _BLOCK.findall(text)]


BLOCKS = runnable_blocks(ROOT / "docs" / "index.rst")


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "my-documents").mkdir()
    shutil.copy(SEED, tmp_path / "my-documents" / SEED.name)
    return tmp_path


def _run(lang: str, code: str, cwd: Path) -> None:
    env = dict(os.environ)
    # The archivedoc command of the Python running the tests.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    command = ["bash", "-euc", code] if lang == "sh" else [sys.executable, "-c", code]
    run = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, f"{code}\n{run.stderr}"


def test_the_landing_page_has_a_command_and_a_script_for_each_task() -> None:
    assert [lang for lang, _ in BLOCKS] == ["sh", "python"] * 3


@pytest.mark.parametrize("lang", ["sh", "python"])
def test_the_landing_page_blocks_make_what_they_promise(lang: str, tmp_path: Path) -> None:
    cwd = _folder(tmp_path)
    for block_lang, code in BLOCKS:
        if block_lang == lang:
            _run(lang, code, cwd)
    with open(cwd / "documents.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 1 and rows[0]["record_id"] == "123400"
    assert rows[0]["edtf"] == "1945-06-30"
    ris = (cwd / "library.ris").read_text(encoding="utf-8")
    assert ris.startswith("TY  - ") and "Meeting between Marshal Stalin and Dr. Soong" in ris
    (tei,) = (cwd / "tei").iterdir()
    assert tei.name == SEED.with_suffix(".xml").name
    assert "<TEI " in tei.read_text(encoding="utf-8")
