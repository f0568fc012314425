"""Read a citation's parts with the grammar's ``citation`` and ``locator`` rules.

See ``grammar/citation.peg``.  Returns plain Python data (strings, tuples);
parsimonious nodes stay in this module.  The rules match any text, so
reading never fails: a part the grammar cannot place is None.
"""

from __future__ import annotations

import bisect
import functools
from typing import Any, NamedTuple

from parsimonious.exceptions import ParseError as ParsimoniousError
from parsimonious.nodes import Node

from archivedoc._grammar import default_grammar
from archivedoc._grammar_regex import group_name, group_number, terminal_numbers, whole_match
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
    if rules is None or rules is default_rules():
        match = _whole_match("citation", _CITATION_GROUPS, text)
        if match is not None:
            return _citation_of_match(match)
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


def read_locator(text: str, rules: Rules | None = None) -> tuple[str | None, ...]:
    """The parts of an archival locator, their values in LOCATOR_PARTS order; None if not found.

    Not memoized: read from one regex match it takes about 50 microseconds
    (a tenth of a ``loads`` of a small document), and a memo entry held a
    tenth of such a document's size (``benchmarks/run.py``'s peak memory,
    113379.md: 10.0x the input with it, 9.97x without).
    """
    if rules is None or rules is default_rules():
        match = _whole_match("locator", _LOCATOR_GROUPS, text)
        if match is not None:
            return _locator_items(text, _items_of_match(match))
    try:
        node = (rules or default_rules())["locator"].parse(text)
    except ParsimoniousError:  # pragma: no cover - the rule matches any text
        return _NO_PARTS
    items_node = child(node, "loc_items")
    if items_node is None:
        return _NO_PARTS
    items = []
    for item_node in children(items_node, "loc_item"):
        item = alternative(item_node)
        groups = item.match.groupdict() if item.expr_name in _GROUP_RULES else {}
        items.append((item.expr_name, item.start, item.end, groups))
    return _locator_items(text, items)


_NO_PARTS: tuple[str | None, ...] = (None,) * len(LOCATOR_PARTS)

#: A locator item: its rule, start, end, and (for _GROUP_RULES) its groups
#: (a group that took no part may be left out).
_Item = tuple[str, int, int, dict[str, Any]]


def _locator_items(text: str, items: list[_Item]) -> tuple[str | None, ...]:
    """The parts of a locator from its items, in LOCATOR_PARTS order."""
    parts: dict[str, str | None] = dict.fromkeys(LOCATOR_PARTS)
    run: list[int] = []  # the first run of repository items, by index
    closed = False
    for index, (kind, _, _, groups) in enumerate(items):
        if kind == "loc_acronym" and index:
            continue  # an acronym names the repository only as the first item
        if kind in ("loc_repository", "loc_acronym") and not closed:
            if run and run[-1] != index - 1:
                closed = True
                continue
            run.append(index)
            closed = kind == "loc_acronym"
        elif kind in _GROUP_RULES:
            for part, value in groups.items():
                if value and parts[part] is None:
                    parts[part] = value
        if run and index != run[-1]:
            closed = True
    if run and parts["repository"] is None:
        parts["repository"] = text[items[run[0]][1] : items[run[-1]][2]]
    return tuple(parts.values())


# The default grammar's ``citation`` and ``locator`` rules as one regex each
# (see _grammar_regex): these rules are their groups, read from the match
# instead of a parse tree.  Any other grammar (a dialect's) is parsed.
_CITATION_GROUPS = frozenset(
    {
        "cite_quoted_title",
        "cite_bare_title",
        "cite_date_text",
        "date_value",
        "cite_archive",
        "cite_source",
        "cite_url",
        "credit_clause",
        "credit_roles",
        "credit_names",
    }
)
_ITEM_RULES = (
    "loc_keyed",
    "loc_coded",
    "loc_call_number",
    "loc_page_range",
    "loc_collection",
    "loc_repository",
    "loc_acronym",
    "loc_other",
)
_LOCATOR_GROUPS = frozenset(_ITEM_RULES)
_ITEM_GROUPS = tuple((rule, group_name(rule)) for rule in _ITEM_RULES)


def _whole_match(rule: str, groups: frozenset[str], text: str) -> Any | None:
    """The default rule's regex matched on all of ``text``, or None (then parsimonious reads it)."""
    return whole_match(default_grammar(), rule, groups, text)


def _captured(match: Any, name: str) -> str | None:
    """The last capture of the group ``name`` of the match (None if it took no part)."""
    found = match.captures(group_number(match.re, name))
    return str(found[-1]) if found else None


# The groups of the ``citation`` regex that _citation_of_match reads.
_QUOTED_TITLE = group_name("cite_quoted_title", "title")
_BARE_TITLE = group_name("cite_bare_title", "title")
_DATE_TEXT = group_name("cite_date_text")
_DATE_VALUE = group_name("date_value")
_URL = group_name("cite_url")
_URL_TEXT = group_name("cite_url", "url")
_ARCHIVE = group_name("cite_archive", "archive")
_SOURCE = group_name("cite_source", "source")
_CLAUSE = group_name("credit_clause")
_ROLE = group_name("credit_roles", "role")
_NAME = group_name("credit_names", "name")


def _citation_of_match(match: Any) -> CitationParts:
    """What :func:`read_citation` reads from a tree, read from the regex's groups."""
    title = _captured(match, _QUOTED_TITLE)
    if title is None:
        title = _captured(match, _BARE_TITLE)
    date = _captured(match, _DATE_TEXT)
    if date is None:
        date = _captured(match, _DATE_VALUE)
    url = _captured(match, _URL_TEXT)
    record_id = None
    if match.spans(group_number(match.re, _URL)):
        found = default_rules().terminal("cite_record_id").match(url or "")
        record_id = found.group("record_id") if found else None
    else:
        url = None
    found_credit: dict[str, list[str]] = {}
    roles = list(_spanned(match, _ROLE))
    names = list(_spanned(match, _NAME))
    for start, end in match.spans(group_number(match.re, _CLAUSE)):
        clause_roles = [
            _ROLES.get(word, word) for word in (w.lower() for s, e, w in roles if start <= s < end)
        ]
        for name in (n for s, e, n in names if start <= s < end):
            held = found_credit.setdefault(name, [])
            held.extend(role for role in clause_roles if role not in held)
    return CitationParts(
        title,
        date,
        _captured(match, _ARCHIVE),
        _captured(match, _SOURCE),
        url,
        record_id,
        tuple((name, tuple(held)) for name, held in found_credit.items()),
    )


def _spanned(match: Any, name: str) -> Any:
    """(start, end, text) of every capture of group ``name``."""
    number = group_number(match.re, name)
    for (start, end), text in zip(match.spans(number), match.captures(number), strict=True):
        yield start, end, str(text)


def _items_of_match(match: Any) -> list[_Item]:
    """The locator's items, in order, from the regex's groups.

    Items never touch (a separator stands between two), so a terminal's
    capture belongs to the last item of its rule that starts at or before it.
    """
    items: list[_Item] = []
    pattern = match.re
    for rule, name in _ITEM_GROUPS:
        spans = match.spans(group_number(pattern, name))
        if not spans:
            continue
        if rule not in _GROUP_RULES:
            items.extend((rule, start, end, {}) for start, end in spans)
            continue
        found: list[dict[str, Any]] = [{} for _ in spans]  # the parts found (no Nones)
        starts = [start for start, _ in spans]
        for part, number in terminal_numbers(pattern, rule):
            at = match.spans(number)
            if at:
                for (start, _), written in zip(at, match.captures(number), strict=True):
                    found[bisect.bisect_right(starts, start) - 1][part] = str(written)
        items.extend(
            (rule, start, end, groups) for (start, end), groups in zip(spans, found, strict=True)
        )
    items.sort(key=lambda item: item[1])
    return items
