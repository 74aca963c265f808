"""The memory of an incremental +10 build, by process over time (PSS).

As ``bench/bench_incremental.py``: a −10 build of ``BASE`` alone (not measured; in a
process of its own, so that the measured builder starts fresh as ``rasd build``'s), the extra
articles' results deleted from the cache (so that they are extracted again, as new articles
are), then the +10 build of ``BASE`` and ``EXTRA``, measured: every ``--every`` seconds the PSS
of this process (the builder) and of each process under it, each named by what it is (``fork``:
a fork of the builder, i.e. a page writer or a site-index reader; ``forkserver``; ``fs-child``:
a process the forkserver started, i.e. the Turtle/TriG writer, Louvain's process or an
extraction worker), with the build's phases marked as they start.

The build folder is modified: run it on a copy, or on a build kept only for this.  The inputs
must be the files the build was made from (an article's source is its path).

    PYTHONPATH=$PWD nice -n 10 .venv/bin/python bench/profile_inc_memory.py /tmp/b17/out-all \\
        /tmp/b17/in-all/articles.jsonl /tmp/b17/in-all/zz-extra.jsonl --log /tmp/b17/inc.tsv

Prints one JSON line: wall, the build's stage times, the peak PSS summed over the process tree
with each process's share at the peak, the peak of each kind of process, and the phases with
the summed PSS peak within each.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

import rasd.build as rb
import rasd.export.html as html
from bench.bench_archive import _pss
from bench.bench_incremental import _uncache

MARKS: list[tuple[float, str]] = []
T0 = time.perf_counter()


def mark(name: str) -> None:
    MARKS.append((round(time.perf_counter() - T0, 2), name))


class Sampler(threading.Thread):
    """PSS of this process and of each process under it, every ``every`` seconds."""

    def __init__(self, every: float, log: Path | None) -> None:
        super().__init__(daemon=True)
        self.every, self.log = every, log
        self.samples: list[tuple[float, int, list[tuple[int, str, int]]]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        me = psutil.Process(os.getpid())
        mine = me.cmdline()
        while not self.stop.is_set():
            kids: list[tuple[int, str, int]] = []
            with contextlib.suppress(psutil.Error):
                own = _pss(me)
                for k in me.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        cmd = k.cmdline()
                        if cmd == mine:
                            kind = "fork"
                        elif any("forkserver" in c for c in cmd) and k.ppid() == me.pid:
                            kind = "forkserver"
                        elif any("resource_tracker" in c for c in cmd):
                            kind = "tracker"
                        else:
                            kind = "fs-child"
                        kids.append((k.pid, kind, _pss(k)))
                t = round(time.perf_counter() - T0, 2)
                self.samples.append((t, own, kids))
                if self.log is not None:
                    with self.log.open("a", encoding="utf-8") as f:
                        cells = " ".join(f"{k}:{p}:{s // 10**6}" for p, k, s in kids)
                        f.write(f"{t}\t{own // 10**6}\t{cells}\n")
            self.stop.wait(self.every)


def _wrap(owner, name: str, label: str) -> None:
    fn = getattr(owner, name)

    @functools.wraps(fn)
    def wrapper(*a, **kw):
        mark(label)
        try:
            return fn(*a, **kw)
        finally:
            mark(f"/{label}")

    setattr(owner, name, wrapper)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("base", type=Path)
    ap.add_argument("extra", type=Path)
    ap.add_argument("--workers", type=int, default=rb.default_workers())
    ap.add_argument("--every", type=float, default=0.25)
    ap.add_argument("--log", type=Path, help="append each sample (MB) to this file")
    ap.add_argument("--skip-minus", action="store_true", help="the −10 build was done already")
    ap.add_argument(
        "--page-code-as",
        metavar="HEX",
        help="take the page code fingerprint to be HEX (that of the code the site was written "
        "with), as bench/bench_incremental.py: for a change that does not alter page bytes",
    )
    args = ap.parse_args()
    if args.page_code_as:
        import rasd.export.html.incremental as incremental

        incremental.code_fingerprint = lambda: args.page_code_as
    if not args.skip_minus:  # in a process of its own: the measured builder starts fresh
        code = "import sys; from pathlib import Path; from rasd.build import build; "
        if args.page_code_as:  # the −10 too: else it rewrites every page for the code change
            code += "import rasd.export.html.incremental as i; "
            code += f"i.code_fingerprint = lambda: {args.page_code_as!r}; "
        code += "build([Path(sys.argv[1])], Path(sys.argv[2]), workers=int(sys.argv[3]))"
        cmd = [sys.executable, "-c", code, str(args.base), str(args.out), str(args.workers)]
        subprocess.run(cmd, check=True)
    _uncache(args.out, args.extra)
    _wrap(rb, "write_pages", "pages")
    _wrap(rb._RdfFiles, "__init__", "rdf-start")
    _wrap(html, "current_parts", "parts")
    _wrap(html, "read_index", "read_index")
    _wrap(html._Work, "start", "writers")
    _wrap(html, "overview_page", "overview")
    _wrap(html.Incremental, "entities", "entity-digests")
    if args.log and args.log.exists():
        args.log.unlink()
    global T0
    T0 = time.perf_counter()
    sampler = Sampler(args.every, args.log)
    sampler.start()
    report = rb.build([args.base, args.extra], args.out, workers=args.workers)
    mark("end")
    sampler.stop.set()
    sampler.join()
    if not report.incremental or report.extracted != 10:
        raise SystemExit(f"not a +10 incremental build: {report}")
    mb = 10**6
    t, own, kids = max(sampler.samples, key=lambda s: s[1] + sum(k[2] for k in s[2]))
    kinds: dict[str, int] = {}
    for _, o, ks in sampler.samples:
        kinds["builder"] = max(kinds.get("builder", 0), o // mb)
        for _, kind, s in ks:
            kinds[kind] = max(kinds.get(kind, 0), s // mb)
    phases = []
    for i, (start, name) in enumerate(MARKS):
        end = MARKS[i + 1][0] if i + 1 < len(MARKS) else 1e9
        inside = [o + sum(k[2] for k in ks) for tt, o, ks in sampler.samples if start <= tt < end]
        phases.append((start, name, max(inside, default=0) // mb))
    print(
        json.dumps(
            {
                "wall": round(MARKS[-1][0], 1),
                "times": {k: round(v, 1) for k, v in report.times.items()},
                "pages_written": report.pages_written,
                "peak_mb": (own + sum(k[2] for k in kids)) // mb,
                "peak_at": t,
                "peak_by_process": {"builder": own // mb}
                | {f"{kind}:{pid}": s // mb for pid, kind, s in kids},
                "peak_by_kind": kinds,
                "phases": phases,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
