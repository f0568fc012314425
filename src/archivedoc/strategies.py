"""Hypothesis strategies that build valid Documents (needs ``hypothesis``).

For property tests of code that consumes archivedoc, and of archivedoc
itself: every Document drawn here renders to a text that parses back to an
equal Document.  Install with ``pip install archivedoc[test]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from archivedoc._dialect import DEFAULT, Dialect
from archivedoc._model.dates import Date
from archivedoc._model.document import Document
from archivedoc._model.sections import (
    KNOWN_LABELS,
    Citation,
    Contents,
    Credits,
    OriginalLanguage,
    Section,
    Summary,
)
from archivedoc._model.transcript import Transcript
from archivedoc._readers.dates import MONTH_NAMES

__all__ = [
    "blank_lines",
    "citation_texts",
    "citations",
    "contents_sections",
    "date_texts",
    "dates",
    "documents",
    "line_texts",
    "plain_sections",
    "section_texts",
    "sections",
    "transcripts",
]

_EOL = st.sampled_from(["\n", "\n", "\n", "\r\n"])
_SPACES = st.text(alphabet=" \t", max_size=3)
# Any character but line ends and lone surrogates; CR appears only in CRLF.
_CHAR = st.characters(exclude_categories=["Cs"], exclude_characters="\r\n")

#: Dates the grammar reads, in the archive's own spellings.
DATE_TEXTS = (
    "June 30, 1945",
    "November 01, 1962",
    "November 6, 1967",
    "June 30th, 1945",
    "30 June 1945",
    "November 1967",
    "August, 1962",
    "July 11 1981",
    "1958",
    "c. 1950",
    "ca. 1950",
    "1950?",
    "Summer 1961",
    "Winter 1950",
    "1960s",
    "1962-1963",
    "1962-63",
    "June 1-3, 1945",
    "March 1962 - April 1963",
    "1946-February 1950",
    "n.d.",
)


def line_texts(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """One line of any text, without its line end."""
    return st.text(alphabet=_CHAR, min_size=min_size, max_size=max_size)


def _content_line() -> st.SearchStrategy[str]:
    """A non-blank line that is not a heading or section header."""
    return line_texts(1).filter(
        lambda s: s.strip(" \t") != "" and not s.startswith(("## ", "### "))
    )


def blank_lines(min_lines: int = 0, max_lines: int = 3) -> st.SearchStrategy[str]:
    """A run of blank lines (spaces and tabs, then a line end)."""
    line = st.builds(lambda sp, eol: sp + eol, _SPACES, _EOL)
    return st.lists(line, min_size=min_lines, max_size=max_lines).map("".join)


@st.composite
def section_texts(draw: st.DrawFn, max_lines: int = 4) -> str:
    """A section body: non-blank lines, with blank lines between some of them."""
    lines = draw(st.lists(_content_line(), min_size=1, max_size=max_lines))
    parts = [lines[0]]
    for line in lines[1:]:
        parts.append(draw(_EOL) + draw(blank_lines(0, 2)) + line)
    return "".join(parts)


@st.composite
def _gap(draw: st.DrawFn, header: bool) -> str:
    """Blank space after a header (``header``) or after a body's last line."""
    rest = draw(_SPACES) if header else ""
    return rest + draw(_EOL) + draw(blank_lines(0, 2))


@st.composite
def plain_sections(draw: st.DrawFn, dialect: Dialect = DEFAULT) -> Section:
    """A section of a known plain kind or of a label ``dialect`` does not know."""
    known = dialect.section_classes
    defaults: tuple[type[Section], ...] = (Citation, Summary, Credits, OriginalLanguage)
    plain = [c for c in defaults if known.get(c.LABEL or "") is c]
    label_or_cls: Any = draw(
        st.one_of(
            *([st.sampled_from(plain)] if plain else []),
            line_texts(0, 20).filter(lambda s: s not in KNOWN_LABELS and s not in known),
        )
    )
    text = draw(st.one_of(section_texts(), st.just("")))
    if label_or_cls is Citation and draw(st.booleans()):
        text = draw(citation_texts())
    before = draw(_gap(header=True))
    after = draw(_gap(header=False)) if text else ""
    if isinstance(label_or_cls, str):
        return Section(text, label=label_or_cls, before=before, after=after)
    section: Section = label_or_cls(text, before=before, after=after)
    return section


@st.composite
def contents_sections(draw: st.DrawFn) -> Contents:
    """A Contents section with zero or more ``- item`` lines."""
    items = draw(st.lists(line_texts(0, 30), max_size=3))
    eols = [draw(_EOL) for _ in items]
    text = "".join(("" if i == 0 else eols[i]) + "- " + item for i, item in enumerate(items))
    before = draw(_gap(header=True))
    after = draw(_gap(header=False)) if text else ""
    return Contents(text, before=before, after=after)


def sections(dialect: Dialect = DEFAULT) -> st.SearchStrategy[Section]:
    """Any section but Contents (which must come last)."""
    return plain_sections(dialect)


_NAMES = ("Stalin", "Soong", "Molotov", "Mao Zedong", "Kim Il Sung", "Pak Geum-cheol", "Fu")
_HONOURS = ("Marshal", "Dr.", "Mr.", "Ambassador", "Interpreter", "Comrade", "Premier", "General")
_LABELS = ("Date", "Time", "Place", "Location", "Participants", "Interpreter", "Recorder", "To",
           "From", "Subject")  # fmt: skip
_BRACKETS = ("[…]", "[...]", "[his]", "[To]", "F[oreign]", "Mao [Zedong]", "[KB]", "[sic]", "[1]",
             "[trans. note: a typo]", "[stamp: received]", "[?]", "[", "]", "[[x]]")  # fmt: skip


def _person() -> st.SearchStrategy[str]:
    return st.builds(lambda t, n: f"{t} {n}", st.sampled_from(_HONOURS), st.sampled_from(_NAMES))


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    """Running text with editorial brackets, footnote references and colons."""
    words = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_BRACKETS),
                st.sampled_from(("the", "talks", "were", "held:", "1945", "in", "\f", "//")),
                line_texts(1, 8).filter(lambda s: "\n" not in s),
            ),
            min_size=1,
            max_size=12,
        )
    )
    return " ".join(words)


@st.composite
def _block(draw: st.DrawFn) -> str:
    """One block of the shapes transcripts have (each is one or more lines)."""
    shape = draw(st.integers(0, 9))
    if shape == 0:
        label = draw(st.sampled_from(_LABELS))
        value = draw(st.sampled_from(("June 30th, 1945 6:30 - 6: 45 p.m.", "Moscow", "10 a.m.")))
        return f"{label}: {value}"
    if shape == 1:
        people = draw(st.lists(_person(), min_size=1, max_size=4))
        side = draw(st.sampled_from(("", "Korean side: ", "Our side: ")))
        gap = draw(st.sampled_from(("\n", "\n\n")))
        return "Present:" + gap + side + " ".join(people)
    if shape == 2:
        speaker = draw(st.one_of(_person(), st.sampled_from(_NAMES), st.just("KIM")))
        verb = draw(st.sampled_from((":", " said:", " asked", " replied that")))
        return f"{speaker}{verb} {draw(_paragraph())}"
    if shape == 3:
        label = draw(st.sampled_from(("1.", "(i)", "d)", "(A)", "II.", "1\uff0e")))
        return f"{label} {draw(_paragraph())}"
    if shape == 4:
        return draw(st.sampled_from(("(p. 1)", "[Page 323]", "[page break]", "- 2 -", "\f")))
    if shape == 5:
        return f"[{draw(st.integers(1, 9))}] {draw(_paragraph())}"
    if shape == 6:
        return draw(st.sampled_from(("Secret", "Top Secret", "Copy No. 2", "CONFIDENTIAL")))
    if shape == 7:
        return draw(st.sampled_from(("No. I. Meeting between A and B", " M e m o", "RECORD")))
    return draw(_paragraph())


@st.composite
def transcripts(draw: st.DrawFn) -> Transcript:
    """A transcript whose first line is not blank.

    Mostly structured (fields, Present lists, speakers, items, page markers,
    footnotes, marks, headings, paragraphs full of brackets, joined by line
    ends and blank lines, CRLF too), sometimes any text at all.
    """
    if draw(st.booleans()):
        first = draw(_content_line())
        rest = draw(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200))
        return Transcript(first + rest)
    blocks = draw(st.lists(_block(), min_size=1, max_size=8))
    eol = draw(st.sampled_from(("\n", "\r\n")))
    parts = [blocks[0].lstrip(" \t")]
    for block in blocks[1:]:
        parts.append(draw(st.sampled_from((eol, eol * 2, eol + " " + eol))) + block)
    text = "".join(parts) + draw(st.sampled_from(("", eol, eol * 2, " ")))
    if not text.strip(" \t\r\n") or text.startswith(("\n", "\r\n")):
        text = "x" + text
    return Transcript(text)


@st.composite
def _point_text(draw: st.DrawFn) -> str:
    """One point in time in one of the archive's spellings (always a real date)."""
    year = draw(st.integers(1500, 2099))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    name = MONTH_NAMES[month - 1]
    form = draw(st.integers(0, 7))
    if form == 0:
        return f"{name} {day:02d}, {year}"
    if form == 1:
        return f"{name} {day}, {year}"
    if form == 2:
        return f"{day} {name} {year}"
    if form == 3:
        return f"{name} {year}"
    if form == 4:
        return f"{name}, {year}"
    if form == 5:
        return f"{draw(st.sampled_from(['Spring', 'Summer', 'Autumn', 'Fall']))} {year}"
    if form == 6:
        return f"{year // 10 * 10}s"
    return str(year)


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    """Date texts the grammar reads into a structure: points, intervals, qualifiers."""
    text = draw(_point_text())
    if draw(st.integers(0, 3)) == 0 and text.isdigit():
        later = int(text) + draw(st.integers(1, 50))
        if later <= 2099:
            dash = draw(st.sampled_from(["-", " - ", "\u2013"]))
            text = f"{text}{dash}{later}"
    elif draw(st.integers(0, 4)) == 0:
        text = draw(st.sampled_from(["c. ", "ca. ", "circa "])) + text
    elif draw(st.integers(0, 5)) == 0 and "s" not in text:
        text += "?"
    return text


def dates() -> st.SearchStrategy[Date]:
    """Dates the grammar reads: the archive's spellings and generated ones."""
    return st.one_of(st.sampled_from(DATE_TEXTS), date_texts()).map(Date)


# Invented on the shapes of the archive's citations (none copied from the corpus).
_CITATION_TITLES = (
    "Cable, Pak Chong-ho to Filatov",
    "Cable, Zavarin to Filatov [via Kuprin]",
    "Report, 'My Impressions of the Polish Republic,' Gao Wenming to Zhao Pingyuan (Excerpt)",
    "Memorandum of Conversation between A and B",
)
_SOURCES = (
    "APRF: F. 41, Op. 2, D. 58, Ll. 23-27",
    "RGASPI, f. 571, op. 14, d. 206, ll. 33-38",
    "AVPRF: fond 0111, opis 27, delo 9, papka 153, listy 141-146",
    "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives",
    "BArch, B 145/30217, 211-219",
    "PRC FMA 105-00217-04",
)
_CREDITS = (
    "Contributed by David Wolff.",
    "Translated by Nikolai Borodin.",
    "Translated for CWIHP by Olga Veretennikova.",
    "Obtained by Rohan Mehta and translated by Xu Lanfang",
    "Contributed, transcribed, and translated by Jonas Feldhaus.",
    "",
)


@st.composite
def citation_texts(draw: st.DrawFn) -> str:
    """Citation texts of the archive's shape: quoted title, date, archive, source, credit, URL.

    Some parts are left out or degraded (no quotes, straight quotes, no final
    period), as in the archive.
    """
    title = draw(st.sampled_from(_CITATION_TITLES))
    quote = draw(st.sampled_from(["“{},”", '"{},"', "{},"]))
    parts = [quote.format(title)]
    if draw(st.booleans()):
        parts.append(f" {draw(st.one_of(st.sampled_from(DATE_TEXTS), date_texts()))},")
    archive = draw(
        st.sampled_from(
            ["History and Public Policy Program Digital Archive", "Wilson Center Digital Archive"]
        )
    )
    parts.append(f" {archive}, {draw(st.sampled_from(_SOURCES))}.")
    credit = draw(st.sampled_from(_CREDITS))
    if credit:
        parts.append(" " + credit)
    if draw(st.booleans()):
        number = draw(st.integers(1, 999999))
        parts.append(f"\n\n<http://digitalarchive.wilsoncenter.org/document/{number}>")
    return "".join(parts)


def citations() -> st.SearchStrategy[Citation]:
    """Citation sections with texts from :func:`citation_texts`."""
    return citation_texts().map(Citation)


@st.composite
def documents(
    draw: st.DrawFn,
    dialect: Dialect = DEFAULT,
    extra_sections: Sequence[st.SearchStrategy[Section]] = (),
) -> Document:
    """A valid Document: any heading, sections, Contents and transcript.

    For a dialect that adds section kinds to the default layout, pass it and
    strategies for its new sections (``extra_sections``); they are mixed in
    with the default ones.  Dialects that change the layout itself (another
    heading, another document rule) need strategies of their own, built from
    the pieces here (see ``archivedoc.dialects``).
    """
    body = list(draw(st.lists(st.one_of(sections(dialect), *extra_sections), max_size=4)))
    with_contents = dialect.section_classes.get("Contents") is Contents
    contents = draw(st.one_of(st.none(), contents_sections())) if with_contents else None
    transcript = Transcript()
    if contents is not None:
        body.append(contents)
        if draw(st.booleans()):
            transcript = draw(transcripts())
            if transcript.text.startswith("- ") and (
                not contents.text or contents.after.count("\n") < 2
            ):
                transcript = Transcript("x" + transcript.text)
    has_heading = draw(st.booleans()) or not body
    body = _end_lines(body, bool(transcript.text))
    fields: dict[str, Any] = {
        "sections": tuple(body),
        "transcript": transcript,
        "lead": draw(blank_lines(0, 3)),
        "dialect": dialect,
    }
    if has_heading:
        date = draw(st.one_of(st.none(), dates()))
        title = draw(line_texts(0, 40).map(lambda s: s.rstrip(" \t")))
        fields.update(title=title, date=date)
        if date is not None:
            fields["date_sep"] = draw(st.sampled_from([" ", "  ", "\t"])) if title else ""
        after = draw(_SPACES) + (
            draw(_gap(header=False)) if body else draw(st.sampled_from(["", "\n"]))
        )
        fields["heading_after"] = after
    else:
        fields["has_heading"] = False
    try:
        return Document(**fields)
    except ValueError:
        assume(False)
        raise  # pragma: no cover - assume(False) never returns


def _end_lines(body: list[Section], transcript: bool) -> list[Section]:
    """Make every section that something follows end its last line."""
    fixed = []
    for index, section in enumerate(body):
        followed = index < len(body) - 1 or transcript
        if followed and section.text and not section.after.endswith("\n"):
            section = attrs.evolve(section, after=section.after + "\n")
        elif followed and not section.text and not section.before.endswith("\n"):
            section = attrs.evolve(section, before=section.before + "\n")
        fixed.append(section)
    return fixed
