"""Sphinx configuration for the archivedoc documentation.

There is no hidden doctest setup: every example on every page imports what
it uses and names the files it reads, so that it runs as shown when pasted
into a script.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import archivedoc

# An example that uses an old top-level name (archivedoc.Turn and the like,
# deprecated: the model classes live in archivedoc.model) fails its doctest.
warnings.filterwarnings("error", r"archivedoc\.\w+ is deprecated", DeprecationWarning)

# docs/_ext: the command-line reference directive.
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = "archivedoc"
author = "The archivedoc developers"
copyright = "2026, The archivedoc developers"
# The version is written once, in archivedoc/__init__.py.
version = release = archivedoc.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "myst_parser",  # CHANGELOG.md and CONTRIBUTING.md are included as they are
    # The command-line reference, generated from the argparse parser (docs/_ext).
    "cli_reference",
]
source_suffix = {".rst": "restructuredtext"}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
intersphinx_mapping: dict[str, tuple[str, None]] = {}
nitpicky = False
exclude_patterns = ["_build"]
myst_heading_anchors = 2

# furo: a readable column at any width, with code blocks that wrap (see
# _static/wrap.css) instead of scrolling sideways.
html_theme = "furo"
html_title = f"archivedoc {release}"
html_static_path = ["_static"]
html_css_files = ["wrap.css"]


def _short_defaults(
    app: object,
    what: str,
    name: str,
    obj: object,
    options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None]:
    """Show ``dialect=DEFAULT`` in signatures, not the Dialect's repr (lines of rules).

    (``autodoc_preserve_defaults`` would do it, but turns the defaults of
    every attrs class into ``attr_dict['title'].default``.)
    """
    if signature:
        signature = signature.replace(repr(archivedoc.DEFAULT), "DEFAULT")
        signature = signature.replace(f"={archivedoc.DEFAULT_MAX_SIZE}", "=DEFAULT_MAX_SIZE")
    return signature, return_annotation


def setup(app: object) -> None:
    """Register the signature hook."""
    app.connect("autodoc-process-signature", _short_defaults)  # type: ignore[attr-defined]
