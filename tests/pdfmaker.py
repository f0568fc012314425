"""Write small PDFs in the layout of the archive's export, for the PDF reader's tests.

The text is set in Helvetica (one of the fonts every PDF reader knows) with
pypdf's writer, one positioned line at a time, so the tests can build an
export (or something that is almost one) from documents we write ourselves.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfWriter
from pypdf.annotations import FreeText
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

#: A line: its text (leading spaces indent it), or several (x, text) runs.
Line = str | Sequence[tuple[float, str]]

WIDTH, HEIGHT = 612.0, 792.0
LEFT, TOP, LEADING, SIZE = 72.0, 740.0, 14.0, 10.0
# Points per leading space: about one space of Helvetica at SIZE.
_INDENT = 2.8

# A 2x2 grey image, inline, drawn 100 points wide.
_IMAGE = b"\nq 100 0 0 100 72 72 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q"

HEADER: list[Line] = [
    [(200.0, "Digital Archive"), (400.0, "digitalarchive.wilsoncenter.org")],
    [(200.0, "International History Declassified")],
    "",
]


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _stream(lines: Sequence[Line], bold: Sequence[str]) -> bytes:
    """Content-stream operators that show ``lines`` top down."""
    out = []
    y = TOP
    for line in lines:
        runs = (
            [(LEFT + _INDENT * (len(line) - len(line.lstrip(" "))), line.lstrip(" "))]
            if isinstance(line, str)
            else list(line)
        )
        for x, text in runs:
            if not text:
                continue
            font = b"/F2" if text in bold else b"/F1"
            out.append(b"BT %s %g Tf %g %g Td (%s) Tj ET" % (font, SIZE, x, y, _escape(text)))
        y -= LEADING
    return b"\n".join(out)


def make_pdf(
    pages: Sequence[Sequence[Line]],
    *,
    bold: Sequence[str] = (),
    notes: dict[int, str] | None = None,
    images: Sequence[int] = (),
) -> bytes:
    """A PDF whose pages show ``pages`` (lists of lines); runs named in ``bold`` in bold.

    ``notes`` puts a free-text box (an annotation) with that text on the page
    of that index; the pages in ``images`` also get a small image drawn.
    """
    writer = PdfWriter()
    fonts = DictionaryObject(
        {
            NameObject(f"/F{n}"): DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/Type1"),
                    NameObject("/BaseFont"): NameObject(name),
                    NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
                }
            )
            for n, name in ((1, "/Helvetica"), (2, "/Helvetica-Bold"))
        }
    )
    for index, lines in enumerate(pages):
        page = writer.add_blank_page(WIDTH, HEIGHT)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        content = _stream(lines, bold)
        if index in images:
            content += _IMAGE
        stream = DecodedStreamObject()
        stream.set_data(content)
        page.replace_contents(stream)
    for index, text in (notes or {}).items():
        writer.add_annotation(index, FreeText(text=text, rect=(72, 100, 400, 200)))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def export(
    record: Sequence[Line],
    transcript: Sequence[Sequence[Line]],
    *,
    bold: Sequence[str] = (),
    notes: dict[int, str] | None = None,
    images: Sequence[int] = (),
) -> bytes:
    """An export: the header and ``record`` on the first page, then the transcript's pages."""
    return make_pdf([[*HEADER, *record], *transcript], bold=bold, notes=notes, images=images)


# -- the example export: the tests' and the docs' (docs/example-export.pdf) ----

EXAMPLE_RECORD: list[Line] = [
    "",
    "                                          March 02, 1950",
    "         Record of a Conversation between the Minister of Grain",
    "             Deliveries Ivanov and the Chairman of the Regional",
    "                      Committee Petrov [via Sidorov]",
    "",
    "",
    "Citation:",
    "",
    "“Record of a Conversation between the Minister of Grain Deliveries Ivanov and the Chairman",
    "of the Regional Committee Petrov [via Sidorov],” March 02, 1950, History and Public Policy",
    "Program Digital Archive, APRF: F. 47, Op. 2, D. 316, Ll. 14-25. Translated for CWIHP by Jane",
    "Example.",
    "http://digitalarchive.wilsoncenter.org/document/900001",
    "",
    "",
    "Summary:",
    "",
    "Ivanov and Petrov discuss the grain deliveries of the spring and the repair of the anti-",
    "flood dams on the river.",
    "",
    "Petrov asks for two hundred tractors.",
    "",
    "",
    "Credits:",
    "",
    "This document was made possible with support from the Example Foundation.",
    "",
    "",
    "Original Language:",
    "",
    "Russian",
    "",
    "",
    "Contents:",
    "",
    "        \u2022 English Translation",
    "        \u2022 Scan of Original Document",
]
EXAMPLE_PAGES: list[list[Line]] = [
    [
        "To Comrade Petrov",
        "",
        [(100.0, "Comrade Ivanov"), (220.0, ": the grain of the northern districts has")],
        "arrived at the station [of Kursk] on 1 March.",
        "",
        "          Comrade Petrov: And the tractors?",
    ],
    [*HEADER, "The second page, under the site's header printed again."],
    [],
    ["The fourth page.", "", "                                                       Ivanov"],
    [],
    [],
]
EXAMPLE_NOTE = "A note typed over the page.\rIts second line."


def example() -> bytes:
    """An export of a record we made up: wrapped title, all five parts, five pages, two scans."""
    return export(
        EXAMPLE_RECORD,
        EXAMPLE_PAGES,
        bold=["Comrade Ivanov"],
        notes={4: EXAMPLE_NOTE},
        images=[5, 6],
    )


if __name__ == "__main__":  # python tests/pdfmaker.py docs/example-export.pdf
    Path(sys.argv[1]).write_bytes(example())
