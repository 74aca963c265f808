"""Tabulate the unresolved and wrong-speaker claims of every spent corpus by class (issue 11).

The twentieth speaker round reads the errors of every spent corpus (unseen3–unseen17) to fix
what is *frequent*.  This script runs rasd on each (corpus, split) exactly as
``bench/eval_transfer.py`` does, matches claims to gold statements with
``eval_unseen3.match_claims`` and judges speakers with ``eval_unseen3.speaker_right`` (nothing
of the scoring is redone here), then puts every matched claim whose speaker is wrong in one
class:

- ``unresolved`` claims (no author) by the gold speaker kind and, for a named speaker, where
  its name stands: a rasd mention of it in the claim's sentence before the claim
  (``candidate in sentence``), only in an earlier sentence (``named earlier``), only after
  the claim start (``named after``), or nowhere as a mention although its forms are in the
  text before (``not a mention (NER)``) or not even that (``title/pronoun only``);
- ``wrong`` claims (an author that is not the gold speaker) by the gold kind and the author's
  class, and for a named gold speaker with a mention before the claim: whether the author's
  nearest mention before the claim is nearer than the gold speaker's (``took a nearer
  name``) or farther (``took a farther name``); ``gold not a mention`` otherwise;
  a gold ``none`` (passive cue) given an author is ``author for none``.

Each class is counted per corpus, in total and by the number of corpora it occurs in; the
gold cue (folded, و/ف dropped, its first word) is counted per error kind.  ``--sample CLASS``
prints the claims of one class (article, sid, gold speaker, rasd's authors, the 120
characters before the claim) to read a sample.  unseen18 (held out) is never run.

    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/speaker_classes.py [--cache F] \
        [--sample "wrong: named Person / took a nearer name"] [--corpus unseen17]

``--cache`` pickles the extractions on first use so that later runs skip rasd.
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter, defaultdict
from pathlib import Path

from eval_transfer import BENCH, _runs, _scorer  # beside this script

from rasd.extract.text import fold, match_key

WINDOW = 400  # characters before the claim searched for the gold speaker's forms


def _cue_word(cue: str) -> str:
    """The gold cue's first folded word without و/ف (``:`` and ``-`` stay as they are)."""
    words = fold(cue).split()
    if not words:
        return "(none)"
    w = words[0]
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


def _extractions(ev, cache: Path | None) -> dict[str, list]:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    runs, _transfer = _runs(ev)
    out = {}
    for corpus, split in runs:
        listed = ev.article_list(BENCH / f"{corpus}_articles.tsv")
        gold = ev.read_gold(BENCH, corpus)
        done = ev._annotated(gold)
        chosen = [r for r in listed if r["split"] == split and r["n"] in done]
        out[f"{corpus}/{split}"] = [
            (r["n"], ev.extract_article(ev.load_article(r))) for r in chosen
        ]
    if cache:
        cache.write_bytes(pickle.dumps(out))
    return out


def _classify(ev, out, gold, art, ex, st, c) -> str:
    """The class of one matched claim whose speaker the scorer counts wrong."""
    text = ex.article.text
    kind = st["speaker_kind"]
    own = next((k for k in ex.claims if k.start == c.start and k.end == c.end), None)
    sent = next((s for s in ex.sentences if s.start <= c.start < s.end), None)
    s_start = sent.start if sent else max(0, c.start - 200)
    gf = set().union(*(ev.gold_forms(gold, art, sp) for sp in ev._names(st["speaker"])))
    gold_ments = [m for m in ex.mentions if match_key(m.surface) in gf or m.key in gf]
    if not c.authors:
        if kind != "named":
            return f"unresolved: {kind}"
        before = [m for m in gold_ments if m.end <= c.start]
        if any(m.start >= s_start for m in before):
            where = "candidate in sentence"
        elif before:
            where = "named earlier"
        elif gold_ments:
            where = "named after"
        elif any(f and f in match_key(text[max(0, c.start - WINDOW) : c.start]) for f in gf):
            where = "not a mention (NER)"
        else:
            where = "title/pronoun only"
        return f"unresolved: named / {where}"
    if kind == "none":
        return "wrong: author for none"
    classes = {e.key: e.cls for e in ex.entities}
    keys = own.speakers if own else ()
    acls = "+".join(sorted({str(classes.get(k, "?")) for k in keys})) or "?"
    if any(e.scope is not None for e in ex.entities if e.key in keys):
        acls = "Unnamed"
    if kind != "named":
        return f"wrong: {kind} / author {acls}"
    gcls = next(
        (r["class"] for r in gold.of("entities", art) if match_key(r["entity_id"]) in gf), "?"
    )
    before = [m for m in gold_ments if m.end <= c.start]
    if not before:
        how = "gold only after" if gold_ments else "gold not a mention"
    else:
        g_near = max(m.end for m in before)
        a_ments = [m for m in ex.mentions if m.key in keys and m.end <= c.start]
        a_near = max((m.end for m in a_ments), default=-1)
        how = "took a nearer name" if a_near > g_near else "took a farther name"
    return f"wrong: named {gcls}, author {acls} / {how}"


def collect(cache: Path | None, only: str | None = None):
    """(class → corpus → count, cue counts per kind, samples per class)."""
    ev = _scorer()
    table: dict[str, Counter] = defaultdict(Counter)
    cues: dict[str, Counter] = defaultdict(Counter)
    samples: dict[str, list[str]] = defaultdict(list)
    for name, arts in _extractions(ev, cache).items():
        corpus = name.split("/")[0]
        if only and corpus != only:
            continue
        gold = ev.read_gold(BENCH, corpus)
        out = ev.Output([ex for _n, ex in arts])
        for art, ex in arts:
            g = out.graph(ex)
            statements = gold.of("statements", art)
            claims = out.claims(ex)
            for ci, si in ev.match_claims(claims, statements).items():
                st, c = statements[si], claims[ci]
                if ev.speaker_right(out, g, gold, art, st, c):
                    continue
                cls = _classify(ev, out, gold, art, ex, st, c)
                table[cls][corpus] += 1
                cues[cls.split(":")[0]][_cue_word(st["cue"])] += 1
                names = " + ".join(sorted(out.label(a) for a in c.authors)) or "-"
                before = ex.article.text[max(0, c.start - 120) : c.start].replace("\n", " ")
                samples[cls].append(
                    f"{corpus} {art} {st['sid']} gold {st['speaker']} ({st['cue']}) | got "
                    f"{names} | …{before} ⟦{c.text[:60]}"
                )
    return table, cues, samples


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, help="pickle of the extractions (written if absent)")
    ap.add_argument("--sample", help="print the claims of this class")
    ap.add_argument("--corpus", help="only this corpus")
    args = ap.parse_args()
    table, cues, samples = collect(args.cache, args.corpus)
    if args.sample:
        print("\n".join(samples.get(args.sample, [])))
        return
    corpora = sorted({c for row in table.values() for c in row}, key=lambda c: int(c[6:]))
    print("| class | total | corpora | " + " | ".join(c[6:] for c in corpora) + " |")
    print("|---" * (len(corpora) + 3) + "|")
    for cls, row in sorted(
        table.items(), key=lambda kv: (kv[0].split(":")[0], -sum(kv[1].values()))
    ):
        cells = " | ".join(str(row[c]) for c in corpora)
        print(f"| {cls} | {sum(row.values())} | {len(row)} | {cells} |")
    for kind, counter in sorted(cues.items()):
        top = ", ".join(f"{w} {n}" for w, n in counter.most_common(15))
        print(f"\ncues of {kind} ({sum(counter.values())}): {top}")


if __name__ == "__main__":
    main()
