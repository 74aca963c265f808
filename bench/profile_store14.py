"""Measurements behind store14's section of ``bench/archive_results.md`` (not timed tests).

``build INPUTS OUT [--profile FILE] [--cpu]``
    One ``rasd build`` (no pages, two workers) in this process; prints its stage times, the
    CPU seconds of this process and the counts.  ``INPUTS``: comma-separated paths.  ``--cpu``
    makes the build's stage clock ``time.process_time`` (this process, its threads included),
    so that the stages are CPU seconds on a shared machine.
``drop-extra FILE CACHE``
    Delete the cache entries of the articles of ``FILE`` from ``CACHE`` (a build's
    ``cache/results.sqlite``), so that adding them again extracts them.
``bulk CACHE N SPEC...``
    CPU and wall seconds of bulk-loading the first ``N`` cached articles (by key) into a fresh
    store, once per ``SPEC`` = ``MB:LENIENT`` (batch size in MB, ``1`` for lenient loads).

Run from the repository root with ``PYTHONPATH=$PWD`` (use ``nice``).
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import shutil
import sqlite3
import tempfile
import time
import types
import zlib
from pathlib import Path

import pyoxigraph as ox

MB = 1 << 20


def build(inputs: str, out: Path, profile: Path | None, cpu: bool) -> None:
    """See the module docstring."""
    import rasd.build

    logging.basicConfig(level=logging.WARNING)
    if cpu:
        rasd.build.time = types.SimpleNamespace(perf_counter=time.process_time)  # type: ignore
    c0, w0 = time.process_time(), time.perf_counter()
    prof = cProfile.Profile() if profile else None
    if prof:
        prof.enable()
    paths = [Path(x) for x in inputs.split(",")]
    rep = rasd.build.build(paths, out, workers=2, pages=False)
    if prof and profile:
        prof.disable()
        prof.dump_stats(profile)
    # "store loads" ran beside the extraction; "store waited" is what the build waited for them
    print("times", {k: round(v, 2) for k, v in rep.times.items()})
    print("times:", rasd.build.times_line(rep.times))
    print(f"cpu {time.process_time() - c0:.1f} s, wall {time.perf_counter() - w0:.1f} s")
    print(f"extracted {rep.extracted}, unchanged {rep.unchanged}, removed {rep.removed}")


def drop_extra(path: Path, cache: Path) -> None:
    """See the module docstring."""
    from rasd.cache import article_key, fingerprint
    from rasd.extract.pipeline import DEFAULT_PIPELINE, check_pipeline
    from rasd.extract.reader import read_file

    fp = fingerprint(check_pipeline(list(DEFAULT_PIPELINE)))
    db = sqlite3.connect(cache)
    n = 0
    for article in read_file(path):
        key = article_key(article, fp)  # type: ignore[arg-type]
        n += db.execute("DELETE FROM results WHERE key = ?", (key,)).rowcount
    db.commit()
    print("deleted", n)


def bulk(cache: Path, n: int, specs: list[str]) -> None:
    """See the module docstring."""
    db = sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
    rows = db.execute("SELECT nquads FROM results ORDER BY key LIMIT ?", (n,))
    docs = [zlib.decompress(blob) for (blob,) in rows]
    print(n, "articles,", sum(map(len, docs)) // MB, "MB of N-Quads", flush=True)
    for spec in specs:
        mb, lenient = int(spec.split(":")[0]), spec.split(":")[1] == "1"
        folder = Path(tempfile.mkdtemp(prefix="bulk-"))
        store = ox.Store(str(folder))
        c, w = time.process_time(), time.perf_counter()
        parts: list[bytes] = []
        size = 0
        for i, doc in enumerate(docs):
            parts.append(doc)
            size += len(doc)
            if size >= mb * MB or i == len(docs) - 1:
                store.bulk_load(b"".join(parts), ox.RdfFormat.N_QUADS, lenient=lenient)
                parts, size = [], 0
        store.flush()
        cpu, wall = time.process_time() - c, time.perf_counter() - w
        print(f"{mb} MB batches, lenient {lenient}: CPU {cpu:.1f} s, wall {wall:.1f} s")
        del store
        shutil.rmtree(folder)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("build")
    p.add_argument("inputs")
    p.add_argument("out", type=Path)
    p.add_argument("--profile", type=Path)
    p.add_argument("--cpu", action="store_true")
    p = sub.add_parser("drop-extra")
    p.add_argument("file", type=Path)
    p.add_argument("cache", type=Path)
    p = sub.add_parser("bulk")
    p.add_argument("cache", type=Path)
    p.add_argument("n", type=int)
    p.add_argument("specs", nargs="+")
    a = ap.parse_args()
    if a.cmd == "build":
        build(a.inputs, a.out, a.profile, a.cpu)
    elif a.cmd == "drop-extra":
        drop_extra(a.file, a.cache)
    else:
        bulk(a.cache, a.n, a.specs)


if __name__ == "__main__":
    main()
