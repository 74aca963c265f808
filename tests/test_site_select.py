"""The site index reads SPARQL answers as TSV (``export.html.store._select``): every term must
come back with the value, kind and language that Oxigraph's own term objects give, whatever
the literal holds (Arabic with diacritics and tatweel, tabs, newlines, quotes, backslashes,
control characters), and numbers, booleans, dates and blank nodes in their stored form."""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.export.html.store import _select

XSD = "http://www.w3.org/2001/XMLSchema#"
S = ox.NamedNode("http://example.org/s")
P = ox.NamedNode("http://example.org/p")
QUERY = "SELECT ?o ?u WHERE { ?s ?p ?o OPTIONAL { ?s <http://example.org/none> ?u } }"
ARABIC = "قال المتحدث «داعش» ـــ إنَّ ٣٤ تويتر\u0640"
TEXT = st.text(alphabet=st.sampled_from(list(ARABIC + "ab \t\n\r\"\\'\x01\x7f{}<>@^_:")))


def _expected(store: ox.Store) -> list[tuple[str, str, str | None]]:
    """The objects as Oxigraph's term objects give them."""
    out = []
    for sol in store.query("SELECT ?o WHERE { ?s ?p ?o }", use_default_graph_as_union=True):
        o = sol["o"]
        kind = {ox.NamedNode: "iri", ox.BlankNode: "blank", ox.Literal: "literal"}[type(o)]
        out.append((o.value, kind, getattr(o, "language", None)))
    return sorted(out)


def _read(store: ox.Store) -> list[tuple[str, str, str | None]]:
    rows = list(_select(store, QUERY))
    assert all(len(r) == 2 and r[1] is None for r in rows)  # the unbound column stays None
    return sorted((o.value, o.kind, o.language) for o, _u in rows)


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(TEXT, min_size=1, max_size=5), lang=st.sampled_from([None, "ar", "ar-Latn"]))
def test_literals_read_as_tsv_equal_oxigraphs_terms(texts: list[str], lang: str | None) -> None:
    store = ox.Store()
    for t in texts:
        store.add(ox.Quad(S, P, ox.Literal(t, language=lang)))
    assert _read(store) == _expected(store)


def test_typed_literals_iris_and_blank_nodes_keep_their_stored_form() -> None:
    store = ox.Store()
    g = ox.NamedNode("http://example.org/graph")
    objects = [
        ox.Literal("12", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("-1.5e3", datatype=ox.NamedNode(XSD + "double")),
        ox.Literal("2.50", datatype=ox.NamedNode(XSD + "decimal")),
        ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
        ox.Literal("2015-07-21", datatype=ox.NamedNode(XSD + "date")),
        ox.Literal("1436-10-05", datatype=ox.NamedNode("http://example.org/hijri")),
        ox.NamedNode("http://example.org/ent/داعش"),
        ox.BlankNode("b1"),
    ]
    for o in objects:
        store.add(ox.Quad(S, P, o, g))  # in a named graph: read over the union
    got = _read(store)
    assert got == _expected(store)
    assert ("http://example.org/ent/داعش", "iri", None) in got
    assert ("12", "literal", None) in got
