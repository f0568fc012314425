"""Languages, Contents items and Credits sponsors, read by the grammar."""

from __future__ import annotations

import json

import pytest

import archivedoc
from archivedoc.model import ContentsItem, Credits, Language, OriginalLanguage

LEAD = "This document was made possible with support from "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("English", [("English", "en")]),
        ("Russian", [("Russian", "ru")]),
        ("Chinese", [("Chinese", "zh")]),
        ("German", [("German", "de")]),
        ("Japanese", [("Japanese", "ja")]),
        ("Czech", [("Czech", "cs")]),
        ("German, Russian", [("German", "de"), ("Russian", "ru")]),
        ("Russian and English", [("Russian", "ru"), ("English", "en")]),
        ("Russian, Chinese, and Korean", [("Russian", "ru"), ("Chinese", "zh"), ("Korean", "ko")]),
        ("Russian; Chinese", [("Russian", "ru"), ("Chinese", "zh")]),
        ("Hungarian/Polish", [("Hungarian", "hu"), ("Polish", "pl")]),
        ("Russian\n\nGerman", [("Russian", "ru"), ("German", "de")]),
        ("Serbo-Croatian", [("Serbo-Croatian", "sh")]),
        ("Old Church Slavonic", [("Old Church Slavonic", "cu")]),
        ("Xyzzy Qwerty", [("Xyzzy Qwerty", None)]),
        # langcodes' documented fuzzy match: a known name plus extra words
        ("Hakka dialect", [("Hakka dialect", "hak")]),
        ("", []),
    ],
)
def test_languages(text: str, expected: list[tuple[str, str | None]]) -> None:
    section = OriginalLanguage(text)
    assert [(lang.name, lang.code) for lang in section.languages] == expected


@pytest.mark.parametrize("name", ["Xyzzy", "\x00", "1945", "English!", "??"])
def test_an_unknown_language_name_has_no_code(name: str) -> None:
    assert Language(name).code is None
    assert Language(name).name == name


def test_document_languages(seed_text: str) -> None:
    assert archivedoc.loads(seed_text).languages == (Language("English"),)
    assert archivedoc.loads(seed_text).languages[0].code == "en"


@pytest.mark.parametrize(
    ("text", "kind", "language"),
    [
        ("English Transcription", "transcription", ("English", "en")),
        ("English Translation", "translation", ("English", "en")),
        ("Scan of Original Document", "original_scan", None),
        ("Original Scan", "original_scan", None),
        ("Original Document", "original", None),
        ("Translation - English", "translation", ("English", "en")),
        ("Transcript - Russian", "transcription", ("Russian", "ru")),
        ("Translation (German)", "translation", ("German", "de")),
        ("English HTML", "html", ("English", "en")),
        ("Korean HTML", "html", ("Korean", "ko")),
        ("Russian Original", "original", ("Russian", "ru")),
        ("English Translation Scan of Original Document [MID registry stamp]", None, None),
        ("Something else", None, None),
        ("", None, None),
    ],
)
def test_contents_items(text: str, kind: str | None, language: tuple[str, str] | None) -> None:
    item = ContentsItem(text)
    assert item.text == text
    assert item.kind == kind
    assert (None if item.language is None else (item.language.name, item.language.code)) == language


@pytest.mark.parametrize(
    ("text", "sponsors"),
    [
        (
            LEAD + "the Kessler Family Foundation.",
            ("Kessler Family Foundation",),
        ),
        (
            LEAD + "Chun & Jane Chiu Family Foundation",
            ("Chun & Jane Chiu Family Foundation",),
        ),
        (
            LEAD + "Carnegie Corporation of New York (CCNY)",
            ("Carnegie Corporation of New York (CCNY)",),
        ),
        (
            LEAD + "the Henry Luce Foundation and the Leon Levy Foundation.",
            ("Henry Luce Foundation", "Leon Levy Foundation"),
        ),
        (
            LEAD + "the ROK Ministry of Culture, Dora Vance Foundation",
            ("ROK Ministry of Culture", "Dora Vance Foundation"),
        ),
        (
            LEAD + "the John D. and Catherine T. MacArthur Foundation.",
            ("John D. and Catherine T. MacArthur Foundation",),
        ),
        ("Thanks to everyone.", ()),
        ("", ()),
    ],
)
def test_credits_sponsors(text: str, sponsors: tuple[str, ...]) -> None:
    assert Credits(text).sponsors == sponsors


def test_to_dict_carries_every_part(seed_text: str) -> None:
    doc = archivedoc.loads(seed_text)
    data = json.loads(json.dumps(archivedoc.to_dict(doc)))
    assert data["date"]["text"] == "June 30, 1945"
    assert data["date"]["edtf"] == "1945-06-30"
    assert (data["date"]["earliest"], data["date"]["latest"]) == ("1945-06-30", "1945-06-30")
    citation, _, credits, language, contents = data["sections"]
    assert citation["date"]["edtf"] == "1945-06-30"
    assert citation["locator"]["box"] == "6"
    assert citation["contributors"] == [{"name": "David Wolff", "roles": ["contributed"]}]
    assert citation["record_id"] == "123400"
    assert credits["sponsors"] == ["Chun & Jane Chiu Family Foundation"]
    assert language["languages"] == [{"name": "English", "code": "en"}]
    assert contents["items"][0]["kind"] == "transcription"
    assert contents["items"][0]["language"] == {"name": "English", "code": "en"}
    assert archivedoc.from_dict(data) == doc
    back = archivedoc.from_dict(data)
    assert back.citation is not None and back.citation.locator == doc.citation.locator  # type: ignore[union-attr]
