"""Fast, deterministic Turtle and TriG for large graphs: one triple a line, sorted.

rdflib's pretty serializers group triples by subject but take ~10 s per 100k triples
(``bench/build_results.md``); for large builds this writer emits the same graph as sorted
N-Triples-style lines — valid Turtle and TriG, loadable by any SPARQL store — in a fraction of
the time.  Small graphs keep rdflib's readable output.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.term import Node

#: Graphs larger than this are written one triple a line.
FAST_THRESHOLD = 50_000


def _lines(triples: Iterable[tuple[Node, Node, Node]]) -> list[str]:
    return sorted(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples)


def write_turtle(g: Graph, path: Path) -> None:
    """Write ``g`` as Turtle, one triple a line, sorted (byte-identical for equal graphs)."""
    with path.open("w", encoding="utf-8") as f:
        f.writelines(_lines(g))


def write_trig(ds: Dataset, path: Path) -> None:
    """Write ``ds`` as TriG: the default graph's triples, then one ``<graph> { … }`` block per
    named graph, in IRI order."""
    default = ds.default_graph.identifier
    with path.open("w", encoding="utf-8") as f:
        f.writelines(_lines(ds.default_graph))
        named = sorted(
            (g for g in ds.graphs() if g.identifier != default and len(g)),
            key=lambda g: str(g.identifier),
        )
        for g in named:
            f.write(f"\n{g.identifier.n3()} {{\n")
            f.writelines(_lines(g))
            f.write("}\n")
