"""The fixed cost of an incremental page write: ``rasd build``'s page stage over a finished
build with its page state and nothing changed (no page to render), stage by stage.

What is left is what every incremental build pays however few articles it adds: the site
index (entities read from the store, every graph's part from the page state), the network
analytics, the page digests, the overview, claims and search pages and the side-panel shards,
and loading and saving the page state.  The build in ``BUILD`` is not touched: its site and
state are copied to ``--scratch`` (store and cache linked), and the first run there writes every
page when the state was written by other page code.

    PYTHONPATH=$PWD .venv/bin/python bench/profile_pages_floor.py /tmp/rb9/out-all \\
        --scratch /tmp/floor --runs 2

Prints one JSON line per run: wall seconds, state load/save seconds and size, pages written
and kept, and the CPU seconds of each stage (summed over the processes).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import time
from pathlib import Path

from rasd.build import STORE_DIR, _CachedArticles, _load_state, _pages_state_path, page_keys
from rasd.export.html import write_site_from_store
from rasd.export.html.incremental import PageState


def _scratch(build: Path, dst: Path) -> None:
    """A copy of the site and state of ``build`` in ``dst``, its store and cache linked."""
    if dst.exists():
        return
    dst.mkdir(parents=True)
    for name in (STORE_DIR, "cache"):
        os.symlink((build / name).resolve(), dst / name)
    for name in ("state", "article", "entity", "static"):
        shutil.copytree(build / name, dst / name, symlinks=True)
    for name in ("index.html", "claims.html", "platforms.html"):
        shutil.copy2(build / name, dst / name)


def run(out: Path, workers: int) -> dict:
    """One page write of ``out`` with its state, as ``rasd build`` writes pages."""
    state = _load_state(out)
    if state is None:
        raise SystemExit(f"{out}: no build state (state/state.pickle)")
    keys, content_key, graph_key = page_keys(state)
    t = time.perf_counter()
    pages = PageState.load(_pages_state_path(out)) or PageState()
    loaded = time.perf_counter() - t
    stats: dict[str, float] = {}
    t = time.perf_counter()
    write_site_from_store(
        out / STORE_DIR,
        out,
        state=pages,
        content_key=content_key,
        graph_key=graph_key,
        articles=_CachedArticles(out, keys),
        workers=workers,
        stats=stats,
    )
    wall = time.perf_counter() - t
    t = time.perf_counter()
    pages.save(_pages_state_path(out))
    saved = time.perf_counter() - t
    return {
        "wall": round(wall, 1),
        "state_load": round(loaded, 1),
        "state_save": round(saved, 1),
        "state_MB": round(_pages_state_path(out).stat().st_size / 1e6),
        "written": pages.written,
        "kept": pages.kept,
        **{k: round(v, 1) for k, v in stats.items()},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build", type=Path, help="the OUT folder of a finished rasd build")
    ap.add_argument("--scratch", type=Path, required=True, help="where the copy is made")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    _scratch(args.build, args.scratch)
    for _ in range(args.runs):
        print(json.dumps(run(args.scratch, args.workers)), flush=True)


if __name__ == "__main__":
    main()
