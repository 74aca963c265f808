"""One page per article (``article/<article-id>.html``): text with spans, entities, claims."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rdflib import URIRef

from export.html.analytics import radial_positions
from export.html.entity_page import claim_rows, entity_link
from export.html.highlight import Span, highlight
from export.html.model import Article, SiteData
from export.html.netdata import vis_options
from export.html.panels import edge_candidates, entity_href, entity_node, select_edges, vis_edges
from export.html.render import render
from export.html.safe import evidence_item, script_json
from export.html.styles import CLASS_AR, GROUP_BY_KEY, GROUPS, RELATIONS

ROOT = "../"
MAX_NODES = 80


def _spans(data: SiteData, art: Article) -> list[Span]:
    spans = []
    for m in data.mentions_by_article.get(art.iri, ()):
        ent = data.entities[m.entity]
        spans.append(
            Span(
                m.start,
                m.end,
                "m",
                ent.group,
                entity_href(data, m.entity, ROOT),
                f"{ent.label} — {CLASS_AR.get(ent.cls, ent.cls)}",
            )
        )
    for c in data.claims_by_article.get(art.iri, ()):
        spans.append(Span(c.start, c.end, "c"))
    for d in data.dates_by_article.get(art.iri, ()):
        spans.append(Span(d.start, d.end, "d"))
    return spans


def article_page(data: SiteData, art: Article) -> str:
    """HTML of one article page."""
    mentions = data.mentions_by_article.get(art.iri, [])
    counts = Counter(m.entity for m in mentions)
    for e in art.mentions:
        if e in data.entities:
            counts.setdefault(e, 0)
    ents = sorted(counts, key=lambda e: (-counts[e], data.entities[e].label, e))[:MAX_NODES]
    ring = sorted(ents, key=lambda e: (data.entities[e].group, data.entities[e].label, e))
    ids = {e: i for i, e in enumerate(ring)}
    pos = radial_positions(None, [ring], step=220.0)
    first_mention: dict[str, Any] = {}
    for m in mentions:
        first_mention.setdefault(m.entity, m)
    nodes = []
    info = []
    for e in ring:
        node, panel = entity_node(
            data, e, ids[e], pos[e], 10.0 + 3.0 * min(counts[e], 10), ROOT, limit=0
        )
        m = first_mention.get(e)
        panel["ev"] = (
            [evidence_item(data, m.sentence, m.article, m.start, m.end, ROOT)] if m else []
        )
        nodes.append(node)
        info.append(panel)
    claims = data.claims_by_article.get(art.iri, [])
    evidence = data.evidence_by_article.get(art.iri, [])
    cands = edge_candidates(
        data,
        ids,
        ROOT,
        relations={(e.subject, e.predicate, e.object) for e in evidence},
        claims=claims,
        article=art.iri,
    )
    edges, edge_info = vis_edges(select_edges(cands, 4 * MAX_NODES), ids)
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": vis_options(),
        "nodeInfo": info,
        "edgeInfo": edge_info,
        "communityColors": [],
    }
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in sorted(counts, key=lambda e: (-counts[e], data.entities[e].label, e)):
        link = entity_link(data, e)
        if link:
            groups.setdefault(data.entities[e].group, []).append({**link, "count": counts[e]})
    entity_groups = [{"ar": g.ar, "members": groups[g.key]} for g in GROUPS if g.key in groups]
    relations = []
    for ev in sorted(evidence, key=lambda e: (e.start, e.end, e.predicate, e.subject, e.object)):
        s, o = entity_link(data, ev.subject), entity_link(data, ev.object)
        if s is None or o is None:
            continue
        style = RELATIONS[URIRef(ev.predicate)]
        relations.append(
            {
                "subject": s,
                "object": o,
                "ar": style.ar,
                "en": style.en,
                "ev": evidence_item(data, ev.sentence, ev.article, ev.start, ev.end, ROOT),
            }
        )
    view = {
        "headline": art.headline,
        "date": art.date,
        "publisher": entity_link(data, art.publisher) if art.publisher else None,
        "author": art.author,
        "url": art.url if art.url and art.url.startswith(("http://", "https://")) else None,
        "source_file": art.source_file,
        "iri": art.iri,
    }
    return render(
        "article.html",
        title=art.headline,
        root=ROOT,
        page="article",
        data=script_json(payload),
        a=view,
        groups=[g for g in GROUPS if g.key in GROUP_BY_KEY],
        entity_groups=entity_groups,
        body=highlight(art.body, _spans(data, art)),
        claims=claim_rows(data, claims),
        relations=relations,
        dates=data.dates_by_article.get(art.iri, []),
    )
