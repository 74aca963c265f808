"""Time SPARQL query files against a build's store (CPU and wall, rows), one process.

    PYTHONPATH=$PWD .venv/bin/python bench/time_queries.py OUT/ queries/*.rq

Used to compare two writings of a shipped query on a big build (bench/archive_results.md).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from rasd.graph.store import load, run_query


def main() -> None:
    store = load(Path(sys.argv[1]))
    for name in sys.argv[2:]:
        text = Path(name).read_text(encoding="utf-8")
        wall, cpu = time.perf_counter(), time.process_time()
        rows = sum(1 for _ in run_query(store, text, name))  # type: ignore[attr-defined]
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{name}: {rows} rows, wall {wall:.2f} s, cpu {cpu:.2f} s", flush=True)


if __name__ == "__main__":
    main()
