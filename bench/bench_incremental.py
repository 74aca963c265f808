"""The incremental +10 build of a finished archive build, stage by stage, repeated.

Each run takes the extra file's articles out (a build of ``BASE`` alone, not measured), deletes
their results from the cache (so that they are extracted again, as new articles are), then
builds ``BASE`` and ``EXTRA`` together and measures that build: wall and CPU seconds (this
process and its waited-for children: the page writers; the Turtle/TriG writer runs in a
forkserver process whose CPU is not counted here) and the build's own stage times.

The build folder is modified: run it on a copy (``cp -a``), never on a build you keep.  The
inputs must be the files the build was made from (an article's source is its path).

    PYTHONPATH=$PWD nice -n 10 .venv/bin/python bench/bench_incremental.py /tmp/a10/out \\
        /tmp/rb9/in-all/articles.jsonl /tmp/rb9/in-all/zz-extra.jsonl --runs 2

Prints one JSON line per run and the medians.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import resource
import sqlite3
import statistics
import time
from pathlib import Path

from rasd.build import build, default_workers
from rasd.cache import article_key, fingerprint
from rasd.extract.pipeline import DEFAULT_PIPELINE
from rasd.extract.reader import read_file
from rasd.extract.records import Article


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _uncache(out: Path, extra: Path) -> int:
    """Delete the cached results of the articles of ``extra``; how many were there."""
    fp = fingerprint(DEFAULT_PIPELINE)
    keys = [article_key(a, fp) for a in read_file(extra) if isinstance(a, Article)]
    db = sqlite3.connect(out / "cache" / "results.sqlite")
    with db:
        n = db.executemany("DELETE FROM results WHERE key = ?", [(k,) for k in keys]).rowcount
    db.close()
    return n


def run(out: Path, base: Path, extra: Path, workers: int, profile: Path | None = None) -> dict:
    """One −10 build (not measured) and one +10 build (measured; with ``profile``, under
    cProfile, its stats written there)."""
    build([base], out, workers=workers)
    _uncache(out, extra)
    prof = cProfile.Profile() if profile else None
    t, c = time.perf_counter(), _cpu()
    if prof is not None:
        prof.enable()
    report = build([base, extra], out, workers=workers)
    if prof is not None:
        prof.disable()
        prof.dump_stats(profile)
    wall, cpu = time.perf_counter() - t, _cpu() - c
    if not report.incremental or report.extracted != 10:
        raise SystemExit(f"not a +10 incremental build: {report}")
    return {
        "wall": round(wall, 1),
        "cpu": round(cpu, 1),
        "extracted": report.extracted,
        "unchanged": report.unchanged,
        "pages_written": report.pages_written,
        **{k: round(v, 1) for k, v in report.times.items()},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="a COPY of a finished build's OUT folder")
    ap.add_argument("base", type=Path, help="the input file(s) of that build, less the extra")
    ap.add_argument("extra", type=Path, help="the file of the 10 articles added")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--workers", type=int, default=default_workers())
    ap.add_argument("--profile", type=Path, help="cProfile the last +10 build into this file")
    ap.add_argument(
        "--page-code-as",
        metavar="HEX",
        help="take the page code fingerprint to be HEX (that of the code the site was written "
        "with), so that a change which does not alter page bytes is measured without first "
        "rewriting every page; not for a change that alters pages",
    )
    args = ap.parse_args()
    if args.page_code_as:
        import rasd.export.html.incremental as incremental

        incremental.code_fingerprint = lambda: args.page_code_as
    rows = []
    for i in range(args.runs):
        profile = args.profile if i == args.runs - 1 else None
        rows.append(run(args.out, args.base, args.extra, args.workers, profile))
        print(json.dumps(rows[-1]), flush=True)
    median = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    print(json.dumps({"median": median}), flush=True)


if __name__ == "__main__":
    main()
