"""networkx views of the RDF graph, and analytics as plain functions over them.

The entity network has one node per entity (IRI) with its Arabic label and class, and one
edge per typed relation (``usesPlatform``, ``affiliatedWith`` …) and per claim from speaker to
what the claim is about.  Analytics follow networkx's style (``degree_alg.py``): plain
functions taking a graph and returning a dict keyed by node.
"""

from __future__ import annotations

import networkx as nx
from rdflib import RDF, RDFS, Graph, URIRef

from graph.vocab import CLASSES, PREDICATES, SCHEMA

_CLASS_NAMES = {c.iri: c.name for c in CLASSES}
# the relations the extractor makes between two entities (not schema:jobTitle, a literal)
_PRED_NAMES = {p.iri: p.name for p in PREDICATES if p.extracted and not p.literal}


def entity_classes(g: Graph) -> dict[URIRef, str]:
    """Entity IRI → class name (Person, Organization, Platform …)."""
    out: dict[URIRef, str] = {}
    for iri, name in _CLASS_NAMES.items():
        for s in g.subjects(RDF.type, iri):
            if isinstance(s, URIRef):
                out[s] = name
    return out


def arabic_label(g: Graph, node: URIRef) -> str:
    """The ``@ar`` label of a node (its IRI if it has none)."""
    for lab in g.objects(node, RDFS.label):
        if getattr(lab, "language", None) == "ar":
            return str(lab)
    return str(node)


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """The entity network of an RDF graph.

    Node attributes: ``label`` (Arabic), ``cls``.  Edge attributes: ``predicate`` (local
    name, e.g. ``usesPlatform`` or ``claim``) and ``key`` (the claim IRI for claim edges).
    """
    classes = entity_classes(g)
    net = nx.MultiDiGraph()
    for node in sorted(classes):
        net.add_node(str(node), label=arabic_label(g, node), cls=classes[node])
    for pred_iri, name in sorted(_PRED_NAMES.items()):
        for s, o in sorted(g.subject_objects(pred_iri)):
            if s in classes and o in classes:
                net.add_edge(str(s), str(o), key=f"{name}", predicate=name)
    for claim in sorted(g.subjects(RDF.type, SCHEMA.Claim)):
        authors = sorted(a for a in g.objects(claim, SCHEMA.author) if a in classes)
        about = sorted(a for a in g.objects(claim, SCHEMA.about) if a in classes)
        for a in authors:
            for b in about:
                if a != b:
                    net.add_edge(str(a), str(b), key=str(claim), predicate="claim")
    return net
