"""Claim precision and recall on a dozen unseen SaudiNewsNet articles, against a hand count.

``bench/claims_gold_unseen.tsv`` lists, for 12 articles about ISIS and social media read by
hand, every statement attributed to an identifiable speaker (a named person, an organisation,
an anonymous source or a document): a fragment of its text and a fragment of the speaker's
name.  An extracted claim is correct when its text contains a gold fragment of the same
article and its speaker's name contains that gold speaker fragment (after folding).  Usage:

    .venv/bin/python bench/eval_claims_unseen.py [--show]
"""

from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path

from rasd.extract.pipeline import extract_article
from rasd.extract.reader import parse_record
from rasd.extract.text import fold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
ARTICLES = [
    ("2015-07-21", 1378),
    ("2015-07-21", 1746),
    ("2015-07-22", 519),
    ("2015-07-22", 1738),
    ("2015-07-23", 20),
    ("2015-07-23", 1101),
    ("2015-07-21", 817),
    ("2015-07-21", 882),
    ("2015-07-21", 2073),
    ("2015-07-21", 953),
    ("2015-07-23", 991),
    ("2015-07-23", 892),
]


def gold() -> dict[str, list[tuple[list[str], str]]]:
    rows = (ROOT / "bench" / "claims_gold_unseen.tsv").read_text(encoding="utf-8").splitlines()
    out: dict[str, list[tuple[list[str], str]]] = {}
    for line in rows[1:]:
        art, speaker, frag = line.split("\t")
        out.setdefault(art, []).append(([fold(s) for s in speaker.split("|")], fold(frag)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print every claim with its verdict")
    args = ap.parse_args()
    g = gold()
    tp = fp = 0
    found_gold: set[tuple[str, int]] = set()
    for day, idx in ARTICLES:
        with zipfile.ZipFile(CORPUS / f"{day}.zip") as zf:
            record = json.loads(zf.read(zf.namelist()[0]))[idx]
        key = f"{day}#{idx}"
        ex = extract_article(parse_record(record, key))
        labels = {e.key: e.label for e in ex.entities}
        for c in ex.claims:
            text = fold(c.text)
            names = [fold(labels.get(s, s)) for s in c.speakers]
            hit = None
            for n, (speakers, frag) in enumerate(g.get(key, [])):
                if frag in text and any(sp in nm for sp in speakers for nm in names):
                    hit = n
                    break
            if hit is None:
                fp += 1
            else:
                tp += 1
                found_gold.add((key, hit))
            if args.show:
                verdict = "OK " if hit is not None else "BAD"
                print(verdict, key, "|", " + ".join(names), "|", c.text[:90])
    total = sum(len(v) for v in g.values())
    if args.show:
        for key, items in g.items():
            for n, (speakers, frag) in enumerate(items):
                if (key, n) not in found_gold:
                    print("MISS", key, "|", speakers[0], "|", frag)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = len(found_gold) / total if total else 0.0
    print(f"claims extracted: {tp + fp}; correct: {tp}; precision {p:.2f}")
    print(f"gold statements: {total}; found: {len(found_gold)}; recall {r:.2f}")


if __name__ == "__main__":
    main()
