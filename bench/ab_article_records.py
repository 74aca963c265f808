"""An article's records for its page, the two ways, in one process: from its cached N-Quads
parsed (:func:`export.html.store.read_article_quads`, what the build's page writers do) and
loaded into an in-memory store and queried (:func:`export.html.store.read_article`, before);
CPU seconds of each round and whether every record is equal.

    PYTHONPATH=$PWD nice -n 10 .venv/bin/python bench/ab_article_records.py /tmp/a11/o31k \\
        --every 30 --n 1000

Every entity counts as known (no site index is read), so every mention is kept.
"""

from __future__ import annotations

import argparse
import json
import time
import zlib
from pathlib import Path

import pyoxigraph as ox

from rasd.build import _CachedArticles, _load_state, page_keys
from rasd.cache import ResultCache
from rasd.export.html.store import read_article
from rasd.graph.iri import article_iri


class _Every(dict):
    """Every entity known."""

    def __contains__(self, key: object) -> bool:
        return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build", type=Path, help="the OUT folder of a finished rasd build")
    ap.add_argument("--every", type=int, default=30, help="every n-th article (by id)")
    ap.add_argument("--n", type=int, default=1000, help="at most this many articles")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    state = _load_state(args.build)
    if state is None:
        raise SystemExit(f"{args.build}: no build state")
    keys, _ck, _gk = page_keys(state)
    arts = [str(article_iri(a)) for a in sorted(keys)[:: args.every][: args.n]]
    cache = ResultCache(args.build / "cache" / "results.sqlite")
    parsed = _CachedArticles(args.build, keys)
    ents = _Every()
    for _ in range(args.rounds):
        t = time.process_time()
        new = [parsed(a, ents) for a in arts]
        t_new = time.process_time() - t
        t = time.process_time()
        old = []
        for a in arts:
            small = ox.Store()
            small.load(
                zlib.decompress(cache.get_nquads(keys[a.rsplit("/", 1)[-1]])), ox.RdfFormat.N_QUADS
            )
            old.append(read_article(small, a, ents))
        t_old = time.process_time() - t
        equal = sum(x == y for x, y in zip(old, new, strict=True))
        print(
            json.dumps(
                {
                    "articles": len(arts),
                    "parsed_s": round(t_new, 2),
                    "store_s": round(t_old, 2),
                    "equal": equal,
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
