"""Work done by processes forked from the page builder: they inherit what they need (the site
index, the network, a function and its argument) through the fork instead of receiving a
pickled copy, and only results come back.

Both helpers run on :class:`concurrent.futures.ProcessPoolExecutor`, which notices a process
that dies (killed by the kernel's out-of-memory killer, ``os._exit``) and raises
:class:`~concurrent.futures.process.BrokenProcessPool`; a ``multiprocessing.Pool`` silently
replaces such a worker and waits forever for the task it had.

* :class:`Beside` computes one ``fn(arg)`` in a forked process while this one goes on;
* :class:`ForkedMap` maps a function over jobs with ``workers`` forked processes, each replaced
  by a fresh fork after ``tasks_per_child`` jobs (what a writer made private of the inherited
  pages is given back), the jobs dispatched at once so that this process can work meanwhile,
  the results yielded in job order.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from rasd.export.interrupt import ignore_interrupts, received

__all__ = ["Apart", "Beside", "ForkedMap", "end_when_done"]

log = logging.getLogger(__name__)


def _fork_executor(initializer: Callable | None = None, initargs: tuple = ()):
    """A one-process executor that forks this process (``initializer(*initargs)`` is inherited
    by the fork, never pickled)."""
    ctx = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(1, mp_context=ctx, initializer=initializer, initargs=initargs)


class Beside:
    """``fn(arg)`` computed by a forked process beside this one (``arg`` is inherited through
    the fork, not pickled; only the result comes back), or here at :meth:`result` when
    ``workers`` is 1.  The result is the same either way; :attr:`cpu` is the forked
    process's CPU seconds once :meth:`result` returned (0 when computed here).  A forked
    process that dies (killed, out of memory) raises ``BrokenProcessPool`` at :meth:`result`
    instead of leaving it waiting.

    >>> Beside(len, "abc", 2).result(), Beside(len, "abc", 1).result()
    (3, 3)
    """

    current: tuple[Callable, object] | None = None

    def __init__(self, fn: Callable, arg: object, workers: int) -> None:
        # forked: the argument is the child's alone (not held here until the result comes)
        self.fn, self.arg = fn, (arg if workers <= 1 else None)
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future | None = None
        self.cpu = 0.0
        if workers > 1:
            Beside.current = (fn, arg)
            try:  # a fork-context executor forks its process inside submit()
                self._pool = _fork_executor(gc.freeze)
                self._future = self._pool.submit(_beside_run)
            finally:
                Beside.current = None

    def result(self) -> object:
        """The value of ``fn(arg)`` (the process's exception, if it raised)."""
        if self._pool is None or self._future is None:
            return self.fn(self.arg)
        try:
            value, self.cpu = self._future.result()
            return value
        finally:
            self._pool.shutdown(wait=True)

    def close(self) -> None:
        """Wait for the forked process and end it without taking its result: for a caller
        that fails before it needs the value.  An exception of ``fn`` is logged, not raised,
        so that the caller's own error is the one that propagates (a :meth:`result` in a
        ``finally`` would replace it).  Nothing to do when computed here.

        >>> Beside(len, "abc", 2).close()
        """
        if self._pool is None or self._future is None:
            return
        try:
            exc = self._future.exception()
            if exc is not None and received() is None:  # not the loss of a stopping build
                log.warning("%s, not needed after an earlier error, failed too: %r", self.fn, exc)
        finally:
            self._pool.shutdown(wait=True)


def _beside_run():
    """The task of a :class:`Beside` process (forked with :attr:`Beside.current` set)."""
    current = Beside.current
    if current is None:
        raise RuntimeError("_beside_run runs only in a process forked by Beside")
    fn, arg = current
    t = time.process_time()
    value = fn(arg)
    return value, time.process_time() - t


class Apart:
    """``fn(*args)`` computed beside this process by a fresh one, started by the forkserver
    (``args`` pickled to it), or here at :meth:`result` when ``workers`` is 1; ``fn`` returns
    ``(value, cpu seconds)`` and must be importable without the page code (its module is what
    the fresh process imports).  Unlike :class:`Beside`'s fork, the process shares none of
    this one's memory, so its size is its own work's: a forked process is charged, page by
    page, every page this one writes while it runs (at 31k, Louvain's forked process held
    ~650 MB PSS).  For work whose input is small; :attr:`cpu` as in :class:`Beside`.
    """

    def __init__(self, fn: Callable, args: tuple, workers: int) -> None:
        self.fn, self.args = fn, (args if workers <= 1 else ())
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future | None = None
        self.cpu = 0.0
        self._ender: threading.Thread | None = None
        if workers > 1:
            ctx = multiprocessing.get_context("forkserver")
            # ignores Ctrl-C: an interrupted build ends it itself (rasd.export.interrupt)
            self._pool = ProcessPoolExecutor(1, mp_context=ctx, initializer=ignore_interrupts)
            self._future = self._pool.submit(fn, *args)
            self._ender = end_when_done(self._future, self._pool)

    def result(self) -> object:
        """The value of ``fn(*args)`` (the process's exception, if it raised)."""
        if self._pool is None or self._future is None or self._ender is None:
            return self.fn(*self.args)[0]
        try:
            value, self.cpu = self._future.result()
            return value
        finally:
            self._ender.join()


def end_when_done(future: Future, pool: ProcessPoolExecutor) -> threading.Thread:
    """A thread that shuts ``pool`` down (its processes exit) as soon as ``future`` is done,
    so that a finished process does not idle, holding its memory, until its result is asked
    for (``max_tasks_per_child=1`` would start an idle replacement instead, ~90 MB at 31k as
    it imports the main module); join it instead of calling ``pool.shutdown`` again."""

    def run() -> None:
        try:
            future.exception()  # waits; the exception itself is the caller's to raise
        finally:
            pool.shutdown(wait=True)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


class ForkedMap:
    """``fn(job)`` for each of ``jobs`` by ``workers`` forked processes; iterating yields the
    results in job order.

    The jobs are handed out as soon as the map is made (one dispatching thread per process
    slot), so the caller can do other work before it iterates.  Each slot's process is
    replaced by a fresh fork after ``tasks_per_child`` jobs (None: never).  ``fn`` and each
    job are pickled to the process, as with any executor; ``initializer(*initargs)`` runs
    first in each fresh process and is inherited, not pickled.  A job that raises, or a
    process that dies, stops handing out further jobs and makes iteration raise that
    exception (``BrokenProcessPool`` for a dead process) when its turn comes.  :meth:`close`
    (called when iteration ends or raises) waits for the jobs in flight and ends every
    process; iterating after it yields nothing.

    >>> list(ForkedMap(abs, [-3, 1, -2], workers=2, tasks_per_child=1))
    [3, 1, 2]
    """

    def __init__(
        self,
        fn: Callable[[Any], Any],
        jobs: Sequence[Any],
        workers: int,
        tasks_per_child: int | None = None,
        initializer: Callable | None = None,
        initargs: tuple = (),
    ) -> None:
        if workers < 1:
            raise ValueError(f"ForkedMap needs at least one worker, got {workers}")
        if tasks_per_child is not None and tasks_per_child < 1:
            raise ValueError(f"tasks_per_child must be at least 1, got {tasks_per_child}")
        self._fn, self._jobs = fn, list(jobs)
        self._tasks, self._init = tasks_per_child, (initializer, initargs)
        self._cond = threading.Condition()
        self._handed = 0  # jobs handed to a slot so far
        self._stopped = False
        self._done: dict[int, tuple[bool, Any]] = {}  # job index -> (ok, value or exception)
        self._yielded = 0
        self._closed = False  # closed, or a failure raised: iteration is over
        n = min(workers, len(self._jobs))
        self._slots = [threading.Thread(target=self._slot, daemon=True) for _ in range(n)]
        for t in self._slots:
            t.start()

    def _take(self) -> int | None:
        with self._cond:
            if self._stopped or self._handed >= len(self._jobs):
                return None
            self._handed += 1
            return self._handed - 1

    def _slot(self) -> None:
        """One process slot: fork, run jobs, re-fork every ``tasks_per_child`` jobs."""
        pool: ProcessPoolExecutor | None = None
        used = 0
        try:
            while (i := self._take()) is not None:
                try:  # a fork that fails (no memory, too many files) fails job i, not the slot
                    if pool is None or (self._tasks is not None and used >= self._tasks):
                        if pool is not None:
                            pool.shutdown(wait=True)
                            pool = None
                        pool, used = _fork_executor(*self._init), 0
                    used += 1
                    outcome = (True, pool.submit(self._fn, self._jobs[i]).result())
                except BaseException as exc:  # handed to the iterating thread
                    outcome = (False, exc)
                with self._cond:
                    self._done[i] = outcome
                    self._stopped = self._stopped or not outcome[0]
                    self._cond.notify_all()
        finally:
            if pool is not None:
                pool.shutdown(wait=True)

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        with self._cond:
            if self._closed or self._yielded >= len(self._jobs):
                done = True
            else:
                done = False
                # a job before a failed one is in flight or done; the failed one is done
                while self._yielded not in self._done:
                    self._cond.wait()
                ok, value = self._done.pop(self._yielded)
                self._yielded += 1
        if done:
            self.close()
            raise StopIteration
        if not ok:
            self.close()
            raise value
        return value

    def close(self) -> None:
        """Hand out no further job; wait for those in flight and end every process."""
        with self._cond:
            self._stopped = self._closed = True
        for t in self._slots:
            t.join()
