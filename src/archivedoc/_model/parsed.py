"""Model objects built from the parts the default grammar has just matched.

Every field validator of a section or a Document matches its value against
one of the grammar's terminals (``section_text``, ``title``, ...), or checks
a type; for the parts of a parse those are the very terminals that have just
matched them, so the parser builds its objects here without running the
validators and converters again.  Everything else runs: defaults as attrs
computes them, and ``__attrs_post_init__`` (a section still reads its parts).
Objects that users build go through the public constructors, which check
everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

__all__ = ["unchecked"]

_T = TypeVar("_T")


def unchecked(cls: type[_T], values: Mapping[str, Any]) -> _T:
    """An instance of the attrs class ``cls`` with ``values``, validators and converters skipped.

    For the parser only: each value must already be what the validator
    accepts and of the type the converter returns.  A field not in
    ``values`` gets its default, in field order, as the generated
    ``__init__`` gives it (a ``Factory(takes_self=True)`` sees the fields
    before it).
    """
    self = object.__new__(cls)
    set_ = object.__setattr__
    left = len(values)
    for field, alias in _fields(cls):
        if alias is not None and alias in values:
            set_(self, field.name, values[alias])
            left -= 1
            continue
        default: Any = field.default
        if default is attrs.NOTHING:
            if field.init:
                raise TypeError(f"{cls.__name__}: no value for {alias!r}")
            continue  # set by __attrs_post_init__
        if isinstance(default, _FACTORY):
            default = default.factory(self) if default.takes_self else default.factory()
        set_(self, field.name, default)
    if left:
        known = {alias for field, alias in _fields(cls) if field.init}
        raise TypeError(f"{cls.__name__}: unknown fields {sorted(set(values) - known)}")
    post_init = getattr(self, "__attrs_post_init__", None)
    if post_init is not None:
        post_init()
    return self


def _fields(cls: type) -> tuple[tuple[attrs.Attribute[Any], str | None], ...]:
    """The class's attrs fields, each with its ``__init__`` argument's name (None: not one)."""
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple(
            (field, (field.alias or field.name) if field.init else None)
            for field in attrs.fields(cls)
        )
    return found


#: Class -> its fields (``attrs.fields`` checks its argument on every call).
_FIELDS: dict[type, tuple[tuple[attrs.Attribute[Any], str | None], ...]] = {}
#: The class of ``attrs.Factory(...)`` defaults.
_FACTORY: type[Any] = type(attrs.Factory(list))
