"""The overview page (``index.html``) and the site-wide search index."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from rasd.export.html.layout import (
    LABEL_SHRINK,
    ZOOM_STEPS,
    caption_levels,
    community_layout,
    fit_box,
    fit_scale,
    label_box,
    label_levels,
)
from rasd.export.html.netdata import node
from rasd.export.html.panels import (
    REL_KEY,
    EdgeCandidate,
    Refs,
    Site,
    edge_candidates,
    entity_info,
    select_edges,
    vis_edges,
)
from rasd.export.html.render import render
from rasd.export.html.safe import script_json
from rasd.export.html.styles import GROUPS

EDGES_PER_NODE = 3  # overview edge cap: this many times the number of shown nodes
AGG_PER_GROUP = 3  # aggregated edges drawn: at most this many times the number of groups
AGG_PAIRS = 6  # entity pairs listed in an aggregated edge's panel
PLATFORM_GROUP = "Platform"
CAPTION_PX = 12.0  # screen size of a community's caption


def node_size(score: float, top: float) -> float:
    """Node radius (network units) from its importance relative to the most important node
    (the overview's communities are laid out with 70 units between neighbours)."""
    if top <= 0:
        return 12.0
    return 9.0 + 40.0 * math.sqrt(max(score, 0.0) / top)


def label_px(score: float, top: float) -> float:
    """Screen size (px) of a node's label at the initial zoom: 13 to 18 by importance."""
    if top <= 0:
        return 14.0
    return round(13.0 + 5.0 * math.sqrt(max(score, 0.0) / top), 1)


@dataclass(slots=True)
class Aggregate:
    """The relations (and claim pairs) between two communities, drawn as one edge between
    their most important drawn members (``hubs``)."""

    communities: tuple[int, int]
    hubs: tuple[str, str]
    count: int
    kinds: Counter
    pairs: list[EdgeCandidate]


def split_edges(
    candidates: list[EdgeCandidate], community: Mapping[str, int]
) -> tuple[list[EdgeCandidate], list[EdgeCandidate]]:
    """Edges inside a community and edges between two communities."""
    inside, across = [], []
    for e in candidates:
        same = community.get(e.source, -1) == community.get(e.target, -1)
        (inside if same else across).append(e)
    return inside, across


def aggregate_edges(
    across: list[EdgeCandidate], community: Mapping[str, int], hub: Mapping[int, str]
) -> list[Aggregate]:
    """One :class:`Aggregate` per pair of communities, strongest first: ``count`` the
    edges it replaces, ``kinds`` their relation keys, ``pairs`` the edges by strength."""
    by_pair: dict[tuple[int, int], list[EdgeCandidate]] = defaultdict(list)
    for e in across:
        a, b = community.get(e.source, -1), community.get(e.target, -1)
        by_pair[(a, b) if a < b else (b, a)].append(e)
    out = []
    for (a, b), edges in sorted(by_pair.items()):
        edges.sort(key=lambda e: (-e.score, e.source, e.target, e.key))
        kinds = Counter(e.key for e in edges)
        out.append(Aggregate((a, b), (hub[a], hub[b]), len(edges), kinds, edges))
    out.sort(key=lambda x: (-x.count, x.communities))
    return out


def _months(a: str, b: str) -> list[str]:
    """Every month from ``a`` to ``b`` (``YYYY-MM``), both included.

    >>> _months("2014-11", "2015-02")
    ['2014-11', '2014-12', '2015-01', '2015-02']
    """
    y, m = int(a[:4]), int(a[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= b:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def time_bins(
    claim_dates: Iterable[str | None], event_dates: Iterable[str | None], *, max_months: int = 48
) -> dict[str, Any]:
    """Claims and events by month for the overview's time bar.

    ``months`` runs without gaps from the first to the last month; when that is longer than
    ``max_months``, it is cut to the months between the 2nd and 98th percentile of the
    dated items and the rest is counted in ``before``/``after`` (``[claims, events]``).
    Dates with a year only are counted in ``year``, items without a date in ``undated``.

    >>> b = time_bins(["2015-07-01", "2015-05", "2015", None], ["2015-07"])
    >>> b["months"], b["claims"], b["events"], b["year"], b["undated"]
    (['2015-05', '2015-06', '2015-07'], [1, 0, 1], [0, 0, 1], [1, 0], [1, 0])
    """
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    year, undated = [0, 0], [0, 0]
    for j, dates in enumerate((claim_dates, event_dates)):
        for d in dates:
            if not d:
                undated[j] += 1
            elif len(d) < 7 or not re.match(r"^\d{4}-\d{2}", d):
                year[j] += 1
            else:
                counts[d[:7]][j] += 1
    out: dict[str, Any] = {"months": [], "claims": [], "events": [], "before": [0, 0],
                           "after": [0, 0], "year": year, "undated": undated}  # fmt: skip
    if not counts:
        return out
    keys = sorted(counts)
    first, last = keys[0], keys[-1]
    if len(_months(first, last)) > max_months:
        flat = [k for k in keys for _ in range(sum(counts[k]))]
        first = flat[int(0.02 * (len(flat) - 1))]
        last = flat[math.ceil(0.98 * (len(flat) - 1))]
        while len(_months(first, last)) > max_months:  # still too long: keep the latest
            first = _months(first, last)[1]
    months = _months(first, last)
    out["months"] = months
    out["claims"] = [counts[m][0] if m in counts else 0 for m in months]
    out["events"] = [counts[m][1] if m in counts else 0 for m in months]
    for k in keys:
        side = "before" if k < first else "after" if k > last else None
        if side:
            out[side][0] += counts[k][0]
            out[side][1] += counts[k][1]
    return out


def event_date(site: Site, iri: str) -> str | None:
    """The date an event is drawn at: its start date, else the first month it is attested."""
    ent = site.entities[iri]
    if ent.start_date:
        return ent.start_date
    dates = site.entity_dates(iri)
    return dates[0] if dates else None


def platform_links(site: Site, ids: Mapping[str, int]) -> list[list]:
    """``[platform node id, [linked node ids], {relation key: count}]`` for every drawn
    platform: the drawn entities tied to it by any drawn relation (uses, publishes on, has
    an account on, acted against…, in either direction), most linked platform first."""
    out = []
    for iri, i in ids.items():
        if site.entities[iri].group != PLATFORM_GROUP:
            continue
        linked: set[int] = set()
        kinds: Counter = Counter()
        for s, p, o in site.idx.relations_by_entity.get(iri, ()):
            other = o if s == iri else s
            if other == iri or p not in REL_KEY:
                continue
            kinds[REL_KEY[p]] += 1
            if other in ids:
                linked.add(ids[other])
        out.append([i, sorted(linked), dict(sorted(kinds.items()))])
    out.sort(key=lambda p: (-len(p[1]), p[0]))
    return out


def overview_page(
    site: Site,
    g: nx.Graph,
    ranked: list[str],
    score: dict[str, float],
    community: dict[str, int],
    max_nodes: int,
) -> tuple[str, dict[str, int]]:
    """HTML of ``index.html`` and the node id of every entity drawn on it.

    The drawn entities are the ``max_nodes`` most important; their communities are laid
    out apart (:func:`layout.community_layout`), labels are drawn where they fit
    (:func:`layout.label_levels`), edges inside a community are capped and edges between
    two communities are drawn as one aggregated edge (:func:`aggregate_edges`)."""
    shown = ranked[: max(0, max_nodes)]
    ids = {iri: i for i, iri in enumerate(shown)}
    top = score.get(shown[0], 0.0) if shown else 0.0
    size = {iri: round(node_size(score.get(iri, 0.0), top), 1) for iri in shown}
    pos, groups = community_layout(g, shown, community, size)
    box = fit_box(groups)
    s0 = fit_scale(box)
    px = {iri: label_px(score.get(iri, 0.0), top) for iri in shown}
    labels = {iri: site.entities[iri].label for iri in shown}
    cover = {n: gr.community for gr in groups if gr.community >= 0 for n in gr.members}
    level = label_levels(shown, pos, size, labels, px, s0, cover)
    captions = [
        f"مجموعة «{labels[gr.members[0]]}» · {len(gr.members)}"
        if gr.community >= 0
        else f"كيانات متفرقة · {len(gr.members)}"
        for gr in groups
    ]

    def label_boxes(step: int) -> list:
        scale = s0 * ZOOM_STEPS[step] ** LABEL_SHRINK
        return [
            label_box(*pos[n], size[n], labels[n], px[n], scale) for n in shown if level[n] <= step
        ]

    caption_level = caption_levels(groups, captions, CAPTION_PX, label_boxes, s0)
    nodes: list[list] = []
    info: list[dict[str, Any]] = []
    for iri in shown:
        ent = site.entities[iri]
        x, y = pos[iri]
        nodes.append(node(ent.label, ent.cls, size[iri], x, y))
        extra = {"k": community.get(iri, 0), "d": site.entity_dates(iri)}
        info.append(entity_info(site, iri, **extra, l=level[iri], f=px[iri]))
    refs = Refs(site)
    inside, across = split_edges(edge_candidates(site, ids, refs), community)
    chosen = select_edges(inside, max(EDGES_PER_NODE * len(shown), 50))
    edges, edge_info = vis_edges(chosen, ids)
    hub: dict[int, str] = {}
    for iri in shown:
        hub.setdefault(community.get(iri, -1), iri)
    aggs = aggregate_edges(across, community, hub)
    drawn_aggs = aggs[: max(AGG_PER_GROUP * len(groups), 20)]
    agg = [
        [ids[a.hubs[0]], ids[a.hubs[1]], a.count, dict(sorted(a.kinds.items())),
         [[ids[e.source], ids[e.target], e.key, e.info[0]] for e in a.pairs[:AGG_PAIRS]]]
        for a in drawn_aggs
    ]  # fmt: skip
    bins = time_bins(
        (c.date for c in site.idx.claims),
        (event_date(site, i) for i, e in site.entities.items() if e.cls == "Event"),
    )
    platforms = platform_links(site, ids)
    counts = Counter(site.entities[i].group for i in shown)
    payload = {
        "nodes": nodes,
        "edges": edges,
        "info": info,
        "edgeInfo": edge_info,
        "arts": refs.table,
        "large": True,
        "agg": agg,
        "groups": [
            [
                gr.community,
                gr.cx,
                gr.cy,
                gr.r,
                ids[gr.members[0]],
                len(gr.members),
                cap,
                lv,
                [ids[m] for m in gr.members],
            ]
            for gr, cap, lv in zip(groups, captions, caption_level, strict=True)
        ],
        "captionPx": CAPTION_PX,
        "layout": {
            "s0": round(s0, 6),
            "box": list(box),
            "steps": list(ZOOM_STEPS),
            "shrink": LABEL_SHRINK,
        },
        "bins": bins,
        "platforms": platforms,
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
        n_agg=len(agg),
        n_across=sum(a.count for a in drawn_aggs),
        n_articles=len(site.articles),
        n_claims=len(site.idx.claims),
        n_communities=len(set(community.values())),
        n_groups=sum(1 for gr in groups if gr.community >= 0),
        platforms=[(p[0], site.entities[shown[p[0]]].label, len(p[1])) for p in platforms],
        groups=GROUPS,
        counts=dict(counts),
    )
    return html, ids


_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_ALEFS = re.compile("[\u0623\u0625\u0622\u0671]")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Search normalisation, the same as ``normalize`` in ``site.js``: NFC, no diacritics or
    tatweel, one alef, ى → ي, ة → ه, lower case, single spaces.

    >>> normalize("الدَّولة الإسلاميـة")
    'الدوله الاسلاميه'
    """
    text = _DIACRITICS.sub("", unicodedata.normalize("NFC", text))
    text = _ALEFS.sub("\u0627", text).replace("\u0649", "\u064a").replace("\u0629", "\u0647")
    return _SPACES.sub(" ", text.lower()).strip()


def word_key(word: str) -> str:
    """The search shard of a normalised word: its first letter, after ال when the word is
    longer than three letters (``site.js`` has the same rule).

    >>> word_key("الدوله"), word_key("داعش"), word_key("ال")
    ('د', 'د', 'ا')
    """
    if word.startswith("\u0627\u0644") and len(word) > 3:
        word = word[2:]
    return word[:1]


def search_index_js(site: Site, overview_ids: dict[str, int]) -> dict[str, str]:
    """``static/search/<hex>.js`` by file name: every entity's label, other names, link (from
    the site root), class key and overview node id (-1 when not drawn there), in the shard
    of the first letter of each word of its names (``<hex>``: that letter's code point).

    A search loads the one shard of its first word, so the browser never parses the index
    of the whole archive; a query matches names that have a word starting like its first
    word (after ال), then anywhere in the name.
    """
    shards: dict[str, list[list]] = defaultdict(list)
    for iri, e in site.entities.items():
        names = sorted({a for a in (*e.aliases, e.latin) if a and a != e.label})
        row = [e.label, names, e.href, e.cls, overview_ids.get(iri, -1)]
        keys = {word_key(w) for n in (e.label, *names) for w in normalize(n).split(" ") if w}
        for key in sorted(keys):
            shards[f"{ord(key):x}"].append(row)
    return {
        f"{name}.js": f"rasdSearch({script_json(name)},{script_json(rows)});\n"
        for name, rows in sorted(shards.items())
    }
