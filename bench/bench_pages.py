"""Benchmark the HTML site: build time, page sizes and time-to-interactive in headless Chromium.

"Interactive" is the first ``afterDrawing`` event of the page's network (the page sets
``window.rasdReady = performance.now()``, i.e. milliseconds since navigation start); each
figure is the median of 5 loads in a fresh tab of one offline browser.

Usage (from the repository root)::

    .venv/bin/python bench/bench_pages.py                 # fixture + synthetic 30k/90k
    .venv/bin/python bench/bench_pages.py --graph out/graph.ttl   # also a real build
    .venv/bin/python bench/bench_pages.py --quick         # fixture + synthetic 3k/9k

Results are printed and written to ``bench/pages_results.md`` (``--no-write`` to skip).
"""

from __future__ import annotations

import argparse
import json
import logging
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

from rdflib import Graph  # noqa: E402

from bench.site_data import read_site_data  # noqa: E402
from bench.synthetic_graph import synthetic_graph  # noqa: E402
from rasd.export.html import write_site  # noqa: E402

log = logging.getLogger("bench_pages")
FIXTURES = ROOT / "tests" / "fixtures" / "pages"
RESULTS = ROOT / "bench" / "pages_results.md"
LOADS = 5
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


#: Types ``q`` into a page's search box; resolves with the ms until the first result shows.
SEARCH_JS = """(q) => new Promise((done) => {
    const input = document.getElementById('search');
    const list = document.getElementById('search-results');
    while (list.firstChild) list.removeChild(list.firstChild);
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input'));
    (function poll() {
        if (list.firstChild) done(performance.now() - t0);
        else requestAnimationFrame(poll);
    })();
})"""


def tti_ms(browser, path: Path, loads: int = LOADS, shot: Path | None = None) -> float:
    """Median time-to-interactive of ``path`` over ``loads`` fresh tabs (ms); ``shot``: a
    screenshot of the first load, once the network has settled."""
    # offline context; no request routing here: a Python route handler on every request
    # would add its own latency to the measurement
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
    times = []
    try:
        for k in range(loads):
            page = context.new_page()
            page.goto(path.as_uri())
            page.wait_for_function("document.body.dataset.ready === '1'", timeout=120_000)
            times.append(page.evaluate("window.rasdReady"))
            if shot is not None and k == 0:
                page.wait_for_timeout(1500)  # let the network settle for the picture
                page.screenshot(path=str(shot))
            page.close()
    finally:
        context.close()
    return statistics.median(times)


def node_count(path: Path) -> tuple[int, int]:
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script id="page-data" type="application/json">(.*?)</script>', text, re.S)
    data = json.loads(m.group(1)) if m else {"nodes": [], "edges": []}
    return len(data["nodes"]), len(data["edges"])


def dir_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def bench_graph(name: str, graph: Graph, browser, build_s: float | None) -> dict:
    """Write the site for ``graph`` and measure it."""
    out = Path(tempfile.mkdtemp(prefix="rasd-pages-"))
    try:
        t = time.perf_counter()
        data = read_site_data(graph)
        read_s = time.perf_counter() - t
        t = time.perf_counter()
        index = write_site(graph, out)
        write_s = time.perf_counter() - t
        entity_pages = sorted((out / "entity").glob("*.html"), key=lambda p: p.stat().st_size)
        biggest = entity_pages[-1]
        step = max(1, len(entity_pages) // 5)
        sample = entity_pages[::step][:5]
        n_files, total = dir_size(out)
        nodes, edges = node_count(index)
        row = {
            "name": name,
            "triples": len(graph),
            "entities": len(data.entities),
            "relations": len(data.relations),
            "articles": len(data.articles),
            "claims": len(data.claims),
            "graph_build_s": build_s,
            "read_s": read_s,
            "write_site_s": write_s,
            "files": n_files,
            "site_bytes": total,
            "overview_bytes": index.stat().st_size,
            "overview_nodes": nodes,
            "overview_edges": edges,
            "search_index_bytes": sum(
                p.stat().st_size for p in (out / "static" / "search").glob("*.js")
            ),
            "overview_tti_ms": tti_ms(browser, index),
            "claims_tti_ms": tti_ms(browser, out / "claims.html"),
            "claims_bytes": (out / "claims.html").stat().st_size,
            "entity_median_tti_ms": statistics.median(tti_ms(browser, p, 1) for p in sample),
            "entity_biggest_tti_ms": tti_ms(browser, biggest),
            "entity_biggest_bytes": biggest.stat().st_size,
            "entity_median_bytes": statistics.median(p.stat().st_size for p in entity_pages),
        }
        log.info("%s: %s", name, row)
        return row
    finally:
        shutil.rmtree(out, ignore_errors=True)


def to_markdown(rows: list[dict], command: str) -> str:
    def mb(b: float) -> str:
        return f"{b / 1e6:.2f} MB" if b >= 1e5 else f"{b / 1e3:.1f} kB"

    def s(v: float | None) -> str:
        return "—" if v is None else f"{v:.1f} s"

    lines = [
        "# HTML site benchmark (`export.html`)",
        "",
        f"Command: `{command}`  ",
        f"Machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()};"
        " headless Debian Chromium, offline, `--disable-gpu`.  ",
        "Time-to-interactive (TTI) = first `afterDrawing` of the page's network, in ms since"
        f" navigation start, median of {LOADS} loads in fresh tabs (entity median: 5 pages of"
        " spread sizes, one load each; biggest: the largest entity page, the top hub).",
        "",
        "| graph | entities | relations | articles | claims | triples |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['name']} | {r['entities']:,} | {r['relations']:,} | {r['articles']:,} |"
            f" {r['claims']:,} | {r['triples']:,} |"
        )
    lines += [
        "",
        "| graph | overview size | overview nodes / edges | overview TTI | claims.html size / TTI"
        " | entity page TTI median / biggest | biggest entity page | search index |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['name']} | {mb(r['overview_bytes'])} | {r['overview_nodes']:,} /"
            f" {r['overview_edges']:,} | {r['overview_tti_ms']:.0f} ms |"
            f" {mb(r['claims_bytes'])} / {r['claims_tti_ms']:.0f} ms |"
            f" {r['entity_median_tti_ms']:.0f} / {r['entity_biggest_tti_ms']:.0f} ms |"
            f" {mb(r['entity_biggest_bytes'])} | {mb(r['search_index_bytes'])} |"
        )
    lines += [
        "",
        "| graph | build graph (rdflib) | read_site_data | write_site (all pages) | files |"
        " site size |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['name']} | {s(r['graph_build_s'])} | {s(r['read_s'])} |"
            f" {s(r['write_site_s'])} | {r['files']:,} | {mb(r['site_bytes'])} |"
        )
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--graph", action="append", default=[], help="also bench this graph file")
    ap.add_argument("--quick", action="store_true", help="synthetic 3k entities / 9k edges")
    ap.add_argument("--no-synthetic", action="store_true", help="skip the synthetic graph")
    ap.add_argument("--no-write", action="store_true", help="do not write pages_results.md")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        log.error("chromium not found: apt-get install -y chromium fonts-noto-core")
        return 2
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=ARGS)
        # warm the browser once so that the first measured load is not a cold start
        g = Graph()
        g.parse(FIXTURES / "mini.ttl")
        g.parse(FIXTURES / "injection.ttl")
        rows.append(bench_graph("fixture (mini + injection)", g, browser, None))
        rows[0] = bench_graph("fixture (mini + injection)", g, browser, None)
        if not args.no_synthetic:
            n, m, arts, claims = (
                (3_000, 9_000, 300, 500) if args.quick else (30_000, 90_000, 2_000, 4_000)
            )
            t = time.perf_counter()
            g = synthetic_graph(n, m, n_articles=arts, n_claims=claims)
            build = time.perf_counter() - t
            rows.append(bench_graph(f"synthetic {n:,} / {m:,}", g, browser, build))
        for path in args.graph:
            t = time.perf_counter()
            g = Graph()
            g.parse(path)
            build = time.perf_counter() - t
            rows.append(bench_graph(f"`{path}`", g, browser, build))
        browser.close()
    command = "python bench/bench_pages.py " + " ".join(argv if argv is not None else sys.argv[1:])
    md = to_markdown(rows, command.strip())
    print(md)
    if not args.no_write:
        # keep the section written by bench/bench_pages_store.py and the notes after it
        old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        begin = "<!-- bench_pages_store -->"
        if begin in old:
            md = md.rstrip("\n") + "\n\n" + begin + old.split(begin, 1)[1].rstrip("\n")
        RESULTS.write_text(md + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
