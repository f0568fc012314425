"""archivedoc.batch: many documents, in order, streaming, the same on any number of processes."""

from __future__ import annotations

import io
import itertools
import os
import signal
import tarfile
import threading
import zipfile
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

import archivedoc
from archivedoc import DEFAULT, DocumentTooLargeError, ParseError, _pool
from archivedoc._sources import count, expand
from archivedoc.batch import READERS, ReadOptions, load_many, loads_many, register_reader
from conftest import DOCUMENTS, SEED, SHARED

CORPUS = SHARED / "corpus" / "docs"
BAD = "## T\n\n### Summary:\n\nx\n\n## again\n"


def _tree(root: Path) -> Path:
    """A folder with documents in subfolders, upper-case suffixes, a bad one and noise."""
    (root / "b").mkdir(parents=True)
    (root / "a.md").write_bytes(SEED.read_bytes())
    (root / "b" / "c.TXT").write_bytes(DOCUMENTS[0].read_bytes())
    (root / "b" / "d.Md").write_text(BAD, encoding="utf-8")
    (root / "notes.json").write_text("{}", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.md").write_text(BAD, encoding="utf-8")
    return root


def test_a_folder_is_read_in_name_order_with_any_case_of_suffix(tmp_path: Path) -> None:
    results = list(load_many(_tree(tmp_path)))
    assert [Path(r.source).relative_to(tmp_path).as_posix() for r in results] == [
        "a.md",
        "b/c.TXT",
        "b/d.Md",
    ]
    assert [r.ok for r in results] == [True, True, False]
    assert isinstance(results[2].error, ParseError) and results[2].error.lineno == 7
    assert results[0].document == archivedoc.loads(SEED.read_text(encoding="utf-8"))


def test_results_are_the_same_whatever_jobs_is(tmp_path: Path) -> None:
    # Enough documents for several chunks, so that two processes really run.
    for n in range(40):
        source = DOCUMENTS[n % len(DOCUMENTS)]
        (tmp_path / f"{n:03d}.md").write_bytes(source.read_bytes())
    (tmp_path / "017.md").write_text(BAD, encoding="utf-8")
    one = list(load_many([tmp_path], jobs=1))
    two = list(load_many([tmp_path], jobs=2))
    assert [r.source for r in one] == [r.source for r in two]
    assert [r.document for r in one] == [r.document for r in two]
    assert [str(r.error) for r in one] == [str(r.error) for r in two]
    assert one[17].error is not None and two[17].error is not None
    # A document read on another process still belongs to the very same dialect.
    assert all(r.document.dialect is DEFAULT for r in two if r.document is not None)


def test_the_real_corpus_reads_the_same_on_two_processes() -> None:
    one = list(load_many([CORPUS], jobs=1))
    two = list(load_many([CORPUS], jobs=2))
    assert len(one) == len(list(CORPUS.glob("*.md"))) >= 20
    assert all(r.ok for r in one)
    assert [(r.source, r.document) for r in one] == [(r.source, r.document) for r in two]


def test_spawned_workers_read_the_same_as_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # macOS and Windows spawn: the work, the options and the dialect go by pickle.
    monkeypatch.setattr(_pool, "start_method", lambda: "spawn")
    one = list(load_many([CORPUS], jobs=1))
    spawned = list(load_many([CORPUS], jobs=2))
    assert [(r.source, r.document) for r in one] == [(r.source, r.document) for r in spawned]
    # Put back as the parent's own dialect, not a copy of it.
    assert all(r.document is not None and r.document.dialect is DEFAULT for r in spawned)


def test_chunks_grow_to_their_size_and_end_early_at_the_byte_budget() -> None:
    sizes = [len(part) for part in _pool._chunks(iter(range(300)), 64, None)]
    assert sizes == [8, 16, 32, 64, 64, 64, 52]
    big = _pool.BUDGET // 3 + 1  # three such items are over the budget
    parts = list(_pool._chunks(iter([big] * 7), 64, lambda n: n))
    assert [len(part) for part in parts] == [3, 3, 1]
    assert [item for part in parts for item in part] == [big] * 7


def _die(data: bytes, options: ReadOptions) -> archivedoc.Document:
    """A reader whose process is killed, as by the system when memory runs out."""
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("not reached")


def test_a_worker_that_dies_fails_the_batch_instead_of_hanging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(READERS, ".die", _die)
    for n in range(60):
        (tmp_path / f"{n:03d}.md").write_bytes(SEED.read_bytes())
    (tmp_path / "040.die").write_bytes(b"")
    read = []
    with pytest.raises(BrokenProcessPool, match="worker process ended abruptly"):
        read.extend(load_many([tmp_path], jobs=2))
    # What was handed out before is right; nothing at or after the death is.
    assert len(read) <= 40 and all(r.ok for r in read)
    # The next batch starts new workers: nothing is left broken.
    (tmp_path / "040.die").unlink()
    assert sum(r.ok for r in load_many([tmp_path], jobs=2)) == 60


def test_results_stream_and_inputs_are_not_read_ahead() -> None:
    text = SEED.read_text(encoding="utf-8")
    pulled = 0

    def texts() -> Iterator[str]:
        nonlocal pulled
        for _ in range(100_000):
            pulled += 1
            yield text

    results = loads_many(texts(), jobs=2)
    first = list(itertools.islice(results, 3))
    results.close()
    assert [r.source for r in first] == ["<text 1>", "<text 2>", "<text 3>"]
    assert all(r.ok for r in first)
    # A bounded window is in flight, not the whole input.
    assert pulled < 1_000


def test_texts_are_named_by_number_or_as_given() -> None:
    results = list(loads_many(["## 1945 A title\n", ("mine.md", "### Broken\n")]))
    assert [r.source for r in results] == ["<text 1>", "mine.md"]
    assert results[0].document is not None and results[0].document.title == "A title"
    assert isinstance(results[1].error, ParseError)


def test_zip_and_tar_archives_are_read_member_by_member(tmp_path: Path) -> None:
    members = {"x/a.md": SEED.read_bytes(), "x/B.TXT": BAD.encode(), "x/readme.json": b"{}"}
    with zipfile.ZipFile(tmp_path / "docs.zip", "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with tarfile.open(tmp_path / "docs.tar.gz", "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    for archive_name in ("docs.zip", "docs.tar.gz"):
        results = list(load_many([tmp_path / archive_name]))
        assert [r.source for r in results] == [
            f"{tmp_path / archive_name}/x/a.md",
            f"{tmp_path / archive_name}/x/B.TXT",
        ]
        assert [r.ok for r in results] == [True, False]


def test_a_damaged_archive_and_a_missing_path_are_results_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "ok.md").write_bytes(SEED.read_bytes())
    results = list(load_many([tmp_path / "broken.zip", tmp_path / "nope.md", tmp_path / "ok.md"]))
    assert [type(r.error) for r in results[:2]] == [OSError, FileNotFoundError]
    assert results[2].ok


def test_a_glob_matches_documents(tmp_path: Path) -> None:
    _tree(tmp_path)
    names = [Path(r.source).name for r in load_many(f"{tmp_path}/**/*.*")]
    assert names == ["a.md", "c.TXT", "d.Md"]
    (empty,) = load_many(f"{tmp_path}/*.nothing")
    assert isinstance(empty.error, FileNotFoundError)


def test_max_size_refuses_a_file_before_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(SEED.read_bytes())
    (result,) = load_many(big, max_size=1000)
    assert isinstance(result.error, DocumentTooLargeError)
    assert result.error.size == big.stat().st_size  # the size on disk, not bytes read
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("big.md", SEED.read_bytes())
    (member,) = load_many(tmp_path / "a.zip", max_size=1000)
    assert isinstance(member.error, DocumentTooLargeError)
    (text,) = loads_many(["x" * 2000], max_size=1000)
    assert isinstance(text.error, DocumentTooLargeError)


def test_strict_and_dialect_are_passed_to_every_document(tmp_path: Path) -> None:
    from archivedoc.dialects.library import LIBRARY

    page = "\n\n# 1958 Title\n\n### Text:\n\nThe text."
    (plain,) = loads_many([page])
    assert not plain.ok
    results = list(loads_many([page] * 40, dialect=LIBRARY, jobs=2))
    assert all(r.document is not None and r.document.dialect is LIBRARY for r in results)
    odd = "## 1945 T\n\n### Odd:\n\nx\n\n### Contents:\n\n- Original\n\nText."
    assert next(loads_many([odd])).ok
    assert not next(loads_many([odd], strict=True)).ok


def _upper(data: bytes, options: ReadOptions) -> archivedoc.Document:
    return archivedoc.loads(data.decode("utf-8").upper(), dialect=options.dialect)


def test_a_registered_reader_reads_its_suffix_in_folders(tmp_path: Path) -> None:
    (tmp_path / "a.up").write_text("## 1945 a title\n", encoding="utf-8")
    assert list(load_many(tmp_path)) == []
    register_reader(".UP", _upper)
    try:
        (result,) = load_many(tmp_path, jobs=2)
        assert result.document is not None and result.document.title == "A TITLE"
    finally:
        del READERS[".up"]
    with pytest.raises(ValueError, match="starts with a dot"):
        register_reader("pdf", _upper)


def test_the_batch_names_are_public_in_archivedoc_batch() -> None:
    assert {"load_many", "loads_many", "Result"} <= set(archivedoc.batch.__all__)
    assert "load_many" not in archivedoc.__all__  # the edge layer is not imported by the top level


def test_a_named_pipe_is_read_like_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "doc.md"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_bytes, args=(SEED.read_bytes(),))
    writer.start()
    (result,) = load_many(fifo)
    writer.join()
    assert result.document == archivedoc.loads(SEED.read_text(encoding="utf-8"))


def test_archive_members_are_named_plainly_and_written_inside_the_output(tmp_path: Path) -> None:
    from archivedoc._sources import Source
    from archivedoc._tasks import output_path

    archive = tmp_path / "docs.tar"
    with tarfile.open(archive, "w") as tar:
        data = SEED.read_bytes()
        info = tarfile.TarInfo("./seed.md")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    (result,) = load_many(archive)
    assert result.source == f"{archive}/seed.md"
    # Members named to escape the output folder ("zip slip") stay inside it.
    for hostile in ("../../etc/x.md", "/abs/x.md"):
        path = output_path(str(tmp_path / "out"), Source(hostile, hostile), ".json")
        assert path.resolve().is_relative_to((tmp_path / "out").resolve())


def test_the_progress_total_is_known_for_folders_globs_and_zips_not_tars(tmp_path: Path) -> None:
    tree = _tree(tmp_path / "tree")  # 3 documents
    archive = tmp_path / "docs.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("a.md", SEED.read_bytes())
        zipped.writestr("sub/b.TXT", SEED.read_bytes())
        zipped.writestr("notes.json", "{}")
    tarred = tmp_path / "docs.tar.gz"
    with tarfile.open(tarred, "w:gz") as tar:
        tar.add(SEED, arcname="a.md")
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(b"not a zip")
    suffixes = frozenset(READERS)
    cases: list[tuple[list[str], int | None]] = [
        ([str(tree)], 3),
        ([str(archive)], 2),
        ([str(tmp_path / "tree" / "**" / "*.*")], 3),
        ([str(tmp_path / "*.zip")], 3),  # docs.zip's 2 and damaged.zip's error
        ([str(tmp_path / "nothing-*.md"), str(tmp_path / "missing.md")], 2),
        ([str(damaged), str(tree)], 4),
        ([str(tree), str(tarred)], None),
    ]
    for inputs, total in cases:
        assert count(inputs, suffixes) == total, inputs
        if total is not None:  # what the batch then gives
            assert len(list(expand(inputs, suffixes, None))) == total, inputs
