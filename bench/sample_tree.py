"""Run a command and log the memory of each process of its tree every 0.2 s (mem25).

``bench/bench_archive.py`` reports the peak of the PSS summed over a build's process tree and
only the builder's and the largest other process's share at that peak; this logs every
process (pid, parent, start second, the end of its command line, PSS in MB) at every sample,
one JSON line per sample, so that one can tell which process (the builder, an extraction
worker, a page writer, the Turtle/TriG writer, the listing answers) held what, and when.

    .venv/bin/python bench/sample_tree.py /tmp/x.jsonl env PYTHONPATH=$PWD \\
        .venv/bin/python -m rasd.cli build IN --out OUT

It prints the command's stdout, the end of its stderr and ``rc, wall, peak (MB, second)``.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time

import psutil


def main() -> None:
    log_path, cmd = sys.argv[1], sys.argv[2:]
    t0 = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peak = (0, 0.0)
    with open(log_path, "w", encoding="utf-8") as log:
        while proc.poll() is None:
            rows = []
            with contextlib.suppress(psutil.Error):
                for p in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        rows.append(
                            (
                                p.pid,
                                p.ppid(),
                                round(p.create_time() - t0, 1),
                                " ".join(p.cmdline())[-60:],
                                round(p.memory_full_info().pss / 1e6),
                            )
                        )
            t = round(time.time() - t0, 1)
            total = sum(r[-1] for r in rows)
            log.write(json.dumps({"t": t, "tot": total, "p": rows}) + "\n")
            if total > peak[0]:
                peak = (total, t)
            time.sleep(0.2)
    out, err = proc.communicate()
    print(out)
    print(err[-3000:], file=sys.stderr)
    print("rc", proc.returncode, "wall", round(time.time() - t0, 1), "peak", peak)


if __name__ == "__main__":
    main()
