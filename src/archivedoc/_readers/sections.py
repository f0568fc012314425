"""Read the parts of the Original Language, Contents and Credits sections.

The rules are in ``grammar/sections.peg``; this module runs them and returns
plain Python data (parsimonious nodes stay here).  Language names become
codes through ``langcodes`` (with its ``language_data`` names), not a table
of our own.
"""

from __future__ import annotations

import functools

from parsimonious.exceptions import ParseError as ParsimoniousError

from archivedoc._grammar import default_grammar
from archivedoc._grammar_regex import group_name, group_number, whole_match
from archivedoc._readers.nodes import alternative, child, children
from archivedoc._readers.rules import Rules, default_rules

# The default grammar's rules are matched as one regex each (see
# _grammar_regex), these rules its groups; any other grammar is parsed.
_LANGUAGE_GROUPS = frozenset({"language_name"})
_CONTENTS_GROUPS = frozenset({"item_kind", "item_language"})
_CREDITS_GROUPS = frozenset({"credits_sponsor"})
# The groups the readers take from those regexes.
_LANGUAGE_NAME = group_name("language_name")
_ITEM_KIND = group_name("item_kind", "kind")
_ITEM_LANGUAGE = group_name("item_language")
_SPONSOR_NAME = group_name("credits_sponsor", "name")

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
    if not text.strip():
        return ()
    if rules is None or rules is default_rules():
        match = whole_match(default_grammar(), "language_list", _LANGUAGE_GROUPS, text)
        if match is not None:
            names = match.captures(group_number(match.re, _LANGUAGE_NAME))
            return tuple(str(name) for name in names)
    rules = rules or default_rules()
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
    if rules is None or rules is default_rules():
        match = whole_match(default_grammar(), "contents_item", _CONTENTS_GROUPS, text)
        if match is not None:
            kinds = match.captures(group_number(match.re, _ITEM_KIND))
            languages = match.captures(group_number(match.re, _ITEM_LANGUAGE))
            return _kind(str(kinds[-1])), str(languages[-1]) if languages else None
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
    return _kind(kind_node.match.group("kind")), language


def _kind(kind: str) -> str:
    """The kind reported for a kind as written."""
    return "original_scan" if kind.startswith("Scan of") else _KINDS[kind.lower()]


@functools.lru_cache(maxsize=1024)
def read_sponsors(text: str, rules: Rules | None = None) -> tuple[str, ...]:
    """The sponsors a Credits text names (empty if it is not read)."""
    if rules is None or rules is default_rules():
        match = whole_match(default_grammar(), "credits_text", _CREDITS_GROUPS, text)
        if match is not None:
            names = match.captures(group_number(match.re, _SPONSOR_NAME))
            return tuple(str(name) for name in names)
    rules = rules or default_rules()
    try:
        node = rules["credits_text"].parse(text)
    except ParsimoniousError:
        return ()
    sponsors = child(node, "credits_sponsors")
    if sponsors is None:
        return ()
    return tuple(str(item.match.group("name")) for item in children(sponsors, "credits_sponsor"))
