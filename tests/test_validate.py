"""The graph contract as SHACL (graph/shapes.ttl): the seeds build conforms, and each kind of
breakage gives exactly its own violation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from rasd.graph.validate import validate
from rasd.graph.vocab import RASD, SCHEMA


def copy(g: Graph) -> Graph:
    out = Graph()
    for prefix, ns in g.namespaces():
        out.bind(prefix, ns, replace=True)
    for t in g:
        out.add(t)
    return out


def first(g: Graph, cls: URIRef, has: URIRef | None = None) -> URIRef:
    """The first node of a class (in IRI order), optionally one that has property ``has``."""
    nodes = sorted(s for s in g.subjects(RDF.type, cls) if has is None or g.value(s, has))
    return nodes[0]


def short(g: Graph, node: URIRef) -> str:
    return node.n3(g.namespace_manager)


def test_the_seeds_graph_conforms(seeds_graph: Graph) -> None:
    n = len(seeds_graph)
    assert validate(seeds_graph) == []
    assert len(seeds_graph) == n  # validation never adds to the graph


def _claim_without_text(g: Graph) -> tuple[URIRef, str]:
    claim = first(g, SCHEMA.Claim)
    g.remove((claim, SCHEMA.text, None))
    return claim, "schema:text: a claim has exactly one schema:text"


def _claim_without_speaker(g: Graph) -> tuple[URIRef, str]:
    claim = first(g, SCHEMA.Claim)
    g.remove((claim, SCHEMA.author, None))
    return claim, '-: a claim has a schema:author, or rasd:speakerStatus "unresolved"'


def _city_as_speaker(g: Graph) -> tuple[URIRef, str]:
    claim = first(g, SCHEMA.Claim, SCHEMA.author)
    g.remove((claim, SCHEMA.author, None))
    g.add((claim, SCHEMA.author, first(g, SCHEMA.City)))
    return claim, "schema:author: a claim's schema:author is a Person, Organization"


def _two_arabic_labels(g: Graph) -> tuple[URIRef, str]:
    person = first(g, SCHEMA.Person)
    g.add((person, RDFS.label, Literal("اسم آخر", lang="ar")))
    return person, "rdfs:label: an entity has exactly one rdfs:label tagged @ar"


def _only_a_transliterated_label(g: Graph) -> tuple[URIRef, str]:
    org = first(g, SCHEMA.Organization)
    for label in list(g.objects(org, RDFS.label)):
        if label.language == "ar":
            g.remove((org, RDFS.label, label))
    return org, "rdfs:label: an entity has exactly one rdfs:label tagged @ar"


def _untyped_date(g: Graph) -> tuple[URIRef, str]:
    art = first(g, SCHEMA.NewsArticle, has=SCHEMA.datePublished)
    value = g.value(art, SCHEMA.datePublished)
    g.set((art, SCHEMA.datePublished, Literal(str(value))))
    return art, "schema:datePublished: a date is a valid xsd:date, xsd:gYearMonth or xsd:gYear"


def _impossible_date(g: Graph) -> tuple[URIRef, str]:
    claim = first(g, SCHEMA.Claim, has=SCHEMA.dateCreated)
    g.set((claim, SCHEMA.dateCreated, Literal("2017-13-45", datatype=XSD.date)))
    return claim, "schema:dateCreated: a date is a valid xsd:date, xsd:gYearMonth or xsd:gYear"


def _end_past_the_body(g: Graph) -> tuple[URIRef, str]:
    mention = first(g, RASD.Mention)
    art = g.value(mention, RASD.inArticle)
    n = len(str(g.value(art, SCHEMA.articleBody)))
    g.set((mention, RASD.end, Literal(n + 5)))
    return mention, f"-: rasd:end {n + 5} is past the end of the article body ({n} characters)"


def _start_after_end(g: Graph) -> tuple[URIRef, str]:
    sentence = first(g, RASD.Sentence)
    end = g.value(sentence, RASD.end).toPython()
    g.set((sentence, RASD.start, Literal(end + 1)))
    return sentence, "rasd:start: rasd:start is one non-negative xsd:integer, not after rasd:end"


def _string_offset(g: Graph) -> tuple[URIRef, str]:
    date = first(g, RASD.DateMention)
    g.set((date, RASD.start, Literal(str(g.value(date, RASD.start)))))
    return date, "rasd:start: rasd:start is one non-negative xsd:integer, not after rasd:end"


def _surface_not_at_offsets(g: Graph) -> tuple[URIRef, str]:
    mention = first(g, RASD.Mention)
    g.set((mention, RASD.surface, Literal("غير موجود", lang="ar")))
    return mention, "-: the text of a span (غير موجود) is not the article body at its offsets"


def _span_without_article(g: Graph) -> tuple[URIRef, str]:
    mention = first(g, RASD.Mention)
    g.remove((mention, RASD.inArticle, None))
    return mention, "-: a span points into exactly one article that has a schema:articleBody"


def _untyped_entity(g: Graph) -> tuple[URIRef, str]:
    place = first(g, SCHEMA.City)
    g.remove((place, RDF.type, None))
    return place, (
        "rdf:type: an entity has a class (one of the twelve entity classes of the contract)"
    )


BREAKAGES: dict[str, Callable[[Graph], tuple[URIRef, str]]] = {
    f.__name__.lstrip("_"): f
    for f in (
        _claim_without_text,
        _claim_without_speaker,
        _city_as_speaker,
        _two_arabic_labels,
        _only_a_transliterated_label,
        _untyped_date,
        _impossible_date,
        _end_past_the_body,
        _start_after_end,
        _string_offset,
        _surface_not_at_offsets,
        _span_without_article,
        _untyped_entity,
    )
}


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_each_breakage_gives_its_violation(seeds_graph: Graph, name: str) -> None:
    g = copy(seeds_graph)
    node, expected = BREAKAGES[name](g)
    violations = validate(g)
    assert len(violations) == 1, violations
    assert violations[0].startswith(f"{short(g, node)} {expected}"), violations[0]


def test_an_unresolved_speaker_is_allowed(seeds_graph: Graph) -> None:
    g = copy(seeds_graph)
    claim, _ = _claim_without_speaker(g)
    g.add((claim, URIRef(str(RASD._NS) + "speakerStatus"), Literal("unresolved")))
    assert validate(g) == []


def test_a_country_may_speak(seeds_graph: Graph) -> None:
    # "قالت إيران إن …": the country speaks for its government (docs/graph-contract.md)
    g = copy(seeds_graph)
    claim = first(g, SCHEMA.Claim, SCHEMA.author)
    g.remove((claim, SCHEMA.author, None))
    g.add((claim, SCHEMA.author, first(g, SCHEMA.Country)))
    assert validate(g) == []
