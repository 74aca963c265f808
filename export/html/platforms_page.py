"""``platforms.html``: actors × platforms, with the kind of link and its evidence.

A row is an actor, a column a platform, a website or an account (the classes of the
"Platform" legend group in ``graph/classes.tsv``: ``rasd:Platform``, ``rasd:Website``,
``rasd:Account``); a cell holds every relation the graph has between them
(``rasd:usesPlatform``, ``rasd:publishesOn``, ``rasd:hasAccountOn``, ``rasd:operates``,
``rasd:actedAgainst`` …, in either direction) with its number of evidence statements.  An
account's own platform (``rasd:onPlatform``) is a link between two columns: the account is
then a row too.  Clicking a cell opens the side panel with the evidence sentences.

Bounded for an archive: the :data:`MAX_PLATFORMS` platforms and :data:`MAX_ACTORS` actors
with the most evidence, each cell quoting at most ``EDGE_EV`` sentences per relation (the
snippets :meth:`Site.plan` keeps for every relation anyway); the page says how many were
left out.  Rows, columns and kinds are sorted deterministically (evidence, then label,
then IRI).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rasd.export.html.panels import REL_STYLE, Refs, Site
from rasd.export.html.render import render
from rasd.export.html.safe import script_json
from rasd.export.html.styles import CLASS_AR, CLASS_GROUP

MAX_PLATFORMS = 30
MAX_ACTORS = 150
ROOT = ""
PLATFORM = "Platform"  # the legend group of platforms, websites and accounts


@dataclass(slots=True)
class Link:
    """One relation between an actor and a platform."""

    predicate: str
    outgoing: bool  # the actor is the subject
    triple: tuple[str, str, str]
    count: int  # evidence statements


@dataclass(slots=True)
class Matrix:
    """The actor × platform links, with totals (evidence, at least 1 per relation)."""

    cells: dict[tuple[str, str], list[Link]] = field(default_factory=dict)
    actor_total: dict[str, int] = field(default_factory=dict)
    platform_total: dict[str, int] = field(default_factory=dict)


def platform_links(site: Site) -> Matrix:
    """Every relation with a platform at one end (and an actor, or another platform, at
    the other).  Between two platforms, the subject is the row."""
    ents = site.entities
    cells: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for s, p, o in site.idx.relations:
        if p not in REL_STYLE:
            continue
        s_plat = CLASS_GROUP.get(ents[s].cls) == PLATFORM
        o_plat = CLASS_GROUP.get(ents[o].cls) == PLATFORM
        if o_plat:
            actor, plat, out = s, o, True
        elif s_plat:
            actor, plat, out = o, s, False
        else:
            continue
        n = len(site.idx.evidence.get((s, p, o), ()))
        cells[(actor, plat)].append(Link(p, out, (s, p, o), n))
    m = Matrix()
    a_tot: dict[str, int] = defaultdict(int)
    p_tot: dict[str, int] = defaultdict(int)
    for (actor, plat), links in sorted(cells.items()):
        links.sort(key=lambda x: (-x.count, REL_STYLE[x.predicate].key, not x.outgoing))
        weight = sum(max(1, x.count) for x in links)
        a_tot[actor] += weight
        p_tot[plat] += weight
        m.cells[(actor, plat)] = links
    m.actor_total, m.platform_total = dict(a_tot), dict(p_tot)
    return m


def _top(totals: dict[str, int], site: Site, n: int) -> list[str]:
    ents = site.entities
    return sorted(totals, key=lambda i: (-totals[i], ents[i].label, i))[:n]


def kind_label(predicate: str, outgoing: bool) -> tuple[str, str]:
    """Arabic and English name of a link as seen from the actor: the relation when the
    actor is its subject, "by the platform: …" when the platform is (e.g. a platform that
    acted against an actor: banned or removed it)."""
    style = REL_STYLE[predicate]
    if outgoing:
        return style.ar, style.en
    return f"من المنصة: {style.ar}", f"by the platform: {style.en}"


def platforms_page(site: Site) -> str:
    """HTML of ``platforms.html``."""
    m = platform_links(site)
    plats = _top(m.platform_total, site, MAX_PLATFORMS)
    shown_p = set(plats)
    actor_total: dict[str, int] = defaultdict(int)
    for (actor, plat), links in m.cells.items():
        if plat in shown_p:
            actor_total[actor] += sum(max(1, x.count) for x in links)
    actors = _top(actor_total, site, MAX_ACTORS)
    refs = Refs(site)
    cells: list[list[Any]] = []
    rows = []
    for actor in actors:
        row = {"actor": site.link(actor, ROOT), "total": actor_total[actor], "cells": []}
        row["cls"] = CLASS_AR.get(site.entities[actor].cls, "")
        for plat in plats:
            links = m.cells.get((actor, plat))
            if not links:
                row["cells"].append(None)
                continue
            kinds = []
            record = []
            for x in links:
                ar, en = kind_label(x.predicate, x.outgoing)
                kinds.append({"ar": ar, "en": en, "n": x.count})
                ev = [
                    refs.ev(site.span(e.article, e.sentence, e.start, e.end), e.article)
                    for e in site.top_evidence(x.triple)
                ]
                record.append([ar, en, x.count, ev])
            row["cells"].append({"i": len(cells), "kinds": kinds})
            cells.append([site.entities[actor].label, site.entities[plat].label, record])
        rows.append(row)
    payload = {"cells": cells, "arts": refs.table}
    return render(
        "platforms.html",
        title="المنصات",
        root=ROOT,
        page="platforms",
        platforms=[
            {
                **(site.link(p, ROOT) or {}),
                "total": m.platform_total[p],
                "kind": ""
                if site.entities[p].cls == PLATFORM
                else CLASS_AR.get(site.entities[p].cls),
            }
            for p in plats
        ],
        rows=rows,
        n_platforms=len(m.platform_total),
        n_actors=len(actor_total),
        n_all_actors=len(m.actor_total),
        n_links=sum(len(v) for v in m.cells.values()),
        max_platforms=MAX_PLATFORMS,
        max_actors=MAX_ACTORS,
        data=script_json(payload),
    )
