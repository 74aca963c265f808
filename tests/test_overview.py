"""The overview's picture (export.html.layout, export.html.overview): communities apart,
labels where they fit, aggregated edges between communities, the time bar's bins, the
platform filter's links.  Checked without a browser (see test_browser_overview.py)."""

from __future__ import annotations

import itertools
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from conftest import page_fixture_graph
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]

from bench.site_data import read_site_data  # noqa: E402
from rasd.export.html import site_network, write_site  # noqa: E402
from rasd.export.html.analytics import (  # noqa: E402
    communities,
    importance,
    rank_nodes,
    undirected_weighted,
)
from rasd.export.html.layout import (  # noqa: E402
    COVER_RATIO,
    ZOOM_STEPS,
    community_layout,
    fit_box,
    fit_scale,
    label_box,
    label_levels,
)
from rasd.export.html.overview import (  # noqa: E402
    aggregate_edges,
    platform_links,
    split_edges,
    time_bins,
)
from rasd.export.html.panels import Refs, Site, edge_candidates  # noqa: E402
from rasd.export.html.store import read_index, store_from_graph  # noqa: E402

# real names from the seeds and SaudiNewsNet, long and short, Arabic and Latin
NAMES = [
    "داعش", "جوزف فوتل", "القيادة الأميركية الوسطى", "تويتر", "العراق", "سوريا",
    "الأمم المتحدة", "خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز", "وزارة الداخلية",
    "مصدر في الشرطة الفرنسية", "يوتيوب", "ISIS", "المملكة العربية السعودية", "جدة",
    "الحوثيون", "مجلس التعاون لدول الخليج العربية", "فيسبوك", "الرياض", "محمد",
]  # fmt: skip


def page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script id="page-data" type="application/json">(.*?)</script>', text, re.S)
    assert m, f"no page data in {path}"
    return json.loads(m.group(1))


def planted(n_groups: int = 6, per_group: int = 14, seed: int = 3) -> nx.Graph:
    """Dense groups with few links between them (networkx's planted partition, seeded),
    as the pages' weighted graph."""
    raw = nx.planted_partition_graph(n_groups, per_group, 0.35, 0.01, seed=seed)
    g = nx.Graph()
    g.add_nodes_from(sorted(f"n{i:03d}" for i in raw))
    g.add_weighted_edges_from(sorted((f"n{a:03d}", f"n{b:03d}", 1.0) for a, b in raw.edges()))
    return g


def picture(g: nx.Graph):
    score = importance(g)
    ranked = rank_nodes(g, score)
    comm = communities(g)
    top = score[ranked[0]]
    size = {n: 8.0 + 30.0 * math.sqrt(score[n] / top) for n in ranked}
    pos, groups = community_layout(g, ranked, comm, size)
    return ranked, comm, size, pos, groups


def test_layout_is_deterministic() -> None:
    first = picture(planted())
    again = picture(planted())
    assert first[3] == again[3]
    assert first[4] == again[4]


def test_overview_bytes_do_not_depend_on_hash_seed(tmp_path: Path) -> None:
    """The whole overview page, written in two processes with different string hashing."""
    code = (
        "import sys; sys.path.insert(0, 'tests'); from pathlib import Path;"
        "from conftest import page_fixture_graph; from rasd.export.html import write_site;"
        "write_site(page_fixture_graph(), Path(sys.argv[1]))"
    )
    out = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-c", code, str(tmp_path / seed)], cwd=ROOT, env=env,
                       check=True)  # fmt: skip
        out.append((tmp_path / seed / "index.html").read_bytes())
    assert out[0] == out[1]


def test_communities_are_laid_out_apart() -> None:
    ranked, comm, size, pos, groups = picture(planted())
    within, between = [], []
    for a, b in itertools.combinations(ranked, 2):
        d = math.dist(pos[a], pos[b])
        (within if comm[a] == comm[b] else between).append(d)
    assert sum(between) / len(between) > 1.5 * sum(within) / len(within)
    # every node inside its group's disc, discs apart
    for gr in groups:
        for n in gr.members:
            assert math.dist(pos[n], (gr.cx, gr.cy)) + size[n] <= gr.r + 1
    for a, b in itertools.combinations(groups, 2):
        assert math.dist((a.cx, a.cy), (b.cx, b.cy)) >= a.r + b.r
    assert sorted(n for gr in groups for n in gr.members) == sorted(ranked)


def test_small_pieces_share_one_block() -> None:
    """Many pairs and single nodes (no community of three) go to one block, not to a
    disc each; the block is about as wide as tall (not a row)."""
    g = planted(2, 12)
    for i in range(30):  # 15 disconnected pairs
        g.add_edge(f"p{i:02d}", f"p{i + 1:02d}" if i % 2 == 0 else f"p{i - 1:02d}", weight=1.0)
    for i in range(5):
        g.add_node(f"s{i}")
    _ranked, _comm, _size, pos, groups = picture(g)
    blocks = [gr for gr in groups if gr.community == -1]
    assert len(blocks) == 1
    assert len(groups) == 3
    block = blocks[0]
    assert len(block.members) == 35
    xs = [pos[n][0] for n in block.members]
    ys = [pos[n][1] for n in block.members]
    assert (max(xs) - min(xs)) < 4 * (max(ys) - min(ys))
    for i in range(0, 30, 2):  # a pair stays side by side
        assert math.dist(pos[f"p{i:02d}"], pos[f"p{i + 1:02d}"]) < 100


def _check_labels(nodes, pos, size, text, px, s0, level, cover=None) -> int:
    """Asserts that at every zoom step no two drawn labels overlap, nor a label a node
    other than a less important one of its own community (``cover``; ``nodes`` in rank
    order); returns how many labels the first view draws."""
    cover = cover or {}
    for step, _z in enumerate(ZOOM_STEPS):
        scale = s0 * ZOOM_STEPS[step] ** 0.7
        shown = [n for n in nodes if level[n] <= step]
        boxes = {n: label_box(*pos[n], size[n], text[n], px[n], scale) for n in shown}
        for a, b in itertools.combinations(shown, 2):
            ba, bb = boxes[a], boxes[b]
            overlap = ba[0] < bb[2] and bb[0] < ba[2] and ba[1] < bb[3] and bb[1] < ba[3]
            assert not overlap, (step, text[a], text[b])
        for a in shown:
            for n in nodes:
                own = cover.get(a) is not None and cover.get(n) == cover.get(a)
                first = next(m for m in nodes if cover.get(m) == cover.get(a)) == a
                small = first or size[n] <= COVER_RATIO * size[a]
                if n == a or (own and small and nodes.index(n) > nodes.index(a)):
                    continue
                (x, y), r = pos[n], size[n]
                ba = boxes[a]
                assert not (ba[0] < x + r and x - r < ba[2] and ba[1] < y + r and y - r < ba[3])
    return sum(1 for n in nodes if level[n] == 0)


def test_labels_do_not_overlap() -> None:
    g = planted(8, 20)
    ranked, _comm, size, pos, groups = picture(g)
    text = {n: NAMES[i % len(NAMES)] for i, n in enumerate(ranked)}
    px = {n: 13.0 + 5.0 * (i == 0) for i, n in enumerate(ranked)}
    s0 = fit_scale(fit_box(groups))
    cover = {n: gr.community for gr in groups if gr.community >= 0 for n in gr.members}
    level = label_levels(ranked, pos, size, text, px, s0, cover)
    first = _check_labels(ranked, pos, size, text, px, s0, level, cover)
    assert 0 < first < len(ranked)  # labels where they fit, not all of them
    assert level[ranked[0]] == 0  # the most important node is labelled
    more = sum(1 for n in ranked if level[n] < len(ZOOM_STEPS))
    assert more > first  # zooming in shows more


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(-400, 400), st.integers(-300, 300), st.floats(6, 38),
            st.sampled_from(NAMES), st.floats(12, 18), st.sampled_from([None, 0, 1]),
        ),
        min_size=1, max_size=40,
    ),
    st.floats(0.3, 2.0),
)  # fmt: skip
def test_labels_never_overlap_property(rows, s0) -> None:
    nodes = [f"n{i}" for i in range(len(rows))]
    pos = {n: (r[0], r[1]) for n, r in zip(nodes, rows, strict=True)}
    size = {n: r[2] for n, r in zip(nodes, rows, strict=True)}
    text = {n: r[3] for n, r in zip(nodes, rows, strict=True)}
    px = {n: r[4] for n, r in zip(nodes, rows, strict=True)}
    cover = {n: r[5] for n, r in zip(nodes, rows, strict=True)}
    level = label_levels(nodes, pos, size, text, px, s0, cover)
    _check_labels(nodes, pos, size, text, px, s0, level, cover)


@pytest.fixture(scope="module")
def fixture_site_data():
    graph = page_fixture_graph()
    index = read_index(store_from_graph(graph))
    site = Site(index)
    site.plan()
    g = undirected_weighted(site_network(index))
    return site, g, communities(g)


def test_aggregated_edges_sum_to_the_relations_they_replace(fixture_site_data) -> None:
    site, _g, comm = fixture_site_data
    ids = {iri: i for i, iri in enumerate(sorted(site.entities))}
    candidates = edge_candidates(site, ids, Refs(site))
    inside, across = split_edges(candidates, comm)
    assert len(inside) + len(across) == len(candidates)
    assert across, "the fixture has relations between communities"
    hub = {}
    for iri in sorted(site.entities):
        hub.setdefault(comm[iri], iri)
    aggs = aggregate_edges(across, comm, hub)
    assert sum(a.count for a in aggs) == len(across)
    for a in aggs:
        assert sum(a.kinds.values()) == a.count == len(a.pairs)
        assert a.communities[0] < a.communities[1]
        for e in a.pairs:
            assert {comm[e.source], comm[e.target]} == set(a.communities)
    # an independent count: relation triples and claim pairs whose ends differ in community
    crossing = sum(1 for s, _p, o in site.idx.relations if comm[s] != comm[o])
    crossing += sum(1 for a, b in site.pair_claims if comm[a] != comm[b])
    assert sum(a.count for a in aggs) == crossing


def test_overview_page_payload(fixture_site: Path) -> None:
    data = read_site_data(page_fixture_graph())
    payload = page_data(fixture_site / "index.html")
    labels = [n[0] for n in payload["nodes"]]
    comm = [i["k"] for i in payload["info"]]
    for e in payload["edges"]:  # drawn one by one: inside a community only
        assert comm[e[0]] == comm[e[1]]
    for a in payload["agg"]:  # aggregated: between two communities, hub to hub
        assert comm[a[0]] != comm[a[1]]
        assert a[2] == sum(a[3].values()) >= len(a[4])
    assert "داعش" in labels
    # the platform filter: Daesh uses Twitter (usesPlatform) in the fixture
    twitter = labels.index("تويتر")
    row = next(p for p in payload["platforms"] if p[0] == twitter)
    assert labels.index("داعش") in row[1]
    assert row[2].get("usesPlatform", 0) >= 1
    # every drawn platform is a Platform; no other node is offered
    platforms = {labels.index(e.label) for e in data.entities.values() if e.group == "Platform"}
    assert {p[0] for p in payload["platforms"]} == platforms
    assert payload["info"][labels.index("داعش")]["l"] == 0  # the most important: labelled


def test_platform_links_follow_relations(fixture_site_data) -> None:
    site, _g, _comm = fixture_site_data
    ids = {iri: i for i, iri in enumerate(sorted(site.entities))}
    for pid, linked, kinds in platform_links(site, ids):
        iri = sorted(site.entities)[pid]
        expected = {
            ids[o if s == iri else s] for s, _p, o in site.idx.relations if iri in (s, o)
        } - {pid}
        assert set(linked) == expected
        assert sum(kinds.values()) == sum(1 for s, _p, o in site.idx.relations if iri in (s, o))


def test_time_bins_count_fixture_claims(fixture_site: Path) -> None:
    data = read_site_data(page_fixture_graph())
    bins = page_data(fixture_site / "index.html")["bins"]
    claims = Counter(c.date[:7] for c in data.claims if c.date and len(c.date) >= 7)
    for month, n in zip(bins["months"], bins["claims"], strict=True):
        assert n == claims.get(month, 0), month
    in_bars = sum(bins["claims"]) + bins["before"][0] + bins["after"][0]
    assert in_bars == sum(claims.values())
    assert in_bars + bins["year"][0] + bins["undated"][0] == len(data.claims)


DATES = st.one_of(
    st.none(),
    st.builds(lambda y: f"{y}", st.integers(1990, 2020)),
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(1990, 2020), st.integers(1, 12)),
    st.builds(
        lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
        st.integers(1990, 2020), st.integers(1, 12), st.integers(1, 28),
    ),
)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(DATES, max_size=60), st.lists(DATES, max_size=30), st.integers(6, 60))
def test_time_bins_property(claims, events, max_months) -> None:
    bins = time_bins(claims, events, max_months=max_months)
    months = bins["months"]
    assert len(months) <= max_months
    assert months == sorted(set(months))
    for j, (dates, key) in enumerate(((claims, "claims"), (events, "events"))):
        by_month = Counter(d[:7] for d in dates if d and len(d) >= 7)
        assert sum(bins[key]) + bins["before"][j] + bins["after"][j] == sum(by_month.values())
        for m, n in zip(months, bins[key], strict=True):
            assert n == by_month.get(m, 0)
        assert bins["before"][j] == sum(n for m, n in by_month.items() if months and m < months[0])
        assert bins["year"][j] == sum(1 for d in dates if d and len(d) < 7)
        assert bins["undated"][j] == sum(1 for d in dates if not d)


def test_capped_overview_keeps_its_limits(tmp_path: Path) -> None:
    from bench.synthetic_graph import synthetic_graph

    g = synthetic_graph(1000, 2500, n_articles=40, n_claims=60)
    write_site(g, tmp_path, max_overview_nodes=300)
    payload = page_data(tmp_path / "index.html")
    assert len(payload["nodes"]) == 300
    assert len(payload["edges"]) <= 3 * 300
    groups = payload["groups"]
    assert len(payload["agg"]) <= max(3 * len(groups), 20)
    assert sum(g[5] for g in groups) == 300
    shown0 = sum(1 for i in payload["info"] if i["l"] == 0)
    assert 0 < shown0 < 300
