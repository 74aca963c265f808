"""Archive build benchmark: the first 1,000, 10,000 and all 31,020 SaudiNewsNet articles.

For each size it runs ``rasd build`` in a subprocess (default workers = the cores) and records
wall time, the build's own stage times, articles/s, the peak memory summed over the whole
process tree (PSS: the builder, its workers and page writers, sampled every 0.2 s; runs before
2026-12-01 05:00 summed RSS, which counts pages shared by forked writers twice), the store
and site sizes, the ratio to the tokenisation floor (camel-tools' ``simple_word_tokenize``
over the same texts, one core), an incremental rebuild with 10 new articles, and each shipped
query's time through the store (and through rdflib in memory on ``graph.ttl`` where that graph
fits).

The pages column is the static site alone (HTML, data files, ``static/``); runs before
2026-12-02 15:00 counted ``graph.ttl``, ``graph.trig`` and ``errors.jsonl`` in it too (their
"site" was the pages plus ~2 × the graph.ttl column).

    .venv/bin/python bench/bench_archive.py --sizes 1000 10000 all   # appends to archive_results.md

Inputs are written to a scratch folder (default /tmp/rasd-bench) as JSONL, never into the
repository (the corpus is under a research licence).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
RESULTS = Path(__file__).with_name("archive_results.md")
RASD = [sys.executable, "-m", "rasd.cli"]


def records() -> Iterator[dict]:
    """Corpus records with content, in file order."""
    for z in sorted(CORPUS.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if name.endswith(".json"):
                    for rec in json.loads(zf.read(name)):
                        if isinstance(rec, dict) and (rec.get("content") or "").strip():
                            yield rec


def write_jsonl(path: Path, recs: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


PEAK_AT: dict[str, str] = {}  # command → where its peak was (for the report)


def _pss(p: psutil.Process) -> int:
    """A process's proportional set size: its private memory plus its share of pages it
    shares (forked page writers share most of the builder's memory; summing their RSS would
    count those pages once per process).  RSS where PSS cannot be read."""
    try:
        return p.memory_full_info().pss
    except (psutil.AccessDenied, AttributeError):
        return p.memory_info().rss


def run(cmd: list[str]) -> tuple[float, int, str]:
    """Run ``cmd``; return wall seconds, peak memory (bytes: PSS summed over its whole process
    tree, :func:`_pss`), stdout.
    When and where the peak happened (seconds in, the builder's share, the largest other
    process) goes to :data:`PEAK_AT`."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak = 0
    where = ""
    while proc.poll() is None:
        sizes = []
        try:
            for p in [ps, *ps.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    sizes.append(_pss(p))
        except psutil.Error:
            pass
        if sizes and sum(sizes) > peak:
            peak = sum(sizes)
            others = max(sizes[1:], default=0)
            where = (
                f"{time.perf_counter() - t0:.0f} s in, {len(sizes)} processes: builder "
                f"{sizes[0] / 1e6:,.0f} MB, largest other {others / 1e6:,.0f} MB"
            )
        time.sleep(0.2)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    PEAK_AT[" ".join(cmd)] = where
    return wall, peak, out


#: what ``rasd build`` writes beside the pages: left out of the pages' size
NOT_PAGES = ("store", "cache", "state", "answers", "graph.ttl", "graph.trig", "errors.jsonl")


def du(path: Path, skip: tuple[str, ...] = ()) -> tuple[int, int]:
    """Bytes and files under ``path`` (top-level folders in ``skip`` left out)."""
    size = files = 0
    for p in path.rglob("*"):
        rel = p.relative_to(path).parts
        if p.is_file() and rel[0] not in skip:
            size += p.stat().st_size
            files += 1
    return size, files


def tokenisation_floor(recs: list[dict]) -> float:
    from camel_tools.tokenizers.word import simple_word_tokenize

    t = time.process_time()
    for r in recs:
        simple_word_tokenize((r.get("title") or "") + "\n" + r["content"])
    return time.process_time() - t


_RDFLIB_QUERY = """
import sys, time
from rdflib import Graph
sys.path.insert(0, sys.argv[3])
from rasd.graph.build import bind_prefixes
g = Graph().parse(sys.argv[1])
bind_prefixes(g)
text = open(sys.argv[2], encoding="utf-8").read()
t = time.perf_counter()
list(g.query(text))
print(time.perf_counter() - t)
"""


def query_times(out: Path, rdflib_max: int, triples: int, limit: float) -> dict[str, tuple]:
    """Each shipped query through the store (median of 3) and, for graphs up to
    ``rdflib_max`` triples, through rdflib in memory (one run in a subprocess, cut at
    ``limit`` seconds: rdflib's SPARQL engine can take minutes on these joins)."""
    sys.path.insert(0, str(ROOT))
    from rasd.graph.store import load, run_query

    store = load(out)
    times: dict[str, tuple] = {}
    for q in sorted((ROOT / "queries").glob("*.rq")):
        text = q.read_text(encoding="utf-8")
        ox_t = []
        for _ in range(3):
            t = time.perf_counter()
            rows = sum(1 for _ in run_query(store, text, q.name))
            ox_t.append(time.perf_counter() - t)
        rd: float | str | None = None
        if triples <= rdflib_max:
            cmd = [sys.executable, "-c", _RDFLIB_QUERY, str(out / "graph.ttl"), str(q), str(ROOT)]
            try:
                r = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, check=True)
                rd = float(r.stdout.strip())
            except subprocess.TimeoutExpired:
                rd = f"> {limit:.0f} s"
        cli_t = []
        for _ in range(3):  # what a user waits for: `rasd query`, a process (kept answers)
            t = time.perf_counter()
            subprocess.run(
                [*RASD, "query", str(out), str(q)], stdout=subprocess.DEVNULL, check=True, cwd=ROOT
            )
            cli_t.append(time.perf_counter() - t)
        times[q.name] = (statistics.median(ox_t), rd, rows, statistics.median(cli_t))
    return times


def parse_times(stdout: str) -> str:
    for line in stdout.splitlines():
        if line.startswith("times:"):
            return line[len("times:") :].strip()
    return ""


def bench(
    size: str, scratch: Path, workers: int | None, rdflib_max: int, rdflib_limit: float
) -> dict:
    n = None if size == "all" else int(size)
    recs = []
    extra = []
    for r in records():
        if n is None or len(recs) < n:
            recs.append(r)
        elif len(extra) < 10:
            extra.append(r)
        else:
            break
    if n is None:
        extra = recs[-10:]
        recs = recs[:-10]
    inp = scratch / f"in-{size}"
    write_jsonl(inp / "articles.jsonl", recs)
    extra_file = inp / "zz-extra.jsonl"
    if extra_file.exists():
        extra_file.unlink()
    out = scratch / f"out-{size}"
    if out.exists():
        subprocess.run(["rm", "-rf", str(out)], check=True)
    cmd = [*RASD, "build", str(inp), "--out", str(out)]
    if workers:
        cmd += ["--workers", str(workers)]
    wall, peak, stdout = run(cmd)
    peak_at = PEAK_AT[" ".join(cmd)]
    first = stdout.splitlines()[0]
    triples = int(first.split(" triples")[0].split(", ")[-1])
    store_size, _ = du(out / "store")
    site_size, site_files = du(out, skip=NOT_PAGES)
    floor = tokenisation_floor(recs)
    write_jsonl(extra_file, extra)
    inc_wall, inc_peak, inc_out = run(cmd)
    qt = query_times(out, rdflib_max, triples, rdflib_limit)
    return {
        "size": len(recs),
        "wall": wall,
        "peak": peak,
        "peak_at": peak_at,
        "times": parse_times(stdout),
        "summary": first,
        "triples": triples,
        "store": store_size,
        "site": site_size,
        "site_files": site_files,
        "ttl": (out / "graph.ttl").stat().st_size,
        "floor": floor,
        "inc_wall": inc_wall,
        "inc_peak": inc_peak,
        "inc_line": next((x for x in inc_out.splitlines() if x.startswith("incremental")), ""),
        "inc_times": parse_times(inc_out),
        "queries": qt,
    }


def report(results: list[dict], args: argparse.Namespace) -> str:
    mb = 1e6
    lines = [
        f"## {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Command: `python bench/bench_archive.py {' '.join(sys.argv[1:])}`  ",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; workers: {args.workers or 'default (the cores)'}; "
        f"load average at the end {os.getloadavg()[0]:.1f}.",
        "",
        "| articles | wall | articles/s | peak memory (PSS, all processes) | triples | store | "
        "graph.ttl | pages (files) | floor (tokenise, 1 core) | wall / floor | +10 articles |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['size']:,} | {r['wall']:.0f} s | {r['size'] / r['wall']:.1f} | "
            f"{r['peak'] / mb:,.0f} MB | {r['triples']:,} | {r['store'] / mb:,.0f} MB | "
            f"{r['ttl'] / mb:,.0f} MB | {r['site'] / mb:,.0f} MB ({r['site_files']:,}) | "
            f"{r['floor']:.1f} s | {r['wall'] / max(r['floor'], 1e-9):.0f}× | "
            f"{r['inc_wall']:.1f} s ({100 * r['inc_wall'] / r['wall']:.0f} %) |"
        )
    lines.append("")
    lines.append(
        "Stages as `rasd build` prints them: `store X s (Y s waited)` is the loads' wall time,"
        " which runs beside read+extract in a thread, and the part of it the build waited for;"
        " turtle+trig is written beside the pages (a process of its own): read+extract, store"
        " waited, resolve and pages add up to the total."
    )
    lines.append("")
    for r in results:
        lines.append(f"- {r['size']:,} articles: `{r['summary']}`; stages: {r['times']}")
        lines.append(f"  - memory peak: {r['peak_at']}")
        lines.append(f"  - +10: {r['inc_line']}; stages: {r['inc_times']}")
    lines += [
        "",
        "Shipped queries: evaluated through the store (median of 3) / rdflib in memory (one run)"
        " / `rasd query OUT/ queries/X.rq` wall, a process each, as a user runs it after the"
        " build (median of 3; it prints the answer the build kept where it kept one):",
        "",
    ]
    names = sorted(results[0]["queries"])
    lines.append("| articles | " + " | ".join(names) + " |")
    lines.append("|---:|" + "---:|" * len(names))
    for r in results:
        cells = []
        for q in names:
            ox_t, rd, rows, cli = r["queries"][q]
            rd_s = "—" if rd is None else rd if isinstance(rd, str) else f"{rd:.2f} s"
            cells.append(f"{ox_t:.2f} s / {rd_s} / {cli:.2f} s ({rows} rows)")
        lines.append(f"| {r['size']:,} | " + " | ".join(cells) + " |")
    lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", default=["1000", "10000", "all"])
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--scratch", type=Path, default=Path("/tmp/rasd-bench"))
    ap.add_argument(
        "--rdflib-max-triples",
        type=int,
        default=1_000_000,
        help="Compare queries with rdflib in memory only up to this many triples.",
    )
    ap.add_argument(
        "--rdflib-limit", type=float, default=120, help="Seconds before an rdflib query is cut."
    )
    args = ap.parse_args()
    results = []
    for size in args.sizes:
        r = bench(size, args.scratch, args.workers, args.rdflib_max_triples, args.rdflib_limit)
        print(json.dumps({k: v for k, v in r.items() if k != "queries"}, default=str))
        results.append(r)
    text = report(results, args)
    print(text)
    head = "# Archive build benchmark (`bench/bench_archive.py`)\n\n"
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else head
    RESULTS.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
