"""BibTeX and RIS exports, read back by bibtexparser 2 and rispy with the same fields."""

from __future__ import annotations

import re
from collections import defaultdict

import bibtexparser
import rispy
from hypothesis import HealthCheck, given, settings

from archivedoc.export._common import one_line
from archivedoc.export.bibtex import ESCAPES, bibtex_fields, to_bibtex, to_bibtex_file
from archivedoc.export.ris import ris_fields, to_ris, to_ris_file
from archivedoc.model import Citation, Contents, Document, OriginalLanguage, Summary
from archivedoc.strategies import documents
from export_support import SEED, document, named_documents

_UNESCAPE = re.compile("|".join(re.escape(tex) for tex in sorted(ESCAPES.values(), key=len)[::-1]))
_CHARACTER = {tex: char for char, tex in ESCAPES.items()}


def unescape(value: str) -> str:
    """The inverse of the export's TeX escapes (the only markup it writes)."""
    return _UNESCAPE.sub(lambda m: _CHARACTER[m.group()], value)


def read_bibtex(text: str) -> list[tuple[str, str, dict[str, str]]]:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return [
        (e.entry_type, e.key, {f.key: unescape(f.value) for f in e.fields}) for e in library.entries
    ]


def test_every_document_reads_back_from_one_bib_file() -> None:
    pairs = named_documents()
    entries = read_bibtex(to_bibtex_file(pairs))
    assert len(entries) == len(pairs)
    assert len({key for _, key, _ in entries}) == len(entries)
    for (kind, _, fields), (_, doc) in zip(entries, pairs, strict=True):
        assert kind == "unpublished"
        assert fields == bibtex_fields(doc)


def test_seed_entry() -> None:
    ((kind, key, fields),) = read_bibtex(to_bibtex(document(SEED)))
    assert (kind, key) == ("unpublished", "hppda-123400")
    assert fields["title"] == "Meeting between Marshal Stalin and Dr. Soong"
    assert (fields["year"], fields["month"], fields["date"]) == ("1945", "6", "1945-06-30")
    assert fields["url"] == "http://digitalarchive.wilsoncenter.org/document/123400"
    assert fields["note"].startswith(
        "History and Public Policy Program Digital Archive, Victor Hoo Collection, box 6"
    )
    assert "Contributed by David Wolff." in fields["note"]


TRICKY = Document(
    title="Запись беседы {товарища} 50% & #1_a~b^c \\ $x$ 毛泽东",
    date="1962-1963",
    sections=[
        Citation(
            "“Запись беседы,” 1962, History and Public Policy Program Digital Archive, "
            "RGANI, f. 5, op. 49, d. 131, ll. 193-194. Translated by Юрий Иванов and Jane Doe."
        ),
        Summary("First } line.\n\nSecond { paragraph."),
        OriginalLanguage("Russian, Chinese"),
        Contents.from_items(["English Translation"]),
    ],
)


def test_keys_are_safe_for_bibtex() -> None:
    doc = Document(
        title="T",
        sections=[
            Citation(
                "“T,” 1950, History and Public Policy Program Digital Archive, APRF. "
                "<https://digitalarchive.wilsoncenter.org/document/a%20b,c{d}>"
            )
        ],
    )
    ((_, key, fields),) = read_bibtex(to_bibtex(doc))
    assert key == "hppda-a-20b-c-d-"
    assert fields["url"] == doc.citation.url  # type: ignore[union-attr]
    ((_, key, _),) = read_bibtex(to_bibtex(Document(title="Über den Vertrag, 1950")))
    assert key == "uber-den-vertrag-1950"


def test_unicode_and_tex_specials_survive_bibtex() -> None:
    ((_, _, fields),) = read_bibtex(to_bibtex(TRICKY))
    assert fields == bibtex_fields(TRICKY)
    assert fields["title"] == TRICKY.title
    assert fields["translator"] == "Юрий Иванов and Jane Doe"
    assert (fields["year"], fields["date"]) == ("1962", "1962/1963")
    assert "month" not in fields


RIS_MAPPING = {
    "TY": "type_of_reference",
    "TI": "title",
    "A4": "translators",
    "DA": "date",
    "PY": "year",
    "DB": "archive",
    "AV": "archive_location",
    "AN": "record_id",
    "UR": "urls",
    "LA": "languages",
    "AB": "abstract",
    "N1": "notes",
    "ER": "end_of_reference",
}
RIS_LISTS = ["A4", "LA", "N1", "UR"]


def read_ris(text: str) -> list[dict[str, object]]:
    return rispy.loads(text, mapping=RIS_MAPPING, list_tags=RIS_LISTS)


def expected_ris(doc: Document) -> dict[str, object]:
    out: dict[str, object] = defaultdict(list)
    for tag, value in ris_fields(doc):
        line = one_line(value)
        if not line:
            continue
        if tag in RIS_LISTS:
            out[RIS_MAPPING[tag]].append(line)  # type: ignore[attr-defined]
        else:
            out[RIS_MAPPING[tag]] = line
    return dict(out)


def test_every_document_reads_back_from_one_ris_file() -> None:
    pairs = named_documents()
    records = read_ris(to_ris_file(pairs))
    assert len(records) == len(pairs)
    for record, (_, doc) in zip(records, pairs, strict=True):
        assert record == expected_ris(doc)


def test_seed_record() -> None:
    (record,) = read_ris(to_ris(document(SEED)))
    assert record["type_of_reference"] == "MANSCPT"
    assert record["date"] == "1945/06/30/"
    assert record["archive"] == "History and Public Policy Program Digital Archive"
    assert record["archive_location"] == (
        "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives"
    )
    assert record["record_id"] == "123400"


def test_unicode_and_line_ends_in_ris() -> None:
    (record,) = read_ris(to_ris(TRICKY))
    assert record == expected_ris(TRICKY)
    assert record["abstract"] == "First } line. Second { paragraph."
    assert record["translators"] == ["Юрий Иванов", "Jane Doe"]
    assert record["languages"] == ["ru", "zh"]
    assert record["date"] == "1962///"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_generated_document_reads_back(doc: Document) -> None:
    ((_, _, fields),) = read_bibtex(to_bibtex(doc))
    assert fields == bibtex_fields(doc)
    (record,) = read_ris(to_ris(doc))
    assert record == expected_ris(doc)
