"""Check that :func:`extract.pipeline.extract_article` gives the same Extraction as before a
change (for performance work that must not change behaviour).

``--save`` writes one SHA-256 per article (of the Extraction's ``repr``, which holds every
field: sentences, mentions, entities, claims, relations, dates, events, warnings) to a JSON
file outside the repository's tracked files (``bench/out/``); ``--check`` (the default when
that file exists) recomputes them and lists the articles that differ.  No corpus text is
stored, only hashes and article ids.

Articles: the five seeds (``../shared/seeds``) and ``--n`` SaudiNewsNet articles taken
evenly from every zip of the corpus (every ``--stride``-th article of each JSON array).

    # on the code before the change
    PYTHONPATH=$PWD .venv/bin/python bench/check_extract_identical.py --save
    # after it
    PYTHONPATH=$PWD .venv/bin/python bench/check_extract_identical.py
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora" / "saudinewsnet"
DEFAULT_SEEDS = SHARED / "seeds"
DEFAULT_OUT = ROOT / "bench" / "out" / "extract_hashes.json"


def corpus_articles(corpus: str | Path, n: int, stride: int = 37) -> Iterator:
    """``n`` SaudiNewsNet articles as :class:`~extract.records.Article`, spread over every zip
    (round robin over the zips, every ``stride``-th article of each); unreadable records are
    skipped."""
    from rasd.extract.errors import RasdError
    from rasd.extract.reader import parse_record

    arrays = []
    for path in sorted(Path(corpus).glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for name in sorted(zf.namelist()):
                if name.endswith(".json"):
                    arrays.append((f"{path.name}/{name}", json.loads(zf.read(name))))
    made = 0
    k = 0
    while made < n:
        progressed = False
        for source, records in arrays:
            i = k * stride
            if i >= len(records):
                continue
            progressed = True
            try:
                yield parse_record(records[i], f"{source}#{i}")
            except RasdError:
                continue
            made += 1
            if made >= n:
                return
        if not progressed:
            return
        k += 1


def seed_articles(seeds: str | Path) -> list:
    """The seed articles (one per ``.txt`` file)."""
    from rasd.extract.reader import read_file

    return [a for p in sorted(Path(seeds).glob("*.txt")) for a in read_file(p)]


def digest(obj: object) -> str:
    """SHA-256 of ``repr(obj)`` (records are frozen dataclasses of tuples: a stable repr)."""
    return hashlib.sha256(repr(obj).encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--seeds", default=str(DEFAULT_SEEDS))
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--save", action="store_true", help="write the reference hashes")
    args = ap.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != "0":  # set iteration order must not differ
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])

    from rasd.extract.pipeline import extract_article

    articles = [*seed_articles(args.seeds), *corpus_articles(args.corpus, args.n)]
    hashes = {a.id: digest(extract_article(a)) for a in articles}
    out = Path(args.out)
    if args.save or not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(hashes, indent=0, sort_keys=True), encoding="utf-8")
        print(f"saved {len(hashes)} extraction hashes to {out}")
        return 0
    ref = json.loads(out.read_text(encoding="utf-8"))
    missing = sorted(set(ref) ^ set(hashes))
    differ = sorted(k for k in set(ref) & set(hashes) if ref[k] != hashes[k])
    print(f"{len(hashes)} articles: {len(differ)} differ, {len(missing)} not in both runs")
    for k in differ[:20]:
        print("  differs:", k)
    return 1 if differ or missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
