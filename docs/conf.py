"""Sphinx configuration for the archivedoc documentation."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = "archivedoc"
author = "The archivedoc developers"
copyright = "2026, The archivedoc developers"
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    # The command-line reference, generated from the argparse parser (docs/_ext).
    "cli_reference",
]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
intersphinx_mapping: dict[str, tuple[str, None]] = {}
nitpicky = False
html_theme = "alabaster"
exclude_patterns = ["_build"]
doctest_global_setup = f"""
import archivedoc, attrs
from archivedoc import *
SEED = {str(Path(__file__).resolve().parent.parent / "seeds" / "000_166951fa67b74f81.txt")!r}
"""
