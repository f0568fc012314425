"""The public API: load/dump, evolve, JSON, strict mode, immutability."""

from __future__ import annotations

import io
import json

import attrs
import pytest

import archivedoc
from archivedoc.model import Contents, Document, Section, Summary


def test_public_names_are_documented() -> None:
    for name in archivedoc.__all__:
        assert getattr(archivedoc, name).__doc__, name


def test_load_and_dump_binary_files(seed_text: str) -> None:
    doc = archivedoc.load(io.BytesIO(seed_text.encode("utf-8")))
    out = io.BytesIO()
    archivedoc.dump(doc, out)
    assert out.getvalue() == seed_text.encode("utf-8")


def test_load_keeps_a_byte_order_mark(seed_text: str) -> None:
    data = b"\xef\xbb\xbf" + seed_text.encode("utf-8")
    doc = archivedoc.load(io.BytesIO(data))
    assert doc.bom and doc.title.startswith("Meeting")
    out = io.BytesIO()
    archivedoc.dump(doc, out)
    assert out.getvalue() == data


def test_load_rejects_text_mode_files() -> None:
    with pytest.raises(TypeError):
        archivedoc.load(io.StringIO("## x"))  # type: ignore[arg-type]


def test_load_points_at_invalid_utf8() -> None:
    with pytest.raises(archivedoc.ParseError) as info:
        archivedoc.load(io.BytesIO(b"\n\n## Title\n\n### Summary:\n\nab\xffcd"))
    assert (info.value.lineno, info.value.colno) == (7, 3)
    assert "invalid UTF-8" in info.value.msg


def test_loads_rejects_bytes() -> None:
    with pytest.raises(TypeError):
        archivedoc.loads(b"## x")  # type: ignore[arg-type]


def test_documents_are_frozen_and_slotted(seed_text: str) -> None:
    doc = archivedoc.loads(seed_text)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.title = "x"  # type: ignore[misc]
    assert not hasattr(doc, "__dict__")
    assert isinstance(doc.sections, tuple)
    assert hash(doc) == hash(archivedoc.loads(seed_text))


def test_evolve_changes_only_what_changed(seed_text: str) -> None:
    doc = archivedoc.loads(seed_text)
    retitled = attrs.evolve(doc, title="A New Title")
    assert archivedoc.dumps(retitled) == seed_text.replace(
        "## June 30, 1945 Meeting between Marshal Stalin and Dr. Soong",
        "## June 30, 1945 A New Title",
        1,
    )
    summary = doc.section(Summary)
    assert summary is not None
    new = attrs.evolve(summary, text="A shorter summary.")
    changed = attrs.evolve(doc, sections=[new if s is summary else s for s in doc.sections])
    assert archivedoc.dumps(changed) == seed_text.replace(summary.text, "A shorter summary.")
    redated = attrs.evolve(doc, date="July 1, 1945")
    assert archivedoc.dumps(redated) == seed_text.replace("## June 30, 1945", "## July 1, 1945", 1)
    cut = attrs.evolve(doc, transcript="Only this.")
    assert archivedoc.dumps(cut).endswith("- English Transcription\n\nOnly this.")


def test_built_documents_use_the_archive_layout() -> None:
    doc = Document(
        "A Title",
        date="June 30, 1945",
        sections=[Summary("A summary."), Contents.from_items(["English Transcription"])],
        transcript="The text.",
    )
    assert archivedoc.dumps(doc) == (
        "\n\n## June 30, 1945 A Title\n\n### Summary:\n\nA summary.\n\n"
        "### Contents:\n\n- English Transcription\n\nThe text."
    )
    assert archivedoc.loads(archivedoc.dumps(doc)) == doc


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": "1958 starts like a date"}, "would not parse back"),
        ({"title": "Two\nlines"}, "title"),
        ({"title": "x", "date": "next Tuesday"}, "would not parse back"),
        ({"transcript": "text without Contents"}, "Contents section"),
        ({"sections": [Contents(), Summary("x")]}, "must be the last"),
        ({"has_heading": False}, "heading or at least one section"),
    ],
)
def test_inconsistent_documents_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Document(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "build",
    [
        # A known label needs its class, in the dialect that knows it (the
        # generic Section alone cannot tell: another dialect may not know it).
        lambda: Document(sections=[Section("x", label="Summary")]),
        lambda: Section("x", label="two\nlines"),
        lambda: Summary("### Citation: inside"),
        lambda: Summary("text\n\n"),
        lambda: Summary("", after="\n"),
        lambda: Summary("x", before="no line end"),
        lambda: Contents("not an item"),
        lambda: Summary("x", label="Abstract"),
    ],
)
def test_invalid_sections_are_refused(build: object) -> None:
    with pytest.raises(ValueError):
        build()  # type: ignore[operator]


def test_transcript_that_looks_like_an_item_needs_a_blank_line() -> None:
    with pytest.raises(ValueError, match="Contents item"):
        Document("T", sections=[Contents()], transcript="- a dash line")
    ok = Document("T", sections=[Contents.from_items(["Scan"])], transcript="- a dash line")
    assert archivedoc.loads(archivedoc.dumps(ok)) == ok


def test_to_dict_is_json_and_from_dict_inverts_it(seed_text: str) -> None:
    doc = archivedoc.loads(seed_text)
    data = json.loads(json.dumps(archivedoc.to_dict(doc)))
    assert data["schema"] == 1
    assert [s["kind"] for s in data["sections"]] == [
        "citation",
        "summary",
        "credits",
        "original_language",
        "contents",
    ]
    assert data["sections"][3]["languages"] == [{"name": "English", "code": "en"}]
    assert archivedoc.from_dict(data) == doc


def test_from_dict_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        archivedoc.from_dict({"sections": [{"kind": "no such kind"}]})


def test_strict_mode_accepts_the_seed(seed_text: str) -> None:
    assert archivedoc.loads(seed_text, strict=True) == archivedoc.loads(seed_text)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("## T\n\n### Record ID:\n\n1\n\n### Contents:\n", 3, "unknown section 'Record ID'"),
        ("## T\n\n### Summary:\n\nx\n\n### Summary:\n\ny\n\n### Contents:\n", 7, "appears twice"),
        (
            "## T\n\n### Summary:\n\nx\n\n### Citation:\n\ny\n\n### Contents:\n",
            7,
            "must come before",
        ),
        ("### Contents:\n\ntext", 1, "expected a heading"),
        ("## T\n\n### Summary:\n\nx", 5, "expected a '### Contents:' section"),
    ],
)
def test_strict_mode_rejects(text: str, line: int, message: str) -> None:
    archivedoc.loads(text)  # the default mode keeps all of these
    with pytest.raises(archivedoc.ParseError, match=message) as info:
        archivedoc.loads(text, strict=True)
    assert info.value.lineno == line
