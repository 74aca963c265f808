"""CPU time of :func:`rasd.build.process_batch` (extraction + RDF) per pipeline component.

Reads the first ``--n`` + ``--warm`` (40) articles of one SaudiNewsNet zip, runs the first
``--warm`` as a warm-up (models and tables loaded, memos filled; a large ``--warm`` such as
1600 gives the steady state of a long build, where most words are cached), then times
``process_batch`` over the next ``--n`` in batches of 8, ``--repeat`` times, with
``time.process_time`` (CPU, not wall: the machine is shared).  Prints one JSON line: the
median CPU seconds of each component, of the rest (document, freeze, RDF) and in total,
articles per CPU second, the load average and the peak RSS.

``--root`` runs the code of another checkout (e.g. ``git archive BASE | tar -x -C /tmp/base``)
so that before and after can be timed in turn, in fresh processes:

    nice -n 10 .venv/bin/python bench/bench_extract_cpu.py --root /tmp/base
    nice -n 10 .venv/bin/python bench/bench_extract_cpu.py --root .

``--gc-threshold 50000,20,100`` sets the garbage collector's thresholds after the warm-up
(Python's defaults are 700,10,10; raising them gave no clear gain, bench/archive_results.md).
``--gc-freeze`` moves what the warm-up left (models, tables, memos) out of the collector's
reach (``gc.collect(); gc.freeze()``): after a short warm-up the memos still grow, and the
full collections that growth sets off (~0.3 s each, 2-2.5 s of a 300-article run with
``--warm 200``) land in whichever component allocates at the time; frozen, they cost ~0.05 s
each, so the components' own CPU time shows (bench/perf24rules_results.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import gc
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZIP = ROOT.parent / "shared" / "corpora" / "saudinewsnet" / "2015-07-21.zip"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(ROOT), help="the checkout whose code is timed")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--warm", type=int, default=40, help="articles run before the timing")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--zip", default=str(ZIP))
    ap.add_argument("--gc-threshold", default=None, help="e.g. 700,10,10")
    ap.add_argument("--gc-freeze", action="store_true", help="gc.freeze() after the warm-up")
    args = ap.parse_args(argv)
    root = str(Path(args.root).resolve())
    sys.path.insert(0, root)
    from rasd.build import process_batch
    from rasd.extract import pipeline
    from rasd.extract.reader import read_inputs

    if not pipeline.__file__.startswith(root):
        raise SystemExit(f"imported {pipeline.__file__}, not the code under {root}")
    spent: dict[str, float] = {}

    def timed(name, fn):
        @functools.wraps(fn)
        def run(*a, **k):
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t

        return run

    for name, spec in list(pipeline.COMPONENTS.items()):
        pipe = spec.pipe and timed(name, spec.pipe)
        pipeline.COMPONENTS[name] = dataclasses.replace(spec, fn=timed(name, spec.fn), pipe=pipe)
    articles = []
    for item in read_inputs([Path(args.zip)]):
        if hasattr(item, "text"):
            articles.append((str(len(articles)), item))
        if len(articles) >= args.n + args.warm:
            break
    warm, articles = articles[: args.warm], articles[args.warm :]
    names = tuple(pipeline.DEFAULT_PIPELINE)
    for i in range(0, len(warm), 8):
        process_batch(warm[i : i + 8], names)
    if args.gc_threshold:
        gc.set_threshold(*map(int, args.gc_threshold.split(",")))
    if args.gc_freeze:
        gc.collect()
        gc.freeze()
    runs = []
    collected: dict[int, float] = {}  # CPU seconds in the collector, by generation
    started = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            g = info["generation"]
            collected[g] = collected.get(g, 0.0) + time.process_time() - started[0]

    gc.callbacks.append(on_gc)
    for _ in range(args.repeat):
        spent.clear()
        t0 = time.process_time()
        for i in range(0, len(articles), 8):
            process_batch(articles[i : i + 8], names)
        total = time.process_time() - t0
        run = dict(spent)
        run["other (doc, freeze, RDF)"] = total - sum(spent.values())
        run["total"] = total
        runs.append(run)
    median = {k: round(statistics.median(r[k] for r in runs), 2) for k in runs[0]}
    out = {
        "root": root,
        "articles": len(articles),
        "warm": len(warm),
        "repeat": args.repeat,
        "gc_threshold": gc.get_threshold(),
        "gc_freeze": args.gc_freeze,
        "cpu_s": median,
        "gc_s_by_generation": {g: round(t / args.repeat, 2) for g, t in sorted(collected.items())},
        "articles_per_cpu_s": round(len(articles) / median["total"], 1),
        "load": round(os.getloadavg()[0], 1),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
