"""The overview page (``index.html``) and the site-wide search index."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from rasd.export.html.analytics import spring_positions
from rasd.export.html.netdata import node
from rasd.export.html.panels import (
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
