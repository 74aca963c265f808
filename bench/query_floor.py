"""How much of a shipped query's time is the per-row floor of reading solutions from the store.

Runs each query file given (twice) over a build folder's store, opened read-only as
``rasd query`` does, and prints rows, wall and CPU time (``time.process_time``: Oxigraph
evaluates in the calling thread, so CPU time is the query's own work even on a loaded machine)::

    PYTHONPATH=$PWD .venv/bin/python bench/query_floor.py OUT/ graph/queries/who_said_what.rq
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rasd.graph.store import load, run_query


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="a build folder (with store/)")
    ap.add_argument("queries", type=Path, nargs="+", help="SPARQL SELECT files")
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    store = load(args.out)
    for q in args.queries:
        text = q.read_text(encoding="utf-8")
        for _ in range(args.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            rows = sum(1 for _ in run_query(store, text, q.name))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"{q.name}\t{rows} rows\twall {wall:.2f} s\tcpu {cpu:.2f} s", flush=True)


if __name__ == "__main__":
    main()
