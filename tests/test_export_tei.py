"""TEI P5 export: valid against tei_all.rng, nothing of the transcript lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import archivedoc
from archivedoc.export._xml import clean
from archivedoc.export.tei import TEI_NS, to_tei
from archivedoc.model import Citation, Contents, Credits, Document, OriginalLanguage, Transcript
from archivedoc.strategies import documents
from export_support import ALL_FILES, SEED, assert_valid_tei, document

NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


#: Elements that hold blocks only: the white space between their children is layout.
BLOCK_CONTAINERS = {f"{{{TEI_NS}}}{tag}" for tag in ("body", "div", "sp", "list")}


def body_text(root: etree._Element) -> str:
    """The text content of <body>, leaving out the <speaker> labels and the indentation."""
    speaker = f"{{{TEI_NS}}}speaker"

    def walk(element: etree._Element) -> str:
        layout = element.tag in BLOCK_CONTAINERS

        def text(value: str | None) -> str:
            if layout:
                assert not (value or "").strip(), value
                return ""
            return value or ""

        out = [text(element.text)]
        for child in element:
            if child.tag != speaker:
                out.append(walk(child))
            out.append(text(child.tail))
        return "".join(out)

    (body,) = root.iterfind(".//t:body", NS)
    return walk(body)


def expected_text(doc: Document) -> str:
    """The blocks' text as an XML parser reads it back (line ends as LF)."""
    text = "".join(clean(block.text) for block in doc.transcript.blocks)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check(doc: Document) -> etree._Element:
    root = assert_valid_tei(to_tei(doc))
    assert body_text(root) == expected_text(doc)
    transcript = doc.transcript
    # The blocks are the whole transcript but for the blank space between them.
    rebuilt = transcript.lead + "".join(b.text + b.after for b in transcript.blocks)
    assert rebuilt == transcript.text
    ids = {e.get(XML_ID) for e in root.iter() if e.get(XML_ID)}
    for element in root.iter():
        for name in ("who", "ref", "target"):
            value = element.get(name)
            if value is not None and value.startswith("#"):
                assert value[1:] in ids, (name, value)
    return root


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_document_is_valid_tei_and_keeps_its_text(path: Path) -> None:
    check(document(path))


def test_seed_header() -> None:
    root = check(document(SEED))
    header = root.find("t:teiHeader", NS)
    assert header is not None

    def one(path: str) -> etree._Element:
        found = header.findall(path, NS)
        assert len(found) == 1, path
        return found[0]

    assert one(".//t:titleStmt/t:title").text == "Meeting between Marshal Stalin and Dr. Soong"
    assert one(".//t:titleStmt/t:funder").text == "Chun & Jane Chiu Family Foundation"
    resp = one(".//t:titleStmt/t:respStmt")
    assert [resp[0].text, resp[1].text] == ["contributed", "David Wolff"]
    publication = one(".//t:publicationStmt")
    assert publication[0].text == "History and Public Policy Program Digital Archive"
    idnos = {i.get("type"): i.text for i in publication.iterfind("t:idno", NS)}
    assert idnos == {
        "record": "123400",
        "URI": "http://digitalarchive.wilsoncenter.org/document/123400",
    }
    identifier = one(".//t:msDesc/t:msIdentifier")
    assert one(".//t:msIdentifier/t:repository").text == "Hoover Institution Archives"
    assert one(".//t:msIdentifier/t:collection").text == "Victor Hoo Collection"
    parts = {i.get("type"): i.text for i in identifier.iterfind("t:idno", NS)}
    assert parts == {"box": "6", "folder": "9"}
    assert one(".//t:altIdentifier/t:idno").text == (
        "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives"
    )
    assert one(".//t:msContents/t:summary/t:p").text.startswith("Stalin and Chinese Minister")
    assert one(".//t:msContents/t:textLang").get("mainLang") == "en"
    date = one(".//t:creation/t:date")
    assert (date.get("when"), date.text) == ("1945-06-30", "June 30, 1945")
    assert one(".//t:langUsage/t:language").get("ident") == "en"
    people = header.findall(".//t:listPerson/t:person", NS)
    assert [p.get(XML_ID) for p in people] == [f"person-{i}" for i in range(1, 8)]
    first = people[0].find("t:persName", NS)
    assert first is not None and first.find("t:roleName", NS).text == "Marshal"
    assert "".join(first.itertext()) == "Marshal Stalin"


def test_seed_body_speakers_and_names() -> None:
    doc = document(SEED)
    root = check(doc)
    turns = root.findall(".//t:body//t:sp", NS)
    assert len(turns) == len(doc.transcript.turns) == 13
    assert turns[0].get("who") == "#person-1"
    assert turns[0].find("t:speaker", NS).text == "Marshal Stalin"
    assert turns[1].get("who") == "#person-2"  # Dr. Soong
    names = [e.text for e in root.iterfind(".//t:body//t:name", NS)]
    assert "Kai-shek" in names and "T.V." in names
    heads = root.findall(".//t:body/t:div/t:head", NS)
    assert [h.text for h in heads] == ["No. I. Meeting between Marshal Stalin and Dr. Soong"]
    listed = root.findall(".//t:ab[@type='participants']/t:persName", NS)
    assert len(listed) == 7 and listed[1].get("ref") == "#person-2"
    (field,) = root.iterfind(".//t:ab[@type='field']", NS)
    assert field.get("n") == "Date"
    date = field.find("t:date", NS)
    assert date is not None and date.text == "June 30th, 1945"
    # The meeting's times (6:30 - 6:45 p.m.) date the field to the minute.
    assert dict(date.attrib) == {"from": "1945-06-30T18:30:00", "to": "1945-06-30T18:45:00"}


def _doc(transcript: str, **parts: str) -> Document:
    sections = []
    if "citation" in parts:
        sections.append(Citation(parts["citation"]))
    if "languages" in parts:
        sections.append(OriginalLanguage(parts["languages"]))
    if "credits" in parts:
        sections.append(Credits(parts["credits"]))
    sections.append(Contents.from_items(["English Translation"]))
    return Document(
        title=parts.get("title", "Record of a talk"),
        date=parts.get("date", "May 1, 1950"),
        sections=sections,
        transcript=Transcript(transcript),
    )


BRACKETS = (
    "We [the delegation] agreed [...] on the plan [sic] of Com[rade] Li [Lee] "
    "and the kolkhoz [kolkhoz] was [five?] in [Translator's note: the text is damaged] "
    "[signature] [Page 2] [xyz 123].\n"
)


def test_brackets_become_editorial_markup_by_kind() -> None:
    doc = _doc(BRACKETS)
    kinds = [mark.kind for mark in doc.transcript.inlines]
    assert {"supplied", "elision", "sic", "expansion", "note", "physical", "page_marker"} <= set(
        kinds
    ), kinds
    root = check(doc)
    (paragraph,) = root.iterfind(".//t:body//t:p", NS)
    tags = [etree.QName(e).localname for e in paragraph.iter() if e is not paragraph]
    for tag in ("supplied", "gap", "ex", "note", "pb", "fw"):
        assert tag in tags, (tag, tags)
    gap = paragraph.find("t:gap", NS)
    assert gap is not None and gap.get("reason") == "elision"
    assert "".join(gap.itertext()) == "..."
    assert paragraph.find("t:supplied", NS).text == "the delegation"
    assert paragraph.find("t:pb", NS).get("n") == "Page 2"
    assert paragraph.find("t:ex", NS).text == "rade"
    notes = {n.get("type"): "".join(n.itertext()) for n in paragraph.iterfind("t:note", NS)}
    assert notes["sic"] == "sic"
    assert notes["editorial"] == "Translator's note: the text is damaged"
    assert notes["physical"] == "signature"


def test_footnotes_are_linked_to_their_references() -> None:
    doc = _doc("The treaty was signed.[1] It held.\n\n[1] See the archive's file 12.\n")
    notes = doc.transcript.footnotes
    assert len(notes) == 1 and notes[0].definition is not None and notes[0].references
    root = check(doc)
    (note,) = root.iterfind(".//t:body//t:note[@place='foot']", NS)
    (ref,) = root.iterfind(".//t:body//t:ref", NS)
    assert ref.get("target") == "#" + note.get(XML_ID)
    assert ref.text == "1" and note.get("n") == "1"


def test_a_glued_footnote_digit_is_one_ref_and_keeps_its_text() -> None:
    doc = _doc("The talks went on in the struggle.1 Then they ended.\n\n1. A note of ours.\n")
    (note,) = doc.transcript.footnotes
    assert note.references and note.references[0].text == "1"
    root = check(doc)  # check() compares the body's text with the transcript's
    (ref,) = root.iterfind(".//t:body//t:ref", NS)
    assert ref.text == "1"


def test_a_numbered_turn_ends_the_list_before_it() -> None:
    doc = _doc(
        "1. The first point of the plan.\n\n"
        "2. Comrade Ivanov said that the plan was good.\n\n"
        "3. The third point of the plan.\n"
    )
    assert [turn.block for turn in doc.transcript.turns] == [1]
    root = check(doc)  # the blocks stay in their order: no text moves
    (body,) = root.iterfind(".//t:body/t:div", NS)
    assert [etree.QName(e).localname for e in body] == ["list", "sp", "list"]


@pytest.mark.parametrize(
    ("text", "attributes"),
    [
        ("June 30, 1945", {"when": "1945-06-30"}),
        ("November 1967", {"when": "1967-11"}),
        ("1958", {"when": "1958"}),
        ("c. 1950", {"when": "1950", "cert": "medium"}),
        ("1950?", {"when": "1950", "cert": "low"}),
        ("1962-1963", {"notBefore": "1962", "notAfter": "1963"}),
        ("June 1-3, 1945", {"notBefore": "1945-06-01", "notAfter": "1945-06-03"}),
        ("March 1962 - April 1963", {"notBefore": "1962-03", "notAfter": "1963-04"}),
        ("1960s", {"notBefore": "1960", "notAfter": "1969"}),
        ("Summer 1961", {"notBefore": "1961-06", "notAfter": "1961-08"}),
        ("n.d.", {}),
    ],
)
def test_creation_date_from_the_interval(text: str, attributes: dict[str, str]) -> None:
    root = check(_doc("Text.\n", date=text))
    (date,) = root.iterfind(".//t:creation/t:date", NS)
    assert dict(date.attrib) == attributes
    assert date.text == text


def test_languages_and_credits() -> None:
    doc = _doc(
        "Text.\n",
        languages="Russian, Chinese",
        citation="“Record,” May 1, 1950, History and Public Policy Program Digital Archive, "
        "RGASPI, f. 571, op. 14, d. 206, ll. 33-38. Obtained and translated by Nikolai Borodin.",
    )
    root = check(doc)
    lang = root.find(".//t:msContents/t:textLang", NS)
    assert (lang.get("mainLang"), lang.get("otherLangs")) == ("ru", "zh")
    assert [e.get("ident") for e in root.iterfind(".//t:langUsage/t:language", NS)] == ["ru", "zh"]
    resp = [r.findtext("t:resp", namespaces=NS) for r in root.iterfind(".//t:respStmt", NS)]
    assert resp == ["obtained", "translated"]
    parts = {i.get("type"): i.text for i in root.iterfind(".//t:msIdentifier/t:idno", NS)}
    assert parts == {"fond": "571", "opis": "14", "delo": "206", "pages": "33-38"}
    assert root.findtext(".//t:msIdentifier/t:repository", namespaces=NS) == "RGASPI"


def test_characters_xml_forbids_are_replaced_by_the_documented_rule() -> None:
    doc = _doc("Stalin: [post\n\x0cof the] chairman\x01 said <&> \"'.\n")
    root = check(doc)
    text = body_text(root)
    assert "\x0c" not in text and "\x01" not in text
    assert text.count("\ufffd") == 2 and "<&>" in text
    assert root.find(".//t:body//t:pb", NS) is not None  # the form feed is a page break


def test_a_document_without_transcript_or_citation_is_valid() -> None:
    check(Document(title="A title only"))
    check(archivedoc.loads("## 1950 Note\n\n### Summary:\n\nShort.\n"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_generated_document_exports_to_valid_tei(doc: Document) -> None:
    check(doc)
