"""Train the speaker ranker (``extract/speaker.py``) and measure it by cross-validation.

Training data: every claim the rules find in the annotated corpora (default the dev corpora
``eval_unseen3.DEV_CORPORA``, unseen3–unseen7, 204 articles), matched to a gold statement as
``bench/eval_unseen3.py`` matches them. The target candidate is the one the scorer would
count right (a named speaker sharing a form with the gold speaker; an unnamed source or a
word of it for anonymous/document speakers; "nobody" for ``none``); when no candidate is
right, or the claim matches no statement, the target is "nobody" (no guess). The model is a
conditional logit (softmax over a claim's candidates) with an L2 penalty, fitted by
full-batch gradient descent in numpy from zero weights, so the same data gives the same
weights, written with six decimals (same bytes).

    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/train_speaker.py \\
        [--out extract/data/speaker_weights.tsv]
    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/train_speaker.py --cv 4 \\
        [--report bench/speaker_results.md]

``--cv K`` splits the articles into K folds (sorted by corpus and number, article i in fold
i mod K), trains on K-1 folds and scores the rules alone and the rules + ranker on the held-out
fold with the scorer's own :func:`eval_unseen3.evaluate`, per fold and in total.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import eval_unseen3 as EV  # the scorer beside this script (bench/ is on the path)
import numpy as np

from rasd.extract.doc import Doc
from rasd.extract.pipeline import COMPONENTS, DEFAULT_PIPELINE, _finish
from rasd.extract.records import Extraction
from rasd.extract.speaker import MARGIN, Candidate, choose, claim_candidates, rank_speakers
from rasd.extract.text import match_key

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CORPORA = EV.DEV_CORPORA
L2 = 0.01
STEPS = 600
RATE = 0.5


@dataclass
class Article:
    """One annotated article: its id (``corpus:n``), its doc after the rules, their claims."""

    id: str
    doc: Doc
    rules: list
    entities: dict


def merged_gold(corpora: Sequence[str]):
    """One :class:`eval_unseen3.Gold` over several corpora, articles named ``corpus:n``."""
    gold = EV.Gold()
    for corpus in corpora:
        g = EV.read_gold(BENCH, corpus)
        if g.errors:
            raise SystemExit("\n".join(g.errors))
        for kind, by_article in g.rows.items():
            rows = gold.rows.setdefault(kind, {})
            for art, lst in by_article.items():
                rows[f"{corpus}:{art}"] = lst
    return gold


def load_articles(corpora: Sequence[str], gold) -> list[tuple[str, object]]:
    """(id, :class:`Article` record of rasd) of every annotated article, sorted."""
    out = []
    for corpus in corpora:
        for row in EV.article_list(BENCH / f"{corpus}_articles.tsv"):
            aid = f"{corpus}:{row['n']}"
            if gold.of("entities", aid):
                out.append((aid, EV.load_article(row)))
    return sorted(out, key=lambda x: x[0])


def run_rules(records: list[tuple[str, object]]) -> list[Article]:
    """Each article through the default pipeline (without ``speakers``), keeping the doc."""
    names = [n for n in DEFAULT_PIPELINE if n != "speakers"]
    docs = [Doc.from_article(a) for _i, a in records]  # type: ignore[arg-type]
    for name in names:
        spec = COMPONENTS[name]
        if spec.pipe is not None:
            spec.pipe(docs)
        else:
            for d in docs:
                spec.fn(d)
    return [
        Article(aid, d, list(d.claims), dict(d.entities))
        for (aid, _a), d in zip(records, docs, strict=True)
    ]


def extraction(art: Article, weights: dict[str, float] | None) -> Extraction:
    """The article's extraction with the rules' speakers, or the ranker's (``weights``)."""
    doc = art.doc
    doc.claims = list(art.rules)
    doc.entities = dict(art.entities)
    if weights is not None:
        rank_speakers(doc, weights)
    return _finish(doc)


# --- labels ---------------------------------------------------------------------------------


def _forms(doc: Doc, key: str) -> set[str]:
    e = doc.entities.get(key)
    out = {match_key(key)}
    if e is not None:
        out |= {match_key(e.label), *(match_key(a) for a in e.aliases)}
    out |= {match_key(m.surface) for m in doc.mentions if m.key == key}
    return EV.with_bare_places(out)


def candidate_right(doc: Doc, gold, aid: str, st: dict, cand: Candidate) -> bool:
    """Whether the scorer would count this candidate right for gold statement ``st``."""
    kind = st["speaker_kind"]
    if kind == "none":
        return not cand.keys
    if not cand.keys:
        return False
    gf = set().union(*(EV.gold_forms(gold, aid, sp) for sp in EV._names(st["speaker"])))
    gwords = {w for f in gf for w in f.split()}
    for key in cand.keys:
        af = _forms(doc, key)
        if af & gf:
            continue
        unnamed = doc.cls_of(key) in ("UnnamedSource", "CreativeWork")
        if kind != "named" and (unnamed or {w for f in af for w in f.split()} & gwords):
            continue
        return False
    return True


@dataclass
class Example:
    article: str
    candidates: list[Candidate]
    target: int


def examples(arts: list[Article], gold) -> list[Example]:
    """One example per rules claim: its candidates and the index of the right one."""
    out = []
    for art in arts:
        doc = art.doc
        doc.claims = list(art.rules)
        doc.entities = dict(art.entities)
        claims = sorted(art.rules, key=lambda c: (c.start, c.end))
        outs = [EV.ClaimOut(c.start, c.end, c.text, []) for c in claims]
        statements = gold.of("statements", art.id)
        m = EV.match_claims(outs, statements)
        cands_of = dict(zip(map(id, art.rules), claim_candidates(doc, art.rules), strict=True))
        for ci, c in enumerate(claims):
            cands = cands_of[id(c)]
            target = 0
            if ci in m:
                st = statements[m[ci]]
                right = [
                    k for k, cd in enumerate(cands) if candidate_right(doc, gold, art.id, st, cd)
                ]
                if right:
                    # several right (a person and the rules' group): prefer the rules' own
                    target = next((k for k in right if "rule" in cands[k].features), right[0])
            out.append(Example(art.id, cands, target))
    return out


# --- the model ------------------------------------------------------------------------------


def train(exs: list[Example], l2: float = L2, steps: int = STEPS, rate: float = RATE) -> dict:
    """Conditional logit by full-batch gradient descent; feature → weight (rounded, non-zero)."""
    names = sorted({f for ex in exs for c in ex.candidates for f in c.features})
    index = {f: i for i, f in enumerate(names)}
    rows, cols, owner, targets = [], [], [], []
    n_cand = 0
    for e, ex in enumerate(exs):
        for k, c in enumerate(ex.candidates):
            for f in sorted(c.features):
                rows.append(n_cand)
                cols.append(index[f])
            owner.append(e)
            if k == ex.target:
                targets.append(n_cand)
            n_cand += 1
    x = np.zeros((n_cand, len(names)))
    x[np.array(rows, dtype=int), np.array(cols, dtype=int)] = 1.0
    owner_a = np.array(owner, dtype=int)
    target_a = np.array(targets, dtype=int)
    n_ex = len(exs)
    w = np.zeros(len(names))
    observed = x[target_a].sum(axis=0)
    # each example's candidates are contiguous: reduce per example by their first index
    firsts = np.flatnonzero(np.r_[True, owner_a[1:] != owner_a[:-1]])
    for _ in range(steps):
        s = x @ w
        top = np.maximum.reduceat(s, firsts)
        p = np.exp(s - top[owner_a])
        z = np.add.reduceat(p, firsts)
        p /= z[owner_a]
        expected = p @ x
        grad = (expected - observed) / n_ex + l2 * w
        w -= rate * grad
    return {f: round(float(v), 6) for f, v in zip(names, w, strict=True) if round(float(v), 6)}


MARGINS = (0.0, 0.5, 0.75, 1.0, 1.5, 2.0, 4.0)
INNER = 3


def correct(exs: list[Example], weights: dict[str, float], cost: float = 0.0) -> float:
    """How many examples the ranker (with its margin) gets right, less ``cost`` for each
    claim given a speaker that is not its target."""
    total = 0.0
    for ex in exs:
        best = choose(ex.candidates, weights)
        if ex.candidates.index(best) == ex.target:
            total += 1
        elif best.keys:
            total -= cost
    return total


RULE_FEATURES = ("rule", "none_rule", "open:")


def _without_rules(features: frozenset[str]) -> frozenset[str]:
    return frozenset(f for f in features if not f.startswith(RULE_FEATURES))


def standalone(exs: list[Example]) -> list[Example]:
    """The examples without the features that tell the rules' choice (a ranker on its own)."""
    return [
        Example(
            ex.article,
            [
                Candidate(
                    c.keys, frozenset(f for f in c.features if not f.startswith(RULE_FEATURES))
                )
                for c in ex.candidates
            ],
            ex.target,
        )
        for ex in exs
    ]


def fit(
    exs: list[Example],
    l2: float = L2,
    alone: bool = False,
    margin: float | None = None,
    cost: float = 0.0,
) -> dict[str, float]:
    """Weights on all ``exs`` plus the margin over the rules chosen by an inner CV by article
    (most examples right; on a tie the larger, more conservative margin).  ``alone``: without
    the rules' features and with no margin (the ranker on its own)."""
    if alone:
        return train(standalone(exs), l2=l2)
    if margin is not None:
        return {**train(exs, l2=l2), MARGIN: margin}
    ids = sorted({ex.article for ex in exs})
    fold_of = {a: i % INNER for i, a in enumerate(ids)}
    right = dict.fromkeys(MARGINS, 0.0)
    for f in range(INNER):
        w = train([ex for ex in exs if fold_of[ex.article] != f], l2=l2)
        held = [ex for ex in exs if fold_of[ex.article] == f]
        for m in MARGINS:
            right[m] += correct(held, {**w, MARGIN: m}, cost)
    margin = max(MARGINS, key=lambda m: (right[m], m))
    return {**train(exs, l2=l2), MARGIN: margin}


def write_weights(weights: dict[str, float], path: Path) -> None:
    """The weights as ``speaker_weights.tsv`` (feature, weight), sorted by feature."""
    lines = ["feature\tweight", *(f"{f}\t{weights[f]:.6f}" for f in sorted(weights))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- cross-validation -----------------------------------------------------------------------

_KEYS = {
    "statements found with the right speaker": "right speaker",
    "statements found (any speaker)": "found",
    "matched claims with right text and speaker": "matched right",
    "emitted claims with right text and speaker": "emitted right",
    "emitted claims with an author: right speaker": "authored right",
    "emitted claims without an author (unresolved)": "unresolved",
    "emitted claims matching no statement": "unmatched",
}


def score(gold, arts: list[Article], weights: dict | None) -> dict[str, tuple[int, int]]:
    """The scorer's claim measures as (numerator, denominator) for these articles."""
    exs = [(a.id, extraction(a, weights)) for a in arts]
    out = EV.Output([ex for _i, ex in exs])
    lines, _details = EV.evaluate(gold, exs, out)
    res = {}
    for k, v in lines:
        name = _KEYS.get(k.strip())
        if name is None:
            continue
        m = re.search(r"\((\d+)/(\d+)\)", v)
        res[name] = (int(m.group(1)), int(m.group(2))) if m else (int(v), 0)
    return res


def _fmt(r: dict[str, tuple[int, int]]) -> str:
    def ratio(k: str) -> str:
        a, b = r[k]
        return f"{a / b:.2f} ({a}/{b})" if b else "n/a"

    return (
        f"{ratio('right speaker')} | {ratio('found')} | {ratio('emitted right')} | "
        f"{ratio('authored right')} | {r['unresolved'][0]} | {r['unmatched'][0]}"
    )


def _add(total: dict, r: dict) -> None:
    for k, (a, b) in r.items():
        ta, tb = total.get(k, (0, 0))
        total[k] = (ta + a, tb + b)


def cross_validate(
    arts: list[Article], gold, k: int, l2: float = L2, margin: float | None = None
) -> list[str]:
    """Rules vs rules + ranker on each held-out fold; the results table as markdown lines."""
    folds = [[a for i, a in enumerate(arts) if i % k == f] for f in range(k)]
    head = (
        "| fold | system | right speaker | found | emitted right text+speaker | "
        "authored: right speaker | unresolved | unmatched |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|"]
    totals: dict[str, dict] = {"rules": {}, "rules + ranker": {}, "ranker alone": {}}
    for f, fold in enumerate(folds):
        train_ids = {a.id for g, fo in enumerate(folds) if g != f for a in fo}
        exs = examples([a for a in arts if a.id in train_ids], gold)
        w = fit(exs, l2=l2, margin=margin)
        print(f"fold {f + 1}: margin {w[MARGIN]}", flush=True)
        alone = fit(exs, l2=l2, alone=True)
        systems = (("rules", None), ("rules + ranker", w), ("ranker alone", alone))
        for name, weights in systems:
            r = score(gold, fold, weights)
            _add(totals[name], r)
            lines.append(f"| {f + 1} ({len(fold)} articles) | {name} | {_fmt(r)} |")
            print(lines[-1], flush=True)
    for name in totals:
        lines.append(f"| all ({len(arts)}) | {name} | {_fmt(totals[name])} |")
        print(lines[-1], flush=True)
    return lines


def _split_of(corpora: Sequence[str]) -> dict[str, str]:
    """``corpus:n`` → its split (``dev``/``test``), as ``bench/eval_transfer.py`` groups them."""
    out = {}
    for corpus in corpora:
        for row in EV.article_list(BENCH / f"{corpus}_articles.tsv"):
            out[f"{corpus}:{row['n']}"] = row["split"]
    return out


def score_groups(gold, arts: list[Article], weights: dict | None, split: dict[str, str]) -> dict:
    """:func:`score` on each (corpus, split) group of ``arts`` apart, summed: the groups
    ``bench/eval_transfer.py`` scores (entities are resolved within each)."""
    groups: dict[tuple[str, str], list[Article]] = {}
    for a in arts:
        groups.setdefault((a.id.split(":")[0], split[a.id]), []).append(a)
    total: dict = {}
    for g in sorted(groups):
        _add(total, score(gold, groups[g], weights))
    return total


def leave_one_corpus_out(
    arts: list[Article],
    gold,
    corpora: Sequence[str],
    l2: float = L2,
    margin: float | None = None,
    cost: float = 0.0,
    alone_too: bool = True,
    rules_cache: Path | None = None,
) -> list[str]:
    """Rules vs rules + ranker vs ranker alone on each corpus, the ranker trained on the
    other corpora only; the table as markdown lines (per corpus and the sum).  The rules'
    rows are kept in ``rules_cache`` (JSON) when given: they do not depend on the ranker."""
    cached = {}
    if rules_cache is not None and rules_cache.exists():
        cached = json.loads(rules_cache.read_text(encoding="utf-8"))
    split = _split_of(corpora)
    by_article = {a.id: examples([a], gold) for a in arts}
    head = (
        "| corpus | system | right speaker | found | emitted right text+speaker | "
        "authored: right speaker | unresolved | unmatched |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|"]
    totals: dict[str, dict] = {"rules": {}, "rules + ranker": {}, "ranker alone": {}}
    wins = losses = 0
    for corpus in corpora:
        held = [a for a in arts if a.id.split(":")[0] == corpus]
        exs = [ex for a in arts if a.id.split(":")[0] != corpus for ex in by_article[a.id]]
        w = fit(exs, l2=l2, margin=margin, cost=cost)
        print(f"{corpus}: margin {w[MARGIN]}", flush=True)
        systems: list[tuple[str, dict | None]] = [("rules", None), ("rules + ranker", w)]
        if alone_too:
            systems.append(("ranker alone", fit(exs, l2=l2, alone=True)))
        res = {}
        for name, weights in systems:
            if name == "rules" and corpus in cached:
                r = {k: tuple(v) for k, v in cached[corpus].items()}
            else:
                r = score_groups(gold, held, weights, split)
            if name == "rules":
                cached[corpus] = r
            res[name] = r
            _add(totals[name], r)
            lines.append(f"| {corpus} ({len(held)}) | {name} | {_fmt(r)} |")
            print(lines[-1], flush=True)
        d = res["rules + ranker"]["right speaker"][0] - res["rules"]["right speaker"][0]
        wins += d > 0
        losses += d < 0
    if rules_cache is not None:
        rules_cache.write_text(json.dumps(cached, sort_keys=True), encoding="utf-8")
    for name in totals:
        if not totals[name]:
            continue
        lines.append(f"| all ({len(arts)}) | {name} | {_fmt(totals[name])} |")
        print(lines[-1], flush=True)
    lines.append(f"\nrules + ranker vs rules, right speakers: {wins} corpora up, {losses} down")
    print(lines[-1], flush=True)
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", nargs="+", default=list(CORPORA))
    ap.add_argument("--out", type=Path, default=ROOT / "extract" / "data" / "speaker_weights.tsv")
    ap.add_argument("--cv", type=int, default=0, help="K folds by article (no weights written)")
    ap.add_argument("--l2", type=float, default=L2, help="L2 penalty (default %(default)s)")
    ap.add_argument(
        "--margin", type=float, help="margin over the rules (default: chosen by an inner CV)"
    )
    ap.add_argument("--report", type=Path, help="write the CV table here (markdown)")
    ap.add_argument(
        "--cache", type=Path, help="pickle of the rules' output: read if it exists, else written"
    )
    ap.add_argument(
        "--loco", action="store_true", help="leave-one-corpus-out CV (no weights written)"
    )
    ap.add_argument("--no-alone", action="store_true", help="--loco: without the ranker-alone rows")
    ap.add_argument(
        "--cost",
        type=float,
        default=0.0,
        help="inner CV: a wrongly named speaker costs this many right ones (default 0)",
    )
    args = ap.parse_args()
    if any(c.startswith(EV.HELD_OUT) for c in args.corpora):
        raise SystemExit(f"{EV.HELD_OUT} is the held-out test set: not for training")
    gold = merged_gold(args.corpora)
    t0 = time.process_time()
    if args.cache and args.cache.exists():
        arts = pickle.loads(args.cache.read_bytes())
        if sorted({a.id.split(":")[0] for a in arts}) != sorted(args.corpora):
            raise SystemExit(f"{args.cache} holds other corpora")
    else:
        arts = run_rules(load_articles(args.corpora, gold))
        if args.cache:
            args.cache.write_bytes(pickle.dumps(arts))
    print(f"{len(arts)} articles through the rules in {time.process_time() - t0:.1f} s CPU")
    if args.loco:
        lines = leave_one_corpus_out(
            arts,
            gold,
            args.corpora,
            args.l2,
            args.margin,
            args.cost,
            alone_too=not args.no_alone,
            rules_cache=args.cache.with_suffix(".rules.json") if args.cache else None,
        )
        if args.report:
            args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    if args.cv:
        lines = cross_validate(arts, gold, args.cv, args.l2, args.margin)
        if args.report:
            args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    exs = examples(arts, gold)
    w = fit(exs, l2=args.l2, margin=args.margin, cost=args.cost)
    write_weights(w, args.out)
    print(f"{len(exs)} claims, {len(w)} features → {args.out}")


if __name__ == "__main__":
    sys.exit(main())
