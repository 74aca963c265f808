"""Profiles behind archive13's section of ``bench/archive_results.md`` (not timed tests).

``bulk CACHE N MB [--trim]``
    Peak RSS (a thread samples every 5 ms) of bulk-loading the first ``N`` cached articles'
    N-Quads of a build's ``cache/results.sqlite`` into a fresh store in batches of ``MB``, as
    the build does; ``--trim``: ``malloc_trim(0)`` after each load.
``worker INPUT N [--trim]``
    One extraction worker's RSS and peak RSS as it runs ``process_batch`` over the first
    ``N`` articles of ``INPUT`` in batches of 8; ``--trim`` as above after each batch.
``dump BUILD SCRATCH {all,minus10}``
    CPU and wall seconds of ``write_rdf_files`` into ``SCRATCH`` from the cache and state of
    the finished build ``BUILD`` (copy its ``cache/`` into ``SCRATCH`` first): all its
    articles, or ten fewer (a seeded sample).  ``minus10`` then ``all`` is a +10 dump.

Run from the repository root with ``PYTHONPATH=$PWD`` (use ``nice -n 10``).
"""

from __future__ import annotations

import argparse
import ctypes
import itertools
import random
import shutil
import sqlite3
import tempfile
import threading
import time
import zlib
from pathlib import Path

import psutil
import pyoxigraph as ox

MB = 1 << 20


class _Peak:
    """The highest RSS of this process since the last :meth:`take`, sampled every 5 ms."""

    def __init__(self) -> None:
        self.proc = psutil.Process()
        self.high = 0
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        while True:
            self.high = max(self.high, self.proc.memory_info().rss)
            time.sleep(0.005)

    def take(self) -> int:
        high, self.high = self.high, 0
        return high // MB


def _trim() -> None:
    ctypes.CDLL(None).malloc_trim(0)


def bulk(cache: Path, n: int, batch_mb: int, trim: bool) -> None:
    """See the module docstring."""
    peak = _Peak()
    db = sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
    folder = Path(tempfile.mkdtemp(prefix="bulk-"))
    store = ox.Store(str(folder))
    parts: list[bytes] = []
    size = 0
    t0 = time.process_time()
    for (blob,) in db.execute("SELECT nquads FROM results LIMIT ?", (n,)):
        parts.append(zlib.decompress(blob))
        size += len(parts[-1])
        if size >= batch_mb * MB:
            store.bulk_load(b"".join(parts), ox.RdfFormat.N_QUADS)
            parts, size = [], 0
            if trim:
                _trim()
    rss = peak.proc.memory_info().rss // MB
    cpu = time.process_time() - t0
    high = peak.take()
    print(f"{n} articles, {batch_mb} MB batches, trim {trim}: peak RSS {high} MB,", end=" ")
    print(f"RSS after the last load {rss} MB, CPU {cpu:.1f} s")
    del store
    shutil.rmtree(folder)


def worker(path: Path, n: int, trim: bool) -> None:
    """See the module docstring."""
    from rasd.build import process_batch
    from rasd.extract.pipeline import DEFAULT_PIPELINE
    from rasd.extract.reader import read_file

    peak = _Peak()
    pipeline = tuple(DEFAULT_PIPELINE)
    articles = read_file(path)
    done = 0
    t0 = time.process_time()
    marks = {8, 200, 500, 1000, 2000, 4000, 8000}
    while done < n:
        batch = [(str(i), a) for i, a in enumerate(itertools.islice(articles, 8))]
        if not batch:
            break
        process_batch(batch, pipeline)
        if trim:
            _trim()
        done += len(batch)
        if done in marks:
            rss = peak.proc.memory_info().rss // MB
            cpu = time.process_time() - t0
            high = peak.take()
            print(f"{done} articles: RSS {rss} MB, peak since the last line {high} MB,", end=" ")
            print(f"CPU {cpu:.1f} s", flush=True)


def dump(build_dir: Path, scratch: Path, which: str) -> None:
    """See the module docstring."""
    from rasd import build as b
    from rasd.cache import ResultCache
    from rasd.export import pickled
    from rasd.extract.resolve import derive

    _version, state = pickled.load(build_dir / "state" / "state.pickle")
    keys = state.cache_keys()
    if which == "minus10":
        for a in random.Random(13).sample(sorted(keys), 10):
            del keys[a]
    if getattr(state, "entities", None) is not None:  # state version 2: each entity's lines
        text = "".join(state.entities[k][0] for k in sorted(state.entities))
    else:
        summaries = state.summaries
        entities = {k: e for k in sorted(summaries) if (e := derive(k, summaries[k]))}
        text, _n = b._entities_text(entities.values())
    (scratch / "state").mkdir(parents=True, exist_ok=True)
    cache = ResultCache(scratch / "cache" / "results.sqlite")
    t, c = time.perf_counter(), time.process_time()
    b.write_rdf_files(scratch, None, keys, cache, text, b.PRETTY_MAX_TRIPLES + 1)
    cpu, wall = time.process_time() - c, time.perf_counter() - t
    print(f"write_rdf_files ({which}, {len(keys)} articles): CPU {cpu:.1f} s, wall {wall:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("bulk")
    p.add_argument("cache", type=Path)
    p.add_argument("n", type=int)
    p.add_argument("mb", type=int)
    p.add_argument("--trim", action="store_true")
    p = sub.add_parser("worker")
    p.add_argument("input", type=Path)
    p.add_argument("n", type=int)
    p.add_argument("--trim", action="store_true")
    p = sub.add_parser("dump")
    p.add_argument("build", type=Path)
    p.add_argument("scratch", type=Path)
    p.add_argument("which", choices=("all", "minus10"))
    args = ap.parse_args()
    if args.cmd == "bulk":
        bulk(args.cache, args.n, args.mb, args.trim)
    elif args.cmd == "worker":
        worker(args.input, args.n, args.trim)
    else:
        dump(args.build, args.scratch, args.which)


if __name__ == "__main__":
    main()
