"""Read a citation's parts with the grammar's ``citation`` and ``locator`` rules.

See ``grammar/citation.peg``.  Returns plain Python data (strings, tuples);
parsimonious nodes stay in this module.  The rules match any text, so
reading never fails: a part the grammar cannot place is None.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from parsimonious.exceptions import ParseError as ParsimoniousError
from parsimonious.nodes import Node

from archivedoc._readers.nodes import alternative, child, children
from archivedoc._readers.rules import Rules, default_rules

#: Role words as written -> the role they name (a past participle).
_ROLES = {"translation": "translated", "transcription": "transcribed"}

#: The parts a Locator has, in the order they are reported.
LOCATOR_PARTS = (
    "repository",
    "collection",
    "call_number",
    "fond",
    "opis",
    "delo",
    "papka",
    "volume",
    "box",
    "folder",
    "file",
    "pages",
)

# Locator rules whose named groups are parts.
_GROUP_RULES = frozenset(
    {"loc_keyed", "loc_coded", "loc_call_number", "loc_page_range", "loc_collection"}
)


class CitationParts(NamedTuple):
    """The parts of a citation's text; None where the grammar found none."""

    title: str | None
    date: str | None
    archive: str | None
    source: str | None
    url: str | None
    record_id: str | None
    #: (name, roles) in the order the names first appear.
    contributors: tuple[tuple[str, tuple[str, ...]], ...]


@functools.lru_cache(maxsize=1024)
def read_citation(text: str, rules: Rules | None = None) -> CitationParts:
    """The parts of a citation (any text: the rule matches everything)."""
    rules = rules or default_rules()
    try:
        node = rules["citation"].parse(text)
    except ParsimoniousError:  # pragma: no cover - the rule matches any text
        return CitationParts(None, None, None, None, None, None, ())
    title_node = child(node, "cite_title")
    date_node = child(node, "cite_date")
    url_node = child(node, "cite_url")
    credit_node = child(node, "cite_credit")
    title = None if title_node is None else _group(alternative(title_node), "title")
    date = None
    if date_node is not None:
        written = child(date_node, "cite_date_text") or child(date_node, "date_value")
        date = None if written is None else written.text
    url = record_id = None
    if url_node is not None:
        url = _group(url_node, "url")
        found = rules.terminal("cite_record_id").match(url or "")
        record_id = found.group("record_id") if found else None
    return CitationParts(
        title,
        date,
        _group(child(node, "cite_archive"), "archive"),
        _group(child(node, "cite_source"), "source"),
        url,
        record_id,
        () if credit_node is None else _credit(credit_node),
    )


def _group(node: Node | None, name: str) -> str | None:
    """The named group ``name`` of a terminal's node (None without the node or group)."""
    value = None if node is None else node.match.group(name)
    return None if value is None else str(value)


def _credit(node: Node) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``cite_credit``: each name with its roles, in first-seen order."""
    found: dict[str, list[str]] = {}
    for clause in children(node, "credit_clause"):
        roles_node = child(clause, "credit_roles")
        names_node = child(clause, "credit_names")
        if roles_node is None or names_node is None:
            continue
        roles = [
            _ROLES.get(word, word) for word in map(str.lower, roles_node.match.captures("role"))
        ]
        names = [str(name) for name in names_node.match.captures("name")]
        for name in names:
            held = found.setdefault(name, [])
            held.extend(role for role in roles if role not in held)
    return tuple((name, tuple(roles)) for name, roles in found.items())


@functools.lru_cache(maxsize=1024)
def read_locator(text: str, rules: Rules | None = None) -> tuple[tuple[str, str | None], ...]:
    """The parts of an archival locator, (name, value) in LOCATOR_PARTS order; None if not found."""
    parts: dict[str, str | None] = dict.fromkeys(LOCATOR_PARTS)
    try:
        node = (rules or default_rules())["locator"].parse(text)
    except ParsimoniousError:  # pragma: no cover - the rule matches any text
        return tuple(parts.items())
    items_node = child(node, "loc_items")
    if items_node is None:
        return tuple(parts.items())
    items = [alternative(item) for item in children(items_node, "loc_item")]
    run: list[Node] = []  # the first run of repository items
    closed = False
    for index, item in enumerate(items):
        kind = item.expr_name
        if kind == "loc_acronym" and index:
            continue  # an acronym names the repository only as the first item
        if kind in ("loc_repository", "loc_acronym") and not closed:
            if run and run[-1] is not items[index - 1]:
                closed = True
                continue
            run.append(item)
            closed = kind == "loc_acronym"
        elif kind in _GROUP_RULES:
            for part, value in item.match.groupdict().items():
                if value and parts[part] is None:
                    parts[part] = value
        if run and item is not run[-1]:
            closed = True
    if run and parts["repository"] is None:
        parts["repository"] = text[run[0].start : run[-1].end]
    return tuple(parts.items())
