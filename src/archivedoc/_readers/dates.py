"""Read a date's structure with the grammar's ``date`` rule (see ``dates.peg``).

Returns plain Python data; parsimonious nodes stay in this module.  A text
the grammar does not read, or reads but the calendar refuses ("February 30,
1949", an interval that ends before it starts), gives None: no structure is
better than a wrong one.
"""

from __future__ import annotations

import calendar
import datetime
import functools
from typing import Any, NamedTuple

from parsimonious.exceptions import ParseError as ParsimoniousError
from parsimonious.nodes import Node

from archivedoc._grammar import default_grammar
from archivedoc._grammar_regex import group_name, group_number, terminal_numbers, whole_match
from archivedoc._readers.nodes import alternative, child
from archivedoc._readers.rules import Rules, default_rules

#: Precisions from the finest to the coarsest; an interval has the coarser
#: precision of its two ends.
PRECISIONS = ("day", "month", "season", "year", "decade", "undated")

#: The English month names and abbreviations the grammar reads: a fixed table,
#: not ``calendar.month_name``, which follows the LC_TIME locale (under a
#: German locale it holds "Juni", and reading "June" failed).
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS = {
    name: number for number, full in enumerate(MONTH_NAMES, start=1) for name in (full, full[:3])
}
_MONTHS["Sept"] = 9

# Season -> (EDTF code, first month, last month); Winter runs into the next year.
_SEASONS = {
    "Spring": (21, 3, 5),
    "Summer": (22, 6, 8),
    "Autumn": (23, 9, 11),
    "Fall": (23, 9, 11),
    "Winter": (24, 12, 2),
}


class DateParts(NamedTuple):
    """The structure of a readable date."""

    precision: str
    approximate: bool
    uncertain: bool
    earliest: datetime.date | None
    latest: datetime.date | None
    edtf: str


class _Point(NamedTuple):
    precision: str
    earliest: datetime.date
    latest: datetime.date
    edtf: str


class _UnreadableError(Exception):
    """The grammar matched, but the values are not a real date."""


def date_prefix(text: str, rules: Rules | None = None) -> str | None:
    """The date that ``text`` starts with (as the ``date`` rule reads it), or None."""
    try:
        return str((rules or default_rules())["date"].match(text).text)
    except ParsimoniousError:
        return None


@functools.lru_cache(maxsize=4096)
def read_date(text: str, rules: Rules | None = None) -> DateParts | None:
    """The structure of ``text``, or None if it is not a date the grammar reads."""
    if rules is None or rules is default_rules():
        match = _date_match(text)
        if match is not None:
            try:
                return _date_of_match(match)
            except (_UnreadableError, KeyError, ValueError):
                return None
        rules = default_rules()
    try:
        node = rules["date"].parse(text)
    except ParsimoniousError:
        return None
    try:
        return _date(alternative(_required(node, "date_value")))
    except (_UnreadableError, KeyError, ValueError):  # KeyError: an override's groups
        return None


# The default grammar's ``date`` rule as one regex (see _grammar_regex): the
# rules below are its groups, read from the match instead of a parse tree.
_POINT_RULES = (
    "date_iso",
    "date_day_first",
    "date_month_first",
    "date_season",
    "date_decade",
    "date_year",
)
_POINT_GROUPS = tuple((rule, group_name(rule)) for rule in _POINT_RULES)
_DATE_GROUPS = frozenset(
    {
        "date_undated",
        "date_approx",
        "date_uncertain",
        "date_until",
        "date_point",
        "date_short_year",
        *_POINT_RULES,
    }
)


# The groups of the ``date`` regex that _date_of_match reads.
_UNDATED, _APPROX, _UNCERTAIN, _POINT, _UNTIL, _SHORT_YEAR = (
    group_name(rule)
    for rule in (
        "date_undated",
        "date_approx",
        "date_uncertain",
        "date_point",
        "date_until",
        "date_short_year",
    )
)


def _date_match(text: str) -> Any | None:
    """The default ``date`` regex's match of all of ``text``, or None (parsimonious reads it)."""
    return whole_match(default_grammar(), "date", _DATE_GROUPS, text)


def _date_of_match(match: Any) -> DateParts:
    """What :func:`_date` reads from a tree, read from the ``date`` regex's groups."""
    pattern = match.re
    if match.spans(group_number(pattern, _UNDATED)):
        return DateParts("undated", False, False, None, None, "XXXX")
    approximate = bool(match.spans(group_number(pattern, _APPROX)))
    uncertain = bool(match.spans(group_number(pattern, _UNCERTAIN)))
    points = match.spans(group_number(pattern, _POINT))
    start = _point_parts(_parts_within(match, points[0]))
    if not match.spans(group_number(pattern, _UNTIL)):
        return _single(start, approximate, uncertain)
    short = match.captures(group_number(pattern, _SHORT_YEAR))
    if short:
        return _interval(start, None, str(short[0]), approximate, uncertain)
    end = _point_parts(_parts_within(match, points[1]))
    return _interval(start, end, "", approximate, uncertain)


def _parts_within(match: Any, span: tuple[int, int]) -> dict[str, str | None]:
    """The named groups of the ``date_point`` alternative matched at ``span``, as groupdict."""
    start, end = span
    pattern = match.re
    for rule, name in _POINT_GROUPS:
        for found in match.spans(group_number(pattern, name)):
            if found[0] >= start and found[1] <= end:
                return _terminal_groups(match, rule, found)
    raise _UnreadableError  # pragma: no cover - a date_point is one of its alternatives


def _terminal_groups(match: Any, rule: str, span: tuple[int, int]) -> dict[str, str | None]:
    """Terminal ``rule``'s groups in ``span``: its own match's groupdict (last capture wins)."""
    parts: dict[str, str | None] = {}
    for part, number in terminal_numbers(match.re, rule):
        value = None
        for (first, last), text in zip(match.spans(number), match.captures(number), strict=True):
            if first >= span[0] and last <= span[1]:
                value = text
        parts[part] = value
    return parts


def _required(node: Node, name: str) -> Node:
    """The node of rule ``name`` in ``node``; one the grammar leaves out is unreadable."""
    found = child(node, name)
    if found is None:
        raise _UnreadableError  # a dialect's override left the rule out
    return found


def _date(node: Node) -> DateParts:
    """A ``date_undated`` or ``date_dated`` node."""
    if node.expr_name == "date_undated":
        return DateParts("undated", False, False, None, None, "XXXX")
    approximate = child(node, "date_approx") is not None
    uncertain = child(node, "date_uncertain") is not None
    start = _point(_required(node, "date_point"))
    until_node = child(node, "date_until")
    if until_node is None:
        return _single(start, approximate, uncertain)
    end_node = alternative(_required(until_node, "date_end_point"))
    if end_node.expr_name == "date_short_year":
        return _interval(start, None, end_node.text, approximate, uncertain)
    return _interval(start, _point(end_node), "", approximate, uncertain)


def _single(start: _Point, approximate: bool, uncertain: bool) -> DateParts:
    edtf = _qualify(start, approximate, uncertain)
    return DateParts(start.precision, approximate, uncertain, start.earliest, start.latest, edtf)


def _interval(
    start: _Point, end: _Point | None, short_year: str, approximate: bool, uncertain: bool
) -> DateParts:
    """From ``start`` to ``end`` (None: to the year ``short_year``, "1962-63")."""
    if end is None:
        if start.precision != "year":
            raise _UnreadableError
        end = _year(start.earliest.year // 100 * 100 + int(short_year))
    if "/" in start.edtf or "/" in end.edtf or not start.latest < end.earliest:
        raise _UnreadableError
    precision = max(start.precision, end.precision, key=PRECISIONS.index)
    edtf = "/".join(_qualify(p, approximate, uncertain) for p in (start, end))
    if edtf.count("/") > 1:
        raise _UnreadableError  # a qualified season is itself an interval
    return DateParts(precision, approximate, uncertain, start.earliest, end.latest, edtf)


def _qualify(point: _Point, approximate: bool, uncertain: bool) -> str:
    """EDTF's qualifiers: ``~`` approximate, ``?`` uncertain, ``%`` both."""
    mark = "%" if approximate and uncertain else "~" if approximate else "?" if uncertain else ""
    if not mark:
        return point.edtf
    if point.precision == "season":
        # EDTF cannot qualify a season: write the interval of its months.
        return f"{point.earliest:%Y-%m}{mark}/{point.latest:%Y-%m}{mark}"
    return "/".join(part + mark for part in point.edtf.split("/"))


def _point(node: Node) -> _Point:
    """A ``date_point`` node: its one regex's named groups hold the parts."""
    return _point_parts(alternative(node).match.groupdict())


def _point_parts(parts: dict[str, Any]) -> _Point:
    """A ``date_point`` from its terminal's named groups."""
    if parts.get("decade"):
        decade = int(parts["decade"])
        return _Point(
            "decade",
            datetime.date(decade, 1, 1),
            datetime.date(decade + 9, 12, 31),
            f"{decade // 10:03d}X",
        )
    year = int(parts["year"])
    if parts.get("season"):
        code, first, last = _SEASONS[parts["season"]]
        end_year = year + 1 if last < first else year
        return _Point(
            "season",
            datetime.date(year, first, 1),
            datetime.date(end_year, last, calendar.monthrange(end_year, last)[1]),
            f"{year:04d}-{code}",
        )
    if not parts.get("month"):
        return _year(year)
    written = parts["month"]
    month = int(written) if written.isdigit() else _MONTHS[written.rstrip(".")]
    if not parts.get("day"):
        return _Point(
            "month",
            datetime.date(year, month, 1),
            datetime.date(year, month, calendar.monthrange(year, month)[1]),
            f"{year:04d}-{month:02d}",
        )
    try:
        first_day = datetime.date(year, month, int(parts["day"]))
        last_day = datetime.date(year, month, int(parts.get("last_day") or parts["day"]))
    except ValueError:
        raise _UnreadableError from None
    if parts.get("last_day") is None:
        return _Point("day", first_day, first_day, first_day.isoformat())
    if last_day <= first_day:
        raise _UnreadableError
    return _Point("day", first_day, last_day, f"{first_day.isoformat()}/{last_day.isoformat()}")


def _year(year: int) -> _Point:
    return _Point("year", datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year:04d}")
