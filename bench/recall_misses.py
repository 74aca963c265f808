"""List the gold statements rasd does not find, with their context and the claims near them.

Issue 11 (statement recall): for each annotated article of the chosen splits of a corpus,
the statements no claim matches (as ``bench/eval_unseen3.py`` matches them: its own
functions), each with 160 characters before its ``text_start`` and 80 after (``⟦`` marks
the start), and the claims rasd emitted within 300 characters.  This is the error reading
that ``bench/recall_results.md`` groups into construction classes.  ``--wrong`` lists instead
the statements found with a wrong speaker or none, with 200 characters before the claim.
``eval_unseen3.HELD_OUT`` is the held-out test set and is refused.

    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/recall_misses.py --corpus unseen3 \\
        --splits dev,test > /tmp/miss3.txt
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import eval_unseen3 as ev  # the scorer beside this script (bench/ is on the path)

BENCH = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="unseen3")
    ap.add_argument("--splits", default="dev,test", help="comma-separated: dev,test")
    ap.add_argument(
        "--wrong",
        action="store_true",
        help="list the found statements whose speaker is wrong or left open, not the misses",
    )
    args = ap.parse_args()
    if args.corpus.startswith(ev.HELD_OUT):
        raise SystemExit(f"{ev.HELD_OUT} is held out: scored once at the end, never read")
    gold = ev.read_gold(ev.BENCH, args.corpus)
    if gold.errors:
        raise SystemExit("\n".join(gold.errors))
    splits = set(args.splits.split(","))
    done = ev._annotated(gold)
    rows = [
        r
        for r in ev.article_list(ev.BENCH / f"{args.corpus}_articles.tsv")
        if r["split"] in splits and r["n"] in done
    ]
    texts, arts = {}, []
    for r in rows:
        article = ev.load_article(r)
        texts[r["n"]] = article.text
        arts.append((r["n"], ev.extract_article(article)))
    out = ev.Output([ex for _n, ex in arts])
    missed = 0
    for art, ex in arts:
        text = texts[art]
        claims = out.claims(ex)
        statements = gold.of("statements", art)
        matches = ev.match_claims(claims, statements)
        found = set(matches.values())
        if args.wrong:
            g = out.graph(ex)
            for ci, si in matches.items():
                c, st = claims[ci], statements[si]
                if ev.speaker_right(out, g, gold, art, st, c):
                    continue
                missed += 1
                who = [out.label(a) for a in c.authors] or ["-"]
                print(
                    f"=== {art} {st['sid']} [{st['speaker_kind']}] gold {st['speaker']} | "
                    f"got {' + '.join(who)} | cue={st['cue']}"
                )
                ctx = text[max(0, c.start - 200) : c.start] + "⟦" + text[c.start : c.start + 60]
                print("   ", ctx.replace("\n", " ⏎ "))
            continue
        for si, st in enumerate(statements):
            if si in found:
                continue
            missed += 1
            ts = int(st["text_start"])
            ctx = text[max(0, ts - 160) : ts] + "⟦" + text[ts : ts + 80]
            print(
                f"=== {art} {st['sid']} [{st['speaker_kind']}] {st['speaker']} | "
                f"cue={st['cue']} | {st['kind']} @{ts}"
            )
            print("   ", ctx.replace("\n", " ⏎ "))
            for c in claims:
                if c.end > ts - 300 and c.start < ts + 300:
                    who = [out.label(a) for a in c.authors]
                    print(f"    claim {c.start}-{c.end}: {c.text[:90]!r} by {who}")
    what = "found with a wrong or no speaker" if args.wrong else "not found"
    print(f"# {missed} statements {what} in {len(arts)} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
