"""A FULL page write of a finished build (as ``rasd build`` writes pages with no page state):
CPU by stage, wall, and memory (PSS) by process over time.

The build in ``BUILD`` is not touched: the site is written to ``--site`` (removed first), from
``BUILD``'s store (opened read-only) and result cache, with a fresh page state (every digest
computed, nothing kept), as ``rasd.build._write_site_fresh`` does.

    PYTHONPATH=$PWD nice -n 10 .venv/bin/python bench/profile_pages_full.py /tmp/a11/o2k \\
        --site /tmp/a11/site2k [--profile /tmp/a11/p.prof]

Prints one JSON line: wall, CPU seconds by stage (summed over the processes, as
``write_site_from_store`` reports them), the peak PSS summed over the process tree with the
builder's share and each page writer's, and the PSS timeline (every ``--every`` seconds).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import os
import shutil
import threading
import time
from pathlib import Path

import psutil

from bench.bench_archive import _pss
from rasd.build import STORE_DIR, _CachedArticles, _load_state, page_keys
from rasd.export.html import write_site_from_store
from rasd.export.html.incremental import PageState


class Sampler(threading.Thread):
    """PSS of this process and its children every ``every`` seconds."""

    def __init__(self, every: float, log: Path | None = None) -> None:
        super().__init__(daemon=True)
        self.every = every
        self.log = log
        self.t0 = time.perf_counter()
        self.samples: list[tuple[float, int, list[int]]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        me = psutil.Process(os.getpid())
        while not self.stop.is_set():
            sizes = []
            with contextlib.suppress(psutil.Error):
                kids = me.children(recursive=True)
                sizes.append(_pss(me))
                for k in kids:
                    with contextlib.suppress(psutil.Error):
                        sizes.append(_pss(k))
            if sizes:
                self.samples.append(
                    (round(time.perf_counter() - self.t0, 1), sizes[0], sorted(sizes[1:]))
                )
                if self.log is not None:  # as it goes: a run cut short still shows its memory
                    t, me_, kids_ = self.samples[-1]
                    with self.log.open("a", encoding="utf-8") as f:
                        f.write(f"{t}\t{me_ // 10**6}\t{[k // 10**6 for k in kids_]}\n")
            self.stop.wait(self.every)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build", type=Path, help="the OUT folder of a finished rasd build")
    ap.add_argument("--site", type=Path, required=True, help="where the site is written")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--profile", type=Path, help="cProfile of the builder process to this file")
    ap.add_argument("--every", type=float, default=0.5)
    ap.add_argument("--log", type=Path, help="append each PSS sample (MB) to this file")
    ap.add_argument(
        "--store-parts",
        action="store_true",
        help="read the site index's parts from the store (as before archive12), not the cache",
    )
    args = ap.parse_args()
    out = args.build
    state = _load_state(out)
    if state is None:
        raise SystemExit(f"{out}: no build state")
    keys, content_key, graph_key = page_keys(state)
    if args.site.exists():
        shutil.rmtree(args.site)
    pages = PageState()
    articles = _CachedArticles(out, keys)
    stats: dict[str, float] = {}
    sampler = Sampler(args.every, args.log)
    sampler.start()
    prof = cProfile.Profile() if args.profile else None
    t = time.perf_counter()
    c = time.process_time()
    if prof:
        prof.enable()
    write_site_from_store(
        out / STORE_DIR,
        args.site,
        state=pages,
        content_key=content_key,
        graph_key=graph_key,
        articles=articles,
        parts_from=None if args.store_parts else articles.part,
        workers=args.workers,
        stats=stats,
    )
    if prof:
        prof.disable()
        prof.dump_stats(args.profile)
    wall = time.perf_counter() - t
    builder_cpu = time.process_time() - c
    sampler.stop.set()
    sampler.join()
    peak = max(sampler.samples, key=lambda s: s[1] + sum(s[2]))
    print(
        json.dumps(
            {
                "wall": round(wall, 1),
                "builder_cpu": round(builder_cpu, 1),
                "written": pages.written,
                **{k: round(v, 1) for k, v in stats.items()},
                "peak_MB": round((peak[1] + sum(peak[2])) / 1e6),
                "peak_at": peak[0],
                "peak_builder_MB": round(peak[1] / 1e6),
                "peak_writers_MB": [round(x / 1e6) for x in peak[2]],
                "timeline": [
                    (s[0], round(s[1] / 1e6), [round(x / 1e6) for x in s[2]])
                    for s in sampler.samples[:: max(1, len(sampler.samples) // 60)]
                ],
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
