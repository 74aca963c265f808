"""Side-panel records and network edges shared by the overview, entity and article pages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import URIRef

from export.html.model import Claim, Mention, SiteData
from export.html.netdata import vis_edge, vis_node
from export.html.safe import evidence_item
from export.html.styles import CLAIM_ABOUT, CLASS_AR, GROUP_BY_KEY, RELATIONS
from graph.vocab import RASD

CO_MENTION = str(RASD.coMention)


def entity_href(data: SiteData, iri: str, root: str) -> str:
    """Relative link to an entity page."""
    return f"{root}entity/{data.entities[iri].file}.html"


def entity_dates(data: SiteData, iri: str) -> list[str]:
    """Sorted distinct months (``YYYY-MM``, or ``YYYY`` when only the year is known) at which
    the entity is attested: articles that mention it, its claims, claims about it, its start
    date (events)."""
    out: set[str] = set()

    def add(d: str | None) -> None:
        if d:
            out.add(d[:7])

    for a in data.articles_by_entity.get(iri, ()):
        add(data.articles[a].date)
    for c in data.claims_by_author.get(iri, ()):
        add(c.date)
    for c in data.claims_about.get(iri, ()):
        add(c.date)
    add(data.entities[iri].start_date)
    return sorted(out)


def _first_mentions(data: SiteData, iri: str) -> dict[str, Mention]:
    """The first mention of the entity in each article (cached on ``data``)."""
    cache = data.cache.setdefault("first_mentions", {})
    found = cache.get(iri)
    if found is None:
        found = {}
        for m in data.mentions_by_entity.get(iri, ()):
            found.setdefault(m.article, m)
        cache[iri] = found
    return found


def mention_evidence(data: SiteData, iri: str, root: str, limit: int) -> list[dict[str, str]]:
    """Up to ``limit`` mentions of the entity in the most recent articles, one per article."""
    items: list[dict[str, str]] = []
    if limit <= 0:
        return items
    first = _first_mentions(data, iri)
    for a in data.articles_by_entity.get(iri, ()):
        m = first.get(a)
        if m is None:
            continue
        items.append(evidence_item(data, m.sentence, m.article, m.start, m.end, root))
        if len(items) >= limit:
            break
    return items


def entity_node(
    data: SiteData,
    iri: str,
    node_id: int,
    xy: tuple[float, float],
    size: float,
    root: str,
    *,
    limit: int = 3,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The vis node of an entity at a precomputed position, and its side-panel record (see
    :func:`entity_panel`), as the entity and article page networks show them."""
    ent = data.entities[iri]
    node = vis_node(
        node_id,
        ent.label,
        ent.group,
        size=size,
        x=xy[0],
        y=xy[1],
        title=f"{ent.label} — {CLASS_AR.get(ent.cls, ent.cls)}",
    )
    panel = entity_panel(data, iri, root, limit=limit)
    panel.update({"g": ent.group, "k": 0, "d": []})
    return node, panel


def entity_panel(data: SiteData, iri: str, root: str, *, limit: int = 3) -> dict[str, Any]:
    """What the side panel shows for an entity node (a fresh dict; computed once per key)."""
    cache = data.cache.setdefault("panels", {})
    key = (iri, root, limit)
    if key not in cache:
        cache[key] = _entity_panel(data, iri, root, limit)
    return dict(cache[key])


def _entity_panel(data: SiteData, iri: str, root: str, limit: int) -> dict[str, Any]:
    ent = data.entities[iri]
    facts: list[list[str]] = []
    if ent.latin:
        facts.append(["بالحروف اللاتينية", ent.latin])
    for job in ent.job_titles:
        facts.append(["المنصب", job])
    if ent.start_date:
        facts.append(["التاريخ", ent.start_date])
    if ent.location in data.entities:
        facts.append(["المكان", data.entities[ent.location].label])
    n_art = len(data.articles_by_entity.get(iri, ()))
    n_by = len(data.claims_by_author.get(iri, ()))
    n_about = len(data.claims_about.get(iri, ()))
    facts.append(["مقالات", str(n_art)])
    facts.append(["تصريحات قالها", str(n_by)])
    facts.append(["تصريحات عنه", str(n_about)])
    return {
        "label": ent.label,
        "cls": CLASS_AR.get(ent.cls, ent.cls),
        "group": GROUP_BY_KEY[ent.group].ar,
        "aliases": list(ent.aliases),
        "facts": facts,
        "href": entity_href(data, iri, root),
        "ev": mention_evidence(data, iri, root, limit),
    }


@dataclass(slots=True)
class EdgeCandidate:
    """An edge between two shown nodes, before the cap is applied."""

    source: str
    target: str
    key: str  # relation key, or CLAIM_ABOUT.key
    score: float
    primary: bool  # not a co-mention
    panel: dict[str, Any]
    ar: str
    en: str
    dashes: bool


def edge_candidates(
    data: SiteData,
    shown: Mapping[str, int],
    root: str,
    *,
    relations: Iterable[tuple[str, str, str]] | None = None,
    claims: Iterable[Claim] | None = None,
    article: str | None = None,
    limit: int = 3,
) -> list[EdgeCandidate]:
    """Relation and claim edges between shown entities, with their side-panel records.

    ``relations`` and ``claims`` default to the whole graph; pass local ones (an entity's
    or an article's) to keep per-page work small.  With ``article``, only evidence from
    that article is used.
    """
    out: list[EdgeCandidate] = []
    for s, p, o in sorted(set(data.relations if relations is None else relations)):
        if s not in shown or o not in shown:
            continue
        style = RELATIONS[URIRef(p)]
        ev = data.evidence.get((s, p, o), [])
        if article is not None:
            ev = [e for e in ev if e.article == article]
            if not ev:
                continue
        ev_sorted = sorted(
            ev,
            key=lambda e: (
                (data.articles[e.article].date or "") if e.article in data.articles else ""
            ),
            reverse=True,
        )
        items = [
            evidence_item(data, e.sentence, e.article, e.start, e.end, root)
            for e in ev_sorted[:limit]
        ]
        weight = sum(e.weight for e in ev) if p == CO_MENTION else len(ev)
        out.append(
            EdgeCandidate(
                source=s,
                target=o,
                key=style.key,
                score=float(max(weight, 1)),
                primary=p != CO_MENTION,
                panel=_edge_panel(data, s, o, style.ar, style.en, len(ev), items),
                ar=style.ar,
                en=style.en,
                dashes=style.dashes,
            )
        )
    pairs: dict[tuple[str, str], list] = defaultdict(list)
    for c in data.claims if claims is None else claims:
        for a in c.authors:
            if a not in shown:
                continue
            for b in c.about:
                if b in shown and b != a:
                    pairs[(a, b)].append(c)
    for (a, b), claims in sorted(pairs.items()):
        claims = sorted(claims, key=lambda c: (c.date or "", c.iri), reverse=True)
        items = [
            evidence_item(data, c.sentence, c.article, c.start, c.end, root, c.date)
            for c in claims[:limit]
        ]
        out.append(
            EdgeCandidate(
                source=a,
                target=b,
                key=CLAIM_ABOUT.key,
                score=float(len(claims)),
                primary=True,
                panel=_edge_panel(data, a, b, CLAIM_ABOUT.ar, CLAIM_ABOUT.en, len(claims), items),
                ar=CLAIM_ABOUT.ar,
                en=CLAIM_ABOUT.en,
                dashes=False,
            )
        )
    return out


def _edge_panel(
    data: SiteData, s: str, o: str, ar: str, en: str, count: int, items: list[dict[str, str]]
) -> dict[str, Any]:
    return {
        "label": ar,
        "en": en,
        "from": data.entities[s].label,
        "to": data.entities[o].label,
        "count": count,
        "ev": items,
    }


def select_edges(candidates: list[EdgeCandidate], cap: int) -> list[EdgeCandidate]:
    """All primary edges first (strongest first), then co-mentions, at most ``cap`` in all."""
    ranked = sorted(candidates, key=lambda e: (not e.primary, -e.score, e.source, e.target, e.key))
    return ranked[:cap]


def vis_edges(
    chosen: list[EdgeCandidate], ids: Mapping[str, int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network edges (ids 0..n-1) and their panel records, in a stable order."""
    chosen = sorted(chosen, key=lambda e: (ids[e.source], ids[e.target], e.key))
    edges = []
    panels = []
    for i, e in enumerate(chosen):
        edges.append(
            vis_edge(
                i,
                ids[e.source],
                ids[e.target],
                label="" if not e.primary else e.ar,
                title=f"{e.en} — {e.ar}",
                width=1.0 + min(4.0, e.score**0.5),
                dashes=e.dashes,
                arrows=e.primary,
            )
        )
        panels.append(e.panel)
    return edges, panels
