"""The layout read in one regex compiled from the grammar reads what parsimonious reads.

``loads`` matches the default ``document`` rule as one regex
(``archivedoc._grammar_regex``) and builds the Document from its groups; a
text the regex does not match whole goes to parsimonious, which says where
it fails.  These tests hold the two readings side by side: on every test
document, the seed, the real documents, hostile shapes and generated text,
both accept the same texts and build the same Document, section by section,
with the same positions (strict mode points at them).  And the compiler
itself keeps a PEG's meaning on small grammars of every expression kind.
The objects the parser builds without their validators (the grammar has
just matched their parts) equal those the public constructors build.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parsimonious.exceptions import ParseError as ParsimoniousError
from parsimonious.expressions import Regex
from parsimonious.grammar import Grammar

import archivedoc
import archivedoc._io.parse as parse
from archivedoc._grammar import default_grammar, lean
from archivedoc._grammar_regex import _groups_renamed, group_name, rule_regex
from archivedoc._io.parse import DEFAULT_SECTIONS
from archivedoc._io.tree import LAYOUT_GROUPS, LayoutVisitor
from archivedoc._model.document import Document
from archivedoc._model.parsed import unchecked
from archivedoc.model import Contributor, Summary
from archivedoc.strategies import documents
from conftest import DOCUMENTS, SEED, SHARED, read_exact
from hostile_shapes import REPRODUCERS
from test_hostile import CONTEXTS, HOSTILE


def _both(body: str) -> tuple[object, object]:
    """(parsimonious's reading, the regex's reading) of ``body``: a summary, or None."""
    grammar = default_grammar()
    try:
        tree = grammar.parse(body)
    except ParsimoniousError:
        tree = None
    layout = rule_regex(grammar, "document", LAYOUT_GROUPS)
    assert layout is not None, "the default document rule must compile to one regex"
    match = layout.match(body)
    if match is not None and match.end() != len(body):
        match = None
    readings: list[object] = []
    for read in (
        None if tree is None else lambda visitor: visitor.visit(tree),
        None if match is None else lambda visitor: visitor.read(match),
    ):
        if read is None:
            readings.append(None)
            continue
        visitor = LayoutVisitor(DEFAULT_SECTIONS)
        try:
            doc = read(visitor)
        except ValueError as exc:  # a section its class refuses: the same error both ways
            readings.append(("refused", type(exc).__name__, str(exc)))
            continue
        readings.append(
            (
                json.dumps(archivedoc.to_dict(doc), sort_keys=True),
                archivedoc.dumps(doc),
                [type(s).__name__ for s in doc.sections],
                [(start, type(s).__name__, s.label) for start, s in visitor.positions],
                (doc.lead, doc.title, doc.date_sep, doc.heading_after, doc.has_heading),
            )
        )
    return readings[0], readings[1]


def _same(body: str) -> None:
    by_parsimonious, by_regex = _both(body)
    assert by_regex == by_parsimonious


def _corpus() -> list[Path]:
    return sorted(p for p in (SHARED / "corpus" / "docs").iterdir() if p.suffix in {".md", ".txt"})


@pytest.mark.parametrize("path", [SEED, *DOCUMENTS, *_corpus()], ids=lambda p: p.name)
def test_every_document_is_read_the_same(path: Path) -> None:
    text = read_exact(path).removeprefix("\ufeff")
    by_parsimonious, by_regex = _both(text)
    assert by_parsimonious is not None
    assert by_regex == by_parsimonious


@pytest.mark.parametrize("context", sorted(CONTEXTS))
@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_hostile_text_is_read_the_same(shape: str, context: str) -> None:
    value = HOSTILE[shape]
    if len(value) > 5_000 or "\ud800" in value or "\ud83d" in value:
        value = value[:5_000].replace("\ud800", "x").replace("\ud83d", "x").replace("\ude00", "x")
    _same(CONTEXTS[context].replace("{}", value))


@pytest.mark.parametrize("key", sorted(k for k, s in REPRODUCERS.items() if s.family == "layout"))
def test_layout_reproducers_are_read_the_same(key: str) -> None:
    shape = REPRODUCERS[key]
    _same(shape.make(shape.n))


_PIECES = st.sampled_from(
    ["\n", "\r\n", "\r", " ", "\t", "## ", "### ", "### Contents:", "### Summary:",
     "### Citation:", "### Credits:", "### Original Language:", ":", "- ", "x", "é", "\f",
     "1945 ", "June 30, 1945 ", "c. 1950", "n.d.", "1962-63 ", "Summer 1961 "]
)  # fmt: skip


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.lists(_PIECES, max_size=24).map("".join)))
def test_any_text_is_read_the_same(text: str) -> None:
    _same(text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_are_read_the_same(doc: archivedoc.Document) -> None:
    body = archivedoc.dumps(doc)
    by_parsimonious, by_regex = _both(body)
    assert by_parsimonious is not None
    assert by_regex == by_parsimonious


def test_loads_uses_the_regex_and_parsimonious_gives_the_errors(
    seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document is read without a parse tree; a failing text still fails where it did."""

    def no_tree(*args: object) -> None:
        raise AssertionError("parsimonious parsed a text that the regex reads")

    monkeypatch.setattr(LayoutVisitor, "visit", no_tree)
    assert archivedoc.dumps(archivedoc.loads(seed_text)) == seed_text
    monkeypatch.undo()
    with pytest.raises(archivedoc.ParseError) as info:
        archivedoc.loads("## Title\n\n### Summary:\n\ntext\n\n## Second heading\n")
    assert "one '## ' heading" in info.value.msg
    assert (info.value.lineno, info.value.colno) == (7, 1)


# -- the compiler on small grammars ------------------------------------------


def _compile(rules: str, start: str, groups: tuple[str, ...] = ()) -> tuple[Grammar, object]:
    grammar = lean(Grammar(rules))
    return grammar, rule_regex(grammar, start, groups)


def _agree(rules: str, start: str, texts: list[str], groups: tuple[str, ...] = ()) -> None:
    """On each text, the regex matches exactly what the rule matches (and each group's spans)."""
    grammar, compiled = _compile(rules, start, groups)
    assert compiled is not None
    for text in texts:
        try:
            node = grammar[start].match(text)
        except ParsimoniousError:
            node = None
        match = compiled.match(text)  # type: ignore[attr-defined]
        ends = (None if match is None else match.end(), None if node is None else node.end)
        assert ends[0] == ends[1], text
        if node is None:
            continue
        for name in groups:
            found: list[tuple[int, int]] = []
            stack = [node]
            while stack:
                item = stack.pop()
                if item.expr_name == name:
                    found.append((item.start, item.end))
                stack.extend(reversed(item.children))
            assert sorted(match.spans(group_name(name))) == sorted(found), (text, name)


def test_a_choice_commits_to_its_first_match() -> None:
    # PEG: "a" / "ab" never takes "ab"; then "c" fails on "abc", with no second try.
    _agree('s = ("a" / "ab") "c"\n', "s", ["ac", "abc", "ab", "c", ""])
    _agree('s = (~"a+" / "b") "a"\n', "s", ["aaa", "ba", "a"])


def test_loops_are_possessive_and_stop_at_the_end() -> None:
    _agree('s = ~"a"* "a"\n', "s", ["aaa", "a", ""])  # never matches: the loop keeps every a
    _agree('s = x+ y?\nx = ~"ab?"\ny = "b"\n', "s", ["abab", "aab", "b", "ab"], ("x", "y"))
    _agree('s = x* "."\nx = ~"a?"\n', "s", ["aa.", ".", "a", ""], ("x",))  # an empty turn ends it
    _agree('s = x? "."\nx = ~"a?"\n', "s", [".", "a.", ""], ("x",))


def test_lookaheads_and_literals() -> None:
    _agree('s = !"ab" ~"[a-z]+" &"."\n', "s", ["ac.", "ab.", "a", "a."])
    _agree('s = "a.b" "*"\n', "s", ["a.b*", "axb*"])


def test_groups_inside_loops_keep_every_match_and_drop_failed_tries() -> None:
    rules = 's = (t / u)*\nt = x "!"\nu = x "?"\nx = ~"[a-z]"\n'
    _agree(rules, "s", ["a!b?c!", "a?", "a", "a!b"], ("t", "u", "x"))


def test_every_terminal_matches_the_same_with_its_groups_renamed_or_plain(seed_text: str) -> None:
    """Each terminal of the grammar, as spliced into a combined regex, matches as it did."""
    samples = [seed_text, *(read_exact(p) for p in DOCUMENTS[:8])]
    checked = 0
    for name, expr in default_grammar().items():
        if not isinstance(expr, Regex):
            continue
        renamed = regex.compile(_groups_renamed(expr.re.pattern, name))
        plain = regex.compile(_groups_renamed(expr.re.pattern, ""))
        assert plain.groups == 0
        assert set(renamed.groupindex) == {group_name(name, g) for g in expr.re.groupindex}
        for text in samples:
            for pos in range(0, len(text), 97):
                want = expr.re.match(text, pos)
                for compiled in (renamed, plain):
                    got = compiled.match(text, pos)
                    assert (got and got.end()) == (want and want.end()), (name, pos)
                if want is not None:
                    for group in expr.re.groupindex:
                        got = renamed.match(text, pos)
                        assert got is not None
                        assert got.group(group_name(name, group)) == want.group(group), name
        checked += 1
    assert checked > 50


def test_groups_are_found_past_escapes_classes_and_lookbehinds() -> None:
    source = r"[(]a(b)[^]()]\(x\)(?<=y)(?<n>z)(?P<m>[)])(?:w)"
    assert _groups_renamed(source, "") == r"[(]a(?:b)[^]()]\(x\)(?<=y)(?:z)(?:[)])(?:w)"
    assert _groups_renamed(source, "r") == (
        r"[(]a(?:b)[^]()]\(x\)(?<=y)(?P<rule_r__n>z)(?P<rule_r__m>[)])(?:w)"
    )


def test_what_it_cannot_write_is_none() -> None:
    assert _compile('s = "a" s / "b"\n', "s")[1] is None  # recursive
    assert _compile('s = ~"a"i\n', "s")[1] is None  # its own flags
    assert _compile('s = ~"(a)\\\\1"\n', "s")[1] is None  # a back-reference
    assert _compile('s = "a"{2,}\n', "s")[1] is None  # a loop that must turn twice


# -- the parser's objects, built without their validators ----------------------


def _public(doc: archivedoc.Document) -> archivedoc.Document:
    """``doc`` built again with the public, checking constructors."""
    sections = [
        type(s)(s.text, label=s.label, before=s.before, after=s.after) for s in doc.sections
    ]
    return archivedoc.Document(
        doc.title,
        None if doc.date is None else doc.date.text,
        sections,
        doc.transcript.text,
        lead=doc.lead,
        has_heading=doc.has_heading,
        date_sep=doc.date_sep,
        heading_after=doc.heading_after,
        bom=doc.bom,
    )


@pytest.mark.parametrize("path", [SEED, *DOCUMENTS, *_corpus()], ids=lambda p: p.name)
def test_parsed_objects_equal_those_built_the_public_way(path: Path) -> None:
    doc = archivedoc.loads(read_exact(path))
    built = _public(doc)
    assert built == doc
    assert archivedoc.to_dict(built) == archivedoc.to_dict(doc)  # the derived parts too
    for mine, theirs in zip(doc.sections, built.sections, strict=True):
        assert type(mine) is type(theirs)
        assert attrs.asdict(mine, recurse=False) == attrs.asdict(theirs, recurse=False)


def test_unchecked_gives_the_defaults_and_refuses_unknown_fields() -> None:
    doc = Document._matched(lead="", sections=(Summary("Text."),), has_heading=False)
    assert (doc.title, doc.date, doc.date_sep, doc.heading_after) == ("", None, "", "")
    assert doc == archivedoc.Document(sections=[Summary("Text.")], lead="", has_heading=False)
    assert unchecked(Summary, {"text": "T", "before": "\n\n", "after": ""}).label == "Summary"
    with pytest.raises(TypeError, match="unknown fields"):
        unchecked(Summary, {"text": "T", "colour": "red"})
    with pytest.raises(TypeError, match="no value"):
        unchecked(Contributor, {"roles": ()})
    # A value of None is a value, not a missing one: the default does not replace it.
    assert unchecked(Contributor, {"name": "X", "roles": None}).roles is None
    with pytest.raises(ValueError, match="heading_after must end"):  # the joins are checked
        Document._matched(title="T", heading_after="", sections=(Summary("x"),))


def test_the_public_constructors_still_check() -> None:
    with pytest.raises(ValueError, match="section_text"):
        Summary("### Not a body:")
    with pytest.raises(TypeError, match="must be a str"):
        Summary(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="rule 'title'"):
        archivedoc.Document("two\nlines")


def test_a_section_too_long_for_the_regex_engine_is_read_by_parsimonious() -> None:
    # 1,500,000 lines of "[" in a summary outgrow the regex engine's own stack
    # (MemoryError inside regex from about 700,000): the document is read all the same.
    text = "\n\n## T\n\n### Summary:\n\nFirst.\n\n" + "[\n" * 1_500_000
    text += "\n### Contents:\n\n- E\n\nText."
    doc = archivedoc.loads(text, max_size=None)
    assert archivedoc.dumps(doc) == text
    assert doc.sections[0].text.count("[") == 1_500_000


def test_when_the_regex_engine_runs_out_of_memory_parsimonious_reads_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = archivedoc.to_dict(archivedoc.loads(SEED.read_text("utf-8")))

    class Exhausted:
        def match(self, text: str) -> None:
            raise MemoryError

    monkeypatch.setattr(parse, "rule_regex", lambda *args: Exhausted())
    assert archivedoc.to_dict(archivedoc.loads(SEED.read_text("utf-8"))) == expected


@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=4, unique=True))
def test_group_number_is_the_number_of_the_name_in_that_pattern(names: list[str]) -> None:
    """The cache is keyed by pattern equality: each pattern gets its own numbers."""
    from archivedoc._grammar_regex import group_number

    pattern = regex.compile("".join(f"(?P<{name}>{name})?" for name in names))
    reordered = regex.compile("".join(f"(?P<{name}>{name})?" for name in reversed(names)))
    for name in names:
        assert group_number(pattern, name) == pattern.groupindex[name]
        assert group_number(reordered, name) == len(names) - names.index(name)
        match = pattern.match("".join(names))
        assert match is not None
        assert match.group(group_number(pattern, name)) == name
