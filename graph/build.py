"""Records → RDF: the mapping that implements ``docs/graph-contract.md``.

:func:`build_dataset` puts what each article yields in its own named graph (provenance) and
what spans articles (entity labels, aliases, classes) in the default graph; the merged
:class:`rdflib.Graph` for ``graph.ttl`` is their union (:func:`merged_graph`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from extract.records import Article, DateValue, Extraction
from extract.resolve import Entity
from graph.iri import (
    article_iri,
    entity_iri,
    graph_iri,
    sentence_iri,
    span_iri,
    statement_iri,
    transliterate,
)
from graph.vocab import RASD, SCHEMA

Triple = tuple[Node, Node, Node]
WIKIDATA = "http://www.wikidata.org/entity/"
_DATATYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
CLASS_IRIS: dict[str, URIRef] = {
    "Person": SCHEMA.Person,
    "Organization": SCHEMA.Organization,
    "Place": SCHEMA.Place,
    "Country": SCHEMA.Country,
    "City": SCHEMA.City,
    "AdministrativeArea": SCHEMA.AdministrativeArea,
    "Platform": RASD.Platform,
    "UnnamedSource": RASD.UnnamedSource,
    "CreativeWork": SCHEMA.CreativeWork,
    "Event": SCHEMA.Event,
}
PREDICATES: dict[str, URIRef] = {
    "usesPlatform": RASD.usesPlatform,
    "actedAgainst": RASD.actedAgainst,
    "affiliatedWith": RASD.affiliatedWith,
    "nationality": RASD.nationality,
    "leaderOf": RASD.leaderOf,
    "controls": RASD.controls,
    "lostControlOf": RASD.lostControlOf,
    "regainedControlOf": RASD.regainedControlOf,
    "operatesIn": RASD.operatesIn,
    "partOf": RASD.partOf,
    "jobTitle": SCHEMA.jobTitle,
}


def date_literal(d: DateValue) -> Literal:
    """A typed literal of the date's precision.

    >>> date_literal(DateValue("2017-10", "month", "أكتوبر 2017")).datatype
    rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth')
    """
    return Literal(d.value, datatype=_DATATYPES[d.precision])


def article_body(a: Article) -> str:
    r"""The article text for ``schema:articleBody``: the original text with everything outside
    the article's segments (site tickers, notices, bylines) blanked to spaces, so that no
    boilerplate enters the graph while every offset still points into the original text.

    >>> from extract.reader import parse_text
    >>> art = parse_text("العنوان\nنص الخبر.\nانقر هنا لقراءة الخبر من مصدره.", "x.txt")
    >>> article_body(art).rstrip() == "العنوان\nنص الخبر."
    True
    >>> len(article_body(art)) == len(art.text)
    True
    """
    text = a.text
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(a.segments):
        if start > pos:
            pieces.append(_BLANK.sub(" ", text[pos:start]))
        pieces.append(text[max(pos, start) : end])
        pos = max(pos, end)
    pieces.append(_BLANK.sub(" ", text[pos:]))
    return "".join(pieces)


_BLANK = re.compile(r"[^\n]")


def ar(text: str) -> Literal:
    return Literal(text, lang="ar")


def _int(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def entity_triples(e: Entity) -> Iterator[Triple]:
    """What the default graph says about one resolved entity."""
    s = entity_iri(e.key)
    yield s, RDF.type, CLASS_IRIS.get(e.cls, SCHEMA.Thing)
    yield s, RDFS.label, ar(e.label)
    translit = transliterate(e.label)
    if translit and translit != e.label:
        yield s, RDFS.label, Literal(translit, lang="ar-Latn")
    for a in e.aliases:
        yield s, SKOS.altLabel, ar(a)
    for x in e.latin:
        yield s, SKOS.altLabel, Literal(x, lang="en")
    if e.wikidata:
        yield s, OWL.sameAs, URIRef(WIKIDATA + e.wikidata)


def _statement(
    st: URIRef, fact: Triple, art: URIRef, sentence: URIRef, start: int, end: int, layer: str
) -> Iterator[Triple]:
    """The evidence node of one fact: an ``rdf:Statement`` pointing at its sentence and span."""
    s, p, o = fact
    yield st, RDF.type, RDF.Statement
    yield st, RDF.subject, s
    yield st, RDF.predicate, p
    yield st, RDF.object, o
    yield st, RASD.inArticle, art
    yield st, RASD.evidence, sentence
    yield st, RASD.start, _int(start)
    yield st, RASD.end, _int(end)
    yield st, RASD.layer, Literal(layer)


def article_triples(ex: Extraction, entities: Mapping[str, Entity]) -> Iterator[Triple]:
    """Everything extracted from one article, with its evidence."""
    a = ex.article
    art = article_iri(a.id)
    yield art, RDF.type, SCHEMA.NewsArticle
    yield art, SCHEMA.identifier, Literal(a.id)
    yield art, SCHEMA.articleBody, ar(article_body(a))
    yield art, RASD.sourceFile, Literal(a.source)
    if a.title:
        yield art, SCHEMA.headline, ar(a.title)
    if a.published:
        yield art, SCHEMA.datePublished, date_literal(a.published)
    if a.url:
        yield art, SCHEMA.url, URIRef(a.url.replace(" ", "%20"))
    if a.author:
        yield art, SCHEMA.author, Literal(a.author)
    if a.publisher:
        from extract.text import match_key

        pub = entity_iri(match_key(a.publisher))
        yield art, SCHEMA.publisher, pub

    used: set[int] = set()

    def sent(i: int) -> URIRef:
        used.add(i)
        return sentence_iri(a.id, i)

    def known(key: str) -> bool:
        return key in entities

    for m in ex.mentions:
        if not known(m.key):
            continue
        node = span_iri("mention", a.id, m.start, m.end)
        ent = entity_iri(m.key)
        yield art, SCHEMA.mentions, ent
        yield art, RASD.mention, node
        yield node, RDF.type, RASD.Mention
        yield node, RASD.refersTo, ent
        yield node, RASD.inArticle, art
        yield node, RASD.start, _int(m.start)
        yield node, RASD.end, _int(m.end)
        yield node, RASD.surface, ar(m.surface)
        yield node, RASD.layer, Literal(m.layer)
        if m.sentence >= 0:
            yield node, RASD.inSentence, sent(m.sentence)

    for c in ex.claims:
        node = span_iri("claim", a.id, c.start, c.end)
        yield node, RDF.type, SCHEMA.Claim
        yield node, SCHEMA.text, ar(c.text)
        yield node, SCHEMA.appearance, art
        for sp in c.speakers:
            if known(sp):
                yield node, SCHEMA.author, entity_iri(sp)
        for ab in c.about:
            if known(ab):
                yield node, SCHEMA.about, entity_iri(ab)
        yield node, RASD.inSentence, sent(c.sentence)
        yield node, RASD.start, _int(c.start)
        yield node, RASD.end, _int(c.end)
        yield node, RASD.quoteKind, Literal(c.kind)
        yield node, RASD.cue, ar(c.cue)
        if c.date is not None:
            yield node, SCHEMA.dateCreated, date_literal(c.date)
            yield node, RASD.dateSource, Literal("article" if c.date_from_article else "stated")

    for r in ex.relations:
        pred = PREDICATES.get(r.predicate)
        if pred is None or not known(r.subject) or (not r.literal and not known(r.obj)):
            continue
        s = entity_iri(r.subject)
        o: Node = ar(r.obj) if r.literal else entity_iri(r.obj)
        yield s, pred, o
        st = statement_iri(a.id, r.subject, r.predicate, r.obj, r.start, r.end)
        yield from _statement(st, (s, pred, o), art, sent(r.sentence), r.start, r.end, r.layer)

    for ev in ex.events:
        if not known(ev.key):
            continue
        e = entity_iri(ev.key)
        yield art, SCHEMA.mentions, e
        if ev.place and known(ev.place):
            yield e, SCHEMA.location, entity_iri(ev.place)
        if ev.date is not None:
            yield e, SCHEMA.startDate, date_literal(ev.date)
        st = statement_iri(a.id, ev.key, "event", ev.start, ev.end)
        yield from _statement(
            st, (e, RDF.type, SCHEMA.Event), art, sent(ev.sentence), ev.start, ev.end, "events"
        )

    for d in ex.dates:
        if d.start < 0:
            continue
        node = span_iri("date", a.id, d.start, d.end)
        yield art, RASD.mentionsDate, node
        yield node, RDF.type, RASD.DateMention
        yield node, RASD.dateValue, date_literal(d)
        yield node, RASD.originalText, ar(d.original)
        yield node, RASD.inArticle, art
        yield node, RASD.start, _int(d.start)
        yield node, RASD.end, _int(d.end)
        if d.hijri:
            yield node, RASD.hijriDate, Literal(d.hijri)
        if d.qualifier:
            yield node, RASD.dateQualifier, Literal(d.qualifier)
        if d.inferred:
            yield node, RASD.dateInferred, Literal(True)
        for s in ex.sentences:
            if s.start <= d.start < s.end:
                yield node, RASD.inSentence, sent(s.index)
                break

    for i in sorted(used):
        s = ex.sentences[i]
        node = sentence_iri(a.id, i)
        yield node, RDF.type, RASD.Sentence
        yield node, SCHEMA.text, ar(a.text[s.start : s.end])
        yield node, RASD.inArticle, art
        yield node, RASD.sentenceIndex, _int(i)
        yield node, RASD.start, _int(s.start)
        yield node, RASD.end, _int(s.end)


def publisher_entities(extractions: Iterable[Extraction]) -> list[Entity]:
    """Publishers named by articles become organisations (if not already entities)."""
    from extract.text import match_key

    seen: dict[str, Entity] = {}
    for ex in extractions:
        p = ex.article.publisher
        if p and match_key(p) not in seen:
            seen[match_key(p)] = Entity(match_key(p), "Organization", p, (), (), None, 0, 0)
    return list(seen.values())


def bind_prefixes(g: Graph) -> None:
    g.bind("schema", SCHEMA, replace=True)
    g.bind("rasd", RASD._NS)
    g.bind("rasdid", "https://w3id.org/rasd/id/")
    g.bind("skos", SKOS)
    g.bind("owl", OWL)


def build_dataset(extractions: list[Extraction], entities: Mapping[str, Entity]) -> Dataset:
    """A dataset with one named graph per article and the entities in the default graph."""
    ds = Dataset()
    bind_prefixes(ds)
    default = ds.default_graph
    all_entities = dict(entities)
    for pub in publisher_entities(extractions):
        all_entities.setdefault(pub.key, pub)
    for key in sorted(all_entities):
        for t in entity_triples(all_entities[key]):
            default.add(t)
    for ex in sorted(extractions, key=lambda e: e.article.id):
        g = ds.graph(graph_iri(ex.article.id))
        for t in article_triples(ex, all_entities):
            g.add(t)
    return ds


def merged_graph(ds: Dataset) -> Graph:
    """The union of all graphs of a dataset, for ``graph.ttl`` and the pages."""
    g = Graph()
    bind_prefixes(g)
    for s, p, o, _c in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
