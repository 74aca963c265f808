"""The page stage of an INCREMENTAL build, repeatable: ``write_pages``'s incremental branch on
a finished build whose store and cache already hold the new articles (``rasd build ...
--no-pages`` after adding them), its page state restored first from ``--state`` (the page
state of the build before: ``OUT/state/pages.pickle`` saved aside), so that every run
renders the same changed pages and keeps the rest.

    PYTHONPATH=$PWD nice -n 5 .venv/bin/python bench/profile_pages_inc.py /tmp/p14/o31 \\
        --state /tmp/p14/pages31.pickle [--profile /tmp/p14/inc31.prof]

The profile (``--profile``) is of the builder process and counts CPU time
(``time.process_time``), not wall: on a shared machine wall is mostly waiting.  Prints one
JSON line: wall, the builder's CPU, the CPU of every process (the forked readers and page
writers too, from ``RUSAGE_CHILDREN``), CPU seconds by stage as ``write_site_from_store``
reports them (summed over the processes), the CPU of reading the build's state (which
``rasd build`` no longer does: it hands the keys over) and of the page state's load/save,
pages written and kept.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import resource
import shutil
import time
from pathlib import Path

from rasd.build import STORE_DIR, _CachedArticles, _load_state, _pages_state_path, page_keys
from rasd.export.html import write_site_from_store
from rasd.export.html.incremental import PageState


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build", type=Path, help="the OUT folder of a finished rasd build")
    ap.add_argument("--state", type=Path, required=True, help="page state to start from")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--profile", type=Path, help="cProfile (CPU time) of the builder process")
    args = ap.parse_args()
    out = args.build
    state_path = _pages_state_path(out)
    shutil.copyfile(args.state, state_path)
    t, c, k = time.perf_counter(), time.process_time(), _children_cpu()
    prof = cProfile.Profile(time.process_time) if args.profile else None
    if prof:
        prof.enable()
    c0 = time.process_time()
    state = _load_state(out)
    build_state = time.process_time() - c0  # rasd build hands the keys over (not timed there)
    if state is None:
        raise SystemExit(f"{out}: no build state")
    keys, content_key, graph_key = page_keys(state)
    articles = _CachedArticles(out, keys)
    c0 = time.process_time()
    pages = PageState.load(state_path)
    load = time.process_time() - c0
    if pages is None:
        raise SystemExit(f"{args.state}: no usable page state")
    stats: dict[str, float] = {}
    write_site_from_store(
        out / STORE_DIR,
        out,
        state=pages,
        content_key=content_key,
        graph_key=graph_key,
        articles=articles,
        parts_from=articles.part,
        workers=args.workers,
        stats=stats,
    )
    c0 = time.process_time()
    pages.save(state_path)
    save = time.process_time() - c0
    if prof:
        prof.disable()
        prof.dump_stats(args.profile)
    builder = time.process_time() - c
    print(
        json.dumps(
            {
                "wall": round(time.perf_counter() - t, 1),
                "builder_cpu": round(builder, 1),
                "all_cpu": round(builder + _children_cpu() - k, 1),
                "build_state_load": round(build_state, 1),
                "state_load": round(load, 1),
                "state_save": round(save, 1),
                "written": pages.written,
                "kept": pages.kept,
                **{s: round(v, 1) for s, v in stats.items()},
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
