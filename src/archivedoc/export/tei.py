"""TEI P5: a header from the sections, a body from the transcript's structure.

The result is valid against ``tei_all.rng`` (TEI P5 4.x).  Nothing of the
transcript is lost: the text content of ``<body>``, leaving out the
``<speaker>`` labels (which repeat the speaker as the turn names them), is
the transcript's text, but for the characters XML forbids, each replaced
by U+FFFD (the rule is in the documentation's Exports page).  Editorial brackets stay in the text
around the element that says what they are (``[<supplied>they</supplied>]``),
so the brackets the archive printed are kept where it printed them.

>>> import archivedoc
>>> from archivedoc.export.tei import to_tei
>>> doc = archivedoc.loads("## May 1, 1950 Note\\n\\n### Contents:\\n\\n- Note\\n\\n"
...     "Talks went on [...] for [two].\\n")
>>> body = to_tei(doc).split("<body>")[1]
>>> print(body[body.index("<p>") : body.index("</p>") + 4])
<p>Talks went on [<gap reason="elision"><desc>...</desc></gap>] for [<supplied>two</supplied>].</p>
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from archivedoc.export import _common
from archivedoc.export._xml import append_text, serialize, sub
from archivedoc.model import (
    Date,
    Document,
    Field,
    FootnoteDefinition,
    Heading,
    Item,
    Mark,
    PageMarker,
    Participant,
    ParticipantList,
    Transcript,
)

__all__ = ["BRACKET_ELEMENTS", "TEI_NS", "to_tei"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: Bracket kind -> (TEI element, its attributes) for the text inside the brackets.
BRACKET_ELEMENTS: dict[str, tuple[str, dict[str, str]]] = {
    "supplied": ("supplied", {}),
    "elision": ("gap", {"reason": "elision"}),
    # "[sic]" vouches for the words before it, whose extent is not known:
    # an editor's note, not <sic> (which would mark the word "sic" as the error).
    "sic": ("note", {"type": "sic"}),
    "note": ("note", {"type": "editorial"}),
    "physical": ("note", {"type": "physical"}),
    "uncertain": ("unclear", {}),
    # "A[rmy]": the letters an editor added to an abbreviation.
    "expansion": ("ex", {}),
    "original_term": ("foreign", {}),
    "name": ("name", {}),
    "other": ("seg", {"type": "bracket"}),
    "footnote_label": ("label", {}),
    "footnote_ref": ("ref", {"type": "footnote"}),
    "page_marker": ("fw", {"type": "pageNum"}),
}


class _Span(NamedTuple):
    """An element over ``text[start:end]``; ``inner`` names a child that holds the text."""

    start: int
    end: int
    tag: str
    attrib: dict[str, str]
    inner: str | None = None


def to_tei(doc: Document) -> str:
    """``doc`` as a TEI P5 document (a string with its XML declaration)."""
    people = _People(doc.transcript)
    root = ET.Element("TEI", {"xmlns": TEI_NS})
    _header(ET.SubElement(root, "teiHeader"), doc, people)
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    _body(body, doc.transcript, people)
    _indent(root)
    return serialize(root)


#: Elements whose content is other elements only: indented for reading.
#: Mixed content (``p``, ``persName``, ...) is never touched, since there
#: white space is text.
_CONTAINERS = frozenset(
    (
        "TEI",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "respStmt",
        "publicationStmt",
        "sourceDesc",
        "msDesc",
        "msIdentifier",
        "altIdentifier",
        "msContents",
        "summary",
        "profileDesc",
        "creation",
        "langUsage",
        "particDesc",
        "listPerson",
        "person",
        "text",
        "body",
        "div",
        "sp",
        "list",
    )
)


def _indent(element: ET.Element, level: int = 0) -> None:
    if element.tag not in _CONTAINERS or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        child.tail = inner
        _indent(child, level + 1)
    element[-1].tail = "\n" + "  " * level


# -- the header -----------------------------------------------------------------


def _header(header: ET.Element, doc: Document, people: _People) -> None:
    citation = doc.citation
    file_desc = ET.SubElement(header, "fileDesc")
    title_stmt = ET.SubElement(file_desc, "titleStmt")
    sub(title_stmt, "title", _common.title(doc))
    credits = doc.credits
    for sponsor in credits.sponsors if credits is not None else ():
        sub(title_stmt, "funder", sponsor)
    for person in _common.contributors(doc):
        for role in person.roles or ("credited",):
            resp_stmt = ET.SubElement(title_stmt, "respStmt")
            sub(resp_stmt, "resp", role)
            sub(resp_stmt, "name", person.name)

    publication = ET.SubElement(file_desc, "publicationStmt")
    if citation is not None and (citation.archive or citation.record_id or citation.url):
        sub(publication, "publisher", citation.archive or _common.ARCHIVE)
        if citation.record_id:
            sub(publication, "idno", citation.record_id, {"type": "record"})
        if citation.url:
            sub(publication, "idno", citation.url, {"type": "URI"})
    else:
        sub(publication, "p", "The source document has no citation.")

    ms_desc = ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "msDesc")
    _ms_identifier(ET.SubElement(ms_desc, "msIdentifier"), doc)
    contents = ET.SubElement(ms_desc, "msContents")
    if doc.summary:
        summary = ET.SubElement(contents, "summary")
        for paragraph in _common.paragraphs(doc.summary):
            sub(summary, "p", paragraph)
    languages = doc.languages
    if languages:
        attrib = {"mainLang": languages[0].code or "und"}
        others = [lang.code or "und" for lang in languages[1:]]
        if others:
            attrib["otherLangs"] = " ".join(others)
        sub(contents, "textLang", ", ".join(lang.name for lang in languages), attrib)
    if not len(contents):
        sub(contents, "p", _common.title(doc))

    profile = ET.SubElement(header, "profileDesc")
    found = _common.date(doc)
    if found is not None:
        _date(ET.SubElement(profile, "creation"), found)
    if languages:
        usage = ET.SubElement(profile, "langUsage")
        for lang in languages:
            sub(usage, "language", lang.name, {"ident": lang.code or "und"})
    if people.ids:
        listing = ET.SubElement(ET.SubElement(profile, "particDesc"), "listPerson")
        for ident, (name, participant) in people.ids.items():
            entry = ET.SubElement(listing, "person", {_XML_ID: ident})
            pers_name = ET.SubElement(entry, "persName")
            if participant is not None and participant.title:
                sub(pers_name, "roleName", participant.title)
                append_text(pers_name, " " + participant.name)
            else:
                append_text(pers_name, name)
            if participant is not None and participant.side:
                sub(entry, "affiliation", participant.side)


def _ms_identifier(identifier: ET.Element, doc: Document) -> None:
    citation = doc.citation
    locator = citation.locator if citation is not None else None
    if locator is None:
        if citation is not None and citation.record_id:
            sub(identifier, "idno", citation.record_id, {"type": "record"})
        else:
            sub(identifier, "msName", _common.title(doc))
        return
    parts = locator.parts
    if "repository" in parts:
        sub(identifier, "repository", parts.pop("repository"))
    if "collection" in parts:
        sub(identifier, "collection", parts.pop("collection"))
    for name, value in parts.items():
        sub(identifier, "idno", value, {"type": name})
    alternative = ET.SubElement(identifier, "altIdentifier", {"type": "source"})
    sub(alternative, "idno", locator.text, {"type": "citation"})


def _iso(parts: Sequence[int]) -> str:
    return "-".join(f"{n:04d}" if i == 0 else f"{n:02d}" for i, n in enumerate(parts))


def _date(parent: ET.Element, value: Date) -> None:
    """``<date>`` with ``@when`` for a point, ``@notBefore``/``@notAfter`` for an interval."""
    sub(parent, "date", value.text, _date_attrib(value))


def _date_attrib(value: Date) -> dict[str, str]:
    """The TEI dating attributes of ``value``, at the precision it was written with."""
    attrib: dict[str, str] = {}
    parts = _common.date_parts(value)
    if parts is not None and len(parts) == 1:
        attrib["when"] = _iso(parts[0])
    elif parts is not None:
        attrib["notBefore"], attrib["notAfter"] = _iso(parts[0]), _iso(parts[1])
    if parts is not None and (value.approximate or value.uncertain):
        attrib["cert"] = "low" if value.uncertain else "medium"
    return attrib


def _field_date_attrib(field: Field) -> dict[str, str]:
    """A meeting field's date; on a day with a start time, ``@from`` (and ``@to``) instead."""
    assert field.date is not None
    attrib = _date_attrib(field.date)
    day = attrib.get("when")
    if day is None or len(day) != 10 or field.start_time is None:
        return attrib
    del attrib["when"]
    attrib["from"] = f"{day}T{field.start_time.isoformat()}"
    if field.end_time is not None and field.end_time >= field.start_time:
        attrib["to"] = f"{day}T{field.end_time.isoformat()}"
    return attrib


# -- people -----------------------------------------------------------------------


class _People:
    """An ``xml:id`` for each participant, and for each speaker no participant names."""

    def __init__(self, transcript: Transcript) -> None:
        self.ids: dict[str, tuple[str, Participant | None]] = {}
        self.by_participant: dict[Participant, str] = {}
        self.by_speaker: dict[str, str] = {}
        for participant in transcript.participants:
            if participant not in self.by_participant:
                self.by_participant[participant] = self._add(participant.text, participant)
        for turn in transcript.turns:
            known = turn.participant
            if known is not None and known not in self.by_participant:
                self.by_participant[known] = self._add(known.text, known)
            if known is None and turn.speaker not in self.by_speaker:
                self.by_speaker[turn.speaker] = self._add(turn.speaker, None)

    def _add(self, name: str, participant: Participant | None) -> str:
        ident = f"person-{len(self.ids) + 1}"
        self.ids[ident] = (name, participant)
        return ident

    def who(self, speaker: str, participant: Participant | None) -> str:
        """The ``#id`` reference of a turn's speaker."""
        if participant is not None:
            return "#" + self.by_participant[participant]
        return "#" + self.by_speaker[speaker]


# -- the body ---------------------------------------------------------------------


def _body(body: ET.Element, transcript: Transcript, people: _People) -> None:
    text = transcript.text
    spans = _spans(transcript, people)
    turns = {turn.block: turn for turn in transcript.turns}
    notes = {
        note.definition.start: f"note-{i}"
        for i, note in enumerate(transcript.footnotes, 1)
        if note.definition is not None
    }
    div = ET.SubElement(body, "div")
    container: ET.Element = div
    for index, block in enumerate(transcript.blocks):
        if not isinstance(block, Item) or index in turns:
            container = div  # a list ends at a block that is no plain item (a turn too)
        if isinstance(block, Heading) and index not in turns:
            if any(child.tag != "head" for child in div):
                div = ET.SubElement(body, "div")
            container = div
            element = ET.SubElement(div, "head")
        elif index in turns:
            turn = turns[index]
            sp = ET.SubElement(div, "sp", {"who": people.who(turn.speaker, turn.participant)})
            sub(sp, "speaker", turn.speaker)
            element = ET.SubElement(sp, "p")
        elif isinstance(block, Item):
            if container is div:
                container = ET.SubElement(div, "list")
            element = sub(container, "item", attrib={"n": block.label})
        elif isinstance(block, FootnoteDefinition):
            attrib = {"place": "foot", "n": block.number}
            if block.start in notes:
                attrib[_XML_ID] = notes[block.start]
            element = sub(div, "note", attrib=attrib)
        elif isinstance(block, PageMarker):
            sub(div, "pb", attrib={"n": block.text})
            element = sub(div, "fw", attrib={"type": "pageNum"})
        elif isinstance(block, Field):
            element = sub(div, "ab", attrib={"type": "field", "n": block.label})
        elif isinstance(block, ParticipantList):
            element = sub(div, "ab", attrib={"type": "participants"})
        elif isinstance(block, Mark):
            element = sub(div, "ab", attrib={"type": "mark"})
        else:
            element = ET.SubElement(div, "p")
        inside = [s for s in spans if block.start <= s.start and s.end <= block.end]
        _fill(element, text, block.start, block.end, inside)
    if not len(div):
        ET.SubElement(div, "p")


def _spans(transcript: Transcript, people: _People) -> list[_Span]:
    """Every element inside the blocks' text, sorted, with crossing ones left out."""
    targets: dict[int, str] = {}
    for i, note in enumerate(transcript.footnotes, 1):
        if note.definition is not None:
            for reference in note.references:
                targets[reference.start] = f"#note-{i}"
    found: list[_Span] = []
    for mark in transcript.inlines:
        if mark.kind == "page_break":
            found.append(_Span(mark.start, mark.start, "pb", {}))
            continue
        if mark.kind not in BRACKET_ELEMENTS:
            continue
        tag, attrib = BRACKET_ELEMENTS[mark.kind]
        attrib = dict(attrib)
        # A bracket's element holds what is inside the brackets, which stay
        # text around it; a mark without brackets (a footnote digit glued
        # to a word, "struggle.1") is its element whole.
        bracketed = mark.text[:1] == "[" and mark.text[-1:] == "]"
        start, end = (mark.start + 1, mark.end - 1) if bracketed else (mark.start, mark.end)
        if mark.kind == "page_marker":
            found.append(_Span(mark.start, mark.start, "pb", {"n": mark.content}))
        if mark.kind == "footnote_ref" and mark.start in targets:
            attrib["target"] = targets[mark.start]
        found.append(_Span(start, end, tag, attrib, "desc" if tag == "gap" else None))
    for field in transcript.fields:
        if field.date is not None:
            at = field.text.find(field.date.text)
            if at >= 0:
                start = field.start + at
                attrib = _field_date_attrib(field)
                found.append(_Span(start, start + len(field.date.text), "date", attrib))
    for participant, ident in people.by_participant.items():
        start = participant.start
        found.append(_Span(start, start + len(participant.text), "persName", {"ref": "#" + ident}))
    return _nested(found)


def _nested(spans: Iterable[_Span]) -> list[_Span]:
    """``spans`` in document order, without any that cross an earlier one."""
    kept: list[_Span] = []
    open_ends: list[int] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        while (
            open_ends
            and open_ends[-1] <= span.start
            and not (open_ends[-1] == span.start == span.end)
        ):
            open_ends.pop()
        if open_ends and span.end > open_ends[-1]:
            continue
        kept.append(span)
        if span.end > span.start:
            open_ends.append(span.end)
    return kept


def _fill(parent: ET.Element, text: str, start: int, end: int, spans: list[_Span]) -> None:
    """Put ``text[start:end]`` into ``parent``, with ``spans`` (nested, sorted) as elements."""
    cursor = start
    i = 0
    while i < len(spans):
        span = spans[i]
        j = i + 1
        if span.end > span.start:
            while j < len(spans) and spans[j].end <= span.end:
                j += 1
        append_text(parent, text[cursor : span.start])
        element = sub(parent, span.tag, attrib=span.attrib)
        if span.inner is not None:
            element = ET.SubElement(element, span.inner)
        _fill(element, text, span.start, span.end, spans[i + 1 : j])
        cursor = max(cursor, span.end)
        i = j
    append_text(parent, text[cursor:end])
