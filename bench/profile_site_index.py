"""The site-index read of a finished build alone (the first stage of a page write): CPU of
every process, wall, and PSS by process over time.

    PYTHONPATH=$PWD nice -n 10 .venv/bin/python bench/profile_site_index.py /tmp/a12/o31k \\
        --source cache|store [--workers 2]

``cache``: every article graph's part parsed from the build's cached N-Quads by ``--workers``
forked processes (:func:`export.html.store.read_part_quads`, as ``rasd build`` reads it);
``store``: SPARQL answers over the on-disk store with the claims read by a forked process (as
before).  Prints one JSON line: CPU seconds of this process and of the others, peak PSS summed
over the processes with this process's share, and the index's sizes.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from pathlib import Path

import psutil
import pyoxigraph as ox

from bench.profile_pages_full import Sampler
from rasd.build import STORE_DIR, _CachedArticles, _load_state, page_keys
from rasd.export.html.incremental import current_parts
from rasd.export.html.store import read_index


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build", type=Path, help="the OUT folder of a finished rasd build")
    ap.add_argument("--source", choices=("cache", "store"), default="cache")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    out = args.build
    state = _load_state(out)
    if state is None:
        raise SystemExit(f"{out}: no build state")
    keys, _content_key, graph_key = page_keys(state)
    del state
    gc.collect()
    sampler = Sampler(0.5)
    sampler.start()
    t, c = time.perf_counter(), time.process_time()
    stats: dict[str, float] = {}
    store = ox.Store.read_only(str(out / STORE_DIR))
    if args.source == "cache":
        parts, _keep = current_parts(
            store,
            {},
            graph_key,
            stats=stats,
            parts_from=_CachedArticles(out, keys).part,
            workers=args.workers,
        )
        index = read_index(store, parts=parts)
    else:
        index = read_index(store, path=out / STORE_DIR, stats=stats)
    wall = time.perf_counter() - t
    sampler.stop.set()
    sampler.join()
    peak = max(sampler.samples, key=lambda s: s[1] + sum(s[2]))
    print(
        json.dumps(
            {
                "source": args.source,
                "wall": round(wall, 1),
                "cpu_builder": round(time.process_time() - c, 1),
                "cpu_others": round(stats.get("read_index", 0.0), 1),
                "peak_MB": round((peak[1] + sum(peak[2])) / 1e6),
                "peak_at": peak[0],
                "peak_builder_MB": round(peak[1] / 1e6),
                "peak_others_MB": [round(x / 1e6) for x in peak[2]],
                "builder_after_MB": round(psutil.Process().memory_full_info().pss / 1e6),
                "entities_articles_claims_relations": [
                    len(index.entities),
                    len(index.articles),
                    len(index.claims),
                    len(index.relations),
                ],
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
