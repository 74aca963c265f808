"""Exporters looked up by format name, the way rdflib's ``Graph.serialize`` finds its plugins.

>>> sorted(EXPORTERS)[:3]
['csv', 'gexf', 'graphml']
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, Graph

from export.atomic import atomic_path
from extract.errors import UsageError
from graph.network import arabic_label, entity_classes, to_networkx
from graph.store import PREFIXES, run_query
from graph.vocab import SCHEMA


@dataclass(frozen=True)
class Exporter:
    """A named output format: what it writes and the default file name."""

    name: str
    default_name: str
    description: str
    write: Callable[[ox.Store, Path], None]


EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str, default_name: str, description: str) -> Callable:
    """Register a writer ``fn(store, path)`` under a format name."""

    def register(fn: Callable[[ox.Store, Path], None]) -> Callable[[ox.Store, Path], None]:
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


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    with atomic_path(path) as tmp:
        write(tmp)


def _union(store: ox.Store) -> ox.QueryTriples:
    return run_query(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "export")


def _write_rdf(fmt: ox.RdfFormat) -> Callable[[ox.Store, Path], None]:
    def write(store: ox.Store, path: Path) -> None:
        _atomic(path, lambda tmp: ox.serialize(_union(store), str(tmp), fmt, prefixes=PREFIXES))

    return write


exporter("turtle", "graph.ttl", "merged graph as Turtle (for SPARQL stores)")(
    _write_rdf(ox.RdfFormat.TURTLE)
)
exporter("nt", "graph.nt", "merged graph as N-Triples (line-based, fast to load)")(
    _write_rdf(ox.RdfFormat.N_TRIPLES)
)


@exporter("jsonld", "graph.jsonld", "merged graph as JSON-LD")
def _jsonld(store: ox.Store, path: Path) -> None:
    g = Graph()
    g.parse(data=ox.serialize(_union(store), format=ox.RdfFormat.N_TRIPLES), format="nt")
    _atomic(path, lambda tmp: tmp.write_bytes(g.serialize(format="json-ld", encoding="utf-8")))


@exporter("trig", "graph.trig", "one named graph per article (provenance) as TriG")
def _trig(store: ox.Store, path: Path) -> None:
    _atomic(path, lambda tmp: store.dump(str(tmp), ox.RdfFormat.TRIG, prefixes=PREFIXES))


@exporter("nquads", "graph.nq", "one named graph per article as N-Quads (bulk loaders)")
def _nquads(store: ox.Store, path: Path) -> None:
    _atomic(path, lambda tmp: store.dump(str(tmp), ox.RdfFormat.N_QUADS))


#: What the entity network needs of the graph: classes, labels, typed relations, claims and
#: article mentions (not bodies, sentences or evidence), so it stays small on an archive.
_NETWORK_QUERY = """
CONSTRUCT {
  ?e a ?cls ; rdfs:label ?label .
  ?s ?rel ?o .
  ?c a schema:Claim ; schema:author ?author ; schema:about ?about ; schema:text ?text ;
     schema:dateCreated ?date ; schema:appearance ?art .
  ?a schema:mentions ?m .
} WHERE {
  { ?e a ?cls ; rdfs:label ?label . FILTER(STRSTARTS(STR(?e), "https://w3id.org/rasd/id/")) }
  UNION { ?s ?rel ?o . FILTER(STRSTARTS(STR(?rel), "https://w3id.org/rasd/ns#"))
          FILTER(STRSTARTS(STR(?s), "https://w3id.org/rasd/id/")) }
  UNION { ?c a schema:Claim .
          OPTIONAL { ?c schema:author ?author } OPTIONAL { ?c schema:about ?about }
          OPTIONAL { ?c schema:text ?text } OPTIONAL { ?c schema:dateCreated ?date }
          OPTIONAL { ?c schema:appearance ?art } }
  UNION { ?a schema:mentions ?m }
}
"""


def network_graph(store: ox.Store) -> Graph:
    """The part of the graph the entity network is drawn from, as a small rdflib graph."""
    g = Graph()
    data = ox.serialize(run_query(store, _NETWORK_QUERY, "export"), format=ox.RdfFormat.N_TRIPLES)
    g.parse(data=data, format="nt")
    return g


@exporter("graphml", "graph.graphml", "entity network for Gephi, yEd, Cytoscape (GraphML)")
def _graphml(store: ox.Store, path: Path) -> None:
    net = _simple(network_graph(store))
    _atomic(path, lambda tmp: nx.write_graphml(net, tmp, encoding="utf-8"))


@exporter("gexf", "graph.gexf", "entity network for Gephi (GEXF)")
def _gexf(store: ox.Store, path: Path) -> None:
    net = _simple(network_graph(store))
    _atomic(path, lambda tmp: nx.write_gexf(net, tmp, encoding="utf-8"))


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
def _csv(store: ox.Store, path: Path) -> None:
    g = network_graph(store)
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
