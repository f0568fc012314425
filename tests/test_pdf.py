"""archivedoc.pdf: the archive's PDF exports read as Documents, everything else refused.

The exports here are written by ``pdfmaker`` from text of our own, in the
export's layout; the eleven real exports of ``../shared/pdfs`` are compared
with their markdown twins at the end.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import pickle
import re
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import DecodedStreamObject

import archivedoc
from archivedoc import DocumentTooLargeError, ParseError
from archivedoc.pdf import PdfError, load_pdf
from conftest import ROOT, SHARED
from pdfmaker import example, export, make_pdf

REAL = ["111240", "112226", "113239", "113323", "113353", "113377"]
REAL += ["113379", "113382", "113439", "113789", "134157"]

TITLE = (
    "Record of a Conversation between the Minister of Grain Deliveries Ivanov "
    "and the Chairman of the Regional Committee Petrov [via Sidorov]"
)
CITATION = (
    f"“{TITLE},” March 02, 1950, History and Public Policy Program Digital Archive, "
    "APRF: F. 47, Op. 2, D. 316, Ll. 14-25. Translated for CWIHP by Jane Example."
)
EXPECTED_RECORD = f"""

## March 02, 1950 {TITLE}

### Citation:

{CITATION}

<http://digitalarchive.wilsoncenter.org/document/900001>

### Summary:

Ivanov and Petrov discuss the grain deliveries of the spring and the repair of the anti-flood \
dams on the river.

Petrov asks for two hundred tractors.

### Credits:

This document was made possible with support from the Example Foundation.

### Original Language:

Russian

### Contents:

- English Translation
- Scan of Original Document

"""


@pytest.fixture(scope="module")
def export_pdf() -> bytes:
    return example()


@pytest.fixture(scope="module")
def doc(export_pdf: bytes) -> archivedoc.Document:
    return load_pdf(export_pdf)


# -- what is read --------------------------------------------------------------


def test_the_record_page_becomes_the_heading_and_sections(doc: archivedoc.Document) -> None:
    text = archivedoc.dumps(doc)
    assert text.startswith(EXPECTED_RECORD + "\f")
    assert doc.title == TITLE
    assert doc.date is not None and doc.date.edtf == "1950-03-02"
    assert doc.citation is not None and doc.citation.text.endswith(
        "\n\n<http://digitalarchive.wilsoncenter.org/document/900001>"
    )
    assert doc.citation.record_id == "900001"
    assert doc.citation.archive == "History and Public Policy Program Digital Archive"
    assert [c.name for c in doc.citation.contributors] == ["Jane Example"]
    assert doc.credits is not None and "Example Foundation" in doc.credits.text
    assert [lang.code for lang in doc.languages] == ["ru"]
    items = [item.text for item in doc.contents]
    assert items == ["English Translation", "Scan of Original Document"]


def test_the_transcript_keeps_its_pages_and_drops_the_header(doc: archivedoc.Document) -> None:
    text = doc.transcript.text
    pages = text.split("\f")
    # the record page, four pages of text (one of them empty); the trailing scans give nothing
    assert len(pages) == 5 and pages[0] == "" and pages[3] == "\n"
    assert "Digital Archive" not in text and "International History" not in text
    assert pages[2] == "The second page, under the site's header printed again.\n"
    assert "Comrade Ivanov: the grain of the northern districts has\n" in pages[1]
    assert [turn.speaker for turn in doc.transcript.turns] == ["Comrade Ivanov", "Comrade Petrov"]
    assert re.search(r"\n {20,}Ivanov\n", pages[4])  # a right-aligned signature stays so


def test_text_boxes_typed_over_a_page_follow_its_text(doc: archivedoc.Document) -> None:
    last = doc.transcript.text.split("\f")[-1]
    assert last.endswith("Ivanov\n\nA note typed over the page.\nIts second line.")


def test_the_result_writes_back_and_reads_equal(doc: archivedoc.Document) -> None:
    assert archivedoc.loads(archivedoc.dumps(doc)) == doc
    assert archivedoc.from_dict(archivedoc.to_dict(doc)) == doc


def test_a_path_a_file_and_bytes_read_the_same(
    export_pdf: bytes, doc: archivedoc.Document, tmp_path: Path
) -> None:
    path = tmp_path / "export.pdf"
    path.write_bytes(export_pdf)
    assert load_pdf(path) == doc
    assert load_pdf(str(path)) == doc
    assert load_pdf(io.BytesIO(export_pdf)) == doc
    assert load_pdf(bytearray(export_pdf)) == doc
    assert load_pdf(memoryview(export_pdf)) == doc
    with pytest.raises(TypeError, match="binary mode"):
        load_pdf(io.StringIO("%PDF-1.7"))  # type: ignore[arg-type]


def test_an_export_without_optional_parts_and_with_a_one_line_title() -> None:
    record = ["March 1950", "A Cable", "", "Contents:", "", "  English Translation"]
    pdf = export(record, [["One."]])
    assert archivedoc.dumps(load_pdf(pdf)) == (
        "\n\n## March 1950 A Cable\n\n### Contents:\n\n- English Translation\n\n\fOne."
    )


def test_an_export_with_no_items_or_no_transcript_pages() -> None:
    assert archivedoc.dumps(load_pdf(export(["A Cable", "", "Contents:"], [["One."]]))) == (
        "\n\n## A Cable\n\n### Contents:\n\n\fOne."
    )
    only_scans = load_pdf(export(["A Cable", "", "Contents:", "  Scan"], [[], []], images=[1, 2]))
    assert archivedoc.dumps(only_scans) == "\n\n## A Cable\n\n### Contents:\n\n- Scan"


def test_an_unknown_label_becomes_a_section_and_strict_refuses_it() -> None:
    record = ["March 1950", "A Cable", "", "Keywords:", "", "grain", "", "Contents:", "", "  A"]
    doc = load_pdf(export(record, [["One."]]))
    assert [(s.label, s.text) for s in doc.sections] == [("Keywords", "grain"), ("Contents", "- A")]
    with pytest.raises(PdfError, match="Keywords"):
        load_pdf(export(record, [["One."]]), strict=True)


# -- what is refused -----------------------------------------------------------


def _refused(data: bytes, match: str, **options: int) -> PdfError:
    with pytest.raises(PdfError, match=match) as info:
        load_pdf(data, **options)  # type: ignore[arg-type]
    assert isinstance(info.value, ParseError) and isinstance(info.value, ValueError)
    return info.value


def test_another_pdf_is_refused_not_guessed() -> None:
    error = _refused(make_pdf([["A report", "", "Contents:", "  One"]]), "Digital Archive's header")
    assert error.page == 1 and str(error).startswith("page 1: ")


def test_the_header_without_the_export_layout_is_refused() -> None:
    _refused(export(["March 1950", "A Cable", "", "Summary:", "", "x"], [["y"]]), "'Contents:'")
    _refused(export(["Contents:", "", "  English Translation"], [["One."]]), "no date and title")


def test_a_scan_without_a_text_layer_is_refused() -> None:
    _refused(make_pdf([[], []], images=[0, 1]), "no text: a scan")


def test_what_is_not_a_pdf_is_refused() -> None:
    _refused(b"## March 1950 A Cable\n", "not a PDF file")
    _refused(b"%PDF-1.4\n" + bytes(range(256)) * 40, "cannot read the PDF")


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.8, 0.99])
def test_a_truncated_export_is_refused(export_pdf: bytes, keep: float) -> None:
    _refused(export_pdf[: int(len(export_pdf) * keep)], "damaged or truncated")


def test_an_encrypted_pdf_is_refused(export_pdf: bytes) -> None:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(export_pdf))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    _refused(buffer.getvalue(), "encrypted with a password")


def test_an_export_encrypted_only_against_changes_is_read(
    export_pdf: bytes, doc: archivedoc.Document
) -> None:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(export_pdf))
    writer.encrypt("", "owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert load_pdf(buffer.getvalue()) == doc


def test_a_pdf_without_pages_is_refused() -> None:
    buffer = io.BytesIO()
    pypdf.PdfWriter().write(buffer)
    _refused(buffer.getvalue(), "no pages")


def test_a_huge_page_count_is_refused_before_the_pages_are_read(export_pdf: bytes) -> None:
    claimed = re.sub(rb"/Count \d+", b"/Count 999999999", export_pdf)
    assert claimed != export_pdf
    _refused(claimed, "999,999,999 pages, more than max_pages=2,000")
    _refused(export_pdf, "7 pages, more than max_pages=6", max_pages=6)


def test_a_file_over_max_size_is_refused_before_it_is_parsed(export_pdf: bytes) -> None:
    with pytest.raises(DocumentTooLargeError, match="bytes"):
        load_pdf(io.BytesIO(export_pdf), max_size=1000)
    assert load_pdf(export_pdf, max_size=None).title == TITLE


def _inflated(body: bytes, pages: int) -> bytes:
    """An export whose transcript pages each draw ``body``, compressed (a tiny file)."""
    plain = export(["A Cable", "", "Contents:"], [[]] * pages)
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(plain))
    for page in writer.pages[1:]:
        stream = DecodedStreamObject()
        stream.set_data(body)
        page.replace_contents(stream)
        page.compress_content_streams()
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_page_that_inflates_to_megabytes_is_refused_before_its_text_is_read() -> None:
    bomb = _inflated(b"BT /F1 10 Tf 72 700 Td (x) Tj ET\n" * 100_000, 1)
    assert len(bomb) < 20_000
    assert _refused(bomb, "3,300,000 bytes of drawing instructions").page == 2


def test_all_pages_together_are_bounded_by_max_size() -> None:
    pdf = _inflated(b" " * 600_000 + b"\n", 5)
    assert load_pdf(pdf).title == "A Cable"  # 3 MB of blank drawing instructions are fine
    assert _refused(pdf, "add up to more than max_size", max_size=1_000_000).page == 3


def test_the_error_pickles_with_its_page() -> None:
    error = pickle.loads(pickle.dumps(PdfError("no text", 3)))
    assert (error.msg, error.page, str(error)) == ("no text", 3, "page 3: no text")


# -- a quiet library -----------------------------------------------------------


def test_pypdf_repairs_do_not_reach_the_terminal(
    export_pdf: bytes, doc: archivedoc.Document, capfd: pytest.CaptureFixture[str]
) -> None:
    # Every offset in the cross-reference table off by three: pypdf repairs and logs it.
    shifted = re.sub(
        rb"\n(\d{10}) 00000 n", lambda m: b"\n%010d 00000 n" % (int(m.group(1)) + 3), export_pdf
    )
    assert shifted != export_pdf
    seen: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = seen.append  # type: ignore[method-assign]
    logging.getLogger("pypdf").addHandler(handler)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert load_pdf(shifted) == doc
        assert seen == []
        logging.getLogger("pypdf").warning("after the read")  # the logger is back as it was
        assert len(seen) == 1
    finally:
        logging.getLogger("pypdf").removeHandler(handler)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_reads_in_threads_leave_the_pypdf_logger_as_it_was(export_pdf: bytes) -> None:
    logger = logging.getLogger("pypdf")
    logger.setLevel(logging.INFO)
    try:
        inputs = [export_pdf, b"%PDF-1.4 damaged"] * 4
        with ThreadPoolExecutor(4) as pool:
            outcomes = list(pool.map(_outcome, inputs))
        assert outcomes == ["Document", "PdfError"] * 4
        assert logger.level == logging.INFO
    finally:
        logger.setLevel(logging.NOTSET)


def _outcome(data: bytes) -> str:
    try:
        return type(load_pdf(data)).__name__
    except PdfError:
        return "PdfError"


def test_without_pypdf_the_error_says_what_to_install(
    export_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf now fails
    with pytest.raises(ImportError, match=re.escape('pip install "archivedoc[pdf]"')):
        load_pdf(export_pdf)


# -- the archive's own exports -------------------------------------------------

_spec = importlib.util.spec_from_file_location("pdf_agreement", ROOT / "tools" / "pdf_agreement.py")
assert _spec is not None and _spec.loader is not None
pdf_agreement = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pdf_agreement)


@pytest.mark.parametrize("record", REAL)
def test_each_real_export_reads_as_its_markdown_twin(record: str) -> None:
    row = pdf_agreement.compare(
        SHARED / "pdfs" / f"{record}.pdf", SHARED / "corpus" / "docs" / f"{record}.md"
    )
    assert row["differ"] == []
    assert row["agreement"] >= 0.99
    assert row["round trip"]


def test_the_agreement_tool_prints_a_row_per_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for record in ("113379", "113382"):
        (tmp_path / f"{record}.pdf").write_bytes((SHARED / "pdfs" / f"{record}.pdf").read_bytes())
    twin = (SHARED / "corpus" / "docs" / "113379.md").read_text(encoding="utf-8")
    (tmp_path / "113379.md").write_text(twin.replace("Stalin", "Molotov"), encoding="utf-8")
    (tmp_path / "113382.md").write_text(
        (SHARED / "corpus" / "docs" / "113382.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert pdf_agreement.main([str(tmp_path), str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"\| 113379\.pdf \| differ: .*summary", out)
    assert re.search(r"\| 113382\.pdf \| all equal \| \d+ \| 100\.00% \| ok \|", out)


def test_the_docs_example_is_this_export(export_pdf: bytes, doc: archivedoc.Document) -> None:
    # docs/pdf.rst reads docs/example-export.pdf: `python tests/pdfmaker.py docs/example-export.pdf`
    assert (ROOT / "docs" / "example-export.pdf").read_bytes() == export_pdf
