"""Platform precision (plat22, issue 11): the Platform family (Platform, Website, Account).

Two measures:

``nodes OUT/graph.ttl`` lists every Platform, Website and Account node of a build with its
label, aliases, number of mentions, links (usesPlatform, onPlatform, publishesOn,
hasAccountOn, operates) and the first mention's sentence around it (40 characters each side),
as TSV; ``--json`` also writes them. Judge each node by hand (real platform, site, app,
channel or account vs anything else) to get node and mention-weighted precision
(``bench/plat22_results.md``).

``classes`` scores the Platform family's entities on every spent dev corpus
(``eval_unseen3.DEV_CORPORA``; never the held-out one), from the details of
``eval_unseen3.score_entities``: correct, duplicates in an article, wrong class, spurious,
missed, and P/R.

    PYTHONPATH=$PWD .venv/bin/python bench/platform_precision.py nodes /tmp/plat22/before/graph.ttl
    PYTHONPATH=$PWD .venv/bin/python bench/platform_precision.py classes
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
R = "https://w3id.org/rasd/"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
CLASSES = {f"<{R}ns#{c}>": c for c in ("Platform", "Website", "Account")}
LINKS = ("usesPlatform", "onPlatform", "publishesOn", "hasAccountOn", "operates")
_LITERAL = re.compile(r'^"((?:[^"\\]|\\.)*)"')


def _literal(term: str) -> str:
    m = _LITERAL.match(term)
    return json.loads('"' + m.group(1) + '"', strict=False) if m else term


def nodes(graph: Path) -> list[dict]:
    """The Platform-family nodes of an N-Triples-like ``graph.ttl`` (one triple a line)."""
    cls: dict[str, str] = {}
    labels: dict[str, list[str]] = defaultdict(list)
    alts: dict[str, list[str]] = defaultdict(list)
    refers: dict[str, str] = {}
    surface: dict[str, str] = {}
    sentence_of: dict[str, str] = {}
    text: dict[str, str] = {}
    links: dict[str, int] = defaultdict(int)
    link_preds = {f"<{R}ns#{p}>" for p in LINKS}
    with graph.open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith("<"):
                continue
            s, p, o = line.rstrip(" .\n").split(" ", 2)
            if p == TYPE and o in CLASSES:
                cls[s] = CLASSES[o]
            elif p.endswith("rdf-schema#label>") and o.endswith('"@ar'):
                labels[s].append(_literal(o))
            elif p.endswith("core#altLabel>"):
                alts[s].append(_literal(o))
            elif p == f"<{R}ns#refersTo>":
                refers[s] = o
            elif p == f"<{R}ns#surface>":
                surface[s] = _literal(o)
            elif p == f"<{R}ns#inSentence>":
                sentence_of[s] = o
            elif p == "<https://schema.org/text>" and s.startswith(f"<{R}sentence/"):
                text[s] = _literal(o)
            elif p in link_preds and s.startswith(f"<{R}id/"):
                links[o] += 1
    mentions: dict[str, list[str]] = defaultdict(list)
    for m, e in refers.items():
        if e in cls:
            mentions[e].append(m)
    out = []
    for e, c in cls.items():
        ms = sorted(mentions[e])
        evidence = ""
        if ms:
            t, surf = text.get(sentence_of.get(ms[0], ""), ""), surface.get(ms[0], "")
            i = t.find(surf)
            evidence = t[max(0, i - 40) : i + len(surf) + 40] if i >= 0 else t[:80]
        out.append(
            {
                "iri": e.strip("<>"),
                "class": c,
                "label": labels[e][0] if labels[e] else "",
                "aliases": alts[e],
                "mentions": len(ms),
                "links": links[e],
                "surfaces": sorted({surface.get(m, "") for m in ms}),
                "evidence": " ".join(evidence.split()),
            }
        )
    out.sort(key=lambda d: (d["class"], -d["mentions"], d["label"]))
    return out


def classes() -> dict[str, dict[str, int]]:
    """Platform-family entity counts on each spent dev corpus split."""
    sys.path.insert(0, str(BENCH))
    from eval_transfer import _runs, _scorer

    ev = _scorer()
    runs, _transfer = _runs(ev)
    rows: dict[str, dict[str, int]] = {}
    for corpus, split in runs:
        listed = ev.article_list(BENCH / f"{corpus}_articles.tsv")
        gold = ev.read_gold(BENCH, corpus)
        done = ev._annotated(gold)
        chosen = [r for r in listed if r["split"] == split and r["n"] in done]
        arts = [(r["n"], ev.extract_article(ev.load_article(r))) for r in chosen]
        result = ev.score_entities(gold, arts)
        details = result["details"]
        gold_n = sum(
            ev._family(r["class"]) == "Platform"
            for art, _ex in arts
            for r in gold.of("entities", art)
        )
        fam = {
            kind: [d for d in details.get(kind, []) if d.split()[1:2] == ["Platform"]]
            for kind in ("missed", "duplicate in article", "wrong class", "spurious")
        }
        missed = len(fam["missed"])
        row = {
            "gold": gold_n,
            "correct": gold_n - missed,
            "duplicate": len(fam["duplicate in article"]),
            "wrong class": len(fam["wrong class"]),
            "spurious": len(fam["spurious"]),
            "missed": missed,
        }
        rows[f"{corpus}/{split}"] = row
        for d in fam["spurious"] + fam["wrong class"]:
            print(f"{corpus}/{split}\t{d}", file=sys.stderr)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    n = sub.add_parser("nodes")
    n.add_argument("graph", type=Path)
    n.add_argument("--json", type=Path)
    sub.add_parser("classes")
    args = ap.parse_args()
    if args.cmd == "nodes":
        found = nodes(args.graph)
        if args.json:
            args.json.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
        for d in found:
            cells = (d["class"], d["mentions"], d["links"], d["label"], "|".join(d["aliases"]))
            print("\t".join(map(str, cells)) + "\t" + d["evidence"])
        return
    rows = classes()
    total: dict[str, int] = defaultdict(int)
    for r in rows.values():
        for k, v in r.items():
            total[k] += v
    rows["sum"] = dict(total)
    print("| split | gold | correct | dup in article | wrong class | spurious | P | R |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in rows.items():
        pred = r["correct"] + r["duplicate"] + r["wrong class"] + r["spurious"]
        p = f"{r['correct'] / pred:.2f}" if pred else "n/a"
        rec = f"{r['correct'] / r['gold']:.2f}" if r["gold"] else "n/a"
        cells = [r[k] for k in ("gold", "correct", "duplicate", "wrong class", "spurious")]
        print(f"| {name} | " + " | ".join(map(str, cells)) + f" | {p} | {rec} |")


if __name__ == "__main__":
    main()
