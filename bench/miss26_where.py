"""Where the statements rasd misses sit relative to the claims it emits (issue 11, miss26).

For each gold statement no claim matches (``eval_unseen3.match_claims``, the scorer's own
matcher), the sentence holding its ``text_start`` (cut at . ! ? ؟ and line breaks) is classed:
``swallowed`` (inside the span of a claim matched to another statement), ``after claim`` /
``before claim`` (a claim in the same sentence ends before it / starts after it), ``no claim
in sentence``.  ``--show`` prints each miss with the sentence up to the statement (⟦ marks
``text_start``) and the claims in that sentence (span, authors, matched sid).  Never run on
the held-out corpus (``eval_unseen3.HELD_OUT``).

    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/miss26_where.py unseen21 --show
"""

from __future__ import annotations

import re
import sys
from collections import Counter

import eval_unseen3 as ev  # the scorer beside this script (bench/ is on the path)
from eval_transfer import _runs

from rasd.extract.pipeline import extract_article

_END = re.compile(r"[.!?؟\n]")


def sentence_of(text: str, i: int) -> tuple[int, int]:
    """Start and end of the sentence holding offset ``i``."""
    a = max(text.rfind(ch, 0, i) for ch in ".!?؟\n") + 1
    m = _END.search(text, i)
    return a, (m.start() + 1 if m else len(text))


def classify(corpus: str, split: str, show: bool) -> Counter:
    """The misses of one split by class (printing them with ``show``)."""
    if corpus == ev.HELD_OUT:
        raise SystemExit(f"{corpus} is held out")
    gold = ev.read_gold(ev.BENCH, corpus)
    listed = ev.article_list(ev.BENCH / f"{corpus}_articles.tsv")
    done = ev._annotated(gold)
    rows = [r for r in listed if r["split"] == split and r["n"] in done]
    arts = [(r["n"], extract_article(ev.load_article(r))) for r in rows]
    out = ev.Output([ex for _n, ex in arts])
    classes: Counter = Counter()
    for art, ex in arts:
        text = ex.article.text
        sts = gold.of("statements", art)
        claims = out.claims(ex)
        m = ev.match_claims(claims, sts)
        found = set(m.values())
        for si, st in enumerate(sts):
            if si in found or not st["text_start"].isdigit():
                continue
            ts = int(st["text_start"])
            a, b = sentence_of(text, ts)
            inside = [c for c in claims if c.start <= ts < c.end]
            insent = [ci for ci, c in enumerate(claims) if c.start < b and c.end > a]
            if inside:
                k = "swallowed"
            elif insent:
                k = "after claim" if any(claims[ci].end <= ts for ci in insent) else "before claim"
            else:
                k = "no claim in sentence"
            classes[k] += 1
            if show:
                print(
                    f"\n### {corpus} {art} {st['sid']} [{k}] gold={st['speaker']} cue={st['cue']}"
                )
                print("SENT:", text[a:ts].replace("\n", " ")[-300:], "⟦", text[ts:b][:200])
                for ci in insent:
                    c = claims[ci]
                    au = " + ".join(out.label(x) for x in c.authors) or "-"
                    sid = sts[m[ci]]["sid"] if ci in m else "none"
                    print(f"  claim {c.start}-{c.end} by {au} (match {sid}): {c.text[:120]}")
    return classes


def main() -> None:
    """Class counts per split (stderr) for the corpora named on the command line."""
    show = "--show" in sys.argv
    corpora = [a for a in sys.argv[1:] if a.startswith("unseen")]
    total: Counter = Counter()
    for corpus, split in _runs(ev)[0]:
        if corpus in corpora:
            got = classify(corpus, split, show)
            print(f"# {corpus} {split}: {dict(got)}", file=sys.stderr)
            total += got
    print(f"# total {dict(total)}", file=sys.stderr)


if __name__ == "__main__":
    main()
