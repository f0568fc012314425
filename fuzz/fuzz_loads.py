"""atheris (libFuzzer) harness: any input is a Document that round-trips, or a ParseError.

Run it from the repository root (see fuzz/README.md)::

    python fuzz/fuzz_loads.py -dict=fuzz/archivedoc.dict -max_total_time=600 \
        /tmp/archivedoc-fuzz seeds tests/documents

Each input is tried as bytes (``load``) and as text (``loads``, invalid UTF-8
bytes become lone surrogates so those are fuzzed too).  Anything but a
ParseError, or a Document whose text, dict or JSON round trip differs, is a
crash that libFuzzer saves as ``crash-<sha1>``.

The same bytes also drive an edit of a parsed document (seeds and
tests/documents): one field of the Document or of one section set to fuzzed
text.  The model must refuse it with ValueError, or render a text that
parses back to an equal Document.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["archivedoc", "parsimonious", "attr"]):
    import attrs

    import archivedoc
    from archivedoc.model import Section

_ROOT = Path(__file__).resolve().parent.parent
BASES = [
    archivedoc.load(path.open("rb"))
    for path in [
        *sorted((_ROOT / "seeds").glob("*.txt")),
        *(_ROOT / "tests/documents").glob("*.md"),
    ]
]
FIELDS = ("title", "date", "date_sep", "heading_after", "lead", "transcript")
SECTION_FIELDS = ("text", "before", "after", "label")


def check_text(text: str) -> None:
    """The property: ParseError, or a Document that round-trips exactly."""
    try:
        doc = archivedoc.loads(text)
    except archivedoc.ParseError as exc:
        assert 0 <= exc.pos <= len(text), (exc.pos, len(text))
        assert exc.lineno >= 1 and exc.colno >= 1
        str(exc)  # the message with its caret line must render
        return
    assert archivedoc.dumps(doc) == text, "text round trip changed the text"
    assert archivedoc.loads(archivedoc.dumps(doc)) == doc
    data = json.loads(json.dumps(archivedoc.to_dict(doc)))
    assert archivedoc.from_dict(data) == doc, "dict round trip changed the Document"
    try:
        strict = archivedoc.loads(text, strict=True)
    except archivedoc.ParseError:
        return
    assert strict == doc, "strict mode read the text differently"


def edited(data: bytes) -> archivedoc.Document:
    """A parsed document with one field (of it or of a section) set from ``data``."""
    fdp = atheris.FuzzedDataProvider(data)
    base = BASES[fdp.ConsumeIntInRange(0, len(BASES) - 1)]
    sections = base.sections
    where = fdp.ConsumeIntInRange(0, 3)
    value = fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 64))
    if where == 0 or not sections:
        return attrs.evolve(base, **{fdp.PickValueInList(list(FIELDS)): value})
    index = fdp.ConsumeIntInRange(0, len(sections) - 1)
    if where == 1:
        new = Section(value, label=fdp.ConsumeUnicodeNoSurrogates(8) or "Note")
        return attrs.evolve(base, sections=(*sections[:index], new, *sections[index:]))
    if where == 2:
        return attrs.evolve(base, sections=sections[:index] + sections[index + 1 :])
    field = fdp.PickValueInList(list(SECTION_FIELDS))
    section = attrs.evolve(sections[index], **{field: value})
    return attrs.evolve(base, sections=(*sections[:index], section, *sections[index + 1 :]))


def check_edit(data: bytes) -> None:
    """The model's promise: refuse the fields, or round-trip exactly."""
    try:
        doc = edited(data)
    except (ValueError, TypeError):
        return
    text = archivedoc.dumps(doc)
    assert archivedoc.loads(text) == doc, "a Document built by hand did not read back equal"


def test_one_input(data: bytes) -> None:
    """One libFuzzer input: bytes through ``load``, text through ``loads``, an edit."""
    check_edit(data)
    try:
        doc = archivedoc.load(io.BytesIO(data))
    except archivedoc.ParseError:
        pass
    else:
        out = io.BytesIO()
        archivedoc.dump(doc, out)
        assert out.getvalue() == data, "load/dump changed the bytes"
    check_text(data.decode("utf-8", "surrogateescape"))


def main() -> None:
    """Hand the harness to libFuzzer with the command line's options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
