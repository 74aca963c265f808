"""`rasd serve` benchmark: the shipped queries and /search, through the server, over HTTP.

For each build folder it starts ``rasd serve BUILD --port 0`` from this checkout (a real
subprocess, as a user runs it) twice:

- with ``--no-warm``: each query of ``queries/`` sent once as ``POST application/sparql-query``
  with ``Accept: text/csv`` — the *first ask*, evaluated by Oxigraph (what any query of that
  shape costs, before the server has kept its answer); wall time seen by the client and CPU
  time of the server process (``psutil``: user + system, all its threads);
- as a user starts it (the shipped queries warmed in the background): the time from start
  until every shipped query answers from the cache (header ``X-Rasd-Cache: hit``), then each
  query again, medians over ``--runs`` runs; and, waiting for the search index first:
- ``/search?q=…`` for a fixed list of names (written in several ways: with and without ال,
  hamza, ta marbuta, diacritics; one letter as the worst case), the same way;
- ``/`` and one entity page (static files).

It also records when the search index was ready and the server's memory (RSS) after it.
With ``--push`` it also times ``rasd push BUILD`` into a fresh ``oxigraph serve`` (one graph
per article, then ``--merged``), checks the server's triple count against the build's store,
and records the push's own CPU time and the Oxigraph server's.
The machine is shared (2 cores): CPU times are the numbers to compare, wall times show what a
user waits.  Appends a section to ``bench/serve_results.md``:

    .venv/bin/python bench/bench_serve.py out/ /tmp/rb/out-2000 --runs 5 [--push]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).with_name("serve_results.md")
#: Names as an analyst types them: several spellings of the same entities, and a worst case.
SEARCHES = [
    "داعش",
    "الدولة الإسلامية",
    "دوله اسلاميه",
    "السعودية",
    "سعوديه",
    "المملكة العربية السعودية",
    "وزير الخارجية",
    "محمد بن سلمان",
    "تويتر",
    "إيران",
    "ايران",
    "الأمم المتحدة",
    "محمد",
    "ا",
]


class Server:
    def __init__(self, build: Path, timeout: float, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        cmd = [sys.executable, "-m", "rasd.cli", "serve", str(build), "--port", "0"]
        cmd += ["--timeout", str(timeout), *args]
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
        ready, _, _ = select.select([self.proc.stdout], [], [], 120)
        line = self.proc.stdout.readline() if ready else ""
        if "http://" not in line:
            self.proc.kill()
            raise SystemExit(f"rasd serve {build} did not start: {line!r}")
        self.listening = time.perf_counter() - self.t0
        self.url = line.split(" at ", 1)[1].split(" ", 1)[0]
        self.ps = psutil.Process(self.proc.pid)

    def cpu(self) -> float:
        t = self.ps.cpu_times()
        return t.user + t.system

    def request(self, req: urllib.request.Request | str) -> tuple[int, bytes, float, float]:
        """Status, body, client wall seconds and server CPU seconds of one request."""
        c0, t0 = self.cpu(), time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=600) as r:
                status, body = r.status, r.read()
                self.cache = r.headers.get("X-Rasd-Cache")
        except urllib.error.HTTPError as e:
            status, body = e.code, e.read()
            self.cache = None
        wall = time.perf_counter() - t0
        return status, body, wall, self.cpu() - c0

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        return self.proc.wait(60)


def timed(server: Server, make: object, runs: int) -> dict:
    walls, cpus, status, body = [], [], 0, b""
    for i in range(runs + 1):
        status, body, wall, cpu = server.request(make())  # type: ignore[operator]
        if status != 200:
            return {"status": status, "error": body.decode("utf-8", "replace").strip()[:200]}
        if i:  # the first run warms the store's caches
            walls.append(wall)
            cpus.append(cpu)
    return {
        "status": status,
        "wall": statistics.median(walls),
        "cpu": statistics.median(cpus),
        "max_wall": max(walls),
        "bytes": len(body),
        "body": body,
    }


def direct(build: Path, sparql: str, runs: int) -> float:
    """Median CPU seconds of the same query in this process, as ``rasd query OUT`` runs it
    (the store opened read-only, the results written as CSV): the server's overhead is the
    difference."""
    import pyoxigraph as ox

    sys.path.insert(0, str(ROOT))
    from rasd.graph.store import PREFIXES

    store = ox.Store.read_only(str(build / "store"))
    cpus = []
    for i in range(runs + 1):
        c = time.process_time()
        result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        result.serialize(format=ox.QueryResultsFormat.CSV)
        if i:
            cpus.append(time.process_time() - c)
    return statistics.median(cpus)


def _query(server: Server, text: bytes) -> urllib.request.Request:
    return urllib.request.Request(
        f"{server.url}sparql",
        data=text,
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )


def shipped() -> dict[str, bytes]:
    return {rq.name: rq.read_bytes() for rq in sorted((ROOT / "queries").glob("*.rq"))}


def first_asks(build: Path, timeout: float) -> dict:
    """Each shipped query asked once of a server that warmed nothing: Oxigraph's time."""
    server = Server(build, timeout, "--no-warm")
    out = {}
    try:
        for name, text in shipped().items():
            status, body, wall, cpu = server.request(_query(server, text))
            out[name] = {"status": status, "wall": wall, "cpu": cpu, "cache": server.cache}
            if status != 200:
                out[name]["error"] = body.decode("utf-8", "replace").strip()[:200]
    finally:
        server.stop()
    return out


def wait_warm(server: Server, limit: float = 1800) -> float:
    """Seconds from the server's start until every shipped query answers from its cache."""
    for text in shipped().values():
        while True:
            server.request(_query(server, text))
            if server.cache == "hit":
                break
            if time.perf_counter() - server.t0 > limit:
                raise SystemExit(f"the shipped queries were not warm after {limit} s")
            time.sleep(1)
    return time.perf_counter() - server.t0


def bench_build(build: Path, runs: int, timeout: float) -> dict:
    first = first_asks(build, timeout)
    server = Server(build, timeout)
    out: dict = {"build": build, "listening": server.listening, "queries": {}, "search": {}}
    try:
        out["warm"] = wait_warm(server)
        # the first /search waits for the index
        q = urllib.parse.urlencode({"q": "ا"})
        t0 = time.perf_counter()
        status, _, _, _ = server.request(f"{server.url}search?{q}")
        out["index_ready"] = time.perf_counter() - server.t0
        out["index_wait"] = time.perf_counter() - t0
        if status != 200:
            raise SystemExit(f"/search answered {status}")
        out["rss"] = server.ps.memory_info().rss
        counts = server.request(
            urllib.request.Request(
                f"{server.url}sparql",
                data=b"SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
            )
        )
        out["triples"] = int(counts[1].decode().split()[1])
        for name, text in shipped().items():
            r = timed(server, lambda text=text: _query(server, text), runs)
            r["cache"] = server.cache
            if "body" in r:
                r["rows"] = max(0, len(r.pop("body").decode("utf-8").splitlines()) - 1)
            r["direct"] = direct(build, text.decode("utf-8"), runs)
            r["first"] = first[name]
            out["queries"][name] = r
        for name in SEARCHES:
            url = f"{server.url}search?" + urllib.parse.urlencode({"q": name, "limit": 20})
            r = timed(server, lambda url=url: url, runs)
            if "body" in r:
                r["total"] = json.loads(r.pop("body"))["total"]
            out["search"][name] = r
        entity = sorted((build / "entity").glob("*.html"))
        pages = [("/", f"{server.url}")]
        if entity:
            pages.append((f"/entity/{entity[0].name}", f"{server.url}entity/{entity[0].name}"))
        out["pages"] = {}
        for shown, url in pages:
            r = timed(server, lambda url=url: url, runs)
            r.pop("body", None)
            out["pages"][shown] = r
    finally:
        out["exit"] = server.stop()
    return out


def _oxigraph_count(url: str, graphs: bool) -> int:
    where = "GRAPH ?g { ?s ?p ?o }" if graphs else "?s ?p ?o"
    data = urllib.parse.urlencode({"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"})
    req = urllib.request.Request(f"{url}/query", data=data.encode(), headers={"Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=600) as r:
        return int(r.read().decode().split()[1])


def bench_push(build: Path, merged: bool) -> dict:
    """``rasd push BUILD`` into a fresh Oxigraph server: wall, CPU of both sides, counts."""
    oxigraph = shutil.which("oxigraph", path=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    if oxigraph is None:
        raise SystemExit("--push needs the oxigraph CLI (pip install oxigraph)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="rasd-push-bench-") as tmp:
        server = subprocess.Popen(
            [oxigraph, "serve", "--location", tmp, "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(300):
                try:
                    _oxigraph_count(url, False)
                    break
                except (urllib.error.URLError, ConnectionError):
                    time.sleep(0.1)
            ps = psutil.Process(server.pid)
            server_cpu = sum(ps.cpu_times()[:2])
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            cmd = [sys.executable, "-m", "rasd.cli", "push", str(build)]
            cmd += ["--endpoint", f"{url}/store", "-q"] + (["--merged"] if merged else [])
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            t0 = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode:
                raise SystemExit(f"rasd push failed: {done.stderr.strip()}")
            server_cpu = sum(ps.cpu_times()[:2]) - server_cpu
            count = _oxigraph_count(url, not merged)
        finally:
            server.terminate()
            server.wait(60)
    return {
        "merged": merged,
        "report": done.stdout.strip(),
        "wall": wall,
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "server_cpu": server_cpu,
        "count": count,
    }


def _ms(r: dict, key: str) -> str:
    return f"{r[key] * 1000:,.0f} ms" if key in r else f"{r['status']}: {r.get('error', '')}"


def report(results: list[dict], args: argparse.Namespace) -> str:
    load = os.getloadavg()
    lines = [
        f"## {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Command: `python bench/bench_serve.py {' '.join(args.builds)} --runs {args.runs}"
        f"{' --push' if args.push else ''}`  ",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; load average at the end {load[0]:.1f} (shared with other "
        "sessions). Medians of "
        f"{args.runs} runs after one warm-up; wall = what the client waited, CPU = the server "
        "process's user+system time for that request.",
        "",
    ]
    for res in results:
        lines += [
            f"### `{res['build']}`: {res['triples']:,} triples",
            "",
            f"Listening after {res['listening']:.1f} s; every shipped query answered from the "
            f"cache {res['warm']:.1f} s after start; search index ready "
            f"{res['index_ready']:.1f} s after start; server RSS then "
            f"{res['rss'] / 2**20:,.0f} MB; exit status on SIGINT {res['exit']}.",
            "",
            "| shipped query | rows | first ask, not warmed: wall / server CPU "
            "| warmed: wall (median) | server CPU (median) | slowest wall | X-Rasd-Cache "
            "| same query in process, CPU (median) |",
            "|---|---:|---:|---:|---:|---:|---|---:|",
        ]
        for name, r in res["queries"].items():
            f = r["first"]
            lines.append(
                f"| {name} | {r.get('rows', '—')} | {_ms(f, 'wall')} / {_ms(f, 'cpu')} "
                f"| {_ms(r, 'wall')} | {_ms(r, 'cpu')} | {_ms(r, 'max_wall')} "
                f"| {r.get('cache')} | {_ms(r, 'direct')} |"
            )
        lines += [
            "",
            "| /search?q= | entities found | wall (median) | server CPU (median) | slowest wall |",
            "|---|---:|---:|---:|---:|",
        ]
        for name, r in res["search"].items():
            lines.append(
                f"| {name} | {r.get('total', '—')} | {_ms(r, 'wall')} | {_ms(r, 'cpu')} "
                f"| {_ms(r, 'max_wall')} |"
            )
        lines += ["", "| page | bytes | wall (median) |", "|---|---:|---:|"]
        for name, r in res["pages"].items():
            lines.append(f"| {name} | {r.get('bytes', 0):,} | {_ms(r, 'wall')} |")
        if res.get("push"):
            lines += [
                "",
                "| rasd push into oxigraph serve | wall | push CPU | Oxigraph CPU | triples on "
                "the server | rasd push said |",
                "|---|---:|---:|---:|---:|---|",
            ]
            for p in res["push"]:
                lines.append(
                    f"| {'--merged (default graph)' if p['merged'] else 'one graph per article'} "
                    f"| {p['wall']:.1f} s | {p['cpu']:.1f} s | {p['server_cpu']:.1f} s "
                    f"| {p['count']:,} | `{p['report']}` |"
                )
        lines.append("")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("builds", nargs="+", help="build folders (rasd build … --out DIR)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=300.0, help="the server's query time limit")
    ap.add_argument("--push", action="store_true", help="also time rasd push into oxigraph")
    ap.add_argument("--no-write", action="store_true", help="print, do not append to the file")
    args = ap.parse_args()
    results = []
    for b in args.builds:
        res = bench_build(Path(b), args.runs, args.timeout)
        if args.push:
            res["push"] = [bench_push(Path(b), merged) for merged in (False, True)]
        results.append(res)
    text = report(results, args)
    print(text)
    if not args.no_write:
        head = "# `rasd serve` benchmark (`bench/bench_serve.py`)\n\n"
        old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else head
        RESULTS.write_text(old + text, encoding="utf-8")


if __name__ == "__main__":
    main()
