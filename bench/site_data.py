"""The graph read into plain records with rdflib triple-pattern loops: an oracle for the page
tests and ``bench/bench_pages.py``, independent of the SPARQL reader the pages use
(:mod:`export.html.store`).  It used to be the pages' own reader (``export/html/model.py``).

Everything is read with one ``predicate_objects`` pass per node, and every collection is
sorted, so the result is a deterministic function of the graph.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS

from rasd.export.html.model import (
    Claim,
    DateMention,
    Evidence,
    Mention,
    Sentence,
    file_stem,
    iso_date,
)
from rasd.export.html.styles import CLASS_GROUP, ENTITY_CLASSES, RELATIONS
from rasd.graph.vocab import RASD, SCHEMA

# this oracle's own reading of the class table (the pages use graph.network.entity_class)
CLASS_RANK = {c[0]: i for i, c in enumerate(ENTITY_CLASSES)}
CLASS_KEY = {c[0]: c[1] for c in ENTITY_CLASSES}

_HEX_ID = re.compile(r"^[0-9a-f]{4,64}$")


@dataclass(slots=True)
class Entity:
    """One entity node: names, class and a few facts shown on its page."""

    iri: str
    label: str
    cls: str  # class key, e.g. "Country"
    group: str  # legend group, e.g. "Place"
    file: str
    latin: str = ""
    aliases: tuple[str, ...] = ()
    job_titles: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    start_date: str | None = None  # events
    location: str | None = None  # events: IRI of the place


@dataclass(slots=True)
class Article:
    """One news article and its metadata."""

    iri: str
    file: str
    headline: str
    date: str | None
    body: str
    publisher: str | None = None
    url: str | None = None
    author: str | None = None
    source_file: str | None = None
    mentions: tuple[str, ...] = ()  # entity IRIs (schema:mentions)


@dataclass(slots=True)
class SiteData:
    """Everything the pages show, indexed for per-page lookups."""

    entities: dict[str, Entity]
    articles: dict[str, Article]
    sentences: dict[str, Sentence]
    mentions: list[Mention]
    claims: list[Claim]
    relations: list[tuple[str, str, str]]  # (subject, predicate, object), sorted, unique
    evidence: dict[tuple[str, str, str], list[Evidence]]
    dates: list[DateMention]
    mentions_by_article: dict[str, list[Mention]] = field(default_factory=dict)
    mentions_by_entity: dict[str, list[Mention]] = field(default_factory=dict)
    claims_by_article: dict[str, list[Claim]] = field(default_factory=dict)
    claims_by_author: dict[str, list[Claim]] = field(default_factory=dict)
    claims_about: dict[str, list[Claim]] = field(default_factory=dict)
    relations_by_entity: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    evidence_by_article: dict[str, list[Evidence]] = field(default_factory=dict)
    dates_by_article: dict[str, list[DateMention]] = field(default_factory=dict)
    articles_by_entity: dict[str, list[str]] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)  # derived values, filled by the pages


def _int(value: object, default: int = -1) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def _read_entities(graph: Graph) -> dict[str, Entity]:
    types: dict[URIRef, URIRef] = {}
    for cls_iri, *_ in ENTITY_CLASSES:
        for s in graph.subjects(RDF.type, cls_iri):
            if not isinstance(s, URIRef):
                continue
            best = types.get(s)
            if best is None or CLASS_RANK[cls_iri] < CLASS_RANK[best]:
                types[s] = cls_iri
    entities: dict[str, Entity] = {}
    for s, cls_iri in types.items():
        ar: list[str] = []
        latin: list[str] = []
        other: list[str] = []
        aliases: set[str] = set()
        jobs: set[str] = set()
        same: set[str] = set()
        start_date = None
        location = None
        for p, o in graph.predicate_objects(s):
            if p == RDFS.label and isinstance(o, Literal):
                lang = (o.language or "").lower()
                (ar if lang == "ar" else latin if lang == "ar-latn" else other).append(str(o))
            elif p == SKOS.altLabel:
                aliases.add(str(o))
            elif p == SCHEMA.jobTitle and isinstance(o, Literal):
                jobs.add(str(o))
            elif p == OWL.sameAs:
                same.add(str(o))
            elif p == SCHEMA.startDate:
                start_date = iso_date(o)
            elif p == SCHEMA.location and isinstance(o, URIRef):
                location = str(o)
        names = sorted(ar) or sorted(other) or sorted(latin) or [_local_name(str(s))]
        label = names[0]
        aliases.update(names[1:])
        aliases.discard(label)
        key = CLASS_KEY[cls_iri]
        iri = str(s)
        entities[iri] = Entity(
            iri=iri,
            label=label,
            cls=key,
            group=CLASS_GROUP[key],
            file=file_stem(iri),
            latin=sorted(latin)[0] if latin else "",
            aliases=tuple(sorted(aliases)),
            job_titles=tuple(sorted(jobs)),
            same_as=tuple(sorted(same)),
            start_date=start_date,
            location=location,
        )
    return dict(sorted(entities.items()))


def _article_file(iri: str, ident: str) -> str:
    return ident if _HEX_ID.match(ident) else file_stem(iri)


def _read_articles(graph: Graph) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    for s in graph.subjects(RDF.type, SCHEMA.NewsArticle):
        if not isinstance(s, URIRef):
            continue
        vals: dict[URIRef, list] = defaultdict(list)
        for p, o in graph.predicate_objects(s):
            vals[p].append(o)

        def first(p: URIRef, vals: dict[URIRef, list] = vals) -> str | None:
            items = sorted(str(v) for v in vals.get(p, ()))
            return items[0] if items else None

        iri = str(s)
        ident = first(SCHEMA.identifier) or ""
        articles[iri] = Article(
            iri=iri,
            file=_article_file(iri, ident),
            headline=first(SCHEMA.headline) or ident or _local_name(iri),
            date=min(
                (d for d in map(iso_date, vals.get(SCHEMA.datePublished, ())) if d), default=None
            ),
            body=first(SCHEMA.articleBody) or "",
            publisher=first(SCHEMA.publisher),
            url=first(SCHEMA.url),
            author=first(SCHEMA.author),
            source_file=first(RASD.sourceFile),
            mentions=tuple(sorted({str(o) for o in vals.get(SCHEMA.mentions, ())})),
        )
    # two articles must never share a file name
    seen: dict[str, str] = {}
    for art in sorted(articles.values(), key=lambda a: a.iri):
        if art.file in seen:
            art.file = file_stem(art.iri)
        seen[art.file] = art.iri
    return dict(sorted(articles.items()))


def _props(graph: Graph, s: URIRef) -> dict[URIRef, list]:
    vals: dict[URIRef, list] = defaultdict(list)
    for p, o in graph.predicate_objects(s):
        vals[p].append(o)
    return vals


def _one(vals: dict[URIRef, list], p: URIRef) -> object | None:
    items = vals.get(p)
    if not items:
        return None
    return sorted(items, key=str)[0]


def _read_sentences(graph: Graph) -> dict[str, Sentence]:
    out: dict[str, Sentence] = {}
    for s in graph.subjects(RDF.type, RASD.Sentence):
        v = _props(graph, s)
        out[str(s)] = Sentence(
            iri=str(s),
            text=_text(_one(v, SCHEMA.text)),
            article=_text(_one(v, RASD.inArticle)),
            index=_int(_one(v, RASD.sentenceIndex)),
            start=_int(_one(v, RASD.start)),
            end=_int(_one(v, RASD.end)),
        )
    return dict(sorted(out.items()))


def _opt(value: object | None) -> str | None:
    return None if value is None else str(value)


def _read_mentions(graph: Graph, entities: dict[str, Entity]) -> list[Mention]:
    out: list[Mention] = []
    for s in graph.subjects(RDF.type, RASD.Mention):
        v = _props(graph, s)
        ent = _opt(_one(v, RASD.refersTo))
        art = _opt(_one(v, RASD.inArticle))
        if ent not in entities or art is None:
            continue
        out.append(
            Mention(
                entity=ent,
                article=art,
                sentence=_opt(_one(v, RASD.inSentence)),
                start=_int(_one(v, RASD.start)),
                end=_int(_one(v, RASD.end)),
                surface=_text(_one(v, RASD.surface)),
            )
        )
    out.sort(key=lambda m: (m.article, m.start, m.end, m.entity))
    return out


def _read_claims(graph: Graph) -> list[Claim]:
    out: list[Claim] = []
    for s in graph.subjects(RDF.type, SCHEMA.Claim):
        v = _props(graph, s)
        out.append(
            Claim(
                iri=str(s),
                text=_text(_one(v, SCHEMA.text)),
                authors=tuple(sorted({str(o) for o in v.get(SCHEMA.author, ())})),
                about=tuple(sorted({str(o) for o in v.get(SCHEMA.about, ())})),
                article=_opt(_one(v, SCHEMA.appearance)),
                sentence=_opt(_one(v, RASD.inSentence)),
                start=_int(_one(v, RASD.start)),
                end=_int(_one(v, RASD.end)),
                kind=_text(_one(v, RASD.quoteKind)),
                cue=_text(_one(v, RASD.cue)),
                date=iso_date(_one(v, SCHEMA.dateCreated)),
            )
        )
    out.sort(key=lambda c: c.iri)
    return out


def _read_relations(
    graph: Graph, entities: dict[str, Entity]
) -> tuple[list[tuple[str, str, str]], dict[tuple[str, str, str], list[Evidence]]]:
    triples: set[tuple[str, str, str]] = set()
    for pred in RELATIONS:
        for s, o in graph.subject_objects(pred):
            if str(s) in entities and str(o) in entities and s != o:
                triples.add((str(s), str(pred), str(o)))
    evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for st in graph.subjects(RDF.type, RDF.Statement):
        v = _props(graph, st)
        s, p, o = (_opt(_one(v, x)) for x in (RDF.subject, RDF.predicate, RDF.object))
        if s not in entities or o not in entities or p is None or URIRef(p) not in RELATIONS:
            continue
        key = (s, p, o)
        triples.add(key)
        evidence[key].append(
            Evidence(
                subject=s,
                predicate=p,
                object=o,
                article=_opt(_one(v, RASD.inArticle)),
                sentence=_opt(_one(v, RASD.evidence)),
                start=_int(_one(v, RASD.start)),
                end=_int(_one(v, RASD.end)),
            )
        )
    for items in evidence.values():
        items.sort(key=lambda e: (e.article or "", e.start, e.end, e.sentence or ""))
    return sorted(triples), dict(sorted(evidence.items()))


def _read_dates(graph: Graph) -> list[DateMention]:
    out: list[DateMention] = []
    for s in graph.subjects(RDF.type, RASD.DateMention):
        v = _props(graph, s)
        art = _opt(_one(v, RASD.inArticle))
        if art is None:
            continue
        out.append(
            DateMention(
                article=art,
                value=iso_date(_one(v, RASD.dateValue)),
                original=_text(_one(v, RASD.originalText)),
                start=_int(_one(v, RASD.start)),
                end=_int(_one(v, RASD.end)),
                qualifier=_opt(_one(v, RASD.dateQualifier)),
                hijri=_opt(_one(v, RASD.hijriDate)),
                inferred=str(_one(v, RASD.dateInferred)).lower() in {"true", "1"},
            )
        )
    out.sort(key=lambda d: (d.article, d.start, d.end))
    return out


def _group(items: Iterable, key) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for item in items:
        for k in key(item):
            out[k].append(item)
    return dict(out)


def read_site_data(graph: Graph) -> SiteData:
    """Read every entity, article, sentence, mention, claim, relation and date of ``graph``."""
    entities = _read_entities(graph)
    articles = _read_articles(graph)
    mentions = _read_mentions(graph, entities)
    claims = _read_claims(graph)
    relations, evidence = _read_relations(graph, entities)
    # events: their location is drawn as a relation too
    for ent in entities.values():
        if ent.location in entities:
            relations.append((ent.iri, str(SCHEMA.location), ent.location))
    relations = sorted(set(relations))
    dates = _read_dates(graph)
    data = SiteData(
        entities=entities,
        articles=articles,
        sentences=_read_sentences(graph),
        mentions=mentions,
        claims=claims,
        relations=relations,
        evidence=evidence,
        dates=dates,
    )
    data.mentions_by_article = _group(mentions, lambda m: (m.article,))
    data.mentions_by_entity = _group(mentions, lambda m: (m.entity,))
    data.claims_by_article = _group(claims, lambda c: (c.article,) if c.article else ())
    data.claims_by_author = _group(claims, lambda c: c.authors)
    data.claims_about = _group(claims, lambda c: c.about)
    data.relations_by_entity = _group(relations, lambda r: {r[0], r[2]})
    data.evidence_by_article = _group(
        (e for items in evidence.values() for e in items),
        lambda e: (e.article,) if e.article else (),
    )
    data.dates_by_article = _group(dates, lambda d: (d.article,))
    by_entity: dict[str, set[str]] = defaultdict(set)
    for art in articles.values():
        for ent in art.mentions:
            by_entity[ent].add(art.iri)
    for m in mentions:
        by_entity[m.entity].add(m.article)
    data.articles_by_entity = {
        k: sorted(
            (a for a in v if a in articles),
            key=lambda a: (articles[a].date or "", a),
            reverse=True,
        )
        for k, v in sorted(by_entity.items())
    }
    return data
