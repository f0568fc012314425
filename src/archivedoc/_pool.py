"""An ordered, streaming, bounded parallel map over processes.

Built on :class:`concurrent.futures.ProcessPoolExecutor`, which notices a
worker that dies (killed from outside, out of memory) and fails the batch
with :class:`~concurrent.futures.process.BrokenProcessPool` instead of
waiting for it forever, as ``multiprocessing.Pool`` does.  ``map`` on either
would read its whole input ahead, so memory would grow with the corpus:
here the input is cut into chunks and at most a few chunks per process are
in flight; the next chunk is submitted only when the oldest one's results
are handed out, in input order.

Workers ignore SIGINT, so Ctrl-C reaches the parent alone; when the caller
stops early (Ctrl-C, a closed pipe, a generator closed), the chunks not
started are cancelled and the workers end once the chunk in hand is done
(a few documents: tens of milliseconds).
"""

from __future__ import annotations

import itertools
import signal
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

# multiprocessing and concurrent.futures (~60 ms to import) are imported when
# a pool starts: one process, and a single document, never pay for them.

_T = TypeVar("_T")
_R = TypeVar("_R")

#: Items per task: big enough that the parent's share of a task (about half
#: a millisecond of CPU: submitting, the executor's threads, the result) is
#: small next to the work (64 seed-sized documents: ~20 ms), small enough to
#: balance and to keep the first results coming at once.
CHUNK = 64
#: Items in the first chunk; each next one has twice as many, up to CHUNK.
FIRST = 8
#: Bytes a chunk carries at most (with ``weight``): archive members and texts
#: travel in the chunk, so big ones make short chunks and memory stays bounded.
BUDGET = 1 << 20
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


def start_method() -> str:
    """How workers are started: the program's choice, else forked on Linux.

    A program that called :func:`multiprocessing.set_start_method` (e.g. a
    threaded one, where forking is unsafe) is obeyed.  Otherwise workers are
    forked on Linux (they start at once, with the grammar inherited) and
    started the platform's way elsewhere (spawn on macOS and Windows: each
    worker imports archivedoc again and loads the grammar from its cache).
    """
    import multiprocessing

    chosen = multiprocessing.get_start_method(allow_none=True)
    if chosen is None and sys.platform.startswith("linux"):
        return "fork"
    return chosen or multiprocessing.get_start_method()


def ordered_map(
    function: Callable[[_T], _R],
    items: Iterable[_T],
    jobs: int,
    chunk: int = CHUNK,
    method: str | None = None,
    weight: Callable[[_T], int] | None = None,
) -> Generator[_R, None, None]:
    """``map(function, items)`` on ``jobs`` processes, in order, up to ``chunk`` items a task.

    With ``jobs <= 1``, or when the items fit in the first chunk, no process
    is started.  ``weight(item)`` is the bytes an item carries: a chunk ends
    early when they reach :data:`BUDGET`.  ``function`` must be picklable
    where processes are spawned (a module-level function or a
    ``functools.partial`` of one).  ``method``
    is the start method (default: :func:`start_method`).  A worker that
    dies raises :class:`~concurrent.futures.process.BrokenProcessPool`.
    """
    iterator = iter(items)
    if jobs <= 1:
        yield from map(function, iterator)
        return
    parts = _chunks(iterator, chunk, weight)
    first = next(parts, [])
    second = next(parts, None)
    if second is None:  # one chunk: not worth starting processes
        yield from map(function, first)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context(method or start_method())
    executor = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start, initargs=(function,)
    )
    pending: deque[Future[list[_R]]] = deque()
    finished = False
    try:
        for part in itertools.chain([first, second], parts):
            pending.append(executor.submit(_run_chunk, part))
            if len(pending) >= jobs * WINDOW:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
        finished = True
    except BrokenProcessPool:
        raise BrokenProcessPool(
            "a worker process ended abruptly (killed, or out of memory?); "
            "the documents from there on were not all read"
        ) from None
    finally:
        # Stopped early: the chunks not started are cancelled, and the few a
        # worker holds are finished first.  Terminating a worker instead could
        # cut a result it is writing in half, and the executor's thread would
        # then wait for the rest of it for ever.
        executor.shutdown(wait=True, cancel_futures=not finished)


def broken(error: BaseException) -> bool:
    """True if ``error`` says that a worker process died (BrokenProcessPool)."""
    module = sys.modules.get("concurrent.futures.process")  # loaded if a pool ran
    return module is not None and isinstance(error, module.BrokenProcessPool)


def _chunks(
    iterator: Iterator[_T], chunk: int, weight: Callable[[_T], int] | None
) -> Iterator[list[_T]]:
    """Lists of items: :data:`FIRST`, then twice as many each time up to ``chunk``.

    Small chunks first, so that the first results come at once and a small
    batch is still shared between the processes; a chunk also ends when
    its items carry :data:`BUDGET` bytes (``weight``).
    """
    size = min(FIRST, chunk)
    while True:
        part: list[_T] = []
        carried = 0
        for item in iterator:
            part.append(item)
            if weight is not None:
                carried += weight(item)
            if len(part) >= size or carried >= BUDGET:
                break
        if not part:
            return
        yield part
        size = min(2 * size, chunk)
