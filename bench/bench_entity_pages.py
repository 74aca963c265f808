"""CPU cost of the entity pages ``rasd serve`` renders on demand, and of the platform view.

Usage::

    PYTHONPATH=. python bench/bench_entity_pages.py OUT/ [--pages 30] [--md FILE.md] [--site DIR]

``OUT/`` is a build folder (its ``store/`` is opened read-only; nothing is written there).
Measures, with ``time.process_time`` (the machine is shared): preparing
:class:`export.html.ondemand.EntityPages` (the entity index, the network analytics and the
snippet plan, once per server), then rendering the pages of ``--pages`` entities that have
no static page and ``--pages`` that have one (evenly spaced in page-name order), as medians;
and the size of the site's ``platforms.html`` when the folder has one.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pyoxigraph as ox

from rasd.export.html.ondemand import EntityPages


def _spaced(items: list[str], n: int) -> list[str]:
    if len(items) <= n:
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--md", type=Path)
    ap.add_argument("--site", type=Path, help="the site folder, when not OUT/ itself")
    args = ap.parse_args()
    store = ox.Store.read_only(str(args.out / "store"))
    t = time.process_time()
    pages = EntityPages(store)
    prepare = time.process_time() - t
    ents = pages.site.entities
    with_page = sorted(e.file for e in ents.values() if e.page)
    without = sorted(e.file for e in ents.values() if not e.page)
    rows = []
    for kind, names in (("no static page", without), ("static page", with_page)):
        cpu, size = [], []
        for name in _spaced(names, args.pages):
            t = time.process_time()
            html = pages.render(name)
            cpu.append(time.process_time() - t)
            size.append(len(html.encode("utf-8")))
        rows.append((kind, len(names), len(cpu), statistics.median(cpu), max(cpu),
                     statistics.median(size)))  # fmt: skip
    plat = (args.site or args.out) / "platforms.html"
    lines = [
        f"- build: `{args.out}` — {len(pages.site.articles)} articles, {len(ents)} entities "
        f"({len(with_page)} with a static page)",
        f"- prepare `EntityPages` (index, analytics, plan): {prepare:.2f} s CPU",
        "",
        "| entities | of them | rendered | median CPU s | max CPU s | median page bytes |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind, total, n, med, mx, sz in rows:
        lines.append(f"| {kind} | {total} | {n} | {med:.3f} | {mx:.3f} | {sz:,.0f} |")
    if plat.is_file():
        lines += ["", f"- `platforms.html`: {plat.stat().st_size:,} bytes"]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.md:
        with open(args.md, "a", encoding="utf-8") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
