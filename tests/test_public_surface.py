"""A small public surface that names public modules, and the old names for one release."""

from __future__ import annotations

import inspect
import pickle
import subprocess
import sys
import typing
import warnings

import pytest

import archivedoc
import archivedoc.model
from archivedoc.dialects.library import LIBRARY, Text
from archivedoc.dialects.site import SITE
from archivedoc.model import Contents, Document, Summary


def test_the_top_level_is_the_json_like_functions_document_errors_and_dialects() -> None:
    assert set(archivedoc.__all__) == {
        "DEFAULT",
        "DEFAULT_MAX_SIZE",
        "ArchivedocError",
        "Dialect",
        "DialectError",
        "Document",
        "DocumentTooLargeError",
        "ParseError",
        "dump",
        "dumps",
        "from_dict",
        "grammar_text",
        "load",
        "loads",
        "seed_path",
        "seed_text",
        "to_dict",
        "verify",
    }
    assert "Citation" in archivedoc.model.__all__ and "Document" in archivedoc.model.__all__


@pytest.mark.parametrize("name", sorted(set(archivedoc.model.__all__) - {"Document"}))
def test_old_top_level_names_still_work_with_a_deprecation_warning(name: str) -> None:
    with pytest.warns(DeprecationWarning, match=f"from archivedoc.model import {name}"):
        old = getattr(archivedoc, name)
    assert old is getattr(archivedoc.model, name)


def test_old_writer_helpers_still_work_with_a_deprecation_warning() -> None:
    doc = Document("T", sections=[Summary("x")])
    with pytest.warns(DeprecationWarning):
        assert archivedoc.render_section(doc.sections[0]) == "### Summary:\n\nx\n\n"  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        archivedoc.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_classes_name_their_public_module() -> None:
    """Tracebacks, reprs and help() say archivedoc or archivedoc.model; type hints still resolve."""
    assert archivedoc.ParseError.__module__ == "archivedoc"
    assert archivedoc.DialectError.__module__ == "archivedoc"
    for name in archivedoc.model.__all__:
        assert getattr(archivedoc.model, name).__module__ == "archivedoc.model", name
    with pytest.raises(archivedoc.ParseError) as info:
        archivedoc.loads("### Summary\n")
    assert info.type.__module__ + "." + info.type.__qualname__ == "archivedoc.ParseError"
    for name in archivedoc.model.__all__:
        assert typing.get_type_hints(getattr(archivedoc.model, name))
    # Still pickled and read back through the public names.
    assert pickle.loads(pickle.dumps(Summary("x"))) == Summary("x")
    assert pickle.loads(pickle.dumps(info.value)).pos == info.value.pos


def test_a_traceback_names_archivedoc_parse_error() -> None:
    code = "import archivedoc; archivedoc.loads('### Summary\\n')"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 1
    assert "\narchivedoc.ParseError: expected" in run.stderr


def test_help_shows_short_signatures() -> None:
    signature = str(inspect.signature(archivedoc.loads))
    assert "<Dialect 'archive'>" in signature and "\n" not in signature
    assert len(signature) < 160
    assert repr(archivedoc.DEFAULT) == "<Dialect 'archive'>"
    assert "dialect: 'Dialect' = <Dialect 'archive'>" in str(inspect.signature(Document))


def test_a_layout_dialect_needs_no_writer_and_builds_without_parsing() -> None:
    assert LIBRARY.writer is None and SITE.writer is None
    doc = Document("Meeting", sections=[Text()], transcript="Words.", dialect=LIBRARY)
    assert archivedoc.dumps(doc) == "\n\n# Meeting\n\n### Text:\n\nWords."
    archivedoc.verify(doc)


def test_verify_is_the_full_check_for_hand_built_documents() -> None:
    archivedoc.verify(Document("T", sections=[Contents.from_items(["Scan"])]))
    archivedoc.verify(archivedoc.loads("\n\n## 1958 A Title\n\n### Contents:\n"))

    def lossy(doc: Document) -> str:
        return archivedoc.dumps(Document(doc.title.upper(), dialect=archivedoc.DEFAULT))

    odd = archivedoc.DEFAULT.extend("odd", writer=lossy)
    with pytest.raises(ValueError, match="read back differently in dialect 'odd': title"):
        archivedoc.verify(Document("Title", dialect=odd))
    broken = archivedoc.DEFAULT.extend("broken", writer=lambda doc: "### no colon\n")
    with pytest.raises(ValueError, match="would not read back in dialect 'broken'"):
        archivedoc.verify(Document("Title", dialect=broken))


def test_importing_the_package_warns_nothing() -> None:
    code = "import warnings; warnings.simplefilter('error'); import archivedoc, archivedoc.model"
    subprocess.run([sys.executable, "-c", code], check=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from archivedoc import DEFAULT, Document, loads  # noqa: F401
