"""One page per entity mentioned at least twice (``entity/<sha1>.html``): ego network,
names, relations, claims and the articles that name it."""

from __future__ import annotations

from typing import Any

import networkx as nx

from rasd.export.html.analytics import radial_positions
from rasd.export.html.model import Claim
from rasd.export.html.netdata import node
from rasd.export.html.panels import (
    PANEL_EV,
    REL_STYLE,
    Refs,
    Site,
    edge_candidates,
    entity_info,
    select_edges,
    vis_edges,
)
from rasd.export.html.render import render
from rasd.export.html.safe import script_json
from rasd.export.html.styles import CLASS_AR, GROUPS

MAX_NEIGHBOURS = 40
MAX_ROWS = 100  # claims by / about, relations
MAX_EVIDENCE = 2  # per relation on the page
MAX_ARTICLES = 50

ROOT = "../"


def claim_rows(
    site: Site, claims: list[Claim], root: str = ROOT, here: str | None = None
) -> list[dict[str, Any]]:
    """Table rows for claims, newest first (ties by IRI)."""
    rows = []
    for c in sorted(claims, key=lambda c: (c.date or "", c.iri), reverse=True):
        rows.append(
            {
                "date": c.date or "",
                "authors": [x for x in (site.link(a, root, here) for a in c.authors) if x],
                "about": [x for x in (site.link(a, root, here) for a in c.about) if x],
                "text": c.text,
                "cue": c.cue,
                "kind": {"direct": "مباشر", "reported": "منقول"}.get(c.kind, c.kind),
                "article": site.article_ref(c.article, root),
            }
        )
    return rows


def neighbours(g: nx.Graph, iri: str, rank: dict[str, int]) -> list[str]:
    """Neighbours of ``iri``, strongest tie first (then overall importance, then IRI)."""
    if iri not in g:
        return []
    adj = g[iri]
    return sorted(adj, key=lambda n: (-adj[n].get("weight", 1.0), rank.get(n, 0), n))


def _relations(site: Site, iri: str) -> list[dict[str, Any]]:
    rows = []
    for s, p, o in site.idx.relations_by_entity.get(iri, ()):
        style = REL_STYLE[p]
        other = o if s == iri else s
        link = site.link(other, ROOT)
        if link is None:
            continue
        n_ev = len(site.idx.evidence.get((s, p, o), ()))
        rows.append(
            {
                "outgoing": s == iri,
                "ar": style.ar,
                "en": style.en,
                "other": link,
                "count": n_ev,
                "sort": (-n_ev, style.key, link["label"], other),
                "ev": [
                    site.evidence_item(
                        site.span(e.article, e.sentence, e.start, e.end), e.article, ROOT
                    )
                    for e in site.top_evidence((s, p, o), MAX_EVIDENCE)
                ],
            }
        )
    rows.sort(key=lambda r: r["sort"])
    for r in rows:
        del r["sort"]
    return rows


def _articles(site: Site, iri: str) -> list[dict[str, str]]:
    """The most recent articles naming the entity, linked to the span that names it; the
    first ones with the sentence around it."""
    ent = site.entities[iri]
    out = []
    for i, a in enumerate(site.idx.articles_by_entity.get(iri, ())[:MAX_ARTICLES]):
        snip = site.firsts.get((iri, a)) if i < PANEL_EV else None
        item = site.evidence_item(snip or ("", "", ""), a, ROOT)
        item["href"] += f"#e-{ent.file}"
        out.append(item)
    return out


def entity_page(site: Site, g: nx.Graph, iri: str, rank: dict[str, int]) -> str:
    """HTML of one entity page."""
    ent = site.entities[iri]
    near = neighbours(g, iri, rank)
    shown_near = near[:MAX_NEIGHBOURS]
    ents = site.entities
    ring = sorted(shown_near, key=lambda n: (ents[n].group, ents[n].label, n))
    order = [iri, *ring]
    ids = {n: i for i, n in enumerate(order)}
    pos = radial_positions(iri, [ring])
    nodes = [node(ents[n].label, ents[n].cls, 28.0 if n == iri else 14.0, *pos[n]) for n in order]
    info = [entity_info(site, n) for n in order]
    claims = {c.iri: c for c in site.idx.claims_by_author.get(iri, ())}
    claims.update({c.iri: c for c in site.idx.claims_about.get(iri, ())})
    refs = Refs(site)
    cands = edge_candidates(
        site,
        ids,
        refs,
        relations=site.idx.relations_by_entity.get(iri, ()),
        claims=[claims[k] for k in sorted(claims)],
    )
    edges, edge_info = vis_edges(select_edges(cands, 3 * MAX_NEIGHBOURS), ids)
    payload = {
        "nodes": nodes,
        "edges": edges,
        "info": info,
        "edgeInfo": edge_info,
        "arts": refs.table,
    }
    by = site.idx.claims_by_author.get(iri, [])
    about = site.idx.claims_about.get(iri, [])
    relations = _relations(site, iri)
    n_articles = len(site.idx.articles_by_entity.get(iri, ()))
    view = {
        "label": ent.label,
        "cls_ar": CLASS_AR.get(ent.cls, ent.cls),
        "aliases": ent.aliases,
        "latin": ent.latin,
        "job_titles": ent.job_titles,
        "start_date": ent.start_date,
        "location": site.link(ent.location, ROOT) if ent.location else None,
        "same_as": [u for u in ent.same_as if u.startswith(("http://", "https://"))],
        "iri": ent.iri,
        "n_articles": n_articles,
        "n_mentions": ent.mentions,
        "rank": rank.get(iri, len(rank)) + 1,
        "n_entities": len(site.entities),
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
        claims_by=claim_rows(site, by[:MAX_ROWS] if len(by) <= MAX_ROWS else _newest(by)),
        n_claims_by=len(by),
        claims_about=claim_rows(
            site, about[:MAX_ROWS] if len(about) <= MAX_ROWS else _newest(about)
        ),
        n_claims_about=len(about),
        mentions=_articles(site, iri),
    )


def _newest(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.date or "", c.iri), reverse=True)[:MAX_ROWS]
