"""The overview page (``index.html``) and the site-wide search index."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import networkx as nx

from export.html.analytics import spring_positions
from export.html.netdata import node
from export.html.panels import Refs, Site, edge_candidates, entity_info, select_edges, vis_edges
from export.html.render import render
from export.html.safe import script_json
from export.html.styles import GROUPS

EDGES_PER_NODE = 3  # overview edge cap: this many times the number of shown nodes


def node_size(score: float, top: float) -> float:
    """Node radius from its importance relative to the most important node."""
    if top <= 0:
        return 12.0
    return 8.0 + 30.0 * math.sqrt(max(score, 0.0) / top)


def overview_page(
    site: Site,
    g: nx.Graph,
    ranked: list[str],
    score: dict[str, float],
    community: dict[str, int],
    max_nodes: int,
) -> tuple[str, dict[str, int]]:
    """HTML of ``index.html`` and the node id of every entity drawn on it."""
    shown = ranked[: max(0, max_nodes)]
    ids = {iri: i for i, iri in enumerate(shown)}
    pos = spring_positions(g, shown)
    top = score.get(shown[0], 0.0) if shown else 0.0
    nodes: list[list] = []
    info: list[dict[str, Any]] = []
    for iri in shown:
        ent = site.entities[iri]
        x, y = pos.get(iri, (0, 0))
        value = score.get(iri, 0.0) / top if top > 0 else 1.0
        nodes.append(node(ent.label, ent.cls, node_size(score.get(iri, 0.0), top), x, y, value))
        info.append(entity_info(site, iri, k=community.get(iri, 0), d=site.entity_dates(iri)))
    refs = Refs(site)
    chosen = select_edges(edge_candidates(site, ids, refs), max(EDGES_PER_NODE * len(shown), 50))
    edges, edge_info = vis_edges(chosen, ids)
    counts = Counter(site.entities[i].group for i in shown)
    payload = {
        "nodes": nodes,
        "edges": edges,
        "info": info,
        "edgeInfo": edge_info,
        "arts": refs.table,
        "large": True,
    }
    html = render(
        "overview.html",
        title="الشبكة العامة",
        root="",
        page="overview",
        data=script_json(payload),
        shown=len(shown),
        total=len(site.entities),
        n_pages=sum(1 for e in site.entities.values() if e.page),
        n_edges=len(edges),
        n_articles=len(site.articles),
        n_claims=len(site.idx.claims),
        n_communities=len(set(community.values())),
        groups=GROUPS,
        counts=dict(counts),
    )
    return html, ids


def search_index_js(site: Site, overview_ids: dict[str, int]) -> str:
    """``static/search-index.js``: every entity's label, other names, link (from the site
    root), class key and overview node id (-1 when not drawn there)."""
    rows = []
    for iri, e in site.entities.items():
        names = [a for a in (*e.aliases, e.latin) if a and a != e.label]
        rows.append([e.label, sorted(set(names)), e.href, e.cls, overview_ids.get(iri, -1)])
    return f"window.RASD_SEARCH = {script_json(rows)};\n"
