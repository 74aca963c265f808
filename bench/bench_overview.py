"""Benchmark the overview page (``index.html``) alone: the CPU time to compute it (layout,
labels, aggregated edges, time bar) and its time-to-interactive in headless Chromium.

For each store (an ``OUT/store`` folder of ``rasd build``, opened read-only), the overview
is rendered into a temporary folder with ``static/`` (nothing is written next to the store):
the entity index is read once, ``overview_page`` is timed (CPU, median of 3), then the page
is loaded 5 times in fresh offline tabs (TTI = first ``afterDrawing`` of the network, as in
``bench_pages.py``); the labels drawn at the first view and their overlaps are counted from
vis-network's own label boxes.

Usage (from the repository root)::

    .venv/bin/python bench/bench_overview.py NAME=OUT/store [NAME=OUT/store ...] [--nodes 400]

Results are printed and written to ``bench/overview_results.md`` (``--no-write`` to skip).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from bench.bench_pages import ARGS, tti_ms  # noqa: E402
from rasd.export.html import shard_len, site_network  # noqa: E402
from rasd.export.html.analytics import (  # noqa: E402
    communities,
    importance,
    rank_nodes,
    undirected_weighted,
)
from rasd.export.html.claims_page import network_claims  # noqa: E402
from rasd.export.html.netdata import site_data_js  # noqa: E402
from rasd.export.html.overview import overview_page  # noqa: E402
from rasd.export.html.panels import Site  # noqa: E402
from rasd.export.html.render import copy_static, write_text  # noqa: E402
from rasd.export.html.store import read_index  # noqa: E402

RESULTS = ROOT / "bench" / "overview_results.md"
LABELS = """() => {
  const net = window.rasdNetwork, out = [];
  for (const id of net.body.nodeIndices) {
    const n = net.body.nodes[id];
    if (n.options.hidden || !n.labelModule.visible()) continue;
    const s = n.labelModule.size;
    out.push([s.left, s.top, s.width, s.height]);
  }
  return out;
}"""


def overlaps(boxes: list[list[float]]) -> int:
    n = 0
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (
                a[0] < b[0] + b[2]
                and b[0] < a[0] + a[2]
                and a[1] < b[1] + b[3]
                and b[1] < a[1] + a[3]
            ):
                n += 1
    return n


def render(store_dir: Path, out: Path, max_nodes: int) -> dict:
    """Write ``out/index.html`` (and ``static/``) for the store; CPU times and sizes."""
    store = ox.Store.read_only(str(store_dir))
    index = read_index(store)
    site = Site(index)
    site.plan(network_claims(site))
    t = time.process_time()
    g = undirected_weighted(site_network(index))
    score = importance(g)
    ranked = rank_nodes(g, score, {i: e.label for i, e in index.entities.items()})
    comm = communities(g)
    analytics = time.process_time() - t
    times, html = [], ""
    for _ in range(3):
        t = time.process_time()
        html, _ids = overview_page(site, g, ranked, score, comm, max_nodes)
        times.append(time.process_time() - t)
    static = copy_static(out)
    write_text(static / "site-data.js", site_data_js(shard_len(len(index.entities))))
    write_text(out / "index.html", html)
    m = re.search(r'<script id="page-data" type="application/json">(.*?)</script>', html, re.S)
    payload = json.loads(m.group(1))
    return {
        "entities": len(index.entities),
        "articles": len(index.articles),
        "nodes": len(payload["nodes"]),
        "edges": len(payload["edges"]),
        "agg": len(payload["agg"]),
        "groups": len(payload["groups"]),
        "analytics_cpu_s": analytics,
        "overview_cpu_s": statistics.median(times),
        "bytes": len(html.encode("utf-8")),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stores", nargs="+", help="NAME=PATH of an OUT/store folder")
    ap.add_argument("--nodes", type=int, default=400, help="max_overview_nodes (default 400)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        for spec in args.stores:
            name, _, path = spec.partition("=")
            out = Path(tempfile.mkdtemp(prefix="rasd-overview-"))
            try:
                row = {"name": name, **render(Path(path), out, args.nodes)}
                row["tti_ms"] = tti_ms(browser, out / "index.html")
                page = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
                tab = page.new_page()
                tab.goto((out / "index.html").as_uri())
                tab.wait_for_function("document.body.dataset.ready === '1'", timeout=120_000)
                boxes = tab.evaluate(LABELS)
                page.close()
                row["labels"] = len(boxes)
                row["overlaps"] = overlaps(boxes)
                print(row)
                rows.append(row)
            finally:
                shutil.rmtree(out, ignore_errors=True)
        browser.close()
    command = "bench/bench_overview.py " + " ".join(sys.argv[1:])
    lines = [
        "# Overview page benchmark (`index.html`)",
        "",
        f"Command: `.venv/bin/python {command}`  ",
        f"Machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()};"
        " headless Debian Chromium, offline, `--disable-gpu`, 1400 × 900.  ",
        "CPU = `time.process_time` (analytics: PageRank and Louvain; overview: layout, labels,"
        " edges, time bar, HTML; median of 3).  TTI = first `afterDrawing` of the network, ms"
        " since navigation start, median of 5 loads.  Labels = drawn at the first view;"
        " overlaps = pairs of drawn label boxes (vis-network's own) that overlap.",
        "",
        "| build | entities | articles | nodes | edges inside / aggregated | groups |"
        " analytics CPU | overview CPU | size | TTI | labels (overlaps) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['name']} | {r['entities']:,} | {r['articles']:,} | {r['nodes']} |"
            f" {r['edges']} / {r['agg']} | {r['groups']} | {r['analytics_cpu_s']:.2f} s |"
            f" {r['overview_cpu_s']:.2f} s | {r['bytes'] / 1e3:.0f} kB | {r['tti_ms']:.0f} ms |"
            f" {r['labels']} ({r['overlaps']}) |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
