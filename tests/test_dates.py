"""Dates: every form the archive writes, its precision, interval and EDTF form.

Every EDTF string is also read by an independent parser (the ``edtf``
package), and the interval it gives is compared with ours.
"""

from __future__ import annotations

import datetime

import attrs
import edtf
import pytest
from hypothesis import given, settings

import archivedoc
from archivedoc.model import Date, Document
from archivedoc.strategies import DATE_TEXTS, dates

D = datetime.date

# text, precision, approximate, uncertain, earliest, latest, edtf
READABLE = [
    ("June 30, 1945", "day", False, False, D(1945, 6, 30), D(1945, 6, 30), "1945-06-30"),
    ("November 01, 1962", "day", False, False, D(1962, 11, 1), D(1962, 11, 1), "1962-11-01"),
    ("February 03, 1949", "day", False, False, D(1949, 2, 3), D(1949, 2, 3), "1949-02-03"),
    ("November 6, 1967", "day", False, False, D(1967, 11, 6), D(1967, 11, 6), "1967-11-06"),
    ("June 30th, 1945", "day", False, False, D(1945, 6, 30), D(1945, 6, 30), "1945-06-30"),
    ("May 1st, 1950", "day", False, False, D(1950, 5, 1), D(1950, 5, 1), "1950-05-01"),
    ("30 June 1945", "day", False, False, D(1945, 6, 30), D(1945, 6, 30), "1945-06-30"),
    ("July 11 1981", "day", False, False, D(1981, 7, 11), D(1981, 7, 11), "1981-07-11"),
    ("Sept. 5, 1950", "day", False, False, D(1950, 9, 5), D(1950, 9, 5), "1950-09-05"),
    ("February 29, 1948", "day", False, False, D(1948, 2, 29), D(1948, 2, 29), "1948-02-29"),
    ("November 1967", "month", False, False, D(1967, 11, 1), D(1967, 11, 30), "1967-11"),
    ("February 1946", "month", False, False, D(1946, 2, 1), D(1946, 2, 28), "1946-02"),
    ("August, 1962", "month", False, False, D(1962, 8, 1), D(1962, 8, 31), "1962-08"),
    ("1958", "year", False, False, D(1958, 1, 1), D(1958, 12, 31), "1958"),
    ("c. 1950", "year", True, False, D(1950, 1, 1), D(1950, 12, 31), "1950~"),
    ("ca. 1950", "year", True, False, D(1950, 1, 1), D(1950, 12, 31), "1950~"),
    ("circa 1950", "year", True, False, D(1950, 1, 1), D(1950, 12, 31), "1950~"),
    ("1950?", "year", False, True, D(1950, 1, 1), D(1950, 12, 31), "1950?"),
    ("c. 1950?", "year", True, True, D(1950, 1, 1), D(1950, 12, 31), "1950%"),
    ("c. June 1945", "month", True, False, D(1945, 6, 1), D(1945, 6, 30), "1945-06~"),
    ("Spring 1962", "season", False, False, D(1962, 3, 1), D(1962, 5, 31), "1962-21"),
    ("Summer 1961", "season", False, False, D(1961, 6, 1), D(1961, 8, 31), "1961-22"),
    ("Fall 1961", "season", False, False, D(1961, 9, 1), D(1961, 11, 30), "1961-23"),
    ("Winter 1950", "season", False, False, D(1950, 12, 1), D(1951, 2, 28), "1950-24"),
    ("c. Summer 1961", "season", True, False, D(1961, 6, 1), D(1961, 8, 31), "1961-06~/1961-08~"),
    ("1960s", "decade", False, False, D(1960, 1, 1), D(1969, 12, 31), "196X"),
    ("c. 1960s", "decade", True, False, D(1960, 1, 1), D(1969, 12, 31), "196X~"),
    ("1962-1963", "year", False, False, D(1962, 1, 1), D(1963, 12, 31), "1962/1963"),
    ("1962 - 1963", "year", False, False, D(1962, 1, 1), D(1963, 12, 31), "1962/1963"),
    ("1962\u20131963", "year", False, False, D(1962, 1, 1), D(1963, 12, 31), "1962/1963"),
    ("1962-63", "year", False, False, D(1962, 1, 1), D(1963, 12, 31), "1962/1963"),
    ("1958-11", "month", False, False, D(1958, 11, 1), D(1958, 11, 30), "1958-11"),
    ("1944-05-19", "day", False, False, D(1944, 5, 19), D(1944, 5, 19), "1944-05-19"),
    ("June 1-3, 1945", "day", False, False, D(1945, 6, 1), D(1945, 6, 3), "1945-06-01/1945-06-03"),
    ("1-3 June 1945", "day", False, False, D(1945, 6, 1), D(1945, 6, 3), "1945-06-01/1945-06-03"),
    (
        "March 1962 - April 1963",
        "month",
        False,
        False,
        D(1962, 3, 1),
        D(1963, 4, 30),
        "1962-03/1963-04",
    ),
    ("1946-February 1950", "year", False, False, D(1946, 1, 1), D(1950, 2, 28), "1946/1950-02"),
    (
        "June 30, 1945 - July 2, 1945",
        "day",
        False,
        False,
        D(1945, 6, 30),
        D(1945, 7, 2),
        "1945-06-30/1945-07-02",
    ),
    ("1950s-1960s", "decade", False, False, D(1950, 1, 1), D(1969, 12, 31), "195X/196X"),
    ("n.d.", "undated", False, False, None, None, "XXXX"),
    ("n. d.", "undated", False, False, None, None, "XXXX"),
    ("[undated]", "undated", False, False, None, None, "XXXX"),
]


@pytest.mark.parametrize(
    ("text", "precision", "approximate", "uncertain", "earliest", "latest", "edtf_text"),
    READABLE,
    ids=[row[0] for row in READABLE],
)
def test_readable_dates(
    text: str,
    precision: str,
    approximate: bool,
    uncertain: bool,
    earliest: datetime.date | None,
    latest: datetime.date | None,
    edtf_text: str,
) -> None:
    date = Date(text)
    assert date.text == text
    assert (date.precision, date.approximate, date.uncertain) == (precision, approximate, uncertain)
    assert (date.earliest, date.latest, date.edtf) == (earliest, latest, edtf_text)
    assert date.readable


def _edtf_interval(text: str) -> tuple[datetime.date, datetime.date]:
    parsed = edtf.parse_edtf(text)
    low, high = parsed.lower_strict(), parsed.upper_strict()
    return D(*low[:3]), D(*high[:3])


@pytest.mark.parametrize("row", READABLE, ids=[row[0] for row in READABLE])
def test_edtf_is_valid_and_means_the_same_interval(row: tuple[object, ...]) -> None:
    date = Date(str(row[0]))
    assert date.edtf is not None
    parsed = edtf.parse_edtf(date.edtf)  # raises on an invalid EDTF string
    assert str(parsed) == date.edtf
    if date.precision == "undated" or (date.precision == "season" and "24" in date.edtf):
        return  # "XXXX" has no bounds; the edtf package cuts Winter at December 31
    assert _edtf_interval(date.edtf) == (date.earliest, date.latest)


UNREADABLE = [
    "February 30, 1949",  # the calendar refuses it
    "June 31, 1945",
    "1963-1962",  # an interval that ends before it starts
    "June 3-1, 1945",
    "1945 - 1945",
    "June 1945-63",  # a short end year needs a year before it
    "1999-03-45",
    "1963-42",  # a short end year must be later
    "Spring-Summer 1962",
    "30.XII.1949",
    "10/14/50",
    "undated [1955]",
    "June 30, 1945 ",  # not one date: a trailing space
    "Junes 1945",
    "1000",
    "sometime",
]


@pytest.mark.parametrize("text", UNREADABLE)
def test_unreadable_dates_keep_their_text_and_no_structure(text: str) -> None:
    date = Date(text)
    assert date.text == text
    assert not date.readable
    assert (date.precision, date.earliest, date.latest, date.edtf) == (None, None, None, None)
    assert (date.approximate, date.uncertain) == (False, False)


@pytest.mark.parametrize("text", ["", "June\n1945", "1945\r"])
def test_a_date_is_one_non_empty_line(text: str) -> None:
    with pytest.raises(ValueError):
        Date(text)


def test_dates_compare_by_their_text_and_evolve_recomputes() -> None:
    assert Date("1958") == Date("1958")
    assert Date("1958") != Date("1958?")
    assert hash(Date("1958")) == hash(Date("1958"))
    moved = attrs.evolve(Date("1958"), text="c. 1959")
    assert (moved.edtf, moved.approximate) == ("1959~", True)


def test_the_heading_date_is_a_date_and_the_title_is_the_rest(seed_text: str) -> None:
    doc = archivedoc.loads(seed_text)
    assert doc.date is not None and doc.date.edtf == "1945-06-30"
    assert doc.date.earliest == D(1945, 6, 30)
    assert doc.title == "Meeting between Marshal Stalin and Dr. Soong"


@pytest.mark.parametrize(
    ("heading", "date", "title"),
    [
        ("## August, 1962 Memo", "August, 1962", "Memo"),
        ("## July 11 1981 Memo", "July 11 1981", "Memo"),
        ("## March 1962 - April 1963 Talks", "March 1962 - April 1963", "Talks"),
        ("## 1962-63 Reports", "1962-63", "Reports"),
        ("## 1950? Note", "1950?", "Note"),
        ("## 1962 - Memo", "1962", "- Memo"),
        ("## May Day Parade", None, "May Day Parade"),
        ("## 12 Points on Korea", None, "12 Points on Korea"),
        ("## Undated Note", None, "Undated Note"),
        ("## February 30, 1949 Cable", "February 30, 1949", "Cable"),
    ],
)
def test_heading_splits_at_the_date(heading: str, date: str | None, title: str) -> None:
    doc = archivedoc.loads(f"\n\n{heading}\n\n### Contents:\n\n")
    assert (doc.date.text if doc.date else None) == date
    assert doc.title == title
    assert archivedoc.dumps(doc) == f"\n\n{heading}\n\n### Contents:\n\n"


def test_a_date_the_grammar_reads_but_the_calendar_refuses_has_no_structure() -> None:
    doc = archivedoc.loads("## February 30, 1949 Cable")
    assert doc.date is not None and doc.date.edtf is None


@pytest.mark.parametrize("title", ["1958 Report", "June 1945 Talks", "n.d. Note", "c. 1950 X"])
def test_a_title_never_starts_like_a_date(title: str) -> None:
    with pytest.raises(ValueError, match="start like a date"):
        Document(title)


def test_a_heading_date_must_be_one_the_grammar_reads() -> None:
    with pytest.raises(ValueError):
        Document("Cable", date="Spring-Summer 1962")


@pytest.mark.parametrize("text", DATE_TEXTS)
def test_strategy_dates_are_all_readable(text: str) -> None:
    assert Date(text).readable


@settings(max_examples=300)
@given(dates())
def test_generated_dates_have_valid_edtf_and_ordered_bounds(date: Date) -> None:
    assert date.readable and date.edtf is not None
    edtf.parse_edtf(date.edtf)
    if date.earliest is not None and date.latest is not None:
        assert date.earliest <= date.latest
        if "-24" not in date.edtf:
            assert _edtf_interval(date.edtf) == (date.earliest, date.latest)
