"""The command line, driven as a user drives it: the real command in a subprocess.

Exit codes, what goes to stdout and what to stderr, standard input,
archives, Ctrl-C, a closed pipe, a cp1252 terminal, the progress bar on a
pseudo-terminal and not in a pipe, and the same results on one process or
two over the real corpus.
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

import archivedoc
from archivedoc._cli import build_parser, main
from conftest import DOCUMENTS, SEED, SHARED

CORPUS = SHARED / "corpus" / "docs"
BAD = "## T\n\n### Summary:\n\nx\n\n## again\n"
# Our own document in Cyrillic, for terminals that cannot show it.
RUSSIAN = (
    "## June 30, 1945 Встреча в Москве\n\n### Original Language:\n\nRussian\n\n"
    "### Contents:\n\n- Translation - English\n\nСталин: Текст.\n"  # noqa: RUF001
)
RUSSIAN_BAD = "## June 30, 1945 Встреча\n\n## Снова\n"


def run(
    *args: str | Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "archivedoc", *map(str, args)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def _folder(root: Path, copies: int = 1) -> Path:
    root.mkdir(exist_ok=True)
    for n in range(copies):
        (root / f"seed-{n:04d}.md").write_bytes(SEED.read_bytes())
    (root / "bad.MD").write_text(BAD, encoding="utf-8")
    return root


# -- exit codes and the stdout/stderr split --------------------------------------


def test_check_reports_failures_on_stdout_and_the_summary_on_stderr(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "docs")
    result = run("check", folder)
    assert result.returncode == 1
    # One line per failure, the position once, the upper-case .MD read too.
    assert result.stdout.decode() == (
        f"{folder / 'bad.MD'}:7:1: expected a section header '### <Label>:' "
        "(a document has one '## ' heading)\n"
    )
    assert result.stderr.decode() == "1 passed, 1 failed\n"


def test_check_exit_codes_are_distinct(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_bytes(SEED.read_bytes())
    assert run("check", good).returncode == 0
    (tmp_path / "empty").mkdir()
    nothing = run("check", tmp_path / "empty")
    assert nothing.returncode == 2 and b"nothing to read" in nothing.stderr
    missing = run("check", good, tmp_path / "nope.md")
    assert missing.returncode == 2
    assert b"nope.md: no such file or folder" in missing.stderr and missing.stdout == b""
    assert run("check").returncode == 2
    assert run("check", good, "--jobs", "many").returncode == 2
    assert run("frobnicate").returncode == 2


def test_check_json_lines_carry_every_diagnostic(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "docs")
    result = run("check", folder, tmp_path / "nope.md", "--format", "json")
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(d["kind"], d["line"], d["column"]) for d in lines] == [("parse", 7, 1), ("io", 0, 0)]
    assert lines[0]["file"] == str(folder / "bad.MD")
    assert result.returncode == 2


def test_check_points_at_the_first_change_of_a_round_trip() -> None:
    # A correct parser never changes the text; the check is fed a changed one.
    from archivedoc._sources import Source
    from archivedoc._tasks import check_one

    text = SEED.read_text(encoding="utf-8")
    doc = archivedoc.loads(text)
    source = Source("seed.txt", "seed.txt")
    assert check_one(source, doc, None, text.encode("utf-8")) is None
    changed = text.replace("Soong", "Sung", 1)
    at = changed.index("Sung") + 1
    found = check_one(source, doc, None, changed.encode("utf-8"))
    assert found is not None and found.kind == "round_trip"
    assert (found.line, found.column) == (
        changed.count("\n", 0, at) + 1,
        at - changed.rfind("\n", 0, at),
    )


def test_strict_rejects_unknown_sections(tmp_path: Path) -> None:
    odd = tmp_path / "odd.md"
    odd.write_text("## 1945 T\n\n### Odd:\n\nx\n\n### Contents:\n\n- Original\n\nText.\n")
    assert run("check", odd).returncode == 0
    strict = run("check", odd, "--strict")
    assert strict.returncode == 1 and strict.stdout.startswith(f"{odd}:".encode())


def test_max_size_refuses_large_files(tmp_path: Path) -> None:
    result = run("check", SEED, "--max-size", "1K")
    assert result.returncode == 1
    assert b"document too large" in result.stdout
    assert run("check", SEED, "--max-size", "none").returncode == 0
    assert run("check", SEED, "--max-size", "lots").returncode == 2


def test_help_shows_examples_and_exit_codes() -> None:
    for command in ("check", "show", "convert", "stats"):
        result = run(command, "--help")
        assert result.returncode == 0
        text = result.stdout.decode()
        assert "examples:" in text and f"archivedoc {command}" in text
        assert "exit codes:" in text and "130" in text and "--jobs" in text


# -- standard input and archives -------------------------------------------------


def test_standard_input_is_read_with_a_dash_or_by_show_alone() -> None:
    data = SEED.read_bytes()
    checked = run("check", "-", stdin=data)
    assert checked.returncode == 0 and checked.stderr == b"1 passed, 0 failed\n"
    shown = run("show", stdin=data)
    assert shown.returncode == 0
    assert json.loads(shown.stdout)["title"] == "Meeting between Marshal Stalin and Dr. Soong"
    bad = run("check", "-", stdin=BAD.encode())
    assert bad.returncode == 1 and bad.stdout.startswith(b"<stdin>:7:1: ")


def test_archives_are_checked_and_converted_member_by_member(tmp_path: Path) -> None:
    archive = tmp_path / "docs.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("in/seed.md", SEED.read_bytes())
        zf.writestr("in/other.TXT", DOCUMENTS[0].read_bytes())
        zf.writestr("in/bad.md", BAD)
    checked = run("check", archive)
    assert checked.returncode == 1
    assert checked.stdout.decode().startswith(f"{archive}/in/bad.md:7:1: ")
    out = tmp_path / "out"
    converted = run("convert", archive, "--to", "json", "-o", f"{out}/")
    assert converted.returncode == 1  # the bad member
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert written == ["in", "in/other.json", "in/seed.json"]
    data = json.loads((out / "in" / "seed.json").read_text(encoding="utf-8"))
    assert archivedoc.from_dict(data) == archivedoc.loads(SEED.read_text(encoding="utf-8"))


# -- show, convert, stats ---------------------------------------------------------


def test_show_prints_indented_json_or_json_lines(tmp_path: Path) -> None:
    one = run("show", SEED)
    doc = archivedoc.loads(SEED.read_text(encoding="utf-8"))
    expected = json.dumps(archivedoc.to_dict(doc), indent=2, ensure_ascii=False) + "\n"
    assert one.returncode == 0 and one.stdout == expected.encode("utf-8")
    lines = run("show", SEED, DOCUMENTS[0], "--compact").stdout.decode().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["schema"] == 1 for line in lines)


def test_show_reports_a_bad_file_with_a_caret_and_no_doubled_position(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("\n\n## Title\n\n### Broken\n", encoding="utf-8")
    result = run("show", bad)
    assert result.returncode == 1 and result.stdout == b""
    err = result.stderr.decode()
    assert err.startswith(f"{bad}:5:1: expected a section header")
    assert "(line 5" not in err and "    ^" in err


def test_convert_md_gives_the_bytes_back_and_json_jsonl_csv_read_back(tmp_path: Path) -> None:
    md = run("convert", SEED, "--to", "md")
    assert md.returncode == 0 and md.stdout == SEED.read_bytes()
    inputs = [SEED, *DOCUMENTS[:3]]
    expected = [archivedoc.to_dict(archivedoc.load(io.BytesIO(p.read_bytes()))) for p in inputs]
    as_json = run("convert", *inputs, "--to", "json")
    assert json.loads(as_json.stdout) == expected
    as_jsonl = run("convert", *inputs, "--to", "jsonl").stdout.decode().splitlines()
    assert [json.loads(line) for line in as_jsonl] == expected
    target = tmp_path / "all.csv"
    assert run("convert", *inputs, "--to", "csv", "-o", target).returncode == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [row["file"] for row in rows] == [str(p) for p in inputs]
    assert rows[0]["edtf"] == "1945-06-30" and "None" not in target.read_text(encoding="utf-8")
    several = run("convert", *inputs, "--to", "md")
    assert several.returncode == 2 and b"--output FOLDER/" in several.stderr
    assert run("convert", SEED, "--to", "nope").returncode == 2


def test_stats_counts_the_corpus(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "docs", copies=3)
    result = run("stats", folder, "--format", "json")
    assert result.returncode == 1  # the bad document
    data = json.loads(result.stdout)
    assert data["documents"] == 3 and data["failures"] == 1
    assert data["dates"]["decades"] == {"1940s": 3}
    seed = archivedoc.loads(SEED.read_text(encoding="utf-8"))
    assert data["languages"] == {f"{lang.name} ({lang.code})": 3 for lang in seed.languages}
    assert data["sections"]["Citation"] == 3
    assert data["structure"]["turns"] == 3 * len(seed.transcript.turns) > 0
    text = run("stats", folder).stdout.decode()
    assert "documents: 3 read, 1 failed" in text and "documents per decade:" in text


# -- signals, pipes, encodings, terminals ------------------------------------------


def test_ctrl_c_while_reading_stdin_exits_130_without_a_traceback() -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "archivedoc", "check", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_until_reading_a_pipe(child.pid)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=_PATIENCE)
    assert child.returncode == 130
    assert err == b"archivedoc: interrupted\n" and out == b""


#: Seconds a child is given to get ready, or to end: far more than it needs
#: on a loaded machine (two cores shared by several suites); a test waits for
#: a sign from the child, never for a fixed time.
_PATIENCE = 180


def _wait_until_reading_a_pipe(pid: int) -> None:
    """Until the process is blocked reading a pipe (its kernel wait channel says so)."""
    wchan = Path(f"/proc/{pid}/wchan")
    deadline = time.monotonic() + _PATIENCE
    while time.monotonic() < deadline:
        if "pipe_read" in wchan.read_text():
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} never read its standard input")


def _first_line(child: subprocess.Popen[bytes]) -> bytes:
    """What the child writes on stdout (unbuffered) up to its first line end, or all of it.

    Waits at most _PATIENCE seconds: a child that hangs fails the test
    instead of holding the suite.
    """
    assert child.stdout is not None
    seen = b""
    deadline = time.monotonic() + _PATIENCE
    while b"\n" not in seen:
        left = deadline - time.monotonic()
        ready, _, _ = select.select([child.stdout], [], [], max(left, 0))
        if not ready:
            raise AssertionError(f"no line from the child in {_PATIENCE} s: {seen!r}")
        chunk = os.read(child.stdout.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
    return seen


def _parallel_check_at_work(tmp_path: Path) -> tuple[subprocess.Popen[bytes], list[_Process]]:
    """``check --jobs 2`` over 3,000 documents, once its workers are at work, and the workers."""
    folder = _folder(tmp_path / "docs", copies=3000)
    child = subprocess.Popen(
        [sys.executable, "-m", "archivedoc", "check", folder, "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,  # _first_line reads the pipe itself
    )
    # The bad document sorts first: its diagnostic says the workers are at work
    # (forked, both of them, when the first chunk was submitted).
    assert _first_line(child).startswith(str(folder / "bad.MD").encode())
    return child, _children(child.pid)


def test_ctrl_c_during_a_parallel_check_stops_the_workers(tmp_path: Path) -> None:
    child, workers = _parallel_check_at_work(tmp_path)
    assert len(workers) == 2
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=_PATIENCE)
    assert child.returncode == 130, err
    assert b"Traceback" not in err and err.endswith(b"archivedoc: interrupted\n")
    assert _still_alive(workers) == []


def test_a_worker_killed_from_outside_ends_the_command_with_an_error(tmp_path: Path) -> None:
    child, workers = _parallel_check_at_work(tmp_path)
    assert len(workers) == 2
    os.kill(workers[0][0], signal.SIGKILL)
    _, err = child.communicate(timeout=_PATIENCE)  # multiprocessing.Pool waited here for ever
    assert child.returncode == 3, err
    assert b"Traceback" not in err
    assert err.startswith(b"archivedoc: a worker process ended abruptly (killed, or out of memory")
    assert _still_alive(workers) == []


_SPAWNED = """
import multiprocessing, sys
from archivedoc._cli import main
if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    sys.exit(main(sys.argv[1:]))
"""


def test_spawned_workers_give_the_same_results_as_one_process(tmp_path: Path) -> None:
    # The start method of macOS and Windows: workers import archivedoc again and
    # get the work by pickle; a program that chose it is obeyed on Linux too.
    folder = _folder(tmp_path / "docs", copies=40)
    for document in DOCUMENTS:
        (folder / document.name).write_bytes(document.read_bytes())
    script = tmp_path / "spawned.py"
    script.write_text(_SPAWNED, encoding="utf-8")
    for command in (["check"], ["stats", "--format", "json"], ["convert", "--to", "jsonl"]):
        one = run(*command, folder, "--jobs", "1")
        spawned = subprocess.run(
            [sys.executable, script, *command, folder, "--jobs", "2"],
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert spawned.returncode == one.returncode == 1, spawned.stderr
        assert spawned.stdout == one.stdout and spawned.stderr == one.stderr
        assert one.stdout


#: A process: its pid and its start time (a pid alone may be reused once it ends).
_Process = tuple[int, str]


def _started(pid: int) -> str | None:
    """When the process started (field 22 of /proc/PID/stat, after its name), or None if gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def _children(pid: int) -> list[_Process]:
    found: list[_Process] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            children = (task / "children").read_text().split()
        except OSError:  # a thread that ended meanwhile (the executor's threads come and go)
            continue
        for child in map(int, children):
            started = _started(child)
            if started is not None:
                found.append((child, started))
    return found


def _alive(process: _Process) -> bool:
    """The process runs (a zombie does not; nor another process that got its pid)."""
    pid, started = process
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status and _started(pid) == started


def _still_alive(processes: list[_Process]) -> list[_Process]:
    """The processes that have not ended after _PATIENCE seconds (at once if none runs)."""
    deadline = time.monotonic() + _PATIENCE
    while (alive := [p for p in processes if _alive(p)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "docs", copies=60)  # far more than a pipe's buffer
    child = subprocess.Popen(
        [sys.executable, "-m", "archivedoc", "show", folder, "--compact"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,  # _first_line reads the pipe itself
    )
    assert child.stdout is not None and child.stderr is not None
    assert _first_line(child).startswith(b"{")
    child.stdout.close()  # like `| head -1`
    err = child.stderr.read()
    child.stderr.close()
    assert child.wait(timeout=_PATIENCE) == 141
    assert b"Traceback" not in err and b"Error" not in err


def test_a_cp1252_terminal_gets_lossless_json_and_readable_messages(tmp_path: Path) -> None:
    good, bad = tmp_path / "ru.md", tmp_path / "ru-bad.md"
    good.write_text(RUSSIAN, encoding="utf-8")
    bad.write_text(RUSSIAN_BAD, encoding="utf-8")
    env = {"PYTHONIOENCODING": "cp1252"}
    shown = run("show", good, env=env)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout.decode("cp1252"))["title"] == "Встреча в Москве"
    failed = run("show", bad, env=env)
    assert failed.returncode == 1 and b"Traceback" not in failed.stderr
    assert "## \\u0421\\u043d\\u043e\\u0432\\u0430" in failed.stderr.decode("cp1252")
    stats = run("stats", good, env=env)
    assert stats.returncode == 0 and b"Russian (ru)" in stats.stdout
    # Converted data stays UTF-8 whatever the terminal: it is a file format.
    assert run("convert", good, "--to", "md", env=env).stdout == RUSSIAN.encode("utf-8")


def _on_a_terminal(args: list[str]) -> tuple[int, bytes, bytes]:
    """Run with standard error on a pseudo-terminal; returns exit code, stdout, terminal."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    child = subprocess.Popen(
        [sys.executable, "-m", "archivedoc", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
    )
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    out, _ = child.communicate(timeout=60)
    return child.returncode, out, seen


def test_the_progress_bar_is_drawn_on_a_terminal_only(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "docs", copies=40)
    code, out, terminal = _on_a_terminal(["check", str(folder), "--jobs", "2"])
    assert code == 1 and out.startswith(str(folder).encode())
    assert b"0/41 [" in terminal and b"doc/s" in terminal  # tqdm: done/total, rate
    piped = run("check", folder, "--jobs", "2")
    assert piped.stderr == b"40 passed, 1 failed\n"  # no bar in a pipe
    never = _on_a_terminal(["check", str(folder), "--progress", "never"])[2]
    assert b"/41 [" not in never and b"40 passed, 1 failed" in never


# -- one process or two: the same results on the real corpus -------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--format", "json"],
        ["show", "--compact"],
        ["stats", "--format", "json"],
        ["convert", "--to", "jsonl"],
    ],
)
def test_results_are_identical_with_one_or_two_jobs(command: list[str], tmp_path: Path) -> None:
    # The real corpus, the seed and one bad document of ours, on one process and on two.
    bad = tmp_path / "bad.md"
    bad.write_text(BAD, encoding="utf-8")
    results: list[Any] = []
    for jobs in ("1", "2"):
        result = run(*command, CORPUS, SEED, bad, "--jobs", jobs)
        assert result.returncode == 1, result.stderr
        results.append((result.stdout, result.stderr))
    assert results[0] == results[1]
    assert results[0][0] and results[0][1]  # something was written to both
    if command[0] == "check":
        assert results[0][1].endswith(
            f"{len(list(CORPUS.glob('*.md'))) + 1} passed, 1 failed\n".encode()
        )


# -- in-process: the parser and a dialect -------------------------------------------


def test_the_parser_has_every_command() -> None:
    parser = build_parser()
    help_text = parser.format_help()
    for command in ("check", "show", "convert", "stats"):
        assert command in help_text


def test_a_dialect_is_named_as_module_and_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.md"
    page.write_text("\n\n# 1958 Title\n\n### Text:\n\nThe text.", encoding="utf-8")
    assert main(["check", str(page)]) == 1
    assert main(["check", "--dialect", "archivedoc.dialects.library:LIBRARY", str(page)]) == 0
    assert main(["show", "--dialect", "archivedoc.dialects.library:LIBRARY", str(page)]) == 0
    assert '"kind": "text"' in capsys.readouterr().out
    for bad in ("archivedoc.dialects.library:NOPE", "archivedoc:Document", "nope:X"):
        with pytest.raises(SystemExit):
            main(["check", "--dialect", bad, str(page)])


def test_jobs_default_to_every_core() -> None:
    assert build_parser().parse_args(["check", "x"]).jobs == len(os.sched_getaffinity(0))
    assert build_parser().parse_args(["check", "x", "-j", "1"]).jobs == 1


def test_convert_offers_every_format_of_the_export_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[bytes]
) -> None:
    # A stand-in for the export registry: convert offers whatever it holds.
    from archivedoc import _formats
    from archivedoc.export import Format

    def titles(docs: Any) -> str:
        return "".join(f"{name}: {doc.title}\n" for name, doc in docs)

    registry = {
        "title": Format("title", ".title.txt", False, lambda doc: doc.title + "\n", titles),
        "upper": Format("upper", ".up", True, lambda doc: doc.title.upper().encode(), None),
        "json": Format("json", ".json", False, lambda doc: "not ours", None),
    }
    monkeypatch.setattr(_formats, "FORMATS", registry)
    title = archivedoc.loads(SEED.read_text(encoding="utf-8")).title
    assert main(["convert", str(SEED), str(SEED), "--to", "title", "-j", "1"]) == 0
    assert capfd.readouterr().out == f"{SEED}: {title}\n{SEED}: {title}\n"
    assert main(["convert", str(SEED), "--to", "upper", "-j", "1"]) == 0
    assert capfd.readouterr().out == title.upper()
    assert main(["convert", str(SEED), "--to", "upper", "-o", f"{tmp_path}/", "-j", "1"]) == 0
    assert (tmp_path / "000_166951fa67b74f81.up").read_bytes() == title.upper().encode()
    assert main(["convert", str(SEED), "--to", "json", "-j", "1"]) == 0  # ours wins
    assert json.loads(capfd.readouterr().out)[0]["title"] == title
    assert main(["convert", str(SEED), "--to", "csv", "-j", "1"]) == 2  # not in this registry


def _needs_an_extra(data: bytes, options: Any) -> archivedoc.Document:
    raise ImportError("reading .needs files needs the 'needs' extra: pip install archivedoc[needs]")


def test_a_reader_without_its_extra_stops_with_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from archivedoc.batch import READERS

    monkeypatch.setitem(READERS, ".needs", _needs_an_extra)
    (tmp_path / "a.needs").write_bytes(b"%binary")
    assert main(["check", str(tmp_path), "-j", "1"]) == 2
    assert "pip install archivedoc[needs]" in capsys.readouterr().err


def test_an_output_that_cannot_be_written_is_an_io_error(tmp_path: Path) -> None:
    result = run("convert", SEED, "--to", "jsonl", "-o", tmp_path / "no" / "such" / "x.jsonl")
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert b"No such file or directory" in result.stderr


# -- the export registry (archivedoc.export), through convert ------------------------


def test_convert_to_csv_is_the_export_registry_table(tmp_path: Path) -> None:
    from archivedoc.export.tables import DOCUMENT_COLUMNS

    inputs = [SEED, *DOCUMENTS[:3]]
    target = tmp_path / "documents.csv"
    result = run("convert", *inputs, "--to", "csv", "-o", target, "--jobs", "2")
    assert result.returncode == 0, result.stderr
    with target.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == DOCUMENT_COLUMNS
    assert [row["file"] for row in rows] == [str(p) for p in inputs]
    assert rows[0]["edtf"] == "1945-06-30"


def test_convert_to_xml_formats_one_document_or_a_folder(tmp_path: Path) -> None:
    from xml.etree import ElementTree

    tei = run("convert", SEED, "--to", "tei")
    assert tei.returncode == 0, tei.stderr
    root = ElementTree.fromstring(tei.stdout)
    assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    title = archivedoc.loads(SEED.read_text(encoding="utf-8")).title
    assert title in "".join(root.itertext())
    several = run("convert", SEED, DOCUMENTS[0], "--to", "tei")
    assert several.returncode == 2 and several.stdout == b""
    archive = tmp_path / "docs.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a/seed.md", SEED.read_bytes())
        zf.writestr("a/other.md", DOCUMENTS[0].read_bytes())
    out = tmp_path / "dc"
    assert run("convert", archive, "--to", "dc", "-o", f"{out}/").returncode == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.xml"))
    assert written == ["a/other.xml", "a/seed.xml"]
    record = ElementTree.parse(out / "a" / "seed.xml").getroot()
    assert record.tag == "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"
    assert record.findtext("{http://purl.org/dc/elements/1.1/}title") == title


def test_convert_to_a_binary_format_writes_bytes(tmp_path: Path) -> None:
    target = tmp_path / "documents.parquet"
    result = run("convert", SEED, *DOCUMENTS[:2], "--to", "parquet", "-o", target)
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    assert data[:4] == b"PAR1" and data[-4:] == b"PAR1"
