"""The entity network has one definition (graph/network.py:entity_network): the GEXF, GraphML
and CSV exports and the pages build it from their own reads of the store and get the same
network."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from conftest import page_fixture_graph
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef

from rasd.export.html import site_network
from rasd.export.html.analytics import undirected_weighted
from rasd.export.html.store import read_index, store_from_graph
from rasd.export.registry import get_exporter, network
from rasd.graph.network import CLAIM_ABOUT, RELATIONS, entity_class, entity_label, entity_network
from rasd.graph.store import load
from rasd.graph.vocab import ID, RASD, SCHEMA


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


def test_exports_and_pages_build_the_same_network_of_the_seeds(seeds_build: Path) -> None:
    store = load(seeds_build)
    exported = network(store)
    _same(exported, site_network(read_index(store)))
    kinds = Counter(k for _a, _b, k in exported.edges(keys=True))
    assert kinds[CLAIM_ABOUT] > 20 and kinds["usesPlatform"] > 3 and kinds["location"] >= 1
    assert exported.nodes[str(ID["dAEc"])] == {"label": "داعش", "cls": "Organization"}


def test_the_page_fixture_network_is_the_same_from_both_readers() -> None:
    store = store_from_graph(page_fixture_graph())
    net = network(store)
    _same(net, site_network(read_index(store)))
    assert net.number_of_edges() > 5


def _source_graph() -> tuple[Graph, dict[str, URIRef]]:
    """A security source (Person and UnnamedSource, two Arabic labels) part of the French police,
    stated twice; a claim by the source about the police and itself; an attack located in
    Paris (City and Place); a self-relation; a node without a label."""
    g = Graph()
    iri = {k: ID[k] for k in ("source", "police", "attack", "paris", "unnamed", "claim", "article")}
    g.add((iri["source"], RDF.type, SCHEMA.Person))
    g.add((iri["source"], RDF.type, RASD.UnnamedSource))
    g.add((iri["source"], RDFS.label, Literal("مصدر في الشرطة الفرنسية", lang="ar")))
    g.add((iri["source"], RDFS.label, Literal("المتحدث", lang="ar")))
    g.add((iri["source"], RDFS.label, Literal("a police source", lang="en")))
    g.add((iri["police"], RDF.type, SCHEMA.Organization))
    g.add((iri["police"], RDFS.label, Literal("الشرطة الفرنسية", lang="ar")))
    g.add((iri["police"], RDFS.label, Literal("Alshrth Alfrnsyh", lang="ar-Latn")))
    g.add((iri["attack"], RDF.type, SCHEMA.Event))
    g.add((iri["attack"], RDFS.label, Literal("هجوم باريس", lang="ar")))
    g.add((iri["attack"], SCHEMA.location, iri["paris"]))
    g.add((iri["paris"], RDF.type, SCHEMA.Place))
    g.add((iri["paris"], RDF.type, SCHEMA.City))
    g.add((iri["paris"], RDFS.label, Literal("باريس", lang="ar")))
    g.add((iri["unnamed"], RDF.type, SCHEMA.Organization))
    g.add((iri["source"], RASD.partOf, iri["police"]))
    g.add((iri["police"], RASD.operatesIn, iri["police"]))  # resolved to itself: not an edge
    g.add((iri["unnamed"], RASD.operatesIn, iri["paris"]))  # no evidence statement: count 1
    for i in range(2):
        st_ = URIRef(f"https://w3id.org/rasd/statement/a/{i}")
        g.add((st_, RDF.type, RDF.Statement))
        g.add((st_, RDF.subject, iri["source"]))
        g.add((st_, RDF.predicate, RASD.partOf))
        g.add((st_, RDF.object, iri["police"]))
    g.add((iri["claim"], RDF.type, SCHEMA.Claim))
    g.add((iri["claim"], SCHEMA.text, Literal("الوضع تحت السيطرة", lang="ar")))
    g.add((iri["claim"], SCHEMA.author, iri["source"]))
    g.add((iri["claim"], SCHEMA.about, iri["police"]))
    g.add((iri["claim"], SCHEMA.about, iri["source"]))
    g.add((iri["claim"], SCHEMA.about, BNode()))  # not an entity
    return g, {k: str(v) for k, v in iri.items()}


def test_classes_labels_counts_and_self_edges_follow_one_rule() -> None:
    g, iri = _source_graph()
    store = store_from_graph(g)
    net = network(store)
    _same(net, site_network(read_index(store)))
    # most specific class (Person before UnnamedSource, City before Place); first Arabic label
    assert net.nodes[iri["source"]] == {"label": "المتحدث", "cls": "Person"}
    assert net.nodes[iri["paris"]]["cls"] == "City"
    assert net.nodes[iri["unnamed"]]["label"] == "unnamed"
    assert sorted(net.edges(keys=True, data="count")) == [
        (iri["attack"], iri["paris"], "location", 1),
        (iri["source"], iri["police"], CLAIM_ABOUT, 1),
        (iri["source"], iri["police"], "partOf", 2),
        (iri["unnamed"], iri["paris"], "operatesIn", 1),
    ]


def test_gexf_and_graphml_weigh_each_pair_by_its_counts(tmp_path: Path) -> None:
    g, iri = _source_graph()
    store = store_from_graph(g)
    pages = undirected_weighted(site_network(read_index(store)))
    for fmt, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        get_exporter(fmt).write(store, tmp_path / fmt)
        net = read(tmp_path / fmt)
        edge = net[iri["source"]][iri["police"]]
        assert int(edge["weight"]) == 3 and edge["predicates"] == f"{CLAIM_ABOUT} partOf"
        assert net.nodes[iri["source"]]["label"] == "المتحدث"
        folded: Counter[tuple[str, str]] = Counter()
        for a, b, w in net.edges(data="weight"):
            folded[tuple(sorted((a, b)))] += int(w)
        assert dict(folded) == {tuple(sorted(e[:2])): int(e[2]) for e in pages.edges(data="weight")}


def test_csv_relations_carry_their_count(tmp_path: Path) -> None:
    g, iri = _source_graph()
    get_exporter("csv").write(store_from_graph(g), tmp_path / "csv")
    rows = (tmp_path / "csv" / "relations.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "subject,subject_label,predicate,object,object_label,count"
    assert f"{iri['source']},المتحدث,partOf,{iri['police']},الشرطة الفرنسية,2" in rows
    assert len(rows) == 4  # header, location, partOf, operatesIn (no claim, no self-relation)
    speakers = (tmp_path / "csv" / "claims.csv").read_text(encoding="utf-8").splitlines()
    assert speakers[1].startswith(f"{iri['claim']},المتحدث,الوضع تحت السيطرة,")


def test_class_and_label_rules() -> None:
    assert entity_class([str(RASD.UnnamedSource), str(SCHEMA.Person)]) == "Person"
    assert entity_class([str(SCHEMA.Country), str(SCHEMA.Organization)]) == "Organization"
    assert entity_class([str(SCHEMA.NewsArticle)]) is None
    labels = [("Daesh", None), ("داعش", "ar"), ("الدولة الإسلامية", "AR"), ("dAEsh", "ar-Latn")]
    assert entity_label("x:isis", labels) == "الدولة الإسلامية"
    assert entity_label("x:isis", labels[:1] + labels[3:]) == "Daesh"
    assert entity_label("x:isis", labels[3:]) == "dAEsh"


# ---------------------------------------------------------------- properties of the builder

_IRIS = [f"https://w3id.org/rasd/id/{k}" for k in ("dAEc", "twytr", "bArys", "frnsA", "swryA")]
_PREDS = [*sorted(RELATIONS), str(SCHEMA.jobTitle), str(RDF.type)]
_nodes = st.lists(st.sampled_from(_IRIS), unique=True).map(
    lambda xs: [(x, f"اسم {i}", "Organization") for i, x in enumerate(xs)]
)
_relations = st.lists(
    st.tuples(
        st.sampled_from([*_IRIS, "https://example.org/other"]),
        st.sampled_from(_PREDS),
        st.sampled_from(_IRIS),
        st.integers(1, 5),
    ),
    max_size=30,
)
_claims = st.lists(
    st.tuples(st.lists(st.sampled_from(_IRIS), max_size=3), st.lists(st.sampled_from(_IRIS))),
    max_size=10,
)


@settings(max_examples=150, deadline=None)
@given(_nodes, _relations, _claims, st.randoms(use_true_random=False))
def test_entity_network_counts_and_order(nodes, relations, claims, rnd: random.Random) -> None:
    net = entity_network(nodes, relations, claims)
    known = {n[0] for n in nodes}
    assert list(net) == sorted(known)
    want: Counter[tuple[str, str, str]] = Counter()
    for s, p, o, n in relations:
        if p in RELATIONS and s != o and {s, o} <= known:
            want[(s, RELATIONS[p], o)] += n
    for speakers, about in claims:
        for a in set(speakers) & known:
            for b in set(about) & known - {a}:
                want[(a, CLAIM_ABOUT, b)] += 1
    assert {(a, k, b): n for a, b, k, n in net.edges(keys=True, data="count")} == dict(want)
    # the same records in any order give the same graph, node for node and edge for edge
    shuffled = [list(x) for x in (nodes, relations, claims)]
    for x in shuffled:
        rnd.shuffle(x)
    _same(net, entity_network(*shuffled))
    # the pages' view: one undirected edge per pair, weight the counts of both directions
    und = undirected_weighted(net)
    assert list(und) == list(net)
    assert sum(w for _a, _b, w in und.edges(data="weight")) == sum(want.values())
    for a, b, w in und.edges(data="weight"):
        n = sum(d["count"] for d in net.get_edge_data(a, b, default={}).values())
        n += sum(d["count"] for d in net.get_edge_data(b, a, default={}).values())
        assert w == float(n) and n > 0


def test_an_empty_store_gives_an_empty_network() -> None:
    assert network(ox.Store()).number_of_nodes() == 0
