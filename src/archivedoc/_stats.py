"""``archivedoc stats``: what a historian wants to know first about a corpus.

Each worker reduces its Document to a small :class:`Facts` record (so only
that crosses between processes); :class:`Tally` adds them up in the parent,
in memory that grows with the number of distinct names, not of documents.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from archivedoc import Document


@attrs.frozen
class Facts:
    """The facts ``stats`` counts, for one document."""

    earliest: int | None
    latest: int | None
    languages: tuple[str, ...]
    archive: str | None
    repository: str | None
    contributors: tuple[tuple[str, tuple[str, ...]], ...]
    sections: tuple[str, ...]
    participants: int
    turns: int
    footnotes: int
    brackets: tuple[tuple[str, int], ...]


def facts(doc: Document) -> Facts:
    """The facts of one document."""
    date = doc.date
    citation = doc.citation
    locator = citation.locator if citation is not None else None
    transcript = doc.transcript
    return Facts(
        earliest=date.earliest.year if date is not None and date.earliest else None,
        latest=date.latest.year if date is not None and date.latest else None,
        languages=tuple(
            f"{lang.name} ({lang.code})" if lang.code else lang.name for lang in doc.languages
        ),
        archive=citation.archive if citation is not None else None,
        repository=locator.repository if locator is not None else None,
        contributors=tuple(
            (person.name, person.roles)
            for person in (citation.contributors if citation is not None else ())
        ),
        sections=tuple(dict.fromkeys(section.label for section in doc.sections)),
        participants=len(transcript.participants),
        turns=len(transcript.turns),
        footnotes=len(transcript.footnotes),
        brackets=tuple(sorted(Counter(inline.kind for inline in transcript.inlines).items())),
    )


@attrs.define
class Tally:
    """The sum of many documents' facts."""

    documents: int = 0
    failures: int = 0
    earliest: int | None = None
    latest: int | None = None
    undated: int = 0
    decades: Counter[int] = attrs.field(factory=Counter)
    languages: Counter[str] = attrs.field(factory=Counter)
    archives: Counter[str] = attrs.field(factory=Counter)
    repositories: Counter[str] = attrs.field(factory=Counter)
    contributors: Counter[str] = attrs.field(factory=Counter)
    roles: dict[str, Counter[str]] = attrs.field(factory=dict)
    sections: Counter[str] = attrs.field(factory=Counter)
    structure: Counter[str] = attrs.field(factory=Counter)
    brackets: Counter[str] = attrs.field(factory=Counter)

    def add(self, item: Facts) -> None:
        """Count one document."""
        self.documents += 1
        if item.earliest is None:
            self.undated += 1
        else:
            latest = item.earliest if item.latest is None else item.latest
            self.earliest = (
                item.earliest if self.earliest is None else min(self.earliest, item.earliest)
            )
            self.latest = latest if self.latest is None else max(self.latest, latest)
            self.decades[item.earliest // 10 * 10] += 1
        self.languages.update(item.languages)
        self.archives.update([item.archive] if item.archive else [])
        self.repositories.update([item.repository] if item.repository else [])
        for name, roles in item.contributors:
            self.contributors[name] += 1
            self.roles.setdefault(name, Counter()).update(roles)
        self.sections.update(item.sections)
        self.structure.update(
            participants=item.participants, turns=item.turns, footnotes=item.footnotes
        )
        self.brackets.update(dict(item.brackets))

    def to_json(self) -> dict[str, Any]:
        """The tally as JSON-ready data (every count, most frequent first)."""
        return {
            "documents": self.documents,
            "failures": self.failures,
            "dates": {
                "earliest": self.earliest,
                "latest": self.latest,
                "undated": self.undated,
                "decades": {f"{decade}s": n for decade, n in sorted(self.decades.items())},
            },
            "languages": dict(self.languages.most_common()),
            "archives": dict(self.archives.most_common()),
            "repositories": dict(self.repositories.most_common()),
            "contributors": {
                name: {"documents": n, "roles": dict(self.roles[name].most_common())}
                for name, n in self.contributors.most_common()
            },
            "sections": dict(self.sections.most_common()),
            "structure": dict(self.structure),
            "brackets": dict(self.brackets.most_common()),
        }

    def to_text(self, top: int) -> str:
        """A plain-text report; lists show their ``top`` most frequent entries."""
        lines = [f"documents: {self.documents} read, {self.failures} failed"]
        if self.earliest is not None:
            lines.append(f"dates: {self.earliest} to {self.latest} ({self.undated} undated)")
        else:
            lines.append(f"dates: none ({self.undated} undated)")
        lines += _block(
            "documents per decade", [(f"{d}s", n) for d, n in sorted(self.decades.items())]
        )
        lines += _block("original languages", self.languages.most_common(top), self.languages)
        lines += _block("archives", self.archives.most_common(top), self.archives)
        lines += _block("repositories", self.repositories.most_common(top), self.repositories)
        people = [
            (f"{name} ({', '.join(self.roles[name]) or 'no role'})", n)
            for name, n in self.contributors.most_common(top)
        ]
        lines += _block("contributors", people, self.contributors)
        lines += _block("sections (documents with it)", self.sections.most_common(), self.sections)
        lines += _block("structure", sorted(self.structure.items()))
        lines += _block("brackets by kind", self.brackets.most_common(), self.brackets)
        return "\n".join(lines) + "\n"


def _block(title: str, rows: list[tuple[str, int]], whole: Counter[str] | None = None) -> list[str]:
    more = len(whole) - len(rows) if whole is not None else 0
    lines = ["", f"{title}:"]
    width = max((len(str(n)) for _, n in rows), default=1)
    lines += [f"  {n:>{width}}  {name}" for name, n in rows] or ["  (none)"]
    if more > 0:
        lines.append(f"  ... and {more} more (--top to show more)")
    return lines
