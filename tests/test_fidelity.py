"""tools/fidelity.py: how found items are matched to annotated ones, on hand-made data."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("fidelity", ROOT / "tools" / "fidelity.py")
assert _spec is not None and _spec.loader is not None
fidelity = importlib.util.module_from_spec(_spec)
sys.modules["fidelity"] = fidelity  # dataclasses look their module up
_spec.loader.exec_module(fidelity)

Item = fidelity.Item

#: A small transcript in the archive's patterns (written for this test).
_DOC = (
    "\n\n## June 1, 1950 Record of a Conversation\n\n### Contents:\n\n- English Translation\n\n"
    "Present: Comrade Ivanov, Dr. [P.] Chen\n\n"
    "Comrade Ivanov: We welcome the delegation here.\n\n"
    "Dr. Chen said that his F[oreign] M[inistry] agreed [sic].\n\n"
    "\fThe Chancellor inquired about the loan [...]."
)


def test_match_takes_each_found_item_once_in_order() -> None:
    a1, a2 = Item(("x",), "a1"), Item(("x",), "a2")
    f1, f2 = Item(("x",), "f1"), Item(("y",), "f2")
    assert fidelity.match([a1, a2], [f1, f2]) == [(a1, f1), (a2, None)]


def test_score_counts_and_reports_the_near_item_found_instead() -> None:
    want = [Item(("Stalin", ("Yes.",)), "Stalin: Yes.", ("Yes.",))]
    got = [Item(("Molotov", ("Yes.",)), "Molotov: Yes.", ("Yes.",))]
    result = fidelity.Score()
    assert fidelity.score("d", want, got, result) == []
    assert (result.expected, result.found, result.matched) == (1, 1, 0)
    assert result.misses == [("d", "Stalin: Yes.", "Molotov: Yes.")]
    assert result.extras == [("d", "Molotov: Yes.")]
    assert (result.recall, result.precision) == (0.0, 0.0)


def test_keys_ignore_what_does_not_change_who_or_what() -> None:
    assert fidelity.speaker_key("The  Chancellor") == fidelity.speaker_key("chancellor")
    assert fidelity.speaker_key("Comrade Stalin") != fidelity.speaker_key("Stalin")
    assert fidelity.name_key("[Soviet\ntranslator N.T.] Fedorenko") == "fedorenko"
    assert fidelity.name_key("I.V. Stalin.") == "i.v. stalin"
    assert fidelity.tokens("2. I  said\nthat our side", 3) == ("2.", "I", "said")


def test_locate_finds_each_mark_after_the_one_before() -> None:
    assert fidelity.locate("[a] [b] [a]", ["[a]", "[a]", "[c]"]) == [0, 8, None]


def _annotations(**changes: object) -> dict[str, object]:
    note: dict[str, object] = {
        "turns": [{"speaker": "Comrade Ivanov", "starts": "We welcome the delegation here."}],
        "reported_turns": [
            {"speaker": "Dr. Chen", "starts": "Dr. Chen said that his"},
            {"speaker": "The Chancellor", "starts": "The Chancellor inquired about the"},
        ],
        "participants": [
            {"title": "Comrade", "name": "Ivanov"},
            {"title": "Dr.", "name": "[P.] Chen"},
        ],
        "fields": [],
        "page_markers": ["\f"],
        "footnotes": {"refs": [], "definitions": []},
        "brackets": [
            {"text": "P.", "kind": "name"},
            {"text": "oreign", "kind": "expansion"},
            {"text": "inistry", "kind": "expansion"},
            {"text": "sic", "kind": "sic"},
            {"text": "...", "kind": "elision"},
        ],
    }
    note.update(changes)
    return {"doc": note}


def _run(tmp_path: Path, notes: dict[str, object], *args: str) -> int:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "doc.md").write_text(_DOC, encoding="utf-8")
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(notes), encoding="utf-8")
    return int(fidelity.main(["--annotations", str(path), *args]))


def test_a_document_read_as_annotated_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(tmp_path, _annotations()) == 0
    out = capsys.readouterr().out
    assert "| reported speech | 2 | 2 | 2 | 100.0% | 100.0% |" in out
    assert "| bracket kinds that agree | 5 | 5 | 5 | 100.0% | 100.0% |" in out
    assert "miss" not in out


def test_misses_fail_the_threshold_and_are_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = _annotations(
        turns=[{"speaker": "Comrade Petrov", "starts": "We welcome the delegation here."}],
        brackets=[{"text": "P.", "kind": "supplied"}, {"text": "oreign", "kind": "expansion"}],
        fields=[{"label": "Date", "value": "June 1, 1950"}],
    )
    assert _run(tmp_path, notes) == 1
    captured = capsys.readouterr()
    assert "- miss doc: expected 'Comrade Petrov': 'We welcome the delegation here.'; " in (
        captured.out
    )
    assert "found 'Comrade Ivanov': 'We welcome the delegation here.'" in captured.out
    assert "expected '[P.]' at " in captured.out and "as supplied; found name" in captured.out
    assert "+ extra doc: '[sic]' at" in captured.out
    assert "below threshold: script_turns.recall 0.0% < 97%" in captured.err
    assert "below threshold: fields.recall 0.0% < 90%" in captured.err


def test_thresholds_can_be_lowered_and_bad_ones_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = _annotations(fields=[{"label": "Date", "value": "June 1, 1950"}])
    assert _run(tmp_path, notes, "--threshold", "fields.recall=0", "--summary") == 0
    assert "## " not in capsys.readouterr().out
    with pytest.raises(SystemExit):
        _run(tmp_path, notes, "--threshold", "nothing.recall=1")
    assert _run(tmp_path, {"missing": {}}) == 2
