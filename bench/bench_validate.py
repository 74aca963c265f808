"""Benchmark SHACL validation (graph/validate.py) on built graphs.

Usage (from the repository root), after building the graphs to check:

    .venv/bin/python -m rasd.cli build seeds/ --no-pages --out /tmp/v-seeds
    .venv/bin/python bench/bench_validate.py /tmp/v-seeds/graph.ttl --repeat 3

Prints, per graph, the triple count and the median CPU time (time.process_time) over
``--repeat`` runs of: pySHACL on the core shapes, each SPARQL-based constraint (run once over
the graph by graph/validate.py), and the whole of validate().  Write the numbers into
``bench/validate_results.md`` with the command.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pyshacl
from rdflib import Graph

from rasd.graph.validate import _sparql_violations, _split_shapes, validate


def cpu(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return statistics.median(times)


def bench(path: Path, repeat: int) -> None:
    core, checks = _split_shapes()
    t = time.process_time()
    g = Graph().parse(path)
    parse = time.process_time() - t
    print(f"{path}: {len(g)} triples, parsed in {parse:.1f} s CPU")
    core_s = cpu(
        lambda: pyshacl.validate(g, shacl_graph=core, inference="none", inplace=True), repeat
    )
    print(f"  pySHACL core shapes                      {core_s:8.2f} s")
    for check in checks:
        s = cpu(lambda check=check: _sparql_violations(g, (check,)), repeat)
        print(f"  SPARQL {check.message[:33]:33s} {s:8.2f} s")
    violations: list[str] = []

    def run() -> None:
        violations[:] = validate(g)

    total = cpu(run, repeat)
    print(f"  validate() total {total:32.2f} s, {len(violations)} violations")
    for line in violations[:10]:
        print("   ", line)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("graphs", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    for path in args.graphs:
        bench(path, args.repeat)


if __name__ == "__main__":
    main()
