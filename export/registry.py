"""Exporters looked up by format name, the way rdflib's ``Graph.serialize`` finds its plugins.

>>> sorted(EXPORTERS)[:3]
['csv', 'gexf', 'graphml']
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from rasd.export.atomic import atomic_path
from rasd.extract.errors import UsageError
from rasd.graph.network import CLAIM_ABOUT, RELATIONS, entity_class, entity_label, entity_network
from rasd.graph.store import PREFIXES, run_query
from rasd.graph.vocab import CLASSES, SCHEMA


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


def _rows(store: ox.Store, sparql: str):
    """Rows of a SELECT over the union of the graphs, as tuples of terms (``None`` unbound)."""
    res = run_query(store, sparql, "export")
    names = [v.value for v in res.variables]
    for sol in res:
        yield tuple(sol[n] for n in names)


def _values(iris) -> str:
    return " ".join(f"<{i}>" for i in sorted(iris))


_CLASS_IRIS = _values(str(c.iri) for c in CLASSES)


def _entities(store: ox.Store) -> list[tuple[str, str, str]]:
    """``(iri, label, class)`` of every entity, chosen by :func:`graph.network.entity_label`
    and :func:`graph.network.entity_class` (the rules the pages follow)."""
    types: dict[str, list[str]] = defaultdict(list)
    labels: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for e, t, lab in _rows(
        store,
        f"SELECT DISTINCT ?e ?t ?l WHERE {{ VALUES ?t {{ {_CLASS_IRIS} }} ?e a ?t"
        " OPTIONAL { ?e rdfs:label ?l } }",
    ):
        if isinstance(e, ox.NamedNode):
            types[e.value].append(t.value)
            if isinstance(lab, ox.Literal):
                labels[e.value].append((lab.value, lab.language))
    return [
        (e, entity_label(e, labels.get(e, ())), entity_class(ts) or "") for e, ts in types.items()
    ]


def network(store: ox.Store) -> nx.MultiDiGraph:
    """The entity network of a store (:func:`graph.network.entity_network`), read with three
    SELECTs: entities with their types and labels, relations with the number of evidence
    statements of each, and the speakers and subjects of claims (no text, so it stays small
    on an archive)."""
    nodes = _entities(store)
    relations = [
        (s.value, p.value, o.value, max(1, int(n.value)))
        for s, p, o, n in _rows(
            store,
            f"""SELECT ?s ?p ?o (COUNT(DISTINCT ?st) AS ?n) WHERE {{
              VALUES ?p {{ {_values(RELATIONS)} }}
              {{ ?s ?p ?o }} UNION
              {{ ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }}
            }} GROUP BY ?s ?p ?o""",
        )
    ]
    speakers: dict[str, list[str]] = defaultdict(list)
    about: dict[str, list[str]] = defaultdict(list)
    for c, p, x in _rows(
        store,
        "SELECT ?c ?p ?x WHERE { ?c a schema:Claim ; ?p ?x"
        " FILTER(?p IN (schema:author, schema:about)) }",
    ):
        (about if p.value == str(SCHEMA.about) else speakers)[c.value].append(x.value)
    claims = [(speakers.get(c, ()), about.get(c, ())) for c in sorted({*speakers, *about})]
    return entity_network(nodes, relations, claims)


@exporter("graphml", "graph.graphml", "entity network for Gephi, yEd, Cytoscape (GraphML)")
def _graphml(store: ox.Store, path: Path) -> None:
    net = _simple(network(store))
    _atomic(path, lambda tmp: nx.write_graphml(net, tmp, encoding="utf-8"))


@exporter("gexf", "graph.gexf", "entity network for Gephi (GEXF)")
def _gexf(store: ox.Store, path: Path) -> None:
    net = _simple(network(store))
    _atomic(path, lambda tmp: nx.write_gexf(net, tmp, encoding="utf-8"))


def _simple(net: nx.MultiDiGraph) -> nx.DiGraph:
    """The entity network with one edge per ordered pair: ``weight`` the sum of the counts
    of its relations and claims, ``predicates`` their kinds (space-separated, sorted)."""
    out = nx.DiGraph()
    out.add_nodes_from(net.nodes(data=True))
    for a, b, kind, n in net.edges(keys=True, data="count"):
        if out.has_edge(a, b):
            e = out[a][b]
            e["weight"] += n
            e["predicates"] = " ".join(sorted({*e["predicates"].split(" "), kind}))
        else:
            out.add_edge(a, b, weight=n, predicates=kind)
    return out


@exporter("csv", "graph-csv", "entities.csv, relations.csv and claims.csv in a folder")
def _csv(store: ox.Store, path: Path) -> None:
    net = network(store)
    path.mkdir(parents=True, exist_ok=True)
    mentions = {
        e.value: int(n.value)
        for e, n in _rows(
            store,
            "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions ?e } GROUP BY ?e",
        )
    }
    with (path / "entities.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["iri", "label", "class", "mentions"])
        for node, data in net.nodes(data=True):
            w.writerow([node, data["label"], data["cls"], mentions.get(node, 0)])
    with (path / "relations.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["subject", "subject_label", "predicate", "object", "object_label", "count"])
        for a, b, kind, n in sorted(net.edges(keys=True, data="count")):
            if kind != CLAIM_ABOUT:
                w.writerow([a, net.nodes[a]["label"], kind, b, net.nodes[b]["label"], n])
    claims: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for c, p, x in _rows(
        store,
        "SELECT ?c ?p ?x WHERE { ?c a schema:Claim . OPTIONAL { ?c ?p ?x FILTER(?p IN"
        " (schema:author, schema:text, schema:dateCreated, schema:appearance)) } }",
    ):
        props = claims[c.value]  # every claim gets a row, even one without these properties
        if p is not None:
            props[p.value].append(x.value)

    def first(v: dict[str, list[str]], p) -> str:
        return min(v.get(str(p), ()), default="")

    with (path / "claims.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["claim", "speaker", "text", "date", "article"])
        for claim in sorted(claims):
            v = claims[claim]
            speakers = "|".join(
                sorted(
                    net.nodes[a]["label"] if a in net else a
                    for a in set(v.get(str(SCHEMA.author), ()))
                )
            )
            text = first(v, SCHEMA.text)
            date = first(v, SCHEMA.dateCreated)
            art = first(v, SCHEMA.appearance)
            w.writerow([claim, speakers, text, date, art])
