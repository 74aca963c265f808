"""How promptly a ``rasd build`` stops when interrupted, and what it leaves running.

Starts ``rasd -v build INPUT --out OUT`` in a session of its own (as a shell starts a
foreground job: the build and every process it starts share one process group), waits for
a stage, sends the signal (``--to group``: to the whole group, as Ctrl-C does; ``--to main``:
to the build's process alone, as ``kill PID`` does), and records the seconds until the build's
process exited, its exit status, the seconds until the last process it started was gone, the
processes left at the build's exit, and the lines it printed on stderr after the signal.
Every process the build starts carries a marker in its environment, so that one reparented
to init (an orphan) is still found.

Stages (what the build is doing when signalled; found from its ``-v`` log lines):

* ``extract``: ``--after`` seconds (default 20) after the start: the extraction pool is busy;
* ``resolve``: when the log says the store loads are done (the resolution fold, state save);
* ``beside``: ``--after`` seconds (default 0.5) after a process the forkserver started appears
  once the store loads are done: the large graph's Turtle/TriG writer and the listing
  answers' processes run beside the page stage's reading of the store;
* ``pages``: ``--after`` seconds (default 8) after the log's ``site:`` line: the page
  writers are forked.

With ``--repair REF``, the same build is run again into the same folder once the signalled one
is gone, and its graph files, errors and site are compared with those of the complete build in
``REF`` (a fresh build of the same input).

    PYTHONPATH=$PWD python bench/bench_interrupt.py --input /tmp/sig26/in300.jsonl \\
        --out /tmp/sig26/i1 --stage beside --signal INT --to group --repair /tmp/sig26/b300
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import psutil

MARK = "RASD_BENCH_INTERRUPT"
TRIGGERS = {  # stage -> (log line fragment to wait for, or None: from the start; default delay)
    "extract": (None, 20.0),
    "resolve": ("rasd: info: store: ", 0.0),
    "beside": ("rasd: info: store: ", 0.5),
    "pages": ("rasd: info: site: ", 8.0),
}


def marked(tag: str) -> list[psutil.Process]:
    """The live processes whose environment holds ``MARK=tag``."""
    found = []
    for p in psutil.process_iter(["pid", "name"]):
        try:
            if p.environ().get(MARK) == tag and p.status() != psutil.STATUS_ZOMBIE:
                found.append(p)
        except (psutil.Error, OSError):
            continue
    return found


def forkserver_children(tag: str) -> list[psutil.Process]:
    """The marked processes the forkserver started (pool workers, processes of their own)."""
    procs = marked(tag)
    servers = {p.pid for p in procs if "forkserver import main" in " ".join(p.cmdline())}
    return [p for p in procs if p.ppid() in servers]


def describe(procs: list[psutil.Process]) -> list[str]:
    """``pid name`` and what the process runs (its command line, shortened)."""
    out = []
    for p in procs:
        try:
            cmd = " ".join(p.cmdline())[-70:]
        except psutil.Error:
            cmd = "?"
        out.append(f"{p.pid} {cmd}")
    return out


def default_signals() -> None:
    """In the build's process before it runs: SIGINT and SIGTERM as a terminal's foreground
    job has them (a job started in the background by a non-interactive shell inherits SIGINT
    ignored, and Python then leaves it ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def run(args: argparse.Namespace) -> dict:
    """One interrupted build; what it did, as a dict."""
    tag = uuid.uuid4().hex
    env = dict(os.environ, **{MARK: tag})
    cmd = [sys.executable, "-m", "rasd.cli", "-v", "build", str(args.input), "--out", str(args.out)]
    cmd += ["--workers", str(args.workers)]
    lines: list[tuple[float, str]] = []
    t0 = time.monotonic()
    p = subprocess.Popen(
        cmd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=default_signals,
    )

    def pump() -> None:
        assert p.stderr is not None
        for line in p.stderr:
            lines.append((time.monotonic(), line.rstrip("\n")))

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    fragment, delay = TRIGGERS[args.stage]
    if args.after is not None:
        delay = args.after
    start = t0
    if fragment is not None:
        while not any(fragment in text for _t, text in lines):
            if p.poll() is not None:
                raise SystemExit(f"the build ended before stage {args.stage}: {lines[-5:]}")
            time.sleep(0.05)
        start = next(t for t, text in lines if fragment in text)
    if args.stage == "beside":  # the graph files' writer or a listing's process is running
        while not forkserver_children(tag):
            if p.poll() is not None:
                raise SystemExit(f"the build ended before stage {args.stage}: {lines[-5:]}")
            time.sleep(0.05)
        start = time.monotonic()
    while time.monotonic() < start + delay:
        time.sleep(0.05)
    if p.poll() is not None:
        raise SystemExit(f"the build ended before the signal: {lines[-5:]}")
    before = describe(marked(tag))
    sig = signal.SIGINT if args.signal == "INT" else signal.SIGTERM
    ts = time.monotonic()
    if args.to == "group":
        os.killpg(p.pid, sig)
    else:
        p.send_signal(sig)
    try:
        rc = p.wait(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        rc = None
    exited = time.monotonic() - ts
    left_at_exit = describe(marked(tag))
    while marked(tag) and time.monotonic() - ts < args.timeout:
        time.sleep(0.1)
    gone = time.monotonic() - ts
    left_after = describe(marked(tag))
    reader.join(timeout=5)
    after = [text for t, text in lines if t >= ts]
    row = {
        "stage": args.stage,
        "signal": f"SIG{args.signal} to {args.to}",
        "signalled at s": round(ts - t0, 1),
        "exit status": rc,
        "exit s": round(exited, 1),
        "all gone s": round(gone, 1),
        "processes at signal": before,
        "left at exit": left_at_exit,
        f"left after {args.timeout:.0f} s": left_after,
        "stderr lines after signal": len(after),
        "traceback lines": sum("Traceback" in a for a in after),
        "stderr tail": after[-4:],
        "state/dirty": (args.out / "state" / "dirty").exists(),
    }
    for leftover in marked(tag):  # the measurement is taken: end what is left
        leftover.kill()
    return row


def same_tree(a: Path, b: Path) -> list[str]:
    """The files that differ between the folders ``a`` and ``b`` (missing on either side)."""
    cmp = filecmp.dircmp(a, b)
    diffs: list[str] = []

    def walk(c: filecmp.dircmp, prefix: str) -> None:
        diffs.extend(prefix + n for n in c.left_only + c.right_only + c.funny_files)
        mismatch = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)[1]
        diffs.extend(prefix + n for n in mismatch)
        for name, sub in c.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(cmp, "")
    return diffs


COMPARED = ("graph.ttl", "graph.trig", "errors.jsonl")
SITE = ("index.html", "claims.html", "article", "entity", "static")


def repair(args: argparse.Namespace) -> dict:
    """The same build again into the same folder: its status and what differs from ``REF``."""
    cmd = [sys.executable, "-m", "rasd.cli", "build", str(args.input), "--out", str(args.out)]
    cmd += ["--workers", str(args.workers)]
    t = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True)
    diffs = [n for n in COMPARED if not filecmp.cmp(args.out / n, args.repair / n, shallow=False)]
    for name in SITE:
        a, b = args.out / name, args.repair / name
        if a.is_dir() and b.is_dir():
            diffs += [f"{name}/{d}" for d in same_tree(a, b)]
        elif not (a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False)):
            diffs.append(name)
    return {
        "repair status": done.returncode,
        "repair s": round(time.monotonic() - t, 1),
        "differs from fresh": diffs[:10],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--stage", choices=sorted(TRIGGERS), required=True)
    ap.add_argument("--after", type=float, default=None, help="seconds after the trigger")
    ap.add_argument("--signal", choices=("INT", "TERM"), default="INT")
    ap.add_argument("--to", choices=("group", "main"), default="group")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=180.0)
    ap.add_argument("--repair", type=Path, default=None, help="a fresh build to compare with")
    ap.add_argument("--keep", action="store_true", help="build into OUT as it is (not emptied)")
    args = ap.parse_args()
    if args.out.exists() and not args.keep:
        shutil.rmtree(args.out)
    row = run(args)
    if args.repair is not None:
        row.update(repair(args))
    print(json.dumps(row, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
