"""vis-network data built with pyvis: node and edge option dicts and the network options.

pyvis's own HTML writer loads Bootstrap and vis-network from CDNs, so pyvis is used only
for what it is good at here: building the vis-network node/edge/option objects.  The
pages embed them as JSON (see :func:`export.html.safe.script_json`).
"""

from __future__ import annotations

import json
from typing import Any

from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from export.html.styles import GROUP_BY_KEY

FONT_FACE = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif"


def vis_node(
    node_id: int,
    label: str,
    group: str,
    *,
    size: float,
    x: int,
    y: int,
    title: str,
    color: str | None = None,
    shape: str | None = None,
    value: float | None = None,
) -> dict[str, Any]:
    """One vis-network node (``title`` is plain text: vis-network 9 shows it via innerText).

    With ``value`` (importance), vis-network scales the node and its label between the
    ``nodes.scaling`` bounds instead of using ``size``.
    """
    style = GROUP_BY_KEY.get(group)
    opts: dict[str, Any] = {"value": round(value, 6)} if value is not None else {}
    return Node(
        node_id,
        shape or (style.shape if style else "dot"),
        label=label,
        color=color or (style.color if style else "#999999"),
        size=round(size, 1),
        x=x,
        y=y,
        title=title,
        **opts,
    ).options


def vis_edge(
    edge_id: int,
    source: int,
    target: int,
    *,
    label: str,
    title: str,
    width: float = 1.0,
    dashes: bool = False,
    arrows: bool = True,
) -> dict[str, Any]:
    """One vis-network edge, labelled in Arabic with the English name as tooltip."""
    opts: dict[str, Any] = {"id": edge_id, "label": label, "title": title, "width": round(width, 2)}
    if dashes:
        opts["dashes"] = True
    if not arrows:
        opts["arrows"] = ""
    return Edge(source, target, directed=True, **opts).options


def vis_options(*, large: bool = False) -> dict[str, Any]:
    """Network options: precomputed layout (physics off), straight edges, hover tooltips.

    ``large`` (the overview): hide edges while dragging/zooming, scale nodes and labels
    by their ``value``.
    """
    net = Network(directed=True)
    net.toggle_physics(False)
    net.set_edge_smooth("continuous")
    opts = json.loads(net.options.to_json())
    opts["edges"]["smooth"] = {"enabled": False}
    opts["edges"]["color"] = {"color": "#9aa4b1", "highlight": "#333333", "hover": "#333333"}
    opts["edges"]["font"] = {"size": 11, "face": FONT_FACE, "align": "horizontal", "strokeWidth": 3}
    opts["edges"]["arrows"] = {"to": {"enabled": True, "scaleFactor": 0.5}}
    opts["nodes"] = {
        "font": {"face": FONT_FACE, "size": 16, "strokeWidth": 3, "strokeColor": "#ffffff"},
        "borderWidth": 1,
    }
    opts["interaction"].update(
        {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "keyboard": False,
        }
    )
    opts["layout"] = {"improvedLayout": False}
    if large:
        # nodes carry "value": important nodes get big, always-readable labels
        opts["nodes"]["scaling"] = {
            "min": 6,
            "max": 32,
            "label": {"enabled": True, "min": 14, "max": 30, "drawThreshold": 5, "maxVisible": 30},
        }
    return opts
