"""Shared fixtures: the seed, the project's own test documents, the real ones.

The real documents (third-party text, kept out of the repository) are read
from ``../shared`` beside the project root, or from the folder named by the
``ARCHIVEDOC_SHARED`` environment variable (e.g. when testing an unpacked
sdist elsewhere).  Tests that need them fail when the folder is missing:
they are never skipped.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# The compiled grammars of this test run (and of the commands it starts) are
# cached in a folder of its own: never the user's cache, shared by the run.
_CACHE = tempfile.mkdtemp(prefix="archivedoc-test-cache-")
os.environ["ARCHIVEDOC_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

# No per-example deadline: wall-clock time is measured in benchmarks/run.py,
# never asserted in a test, and Hypothesis' 200 ms deadline fails at random
# on a loaded machine (DeadlineExceeded, then FlakyFailure).
#
# ARCHIVEDOC_HYPOTHESIS picks the profile.  "dev" (the default) draws new
# examples on every run, so that a run may find what no run before it did.
# "ci" (.ci/run) draws the same examples on every run of a commit, so that
# CI's verdict is the commit's, not the draw's.  "fuzz" draws 20 times the
# examples (tests that set their own count keep it), for a long hunt.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.register_profile("fuzz", deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("ARCHIVEDOC_HYPOTHESIS") or "dev")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_166951fa67b74f81.txt"
DOCUMENTS = sorted((Path(__file__).parent / "documents").glob("*.md"))
SHARED = Path(os.environ.get("ARCHIVEDOC_SHARED") or ROOT.parent / "shared")


def read_exact(path: Path) -> str:
    """A file's text with its line ends and BOM untouched."""
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return read_exact(SEED)
