"""One page per entity (``entity/<sha1>.html``): ego network, names, claims, relations."""

from __future__ import annotations

from typing import Any

import networkx as nx
from rdflib import URIRef

from export.html.analytics import radial_positions
from export.html.model import Claim, SiteData
from export.html.netdata import vis_options
from export.html.panels import (
    edge_candidates,
    entity_href,
    entity_node,
    mention_evidence,
    select_edges,
    vis_edges,
)
from export.html.render import render
from export.html.safe import article_ref, evidence_item, script_json
from export.html.styles import CLASS_AR, GROUPS, RELATIONS

MAX_NEIGHBOURS = 40
MAX_ROWS = 100  # claims by / about, relations
MAX_EVIDENCE = 2  # per relation on the page
MAX_ARTICLES = 30

ROOT = "../"


def entity_link(data: SiteData, iri: str, root: str = ROOT) -> dict[str, str] | None:
    """Label and link of an entity (None when the IRI is not an entity of the graph)."""
    ent = data.entities.get(iri)
    if ent is None:
        return None
    return {"label": ent.label, "href": entity_href(data, iri, root)}


def claim_rows(data: SiteData, claims: list[Claim], root: str = ROOT) -> list[dict[str, Any]]:
    """Table rows for claims, newest first (ties by IRI)."""
    rows = []
    for c in sorted(claims, key=lambda c: (c.date or "", c.iri), reverse=True):
        rows.append(
            {
                "date": c.date or "",
                "authors": [x for x in (entity_link(data, a, root) for a in c.authors) if x],
                "about": [x for x in (entity_link(data, a, root) for a in c.about) if x],
                "text": c.text,
                "cue": c.cue,
                "kind": {"direct": "مباشر", "reported": "منقول"}.get(c.kind, c.kind),
                "article": article_ref(data, c.article, root),
            }
        )
    return rows


def neighbours(g: nx.Graph, iri: str, rank: dict[str, int]) -> list[str]:
    """Neighbours of ``iri``, strongest tie first (then overall importance, then IRI)."""
    if iri not in g:
        return []
    adj = g[iri]
    return sorted(adj, key=lambda n: (-adj[n].get("weight", 1.0), rank.get(n, 0), n))


def _relations(data: SiteData, iri: str) -> list[dict[str, Any]]:
    rows = []
    for s, p, o in data.relations_by_entity.get(iri, ()):
        style = RELATIONS[URIRef(p)]
        other = o if s == iri else s
        link = entity_link(data, other)
        if link is None:
            continue
        ev = data.evidence.get((s, p, o), [])
        ev_sorted = sorted(
            ev,
            key=lambda e: (
                (data.articles[e.article].date or "") if e.article in data.articles else "",
                e.article or "",
            ),
            reverse=True,
        )
        rows.append(
            {
                "outgoing": s == iri,
                "ar": style.ar,
                "en": style.en,
                "other": link,
                "count": len(ev),
                "sort": (style.key == "coMention", -len(ev), style.key, link["label"], other),
                "ev": [
                    evidence_item(data, e.sentence, e.article, e.start, e.end, ROOT)
                    for e in ev_sorted[:MAX_EVIDENCE]
                ],
            }
        )
    rows.sort(key=lambda r: r["sort"])
    for r in rows:
        del r["sort"]
    return rows


def entity_page(data: SiteData, g: nx.Graph, iri: str, rank: dict[str, int]) -> str:
    """HTML of one entity page."""
    ent = data.entities[iri]
    near = neighbours(g, iri, rank)
    shown_near = near[:MAX_NEIGHBOURS]
    ring = sorted(shown_near, key=lambda n: (data.entities[n].group, data.entities[n].label, n))
    order = [iri, *ring]
    ids = {n: i for i, n in enumerate(order)}
    pos = radial_positions(iri, [ring])
    nodes = []
    info = []
    for n in order:
        node, panel = entity_node(data, n, ids[n], pos[n], 28.0 if n == iri else 14.0, ROOT)
        nodes.append(node)
        info.append(panel)
    claims = {c.iri: c for c in data.claims_by_author.get(iri, ())}
    claims.update({c.iri: c for c in data.claims_about.get(iri, ())})
    cands = edge_candidates(
        data,
        ids,
        ROOT,
        relations=data.relations_by_entity.get(iri, ()),
        claims=[claims[k] for k in sorted(claims)],
    )
    edges, edge_info = vis_edges(select_edges(cands, 3 * MAX_NEIGHBOURS), ids)
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": vis_options(),
        "nodeInfo": info,
        "edgeInfo": edge_info,
        "communityColors": [],
    }
    by = data.claims_by_author.get(iri, [])
    about = data.claims_about.get(iri, [])
    relations = _relations(data, iri)
    view = {
        "label": ent.label,
        "cls_ar": CLASS_AR.get(ent.cls, ent.cls),
        "aliases": ent.aliases,
        "latin": ent.latin,
        "job_titles": ent.job_titles,
        "start_date": ent.start_date,
        "location": entity_link(data, ent.location) if ent.location else None,
        "same_as": [u for u in ent.same_as if u.startswith(("http://", "https://"))],
        "iri": ent.iri,
        "n_articles": len(data.articles_by_entity.get(iri, ())),
        "rank": rank.get(iri, len(rank)) + 1,
        "n_entities": len(data.entities),
        "degree": g.degree(iri) if iri in g else 0,
    }
    return render(
        "entity.html",
        title=ent.label,
        root=ROOT,
        page="entity",
        data=script_json(payload),
        e=view,
        groups=GROUPS,
        ego_shown=len(shown_near),
        ego_total=len(near),
        relations=relations[:MAX_ROWS],
        n_relations=len(relations),
        claims_by=claim_rows(data, by)[:MAX_ROWS],
        n_claims_by=len(by),
        claims_about=claim_rows(data, about)[:MAX_ROWS],
        n_claims_about=len(about),
        mentions=mention_evidence(data, iri, ROOT, MAX_ARTICLES),
    )
