"""Missed and spurious entities of every spent corpus, tabulated by class and by why.

Runs rasd on each split of every dev corpus (``eval_unseen3.DEV_CORPORA``: unseen3–17; the
held-out corpus is never run), scores it with :func:`eval_unseen3.score_entities` (the same
matching as the transfer check) and sorts each error it lists into one reason:

missed (a gold entity no node of its family matched):

- ``wrong class``: a node of another family has one of its forms (Person read as a Place …);
- ``unnamed source``: only an article-scoped node (an unnamed source) has one of its forms;
- ``boundary short`` / ``boundary long`` / ``boundary overlap``: a mention overlaps a place in
  the text where a gold form is written, but its span is inside it / covers more / crosses it;
- ``exact mention, no node``: a mention covers a gold form exactly but no scored node has it
  (a class the scorer does not count, or a mention dropped at resolution);
- ``no mention, lexicon form``: a gold form that is a lexicon label or alias is written in the
  text with no mention on it (the lexicon matcher or its filters missed it);
- ``no mention``: a gold form is written in the text, no mention on it, no lexicon form
  (the NER and the patterns missed it);
- ``merged: one node, two gold entities``: counted from the totals (gold − right − missed):
  one node matched two gold entities of its family, so one of them is not recalled;
- ``form not in text``: no gold form is found written in the text (word by word, after the
  clitics و ف ب ل ك ال): metonymy, a pronoun, an annotator's id not in the text …

spurious (a node that matched no gold entity; counted in precision):

- ``wrong class``: its forms are a gold entity's of another family;
- ``boundary``: one of its mentions overlaps a gold form written in the text;
- ``no gold: LAYER``: nothing of the gold there; LAYER is its mentions' first layer
  (``ner``, ``lexicon``, ``pattern`` …) — the entity the annotators did not list.

    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/entity_classes.py [--show REASON] [--json F]

prints one table per side (reason × corpus, with the total; the duplicate nodes across a split,
as ``eval_unseen3`` counts them, by family) and with ``--show`` every error of that reason
(``art family name``; for a family, its duplicate nodes ``family gold-id: key / key``), unseen17
first.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from eval_transfer import _runs, _scorer  # beside this script (bench/ is on the path)

from rasd.extract.lexicon import alias_index
from rasd.extract.text import match_key

BENCH = Path(__file__).resolve().parent
_WORD = re.compile(r"\w+")


def _bare(word: str) -> set[str]:
    """A folded word and the word without the clitics before it (و/ف, then ب/ل/ك, then ال;
    لل is ل + ال): «وللأمم» gives الامم and امم too."""
    out = {word}
    for conj in ("", "و", "ف"):
        if not word.startswith(conj):
            continue
        w1 = word[len(conj) :]
        for prep in ("", "ب", "ل", "ك"):
            if not w1.startswith(prep):
                continue
            w2 = w1[len(prep) :]
            if len(w2) >= 2:
                out.add(w2)
            if prep == "ل" and w2.startswith("ل") and len(w2) >= 3:  # لل = ل + ال
                out |= {"ال" + w2[1:], w2[1:]}
            if w2.startswith("ال") and len(w2) >= 4:
                out.add(w2[2:])
    return out


def occurrences(text: str, forms: set[str]) -> list[tuple[int, int]]:
    """Character spans of ``text`` where one of the folded ``forms`` is written, word by word
    (each word folded, a clitic before it allowed)."""
    words = [(m.start(), m.end(), _bare(match_key(m.group()))) for m in _WORD.finditer(text)]
    out = []
    for form in sorted(forms):
        parts = form.split()
        if not parts:
            continue
        n = len(parts)
        for i in range(len(words) - n + 1):
            if all(parts[j] in words[i + j][2] for j in range(n)):
                out.append((words[i][0], words[i + n - 1][1]))
    return out


def _entity_forms(ev, ex, e) -> set[str]:
    """The forms :func:`eval_unseen3.score_entities` gives a node."""
    surfaces = {match_key(ex.article.text[m.start : m.end]) for m in ex.mentions if m.key == e.key}
    return ev.with_bare_places({e.key, match_key(e.label), *map(match_key, e.aliases), *surfaces})


def why_missed(ev, gold, art: str, ex, fam: str, eid: str) -> str:
    forms = ev.gold_forms(gold, art, eid)
    for e in ex.entities:
        f = ev._family(e.cls)
        if forms & _entity_forms(ev, ex, e):
            if e.scope is not None:
                return "unnamed source"
            if f != fam:
                return "wrong class"
    occ = occurrences(ex.article.text, forms)
    if not occ:
        return "form not in text"
    best = ""
    for s, t in occ:
        for m in ex.mentions:
            if m.end <= s or m.start >= t:
                continue
            if (m.start, m.end) == (s, t):
                return "exact mention, no node"
            kind = (
                "boundary short"
                if s <= m.start and m.end <= t
                else "boundary long"
                if m.start <= s and t <= m.end
                else "boundary overlap"
            )
            best = best or kind
    if best:
        return best
    written = [f for f in forms & set(alias_index()) if occurrences(ex.article.text, {f})]
    return "no mention, lexicon form" if written else "no mention"


def why_spurious(ev, gold, art: str, ex, label: str) -> str:
    ents = [e for e in ex.entities if e.label == label and e.scope is None]
    mentions = [m for m in ex.mentions if ents and m.key in {e.key for e in ents}]
    allforms = set()
    for r in gold.of("entities", art):
        allforms |= ev.gold_forms(gold, art, r["entity_id"])
    occ = occurrences(ex.article.text, allforms)
    for m in mentions:
        if any(not (m.end <= s or m.start >= t) for s, t in occ):
            return "boundary"
    return "no gold: " + (mentions[0].layer if mentions else "none")


def classify() -> dict:
    ev = _scorer()
    runs, _transfer = _runs(ev)
    out: dict = {
        "missed": defaultdict(Counter),
        "spurious": defaultdict(Counter),
        "duplicate": defaultdict(Counter),
        "items": [],
    }
    for corpus, split in runs:
        listed = ev.article_list(BENCH / f"{corpus}_articles.tsv")
        gold = ev.read_gold(BENCH, corpus)
        done = ev._annotated(gold)
        chosen = [r for r in listed if r["split"] == split and r["n"] in done]
        arts = dict((r["n"], ev.extract_article(ev.load_article(r))) for r in chosen)
        scored = ev.score_entities(gold, list(arts.items()))
        details, tot = scored["details"], scored["totals"]
        # a node matching two gold entities counts one right and leaves no gold row missed
        merged = tot.get("gold", 0) - tot.get("correct", 0) - len(details.get("missed", []))
        out["missed"]["merged: one node, two gold entities"][corpus] += merged
        for line in details.get("missed", []):
            art, fam, eid = line.split(" ", 2)
            why = why_missed(ev, gold, art, arts[art], fam, eid)
            out["missed"][why][corpus] += 1
            out["items"].append(("missed", why, corpus, f"{art} {fam} {eid}"))
        for line in details.get("spurious", []):
            art, fam, label = line.split(" ", 2)
            why = why_spurious(ev, gold, art, arts[art], label)
            out["spurious"][why][corpus] += 1
            out["items"].append(("spurious", why, corpus, f"{art} {fam} {label}"))
        for line in details.get("wrong class", []):
            out["spurious"]["wrong class"][corpus] += 1
            out["items"].append(("spurious", "wrong class", corpus, line))
        for line in details.get("duplicate nodes", []):
            fam = line.split(" ", 1)[0]
            out["duplicate"][fam][corpus] += line.count(" / ")
            out["items"].append(("duplicate", fam, corpus, line))
        print(f"{corpus}/{split} done", flush=True)
    return out


def table(side: dict[str, Counter], corpora: list[str]) -> list[str]:
    short = [c.removeprefix("unseen") for c in corpora]
    lines = [
        "| reason | " + " | ".join(short) + " | total | corpora with it |",
        "|---" * (len(corpora) + 3) + "|",
    ]
    for why, by in sorted(side.items(), key=lambda kv: -sum(kv[1].values())):
        cells = [str(by.get(c, 0)) for c in corpora]
        n = sum(by.values())
        lines.append(f"| {why} | " + " | ".join(cells) + f" | {n} | {len(by)} |")
    tot = [str(sum(by.get(c, 0) for by in side.values())) for c in corpora]
    all_n = sum(sum(by.values()) for by in side.values())
    lines.append("| **all** | " + " | ".join(tot) + f" | {all_n} | |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="append", default=[], help="print the errors of a reason")
    ap.add_argument("--json", type=Path, help="also write every error here")
    args = ap.parse_args()
    res = classify()
    corpora = sorted({c for _s, _w, c, _x in res["items"]}, key=lambda c: int(c[6:]))
    for side in ("missed", "spurious", "duplicate"):
        print(f"\n### {side}\n")
        print("\n".join(table(res[side], corpora)))
    for reason in args.show:
        print(f"\n## {reason}")
        items = [x for x in res["items"] if x[1] == reason]
        items.sort(key=lambda x: (x[2] != "unseen17", x[2]))
        print("\n".join(f"{s} {c} {x}" for s, _w, c, x in items))
    if args.json:
        args.json.write_text(json.dumps(res["items"], ensure_ascii=False, indent=0))


if __name__ == "__main__":
    main()
