"""The rasd HTML site: an offline, right-to-left set of pages generated from the graph.

Entry point: :func:`write_site`.  Pages:

* ``index.html`` — overview network of the most important entities;
* ``claims.html`` — who said what about whom, as a list and a network;
* ``article/<article-id>.html`` — an article's text with its spans, entities, claims;
* ``entity/<sha1-of-IRI>.html`` — an entity's ego network, names, claims and relations;
* ``static/`` — vis-network (copied from the installed pyvis), CSS, JS, search index.
"""

from __future__ import annotations

import logging
from pathlib import Path

from rdflib import Graph

from export.html.analytics import communities, entity_graph, importance, rank_nodes
from export.html.article_page import article_page
from export.html.claims_page import claims_page
from export.html.entity_page import entity_page
from export.html.model import SiteData, read_site_data
from export.html.overview import overview_page, search_index_js
from export.html.render import copy_static, write_text

__all__ = ["SiteData", "read_site_data", "write_site"]

log = logging.getLogger(__name__)


def write_site(graph: Graph, out_dir: Path, *, max_overview_nodes: int = 400) -> Path:
    """Write the HTML site for ``graph`` under ``out_dir`` and return the path of ``index.html``.

    The output is a pure function of the graph: the same graph gives byte-identical files.
    The overview shows the ``max_overview_nodes`` most important entities (PageRank); the
    others are reachable through search and entity pages.  Stale ``.html`` files in
    ``out_dir/article`` and ``out_dir/entity`` (from an earlier graph) are removed.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = read_site_data(graph)
    log.info(
        "site: %d entities, %d articles, %d claims, %d relations",
        len(data.entities),
        len(data.articles),
        len(data.claims),
        len(data.relations),
    )
    g = entity_graph(data)
    score = importance(g)
    labels = {iri: e.label for iri, e in data.entities.items()}
    ranked = rank_nodes(g, score, labels)
    rank = {iri: i for i, iri in enumerate(ranked)}
    community = communities(g)

    static = copy_static(out_dir)
    index_html, overview_ids = overview_page(data, g, ranked, score, community, max_overview_nodes)
    write_text(out_dir / "index.html", index_html)
    write_text(static / "search-index.js", search_index_js(data, overview_ids))
    write_text(out_dir / "claims.html", claims_page(data))

    written: dict[str, set[str]] = {"article": set(), "entity": set()}
    for art in data.articles.values():
        name = f"{art.file}.html"
        write_text(out_dir / "article" / name, article_page(data, art))
        written["article"].add(name)
    for iri, ent in data.entities.items():
        name = f"{ent.file}.html"
        write_text(out_dir / "entity" / name, entity_page(data, g, iri, rank))
        written["entity"].add(name)
    for sub, names in written.items():
        folder = out_dir / sub
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.html")):
            if path.name not in names:
                log.info("removing stale page %s", path)
                path.unlink()
    return out_dir / "index.html"
