"""The overview page (``index.html``) and the site-wide search index."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import networkx as nx

from export.html.analytics import spring_positions
from export.html.model import SiteData
from export.html.netdata import vis_node, vis_options
from export.html.panels import edge_candidates, entity_dates, entity_panel, select_edges, vis_edges
from export.html.render import render
from export.html.safe import script_json
from export.html.styles import CLASS_AR, COMMUNITY_COLORS, GROUPS

EDGES_PER_NODE = 3  # overview edge cap: this many times the number of shown nodes


def node_size(score: float, top: float) -> float:
    """Node radius from its importance relative to the most important node."""
    if top <= 0:
        return 12.0
    return 8.0 + 30.0 * math.sqrt(max(score, 0.0) / top)


def overview_page(
    data: SiteData,
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
    nodes: list[dict[str, Any]] = []
    info: list[dict[str, Any]] = []
    for i, iri in enumerate(shown):
        ent = data.entities[iri]
        x, y = pos.get(iri, (0, 0))
        nodes.append(
            vis_node(
                i,
                ent.label,
                ent.group,
                size=node_size(score.get(iri, 0.0), top),
                x=x,
                y=y,
                title=f"{ent.label} — {CLASS_AR.get(ent.cls, ent.cls)}",
                value=score.get(iri, 0.0) / top if top > 0 else 1.0,
            )
        )
        panel = entity_panel(data, iri, "")
        panel.update({"g": ent.group, "k": community.get(iri, 0), "d": entity_dates(data, iri)})
        info.append(panel)
    chosen = select_edges(
        edge_candidates(data, ids, "", limit=2), max(EDGES_PER_NODE * len(shown), 50)
    )
    edges, edge_info = vis_edges(chosen, ids)
    counts = Counter(data.entities[i].group for i in shown)
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": vis_options(large=True),
        "nodeInfo": info,
        "edgeInfo": edge_info,
        "communityColors": list(COMMUNITY_COLORS),
    }
    html = render(
        "overview.html",
        title="الشبكة العامة",
        root="",
        page="overview",
        data=script_json(payload),
        shown=len(shown),
        total=len(data.entities),
        n_edges=len(edges),
        n_articles=len(data.articles),
        n_claims=len(data.claims),
        n_communities=len(set(community.values())),
        groups=GROUPS,
        counts=dict(counts),
    )
    return html, ids


def search_index_js(data: SiteData, overview_ids: dict[str, int]) -> str:
    """``static/search-index.js``: every entity's label, aliases, page and overview node id."""
    rows = [
        [
            e.label,
            [a for a in (*e.aliases, e.latin) if a],
            e.file,
            CLASS_AR.get(e.cls, e.cls),
            overview_ids.get(iri, -1),
        ]
        for iri, e in data.entities.items()
    ]
    return f"window.RASD_SEARCH = {script_json(rows)};\n"
