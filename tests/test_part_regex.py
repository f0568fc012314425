"""The part readers' regex path reads what parsimonious reads.

For the default grammar, citations, locators, dates, languages, Contents
items and sponsors are read from one regex match of their rule (see
``_grammar_regex``); any other grammar is parsed with parsimonious.  A
``Rules`` of the same grammar that is not ``default_rules()`` takes the
parsimonious path, so the two can be compared on the same text.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archivedoc._grammar import default_grammar
from archivedoc._readers import citation, dates, sections
from archivedoc._readers.rules import Rules
from citation_pieces import CITATION_PIECES

PARSED = Rules(default_grammar(), "parsimonious")

CITATIONS = [
    "",
    "x",
    "“Record of Conversation,” June 30, 1945, History and Public Policy Program Digital "
    "Archive, AVPRF, f. 06, op. 7, p. 36, d. 575, ll. 1-5. Obtained by Olga Veretennikova "
    "and translated by Nikolai Borodin. https://digitalarchive.wilsoncenter.org/document/123400",
    '"Letter," c. 1950, Wilson Center Digital Archive, Hoover Institution Archives, Box 5, '
    "Folder 3. Contributed by the National Security Archive; translated and edited by A. B. "
    "Smith, C. Jones, and D. Lee.",
    "Meeting of the Delegations, Spring 1962, Wilson Center Digital Archive, Tito Papers, "
    "Translation by X Y. <https://digitalarchive.wilsoncenter.org/document/x-y-z>.",
    "“Cable,” n.d., History and Public Policy Program Digital Archive, RGANI 0100-42-329, "
    "B 136/59748. Obtained and translated by Liang Wei Ming and Sun Hao.Edited by Q.",
    "“Note,” 1962-63, Wilson Center Digital Archive, Archive of the President, Moscow. "
    "Reprinted in a book, vol. 2, pp. 3-9. translated translated by nobody",
    "“Unclosed title, 1945, somewhere, obtained by",
]

LOCATORS = [
    "RGANI, f. 5, op. 47, d. 208, ll. 161-162",
    "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives",
    "APRF: F. 47, Op. 2, D. 212, Ll. 127. Reprinted in Somebody, Vol. 5 (Moscow: X, 2005), p. 158",
    "Foreign Ministry (AVPRF) fond 0100, opis 42, delo 329, papka 12",
    "Collection: Stalin; File no. 12; 5. doboz; Volume 3 (copy)",
    "(AVPRF), U.S. National Archives, Moscow. Library of Congress, 30-37",
    "B 136/59748/3D, pages 4",
    "",
    ",,;;",
]

DATES = [
    "June 30, 1945",
    "30 June 1945",
    "June 1-3, 1945",
    "June 30th, 1945",
    "1945-06-30",
    "1945-06",
    "c. 1950",
    "ca.1950",
    "circa 1950",
    "approx. 1950",
    "1950?",
    "c. June 1945 - July 1946?",
    "1962-63",
    "1962-1963",
    "1963-1962",
    "Spring 1962",
    "Winter 1950",
    "c. Spring 1962",
    "c. Spring 1962 - 1963",
    "Spring-Summer 1962",
    "1960s",
    "1950s-1960s",
    "n.d.",
    "[undated]",
    "February 30, 1949",
    "June 3-1, 1945",
    "Sept. 1950",
    "Sept 3, 1950",
    "1945 - 44",
    "March 1, 1950 - April 2, 1951",
    "1999-01-01-1999-01-02",
    "x",
    "",
]

LANGUAGES = ["Russian", "Russian, English and German", "Chinese\n\nRussian", "A & B", "", " "]
CONTENTS = [
    "English Translation",
    "Scan of the Original Document",
    "Translation - Russian",
    "Original (German)",
    "Original in German",
    "Russian Translation",
    "Translationx",
    "PDF",
]
SPONSORS = [
    "This document was made possible with support from the Kessler Family Foundation.",
    "Made possible by the generous support of the A Foundation, the B Fund, and C.",
    "Made possible by X and the Y Fund",
    "Thanks to everyone.",
]


def _variants(texts: list[str]) -> list[str]:
    """``texts`` and each with a piece cut out or a separator put in."""
    out = list(texts)
    for text in texts:
        for at in range(0, len(text) + 1, max(1, len(text) // 7)):
            out.append(text[:at] + text[at + 5 :])
            out.extend(text[:at] + mark + text[at:] for mark in (",", ". ", " and ", "\n"))
    return out


@pytest.mark.parametrize("text", _variants(CITATIONS))
def test_citation_and_locator_as_parsed(text: str) -> None:
    parts = citation.read_citation(text)
    assert parts == citation.read_citation(text, PARSED)
    for source in filter(None, (parts.source, text)):
        assert citation.read_locator(source) == citation.read_locator(source, PARSED)


@pytest.mark.parametrize("text", _variants(LOCATORS))
def test_locator_as_parsed(text: str) -> None:
    assert citation.read_locator(text) == citation.read_locator(text, PARSED)


def test_locator_parts_are_read() -> None:
    values = dict(zip(citation.LOCATOR_PARTS, citation.read_locator(LOCATORS[0]), strict=True))
    assert values["repository"] == "RGANI"
    assert (values["fond"], values["opis"], values["delo"]) == ("5", "47", "208")
    assert values["pages"] == "161-162"


def test_citation_credit_is_read() -> None:
    parts = citation.read_citation(CITATIONS[3])
    assert parts.title == "Letter"
    assert parts.date == "c. 1950"
    assert parts.contributors == (
        ("the National Security Archive", ("contributed",)),
        ("A. B. Smith", ("translated", "edited")),
        ("C. Jones", ("translated", "edited")),
        ("D. Lee", ("translated", "edited")),
    )


@pytest.mark.parametrize("text", _variants(DATES))
def test_date_as_parsed(text: str) -> None:
    dates.read_date.cache_clear()
    assert dates.read_date(text) == dates.read_date(text, PARSED)


@pytest.mark.parametrize(
    ("reader", "text"),
    [
        *itertools.product([sections.read_languages], _variants(LANGUAGES)),
        *itertools.product([sections.read_contents_item], _variants(CONTENTS)),
        *itertools.product([sections.read_sponsors], _variants(SPONSORS)),
    ],
)
def test_section_parts_as_parsed(reader: object, text: str) -> None:
    assert reader(text) == reader(text, PARSED)  # type: ignore[operator]


@settings(max_examples=300, deadline=None)
@given(st.lists(CITATION_PIECES, max_size=14).map("".join))
def test_any_text_as_parsed(text: str) -> None:
    assert citation.read_citation(text) == citation.read_citation(text, PARSED)
    assert citation.read_locator(text) == citation.read_locator(text, PARSED)
    dates.read_date.cache_clear()
    assert dates.read_date(text) == dates.read_date(text, PARSED)
