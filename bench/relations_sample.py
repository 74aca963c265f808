"""Platform and control links on unannotated news: a precision check outside the gold (issue 11).

Draws ``--n`` SaudiNewsNet articles (seeded shuffle) that are in none of the article lists of
the annotated corpora (``bench/unseen*_articles.tsv``, the held-out corpus included, so that no
held-out text is read) and that contain at least two platform or control words, runs rasd's
extraction on them and writes every platform/control relation with its sentence to a JSON
file.  With ``--before OLD.json`` (the same sample run by another checkout), it prints the
links added and removed, to be judged by hand.

    PYTHONPATH=/work/main /work/main/.venv/bin/python bench/relations_sample.py --out /tmp/a.json
    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/relations_sample.py --out /tmp/b.json \\
        --before /tmp/a.json
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

from rasd.extract.pipeline import extract_many
from rasd.extract.reader import parse_record

BENCH = Path(__file__).resolve().parent
CORPUS = BENCH.parent.parent / "shared" / "corpora" / "saudinewsnet"
FAMILY = frozenset(
    {
        "usesPlatform",
        "publishesOn",
        "hasAccountOn",
        "actedAgainst",
        "operates",
        "onPlatform",
        "controls",
        "seized",
        "lostControlOf",
        "regainedControlOf",
    }
)
WORDS = ("تويتر", "فيسبوك", "يوتيوب", "حسابه", "سيطر", "احتل", "استولى", "الإنترنت", "تغريد")


def annotated() -> set[object]:
    """(zip, index) and URL of every article listed in a ``bench/unseen*_articles.tsv``."""
    out: set[object] = set()
    for path in sorted(BENCH.glob("unseen*_articles.tsv")):
        with path.open(encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                out |= {(r["zip"], int(r["index"])), r["url"]}
    return out


def _two_words(text: str) -> bool:
    return sum(w in text for w in WORDS) >= 2


def sample(
    n: int, seed: int, keep: Callable[[str], bool] = _two_words
) -> list[tuple[str, int, dict]]:
    """The drawn articles as (zip, index, record): ``n`` of the unannotated articles whose
    content ``keep`` accepts (default: at least two platform or control words), in a seeded
    shuffle."""
    skip = annotated()
    found = []
    for z in sorted(CORPUS.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            records = json.loads(zf.read(zf.namelist()[0]))
        for i, rec in enumerate(records):
            if (z.stem, i) in skip or (rec.get("url") or "").strip() in skip:
                continue
            if keep(rec.get("content") or ""):
                found.append((z.stem, i, rec))
    random.Random(seed).shuffle(found)
    return found[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--before", type=Path, help="a JSON written by an earlier run, to compare")
    ap.add_argument("--n", type=int, default=250)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    drawn = sample(args.n, args.seed)
    articles = [parse_record(rec, f"{z}#{i}") for z, i, rec in drawn]
    links: dict[str, list[list[str]]] = {}
    for a, ex in zip(articles, extract_many(articles), strict=True):
        if not hasattr(ex, "relations"):
            continue  # an ExtractError: the article is skipped, as a build would
        links[a.source] = [
            [r.subject, r.predicate, r.obj, " ".join(a.text[r.start : r.end].split())[:400]]
            for r in ex.relations
            if r.predicate in FAMILY
        ]
    args.out.write_text(json.dumps(links, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(articles)} articles, {sum(map(len, links.values()))} links -> {args.out}")
    if args.before:
        old = json.loads(args.before.read_text(encoding="utf-8"))
        print(f"before: {sum(map(len, old.values()))} links")
        for src in links:
            was = {tuple(x[:3]) for x in old.get(src, [])}
            now = {tuple(x[:3]) for x in links[src]}
            for mark, rows, other in (("+", links[src], was), ("-", old.get(src, []), now)):
                for s, p, o, sent in rows:
                    if (s, p, o) not in other:
                        print(f"{mark} {src} {s} {p} {o} | {sent[:200]}")


if __name__ == "__main__":
    main()
