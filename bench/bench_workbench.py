"""Benchmark the analyst's pages of finished builds: writing them, and using them in Chromium.

For each ``--build OUT`` (a folder made by ``rasd build``), the pages are written again from
its store by the current code (``rasd.build.write_pages``, in a child process: wall time,
CPU of the process tree, peak memory as PSS summed over the process tree), then opened in
headless Debian Chromium, offline:

* time-to-interactive (``window.rasdReady``, ms since navigation start; median of 5 loads in
  fresh tabs) of the overview, ``claims.html``, ``platforms.html`` (when the site has it),
  the biggest and the median entity page and the median article page;
* search: the first query (loads its index shard), then the median of 5 queries that use the
  loaded shard;
* a screenshot of each page, written to ``--shots`` (default ``OUT/screenshots``), to look at.

Usage (from the repository root)::

    .venv/bin/python bench/bench_workbench.py --build /tmp/seeds-out --build /tmp/rb/out-2000 \\
        --build /tmp/rb31/out-all

Results are printed and appended to ``bench/workbench_results.md`` (``--no-write`` to skip).
The SPARQL side of the workbench (``rasd serve``) is ``bench/bench_serve.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "bench"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

RESULTS = ROOT / "bench" / "workbench_results.md"
SEARCHES = ("داعش", "الدولة الإسلامية", "دوله اسلاميه", "تويتر", "وزارة الداخلية", "السعودية")


def write_child(out: str, workers: int) -> None:
    """In the child: write the pages of build ``out``; print the stage CPU seconds as JSON."""
    from rasd.build import write_pages

    t = time.perf_counter()
    write_pages(Path(out), workers=workers)
    print(json.dumps({"wall_s": time.perf_counter() - t}))


def tree_pss(pid: int) -> int:
    """PSS in bytes of ``pid`` and all its descendants (``bench_archive._pss`` each)."""
    import psutil
    from bench_archive import _pss

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            total += _pss(p)
    return total


def write_pages_measured(out: Path, workers: int) -> dict:
    """Write the pages of ``out`` in a child process; wall, CPU of the tree, peak PSS."""
    import psutil

    cmd = [sys.executable, __file__, "--child", str(out), str(workers)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak, cpu = 0, 0.0
    ps = psutil.Process(proc.pid)
    while proc.poll() is None:
        peak = max(peak, tree_pss(proc.pid))
        try:
            kids = [ps, *ps.children(recursive=True)]
            cpu = max(cpu, sum(sum(k.cpu_times()[:4]) for k in kids))
        except psutil.NoSuchProcess:
            pass
        time.sleep(0.5)
    wall = time.perf_counter() - t
    stdout = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        raise SystemExit(f"{out}: writing the pages failed (exit {proc.returncode})")
    return {"wall_s": wall, "peak_pss": peak, "cpu_s": cpu, "child": stdout.strip()}


def site_size(out: Path) -> tuple[int, int]:
    """Files and bytes of the site proper (pages and static data; not the store, the cache,
    the state or the RDF dumps)."""
    skip = {"store", "cache", "state", "screenshots"}
    files = [
        p
        for p in out.rglob("*")
        if p.is_file()
        and p.relative_to(out).parts[0] not in skip
        and p.suffix not in {".ttl", ".trig", ".jsonl"}
    ]
    return len(files), sum(p.stat().st_size for p in files)


def browser_times(out: Path, shots: Path) -> dict:
    """TTI of each page type, search times, screenshots."""
    from bench_pages import ARGS, LOADS, SEARCH_JS, tti_ms
    from playwright.sync_api import sync_playwright

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise SystemExit("no chromium on PATH (apt-get install -y chromium fonts-noto-core)")
    shots.mkdir(parents=True, exist_ok=True)
    entities = sorted((out / "entity").glob("*.html"), key=lambda p: (p.stat().st_size, p.name))
    articles = sorted((out / "article").glob("*.html"), key=lambda p: (p.stat().st_size, p.name))
    pages = {"overview": out / "index.html", "claims": out / "claims.html"}
    if (out / "platforms.html").exists():
        pages["platforms"] = out / "platforms.html"
    if entities:
        pages["entity (biggest)"] = entities[-1]
        pages["entity (median)"] = entities[len(entities) // 2]
    if articles:
        pages["article (median)"] = articles[len(articles) // 2]
    res: dict = {"tti": {}, "bytes": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=ARGS)
        try:
            context = browser.new_context(offline=True)
            context.new_page().goto(pages["overview"].as_uri())  # warm the browser
            context.close()
            for name, path in pages.items():
                shot = shots / (name.split(" ")[0] + ".png")
                res["tti"][name] = tti_ms(browser, path, LOADS, shot)
                res["bytes"][name] = path.stat().st_size
            context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.goto(pages["overview"].as_uri())
            page.wait_for_function("document.body.dataset.ready === '1'", timeout=120_000)
            found = []
            first = []
            warm = []
            for q in SEARCHES:
                first.append(page.evaluate(SEARCH_JS, q))  # its shard may be new
                warm.append(page.evaluate(SEARCH_JS, q))  # the same query, shard loaded
                found.append(
                    page.evaluate("document.getElementById('search-results').children.length")
                )
            page.screenshot(path=str(shots / "search.png"))
            res["search_first_ms"] = statistics.median(first)
            res["search_first_max_ms"] = max(first)
            res["search_warm_ms"] = statistics.median(warm)
            res["search_found"] = found
            context.close()
        finally:
            browser.close()
    return res


def triples(out: Path) -> int:
    """Triples of the build, from its state (as ``rasd build`` counted them)."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    return len(store)


def markdown(rows: list[dict], command: str) -> str:
    """One results section."""
    from bench_pages import LOADS

    lines = [
        f"## {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Command: `{command}`  ",
        f"Machine: {platform.machine()}, 2 cores, Python {platform.python_version()}; headless "
        "Debian Chromium, offline. TTI = `window.rasdReady` (first drawing of the page's "
        f"network, or the page's data ready where it has none), median of {LOADS} loads. "
        f"Load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}.",
        "",
        "| build | quads | write pages: wall / CPU / peak PSS (process tree) | site files "
        "| site size |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        w = r["write"]
        lines.append(
            f"| `{r['build']}` | {r['quads']:,} | {w['wall_s']:.1f} s / {w['cpu_s']:.1f} s / "
            f"{w['peak_pss'] / 2**20:,.0f} MB | {r['files']:,} | {r['bytes'] / 2**20:,.1f} MB |"
        )
    names = []
    for r in rows:
        for n in r["browser"]["tti"]:
            if n not in names:
                names.append(n)
    lines += [
        "",
        "| build | " + " | ".join(names) + " | search: first / warm (median), slowest first |",
        "|---|" + "---:|" * (len(names) + 1),
    ]
    for r in rows:
        b = r["browser"]
        cells = [
            f"{b['tti'][n]:,.0f} ms ({b['bytes'][n] / 1024:,.0f} kB)" if n in b["tti"] else "—"
            for n in names
        ]
        cells.append(
            f"{b['search_first_ms']:.0f} / {b['search_warm_ms']:.0f} ms, "
            f"{b['search_first_max_ms']:.0f} ms"
        )
        lines.append(f"| `{r['build']}` | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Searches: "
        + ", ".join(SEARCHES)
        + " (results shown per build: "
        + "; ".join(f"`{r['build']}` {r['browser']['search_found']}" for r in rows)
        + ").",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", action="append", type=Path, default=[], help="a rasd build folder")
    ap.add_argument("--workers", type=int, default=2, help="page-writing processes")
    ap.add_argument("--shots", type=Path, help="screenshot folder (default OUT/screenshots)")
    ap.add_argument("--no-write", action="store_true", help="do not write the results file")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        write_child(args.child[0], int(args.child[1]))
        return 0
    if not args.build:
        ap.error("give at least one --build OUT")
    rows = []
    for out in args.build:
        if not (out / "store").is_dir():
            raise SystemExit(f"{out}: not a rasd build folder (no store/)")
        write = write_pages_measured(out, args.workers)
        files, size = site_size(out)
        shots = (args.shots / out.name) if args.shots else out / "screenshots"
        row = {
            "build": str(out),
            "quads": triples(out),
            "write": write,
            "files": files,
            "bytes": size,
            "browser": browser_times(out, shots),
        }
        print(json.dumps(row, ensure_ascii=False), flush=True)
        rows.append(row)
    command = "python bench/bench_workbench.py " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    md = markdown(rows, command.strip())
    print(md)
    if not args.no_write:
        head = (
            RESULTS.read_text(encoding="utf-8")
            if RESULTS.exists()
            else "# The analyst's pages at archive scale (`bench/bench_workbench.py`)\n\n"
        )
        RESULTS.write_text(head.rstrip("\n") + "\n\n" + md, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
