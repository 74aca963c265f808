"""fix19d: review19b's findings on perf20's store thread and query20's kept answers."""

from __future__ import annotations

import signal
import threading
import time
from typing import Any

import pytest

from rasd.build import _StoreWriter


class _BlockingStore:
    """A store whose load blocks until ``release`` is set."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()
        self.finished = False

    def bulk_load(self, data: bytes, *args: Any, **kwargs: Any) -> None:
        self.started.set()
        self.release.wait(10)
        time.sleep(0.05)
        self.finished = True


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="POSIX signals")
def test_interrupted_wait_leaves_the_load_waited_for() -> None:
    """Ctrl-C while the build waits for a load: close() still waits until the load is over
    (on 3.11 an interrupted Thread.join marked the thread stopped, and close() returned)."""
    store = _BlockingStore()
    writer = _StoreWriter(store)  # type: ignore[arg-type]
    writer.add(b"x")
    writer.flush()
    assert store.started.wait(5)
    main = threading.main_thread().ident
    assert main is not None and threading.get_ident() == main
    threading.Timer(0.2, signal.pthread_kill, (main, signal.SIGINT)).start()
    with pytest.raises(KeyboardInterrupt):
        writer.wait()
    assert not store.finished
    threading.Timer(0.3, store.release.set).start()
    writer.close()
    assert store.finished
    writer.close()  # nothing left running: returns at once
