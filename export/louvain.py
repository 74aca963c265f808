"""Louvain communities of the pages' entity network in little memory: the same communities as
``networkx.community.louvain_communities(g, weight="weight", seed=seed)``, computed from a
compact copy of the graph (integer node numbers and the edges in three arrays) instead of the
networkx graph itself; small enough to be sent to a fresh process (the pages compute it in one
started by the forkserver, :class:`export.html.forked.Apart`, which holds none of the
builder's memory).

networkx copies the graph it is given, builds a dict of every node's neighbours, a set per
node and a dict of community numbers, and reads the input's every adjacency dict and node
name as it does.  At 31k articles the forked process that ran it held ~650 MB PSS
(``bench/archive_results.md``): mostly the builder's pages it shared, each charged to it
alone once the builder, working on, wrote its own copy.  Here the first level
(the only one over every node) runs over the arrays (about 24 bytes an edge); the levels above
it, over graphs of communities, are networkx's own (``_one_level``, ``_gen_graph``,
``modularity``), so that only the first level is written out again.

The first level repeats networkx's, step for step: the nodes visited in the same shuffled
order (the same ``random.Random(seed)``), the neighbours of a node in the order networkx's
copy of the graph holds them (the order of the edges in ``g.edges``), the neighbour
communities weighed in the order first met, the same float expressions.  Edge weights are
whole numbers (counts), so every sum of them is exact in any order.
:mod:`tests.test_louvain` compares the two on random graphs and on a build's network.
Here, not in ``graph/``: every source file under ``extract/`` and ``graph/`` is part of the
extractor fingerprint (:func:`rasd.cache.fingerprint`), and a page algorithm must not make
every build re-extract its articles.
"""

from __future__ import annotations

import random
import time
from array import array
from dataclasses import dataclass

import networkx as nx
from networkx.algorithms.community import louvain as nx_louvain

__all__ = ["CompactGraph", "compact", "louvain_compact", "louvain_timed"]

THRESHOLD = 0.0000001  # networkx's default: the modularity gain below which a level stops


@dataclass(frozen=True)
class CompactGraph:
    """An undirected weighted graph of ``n`` nodes numbered in the order of the graph it
    copies; edge ``i`` joins ``u[i]`` and ``v[i]`` with weight ``w[i]``, in the order of that
    graph's ``edges``."""

    n: int
    u: array
    v: array
    w: array


def compact(g: nx.Graph, weight: str = "weight") -> CompactGraph:
    """The :class:`CompactGraph` of ``g`` (node ``i`` is the ``i``-th of ``list(g)``); an
    undirected graph only (networkx runs another Louvain on a directed one)."""
    if g.is_directed():
        raise TypeError("compact Louvain takes an undirected graph")
    number = {node: i for i, node in enumerate(g)}
    u, v, w = array("q"), array("q"), array("d")
    for a, b, x in g.edges(data=weight, default=1):
        u.append(number[a])
        v.append(number[b])
        w.append(x)
    return CompactGraph(len(number), u, v, w)


def louvain_compact(cg: CompactGraph, seed: int, resolution: float = 1) -> list[set[int]]:
    """``networkx.community.louvain_communities`` of the graph ``cg`` copies (``weight`` its
    edge weights, default threshold, no level limit, ``seed``), its nodes given as numbers."""
    n, m_edges = cg.n, len(cg.u)
    partition = [{i} for i in range(n)]
    if m_edges == 0:
        return partition
    rng = random.Random(seed)
    # the first level's graph as networkx's copy holds it: each node's neighbours in the order
    # its edges come in cg (start[i]:start[i + 1] in nb and wt)
    count = array("q", bytes(8 * (n + 1)))
    for a, b in zip(cg.u, cg.v, strict=True):
        count[a] += 1
        if a != b:
            count[b] += 1
    start = array("q", bytes(8 * (n + 1)))
    for i in range(n):
        start[i + 1] = start[i] + count[i]
    fill = array("q", start[:n])
    del count
    nb, wt = array("q", bytes(8 * start[n])), array("d", bytes(8 * start[n]))
    for a, b, x in zip(cg.u, cg.v, cg.w, strict=True):
        nb[fill[a]], wt[fill[a]] = b, x
        fill[a] += 1
        if a != b:
            nb[fill[b]], wt[fill[b]] = a, x
            fill[b] += 1
    del fill
    # networkx's degree: a self-loop's weight counts twice
    loops = [0] * n
    for a, b, x in zip(cg.u, cg.v, cg.w, strict=True):
        if a == b:
            loops[a] += x
    degrees = [sum(wt[start[i] : start[i + 1]]) + loops[i] for i in range(n)]
    deg_sum = sum(degrees)
    m = deg_sum / 2  # the graph's size
    # the modularity of the singletons (networkx: of g itself; the same degrees)
    mod = _modularity(loops, [[d] for d in degrees], deg_sum, resolution)
    del loops

    node2com = _first_level(n, start, nb, wt, degrees, m, rng, resolution)
    del nb, wt, start
    # the communities in the order of their number (networkx: its filtered list of sets)
    members: dict[int, set[int]] = {}
    for i in range(n):
        members.setdefault(node2com[i], set()).add(i)
    numbers = sorted(members)
    partition = [members[c] for c in numbers]
    index = {c: k for k, c in enumerate(numbers)}
    inner_L = [0] * len(numbers)
    inner_deg: list[list[float]] = [[] for _ in numbers]
    for i in range(n):
        inner_deg[index[node2com[i]]].append(degrees[i])
    for a, b, x in zip(cg.u, cg.v, cg.w, strict=True):
        if node2com[a] == node2com[b]:
            inner_L[index[node2com[a]]] += x
    del degrees
    last = partition
    new_mod = _modularity(inner_L, inner_deg, deg_sum, resolution)
    if new_mod - mod <= THRESHOLD:
        return [s.copy() for s in last]
    mod = new_mod
    # networkx's _gen_graph of the first level's graph: a node per community, its edges summed
    graph = nx.Graph()
    for k, part in enumerate(partition):
        graph.add_node(k, nodes=set(part))
    for a, b, x in zip(cg.u, cg.v, cg.w, strict=True):
        com1, com2 = index[node2com[a]], index[node2com[b]]
        temp = graph.get_edge_data(com1, com2, {"weight": 0})["weight"]
        graph.add_edge(com1, com2, weight=x + temp)
    del node2com, index, inner_L, inner_deg
    partition = [s.copy() for s in partition]
    partition, inner_partition, improvement = nx_louvain._one_level(
        graph, m, partition, resolution, False, rng
    )
    # networkx's louvain_partitions from its second level on: it yields the partition, stops
    # when the modularity gain is below the threshold, else builds the next level
    while improvement:
        last = [s.copy() for s in partition]
        new_mod = nx.community.modularity(
            graph, inner_partition, resolution=resolution, weight="weight"
        )
        if new_mod - mod <= THRESHOLD:
            break
        mod = new_mod
        graph = nx_louvain._gen_graph(graph, inner_partition)
        partition, inner_partition, improvement = nx_louvain._one_level(
            graph, m, partition, resolution, False, rng
        )
    return last


def louvain_timed(cg: CompactGraph, seed: int) -> tuple[list[set[int]], float]:
    """:func:`louvain_compact` and the CPU seconds it took (for a process of its own, which
    imports this module alone: networkx, no page code)."""
    t = time.process_time()
    parts = louvain_compact(cg, seed)
    return parts, time.process_time() - t


def _modularity(
    inner: list[float], degrees: list[list[float]], deg_sum: float, resolution: float
) -> float:
    """networkx's ``modularity`` of an undirected graph: ``inner[k]`` the weight of the edges
    inside community ``k`` (each once), ``degrees[k]`` its nodes' degrees; summed over the
    communities in their order, as networkx does."""
    m = deg_sum / 2
    norm = 1 / deg_sum**2

    def community_contribution(k: int) -> float:
        L_c = inner[k]
        out_degree_sum = sum(degrees[k])
        in_degree_sum = out_degree_sum
        return L_c / m - resolution * out_degree_sum * in_degree_sum * norm

    return sum(map(community_contribution, range(len(inner))))


def _first_level(
    n: int,
    start: array,
    nb: array,
    wt: array,
    degrees: list[float],
    m: float,
    rng: random.Random,
    resolution: float,
) -> list[int]:
    """networkx's ``_one_level`` (undirected) over the arrays: every node's community number
    (that of the node it started with)."""
    node2com = list(range(n))
    Stot = list(degrees)
    rand_nodes = list(range(n))
    rng.shuffle(rand_nodes)
    nb_moves = 1
    while nb_moves > 0:
        nb_moves = 0
        for u in rand_nodes:
            best_mod = 0
            best_com = node2com[u]
            weights2com: dict[int, float] = {}  # networkx: a defaultdict(float)
            s, e = start[u], start[u + 1]
            for v, x in zip(nb[s:e], wt[s:e], strict=True):
                if v != u:
                    c = node2com[v]
                    weights2com[c] = weights2com.get(c, 0.0) + x
            degree = degrees[u]
            Stot[best_com] -= degree
            if best_com not in weights2com:  # networkx's defaultdict adds it here
                weights2com[best_com] = 0.0
            remove_cost = -weights2com[best_com] / m + resolution * (Stot[best_com] * degree) / (
                2 * m**2
            )
            for nbr_com, wt_ in weights2com.items():
                gain = remove_cost + wt_ / m - resolution * (Stot[nbr_com] * degree) / (2 * m**2)
                if gain > best_mod:
                    best_mod = gain
                    best_com = nbr_com
            Stot[best_com] += degree
            if best_com != node2com[u]:
                nb_moves += 1
                node2com[u] = best_com
    return node2com
