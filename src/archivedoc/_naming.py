"""Give public classes the module users import them from.

A class defined in a private module says so in tracebacks, reprs and
``help()`` (``archivedoc._errors.ParseError``); renamed here it says
``archivedoc.ParseError``.  ``typing.get_type_hints`` then reads the class's
annotations in the public module, so that module must also hold the names
they use (``archivedoc.model`` imports them for that).
"""

from __future__ import annotations

__all__ = ["publish"]


def publish(module: str, *classes: type) -> None:
    """Make each of ``classes`` say it lives in ``module`` (which must export it)."""
    for cls in classes:
        cls.__module__ = module
