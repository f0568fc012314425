"""The current Wilson Center site's page layout (2022/23 on).

FORMAT-NOTES ("Current site") describes the page: date and title, the donor
line, then the **transcript before the summary**, then the metadata under
the site's own labels ("Language", not "Original Language").  This dialect
reads that page, written in the archive's markdown conventions::

    ## November 6, 1967 Petition on Opposition to ...

    This document was made possible with support from Chun & Jane Chiu ...

    <the transcript, verbatim, up to the first "### <Label>:" line>
    ### Summary:

    Kawase Ikkan insists that ...

    ### Associated People & Organizations:

    Kawase Ikkan
    ...
    ### Record ID:

    300639

It replaces the whole document rule and reuses the rest: the heading and its
date, the sections' layout, the metadata sections of
:mod:`archivedoc.dialects.metadata`.  In the Document the donor line is the
first section, a :class:`~archivedoc.model.Credits` written without its header
(``before`` is empty); the transcript is everything between it and the first
section header, its trailing blank lines included, so it cannot hold a line
that looks like a section header.  There is no Citation and no Contents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from archivedoc import Dialect, Document
from archivedoc._io.write import join_parts
from archivedoc.dialects.metadata import (
    RULES as METADATA_RULES,
)
from archivedoc.dialects.metadata import (
    AssociatedPeople,
    AssociatedPlaces,
    DocumentType,
    OriginalArchive,
    RecordId,
    SubjectsDiscussed,
)
from archivedoc.model import Credits, Section, Summary, Transcript

if TYPE_CHECKING:
    from hypothesis import strategies as st


__all__ = ["DONOR_LINE", "SITE", "documents", "write"]

#: How the site's donor line starts.
DONOR_LINE = "This document was made possible with support from"

OVERRIDES = r"""
# A current-site page: blank lines, then the page ("## 1958 Title\n\nThis
# document was made possible ...").
document        = lead site_page
"""

RULES = r"""
# The page: heading, the donor line, the transcript, then the site's labelled
# sections (Summary first, then the metadata).
site_page       = heading site_credits? site_transcript? site_section*

# The site has no Contents: every section is a plain one.
site_section    = plain_section

# The donor line and the blank lines after it.
site_credits    = site_donor_line section_after

# "This document was made possible with support from <Donor>", one line.
site_donor_line = ~r"This document was made possible with support from[^\r\n]*"

# The transcript: whole lines up to the first "### <Label>:" line or the end
# of the file, verbatim (blank lines before the next header included).
site_transcript = ~r"(?:(?!### [^\r\n]*:[ \t]*\r?$)[^\n]*\n)*(?:(?!### [^\n]*:[ \t]*\Z)[^\n]+\Z)?"m
"""


def _credits(text: str, children: list[Any]) -> Credits:
    line, after = children
    return Credits(line, before="", after=after)


def _page(text: str, children: list[Any]) -> dict[str, Any]:
    heading, credits, transcript, sections = children
    found: list[Section] = list(credits or ()) + list(sections or ())
    fields: dict[str, Any] = dict(heading)
    fields["sections"] = tuple(found)
    fields["transcript"] = Transcript(transcript[0] if transcript else "")
    return fields


def _document(text: str, children: list[Any]) -> dict[str, Any]:
    lead, page = children
    return {"lead": lead, **page}


def write(doc: Document) -> str:
    """The page's text: heading, donor line, transcript, then the sections.

    The one writer writes it: the donor line is a Credits section without
    its header (``headerless``), and with no section that opens the
    transcript, the transcript follows it.  Kept for dialects that wrap it.
    """
    return join_parts(doc)


#: The current site's page layout.
SITE: Dialect = Dialect(
    "site",
    sections=[
        Credits,
        Summary,
        AssociatedPeople,
        AssociatedPlaces,
        SubjectsDiscussed,
        OriginalArchive,
        DocumentType,
        RecordId,
    ],
    rules=METADATA_RULES + RULES,
    overrides=OVERRIDES,
    builders={"document": _document, "site_page": _page, "site_credits": _credits},
    headerless={"Credits": "site_donor_line"},
    order=(
        "Credits",
        "Summary",
        "Author(s)",
        "Associated People & Organizations",
        "Associated Places",
        "Associated Topics",
        "Subjects Discussed",
        "Related Documents",
        "Source",
        "Original Archive",
        "Rights",
        "Original Uploaded Date",
        "Type",
        "Language",
        "Record ID",
    ),
    required=("Summary",),
    expected="a heading '## <date> <title>'",
)


def documents() -> st.SearchStrategy[Document]:
    """Hypothesis: valid SITE pages (donor line, transcript, summary, metadata)."""
    from hypothesis import strategies as st

    from archivedoc import strategies

    @st.composite
    def build(draw: st.DrawFn) -> Document:
        sections: list[Section] = []
        if draw(st.booleans()):
            donor = DONOR_LINE + draw(strategies.line_texts(0, 30))
            after = draw(st.sampled_from(["\n", "\n\n", "\r\n\r\n", "\n \n"]))
            sections.append(Credits(donor, before="", after=after))
        transcript = ""
        if draw(st.booleans()):
            lines = draw(st.lists(strategies.line_texts(0, 40), min_size=1, max_size=4))
            transcript = "\n".join(lines) + draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
        kinds = [
            Summary,
            AssociatedPeople,
            AssociatedPlaces,
            SubjectsDiscussed,
        ]
        for cls in draw(st.lists(st.sampled_from(kinds), max_size=3)):
            text = draw(strategies.section_texts(3))
            sections.append(cls(text, before="\n\n", after="\n\n"))
        if draw(st.booleans()):
            sections.append(RecordId(str(draw(st.integers(1, 999999))), after=""))
        date = draw(st.one_of(st.none(), strategies.dates()))
        title = draw(strategies.line_texts(1, 40).map(lambda s: s.strip(" \t") or "T"))
        try:
            return Document(
                title, date=date, sections=sections, transcript=transcript, dialect=SITE
            )
        except ValueError:
            from hypothesis import assume

            assume(False)
            raise  # pragma: no cover - assume(False) never returns

    return build()
