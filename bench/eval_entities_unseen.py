"""Entity precision and recall on unseen SaudiNewsNet articles, against a hand annotation.

Two sets of 12 articles were drawn before anything was run on them (``--select`` repeats the
draw: the August 2015 articles of 1,200–4,500 characters that mention داعش and a platform or
the internet, shuffled with seed 2026; set 1 is the first 12, set 2 the next 12).  The gold
files ``bench/entities_gold_unseen.tsv`` (set 1) and ``bench/entities_gold_unseen2.tsv``
(set 2) list, per article, every person, organisation, place and platform named in it, with
all the forms by which the article names it; annotated by reading, not by any tool.  Set 1's
errors were read to improve the extractors after its first measurement; set 2 was kept apart
for a final check.

For each extraction pipeline (the NER component differs), an extracted entity of one of those
four classes (Country, City and AdministrativeArea count as Place) *matches* a gold entity of
the same article when one of its forms (key, label, aliases, the text of its mentions; folded
as :func:`extract.text.match_key` does; a leading place noun such as مدينة or محافظة
dropped on either side) equals one of the gold forms.  Scores are over
(article, entity) pairs:

- recall: gold entities matched by an extracted entity of the same class;
- precision: extracted entities that match a gold entity of the same class (an extracted
  entity matching a gold entity already matched counts as a *duplicate*, not as correct);
- wrong class: matched a gold entity, but of another class.

    .venv/bin/python bench/eval_entities_unseen.py --set 1   # writes the set's results page
    .venv/bin/python bench/eval_entities_unseen.py --select  # print the draw
"""

from __future__ import annotations

import argparse
import json
import random
import zipfile
from collections import defaultdict
from pathlib import Path

from rasd.extract.patterns import place_nouns
from rasd.extract.pipeline import DEFAULT_PIPELINE, extract_article
from rasd.extract.reader import parse_record
from rasd.extract.records import PLACE_CLASSES, Article, Extraction
from rasd.extract.text import match_key

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
GOLD = {
    1: ROOT / "bench" / "entities_gold_unseen.tsv",
    2: ROOT / "bench" / "entities_gold_unseen2.tsv",
}
REPORT = {
    1: ROOT / "bench" / "entities_unseen_results.md",
    2: ROOT / "bench" / "entities_unseen2_results.md",
}
CLASSES = ("Person", "Organization", "Place", "Platform")
ARTICLES = [
    ("2015-08-06", 265),
    ("2015-08-02", 113),
    ("2015-08-07", 1027),
    ("2015-08-10", 617),
    ("2015-08-02", 308),
    ("2015-08-08", 100),
    ("2015-08-10", 1045),
    ("2015-08-02", 906),
    ("2015-08-09", 801),
    ("2015-08-08", 918),
    ("2015-08-07", 83),
    ("2015-08-09", 910),
]
ARTICLES_2 = [
    ("2015-08-08", 54),
    ("2015-08-11", 620),
    ("2015-08-04", 1056),
    ("2015-08-09", 219),
    ("2015-08-08", 574),
    ("2015-08-02", 370),
    ("2015-08-08", 962),
    ("2015-08-11", 426),
    ("2015-08-11", 92),
    ("2015-08-07", 1103),
    ("2015-08-09", 822),
    ("2015-08-10", 1043),
]
SETS = {1: ARTICLES, 2: ARTICLES_2}
#: pipeline name → the NER component used in place of the default "ner-tags"
PIPELINES = {"crf+nn (default)": "ner-tags", "crf": "ner-tags-crf", "nn": "ner-tags-nn"}
_KEYWORDS = ("تويتر", "التواصل الاجتماعي", "فيسبوك", "يوتيوب", "الإنترنت", "تليجرام")


def select(n: int = 24) -> list[tuple[str, int]]:
    """Repeat the draw of the evaluation articles."""
    cands = []
    for z in sorted(CORPUS.glob("2015-08-*.zip")):
        with zipfile.ZipFile(z) as zf:
            records = json.loads(zf.read(zf.namelist()[0]))
        for i, r in enumerate(records):
            t = r.get("content") or ""
            if "داعش" in t and any(k in t for k in _KEYWORDS) and 1200 <= len(t) <= 4500:
                cands.append((z.stem, i))
    random.Random(2026).shuffle(cands)
    return cands[:n]


def read_gold(path: Path) -> dict[str, list[tuple[str, str, set[str]]]]:
    """article id → [(class, name, folded forms)]."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines[:1] != ["article\tclass\tname\tforms"]:
        raise SystemExit(f"{path}: unexpected header {lines[:1]}")
    out: dict[str, list[tuple[str, str, set[str]]]] = defaultdict(list)
    for n, line in enumerate(lines[1:], start=2):
        parts = line.split("\t")
        if len(parts) != 4 or parts[1] not in CLASSES:
            raise SystemExit(f"{path}:{n}: expected article, class, name, forms: {line!r}")
        art, cls, name, forms = parts
        forms_set = {match_key(f) for f in [name, *forms.split("|")]}
        out[art].append((cls, name, _with_bare_places(forms_set)))
    return out


def _with_bare_places(forms: set[str]) -> set[str]:
    """The forms plus each form without a leading place noun (مدينة أعزاز → أعزاز)."""
    nouns = place_nouns()  # folded, as match_key folds the forms
    out = set(forms)
    for f in forms:
        head, _, rest = f.partition(" ")
        if rest and head in nouns:
            out.add(rest)
    return out


def entity_forms(ex: Extraction) -> list[tuple[str, str, set[str]]]:
    """(class, label, folded forms) of each extracted entity of the four classes."""
    surfaces: dict[str, set[str]] = defaultdict(set)
    for m in ex.mentions:
        surfaces[m.key].add(match_key(ex.article.text[m.start : m.end]))
    out = []
    for e in ex.entities:
        cls = "Place" if e.cls in PLACE_CLASSES else e.cls  # Country, City, … are places
        if cls in CLASSES and e.scope is None:
            forms = {e.key, match_key(e.label), *map(match_key, e.aliases), *surfaces[e.key]}
            out.append((cls, e.label, _with_bare_places(forms)))
    return out


def score(
    gold: list[tuple[str, str, set[str]]], pred: list[tuple[str, str, set[str]]]
) -> dict[str, list]:
    """Match one article's extracted entities to its gold entities."""
    res: dict[str, list] = defaultdict(list)
    matched: set[int] = set()
    for cls, label, forms in sorted(pred, key=lambda p: (p[0], p[1])):
        hits = [k for k, (gc, _n, gf) in enumerate(gold) if gf & forms]
        same = [k for k in hits if gold[k][0] == cls]
        if same:
            new = [k for k in same if k not in matched]
            if new:
                matched.update(new)
                res["correct"].append((cls, label))
            else:
                res["duplicate"].append((cls, label))
        elif hits:
            res["wrong_class"].append((cls, label, gold[hits[0]][0]))
        else:
            res["spurious"].append((cls, label))
    res["missed"] = [(c, n) for k, (c, n, _f) in enumerate(gold) if k not in matched]
    res["gold"] = list(gold)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--select", action="store_true", help="print the draw and exit")
    ap.add_argument("--set", type=int, choices=sorted(SETS), default=1)
    ap.add_argument("--report", help="results page (default: the set's page in bench/)")
    args = ap.parse_args()
    if args.select:
        for n, (day, idx) in enumerate(select()):
            print(f"set {1 + n // 12}: {day}#{idx}")
        return
    gold = read_gold(GOLD[args.set])
    articles: list[tuple[str, Article]] = []
    for day, idx in SETS[args.set]:
        with zipfile.ZipFile(CORPUS / f"{day}.zip") as zf:
            record = json.loads(zf.read(zf.namelist()[0]))[idx]
        articles.append((f"{day}#{idx}", parse_record(record, f"{day}#{idx}")))
    totals: dict[str, dict[str, int]] = {}
    details: dict[str, dict[str, list]] = {}
    for name, component in PIPELINES.items():
        steps = [component if c == "ner-tags" else c for c in DEFAULT_PIPELINE]
        t: dict[str, int] = defaultdict(int)
        d: dict[str, list] = defaultdict(list)
        for art_id, art in articles:
            res = score(gold.get(art_id, []), entity_forms(extract_article(art, steps)))
            for k, v in res.items():
                t[k] += len(v)
                d[k].extend((art_id, *x[:2]) for x in v)
        totals[name] = dict(t)
        details[name] = d
        p = t["correct"] / max(1, t["correct"] + t["spurious"] + t["wrong_class"])
        r = t["correct"] / max(1, t["gold"])
        print(f"{name}: P {p:.3f} R {r:.3f}", dict(t), flush=True)
    report = Path(args.report) if args.report else REPORT[args.set]
    report.write_text(_markdown(totals, details, args.set), encoding="utf-8")
    print("wrote", report)


def _markdown(
    totals: dict[str, dict[str, int]], details: dict[str, dict[str, list]], which: int
) -> str:
    rows = []
    for name, t in totals.items():
        predicted = t.get("correct", 0) + t.get("spurious", 0) + t.get("wrong_class", 0)
        p = t.get("correct", 0) / max(1, predicted)
        r = t.get("correct", 0) / max(1, t["gold"])
        f = 2 * p * r / max(1e-9, p + r)
        rows.append(
            f"| {name} | {t['gold']} | {t.get('correct', 0)} | {t.get('spurious', 0)} | "
            f"{t.get('wrong_class', 0)} | {t.get('duplicate', 0)} | {p:.2f} | {r:.2f} | {f:.2f} |"
        )
    default = details["crf+nn (default)"]

    def listing(kind: str) -> list[str]:
        items = sorted(default.get(kind, []))
        return [f"- {art}: {cls} {label}" for art, cls, label in items] or ["- (none)"]

    return "\n".join(
        [
            f"# Entities on 12 unseen SaudiNewsNet articles (set {which}) — hand-annotated gold",
            "",
            f"Generated by `bench/eval_entities_unseen.py --set {which}`; do not edit by hand. "
            f"Gold: `bench/{GOLD[which].name}` (see the script's docstring for how the articles "
            "were drawn and how entities are matched).",
            "",
            "| pipeline NER | gold | correct | spurious | wrong class | duplicates | P | R | F1 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            "Duplicates (a second node for an entity already found) are not counted in P.",
            "",
            "## Default pipeline: gold entities missed",
            "",
            *listing("missed"),
            "",
            "## Default pipeline: extracted entities not in the gold",
            "",
            *listing("spurious"),
            "",
            "## Default pipeline: wrong class (extracted class, label)",
            "",
            *listing("wrong_class"),
            "",
            "## Default pipeline: duplicates",
            "",
            *listing("duplicate"),
            "",
        ]
    )


if __name__ == "__main__":
    main()
