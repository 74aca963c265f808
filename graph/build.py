"""Records → RDF: the mapping that implements ``docs/graph-contract.md``.

What each article yields goes in its own named graph (provenance), built from that article's
extraction alone (:func:`article_triples`, :func:`article_nquads`); what spans articles (entity
labels, aliases, classes) goes in the entities graph (:func:`entity_triples`).  Triples are
N-Triples tokens (:mod:`graph.nt`), written as they are to the Oxigraph store and the Turtle and
TriG files; :func:`build_dataset` parses them into rdflib for small graphs and tests, and the
merged :class:`rdflib.Graph` is the union of all graphs (:func:`merged_graph`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, URIRef

from rasd.extract.records import Article, DateValue, Extraction
from rasd.extract.resolve import Entity
from rasd.graph import nt
from rasd.graph.iri import (
    ENTITIES_GRAPH,
    article_iri,
    entity_iri,
    graph_iri,
    sentence_iri,
    span_iri,
    statement_iri,
    transliterate,
)
from rasd.graph.vocab import CLASSES, ID, RASD, SCHEMA
from rasd.graph.vocab import PREDICATES as VOCAB_PREDICATES

#: A triple of N-Triples tokens (``<iri>``, ``"literal"@ar`` …).
Triple = tuple[str, str, str]
WIKIDATA = "http://www.wikidata.org/entity/"
_DATATYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
#: Entity class name → IRI, and relation predicate name → IRI (``graph/vocab.py``'s tables).
CLASS_IRIS: dict[str, URIRef] = {c.name: c.iri for c in CLASSES}
PREDICATES: dict[str, URIRef] = {p.name: p.iri for p in VOCAB_PREDICATES if p.extracted}


def article_body(a: Article) -> str:
    r"""The article text for ``schema:articleBody``: the original text with everything outside
    the article's segments (site tickers, notices, bylines) blanked to spaces, so that no
    boilerplate enters the graph while every offset still points into the original text.

    >>> from rasd.extract.reader import parse_text
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
_RASD_TERMS = (
    "Mention",
    "Sentence",
    "DateMention",
    "mention",
    "refersTo",
    "inArticle",
    "inSentence",
    "evidence",
    "start",
    "end",
    "surface",
    "layer",
    "sentenceIndex",
    "sourceFile",
    "sourceEncoding",
    "quoteKind",
    "cue",
    "dateSource",
    "speakerStatus",
    "originalText",
    "hijriDate",
    "dateQualifier",
    "dateInferred",
    "mentionsDate",
    "dateValue",
)


def _n(term: URIRef) -> str:
    return nt.iri(str(term))


# Terms used in every article, as N-Triples tokens (made once).
_A = _n(RDF.type)
_T = {
    name: _n(term)
    for name, term in {
        "NewsArticle": SCHEMA.NewsArticle,
        "identifier": SCHEMA.identifier,
        "articleBody": SCHEMA.articleBody,
        "headline": SCHEMA.headline,
        "datePublished": SCHEMA.datePublished,
        "url": SCHEMA.url,
        "author": SCHEMA.author,
        "publisher": SCHEMA.publisher,
        "mentions": SCHEMA.mentions,
        "Claim": SCHEMA.Claim,
        "text": SCHEMA.text,
        "appearance": SCHEMA.appearance,
        "about": SCHEMA.about,
        "dateCreated": SCHEMA.dateCreated,
        "location": SCHEMA.location,
        "startDate": SCHEMA.startDate,
        "Event": SCHEMA.Event,
        "label": RDFS.label,
        "altLabel": SKOS.altLabel,
        "sameAs": OWL.sameAs,
        "Statement": RDF.Statement,
        "subject": RDF.subject,
        "predicate": RDF.predicate,
        "object": RDF.object,
        **{name: RASD[name] for name in _RASD_TERMS},
    }.items()
}
_CLASS_TOKENS = {name: _n(term) for name, term in CLASS_IRIS.items()}
_PRED_TOKENS = {name: _n(term) for name, term in PREDICATES.items()}
_THING = _n(SCHEMA.Thing)


def _ar(text: str) -> str:
    return nt.lit(text, "ar")


def _date(d: DateValue) -> str:
    return nt.typed(d.value, str(_DATATYPES[d.precision]))


def _ent(key: str) -> str:
    return nt.iri(str(entity_iri(key)))


def entity_triples(e: Entity) -> Iterator[Triple]:
    """What the entities graph says about one resolved entity (N-Triples tokens)."""
    s = _ent(e.key)
    yield s, _A, _CLASS_TOKENS.get(e.cls, _THING)
    yield s, _T["label"], _ar(e.label)
    translit = transliterate(e.label)
    if translit and translit != e.label:
        yield s, _T["label"], nt.lit(translit, "ar-Latn")
    for a in e.aliases:
        yield s, _T["altLabel"], _ar(a)
    for x in e.latin:
        yield s, _T["altLabel"], nt.lit(x, "en")
    if e.wikidata:
        yield s, _T["sameAs"], nt.iri(WIKIDATA + e.wikidata)


def _statement(
    st: str, fact: Triple, art: str, sentence: str, start: int, end: int, layer: str
) -> Iterator[Triple]:
    """The evidence node of one fact: an ``rdf:Statement`` pointing at its sentence and span."""
    s, p, o = fact
    yield st, _A, _T["Statement"]
    yield st, _T["subject"], s
    yield st, _T["predicate"], p
    yield st, _T["object"], o
    yield st, _T["inArticle"], art
    yield st, _T["evidence"], sentence
    yield st, _T["start"], nt.integer(start)
    yield st, _T["end"], nt.integer(end)
    yield st, _T["layer"], nt.lit(layer)


def article_keys(ex: Extraction) -> frozenset[str]:
    """The entity keys an article's graph may point at: its own entities and its publisher.

    An article's named graph is a function of its extraction alone, so that it can be built
    in any process and replaced on its own in an incremental build.
    """
    keys = {e.key for e in ex.entities}
    if ex.article.publisher:
        from rasd.extract.text import match_key

        keys.add(match_key(ex.article.publisher))
    return frozenset(keys)


def article_triples(ex: Extraction) -> Iterator[Triple]:
    """Everything extracted from one article, with its evidence (N-Triples tokens)."""
    a = ex.article
    T = _T
    art = nt.iri(str(article_iri(a.id)))
    known = article_keys(ex).__contains__
    yield art, _A, T["NewsArticle"]
    yield art, T["identifier"], nt.lit(a.id)
    yield art, T["articleBody"], _ar(article_body(a))
    yield art, T["sourceFile"], nt.lit(a.source)
    if a.encoding:
        yield art, T["sourceEncoding"], nt.lit(a.encoding)
    if a.title:
        yield art, T["headline"], _ar(a.title)
    if a.published:
        yield art, T["datePublished"], _date(a.published)
    if a.url:
        yield art, T["url"], nt.iri(a.url)
    if a.author:
        yield art, T["author"], nt.lit(a.author)
    if a.publisher:
        from rasd.extract.text import match_key

        yield art, T["publisher"], _ent(match_key(a.publisher))

    used: set[int] = set()

    def sent(i: int) -> str:
        used.add(i)
        return f"<{sentence_iri(a.id, i)}>"

    def span(kind: str, start: int, end: int) -> str:
        return f"<{span_iri(kind, a.id, start, end)}>"

    ents: dict[str, str] = {}

    def ent(key: str) -> str:
        tok = ents.get(key)
        if tok is None:
            tok = ents[key] = _ent(key)
        return tok

    for m in ex.mentions:
        if not known(m.key):
            continue
        node = span("mention", m.start, m.end)
        e = ent(m.key)
        yield art, T["mentions"], e
        yield art, T["mention"], node
        yield node, _A, T["Mention"]
        yield node, T["refersTo"], e
        yield node, T["inArticle"], art
        yield node, T["start"], nt.integer(m.start)
        yield node, T["end"], nt.integer(m.end)
        yield node, T["surface"], _ar(m.surface)
        yield node, T["layer"], nt.lit(m.layer)
        if m.sentence >= 0:
            yield node, T["inSentence"], sent(m.sentence)

    for c in ex.claims:
        node = span("claim", c.start, c.end)
        yield node, _A, T["Claim"]
        yield node, T["text"], _ar(c.text)
        yield node, T["appearance"], art
        for sp in c.speakers:
            if known(sp):
                yield node, T["author"], ent(sp)
        if c.speaker_status == "unresolved":
            yield node, T["speakerStatus"], nt.lit("unresolved")
        for ab in c.about:
            if known(ab):
                yield node, T["about"], ent(ab)
        yield node, T["inSentence"], sent(c.sentence)
        yield node, T["start"], nt.integer(c.start)
        yield node, T["end"], nt.integer(c.end)
        yield node, T["quoteKind"], nt.lit(c.kind)
        yield node, T["cue"], _ar(c.cue)
        if c.date is not None:
            yield node, T["dateCreated"], _date(c.date)
            yield node, T["dateSource"], nt.lit("article" if c.date_from_article else "stated")

    for r in ex.relations:
        pred = _PRED_TOKENS.get(r.predicate)
        if pred is None or not known(r.subject) or (not r.literal and not known(r.obj)):
            continue
        s = ent(r.subject)
        o = _ar(r.obj) if r.literal else ent(r.obj)
        yield s, pred, o
        st = nt.iri(str(statement_iri(a.id, r.subject, r.predicate, r.obj, r.start, r.end)))
        yield from _statement(st, (s, pred, o), art, sent(r.sentence), r.start, r.end, r.layer)

    for ev in ex.events:
        if not known(ev.key):
            continue
        e = ent(ev.key)
        yield art, T["mentions"], e
        if ev.place and known(ev.place):
            yield e, T["location"], ent(ev.place)
        if ev.date is not None:
            yield e, T["startDate"], _date(ev.date)
        st = nt.iri(str(statement_iri(a.id, ev.key, "event", ev.start, ev.end)))
        yield from _statement(
            st, (e, _A, T["Event"]), art, sent(ev.sentence), ev.start, ev.end, "events"
        )

    for d in ex.dates:
        if d.start < 0:
            continue
        node = span("date", d.start, d.end)
        yield art, T["mentionsDate"], node
        yield node, _A, T["DateMention"]
        yield node, T["dateValue"], _date(d)
        yield node, T["originalText"], _ar(d.original)
        yield node, T["inArticle"], art
        yield node, T["start"], nt.integer(d.start)
        yield node, T["end"], nt.integer(d.end)
        if d.hijri:
            yield node, T["hijriDate"], nt.lit(d.hijri)
        if d.qualifier:
            yield node, T["dateQualifier"], nt.lit(d.qualifier)
        if d.inferred:
            yield node, T["dateInferred"], nt.boolean(True)
        for s in ex.sentences:
            if s.start <= d.start < s.end:
                yield node, T["inSentence"], sent(s.index)
                break

    for i in sorted(used):
        s = ex.sentences[i]
        node = f"<{sentence_iri(a.id, i)}>"
        yield node, _A, T["Sentence"]
        yield node, T["text"], _ar(a.text[s.start : s.end])
        yield node, T["inArticle"], art
        yield node, T["sentenceIndex"], nt.integer(i)
        yield node, T["start"], nt.integer(s.start)
        yield node, T["end"], nt.integer(s.end)


def article_nquads(ex: Extraction) -> tuple[str, int]:
    """The article's named graph as N-Quads text, and its number of triples."""
    triples = list(article_triples(ex))
    return nt.quad_lines(triples, nt.iri(str(graph_iri(ex.article.id)))), len(triples)


def entities_nquads(entities: Iterable[Entity]) -> str:
    """The entities named graph (:data:`ENTITIES_GRAPH`) as N-Quads text, in key order."""
    g = nt.iri(str(ENTITIES_GRAPH))
    return "".join(
        nt.quad_lines(list(entity_triples(e)), g) for e in sorted(entities, key=lambda e: e.key)
    )


def bind_prefixes(g: Graph) -> None:
    g.bind("schema", SCHEMA, replace=True)
    g.bind("rasd", RASD._NS)
    g.bind("rasdid", str(ID))
    g.bind("skos", SKOS)
    g.bind("owl", OWL)


def build_dataset(extractions: Iterable[Extraction], entities: Mapping[str, Entity]) -> Dataset:
    """An rdflib dataset with one named graph per article and the entities in their own named
    graph, for small builds and tests (archive builds write the same N-Quads to the store)."""
    from rasd.extract.resolve import publisher_entity

    exs = sorted(extractions, key=lambda e: e.article.id)
    all_entities = dict(entities)
    for ex in exs:
        pub = publisher_entity(ex.article.publisher)
        if pub is not None:
            all_entities.setdefault(pub.key, pub)
    parts = [entities_nquads(all_entities.values())]
    parts += [article_nquads(ex)[0] for ex in exs]
    ds = Dataset()
    ds.parse(data="".join(parts), format="nquads")
    bind_prefixes(ds)
    return ds


def merged_graph(ds: Dataset) -> Graph:
    """The union of all graphs of a dataset, for ``graph.ttl`` and the pages."""
    g = Graph()
    bind_prefixes(g)
    for s, p, o, _c in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
