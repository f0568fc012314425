"""Pieces that citations, locators and dates are made of, for hypothesis to join.

Both the citation tests and the regex-versus-parse tests build texts from
them: quotes and punctuation, the archive's names, dates, archival
locators, roles and a URL, in any order.
"""

from __future__ import annotations

from hypothesis import strategies as st

CITATION_PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        ",",
        ", ",
        ". ",
        ";",
        " ",
        "\n",
        "-",
        "(",
        ")",
        "by ",
        "and ",
        "Translated",
        "obtained",
        "Wilson Center Digital Archive",
        "https://digitalarchive.wilsoncenter.org/document/1",
        "June",
        "30",
        "1945",
        "c.",
        "n.d.",
        "Spring",
        "f. 5",
        "op. 3",
        "Box 2",
        "Archive",
        "RGANI",
        "Smith",
        "Papers",
        "x",
        "History and Public Policy Program Digital Archive",
        "June 30, 1945",
        "1958",
        "Translated by ",
        "Contributed, transcribed, and ",
        " and ",
        "for CWIHP ",
        "Jane Example",
        "box 6",
        "[",
        "]",
        "<",
        ">",
        "http://digitalarchive.wilsoncenter.org/document/1",
    ]
)
