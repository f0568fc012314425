"""The compiled grammar's cache on disk: used when valid, never trusted blindly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from parsimonious.grammar import Grammar

from archivedoc import _grammar_cache
from archivedoc._grammar import _lean_grammar, grammar_text
from conftest import SEED

SMALL = 'greeting = "hello" ~r"[ ]+" name\nname = ~r"[A-Z][a-z]+"\n'


class Counting:
    """A compile function that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> Grammar:
        self.calls += 1
        return Grammar(text)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(_grammar_cache.ENV, str(folder))
    return folder


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("grammar-*.pickle"))


def test_a_grammar_is_compiled_once_then_loaded(cache: Path) -> None:
    compile_text = Counting()
    first = _grammar_cache.cached(SMALL, "plain", compile_text)
    second = _grammar_cache.cached(SMALL, "plain", compile_text)
    assert compile_text.calls == 1
    assert second is not first and second.parse("hello   World").text == "hello   World"
    [file] = _files(cache)
    assert file.stat().st_mode & 0o777 == 0o600  # the user's alone
    # Another text, or the same compiled another way, is another file.
    _grammar_cache.cached(SMALL + "other = name\n", "plain", compile_text)
    _grammar_cache.cached(SMALL, "lean", compile_text)
    assert compile_text.calls == 3 and len(_files(cache)) == 3


def test_the_cached_default_grammar_is_the_compiled_one(cache: Path) -> None:
    text = grammar_text()
    compiled = _grammar_cache.cached(text, "lean", _lean_grammar)
    loaded = _grammar_cache.cached(text, "lean", _lean_grammar)
    assert loaded is not compiled
    assert list(loaded) == list(compiled)
    assert [e.as_rule() for e in loaded.values()] == [e.as_rule() for e in compiled.values()]
    assert loaded.default_rule.name == compiled.default_rule.name
    seed = SEED.read_text(encoding="utf-8")
    assert _shape(loaded.parse(seed)) == _shape(compiled.parse(seed))


def _shape(node: Any) -> list[tuple[str, int, int]]:
    """Every node of a parse tree as (rule, start, end), depth first."""
    found, todo = [], [node]
    while todo:
        current = todo.pop()
        found.append((current.expr_name, current.start, current.end))
        todo.extend(reversed(current.children))
    return found


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_or_foreign_file_is_compiled_again_and_replaced(
    cache: Path, content: bytes
) -> None:
    compile_text = Counting()
    _grammar_cache.cached(SMALL, "plain", compile_text)
    [file] = _files(cache)
    file.write_bytes(content)  # truncated, garbage, a pickle of the int 1
    grammar = _grammar_cache.cached(SMALL, "plain", compile_text)
    assert compile_text.calls == 2 and isinstance(grammar, Grammar)
    assert file.read_bytes() != content
    assert _grammar_cache.cached(SMALL, "plain", compile_text) is not None
    assert compile_text.calls == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_file_others_may_write_is_not_loaded(cache: Path) -> None:
    compile_text = Counting()
    _grammar_cache.cached(SMALL, "plain", compile_text)
    [file] = _files(cache)
    file.chmod(0o666)
    _grammar_cache.cached(SMALL, "plain", compile_text)
    assert compile_text.calls == 2


def test_an_empty_variable_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(_grammar_cache.ENV, "")
    monkeypatch.chdir(tmp_path)
    assert _grammar_cache.folder() is None
    compile_text = Counting()
    _grammar_cache.cached(SMALL, "plain", compile_text)
    _grammar_cache.cached(SMALL, "plain", compile_text)
    assert compile_text.calls == 2 and not list(tmp_path.iterdir())


def test_a_folder_that_cannot_be_written_only_costs_the_compilation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(_grammar_cache.ENV, str(blocker / "cache"))
    compile_text = Counting()
    grammar = _grammar_cache.cached(SMALL, "plain", compile_text)
    assert grammar.parse("hello World") is not None and compile_text.calls == 1


def test_the_default_location_follows_the_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(_grammar_cache.ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    expected = {
        "win32": None,  # LOCALAPPDATA, checked below
        "darwin": Path.home() / "Library" / "Caches" / "archivedoc",
    }.get(sys.platform, tmp_path / "archivedoc")
    if sys.platform == "win32":
        monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
        expected = tmp_path / "archivedoc" / "Cache"
    assert _grammar_cache.folder() == expected


def test_only_the_newest_grammars_are_kept(cache: Path) -> None:
    compile_text = Counting()
    for n in range(_grammar_cache.LIMIT + 3):
        _grammar_cache.cached(SMALL + f"extra{n} = name\n", "plain", compile_text)
        newest = _files(cache)
        for age, file in enumerate(sorted(newest, key=lambda f: f.stat().st_mtime_ns)):
            os.utime(file, ns=(age, age))  # distinct times, the order kept
    assert len(_files(cache)) == _grammar_cache.LIMIT
    # The last one written is among them: asking again does not compile.
    calls, last = compile_text.calls, _grammar_cache.LIMIT + 2
    _grammar_cache.cached(SMALL + f"extra{last} = name\n", "plain", compile_text)
    assert compile_text.calls == calls


def test_a_command_fills_the_cache_and_the_next_one_uses_it(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env = {**os.environ, _grammar_cache.ENV: str(folder)}
    command = [sys.executable, "-m", "archivedoc", "check", str(SEED), "--jobs", "1"]
    first = subprocess.run(command, env=env, capture_output=True, check=False)
    assert first.returncode == 0, first.stderr
    assert len(_files(folder)) == 1
    # A new process builds the same grammar from the file: it compiles no rule's regex
    # (only the layout's one regex is made from the loaded rules, in _grammar_regex).
    count = (
        "import regex, sys, archivedoc; calls = []; original = regex.compile\n"
        "def counted(*a, **k):\n"
        "    if not sys._getframe(1).f_code.co_filename.endswith('_grammar_regex.py'):\n"
        "        calls.append(1)\n"
        "    return original(*a, **k)\n"
        "regex.compile = counted\n"
        "import parsimonious.expressions as e; e.re.compile = counted\n"
        f"archivedoc.loads(open({str(SEED)!r}, encoding='utf-8').read()); print(len(calls))"
    )
    again = subprocess.run(
        [sys.executable, "-c", count], env=env, capture_output=True, text=True, check=False
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "0"
    cold = subprocess.run(
        [sys.executable, "-c", count],
        env={**env, _grammar_cache.ENV: ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert int(cold.stdout.strip()) > 50  # without the cache every terminal is compiled
