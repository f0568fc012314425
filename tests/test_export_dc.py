"""Dublin Core export: valid against the official oai_dc and simple DC schemas."""

from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema
from hypothesis import HealthCheck, given, settings
from lxml import etree

from archivedoc.export.dc import DC_NS, OAI_DC_NS, dc_elements, to_dc
from archivedoc.model import Document, Transcript
from archivedoc.strategies import documents
from export_support import ALL_FILES, SEED, dc_schema, document


def elements(text: str) -> list[tuple[str, str]]:
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == f"{{{OAI_DC_NS}}}dc"
    return [(etree.QName(e).localname, e.text or "") for e in root]


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_document_is_valid_oai_dc(path: Path) -> None:
    doc = document(path)
    text = to_dc(doc)
    dc_schema().validate(text)
    root = etree.fromstring(text.encode("utf-8"))
    assert all(etree.QName(e).namespace == DC_NS for e in root)
    assert elements(text) == [
        (name, value.replace("\r\n", "\n")) for name, value in dc_elements(doc)
    ]


def test_the_schema_is_live() -> None:
    text = to_dc(document(SEED))
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        dc_schema().validate(text.replace("dc:title", "dc:heading"))
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        dc_schema().validate(text.replace("<dc:type>Text</dc:type>", "<dc:type><b/></dc:type>"))


def test_seed_record() -> None:
    found = dict(elements(to_dc(document(SEED))))
    assert found["title"] == "Meeting between Marshal Stalin and Dr. Soong"
    assert found["date"] == "1945-06-30"
    assert found["identifier"] == "http://digitalarchive.wilsoncenter.org/document/123400"
    assert found["publisher"] == "History and Public Policy Program Digital Archive"
    assert found["source"].startswith("Victor Hoo Collection")
    assert found["language"] == "en"
    assert found["type"] == "Text"


def test_forbidden_characters_are_replaced() -> None:
    text = to_dc(Document(title="Bad\x01title \x0c<here> & there", transcript=Transcript()))
    dc_schema().validate(text)
    assert dict(elements(text))["title"] == "Bad\ufffdtitle \ufffd<here> & there"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_generated_document_is_valid_oai_dc(doc: Document) -> None:
    dc_schema().validate(to_dc(doc))
