"""Audit rasd's platform links and control relations on the dev corpora unseen3-5 (issue 11).

Runs rasd on every annotated article of both splits of the named corpora (as
``bench/eval_unseen3.py`` does: extraction, resolution over the corpus and split, the RDF
dataset) and writes, per corpus:

- **recall**: gold rows of ``bench/<corpus>_platforms.tsv`` and ``<corpus>_control.tsv`` found
  (any predicate of the family, both directions: :func:`eval_unseen3.relation_found`);
- **emitted links**: every triple of the platform or control family in the articles' graphs,
  with its evidence sentence, marked ``gold`` when it matches a gold row of its article (same
  subject and object forms, either direction) and ``?`` otherwise.  The gold files are meant
  to be exhaustive, so a ``?`` link is a false link unless the annotators missed it: the
  ``?`` links are read by hand and judged in ``bench/relations_results.md``.

Only the dev corpora (``eval_unseen3.DEV_CORPORA``) may be audited; ``eval_unseen3.HELD_OUT``
is the held-out test set.

    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/relations_audit.py \
        --out /tmp/relations_audit.md [--corpus unseen3 unseen4 unseen5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import eval_unseen3 as ev  # the scorer beside this script (bench/ is on the path)
from rdflib import RDF, Graph

from rasd.extract.pipeline import extract_article
from rasd.graph.vocab import RASD, SCHEMA

BENCH = Path(__file__).resolve().parent
ALLOWED = ev.DEV_CORPORA


def _evidence(g: Graph, s, p, o) -> str:
    """The text of the first evidence sentence of a triple (its rdf:Statement)."""
    for st in g.subjects(RDF.subject, s):
        if g.value(st, RDF.predicate) == p and g.value(st, RDF.object) == o:
            sent = g.value(st, RASD.evidence)
            if sent is not None:
                return " ".join(str(g.value(sent, SCHEMA.text) or "").split())
    return ""


def audit(corpus: str, ev) -> tuple[list[str], dict[str, list[int]]]:
    """Report lines of one corpus and its totals {kind: [found, gold, emitted, emitted_gold]}."""
    gold = ev.read_gold(ev.BENCH, corpus)
    done = set(gold.rows.get("entities", {}))
    listed = ev.article_list(ev.BENCH / f"{corpus}_articles.tsv")
    lines = [f"## {corpus}", ""]
    totals: dict[str, list[int]] = {"platforms": [0, 0, 0, 0], "control": [0, 0, 0, 0]}
    for split in ("dev", "test"):
        rows = [r for r in listed if r["split"] == split and r["n"] in done]
        arts = [(r["n"], extract_article(ev.load_article(r))) for r in rows]
        out = ev.Output([ex for _n, ex in arts])
        for kind, obj_col, family, mapping in (
            ("platforms", "object", ev.PLATFORM_PREDICATES, ev.PLATFORM_RELATIONS),
            ("control", "place", ev.CONTROL_PREDICATES, ev.CONTROL_RELATIONS),
        ):
            t = totals[kind]
            lines.append(f"### {corpus} {split}: {kind}")
            for art, ex in arts:
                g = out.graph(ex)
                golds = gold.of(kind, art)
                for row in golds:
                    found, _exact = ev.relation_found(
                        out, ex, gold, art, row, obj_col, family, mapping
                    )
                    t[0] += found
                    t[1] += 1
                    mark = "found" if found else "MISSED"
                    lines.append(
                        f"- {mark} gold {art} {row['subject']} {row['relation']} "
                        f"{row[obj_col]} | {row['evidence']}"
                    )
                forms = [
                    (
                        ev.gold_forms(gold, art, row["subject"]),
                        ev.gold_forms(gold, art, row[obj_col]),
                    )
                    for row in golds
                ]
                for s, p, o in sorted(out.triples(ex, family), key=str):
                    fs, fo = out.forms(s, g), out.forms(o, g)
                    hits = [
                        k
                        for k, (a, b) in enumerate(forms)
                        if (fs & a and fo & b) or (fs & b and fo & a)
                    ]
                    ok = bool(hits)
                    exact = any(p in mapping[golds[k]["relation"]] for k in hits)
                    t[2] += 1
                    t[3] += ok
                    pred = next(iter(x for x in g.predicates(s, o) if str(x).endswith(p)), None)
                    evid = _evidence(g, s, pred, o) if pred is not None else ""
                    mark = "gold" if exact else "gold-family" if ok else "?"
                    lines.append(
                        f"- emitted {mark} {art} {out.label(s)} {p} {out.label(o)} | {evid[:300]}"
                    )
            lines.append("")
    return lines, totals


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="+", default=list(ALLOWED))
    ap.add_argument("--out", type=Path, required=True, help="where to write the audit (.md)")
    args = ap.parse_args()
    bad = [c for c in args.corpus if c not in ALLOWED]
    if bad:
        sys.exit(f"relations_audit: {', '.join(bad)}: only {', '.join(ALLOWED)} may be audited")
    t0 = time.process_time()
    body: list[str] = []
    summary = [
        "| corpus | kind | gold found | emitted | emitted matching gold |",
        "|---|---|---|---|---|",
    ]
    for corpus in args.corpus:
        lines, totals = audit(corpus, ev)
        body += lines
        for kind, (found, n, emitted, ok) in totals.items():
            summary.append(f"| {corpus} | {kind} | {found}/{n} | {emitted} | {ok} |")
    cpu = time.process_time() - t0
    head = [f"# Relations audit ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})", ""]
    head += [*summary, "", f"CPU {cpu:.1f} s", ""]
    args.out.write_text("\n".join(head + body) + "\n", encoding="utf-8")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
