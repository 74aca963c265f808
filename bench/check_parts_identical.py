"""Check that each article graph's site-index part parsed from a build's cached N-Quads
(:func:`export.html.store.read_part_quads`) equals the part read from its store
(:func:`export.html.store.read_parts`), lists compared in sorted order.

    PYTHONPATH=$PWD nice -n 10 .venv/bin/python bench/check_parts_identical.py \\
        /tmp/a12/o31k --every 10

Prints the number of graphs checked and how many differ (the first two shown).
"""

from __future__ import annotations

import argparse
import time
import zlib
from pathlib import Path

import pyoxigraph as ox

from rasd.build import STORE_DIR, _load_state, page_keys
from rasd.cache import ResultCache
from rasd.export.html.store import read_part_quads, read_parts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build", type=Path, help="the OUT folder of a finished rasd build")
    ap.add_argument("--every", type=int, default=1, help="check every Nth article graph")
    args = ap.parse_args()
    state = _load_state(args.build)
    if state is None:
        raise SystemExit(f"{args.build}: no build state")
    _keys, _content_key, graph_key = page_keys(state)
    cache = ResultCache(args.build / "cache" / "results.sqlite")
    store = ox.Store.read_only(str(args.build / STORE_DIR))
    graphs = sorted(g.value for g in store.named_graphs() if graph_key(g.value))
    graphs = graphs[:: args.every]
    bad = 0
    cpu = time.process_time()
    for g in graphs:
        data = cache.get_nquads(graph_key(g) or "")
        mine = None
        if data is not None:
            quads = ox.parse(zlib.decompress(data), ox.RdfFormat.N_QUADS)
            mine = read_part_quads(quads, g)
        theirs = read_parts(store, g)[g]
        if mine is None or mine.canonical() != theirs.canonical():
            bad += 1
            if bad <= 2:
                print("differs:", g, "(no part from the cache)" if mine is None else "")
    print(f"{len(graphs)} graphs, {bad} differ ({time.process_time() - cpu:.1f} s CPU)")


if __name__ == "__main__":
    main()
