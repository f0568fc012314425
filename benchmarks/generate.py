"""Generated documents for the benchmark: realistic shapes, any size, no corpus text.

Every generator is deterministic (a fixed random seed) and writes text in the
archive's layout (see the corpus FORMAT-NOTES): two blank lines, a dated
heading, the usual sections, ``### Contents:`` and a transcript whose
paragraphs carry speaker turns, square brackets, footnote markers, page
breaks and hard wraps, so that code parsing the transcript's structure has
real work to do.
"""

from __future__ import annotations

import random

_NAMES = ("Stalin", "Soong", "Molotov", "Comrade Kim", "Mao Zedong", "Kohl", "BK", "PM")
_WORDS = tuple(
    " ".join(
        [
            "the talks continue on the question of the railway and the port while the",
            "delegation reports that agreement was reached on most points of the treaty",
            "although the matter of the frontier remains open for further discussion",
            "between the two governments and their ministers of foreign affairs",
        ]
    ).split(" ")
)
_BRACKETS = (
    "[sic]",
    "[one word missing]",
    "[illegible]",
    "[Beijing]",
    "Com[rade]",
    "[5?]",
    "[...]",
    "[Translator's note: the original is unclear.]",
    "[signature]",
)

HEAD = "\n".join(
    [
        "",
        "",
        "## June 30, 1945 Meeting between Delegation A and Delegation B",
        "",
        "### Citation:",
        "",
        "“Meeting between Delegation A and Delegation B,” June 30, 1945, History and Public"
        " Policy Program Digital Archive, Example Collection, box 6, folder 9, Example"
        " Archives. Contributed by A. Historian.",
        "",
        "<http://digitalarchive.wilsoncenter.org/document/900001>",
        "",
        "### Summary:",
        "",
        "The two delegations discuss the treaty, the railway and the port; a generated"
        " document for the benchmark.",
        "",
        "### Credits:",
        "",
        "This document was made possible with support from the Example Family Foundation.",
        "",
        "### Original Language:",
        "",
        "Russian",
        "",
        "### Contents:",
        "",
        "- English Translation",
        "- Scan of Original Document",
        "",
        "",
    ]
)


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 18))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(_BRACKETS))
    text = " ".join(words)
    marker = f"[{rng.randint(1, 9)}]" if rng.random() < 0.05 else ""
    return text[0].upper() + text[1:] + "." + marker


def _paragraph(rng: random.Random) -> str:
    body = " ".join(_sentence(rng) for _ in range(rng.randint(1, 5)))
    if rng.random() < 0.5:
        body = f"{rng.choice(_NAMES)}: {body}"
    if rng.random() < 0.3:  # hard-wrapped, as in the old PDF exports
        words = body.split(" ")
        lines = [" ".join(words[i : i + 12]) for i in range(0, len(words), 12)]
        body = "\n".join(lines)
    return body


def transcript_body(size: int, seed: int = 1) -> str:
    """About ``size`` characters of transcript: paragraphs, blank lines, page breaks."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        para = _paragraph(rng)
        if rng.random() < 0.03:
            para = "\f" + para
        parts.append(para)
        total += len(para) + 2
    return "\n\n".join(parts)[:size].rstrip() or "Text."


def transcript_document(size: int, seed: int = 1, distinct: bool = False) -> str:
    """A whole document of about ``size`` characters, most of it transcript.

    ``distinct``: the heading's and the citation's date, box, folder and
    record number come from ``seed`` too, as no two documents of a real
    corpus share a citation (else the part readers' memos would answer).
    """
    head = _head(seed) if distinct else HEAD
    return head + transcript_body(max(size - len(head), 1), seed)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")


def _head(seed: int) -> str:
    """HEAD with a date, box, folder and record number of its own."""
    rng = random.Random(seed)
    date = f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.randint(1945, 1991)}"
    return (
        HEAD.replace("June 30, 1945", date)
        .replace("box 6, folder 9", f"box {rng.randint(1, 99)}, folder {rng.randint(1, 99)}")
        .replace("900001", str(900_000 + seed))
    )


def paragraphs_document(count: int, seed: int = 2) -> str:
    """A document whose transcript is ``count`` short one-line paragraphs."""
    rng = random.Random(seed)
    lines = [f"{rng.choice(_NAMES)}: {_sentence(rng)}" for _ in range(count)]
    return HEAD + "\n\n".join(lines)


def sections_document(count: int, seed: int = 3) -> str:
    """A document of ``count`` sections (generic labels), then Contents and a transcript."""
    rng = random.Random(seed)
    head, _, rest = HEAD.partition("### Contents:")
    parts = [head]
    for index in range(count):
        body = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
        parts.append(f"### Note {index}:\n\n{body}\n\n")
    parts.append("### Contents:" + rest + "Stalin: the end of the transcript.")
    return "".join(parts)


def sections_sized(size: int, seed: int = 3) -> str:
    """A sections-heavy document of about ``size`` characters (for the scaling check)."""
    per = len(sections_document(100, seed)) / 100
    return sections_document(max(1, int(size / per)), seed)
