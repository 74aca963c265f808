"""``claims.html``: speaker → claim → what it is about, as a sortable list and a network."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from rasd.export.html.analytics import spring_positions
from rasd.export.html.entity_page import claim_rows
from rasd.export.html.model import Claim
from rasd.export.html.netdata import edge, node
from rasd.export.html.panels import Refs, Site, entity_info
from rasd.export.html.render import render
from rasd.export.html.safe import script_json
from rasd.export.html.styles import CLAIM_AUTHOR, CLAIM_SUBJECT, GROUPS

MAX_ROWS = 1000  # claims listed (newest first)
MAX_SPEAKERS = 30  # speakers in the network
MAX_NET_CLAIMS = 300  # claims in the network
ROOT = ""


def _short(text: str, n: int = 28) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def network_claims(site: Site) -> list[Claim]:
    """The claims drawn in the network: those of the most active speakers, newest first."""
    claims = sorted(site.idx.claims, key=lambda c: (c.date or "", c.iri), reverse=True)
    speakers = Counter(a for c in claims for a in c.authors if a in site.entities)
    top = sorted(speakers, key=lambda a: (-speakers[a], site.entities[a].label, a))
    top_set = set(top[:MAX_SPEAKERS])
    return [c for c in claims if top_set.intersection(c.authors)][:MAX_NET_CLAIMS]


def _network(site: Site, picked: list[Claim], refs: Refs) -> tuple[dict[str, Any], int]:
    ents = site.entities
    speakers = {a for c in picked for a in c.authors if a in ents}
    order: list[str] = []
    seen: set[str] = set()
    for c in picked:
        for n in (*[a for a in c.authors if a in speakers], c.iri, *c.about):
            if n not in seen and (n == c.iri or n in ents):
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
            nodes.append(node(_short(c.text), "Claim", 6.0, x, y))
            ev = refs.ev(site.span(c.article, c.sentence, c.start, c.end), c.article, c.date)
            info.append(
                {
                    "label": "تصريح",
                    "cls": f"{c.cue} · {c.date or ''}",
                    "text": c.text,
                    "facts": [
                        [
                            "القائل",
                            "، ".join(ents[a].label for a in c.authors if a in ents)
                            or "لم يُحدَّد القائل",
                        ],
                        ["عن", "، ".join(ents[a].label for a in c.about if a in ents)],
                    ],
                    "art": ev[3],
                    "ev": [ev],
                    "d": [c.date] if c.date else [],
                }
            )
        else:
            e = ents[n]
            nodes.append(node(e.label, e.cls, 20.0 if n in speakers else 12.0, x, y))
            dates = sorted({c.date for c in picked if c.date and (n in c.authors or n in c.about)})
            info.append(entity_info(site, n, d=dates))
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
    for s, t, style in sorted(edges, key=lambda e: (e[0], e[1], e[2].key)):
        vis.append(edge(s, t, style.key))
        claim_end = t if style is CLAIM_AUTHOR else s
        edge_info.append([0, info[claim_end]["ev"]])
    payload = {
        "nodes": nodes,
        "edges": vis,
        "info": info,
        "edgeInfo": edge_info,
        "arts": refs.table,
    }
    return payload, len(speakers)


def claims_page(site: Site, picked: list[Claim]) -> str:
    """HTML of ``claims.html`` (``picked``: :func:`network_claims`)."""
    claims = sorted(site.idx.claims, key=lambda c: (c.date or "", c.iri), reverse=True)
    payload, n_speakers = _network(site, picked, Refs(site))
    return render(
        "claims.html",
        title="التصريحات",
        root=ROOT,
        page="claims",
        data=script_json(payload),
        rows=claim_rows(site, claims[:MAX_ROWS], ROOT),
        total=len(claims),
        net_claims=len(picked),
        net_speakers=n_speakers,
        groups=GROUPS,
    )
