"""Exporters looked up by format name, the way rdflib's ``Graph.serialize`` finds its plugins.

>>> sorted(EXPORTERS)[:3]
['csv', 'gexf', 'graphml']
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from rdflib import RDF, Dataset, Graph
from rdflib.plugins.serializers.trig import TrigSerializer

from export import fast
from graph.network import arabic_label, entity_classes, to_networkx
from graph.vocab import SCHEMA
from extract.errors import UsageError


@dataclass(frozen=True)
class Exporter:
    """A named output format: what it writes and the default file name."""

    name: str
    default_name: str
    description: str
    write: Callable[[Dataset, Path], None]


EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str, default_name: str, description: str) -> Callable:
    """Register a writer ``fn(dataset, path)`` under a format name."""

    def register(fn: Callable[[Dataset, Path], None]) -> Callable[[Dataset, Path], None]:
        EXPORTERS[name] = Exporter(name, default_name, description, fn)
        return fn

    return register


def get_exporter(name: str) -> Exporter:
    """The exporter for ``name`` (raises :class:`~extract.errors.UsageError` if unknown)."""
    try:
        return EXPORTERS[name]
    except KeyError:
        raise UsageError(
            f"unknown export format '{name}'; available: {', '.join(sorted(EXPORTERS))}"
        ) from None


def union(ds: Dataset) -> Graph:
    from graph.build import merged_graph

    return merged_graph(ds)


def _write_rdf(fmt: str) -> Callable[[Dataset, Path], None]:
    def write(ds: Dataset, path: Path) -> None:
        g = union(ds)
        if fmt == "turtle" and len(g) > fast.FAST_THRESHOLD:
            fast.write_turtle(g, path)
            return
        path.write_bytes(g.serialize(format=fmt, encoding="utf-8"))

    return write


exporter("turtle", "graph.ttl", "merged graph as Turtle (for SPARQL stores)")(_write_rdf("turtle"))
exporter("nt", "graph.nt", "merged graph as N-Triples (line-based, fast to load)")(_write_rdf("nt"))
exporter("jsonld", "graph.jsonld", "merged graph as JSON-LD")(_write_rdf("json-ld"))


class _SortedTrigSerializer(TrigSerializer):
    """rdflib's TriG serializer with the graphs in IRI order (rdflib keeps them in hash order,
    so the same dataset came out in a different order from run to run)."""

    def preprocess(self) -> None:
        self.contexts.sort(key=lambda g: str(g.identifier))
        super().preprocess()


@exporter("trig", "graph.trig", "one named graph per article (provenance) as TriG")
def _trig(ds: Dataset, path: Path) -> None:
    if len(ds) > fast.FAST_THRESHOLD:
        fast.write_trig(ds, path)
        return
    buf = io.BytesIO()
    _SortedTrigSerializer(ds).serialize(buf, encoding="utf-8")
    path.write_bytes(buf.getvalue())


@exporter("graphml", "graph.graphml", "entity network for Gephi, yEd, Cytoscape (GraphML)")
def _graphml(ds: Dataset, path: Path) -> None:
    nx.write_graphml(_simple(union(ds)), path, encoding="utf-8")


@exporter("gexf", "graph.gexf", "entity network for Gephi (GEXF)")
def _gexf(ds: Dataset, path: Path) -> None:
    nx.write_gexf(_simple(union(ds)), path, encoding="utf-8")


def _simple(g: Graph) -> nx.DiGraph:
    """Entity network with parallel edges folded into a weight and a predicate list."""
    net = to_networkx(g)
    out = nx.DiGraph()
    for n, data in net.nodes(data=True):
        out.add_node(n, label=data["label"], cls=data["cls"])
    for a, b, data in net.edges(data=True):
        if out.has_edge(a, b):
            e = out[a][b]
            e["weight"] += 1
            if data["predicate"] not in e["predicates"].split(" "):
                e["predicates"] = " ".join(sorted({*e["predicates"].split(" "), data["predicate"]}))
        else:
            out.add_edge(a, b, weight=1, predicates=data["predicate"])
    return out


@exporter("csv", "graph-csv", "entities.csv, relations.csv and claims.csv in a folder")
def _csv(ds: Dataset, path: Path) -> None:
    g = union(ds)
    path.mkdir(parents=True, exist_ok=True)
    classes = entity_classes(g)
    with (path / "entities.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["iri", "label", "class", "mentions"])
        for node in sorted(classes):
            n = len(set(g.subjects(SCHEMA.mentions, node)))
            w.writerow([str(node), arabic_label(g, node), classes[node], n])
    net = to_networkx(g)
    with (path / "relations.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["subject", "subject_label", "predicate", "object", "object_label"])
        for a, b, data in sorted(
            net.edges(data=True), key=lambda e: (e[0], e[1], e[2]["predicate"])
        ):
            if data["predicate"] != "claim":
                w.writerow([a, net.nodes[a]["label"], data["predicate"], b, net.nodes[b]["label"]])
    with (path / "claims.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["claim", "speaker", "text", "date", "article"])
        for claim in sorted(g.subjects(RDF.type, SCHEMA.Claim)):
            speakers = "|".join(sorted(arabic_label(g, a) for a in g.objects(claim, SCHEMA.author)))
            text = str(g.value(claim, SCHEMA.text) or "")
            date = str(g.value(claim, SCHEMA.dateCreated) or "")
            art = str(g.value(claim, SCHEMA.appearance) or "")
            w.writerow([str(claim), speakers, text, date, art])
