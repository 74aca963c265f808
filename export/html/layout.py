"""The overview's picture: communities laid out apart and the label policy.

Everything here is computed in Python and is deterministic (same graph, same bytes):

* :func:`community_layout` lays out each community (:func:`analytics.communities`) on its
  own with a seeded spring layout, then packs the communities apart on an elliptical
  spiral, largest first; communities with one or two drawn members go together in one
  tidy block (a grid) instead of rows of pairs.
* :func:`label_levels` decides which labels are drawn at which zoom: at the initial zoom
  (the whole network fitted into a reference canvas) the most important nodes whose label
  box does not overlap an already-labelled one; the others appear at the first zoom step
  of :data:`ZOOM_STEPS` where they fit, or on hover only.  ``overview.js`` applies it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

#: Zoom steps, relative to the initial (fitted) scale, at which more labels are drawn.
ZOOM_STEPS: tuple[float, ...] = (1.0, 1.6, 2.56, 4.1, 6.55, 10.5)
#: Label font grows as ``zoom ** (1 - LABEL_SHRINK)`` on screen, so zooming in makes room.
LABEL_SHRINK = 0.7
#: Reference canvas (px) of the initial zoom: the network in a 1400 × 900 window.
CANVAS = (1366.0, 646.0)
COVER_RATIO = 0.5  # a label may cover nodes of its community at most this size (relative)
MIN_GROUP = 3  # communities with fewer drawn members go to the block of small pieces


@dataclass(frozen=True, slots=True)
class Group:
    """A community's disc on the overview (``members`` in rank order; ``community`` is -1
    for the block of small pieces)."""

    community: int
    cx: float
    cy: float
    r: float
    members: tuple[str, ...]


def _local_spring(g: nx.Graph, members: list[str], spacing: float, seed: int):
    """Positions of one community's members around (0, 0): the induced subgraph, each of
    its connected pieces tied to the community's first (most important) member by a weak
    link so that the community stays in one piece."""
    part = nx.Graph()
    part.add_nodes_from(members)
    part.add_edges_from(
        sorted((a, b) if a < b else (b, a) for a, b in g.subgraph(members).edges() if a != b)
    )
    order = {n: i for i, n in enumerate(members)}
    pieces = sorted(
        (min(c, key=order.__getitem__) for c in nx.connected_components(part)),
        key=order.__getitem__,
    )
    for top in pieces[1:]:
        part.add_edge(pieces[0], top)
    n = len(members)
    r = spacing * math.sqrt(n)
    k = 1.6 / math.sqrt(n)
    local = nx.spring_layout(part, k=k, iterations=80, seed=seed, weight=None, scale=r)
    return _even_out({m: (float(local[m][0]), float(local[m][1])) for m in members}, members, r)


def _even_out(
    local: dict[str, tuple[float, float]], members: list[str], r: float
) -> dict[str, tuple[float, float]]:
    """Spread a spring layout evenly over a disc of radius ``r`` around its first member:
    each node keeps its direction and its rank by distance, its radius becomes
    ``r * sqrt(rank / n)`` (equal area per node), so that a hub's many neighbours do not
    pile up in the middle while a far piece stretches the rest."""
    hx, hy = local[members[0]]
    n = len(members)
    if n < 3:
        return local
    rest = sorted(members[1:], key=lambda m: (math.hypot(local[m][0] - hx, local[m][1] - hy), m))
    out = {members[0]: (0.0, 0.0)}
    for i, m in enumerate(rest, start=1):
        angle = math.atan2(local[m][1] - hy, local[m][0] - hx)
        rad = r * math.sqrt((i + 0.5) / n)
        out[m] = (rad * math.cos(angle), rad * math.sin(angle))
    return out


def _separate(
    local: dict[str, tuple[float, float]],
    members: list[str],
    size: Mapping[str, float],
    *,
    gap: float = 6.0,
    rounds: int = 30,
) -> dict[str, tuple[float, float]]:
    """Push overlapping nodes apart (each pair by half of what is missing, in ``members``
    order, for at most ``rounds`` rounds): nodes should not hide one another."""
    xy = {m: list(local[m]) for m in members}
    rad = [size.get(m, 10.0) for m in members]
    for _ in range(rounds):
        moved = False
        cell = 2 * max(rad) + gap
        grid: dict[tuple[int, int], list[int]] = {}
        for i, m in enumerate(members):
            grid.setdefault((math.floor(xy[m][0] / cell), math.floor(xy[m][1] / cell)), []).append(
                i
            )
        for i, a in enumerate(members):
            cx, cy = math.floor(xy[a][0] / cell), math.floor(xy[a][1] / cell)
            for j in sorted(
                k
                for dx in (-1, 0, 1)
                for dy in (-1, 0, 1)
                for k in grid.get((cx + dx, cy + dy), ())
            ):
                if j <= i:
                    continue
                b = members[j]
                dx, dy = xy[b][0] - xy[a][0], xy[b][1] - xy[a][1]
                dist = math.hypot(dx, dy)
                need = 1.2 * (rad[i] + rad[j]) + gap  # triangles and stars reach past r
                if dist >= need:
                    continue
                if dist < 1e-6:
                    dx, dy, dist = 1.0, 0.0, 1.0
                push = (need - dist) / 2 / dist
                xy[a][0] -= dx * push
                xy[a][1] -= dy * push
                xy[b][0] += dx * push
                xy[b][1] += dy * push
                moved = True
        if not moved:
            break
    return {m: (xy[m][0], xy[m][1]) for m in members}


def _grid(
    units: list[list[str]], spacing: float, size: Mapping[str, float]
) -> dict[str, tuple[float, float]]:
    """A compact block of small pieces (one or two nodes each), row by row, centred at
    (0, 0), about square (it sits in a disc); a pair shares its cell, wide enough for two
    of its largest nodes."""
    big = max((size.get(n, 10.0) for u in units for n in u), default=10.0)
    cell_w, cell_h = max(spacing * 1.5, 5.0 * big), max(spacing * 1.1, 2.6 * big)
    cols = max(1, math.ceil(math.sqrt(len(units) * cell_h / cell_w)))
    rows = math.ceil(len(units) / cols)
    pos: dict[str, tuple[float, float]] = {}
    for i, unit in enumerate(units):
        row, col = divmod(i, cols)
        x = (col - (cols - 1) / 2) * cell_w
        y = (row - (rows - 1) / 2) * cell_h
        if len(unit) == 1:
            pos[unit[0]] = (x, y)
        else:
            for j, n in enumerate(unit):
                pos[n] = (x + (j - (len(unit) - 1) / 2) * cell_w * 0.45, y)
    return pos


def _pack(radii: Sequence[float], gap: float) -> list[tuple[float, float]]:
    """Centres of discs (in the given order) placed on an elliptical spiral, wider than
    tall, each at the first point where it overlaps none of the discs placed before it."""
    placed: list[tuple[float, float, float]] = []
    out: list[tuple[float, float]] = []
    step = max(gap, 1.0) / 2
    for r in radii:
        theta = 0.0
        while True:
            rad = step * theta / (2 * math.pi) * 2.0
            x, y = 1.7 * rad * math.cos(theta), rad * math.sin(theta)
            if all(math.hypot(x - px, y - py) >= r + pr + gap for px, py, pr in placed):
                break
            theta += min(0.25, step / max(rad, step))
        placed.append((x, y, r))
        out.append((x, y))
    return out


def community_layout(
    g: nx.Graph,
    nodes: Sequence[str],
    community: Mapping[str, int],
    size: Mapping[str, float],
    *,
    spacing: float = 70.0,
    seed: int = 7,
) -> tuple[dict[str, tuple[int, int]], list[Group]]:
    """Integer positions of ``nodes`` (in rank order) and the discs of their groups.

    Each community with at least :data:`MIN_GROUP` of the nodes is laid out on its own
    (seeded spring layout of its induced subgraph, radius ``spacing * sqrt(n)``); the
    communities with fewer share one grid block; the discs are packed apart, the largest
    community at the centre.  ``size`` is each node's radius (kept inside its disc).
    """
    if not nodes:
        return {}, []
    members: dict[int, list[str]] = {}
    for n in nodes:
        members.setdefault(community.get(n, -1), []).append(n)
    big = [(k, m) for k, m in members.items() if len(m) >= MIN_GROUP and k >= 0]
    rank = {n: i for i, n in enumerate(nodes)}
    big.sort(key=lambda km: (-len(km[1]), rank[km[1][0]]))
    small = [m for k, m in members.items() if not (len(m) >= MIN_GROUP and k >= 0)]
    units: list[list[str]] = []
    for m in sorted(small, key=lambda m: rank[m[0]]):
        units.extend([m] if len(m) <= 2 else [[x] for x in m])
    locals_: list[tuple[int, list[str], dict[str, tuple[float, float]]]] = []
    for k, m in big:
        locals_.append((k, m, _separate(_local_spring(g, m, spacing, seed), m, size)))
    if units:
        flat = [n for u in units for n in u]
        locals_.append((-1, flat, _grid(units, spacing, size)))
    radii = []
    for _k, m, local in locals_:
        cx = sum(local[n][0] for n in m) / len(m)
        cy = sum(local[n][1] for n in m) / len(m)
        for n in m:
            local[n] = (local[n][0] - cx, local[n][1] - cy)
        radii.append(max(math.hypot(*local[n]) + size.get(n, 10.0) for n in m) + spacing * 0.6)
    centres = _pack(radii, gap=spacing * 0.8)
    pos: dict[str, tuple[int, int]] = {}
    groups: list[Group] = []
    for (k, m, local), (cx, cy), r in zip(locals_, centres, radii, strict=True):
        for n in m:
            pos[n] = (round(local[n][0] + cx), round(local[n][1] + cy))
        groups.append(Group(k, round(cx, 1), round(cy, 1), round(r, 1), tuple(m)))
    return pos, groups


def text_width(text: str, px: float) -> float:
    """An upper estimate of the drawn width of ``text`` at ``px`` (Noto Naskh Arabic:
    Arabic letters measure 0.32–0.55 em in Chromium, Latin up to about 0.62 em).

    >>> text_width("داعش", 10)
    22.4
    """
    em = sum(0.62 if c.isascii() and c.isalnum() else 0.56 for c in text)
    return round(px * em, 2)


def fit_box(groups: Sequence[Group], margin: float = 1.04) -> tuple[float, float, float, float]:
    """``(left, top, right, bottom)`` of the overview's first view: the community discs
    with the caption line above each, widened by ``margin`` (``overview.js`` fits it)."""
    if not groups:
        return (-100.0, -100.0, 100.0, 100.0)
    left = min(g.cx - g.r for g in groups)
    right = max(g.cx + g.r for g in groups)
    top = min(g.cy - g.r - 0.08 * g.r - 20 for g in groups)
    bottom = max(g.cy + g.r for g in groups)
    dx, dy = (right - left) * (margin - 1) / 2, (bottom - top) * (margin - 1) / 2
    return (round(left - dx, 1), round(top - dy, 1), round(right + dx, 1), round(bottom + dy, 1))


def fit_scale(box: tuple[float, float, float, float]) -> float:
    """The initial scale: ``box`` (:func:`fit_box`) fitted into :data:`CANVAS`."""
    w = max(box[2] - box[0], 1.0)
    h = max(box[3] - box[1], 1.0)
    return min(CANVAS[0] / w, CANVAS[1] / h)


def label_box(
    x: float, y: float, size: float, text: str, px: float, scale: float
) -> tuple[float, float, float, float]:
    """``(left, top, right, bottom)`` in network units of a label drawn under a node of
    radius ``size`` at ``px`` screen pixels when the network is drawn at ``scale``."""
    font = px / scale
    w = text_width(text, font) + 4 / scale
    return (x - w / 2, y + size, x + w / 2, y + size + 1.35 * font + 2 / scale)


def label_font(px: float, s0: float, step: int) -> float:
    """Font size (network units) of a label at zoom step ``step``: ``px`` screen pixels at
    the initial scale ``s0``, growing slower than the zoom."""
    return px / (s0 * ZOOM_STEPS[step] ** LABEL_SHRINK)


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class _Boxes:
    """Boxes in a grid of cells, to find the ones near a new box quickly."""

    def __init__(self, cell: float) -> None:
        self.cell = cell
        self.boxes: list[tuple[float, float, float, float]] = []
        self.owner: list[object] = []
        self.grid: dict[tuple[int, int], list[int]] = {}

    def _cells(self, box) -> list[tuple[int, int]]:
        c = self.cell
        return [
            (i, j)
            for i in range(math.floor(box[0] / c), math.floor(box[2] / c) + 1)
            for j in range(math.floor(box[1] / c), math.floor(box[3] / c) + 1)
        ]

    def add(self, box, owner: object = None) -> None:
        for c in self._cells(box):
            self.grid.setdefault(c, []).append(len(self.boxes))
        self.boxes.append(box)
        self.owner.append(owner)

    def hits(self, box, allowed: Callable[[object], bool] = lambda owner: False) -> bool:
        """Whether ``box`` overlaps a box whose owner is not ``allowed``."""
        near = {b for c in self._cells(box) for b in self.grid.get(c, ())}
        return any(not allowed(self.owner[b]) and _overlaps(box, self.boxes[b]) for b in near)


def label_levels(
    nodes: Sequence[str],
    pos: Mapping[str, tuple[int, int]],
    size: Mapping[str, float],
    text: Mapping[str, str],
    px: Mapping[str, float],
    s0: float,
    cover: Mapping[str, object] | None = None,
) -> dict[str, int]:
    """The zoom step (index into :data:`ZOOM_STEPS`) from which each node's label is
    drawn, ``len(ZOOM_STEPS)`` for hover only.

    ``nodes`` in rank order.  At each step, nodes are taken in rank order and a label is
    kept when its box (:func:`label_box`, font :func:`label_font`) overlaps neither a
    label kept so far at that step nor another node, except a less important node with
    the same non-None ``cover`` key (a community; never in the block of small pieces)
    that is much smaller (:data:`COVER_RATIO`) or when the label is the community's hub's
    (its most important node: named first even where its neighbours crowd it); labels kept at
    one step stay at the next ones (their boxes shrink in network units as the zoom
    grows, so they keep fitting, and they are placed first).
    """
    level = dict.fromkeys(nodes, len(ZOOM_STEPS))
    cover = cover or {}
    rank = {n: i for i, n in enumerate(nodes)}
    hub: dict[object, str] = {}
    for n in nodes:
        if cover.get(n) is not None:
            hub.setdefault(cover[n], n)
    discs = {}
    for n in nodes:
        (x, y), r = pos[n], size.get(n, 10.0)
        discs[n] = (x - r, y - r, x + r, y + r)
    for step in range(len(ZOOM_STEPS)):
        scale = s0 * ZOOM_STEPS[step] ** LABEL_SHRINK
        boxes = _Boxes(4 * max(px.values(), default=14.0) / scale)
        for n in nodes:
            boxes.add(discs[n], ("disc", n))
            if level[n] < step:
                boxes.add(label_box(*pos[n], size.get(n, 10.0), text[n], px[n], scale))
        for n in nodes:
            if level[n] < step:
                continue
            key = cover.get(n)

            def allowed(owner, n=n, key=key) -> bool:
                if not owner:
                    return False  # a label
                m = owner[1]
                return m == n or (
                    key is not None
                    and cover.get(m) == key
                    and rank[m] > rank[n]
                    and (hub.get(key) == n or size.get(m, 10.0) <= COVER_RATIO * size.get(n, 10.0))
                )

            box = label_box(*pos[n], size.get(n, 10.0), text[n], px[n], scale)
            if not boxes.hits(box, allowed):
                level[n] = step
                boxes.add(box)
    return level


def caption_levels(
    groups: Sequence[Group],
    captions: Sequence[str],
    px: float,
    label_boxes: Callable[[int], list[tuple[float, float, float, float]]],
    s0: float,
) -> list[int]:
    """The zoom step from which each group's caption (``px`` screen pixels at any zoom,
    centred above its disc) is drawn: largest groups first, a caption is kept when it
    overlaps no caption kept so far and none of ``label_boxes(step)``."""
    level = [len(ZOOM_STEPS)] * len(groups)
    order = sorted(range(len(groups)), key=lambda i: (-len(groups[i].members), i))
    for step in range(len(ZOOM_STEPS)):
        scale = s0 * ZOOM_STEPS[step]
        boxes = _Boxes(20 * px / scale)
        for box in label_boxes(step):
            boxes.add(box)
        for i in sorted(order, key=lambda i: level[i] >= step):
            gr = groups[i]
            w, h = text_width(captions[i], px / scale), 1.35 * px / scale
            box = (gr.cx - w / 2, gr.cy - gr.r - h, gr.cx + w / 2, gr.cy - gr.r)
            if level[i] >= step:
                if boxes.hits(box):
                    continue
                level[i] = step
            boxes.add(box)
    return level
