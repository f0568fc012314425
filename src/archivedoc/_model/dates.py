"""Dates as the archive writes them: the exact text, read by the grammar."""

from __future__ import annotations

import datetime

import attrs

from archivedoc._model.parsed import read_with
from archivedoc._readers.dates import read_date
from archivedoc._readers.rules import Rules

__all__ = ["Date"]


def _one_line(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"Date.{attribute.name} must be a str, got {type(value).__name__}")
    if not value or "\n" in value or "\r" in value:
        raise ValueError(f"{attribute.name} must be one non-empty line, got {value!r}")


@attrs.frozen
class Date:
    """A date exactly as written ("June 30, 1945", "November 1967", "1958").

    The text is the source of truth: it is what :func:`archivedoc.dumps`
    writes back, and the other fields are read from it by the grammar's
    ``date`` rule, so they are never out of step with it.  A text the grammar
    cannot read (or reads, but the calendar refuses, as in "February 30,
    1949") keeps its text and has ``precision``, ``earliest``, ``latest`` and
    ``edtf`` None: no structure rather than a wrong one.

    >>> from archivedoc.model import Date
    >>> d = Date("c. 1950")
    >>> d.precision, d.approximate, d.edtf
    ('year', True, '1950~')
    >>> d.earliest, d.latest
    (datetime.date(1950, 1, 1), datetime.date(1950, 12, 31))
    """

    text: str = attrs.field(validator=_one_line)
    #: The grammar the text is read with (None: the default grammar; a
    #: Document gives its dialect's).
    grammar: Rules | None = attrs.field(
        default=None, kw_only=True, eq=False, repr=False, metadata={"serialize": False}
    )
    #: "day", "month", "season", "year", "decade", or "undated" for "n.d.";
    #: an interval has the coarser precision of its two ends; None if unread.
    precision: str | None = attrs.field(init=False, eq=False)
    #: True for "c. 1950", "ca. 1950", "circa 1950".
    approximate: bool = attrs.field(init=False, eq=False)
    #: True for "1950?".
    uncertain: bool = attrs.field(init=False, eq=False)
    #: The first day the date can mean (the start of an interval), or None.
    earliest: datetime.date | None = attrs.field(init=False, eq=False)
    #: The last day the date can mean (the end of an interval), or None.
    latest: datetime.date | None = attrs.field(init=False, eq=False)
    #: The Library of Congress Extended Date/Time Format string ("1945-06-30",
    #: "1967-11", "1950~", "1962/1963", "196X", "XXXX" for "n.d."), or None.
    edtf: str | None = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        parts = read_with(read_date, self.text, self.grammar)
        set_ = object.__setattr__
        if parts is None:
            for name in ("precision", "earliest", "latest", "edtf"):
                set_(self, name, None)
            set_(self, "approximate", False)
            set_(self, "uncertain", False)
            return
        for name, value in zip(parts._fields, parts, strict=True):
            set_(self, name, value)

    @property
    def readable(self) -> bool:
        """Whether the grammar read the text (and the calendar accepted it)."""
        return self.precision is not None
