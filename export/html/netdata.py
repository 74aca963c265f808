"""Network data: compact nodes and edges for the pages, and the shared ``site-data.js``.

Pages carry nodes and edges as short arrays; everything they share (legend styles, class
and relation names, the vis-network options built with pyvis) is written once to
``static/site-data.js``.  pyvis's own HTML writer loads Bootstrap and vis-network from
CDNs, so pyvis is used only to build the vis-network options.
"""

from __future__ import annotations

import json
from typing import Any

from pyvis.network import Network

from rasd.export.html.safe import script_json
from rasd.export.html.styles import (
    CLAIM_ABOUT,
    CLAIM_AUTHOR,
    CLAIM_NODE_COLOR,
    CLAIM_SUBJECT,
    CLASS_AR,
    CLASS_GROUP,
    COMMUNITY_COLORS,
    GROUPS,
    RELATIONS,
)

FONT_FACE = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif"


def node(label: str, cls: str, size: float, x: int, y: int, value: float | None = None) -> list:
    """A compact network node: ``[label, class key, size, x, y(, value)]``.

    ``site.js`` turns it into a vis-network node (shape and colour of the class's legend
    group, tooltip ``label — class``).  With ``value`` (importance), vis-network scales the
    node and its label between the ``nodes.scaling`` bounds instead of using ``size``.
    """
    out: list = [label, cls, round(size, 1), x, y]
    if value is not None:
        out.append(round(value, 4))
    return out


def edge(source: int, target: int, key: str, width: float = 1.0) -> list:
    """A compact network edge: ``[from, to, relation key, width]`` (labels come from
    ``site-data.js``)."""
    return [source, target, key, round(width, 2)]


def site_data_js(shard_len: int) -> str:
    """``static/site-data.js``: what every page shares — legend groups, class and relation
    names, vis-network options, community colours, the length of entity shard names."""
    groups = {g.key: {"shape": g.shape, "color": g.color, "ar": g.ar, "en": g.en} for g in GROUPS}
    groups["Claim"] = {"shape": "dot", "color": CLAIM_NODE_COLOR, "ar": "تصريح", "en": "Claim"}
    classes = {k: [CLASS_GROUP[k], CLASS_AR[k]] for k in CLASS_AR}
    classes["Claim"] = ["Claim", "تصريح"]
    rels = {
        r.key: [r.ar, r.en] for r in (*RELATIONS.values(), CLAIM_ABOUT, CLAIM_AUTHOR, CLAIM_SUBJECT)
    }
    data = {
        "groups": groups,
        "classes": classes,
        "rels": rels,
        "options": vis_options(),
        "optionsLarge": vis_options(large=True),
        "communityColors": list(COMMUNITY_COLORS),
        "shardLen": shard_len,
    }
    return f"window.RASD = {script_json(data)};\n"


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
