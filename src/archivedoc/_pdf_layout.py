"""The archive's PDF export layout: its pages' text -> a document in the default layout.

The rules come from how the site printed a record: the first page carries the
site's header (``Digital Archive`` / ``International History Declassified``
/ ``digitalarchive.wilsoncenter.org``), the date and the title centred under
it, then one labelled part after another (``Citation:``, ``Summary:``, ...)
and last ``Contents:`` with the items; every Contents item (the translation,
a transcript, the scan) starts on a page of its own after that.  Nothing here
knows a particular file: a page of another layout is refused, not guessed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import attrs

from archivedoc import DEFAULT

__all__ = ["HEADER", "LayoutError", "Page", "to_text"]

#: The site's header, printed at the top of the first page (and of any page
#: that repeats it).  The first two phrases must be there to call a PDF an export.
HEADER = (
    "Digital Archive",
    "International History Declassified",
    "digitalarchive.wilsoncenter.org",
)
_REQUIRED = HEADER[:2]
#: The labelled parts of the default layout, in their order; the last one,
#: Contents, ends the record page.
_LABELS = tuple(DEFAULT.section_classes)
_CONTENTS = "Contents"
#: Another labelled part the site may print: a short capitalised label alone
#: on its line after a blank line (``Keywords:``); kept as a generic section.
_OTHER_LABEL = re.compile(r"[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}:")
_URL = re.compile(r"https?://\S+")
# A bullet the PDF may print before a Contents item.
_BULLET = re.compile(r"[-\u2022\u25e6\u25aa*]\s+")
# Spaces the text extractor puts before closing punctuation after a change of
# font (``Comrade Mao Zedong         :``): no typesetter leaves a gap there.
_GAP_BEFORE_PUNCTUATION = re.compile(r"(?<=\S) {2,}(?=[:;,.!?](?:\s|$))")
_SPACES = re.compile(r"\s+")
_LINE_END = re.compile(r"\r\n|\r|\n")


class LayoutError(Exception):
    """Text that is not the export layout; ``page`` is 1-based."""

    def __init__(self, msg: str, page: int) -> None:
        super().__init__(msg)
        self.msg = msg
        self.page = page


@attrs.frozen
class Page:
    """The text of one PDF page, and the text of the boxes added over it."""

    text: str
    #: Text boxes (free-text annotations) someone typed over the page; they
    #: are part of what a reader sees, so they follow the page's text.
    notes: tuple[str, ...] = ()


def to_text(pages: Sequence[Page]) -> str:
    """The document text, in the default layout, that the export's pages print."""
    if not pages:
        raise LayoutError("the PDF has no pages", 0)
    lines = _drop_header(_lines(pages[0].text), required=True)
    labels = [i for i, line in enumerate(lines) if _is_label(lines, i)]
    contents = [i for i in labels if lines[i].strip() == f"{_CONTENTS}:"]
    if not contents:
        raise LayoutError(
            "no 'Contents:' label after the heading: not the layout of the archive's PDF export",
            1,
        )
    labels = [i for i in labels if i <= contents[0]]
    heading = _join(lines[: labels[0]])
    if not heading:
        raise LayoutError("no date and title under the archive's header", 1)
    parts = [f"\n\n## {heading}"]
    for start, end in itertools.pairwise(labels):
        parts.append(_section(lines[start].strip(), lines[start + 1 : end]))
    items = [_BULLET.sub("", line.strip(), count=1) for line in lines[contents[0] + 1 :]]
    listed = "\n".join(f"- {item}" for item in items if item)
    parts.append(f"### {_CONTENTS}:\n\n{listed}" if listed else f"### {_CONTENTS}:")
    record = "\n\n".join(parts)
    transcript = [_page_text(page, first=index == 0) for index, page in enumerate(pages)]
    while len(transcript) > 1 and not transcript[-1]:
        transcript.pop()  # the scans of the original: pages with no text at the end
    if len(transcript) == 1 and not transcript[0]:
        return record
    # One form feed per page break; when the first page holds only the record
    # (the usual case), the transcript starts with one.
    if not transcript[0]:
        return record + "\n\n\f" + "\n\f".join(transcript[1:])
    return record + "\n\n" + "\n\f".join(transcript)


def _lines(text: str) -> list[str]:
    # Only line ends split: str.splitlines() would also drop a form feed or a
    # line separator inside the text.
    return [line.rstrip() for line in _LINE_END.split(text)]


def _drop_header(lines: list[str], *, required: bool) -> list[str]:
    """The page's lines after the site's header (and the blank lines around it)."""
    seen: set[str] = set()
    start = 0
    for index, line in enumerate(lines):
        rest = line
        for phrase in HEADER:
            if phrase in rest:
                seen.add(phrase)
                rest = rest.replace(phrase, "")
        if rest.strip():
            break
        start = index + 1
    if required and not all(phrase in seen for phrase in _REQUIRED):
        raise LayoutError(
            "it does not start with the Digital Archive's header "
            "('Digital Archive', 'International History Declassified'): "
            "not one of the archive's PDF exports",
            1,
        )
    return lines[start:] if seen else lines


def _is_label(lines: list[str], index: int) -> bool:
    """A label stands alone on its line, first or after a blank line.

    Another label than the default layout's must also start the line and
    have a blank line after it, as the site prints labels.
    """
    line = lines[index]
    label = line.strip()
    if index and lines[index - 1].strip():
        return False
    if label.endswith(":") and label[:-1] in _LABELS:
        return True
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return line == label and _OTHER_LABEL.fullmatch(label) is not None and not following.strip()


def _section(label: str, lines: list[str]) -> str:
    """``### Label:`` and its paragraphs, each hard-wrapped line joined again."""
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if _URL.fullmatch(line.strip()):
            paragraphs.append(_join(block))
            paragraphs.append(f"<{line.strip()}>")
            block = []
        elif line.strip():
            block.append(line)
        else:
            paragraphs.append(_join(block))
            block = []
    return "\n\n".join([f"### {label}", *(p for p in paragraphs if p)])


def _join(lines: list[str]) -> str:
    """Wrapped lines as the one line they were; a line that ends in a hyphen joins tight."""
    text = ""
    for line in lines:
        part = _SPACES.sub(" ", _GAP_BEFORE_PUNCTUATION.sub("", line)).strip()
        if not part:
            continue
        if text.endswith("-") and text[-2:-1].isalnum() and part[:1].isalnum():
            text += part
        else:
            text = f"{text} {part}" if text else part
    return text


def _page_text(page: Page, *, first: bool) -> str:
    """A transcript page: its lines as printed, without the header or surrounding blanks.

    The record page (the first) gives only its boxes of added text, since all
    of its own text is the record.
    """
    lines = [] if first else _drop_header(_lines(page.text), required=False)
    lines = [_GAP_BEFORE_PUNCTUATION.sub("", line) for line in lines]
    for note in page.notes:
        lines += ["", *_lines(note)]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)
