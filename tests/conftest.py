"""Shared fixtures: the seed and the project's own test documents."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_166951fa67b74f81.txt"
DOCUMENTS = sorted((Path(__file__).parent / "documents").glob("*.md"))


def read_exact(path: Path) -> str:
    """A file's text with its line ends and BOM untouched."""
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return read_exact(SEED)
