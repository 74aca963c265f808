"""Benchmark the site written from a persistent Oxigraph store, and extrapolate to 31,020 articles.

Measures ``export.html.write_site_from_store`` on a store made by ``bench/make_store.py`` (or by
``rasd build``): CPU seconds per stage, wall time, peak RSS of the writing process (a child
process that does nothing else), site size (bytes and disk blocks) and file count; then, in
headless Chromium, the time-to-interactive of the overview, an entity page and an article page,
and the time of a search (first: loading the index; then: a warm search).

The 31,020-article figures are an *extrapolation*, not a measurement: article-level costs
scale with the number of articles; entity counts (all, and mentioned at least twice) are
extrapolated with a power law fitted to the first 250 … N articles of the same store.

Usage (from the repository root)::

    PYTHONPATH=$PWD .venv/bin/python bench/make_store.py \
        --zip ../shared/corpora/saudinewsnet/2015-07-21.zip --limit 2000 --out /tmp/snn2000-store
    PYTHONPATH=$PWD .venv/bin/python bench/bench_pages_store.py --store /tmp/snn2000-store

Results are printed and written into ``bench/pages_results.md`` (their own section).
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "bench"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

RESULTS = ROOT / "bench" / "pages_results.md"
BEGIN, END = "<!-- bench_pages_store -->", "<!-- /bench_pages_store -->"
TARGET_ARTICLES = 31_020


def child(store_path: str, out: str, workers: int) -> None:
    """Write the site (in this process and its workers only) and print stats as JSON."""
    from rasd.export.html import write_site_from_store

    stats: dict[str, float] = {}
    t, c = time.perf_counter(), time.process_time()
    write_site_from_store(Path(store_path), Path(out), stats=stats, workers=workers)
    stats["wall_s"] = time.perf_counter() - t
    own = time.process_time() - c
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    stats["cpu_s"] = own + kids.ru_utime + kids.ru_stime
    stats["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stats["worker_peak_rss_mb"] = kids.ru_maxrss / 1024
    print(json.dumps(stats))


def growth(store_path: str) -> dict[str, list[tuple[int, int]]]:
    """Entities named, and entities mentioned at least twice, in the first n articles."""
    import pyoxigraph as ox

    store = ox.Store.read_only(store_path)
    q = (
        "SELECT ?a ?e (COUNT(?m) AS ?n) WHERE { ?m <https://w3id.org/rasd/ns#refersTo> ?e ;"
        " <https://w3id.org/rasd/ns#inArticle> ?a } GROUP BY ?a ?e"
    )
    per_article: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for sol in store.query(q, use_default_graph_as_union=True):
        per_article[sol[0].value].append((sol[1].value, int(sol[2].value)))
    arts = sorted(per_article)  # article IRIs are content hashes: a random order
    out: dict[str, list[tuple[int, int]]] = {"entities": [], "pages": []}
    counts: Counter = Counter()
    marks = {n for n in (250, 500, 1000, 2000, 4000, 8000) if n <= len(arts)} | {len(arts)}
    for i, a in enumerate(arts, 1):
        for e, n in per_article[a]:
            counts[e] += n
        if i in marks:
            out["entities"].append((i, len(counts)))
            out["pages"].append((i, sum(1 for v in counts.values() if v >= 2)))
    return out


def power_fit(points: list[tuple[int, int]]) -> tuple[float, float]:
    """Least squares fit of log y = log a + b log x; returns (a, b)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(max(y, 1)) for _, y in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return math.exp(my - b * mx), b


def sizes(out: Path) -> dict[str, tuple[int, int, int]]:
    """(files, bytes, disk bytes) per part of the site."""
    parts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for p in out.rglob("*"):
        if not p.is_file():
            continue
        rel = p.relative_to(out).parts
        key = rel[0] if rel[0] in {"article", "entity"} else "/".join(rel[:2])
        if key.startswith("static/e"):
            key = "static/e"
        elif key == "static/search":
            pass
        elif key.startswith("static/"):
            key = "static (other)"
        st = p.stat()
        parts[key][0] += 1
        parts[key][1] += st.st_size
        parts[key][2] += st.st_blocks * 512
    return {k: tuple(v) for k, v in sorted(parts.items())}


def browser_times(out: Path) -> dict[str, float]:
    """TTI (median of 5) of the overview, the biggest entity page, a median article page;
    search: first query (loads its index shard), then the median of 5 queries that use
    the same shard."""
    from bench_pages import ARGS, SEARCH_JS, tti_ms
    from playwright.sync_api import sync_playwright

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        return {}
    entity = max((out / "entity").glob("*.html"), key=lambda p: p.stat().st_size)
    arts = sorted((out / "article").glob("*.html"), key=lambda p: p.stat().st_size)
    res: dict[str, float] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=ARGS)
        tti_ms(browser, out / "index.html", 1)  # warm the browser
        res["overview_tti_ms"] = tti_ms(browser, out / "index.html")
        res["entity_biggest_tti_ms"] = tti_ms(browser, entity)
        res["article_median_tti_ms"] = tti_ms(browser, arts[len(arts) // 2])
        context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto((out / "index.html").as_uri())
        page.wait_for_function("document.body.dataset.ready === '1'", timeout=120_000)
        res["search_first_ms"] = page.evaluate(SEARCH_JS, "محمد")
        # same first letter: the shard is loaded, this times the search itself
        warm = [page.evaluate(SEARCH_JS, q) for q in ("محمد بن", "مكة", "مجلس", "الملك", "مصر")]
        res["search_warm_ms"] = statistics.median(warm)
        context.close()
        browser.close()
    return res


def extrapolate(stats: dict, parts: dict, grow: dict, n_articles: int, n_pages: int) -> dict:
    """31,020-article estimates from per-article and per-entity costs."""
    a_e, b_e = power_fit(grow["entities"])
    a_p, b_p = power_fit(grow["pages"])
    n_ent_now = grow["entities"][-1][1]
    ent_31k = a_e * TARGET_ARTICLES**b_e
    pages_31k = a_p * TARGET_ARTICLES**b_p
    fa, fe = TARGET_ARTICLES / n_articles, ent_31k / n_ent_now
    fp = pages_31k / max(n_pages, 1)
    size = 0.0
    files = 0.0
    for key, (nf, nb, _) in parts.items():
        f = {"article": fa, "entity": fp, "static/e": 1.0, "static/search": fe}.get(key)
        if key == "static/e":
            size += nb * fe  # shard bytes scale with entities; shard count grows 16x per digit
            files += 16 ** math.ceil(math.log(ent_31k / 64, 16))
        elif key == "static/search":
            size += nb * fe  # one shard per initial letter: bytes grow, the count does not
            files += nf
        elif f is None:
            size += nb  # overview, claims page, static files: capped, fixed size
            files += nf
        else:
            size += nb * f
            files += nf * f
    cpu = (
        stats.get("read_index", 0) * fa
        + stats.get("analytics", 0) * fa
        + (stats.get("read_articles", 0) + stats.get("article_pages", 0)) * fa
        + stats.get("overview_claims_search", 0) * fa
        + stats.get("entity_pages", 0) * fp
        + stats.get("shards", 0) * fe
    )
    serial = (
        (stats.get("read_index", 0) + stats.get("analytics", 0)) * fa
        + stats.get("overview_claims_search", 0) * fa
        + stats.get("shards", 0) * fe
    )
    return {
        "wall_31k_2cores_s": serial + (cpu - serial) / 2,
        "entities_31k": ent_31k,
        "entity_exp": b_e,
        "pages_31k": pages_31k,
        "pages_exp": b_p,
        "site_bytes_31k": size,
        "files_31k": files,
        "cpu_31k_s": cpu,
    }


def to_markdown(name, stats, parts, tti, grow, ex, n_articles, n_pages, command) -> str:
    def mb(b: float) -> str:
        return f"{b / 1e6:,.1f} MB"

    total = [sum(v[i] for v in parts.values()) for i in range(3)]
    lines = [
        BEGIN,
        "## Site from a persistent Oxigraph store (`write_site_from_store`)",
        "",
        f"Command: `{command}`  ",
        f"Store: {name} ({n_articles:,} articles, made by `bench/make_store.py`).  ",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, 2 cores shared"
        " with other work (load 4–6 during the run: wall times are about twice the CPU"
        " times).",
        "",
        "| stage | CPU s |",
        "|---|---:|",
    ]
    for k in (
        "read_index",
        "analytics",
        "read_articles",
        "article_pages",
        "overview_claims_search",
        "entity_pages",
        "shards",
    ):
        lines.append(f"| {k} | {stats.get(k, 0):.1f} |")
    lines += [
        f"| **total**, all processes (wall) | **{stats['cpu_s']:.1f}**"
        f" ({stats['wall_s']:.1f} s wall) |",
        "",
        f"Peak RSS of the writing process: **{stats['peak_rss_mb']:.0f} MB**"
        + (
            f"; of the largest worker: {stats['worker_peak_rss_mb']:.0f} MB (forked: most"
            " pages shared with the parent)."
            if stats.get("worker_peak_rss_mb", 0) > 1
            else "."
        ),
        "",
        "| part | files | size | on disk |",
        "|---|---:|---:|---:|",
    ]
    for k, (nf, nb, nd) in parts.items():
        lines.append(f"| {k} | {nf:,} | {mb(nb)} | {mb(nd)} |")
    lines.append(f"| **site** | **{total[0]:,}** | **{mb(total[1])}** | {mb(total[2])} |")
    lines += ["", f"Entity pages: {n_pages:,} (entities mentioned at least twice)."]
    if tti:
        lines += [
            "",
            "| overview TTI | biggest entity page TTI | median article page TTI"
            " | first search (loads index) | warm search |",
            "|---:|---:|---:|---:|---:|",
            f"| {tti['overview_tti_ms']:.0f} ms | {tti['entity_biggest_tti_ms']:.0f} ms |"
            f" {tti['article_median_tti_ms']:.0f} ms | {tti['search_first_ms']:.0f} ms |"
            f" {tti['search_warm_ms']:.0f} ms |",
        ]
    ge = ", ".join(f"{n:,}: {e:,}" for n, e in grow["entities"])
    gp = ", ".join(f"{n:,}: {e:,}" for n, e in grow["pages"])
    lines += [
        "",
        f"### Extrapolation to {TARGET_ARTICLES:,} articles (an estimate, not a measurement)",
        "",
        f"- Entities named in the first n articles: {ge}; fitted n^{ex['entity_exp']:.2f}"
        f" → **{ex['entities_31k']:,.0f}** entities at 31k.",
        f"- Entities mentioned at least twice: {gp}; fitted n^{ex['pages_exp']:.2f}"
        f" → **{ex['pages_31k']:,.0f}** entity pages at 31k.",
        "- Article pages and per-article reading scale with articles; entity pages with"
        " entity pages; shards and the search index with entities; overview, claims page"
        " and static files are capped. The index (SPARQL reads) and analytics are scaled"
        " linearly with articles (an upper-bound guess; PageRank/Louvain grow with edges).",
        f"- Site: **≈ {ex['site_bytes_31k'] / 1e9:.2f} GB** in **≈ {ex['files_31k']:,.0f}"
        f" files** (target ≤ 1.5 GB).",
        f"- CPU: **≈ {ex['cpu_31k_s'] / 60:.1f} min**; with `workers=2` on two free cores"
        f" (article and entity pages in parallel, the rest serial): **≈"
        f" {ex['wall_31k_2cores_s'] / 60:.1f} min** wall.",
        END,
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True, help="an Oxigraph store directory")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="do not write pages_results.md")
    ap.add_argument("--keep", type=Path, help="write the site here and keep it")
    ap.add_argument("--workers", type=int, default=1, help="page-writing processes")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return 0
    out = args.keep or Path(tempfile.mkdtemp(prefix="rasd-store-site-"))
    if out.exists():
        shutil.rmtree(out)
    try:
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--store",
                args.store,
                "--child",
                args.store,
                str(out),
                str(args.workers),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        stats = json.loads(proc.stdout.strip().splitlines()[-1])
        parts = sizes(out)
        n_articles = parts.get("article", (0, 0, 0))[0]
        n_pages = parts.get("entity", (0, 0, 0))[0]
        grow = growth(args.store)
        tti = {} if args.no_browser else browser_times(out)
        ex = extrapolate(stats, parts, grow, n_articles, n_pages)
        command = "python bench/bench_pages_store.py " + " ".join(
            argv if argv is not None else sys.argv[1:]
        )
        md = to_markdown(
            f"`{args.store}`", stats, parts, tti, grow, ex, n_articles, n_pages, command.strip()
        )
        print(md)
        if not args.no_write:
            old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
            if BEGIN in old and END in old:
                head, rest = old.split(BEGIN, 1)
                new = head + md.rstrip("\n") + rest.split(END, 1)[1]
            else:
                new = old.rstrip("\n") + "\n\n" + md
            RESULTS.write_text(new, encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
