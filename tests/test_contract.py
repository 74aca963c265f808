"""The graph contract (docs/graph-contract.md), checked with SPARQL over a real build of seeds/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from rasd.graph.vocab import CLASSES, RASD, SCHEMA

PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX rasd: <https://w3id.org/rasd/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
ENTITY_CLASSES = [c.iri for c in CLASSES]


def q(g: Graph, sparql: str) -> list:
    return list(g.query(PREFIXES + sparql))


def entities(g: Graph) -> set:
    return {s for c in ENTITY_CLASSES for s in g.subjects(RDF.type, c)}


def test_five_articles_with_the_dates_and_publishers_the_texts_give(seeds_graph: Graph) -> None:
    rows = q(
        seeds_graph,
        "SELECT ?a ?d WHERE { ?a a schema:NewsArticle . OPTIONAL { ?a schema:datePublished ?d } }",
    )
    assert len(rows) == 5
    dates = sorted(str(d) for _a, d in rows if d is not None)
    assert dates == ["2017-10-06", "2018-07-21"]
    assert all(d.datatype == XSD.date for _a, d in rows if d is not None)
    pubs = {
        str(r[0])
        for r in q(
            seeds_graph,
            "SELECT ?l WHERE { ?a schema:publisher ?p . ?p rdfs:label ?l FILTER(lang(?l)='ar') }",
        )
    }
    assert {"صحيفة الحياة", "موقع الوقت"} <= pubs


def test_every_class_is_present(seeds_graph: Graph) -> None:
    for cls, at_least in [
        (SCHEMA.Person, 10),
        (SCHEMA.Organization, 10),
        (SCHEMA.Country, 4),
        (SCHEMA.City, 5),
        (RASD.Platform, 5),
        (SCHEMA.Claim, 25),
        (SCHEMA.Event, 1),
    ]:
        assert len(set(seeds_graph.subjects(RDF.type, cls))) >= at_least, cls


def test_every_entity_has_exactly_one_arabic_label_and_an_iri(seeds_graph: Graph) -> None:
    ents = entities(seeds_graph)
    assert ents
    for e in ents:
        assert isinstance(e, URIRef) and str(e).startswith("https://w3id.org/rasd/id/")
        ar = [lab for lab in seeds_graph.objects(e, RDFS.label) if lab.language == "ar"]
        assert len(ar) == 1, (e, ar)
    assert not any(isinstance(t, BNode) for triple in seeds_graph for t in triple)


def test_claims_have_text_speaker_article_and_evidence(seeds_graph: Graph) -> None:
    bad = q(
        seeds_graph,
        """
        SELECT ?c WHERE { ?c a schema:Claim .
          FILTER NOT EXISTS { ?c schema:text ?t FILTER(lang(?t) = "ar") }
        } """,
    )
    assert bad == []
    # a claim has its speaker, or says that the speaker could not be identified (never both)
    open_or_both = q(
        seeds_graph,
        """
        SELECT ?c WHERE { ?c a schema:Claim .
          { FILTER NOT EXISTS { ?c schema:author ?a }
            FILTER NOT EXISTS { ?c rasd:speakerStatus "unresolved" } }
          UNION { ?c schema:author ?a ; rasd:speakerStatus ?s } } """,
    )
    assert open_or_both == []
    for prop in ("schema:appearance", "rasd:inSentence", "rasd:start", "rasd:end"):
        missing = q(
            seeds_graph,
            f"SELECT ?c WHERE {{ ?c a schema:Claim FILTER NOT EXISTS {{ ?c {prop} ?x }} }}",
        )
        assert missing == [], prop


def test_all_dates_are_typed_literals(seeds_graph: Graph) -> None:
    typed = {XSD.date, XSD.gYearMonth, XSD.gYear}
    for p in (SCHEMA.datePublished, SCHEMA.dateCreated, SCHEMA.startDate, RASD.dateValue):
        for o in seeds_graph.objects(None, p):
            assert isinstance(o, Literal) and o.datatype in typed, (p, o)
            pattern = {
                XSD.date: r"\d{4}-\d\d-\d\d",
                XSD.gYearMonth: r"\d{4}-\d\d",
                XSD.gYear: r"\d{4}",
            }
            assert re.fullmatch(pattern[o.datatype], str(o))


def test_every_fact_keeps_its_evidence_offsets_into_the_article(seeds_graph: Graph) -> None:
    rows = q(
        seeds_graph,
        """
        SELECT ?surface ?start ?end ?body WHERE {
          ?m a rasd:Mention ; rasd:surface ?surface ; rasd:start ?start ; rasd:end ?end ;
             rasd:inArticle ?a . ?a schema:articleBody ?body }""",
    )
    assert len(rows) > 100
    for surface, start, end, body in rows:
        assert str(body)[int(start) : int(end)] == str(surface)
    rows = q(
        seeds_graph,
        """
        SELECT ?text ?start ?end ?body WHERE {
          ?s a rasd:Sentence ; schema:text ?text ; rasd:start ?start ; rasd:end ?end ;
             rasd:inArticle ?a . ?a schema:articleBody ?body }""",
    )
    for text, start, end, body in rows:
        assert str(body)[int(start) : int(end)] == str(text)
    stmts = q(
        seeds_graph,
        """SELECT ?st WHERE { ?st a rdf:Statement .
        FILTER NOT EXISTS { ?st rasd:evidence ?s . ?s schema:text ?t } }""",
    )
    assert stmts == []


def test_the_headline_ticker_of_seed_002_never_enters_the_graph(seeds_graph: Graph) -> None:
    # every literal, the article bodies included (boilerplate is blanked there)
    text = " ".join(str(o) for o in seeds_graph.objects() if isinstance(o, Literal))
    for junk in (
        "أنشيلوتي",
        "ريال مدريد",
        "كاواساكي",
        "بندر عباس",
        "الجبير",
        "شكرا على الإبلاغ",
        "انقر هنا لقراءة الخبر",
    ):
        assert junk not in text


def test_same_iris_in_every_run(seeds_build: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner
    from conftest import SEEDS

    from rasd.cli import main

    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path), "--no-pages"])
    assert res.exit_code == 0, res.output
    a = Graph().parse(seeds_build / "graph.ttl")
    b = Graph().parse(tmp_path / "graph.ttl")
    assert isomorphic(a, b)
    assert (seeds_build / "graph.ttl").read_bytes() == (tmp_path / "graph.ttl").read_bytes()


def test_trig_holds_one_named_graph_per_article(seeds_build: Path) -> None:
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(seeds_build / "graph.trig", format="trig")
    names = {
        str(c.identifier)
        for c in ds.graphs()
        if str(c.identifier).startswith("https://w3id.org/rasd/graph/")
    }
    entities = "https://w3id.org/rasd/graph/entities"
    assert entities in names and len(names - {entities}) == 5
    claim_graphs = {str(g) for _s, _p, _o, g in ds.quads((None, None, SCHEMA.Claim, None))}
    assert claim_graphs <= names - {entities}
    label_graphs = {str(g) for _s, _p, _o, g in ds.quads((None, RDFS.label, None, None))}
    assert label_graphs == {entities}


@pytest.mark.parametrize(
    "query", sorted(p.name for p in (Path(__file__).parent.parent / "queries").glob("*.rq"))
)
def test_each_shipped_query_returns_rows(seeds_graph: Graph, query: str) -> None:
    path = Path(__file__).parent.parent / "queries" / query
    rows = list(seeds_graph.query(path.read_text(encoding="utf-8")))
    assert rows, query


def test_index_page_loads_nothing_from_the_network(seeds_build: Path) -> None:
    for page in seeds_build.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']https?://", html), page


def test_vocabulary_and_ontology_agree() -> None:
    onto = Graph().parse(Path(__file__).parent.parent / "graph" / "ontology.ttl")
    declared = {str(s) for s in onto.subjects() if str(s).startswith(str(RASD._NS))}
    in_code = {str(RASD._NS) + name for name in RASD.__annotations__}
    assert declared == in_code
