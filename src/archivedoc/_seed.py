"""The seed document, shipped inside the package so that examples run anywhere.

After ``pip install archivedoc`` there is no ``seeds/`` folder beside the
user's script; :func:`seed_path` and :func:`seed_text` give the same document
(a 1945 conversation between Stalin and T. V. Soong) from the installed
package, also when it is imported from a zip file.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

_NAME = "000_166951fa67b74f81.txt"


def _resource() -> Traversable:
    from importlib import resources  # here, not at import: it costs ~10 ms to import

    return resources.files("archivedoc") / "data" / _NAME


def seed_text() -> str:
    """The seed document's text, every character as shipped (UTF-8, line ends kept)."""
    return _resource().read_bytes().decode("utf-8")


@functools.cache
def seed_path() -> Path:
    """A file on disk that holds the seed document, for ``open()`` and the command line.

    Normally the file inside the installed package; if the package is
    imported from a zip, a copy extracted once and removed at exit.
    """
    from importlib import resources

    stack = contextlib.ExitStack()
    atexit.register(stack.close)
    path: Path = stack.enter_context(resources.as_file(_resource()))
    return path
