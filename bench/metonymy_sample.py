"""Capitals read as their state on unannotated news: a precision check outside the gold.

Draws ``--n`` SaudiNewsNet articles (seeded shuffle) that are in none of the annotated article
lists (``bench/relations_sample.sample``, so no held-out text is read) and that name a
capital of ``extract/data/capitals.tsv``, runs rasd's extraction and prints each capital
mention with its context: ``STATE`` when it took its country's key (layer ``metonymy``),
``place`` when it stayed the city.  Judged by hand.

    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/metonymy_sample.py --n 120 --seed 11
"""

from __future__ import annotations

import argparse

from relations_sample import sample

from rasd.extract.metonymy import capital_countries
from rasd.extract.pipeline import extract_many
from rasd.extract.reader import parse_record
from rasd.extract.resources import Capital, load_table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    names = [r.capital for r in load_table("capitals.tsv", Capital)]
    found = sample(args.n, args.seed, lambda text: any(n in text for n in names))
    articles = [parse_record(rec, f"{z}#{i}") for z, i, rec in found]
    caps = capital_countries()
    counts = {"STATE": 0, "place": 0}
    for a, ex in zip(articles, extract_many(articles), strict=True):
        if not hasattr(ex, "mentions"):
            continue
        for m in ex.mentions:
            if m.layer == "metonymy" or m.key in caps:
                kind = "STATE" if m.layer == "metonymy" else "place"
                counts[kind] += 1
                ctx = " ".join(a.text[max(0, m.start - 50) : m.end + 40].split())
                print(f"{kind}\t{a.source}\t{m.surface}\t{ctx}")
    print(f"# {len(articles)} articles: {counts}")


if __name__ == "__main__":
    main()
