"""Give public classes the module users import them from.

A class defined in a private module says so in tracebacks, reprs and
``help()`` (``archivedoc._errors.ParseError``); renamed here it says
``archivedoc.ParseError``.  Its annotations are resolved first, in the module
that defined them, so that ``typing.get_type_hints`` still works on it and on
subclasses defined elsewhere.
"""

from __future__ import annotations

import inspect
import typing

__all__ = ["publish"]


def publish(module: str, *classes: type) -> None:
    """Make each of ``classes`` say it lives in ``module`` (which must export it)."""
    for cls in classes:
        own = inspect.get_annotations(cls)
        if own:
            try:
                hints = typing.get_type_hints(cls)
            except NameError:  # a name only imported for type checkers: left as written
                pass
            else:
                cls.__annotations__ = {name: hints[name] for name in own}
        cls.__module__ = module
