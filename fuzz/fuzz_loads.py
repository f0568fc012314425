"""atheris (libFuzzer) harness: any input is a Document that round-trips, or a ParseError.

Run it from the repository root (see fuzz/README.md)::

    python fuzz/fuzz_loads.py -dict=fuzz/archivedoc.dict -max_total_time=600 \
        /tmp/archivedoc-fuzz seeds tests/documents

Each input is tried as bytes (``load``) and as text (``loads``, invalid UTF-8
bytes become lone surrogates so those are fuzzed too).  Anything but a
ParseError, or a Document whose text, dict or JSON round trip differs, is a
crash that libFuzzer saves as ``crash-<sha1>``.
"""

from __future__ import annotations

import io
import json
import sys

import atheris

with atheris.instrument_imports(include=["archivedoc", "parsimonious"]):
    import archivedoc


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


def test_one_input(data: bytes) -> None:
    """One libFuzzer input: the bytes through ``load``, the text through ``loads``."""
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
