"""Incremental pages benchmark: ``rasd build`` of N articles, then of the same N plus 10 new
ones into the same folder, with the page state (only changed pages written) and without it
(every page written, as before incremental pages).

    .venv/bin/python bench/bench_incremental_pages.py --inputs DIR --extra FILE.jsonl

``--inputs`` is a folder of JSONL records (e.g. the first 2,000 SaudiNewsNet records as
``bench/bench_archive.py`` writes them), ``--extra`` a JSONL file of 10 more.  Each run
starts from a copy of the full build (the copy is not timed).  Reported: wall time, CPU time
of the build and all its processes (user + system, sampled every 0.1 s), the pages stage
(wall, from the build's summary) and the pages written and kept; medians of ``--repeat``
runs.  Results are appended to ``bench/incremental_pages_results.md``.  Inputs and builds stay
in the scratch folder, never in the repository (research licence).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).with_name("incremental_pages_results.md")
RASD = [sys.executable, "-m", "rasd.cli"]


def run(cmd: list[str]) -> tuple[float, float, str]:
    """Run ``cmd``; wall seconds, CPU seconds (user + system) of it and every process under
    it, stdout.  The tree is sampled every 0.1 s (``getrusage`` would miss extraction
    workers, whose parent is the forkserver, not the build)."""
    t = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, cwd=ROOT)
        root = psutil.Process(proc.pid)
        cpu: dict[tuple[int, float], float] = {}
        while proc.poll() is None:
            with contextlib.suppress(psutil.Error):
                for p in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        c = p.cpu_times()
                        cpu[(p.pid, p.create_time())] = c.user + c.system
            time.sleep(0.1)
        wall = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode not in (0, 3):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return wall, sum(cpu.values()), stdout


def stage(stdout: str, name: str) -> float:
    m = re.search(rf"\b{name} ([0-9.]+) s", stdout)
    return float(m.group(1)) if m else float("nan")


def pages_line(stdout: str) -> str:
    m = re.search(r"pages: (\d+) written, (\d+) kept", stdout)
    return f"{m.group(1)} written, {m.group(2)} kept" if m else "?"


def _site(out: Path) -> dict[str, bytes]:
    from rasd.export.html.model import SITE_ENTRIES

    files = {}
    for name in SITE_ENTRIES:
        p = out / name
        for f in [p] if p.is_file() else sorted(p.rglob("*")) if p.is_dir() else []:
            if f.is_file():
                files[str(f.relative_to(out))] = f.read_bytes()
    return files


def _differ(a: Path, b: Path) -> list[str]:
    sa, sb = _site(a), _site(b)
    return sorted(k for k in sa.keys() | sb.keys() if sa.get(k) != sb.get(k))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=Path, required=True, help="folder of JSONL records")
    ap.add_argument("--extra", type=Path, required=True, help="JSONL file of the new articles")
    ap.add_argument("--scratch", type=Path, default=Path("/tmp/rasd-bench-incpages"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--reuse", action="store_true", help="reuse the full build in --scratch")
    args = ap.parse_args()
    base = args.scratch / "full"
    inputs = args.inputs.resolve()
    extra_path = inputs / "zz-extra.jsonl"
    if extra_path.exists():
        extra_path.unlink()
    if not (args.reuse and (base / "state" / "pages.pickle").is_file()):
        if base.exists():
            shutil.rmtree(base)
        wall, cpu, out = run([*RASD, "build", str(inputs), "--out", str(base)])
        full = {"wall": wall, "cpu": cpu, "pages": stage(out, "pages"), "line": out}
    else:
        full = None
    shutil.copyfile(args.extra, extra_path)
    rows: dict[str, list[dict]] = {"with page state": [], "without (every page written)": []}
    try:
        for _ in range(args.repeat):
            for i, (variant, runs) in enumerate(rows.items()):
                work = args.scratch / f"work{i}"
                if work.exists():
                    shutil.rmtree(work)
                shutil.copytree(base, work, symlinks=True)
                if variant.startswith("without"):
                    (work / "state" / "pages.pickle").unlink()
                wall, cpu, out = run([*RASD, "build", str(inputs), "--out", str(work)])
                runs.append(
                    {"wall": wall, "cpu": cpu, "pages": stage(out, "pages"), "n": pages_line(out)}
                )
    finally:
        extra_path.unlink()
    differ = _differ(args.scratch / "work0", args.scratch / "work1")
    lines = [
        f"## {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Command: `python bench/bench_incremental_pages.py --inputs {args.inputs} "
        f"--extra {args.extra}{' --reuse' if args.reuse else ''}`  ",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; load average at the end {os.getloadavg()[0]:.1f}; "
        f"medians of {args.repeat}.",
        "",
    ]
    if full is not None:
        lines += [
            f"Full build: wall {full['wall']:.1f} s, CPU {full['cpu']:.1f} s, "
            f"pages stage {full['pages']:.1f} s (wall).",
            "",
        ]
    lines += [
        "| +10 articles | wall | CPU (all processes) | pages stage (wall) | pages |",
        "|---|---:|---:|---:|---|",
    ]
    for variant, runs in rows.items():
        med = {k: statistics.median(r[k] for r in runs) for k in ("wall", "cpu", "pages")}
        lines.append(
            f"| {variant} | {med['wall']:.1f} s | {med['cpu']:.1f} s | {med['pages']:.1f} s "
            f"| {runs[-1]['n']} |"
        )
    lines += [
        "",
        f"The two sites (with and without the page state) differ in {len(differ)} files"
        + (f": {', '.join(differ[:5])}" if differ else " (byte-identical)."),
        "",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    with RESULTS.open("a", encoding="utf-8") as f:
        if RESULTS.stat().st_size == 0:
            f.write("# Incremental pages benchmark (`bench/bench_incremental_pages.py`)\n\n")
        f.write(text)


if __name__ == "__main__":
    main()
