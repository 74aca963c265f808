"""Show why rasd misses gold platform links and control relations (issue 11, dev corpora).

For each gold row of ``bench/<corpus>_platforms.tsv`` / ``<corpus>_control.tsv`` that
``bench/eval_unseen3.py`` does not find (or every row, with ``--all``), prints the sentence
holding its evidence with rasd's mentions marked inline as ``[surface|Class]`` and the
relations rasd drew from that sentence, so that the cause of the miss (no entity, wrong
class, cue not covered, actor too far …) can be read and counted by hand.  Extraction only
(no resolution across articles): a row found by the scorer through resolution may be listed
as missed here only with ``--all``.

    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/relations_misses.py \
        --corpus unseen5 [--kind platforms|control] [--article u05] [--all]

Only the dev corpora (``eval_unseen3.DEV_CORPORA``) may be read; ``HELD_OUT`` is held out.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import eval_unseen3 as ev  # the scorer beside this script (bench/ is on the path)

from rasd.extract.pipeline import extract_article
from rasd.extract.records import Extraction
from rasd.extract.text import fold

BENCH = Path(__file__).resolve().parent
ALLOWED = ev.DEV_CORPORA


def locate(text: str, evidence: str) -> int:
    """Offset of the evidence (its longest piece between «...») in the text, or -1."""
    pieces = sorted((p.strip() for p in evidence.split("...")), key=len, reverse=True)
    for p in pieces:
        words = p.split()
        for n in range(len(words), 1, -1):  # drop words from the end until it is found
            at = text.find(" ".join(words[:n]))
            if at >= 0:
                return at
    folded = fold(text)
    for p in pieces:
        at = folded.find(fold(p))
        if at >= 0:
            return at
    return -1


def marked(ex: Extraction, start: int, end: int) -> str:
    """The text of ``[start, end)`` with each mention as ``[surface|Class]``."""
    text = ex.article.text
    out, pos = [], start
    for m in sorted(ex.mentions, key=lambda m: m.start):
        if m.start < pos or m.end > end:
            continue
        out += [text[pos : m.start], f"[{text[m.start : m.end]}|{m.cls}]"]
        pos = m.end
    out.append(text[pos:end])
    return " ".join("".join(out).split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="unseen5", choices=ALLOWED)
    ap.add_argument("--kind", choices=("platforms", "control"))
    ap.add_argument("--article", action="append", default=[])
    ap.add_argument("--all", action="store_true", help="every gold row, found or not")
    args = ap.parse_args()
    gold = ev.read_gold(ev.BENCH, args.corpus)
    listed = ev.article_list(ev.BENCH / f"{args.corpus}_articles.tsv")
    kinds = [args.kind] if args.kind else ["platforms", "control"]
    wanted = {
        r["n"]
        for r in listed
        if any(gold.of(k, r["n"]) for k in kinds) and (not args.article or r["n"] in args.article)
    }
    for r in listed:
        if r["n"] not in wanted:
            continue
        ex = extract_article(ev.load_article(r))
        out = ev.Output([ex])
        for kind in kinds:
            obj_col = "object" if kind == "platforms" else "place"
            family = ev.PLATFORM_PREDICATES if kind == "platforms" else ev.CONTROL_PREDICATES
            mapping = ev.PLATFORM_RELATIONS if kind == "platforms" else ev.CONTROL_RELATIONS
            for row in gold.of(kind, r["n"]):
                found, _ = ev.relation_found(out, ex, gold, r["n"], row, obj_col, family, mapping)
                if found and not args.all:
                    continue
                head = f"{'found' if found else 'MISSED'} {r['n']} {row['subject']} "
                print(f"\n## {head}{row['relation']} {row[obj_col]} | {row['evidence']}")
                at = locate(ex.article.text, row["evidence"])
                sents = [s for s in ex.sentences if s.start <= at < s.end] if at >= 0 else []
                if not sents:
                    print("   (evidence not located)")
                    continue
                s = sents[0]
                print("   " + marked(ex, s.start, s.end))
                for rel in ex.relations:
                    if rel.sentence == s.index:
                        print(f"   -> {rel.subject} {rel.predicate} {rel.obj} ({rel.layer})")


if __name__ == "__main__":
    main()
