"""The JSON Schema of to_dict's output: valid, shipped, and true of every document."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

import archivedoc
from archivedoc.export.schema import document_schema, document_schema_text
from archivedoc.model import Document
from archivedoc.strategies import documents
from export_support import ALL_FILES, SEED, document

VALIDATOR = jsonschema.Draft202012Validator(
    document_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def errors(data: Any) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(data)]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(document_schema())
    assert json.loads(document_schema_text()) == document_schema()


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_document_matches(path: Path) -> None:
    data = json.loads(json.dumps(archivedoc.to_dict(document(path))))
    assert errors(data) == []


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d.pop("transcript"),
        lambda d: d.update(schema=2),
        lambda d: d.update(colour="red"),
        lambda d: d["date"].update(precision="week"),
        lambda d: d["date"].update(earliest="1945-13-40"),
        lambda d: d["sections"][0].update(record_id=123400),
        lambda d: d["sections"][0]["locator"].pop("box"),
        lambda d: d["sections"][0].update(kind="summary"),
        lambda d: d["sections"][3]["languages"][0].update(code=1),
        lambda d: d["transcript"]["blocks"][0].update(start=-1),
        lambda d: d["transcript"]["fields"][0].pop("value"),
        lambda d: d["transcript"]["turns"][0].pop("speaker"),
    ],
)
def test_spoiled_data_is_refused(spoil: Any) -> None:
    data = copy.deepcopy(archivedoc.to_dict(document(SEED)))
    spoil(data)
    assert errors(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_generated_document_matches(doc: Document) -> None:
    assert errors(json.loads(json.dumps(archivedoc.to_dict(doc)))) == []
