"""Make a persistent Oxigraph store of the first N SaudiNewsNet articles, for the page benchmark.

Stand-in for the archive build (issue 10) until it lands: extraction, resolution and the RDF
mapping are today's code (``extract``, ``extract.resolve``, ``graph.build``); only the sink
differs.  Layout (the one the archive build writes):

* one named graph ``https://w3id.org/rasd/graph/<article-id>`` per article, holding exactly what
  ``graph.build.article_triples`` yields for it;
* one named graph ``https://w3id.org/rasd/graph/entities`` with ``graph.build.entity_triples`` of
  every resolved entity (and of every publisher organisation, as ``build_dataset`` adds them);
* an empty default graph.

Usage (from the repository root)::

    PYTHONPATH=$PWD .venv/bin/python bench/make_store.py \
        --zip ../shared/corpora/saudinewsnet/2015-07-21.zip --limit 2000 --out /tmp/snn2000-store

The articles are read straight from the zip (never copied into the repository).
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402
from rdflib import BNode, Literal, URIRef  # noqa: E402

log = logging.getLogger("make_store")
ENTITIES_GRAPH = "https://w3id.org/rasd/graph/entities"


def ox_term(term):
    """The pyoxigraph term of an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def quads(triples: Iterable[tuple], graph: str) -> Iterator[ox.Quad]:
    """rdflib triples as pyoxigraph quads in the named graph ``graph``."""
    g = ox.NamedNode(graph)
    for s, p, o in triples:
        yield ox.Quad(ox_term(s), ox_term(p), ox_term(o), g)


def make_store(zip_path: Path, limit: int, out: Path, workers: int = 1) -> dict[str, float]:
    """Build the store at ``out`` (replaced if it exists); returns counts and stage times."""
    from rasd.build import extract_all
    from rasd.extract.reader import read_file
    from rasd.extract.records import Article
    from rasd.extract.resolve import resolve
    from rasd.graph.build import article_triples, entity_triples, publisher_entities
    from rasd.graph.iri import graph_iri

    t0 = time.perf_counter()
    seen: set[str] = set()
    articles: list[Article] = []
    for item in read_file(zip_path):
        if isinstance(item, Article) and item.id not in seen:
            seen.add(item.id)
            articles.append(item)
            if len(articles) >= limit:
                break
    t1 = time.perf_counter()
    extractions = extract_all(articles, workers=workers)
    t2 = time.perf_counter()
    entities = dict(resolve(extractions))
    for pub in publisher_entities(extractions):
        entities.setdefault(pub.key, pub)
    if out.exists():
        shutil.rmtree(out)
    store = ox.Store(str(out))
    store.bulk_extend(
        quads((t for k in sorted(entities) for t in entity_triples(entities[k])), ENTITIES_GRAPH)
    )
    n_quads = 0
    for ex in sorted(extractions, key=lambda e: e.article.id):
        batch = list(quads(article_triples(ex, entities), str(graph_iri(ex.article.id))))
        n_quads += len(batch)
        store.bulk_extend(batch)
    store.flush()
    t3 = time.perf_counter()
    return {
        "articles": len(articles),
        "entities": len(entities),
        "article_quads": n_quads,
        "read_s": t1 - t0,
        "extract_s": t2 - t1,
        "resolve_store_s": t3 - t2,
    }


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--zip", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    info = make_store(args.zip, args.limit, args.out, args.workers)
    print(f"{args.out}: {info}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
