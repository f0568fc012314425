"""Sphinx configuration for the archivedoc documentation.

There is no hidden doctest setup: every example on every page imports what
it uses and names the files it reads, so that it runs as shown when pasted
into a script.
"""

from __future__ import annotations

import archivedoc

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
]
source_suffix = {".rst": "restructuredtext"}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
# Show ``dialect=DEFAULT`` as written in the source, not the Dialect's repr
# (seven lines of rules in every signature).
autodoc_preserve_defaults = True
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
