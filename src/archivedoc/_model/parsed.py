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

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

__all__ = ["read_with", "unchecked"]

_T = TypeVar("_T")


def read_with(reader: Callable[..., _T], text: str, rules: Any) -> _T:
    """``reader(text, rules)``; ``reader(text)`` for the default grammar (``rules`` None).

    The readers memoize with ``functools.lru_cache``, which keys a call with
    one ``str`` argument by the string itself, but a call with two by a key
    object of its own: called with the text alone, a memo entry costs about
    a hundred bytes less (the memos are part of what a first ``loads``
    allocates).
    """
    return reader(text) if rules is None else reader(text, rules)


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
    get = values.get  # one lookup per field (a field outside __init__ has alias None: no key)
    left = len(values)
    for name, alias, default, kind in _fields(cls):
        value = get(alias, _MISSING)  # type: ignore[arg-type]
        if value is not _MISSING:
            set_(self, name, value)
            left -= 1
        elif kind is _REQUIRED:
            raise TypeError(f"{cls.__name__}: no value for {alias!r}")
        elif kind is _VALUE:
            set_(self, name, default)
        else:
            set_(self, name, default.factory(self) if kind is _SELF else default.factory())
    if left:
        known = {alias for _, alias, _, _ in _fields(cls) if alias is not None}
        raise TypeError(f"{cls.__name__}: unknown fields {sorted(set(values) - known)}")
    post_init = getattr(self, "__attrs_post_init__", None)
    if post_init is not None:
        post_init()
    return self


#: Marks a field ``values`` has no value for (None is a value).
_MISSING: Any = object()

# How a field gets its value when ``values`` has none.
_REQUIRED, _VALUE, _FACTORY, _SELF = "required", "value", "factory", "factory(self)"
_Field = tuple[str, "str | None", Any, str]


def _fields(cls: type) -> tuple[_Field, ...]:
    """(name, ``__init__`` argument or None, default, how it is made) of the fields to set.

    Fields outside ``__init__`` without a default are left out: their
    class's ``__attrs_post_init__`` sets them.
    """
    found = _FIELDS.get(cls)
    if found is None:
        made: list[_Field] = []
        for field in attrs.fields(cls):
            default: Any = field.default
            alias = (field.alias or field.name) if field.init else None
            if default is attrs.NOTHING:
                if alias is not None:
                    made.append((field.name, alias, None, _REQUIRED))
            elif isinstance(default, _FACTORY_CLASS):
                made.append((field.name, alias, default, _SELF if default.takes_self else _FACTORY))
            else:
                made.append((field.name, alias, default, _VALUE))
        found = _FIELDS[cls] = tuple(made)
    return found


#: Class -> its fields to set (``attrs.fields`` checks its argument on every call).
_FIELDS: dict[type, tuple[_Field, ...]] = {}
#: The class of ``attrs.Factory(...)`` defaults.
_FACTORY_CLASS: type[Any] = type(attrs.Factory(list))
