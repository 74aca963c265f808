"""Synthetic graphs that follow the graph contract, for page tests and benchmarks.

Deterministic for a given seed.  Texts are short Arabic sentences built from the entity
names, so that every offset is correct.
"""

from __future__ import annotations

import hashlib
import random

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from rasd.graph.vocab import BASE, ID, RASD, SCHEMA

_CLASSES = (
    SCHEMA.Person,
    SCHEMA.Organization,
    SCHEMA.Country,
    SCHEMA.City,
    RASD.Platform,
    SCHEMA.Person,
    SCHEMA.Organization,
    RASD.UnnamedSource,
    SCHEMA.CreativeWork,
    SCHEMA.Event,
)
_PREDICATES = (
    RASD.usesPlatform,
    RASD.affiliatedWith,
    RASD.operatesIn,
    RASD.controls,
    RASD.leaderOf,
    RASD.actedAgainst,
    RASD.nationality,
    RASD.partOf,
)
_WORDS = ("سالم", "نور", "الهدى", "الشرق", "الفجر", "البيان", "الرافدين", "المنار", "الأفق")


def _name(i: int) -> str:
    a = _WORDS[i % len(_WORDS)]
    b = _WORDS[(i // len(_WORDS)) % len(_WORDS)]
    return f"{a} {b} {i}"


def synthetic_graph(
    n_entities: int,
    n_edges: int,
    *,
    n_articles: int = 50,
    n_claims: int = 100,
    seed: int = 1,
) -> Graph:
    """A contract-shaped graph with ``n_entities`` entities and about ``n_edges`` relations.

    Relation endpoints follow a preferential-attachment-like skew (a few hubs, many
    leaves), as real news graphs do.  Every relation has one evidence statement in one of
    ``n_articles`` articles.
    """
    rng = random.Random(seed)
    g = Graph()
    ents = [ID[f"syn{i}"] for i in range(n_entities)]
    for i, e in enumerate(ents):
        g.add((e, RDF.type, _CLASSES[i % len(_CLASSES)]))
        g.add((e, RDFS.label, Literal(_name(i), lang="ar")))
        g.add((e, RDFS.label, Literal(f"syn{i}", lang="ar-Latn")))
        if i % 3 == 0:
            g.add((e, SKOS.altLabel, Literal(f"Entity {i}", lang="en")))

    def pick() -> URIRef:
        # skewed: index ~ n * u^3
        return ents[min(n_entities - 1, int(n_entities * rng.random() ** 3))]

    arts = []
    for a in range(max(1, n_articles)):
        aid = hashlib.sha256(f"syn-article-{a}".encode()).hexdigest()[:16]
        art = URIRef(f"{BASE}article/{aid}")
        date = f"20{15 + a % 4}-{1 + a % 12:02d}-{1 + a % 28:02d}"
        g.add((art, RDF.type, SCHEMA.NewsArticle))
        g.add((art, SCHEMA.identifier, Literal(aid)))
        g.add((art, SCHEMA.headline, Literal(f"مقال تجريبي رقم {a}", lang="ar")))
        g.add((art, SCHEMA.datePublished, Literal(date, datatype=XSD.date)))
        arts.append([art, aid, date, []])  # sentences: (text)

    def sentence(slot: list, s_name: str, o_name: str) -> tuple[URIRef, int, int, int]:
        art, aid, _, sents = slot
        start = sum(len(t) + 1 for t in sents)
        text = f"قال {s_name} إن {o_name} حاضر."
        sents.append(text)
        idx = len(sents) - 1
        sent = URIRef(f"{BASE}sentence/{aid}/{idx}")
        g.add((sent, RDF.type, RASD.Sentence))
        g.add((sent, SCHEMA.text, Literal(text, lang="ar")))
        g.add((sent, RASD.inArticle, art))
        g.add((sent, RASD.sentenceIndex, Literal(idx)))
        g.add((sent, RASD.start, Literal(start)))
        g.add((sent, RASD.end, Literal(start + len(text))))
        return sent, start, idx, len(text)

    def mention(slot: list, ent: URIRef, sent: URIRef, start: int, surface: str) -> None:
        art, aid = slot[0], slot[1]
        m = URIRef(f"{BASE}mention/{aid}/{start}-{start + len(surface)}")
        g.add((m, RDF.type, RASD.Mention))
        g.add((m, RASD.refersTo, ent))
        g.add((m, RASD.inArticle, art))
        g.add((m, RASD.inSentence, sent))
        g.add((m, RASD.start, Literal(start)))
        g.add((m, RASD.end, Literal(start + len(surface))))
        g.add((m, RASD.surface, Literal(surface, lang="ar")))
        g.add((art, RASD.mention, m))
        g.add((art, SCHEMA.mentions, ent))

    for k in range(n_edges):
        s, o = pick(), pick()
        if s == o:
            continue
        p = _PREDICATES[k % len(_PREDICATES)]
        slot = arts[k % len(arts)]
        si, oi = int(s.split("syn")[-1]), int(o.split("syn")[-1])
        sent, start, _, _ = sentence(slot, _name(si), _name(oi))
        s_at = start + 4
        o_at = s_at + len(_name(si)) + 4
        mention(slot, s, sent, s_at, _name(si))
        mention(slot, o, sent, o_at, _name(oi))
        g.add((s, p, o))
        st = URIRef(f"{BASE}statement/{slot[1]}/{k}")
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        g.add((st, RASD.evidence, sent))
        g.add((st, RASD.inArticle, slot[0]))
        g.add((st, RASD.start, Literal(s_at)))
        g.add((st, RASD.end, Literal(o_at + len(_name(oi)))))
    for k in range(n_claims):
        s, o = pick(), pick()
        slot = arts[(k * 7) % len(arts)]
        si, oi = int(s.split("syn")[-1]), int(o.split("syn")[-1])
        sent, start, _, length = sentence(slot, _name(si), _name(oi))
        c_start = start + 4 + len(_name(si)) + 4
        c = URIRef(f"{BASE}claim/{slot[1]}/{c_start}-{start + length - 1}")
        g.add((c, RDF.type, SCHEMA.Claim))
        g.add((c, SCHEMA.text, Literal(f"{_name(oi)} حاضر", lang="ar")))
        g.add((c, SCHEMA.author, s))
        g.add((c, SCHEMA.about, o))
        g.add((c, SCHEMA.appearance, slot[0]))
        g.add((c, RASD.inSentence, sent))
        g.add((c, RASD.start, Literal(c_start)))
        g.add((c, RASD.end, Literal(start + length - 1)))
        g.add((c, RASD.quoteKind, Literal("reported")))
        g.add((c, RASD.cue, Literal("قال", lang="ar")))
        g.add((c, SCHEMA.dateCreated, Literal(slot[2], datatype=XSD.date)))
    for art, _, _, sents in arts:
        g.add((art, SCHEMA.articleBody, Literal("\n".join(sents), lang="ar")))
    return g
