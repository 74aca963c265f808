"""``claims.html``: speaker → claim → what it is about, as a sortable list and a network."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from export.html.analytics import spring_positions
from export.html.entity_page import claim_rows
from export.html.model import Claim, SiteData
from export.html.netdata import vis_edge, vis_node, vis_options
from export.html.panels import entity_panel
from export.html.render import render
from export.html.safe import evidence_item, script_json
from export.html.styles import CLAIM_AUTHOR, CLAIM_NODE_COLOR, CLAIM_SUBJECT, CLASS_AR, GROUPS

MAX_ROWS = 1000  # claims listed (newest first)
MAX_SPEAKERS = 30  # speakers in the network
MAX_NET_CLAIMS = 300  # claims in the network
ROOT = ""


def _short(text: str, n: int = 28) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _network(data: SiteData, claims: list[Claim]) -> tuple[dict[str, Any], int, int]:
    speakers = Counter(a for c in claims for a in c.authors if a in data.entities)
    top = sorted(speakers, key=lambda a: (-speakers[a], data.entities[a].label, a))[:MAX_SPEAKERS]
    top_set = set(top)
    picked = [c for c in claims if top_set.intersection(c.authors)][:MAX_NET_CLAIMS]
    order: list[str] = []
    seen: set[str] = set()
    for c in picked:
        for n in (*[a for a in c.authors if a in top_set], c.iri, *c.about):
            if n not in seen and (n == c.iri or n in data.entities):
                seen.add(n)
                order.append(n)
    ids = {n: i for i, n in enumerate(order)}
    g = nx.Graph()
    g.add_nodes_from(order)
    for c in picked:
        for n in (*c.authors, *c.about):
            if n in ids:
                g.add_edge(c.iri, n)
    pos = spring_positions(g, order)
    by_iri = {c.iri: c for c in picked}
    nodes, info = [], []
    for n in order:
        x, y = pos.get(n, (0, 0))
        if n in by_iri:
            c = by_iri[n]
            nodes.append(
                vis_node(
                    ids[n],
                    _short(c.text),
                    "Claim",
                    size=6.0,
                    x=x,
                    y=y,
                    title=c.text,
                    color=CLAIM_NODE_COLOR,
                    shape="dot",
                )
            )
            ev = evidence_item(data, c.sentence, c.article, c.start, c.end, ROOT, c.date)
            info.append(
                {
                    "label": "تصريح",
                    "cls": f"{c.cue} · {c.date or ''}",
                    "text": c.text,
                    "aliases": [],
                    "facts": [
                        [
                            "القائل",
                            "، ".join(
                                data.entities[a].label for a in c.authors if a in data.entities
                            ),
                        ],
                        [
                            "عن",
                            "، ".join(
                                data.entities[a].label for a in c.about if a in data.entities
                            ),
                        ],
                    ],
                    "href": ev["href"],
                    "linkText": "صفحة المقال ←",
                    "ev": [ev],
                    "g": "Claim",
                    "k": 0,
                    "d": [c.date] if c.date else [],
                }
            )
        else:
            e = data.entities[n]
            nodes.append(
                vis_node(
                    ids[n],
                    e.label,
                    e.group,
                    size=20.0 if n in top_set else 12.0,
                    x=x,
                    y=y,
                    title=f"{e.label} — {CLASS_AR.get(e.cls, e.cls)}",
                )
            )
            panel = entity_panel(data, n, ROOT)
            dates = sorted({c.date for c in picked if c.date and (n in c.authors or n in c.about)})
            panel.update({"g": e.group, "k": 0, "d": dates})
            info.append(panel)
    edges = []
    for c in picked:
        for a in c.authors:
            if a in ids:
                edges.append((ids[a], ids[c.iri], CLAIM_AUTHOR))
        for b in c.about:
            if b in ids:
                edges.append((ids[c.iri], ids[b], CLAIM_SUBJECT))
    vis = []
    edge_info = []
    for i, (s, t, style) in enumerate(sorted(edges, key=lambda e: (e[0], e[1], e[2].key))):
        vis.append(vis_edge(i, s, t, label=style.ar, title=f"{style.en} — {style.ar}"))
        edge_info.append(
            {
                "label": style.ar,
                "en": style.en,
                "from": nodes[s]["label"],
                "to": nodes[t]["label"],
                "count": 0,
                "ev": info[t]["ev"] if style is CLAIM_AUTHOR else info[s]["ev"],
            }
        )
    payload = {
        "nodes": nodes,
        "edges": vis,
        "options": vis_options(),
        "nodeInfo": info,
        "edgeInfo": edge_info,
        "communityColors": [],
    }
    return payload, len(picked), len(top)


def claims_page(data: SiteData) -> str:
    """HTML of ``claims.html``."""
    claims = sorted(data.claims, key=lambda c: (c.date or "", c.iri), reverse=True)
    payload, n_claims, n_speakers = _network(data, claims)
    return render(
        "claims.html",
        title="التصريحات",
        root=ROOT,
        page="claims",
        data=script_json(payload),
        rows=claim_rows(data, claims[:MAX_ROWS], ROOT),
        total=len(claims),
        net_claims=n_claims,
        net_speakers=n_speakers,
        groups=GROUPS,
    )
