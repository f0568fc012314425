"""The size limit: max_size, its default, and the error that names it."""

from __future__ import annotations

import contextlib
import gc
import io
import pickle

import pytest

import archivedoc
from archivedoc import DocumentTooLargeError, ParseError


def test_default_limit_is_64_mib() -> None:
    assert archivedoc.DEFAULT_MAX_SIZE == 64 * 1024 * 1024


def test_loads_refuses_a_text_over_max_size(seed_text: str) -> None:
    with pytest.raises(DocumentTooLargeError) as info:
        archivedoc.loads(seed_text, max_size=len(seed_text) - 1)
    error = info.value
    assert isinstance(error, ParseError)
    assert (error.size, error.limit, error.unit) == (
        len(seed_text),
        len(seed_text) - 1,
        "characters",
    )
    assert f"max_size={len(seed_text) - 1:,} characters" in str(error)
    assert (error.pos, error.lineno, error.colno) == (0, 1, 1)


def test_loads_accepts_a_text_of_exactly_max_size(seed_text: str) -> None:
    doc = archivedoc.loads(seed_text, max_size=len(seed_text))
    assert archivedoc.dumps(doc) == seed_text


def test_none_disables_the_limit(seed_text: str) -> None:
    assert archivedoc.loads(seed_text, max_size=None) == archivedoc.loads(seed_text)
    assert archivedoc.load(io.BytesIO(seed_text.encode()), max_size=None) == archivedoc.loads(
        seed_text
    )


class _Counting(io.BytesIO):
    """A file that records how many bytes were asked for."""

    asked: list[int | None]

    def read(self, size: int | None = -1) -> bytes:
        self.asked = [*getattr(self, "asked", []), size]
        return super().read(size)


def test_load_counts_bytes_and_stops_reading(seed_text: str) -> None:
    data = seed_text.encode("utf-8")
    assert len(data) > len(seed_text)  # curly quotes: more bytes than characters
    fp = _Counting(data + b"x" * 10_000)
    with pytest.raises(DocumentTooLargeError) as info:
        archivedoc.load(fp, max_size=len(data))
    assert info.value.unit == "bytes"
    assert fp.asked == [len(data) + 1]  # never the whole upload


def test_load_accepts_exactly_max_size_bytes(seed_text: str) -> None:
    data = seed_text.encode("utf-8")
    assert archivedoc.dumps(archivedoc.load(io.BytesIO(data), max_size=len(data))) == seed_text


def test_the_error_pickles() -> None:
    error = DocumentTooLargeError(10, 5, "bytes")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.size, copy.limit) == (type(error), str(error), 10, 5)


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("text", ["\n\n## T\n\n### Contents:\n\n- E\n\nText", "## T\n\nstray"])
def test_the_garbage_collector_state_is_restored(enabled: bool, text: str) -> None:
    """A parse pauses the cyclic collector while it builds, then restores it as it was."""
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with contextlib.suppress(ParseError):
            archivedoc.loads(text)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_hand_built_documents_are_checked_after_any_parse() -> None:
    """The parser skips re-checking its own heading; nothing else may skip it."""
    with pytest.raises(ParseError):
        archivedoc.loads("## T\n\nstray")
    archivedoc.loads("\n\n## June 30, 1945 Meeting")
    with pytest.raises(ValueError, match="would not parse back"):
        archivedoc.Document(title="1945 Meeting")
