"""Benchmark extraction on real news, per component, and the mapping to N-Quads (per article).

The whole build (store, Turtle, pages, incremental, queries) is `bench/bench_archive.py`.

Usage (from the repository root):

    .venv/bin/python bench/bench_build.py --zip ../shared/corpora/saudinewsnet/2015-07-21.zip \
        --limit 1000 --repeat 3

Prints medians over ``--repeat`` runs (extraction in CPU seconds of this process: one article
at a time with per-component timings, then :func:`~extract.pipeline.extract_many` over batches
of ``--batch`` articles as the build's workers run it); write the numbers into
``bench/build_results.md`` with the command.  Nothing here is a test: these machines are
noisy, so only medians and ratios are quoted.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from pathlib import Path

from rasd.extract.doc import Doc
from rasd.extract.pipeline import COMPONENTS, DEFAULT_PIPELINE, extract_many
from rasd.extract.reader import read_file
from rasd.extract.records import Article
from rasd.extract.resolve import resolve
from rasd.graph.build import article_nquads


def timed_extract(articles: list[Article]) -> tuple[list, dict[str, float]]:
    per: dict[str, float] = defaultdict(float)
    out = []
    for a in articles:
        doc = Doc.from_article(a)
        for name in DEFAULT_PIPELINE:
            t = time.perf_counter()
            COMPONENTS[name].fn(doc)
            per[name] += time.perf_counter() - t
        out.append(doc.freeze())
    return out, per


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--zip", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch", type=int, default=8, help="articles per extract_many call")
    args = ap.parse_args()

    t = time.perf_counter()
    articles = [a for a in read_file(args.zip) if isinstance(a, Article)][: args.limit]
    read_s = time.perf_counter() - t
    chars = sum(len(a.text) for a in articles)
    # warm the caches (lexicon automaton, NER model) once, outside the timings
    timed_extract(articles[:2])

    runs: dict[str, list[float]] = defaultdict(list)
    comp: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.repeat):
        t = time.process_time()
        exs, per = timed_extract(articles)
        runs["extract"].append(time.process_time() - t)
        t = time.process_time()
        for i in range(0, len(articles), args.batch):  # as the build's workers do
            extract_many(articles[i : i + args.batch])
        runs[f"extract_many({args.batch})"].append(time.process_time() - t)
        for k, v in per.items():
            comp[k].append(v)
        t = time.perf_counter()
        ents = resolve(exs)
        runs["resolve"].append(time.perf_counter() - t)
        t = time.perf_counter()
        parts = [article_nquads(ex) for ex in exs]  # what the build's workers write
        runs["rdf"].append(time.perf_counter() - t)
        triples = sum(n for _text, n in parts)
        size = sum(len(text.encode("utf-8")) for text, _n in parts)

    n = len(articles)
    print(f"articles: {n}  characters: {chars:,}  read (whole zip): {read_s:.2f} s")
    for k, v in runs.items():
        med = statistics.median(v)
        print(f"{k:16} median {med:7.2f} s   {n / med:8.1f} articles/s")
    print(f"article triples: {triples:,}  N-Quads: {size / 1e6:.1f} MB  entities: {len(ents):,}")
    print("extract by component (median s, share):")
    total = sum(statistics.median(v) for v in comp.values())
    for k in DEFAULT_PIPELINE:
        med = statistics.median(comp[k])
        print(f"  {k:10} {med:7.2f} s  {100 * med / total:5.1f} %")


if __name__ == "__main__":
    main()
