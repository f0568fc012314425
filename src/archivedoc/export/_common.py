"""What several exports read the same way: title, date parts, contributors, keys.

Each export maps these to its own vocabulary; keeping the reading here means
a document gives the same title, date and people in every format.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from archivedoc.model import Contributor, Date, Document

#: The archive every document of the default format comes from, named as the
#: archive's own citations and its Zotero translator name it.
ARCHIVE = "History and Public Policy Program Digital Archive"

#: Credit roles as the archive words them, in the order exports list them.
ROLES = (
    "contributed",
    "obtained",
    "translated",
    "transcribed",
    "edited",
    "provided",
    "donated",
    "annotated",
)

#: What may not appear in a BibTeX key (or is unwise in any citation key).
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_:.\-]")

_PLAIN_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def title(doc: Document) -> str:
    """The heading's title, else the citation's, else ""."""
    if doc.title:
        return doc.title
    citation = doc.citation
    return citation.title or "" if citation is not None else ""


def date(doc: Document) -> Date | None:
    """The heading's date, else the citation's."""
    if doc.date is not None:
        return doc.date
    citation = doc.citation
    return None if citation is None else citation.date


def contributors(doc: Document) -> tuple[Contributor, ...]:
    """The citation's contributors (empty without a citation)."""
    citation = doc.citation
    return () if citation is None else citation.contributors


def names_with_role(doc: Document, role: str) -> list[str]:
    """The names credited with ``role``, in citation order."""
    return [c.name for c in contributors(doc) if role in c.roles]


def credit_sentences(doc: Document, skip: Iterable[str] = ()) -> list[str]:
    """ "Contributed by David Wolff." for every credit whose role is not in ``skip``."""
    skipped = set(skip)
    out = []
    for person in contributors(doc):
        roles = [r for r in person.roles if r not in skipped]
        if roles:
            out.append(f"{' and '.join(r.capitalize() for r in roles)} by {person.name}.")
        elif not person.roles:
            out.append(f"Credited: {person.name}.")
    return out


def date_parts(value: Date) -> list[list[int]] | None:
    """The date as CSL-style date parts: one point, or the two ends of an interval.

    Read from the EDTF string, so a point keeps its own precision ("1967-11"
    gives ``[[1967, 11]]``); seasons and decades, which have no plain EDTF
    point, give the interval of their first and last month or year.  None
    for an unread or undated date.
    """
    if value.edtf is None or value.earliest is None or value.latest is None:
        return None
    sides = value.edtf.split("/")
    parts: list[list[int]] = []
    for side in sides:
        found = _PLAIN_DATE.fullmatch(side.rstrip("~?%"))
        if found is None or (found.group(2) is not None and int(found.group(2)) > 12):
            parts = []
            break
        parts.append([int(g) for g in found.groups() if g is not None])
    if parts:
        return parts
    first, last = value.earliest, value.latest
    if "X" in value.edtf:
        return [[first.year], [last.year]]
    return [[first.year, first.month], [last.year, last.month]]


def paragraphs(text: str) -> list[str]:
    """``text`` split at blank lines, each paragraph stripped."""
    return [p.strip() for p in re.split(r"\n[ \t\r]*\n", text) if p.strip()]


def one_line(text: str) -> str:
    """``text`` with each run of line ends (and the spaces around them) as one space."""
    return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text).strip()


def key(doc: Document) -> str:
    """A citation key: "hppda-123400", else from the title's first words (ASCII) and the year."""
    citation = doc.citation
    if citation is not None and citation.record_id:
        return "hppda-" + _KEY_UNSAFE.sub("-", citation.record_id)
    folded = unicodedata.normalize("NFKD", title(doc)).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", folded)[:4]
    found = date(doc)
    year = found.earliest.year if found is not None and found.earliest is not None else ""
    stem = "-".join(w.lower() for w in words) or "document"
    return f"{stem}-{year}" if year else stem


def unique_keys(keys: Iterable[str]) -> list[str]:
    """``keys`` with "-2", "-3", ... added to repeats, so that every key is unique."""
    used: set[str] = set()
    out = []
    for item in keys:
        found, count = item, 1
        while found in used:
            count += 1
            found = f"{item}-{count}"
        used.add(found)
        out.append(found)
    return out
