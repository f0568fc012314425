"""Read the parts of the Original Language, Contents and Credits sections.

The rules are in ``grammar/sections.peg``; this module runs them and returns
plain Python data (parsimonious nodes stay here).  Language names become
codes through ``langcodes`` (with its ``language_data`` names), not a table
of our own.
"""

from __future__ import annotations

import functools

from parsimonious.exceptions import ParseError as ParsimoniousError

from archivedoc._readers.nodes import alternative, child, children
from archivedoc._readers.rules import Rules, default_rules

# Kind as written (lower case) -> the kind reported.
_KINDS = {
    "original scan": "original_scan",
    "scan": "original_scan",
    "original document": "original",
    "original": "original",
    "transcription": "transcription",
    "transcript": "transcription",
    "translation": "translation",
    "html": "html",
    "pdf": "pdf",
}


@functools.lru_cache(maxsize=1024)
def read_languages(text: str, rules: Rules | None = None) -> tuple[str, ...]:
    """The language names of an Original Language text, as written."""
    rules = rules or default_rules()
    if not text.strip():
        return ()
    try:
        node = rules["language_list"].parse(text)
    except ParsimoniousError:
        return (text,)
    return tuple(name.text for name in children(node, "language_name"))


#: Longer than any language name ("Old Church Slavonic", "Scottish Gaelic").
_LONGEST_NAME = 60


@functools.lru_cache(maxsize=1024)
def language_code(name: str) -> str | None:
    """The BCP 47 tag for a language name ("English" -> "en"), or None."""
    import langcodes  # imported on first use: it loads its name data then

    if not name or len(name) > _LONGEST_NAME:
        return None  # no language is called that; langcodes' lookup is slow on long text
    if not all(ch.isalpha() or ch in " -'\u2019()." for ch in name):
        return None  # not a name (and the trie lookup chokes on some characters)
    try:
        return str(langcodes.find(name).to_tag())
    except (LookupError, ValueError):
        return None


@functools.lru_cache(maxsize=1024)
def read_contents_item(text: str, rules: Rules | None = None) -> tuple[str | None, str | None]:
    """(kind, language name) of a Contents item; None where it names none."""
    rules = rules or default_rules()
    try:
        node = rules["contents_item"].parse(text)
    except ParsimoniousError:
        return None, None
    form = alternative(node)
    kind_node = form if form.expr_name == "item_kind" else child(form, "item_kind")
    language_node = child(form, "item_language")
    language = None if language_node is None else language_node.text
    if kind_node is None:
        return None, language
    kind = kind_node.match.group("kind")
    if kind.startswith("Scan of"):
        return "original_scan", language
    return _KINDS[kind.lower()], language


@functools.lru_cache(maxsize=1024)
def read_sponsors(text: str, rules: Rules | None = None) -> tuple[str, ...]:
    """The sponsors a Credits text names (empty if it is not read)."""
    rules = rules or default_rules()
    try:
        node = rules["credits_text"].parse(text)
    except ParsimoniousError:
        return ()
    sponsors = child(node, "credits_sponsors")
    if sponsors is None:
        return ()
    return tuple(str(item.match.group("name")) for item in children(sponsors, "credits_sponsor"))
