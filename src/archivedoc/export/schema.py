"""The JSON Schema (draft 2020-12) of :func:`archivedoc.to_dict`'s output.

It ships in the package as ``archivedoc/export/document.schema.json``, so
that consumers of the JSON in other languages can validate it.  Sections,
dates, citations and their parts are closed objects; the transcript's
structure objects (blocks, participants, turns, marks) list the properties
they have today and may gain more.

>>> from archivedoc.export.schema import document_schema
>>> document_schema()["properties"]["schema"]
{'const': 1}
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["SCHEMA_FILE", "document_schema", "document_schema_text"]

#: The schema's file name inside the ``archivedoc.export`` package.
SCHEMA_FILE = "document.schema.json"


def document_schema_text() -> str:
    """The schema file's text."""
    return resources.files("archivedoc.export").joinpath(SCHEMA_FILE).read_text("utf-8")


@functools.cache
def _schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(document_schema_text())
    return data


def document_schema() -> dict[str, Any]:
    """The schema as a dict (a fresh copy: change it freely)."""
    copied: dict[str, Any] = json.loads(json.dumps(_schema()))
    return copied
