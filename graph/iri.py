"""Deterministic IRIs for everything in the graph.

An entity's IRI is derived from its key (the normalised canonical Arabic name) by the
safe-Buckwalter transliteration of camel-tools, so the same entity gets the same IRI in
every article and every run, and the IRI stays readable in SPARQL results:

>>> str(entity_iri("داعش"))
'https://w3id.org/rasd/id/dAEc'
>>> str(entity_iri("الولايات المتحده"))
'https://w3id.org/rasd/id/AlwlAyAt_AlmtHdh'
"""

from __future__ import annotations

import functools
import hashlib
from urllib.parse import quote

from camel_tools.utils.charmap import CharMapper
from rdflib import URIRef

from rasd.graph.vocab import BASE, ID


@functools.cache
def _safebw() -> CharMapper:
    return CharMapper.builtin_mapper("ar2safebw")


@functools.cache
def _hsb() -> CharMapper:
    return CharMapper.builtin_mapper("ar2hsb")


@functools.lru_cache(maxsize=50_000)
def slug(name: str) -> str:
    """ASCII slug of a folded name: safe Buckwalter, spaces as ``_``, anything else
    percent-encoded."""
    s = _safebw()(name).replace(" ", "_")
    return quote(s, safe="_-.~")


def transliterate(label: str) -> str:
    """Readable Latin transliteration (camel-tools' HSB charmap) for ``@ar-Latn`` labels."""
    return _hsb()(label)


def entity_iri(key: str) -> URIRef:
    """IRI of an entity; article-scoped keys (``<article-id>/<name>``) keep the scope."""
    if "/" in key:
        scope, name = key.split("/", 1)
        return ID[f"{scope}/{slug(name)}"]
    return ID[slug(key)]


#: The named graph of what spans articles: entity classes, labels, aliases, sameAs.
ENTITIES_GRAPH = URIRef(f"{BASE}graph/entities")


def article_iri(article_id: str) -> URIRef:
    return URIRef(f"{BASE}article/{article_id}")


def graph_iri(article_id: str) -> URIRef:
    """The named graph holding what was extracted from one article (in ``graph.trig``)."""
    return URIRef(f"{BASE}graph/{article_id}")


def sentence_iri(article_id: str, index: int) -> str:
    """IRI (a plain string, for speed) of an article's sentence."""
    return f"{BASE}sentence/{article_id}/{index}"


def span_iri(kind: str, article_id: str, start: int, end: int) -> str:
    """IRI (a plain string, for speed) of a span-anchored node: ``mention``, ``claim`` or
    ``date``."""
    return f"{BASE}{kind}/{article_id}/{start}-{end}"


def statement_iri(article_id: str, *parts: object) -> URIRef:
    """IRI of a relation's evidence statement, hashed from its parts."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]
    return URIRef(f"{BASE}statement/{article_id}/{digest}")
