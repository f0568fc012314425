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

from archivedoc._grammar import default_grammar, terminal

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
def read_citation(text: str) -> CitationParts:
    """The parts of a citation (any text: the rule matches everything)."""
    try:
        node = default_grammar()["citation"].parse(text)
    except ParsimoniousError:  # pragma: no cover - the rule matches any text
        return CitationParts(None, None, None, None, None, None, ())
    title_opt, date_opt, archive_opt, source_opt, credit_opt, _rest, url_opt = node.children
    title = date = archive = source = url = record_id = None
    if title_opt.children:
        title = _group(title_opt.children[0].children[0], "title")
    if date_opt.children:
        date = date_opt.children[0].children[0].text
    if archive_opt.children:
        archive = _group(archive_opt.children[0], "archive")
    if source_opt.children:
        source = _group(source_opt.children[0], "source")
    if url_opt.children:
        url = _group(url_opt.children[0], "url")
        found = terminal("cite_record_id").match(url or "")
        record_id = found.group("record_id") if found else None
    contributors = _credit(credit_opt.children[0]) if credit_opt.children else ()
    return CitationParts(title, date, archive, source, url, record_id, contributors)


def _group(node: Node, name: str) -> str | None:
    value = node.match.group(name)
    return None if value is None else str(value)


def _credit(node: Node) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``cite_credit``: each name with its roles, in first-seen order."""
    _lead, first, more, _end = node.children
    clauses = [first] + [pair.children[1] for pair in more.children]
    found: dict[str, list[str]] = {}
    for clause in clauses:
        roles_node, _for, _by, names_node = clause.children
        roles = [
            _ROLES.get(word, word) for word in map(str.lower, roles_node.match.captures("role"))
        ]
        names = [str(name) for name in names_node.match.captures("name")]
        for name in names:
            held = found.setdefault(name, [])
            held.extend(role for role in roles if role not in held)
    return tuple((name, tuple(roles)) for name, roles in found.items())


@functools.lru_cache(maxsize=1024)
def read_locator(text: str) -> dict[str, str | None]:
    """The parts of an archival locator; those not recognized are None."""
    parts: dict[str, str | None] = dict.fromkeys(LOCATOR_PARTS)
    try:
        node = default_grammar()["locator"].parse(text)
    except ParsimoniousError:  # pragma: no cover - the rule matches any text
        return parts
    items_opt = node.children[0]
    if not items_opt.children:
        return parts
    first, more = items_opt.children[0].children
    items = [first.children[0]] + [pair.children[1].children[0] for pair in more.children]
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
    return parts
