"""Graph analytics for the pages: their weighted view of the entity network, importance,
communities and layouts.

Plain functions over networkx graphs (in the style of ``networkx.algorithms.centrality``);
every result is deterministic for a given input.  The network itself is built by
:func:`graph.network.entity_network`, the one definition the exports use too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

from rasd.export.louvain import compact, louvain_compact


def undirected_weighted(net: nx.MultiDiGraph) -> nx.Graph:
    """The pages' view of the entity network: undirected, one edge per pair of entities,
    ``weight`` the sum of the ``count`` of every relation and claim edge between them, in
    either direction (importance and communities ask how strongly two entities are tied,
    not who acted on whom).

    Nodes keep the network's order (sorted IRIs) and edges are added in sorted order, so
    that every algorithm below is reproducible.

    >>> net = nx.MultiDiGraph()
    >>> net.add_edge("a", "b", key="usesPlatform", count=2)
    'usesPlatform'
    >>> net.add_edge("b", "a", key="claimAbout", count=1)
    'claimAbout'
    >>> list(undirected_weighted(net).edges(data="weight"))
    [('a', 'b', 3.0)]
    """
    g = nx.Graph()
    g.add_nodes_from(net)
    weights: dict[tuple[str, str], int] = {}
    for a, b, n in net.edges(data="count", default=1):
        if a == b:
            continue
        key = (a, b) if a < b else (b, a)
        weights[key] = weights.get(key, 0) + n
    g.add_weighted_edges_from((a, b, float(w)) for (a, b), w in sorted(weights.items()))
    return g


def importance(g: nx.Graph) -> dict[str, float]:
    """Weighted PageRank of every node, rounded to 9 digits (stable across platforms)."""
    if g.number_of_nodes() == 0:
        return {}
    if g.number_of_edges() == 0:
        return dict.fromkeys(g, round(1.0 / g.number_of_nodes(), 9))
    pr = nx.pagerank(g, weight="weight", tol=1e-10, max_iter=200)
    return {n: round(v, 9) for n, v in pr.items()}


def rank_nodes(
    g: nx.Graph, score: Mapping[str, float], labels: Mapping[str, str] | None = None
) -> list[str]:
    """Nodes from most to least important: by score, then degree, then label and IRI."""
    labels = labels or {}
    deg = dict(g.degree(weight="weight"))
    return sorted(g, key=lambda n: (-score.get(n, 0.0), -deg.get(n, 0), labels.get(n, ""), n))


COMMUNITY_SEED = 7  # the Louvain shuffle's seed: the same communities on every build


def communities(g: nx.Graph, seed: int = COMMUNITY_SEED) -> dict[str, int]:
    """Louvain community number of every node; 0 is the largest community.

    Communities are numbered by decreasing size, ties broken by their smallest member.
    Isolated nodes each form their own community.  networkx's Louvain communities, computed
    from a compact copy of ``g`` (:mod:`export.louvain`: the same sets, in less memory).
    """
    if g.number_of_nodes() == 0:
        return {}
    return community_numbers(list(g), louvain_compact(compact(g), seed))


def community_numbers(nodes: Sequence[str], parts: Iterable[Iterable[int]]) -> dict[str, int]:
    """:func:`communities` from Louvain's sets of node numbers (``nodes[i]`` is node ``i``)."""
    named = (sorted(nodes[i] for i in p) for p in parts)
    ordered = sorted(named, key=lambda p: (-len(p), p[0]))
    return {n: i for i, part in enumerate(ordered) for n in part}


def spring_positions(
    g: nx.Graph, nodes: Sequence[str], *, seed: int = 7, spacing: float = 80.0
) -> dict[str, tuple[int, int]]:
    """Integer positions for ``nodes`` (induced subgraph of ``g``): a seeded spring layout per
    connected component, the largest at the centre and the others packed in rows below it.

    Each component gets a radius of ``spacing * sqrt(size)``, so node density is similar
    whatever the size of the graph.
    """
    if not nodes:
        return {}
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_weighted_edges_from(
        (a, b, d.get("weight", 1.0)) for a, b, d in sorted(g.subgraph(nodes).edges(data=True))
    )
    order = {n: i for i, n in enumerate(nodes)}
    comps = sorted(
        (sorted(c, key=order.__getitem__) for c in nx.connected_components(sub)),
        key=lambda c: (-len(c), order[c[0]]),
    )
    pos: dict[str, tuple[int, int]] = {}
    main_r = spacing * math.sqrt(len(comps[0]))
    width = max(3 * main_r, 8 * spacing)  # wider than tall: screens are
    x = -width / 2
    y = main_r + spacing
    row_h = 0.0
    for i, comp in enumerate(comps):
        r = spacing * math.sqrt(len(comp)) if len(comp) > 1 else spacing / 4
        if len(comp) == 1:
            local = {comp[0]: (0.0, 0.0)}
        else:
            # a graph of its own, nodes in ``comp`` order: a subgraph view of a small part
            # iterates its nodes in set (hash) order, which made the layout differ run to run
            part = nx.Graph()
            part.add_nodes_from(comp)
            part.add_edges_from(sub.subgraph(comp).edges())
            k = 1.5 / math.sqrt(len(comp))
            local = nx.spring_layout(part, k=k, iterations=60, seed=seed, weight=None, scale=r)
        if i == 0:
            cx, cy = 0.0, 0.0
        else:
            if x + 2 * r > width / 2 and x > -width / 2:
                x = -width / 2
                y += row_h + spacing
                row_h = 0.0
            cx, cy = x + r, y + r
            x += 2 * r + (spacing if len(comp) > 1 else spacing / 2)
            row_h = max(row_h, 2 * r)
        for n in comp:
            px, py = local[n]
            pos[n] = (round(float(px) + cx), round(float(py) + cy))
    return pos


def radial_positions(
    center: str | None, rings: Iterable[Sequence[str]], *, step: float = 260.0
) -> dict[str, tuple[int, int]]:
    """Centre at the origin and each sequence of nodes on its own circle (deterministic)."""
    pos: dict[str, tuple[int, int]] = {}
    if center is not None:
        pos[center] = (0, 0)
    radius = 0.0
    for ring in rings:
        ring = [n for n in ring if n not in pos]
        if not ring:
            continue
        radius = max(radius + step, len(ring) * 48 / (2 * math.pi))
        for i, n in enumerate(ring):
            angle = 2 * math.pi * i / len(ring) - math.pi / 2
            pos[n] = (round(radius * math.cos(angle)), round(radius * math.sin(angle)))
    return pos
