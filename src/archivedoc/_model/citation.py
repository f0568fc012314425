"""The parts of a citation that are values of their own: Locator, Contributor."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from archivedoc._readers.citation import LOCATOR_PARTS, read_locator
from archivedoc._readers.rules import Rules

__all__ = ["Contributor", "Locator"]


@attrs.frozen
class Locator:
    """Where the original is kept: the citation's source, as written, and its parts.

    ``text`` is the source exactly as the citation gives it ("Victor Hoo
    Collection, box 6, folder 9, Hoover Institution Archives"); the parts are
    read from it by the grammar's ``locator`` rule, from its first sentence
    only (a later "Reprinted in …" stays in the text).  A part the grammar
    does not recognize is None: a locator it cannot read stays whole, its
    parts never guessed.  Values are kept as written ("0100", "9-17",
    "[120]").

    >>> from archivedoc.model import Locator
    >>> loc = Locator("RGANI, f. 5, op. 49, d. 131, ll. 193-194")
    >>> loc.repository, loc.fond, loc.opis, loc.delo, loc.pages
    ('RGANI', '5', '49', '131', '193-194')
    """

    #: The names of the parts, in the order of a table's columns.
    PARTS: ClassVar[tuple[str, ...]] = LOCATOR_PARTS

    text: str
    #: The grammar the text is read with (None: the default grammar's ``locator``).
    grammar: Rules | None = attrs.field(
        default=None, kw_only=True, eq=False, repr=False, metadata={"serialize": False}
    )
    #: The archive or library ("Hoover Institution Archives", "APRF").
    repository: str | None = attrs.field(init=False, eq=False)
    #: A named collection ("Victor Hoo Collection").
    collection: str | None = attrs.field(init=False, eq=False)
    #: A call number that is not in fond/opis/delo form ("B 136/59748").
    call_number: str | None = attrs.field(init=False, eq=False)
    #: Russian archives: fond (f.), opis (op.; per. in TsKhSD), delo (d.),
    #: papka (the AVPRF's folder).
    fond: str | None = attrs.field(init=False, eq=False)
    opis: str | None = attrs.field(init=False, eq=False)
    delo: str | None = attrs.field(init=False, eq=False)
    papka: str | None = attrs.field(init=False, eq=False)
    #: A volume of a book ("vol. 1").
    volume: str | None = attrs.field(init=False, eq=False)
    box: str | None = attrs.field(init=False, eq=False)
    folder: str | None = attrs.field(init=False, eq=False)
    file: str | None = attrs.field(init=False, eq=False)
    #: Sheets or pages: listy/ll., pp./p., ff., or a bare range ("30-37").
    pages: str | None = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Locator.text must be a str, got {type(self.text).__name__}")
        values = read_locator(self.text, self.grammar)  # not memoized: see read_locator
        for name, value in zip(LOCATOR_PARTS, values, strict=True):
            object.__setattr__(self, name, value)

    @property
    def parts(self) -> dict[str, str]:
        """The recognized parts, name -> value (empty if none)."""
        return {name: value for name in LOCATOR_PARTS if (value := getattr(self, name))}


def _roles(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen
class Contributor:
    """A person or body named in a citation's credit, with what they did.

    Roles are lower-case past participles as the credit words them:
    "contributed", "obtained", "translated", "transcribed", "edited",
    "provided", "donated", "annotated" ("translation by X" gives
    "translated").

    >>> from archivedoc.model import Contributor
    >>> Contributor("David Wolff", ["contributed"])
    Contributor(name='David Wolff', roles=('contributed',))
    """

    name: str
    roles: tuple[str, ...] = attrs.field(default=(), converter=_roles)
