"""Large pickled state files (a build's state, a site's page state), read and written with the
cyclic garbage collector paused; and large structures kept out of its full collections.

Unpickling a state of a few million small objects otherwise triggers a full collection every
few hundred thousand allocations, each walking every object created so far: on a 31k-article
archive's 174 MB page state, 7–9 s of CPU against 2–2.5 s with the collector paused (writing:
6–7.5 s against 4–4.7 s).  Nothing read or written changes.
"""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (restored as it was)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def collector_frozen() -> Iterator[None]:
    """Keep every object alive at the start of the block out of the cyclic collector's full
    collections for the block (``gc.freeze``), then give them back (``gc.unfreeze``).

    For a large structure that lives through a long stage (a site index of millions of small
    objects): full collections would otherwise walk it again and again.  A caller that froze
    objects itself keeps them frozen: then this block changes nothing.

    >>> import gc
    >>> with collector_frozen():
    ...     gc.get_freeze_count() > 0
    True
    >>> gc.get_freeze_count()
    0
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def load(path: Path) -> Any:
    """The object pickled in ``path`` (exceptions as :func:`pickle.load` raises them)."""
    with collector_paused(), path.open("rb") as f:
        return pickle.load(f)


def dump(obj: Any, path: Path) -> None:
    """Pickle ``obj`` to ``path`` atomically (a temporary file beside it, then renamed).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "s.pickle"
    >>> dump({"a": (1, 2)}, p)
    >>> load(p), sorted(x.name for x in p.parent.iterdir())
    ({'a': (1, 2)}, ['s.pickle'])
    """
    tmp = path.with_suffix(".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    with collector_paused(), tmp.open("wb") as f:
        pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
