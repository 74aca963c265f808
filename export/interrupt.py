"""Stopping a build promptly on Ctrl-C (SIGINT) or SIGTERM, its processes with it.

(Here, in ``export/``, because both the build (``rasd/build.py``) and the page stage's
process helpers (:mod:`export.html.forked`) use it, and the layers import downwards only.)

A build runs beside itself: the extraction pool (forkserver), a large graph's Turtle/TriG
writer and the listing answers (a forkserver process each), the page stage's readers and
writers (forked).  Left alone, an interrupted build would wait for each of them to finish its
work (the executors' shutdown, the ``finally`` blocks that collect a result, the interpreter's
own join of its children at exit): a minute or more at 31k articles.

While :func:`stop_on_signals` is active (around :func:`rasd.build.build`), the first SIGINT or
SIGTERM *first* ends every process this one started through :mod:`multiprocessing`
(:func:`end_children`: SIGTERM, then SIGKILL after :data:`GRACE` seconds), and keeps ending
any started afterwards while the build unwinds; only then is :class:`Stop` raised in the
main thread.  Every wait on the way out (a future's result, an executor's shutdown, a
``join``) then returns at once, with the processes' loss.  What the build keeps waiting for is
the store load running in a thread of its own (a store must not be left inside a load at
exit; at most one batch, a few seconds).

The children ignore SIGINT (Ctrl-C reaches the whole process group): this process ends them
itself, so they do not each print a traceback.  Forked children get that from
:func:`os.register_at_fork`; those the forkserver starts from :func:`ignore_interrupts`, their
executors' initializer.

:class:`Stop` is a :class:`KeyboardInterrupt` (no ``except Exception`` swallows it, every
clean-up for Ctrl-C runs for SIGTERM too); ``rasd build`` turns it into
:class:`Interrupted`, one line on stderr and exit status 128 + the signal's number: 130 for
SIGINT, 143 for SIGTERM (the shells' status of a process ended by that signal, which a
supervisor reads as "stopped on request", not as a failure of the build).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

from rasd.extract.errors import RasdError

#: Seconds an ended child is given to exit on SIGTERM before it is killed (SIGKILL).
GRACE = 2.0
#: The signals that stop a build.
SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stop(KeyboardInterrupt):
    """Raised in the main thread on SIGINT or SIGTERM while :func:`stop_on_signals` is
    active; ``signum`` is the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class Interrupted(RasdError):
    """A command stopped on a signal; ``exit_code`` is 128 + the signal's number.

    >>> e = Interrupted(signal.SIGTERM, "out: the build stopped")
    >>> str(e), e.exit_code
    ('interrupted (SIGTERM): out: the build stopped', 143)
    """

    def __init__(self, signum: int, message: str) -> None:
        super().__init__(f"interrupted ({signal.Signals(signum).name}): {message}")
        self.signum = signum
        self.exit_code = 128 + signum


#: the process whose build :func:`stop_on_signals` guards (None: not active)
_owner: int | None = None
#: the signal received while active (None: none yet)
_received: int | None = None
_reaper: _Reaper | None = None
_hooked = False


def received() -> int | None:
    """The signal that is stopping the build of this process (None when none is): code that
    cleans up after a failure asks it to stay quiet about the losses it causes."""
    return _received if _owner == os.getpid() else None


def ignore_interrupts() -> None:
    """In a child process: ignore SIGINT (its parent ends it; Ctrl-C reaches the whole
    process group) and end on SIGTERM (what :func:`end_children` sends).  The initializer
    of the executors whose processes the forkserver starts (a fresh interpreter, with
    Python's handlers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _after_fork_in_child() -> None:
    """A forked child of a guarded build ignores SIGINT and ends on SIGTERM (it would
    otherwise inherit :func:`_on_signal`)."""
    global _owner, _reaper, _received
    if _owner is not None:
        _owner, _reaper, _received = None, None, None
        ignore_interrupts()


def end_children(grace: float = GRACE, wait: float = 0.0) -> None:
    """Send SIGTERM to every live process this one started through :mod:`multiprocessing`
    (pool workers, forked helpers; those the forkserver started too), SIGKILL to those still
    alive ``grace`` seconds later, waiting at most ``wait`` seconds here (0: at once)."""
    t0 = time.monotonic()
    while True:
        children = multiprocessing.active_children()
        if not children:
            return
        late = time.monotonic() - t0 >= grace
        for child in children:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                child.kill() if late else child.terminate()
        if time.monotonic() - t0 >= wait:
            return
        time.sleep(0.05)


class _Reaper(threading.Thread):
    """Ends every child (:func:`end_children`) every 50 ms while the build unwinds after a
    signal, so that one started meanwhile (a thread's next job) is ended too; killed after
    :data:`GRACE` seconds.  Stopped by :func:`stop_on_signals` on its way out."""

    def __init__(self) -> None:
        super().__init__(name="rasd-reaper", daemon=True)
        self.done = threading.Event()
        self.t0 = time.monotonic()

    def run(self) -> None:
        while not self.done.is_set():
            late = time.monotonic() - self.t0 >= GRACE
            end_children(grace=0.0 if late else GRACE)
            self.done.wait(0.05)


def _on_signal(signum: int, _frame: Any) -> None:
    """The handler of SIGINT and SIGTERM in a guarded build: end the children, then raise
    :class:`Stop` in the main thread (a second signal raises again: the clean-up left is a
    wait of a few seconds at most)."""
    global _received, _reaper
    if _owner != os.getpid():  # a forked child that has not reset its handlers yet
        if signum == signal.SIGTERM:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
        return
    if _received is None:
        _received = signum
        end_children()
        _reaper = _Reaper()
        _reaper.start()
    raise Stop(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within: SIGINT and SIGTERM stop the build promptly (the module's docstring).  On the
    way out after a signal, the children are ended and waited for (at most :data:`GRACE`
    seconds, then killed).  Outside the main thread (no signal handler can be set there) or
    when already active, nothing changes."""
    global _owner, _received, _reaper, _hooked
    if threading.current_thread() is not threading.main_thread() or _owner == os.getpid():
        yield
        return
    if not _hooked and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_after_fork_in_child)
        _hooked = True
    previous = {s: signal.getsignal(s) for s in SIGNALS}
    _owner, _received = os.getpid(), None
    try:
        for s in SIGNALS:
            if previous[s] != signal.SIG_IGN:  # a job started ignoring it (nohup, `&`) keeps to it
                signal.signal(s, _on_signal)
        yield
    finally:
        try:
            if _received is not None:
                end_children(wait=GRACE + 1.0)
        finally:
            if _reaper is not None:
                _reaper.done.set()
            for s, handler in previous.items():
                signal.signal(s, handler if handler is not None else signal.SIG_DFL)
            _owner, _reaper = None, None
