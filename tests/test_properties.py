"""Hypothesis properties: both round trips, and "a Document or a ParseError"."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import archivedoc
from archivedoc.strategies import documents

_SETTINGS = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(documents())
def test_built_documents_round_trip(doc: archivedoc.Document) -> None:
    assert archivedoc.loads(archivedoc.dumps(doc)) == doc


@_SETTINGS
@given(documents())
def test_text_round_trips_byte_for_byte(doc: archivedoc.Document) -> None:
    text = archivedoc.dumps(doc)
    assert archivedoc.dumps(archivedoc.loads(text)) == text


@_SETTINGS
@given(documents())
def test_json_round_trip(doc: archivedoc.Document) -> None:
    data = json.loads(json.dumps(archivedoc.to_dict(doc)))
    assert archivedoc.from_dict(data) == doc


_STRUCTURAL = st.sampled_from(
    [
        "\n",
        "\r\n",
        "\r",
        " ",
        "\t",
        "## ",
        "### ",
        "### Contents:",
        "### Summary:",
        ":",
        "- ",
        "x",
        "é",
        "\f",
        "\ufeff",
        "1945 ",
        "June 30, 1945 ",
    ]
)


@settings(max_examples=500)
@given(st.one_of(st.text(), st.lists(_STRUCTURAL, max_size=20).map("".join)))
@example("")
@example("\n\n## ")
@example("### Contents:")
def test_any_text_is_a_document_or_a_parse_error(text: str) -> None:
    try:
        doc = archivedoc.loads(text)
    except archivedoc.ParseError as exc:
        assert exc.lineno >= 1 and exc.colno >= 1 and 0 <= exc.pos <= len(text)
        return
    assert archivedoc.dumps(doc) == text
