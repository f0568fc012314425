"""An ordered, streaming, bounded parallel map over processes.

``multiprocessing.Pool.imap`` would read its whole input ahead (a feeder
thread queues every task at once), so memory would grow with the corpus.
Here the input is cut into chunks and at most a few chunks per process are
in flight: the next chunk is submitted only when the oldest one's results
are handed out, in input order.  Workers ignore SIGINT, so Ctrl-C reaches
the parent alone, which then terminates them (leaving the ``with`` block).
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable
from multiprocessing.pool import AsyncResult
from typing import Any, TypeVar

_T = TypeVar("_T")
_R = TypeVar("_R")

#: Items per task: big enough that the cost of a round trip between
#: processes (~100 us) is small next to the work, small enough to balance.
CHUNK = 16
#: Chunks in flight per process: enough to keep every process busy while
#: the parent hands out results, few enough to bound memory.
WINDOW = 4

# The function a worker applies, set once per process by _start.
_function: Callable[[Any], Any] | None = None


def _start(function: Callable[[Any], Any]) -> None:
    global _function
    _function = function
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_chunk(chunk: list[Any]) -> list[Any]:
    assert _function is not None
    return [_function(item) for item in chunk]


def _context() -> Any:
    """Fork where it is safe (Linux): no re-import, and the dialect is inherited as is."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def ordered_map(
    function: Callable[[_T], _R], items: Iterable[_T], jobs: int, chunk: int = CHUNK
) -> Generator[_R, None, None]:
    """``map(function, items)`` on ``jobs`` processes, in order, ``chunk`` items a task.

    With ``jobs <= 1``, or when the items fit in one chunk, no process is
    started.  ``function`` must be picklable where processes are spawned
    (a module-level function or a ``functools.partial`` of one).
    """
    iterator = iter(items)
    first = list(itertools.islice(iterator, chunk))
    if jobs <= 1 or len(first) < chunk:
        yield from map(function, first)
        yield from map(function, iterator)
        return
    with _context().Pool(jobs, initializer=_start, initargs=(function,)) as pool:
        pending: deque[AsyncResult[list[_R]]] = deque()
        pending.append(pool.apply_async(_run_chunk, (first,)))
        while True:
            part = list(itertools.islice(iterator, chunk))
            if not part:
                break
            pending.append(pool.apply_async(_run_chunk, (part,)))
            if len(pending) >= jobs * WINDOW:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
