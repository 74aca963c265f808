"""Score every annotated unseen corpus in one run, with the transfer corpora summed.

A change read from one corpus's errors is kept only when the corpora whose errors were not
read do not get worse (tenth session: unseen8 read, unseen3–7 the transfer check; eleventh:
unseen9 read, unseen3–8 the transfer check; twelfth: unseen10 read, unseen3–9 the transfer
check; thirteenth: unseen11 read, unseen3–10 the transfer check; fourteenth: unseen12 read,
unseen3–11 the transfer check; fifteenth: unseen13 read, unseen3–12 the transfer check;
sixteenth: unseen14 read, unseen3–13 the transfer check; seventeenth: unseen15 read,
unseen3–14 the transfer check; eighteenth: unseen16 read, unseen3–15 the transfer check;
nineteenth: unseen17 read first, unseen3–16 the transfer check, and every spent corpus may be
read for the frequency of an error class; twenty-first: unseen18 read first, unseen3–17 the
transfer check; twenty-second: unseen19 read first, unseen3–18 the transfer check;
twenty-third: unseen20 read first, unseen3–19 the transfer check; twenty-fourth: unseen21 read
first, unseen3–20 the transfer check).
This runs :func:`bench.eval_unseen3.evaluate` on each split of every dev corpus
(``eval_unseen3.DEV_CORPORA``; unseen22, the held-out set, is never run) and prints one table
row per run plus the sum over the transfer corpora:
statements found with the right speaker, found with any speaker, claims with an author whose
speaker is right, claims left without one (unresolved), claims matching no statement,
platform and control recall (any predicate of the family), entity precision and recall,
duplicate entity nodes across the split.

    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/eval_transfer.py [--json out.json]

``--json`` also writes the rows, to compare two runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
import types
from pathlib import Path

from unseen3_select import DRAWS  # beside this script (bench/ is on the path)

BENCH = Path(__file__).resolve().parent
#: the dev corpus whose errors are read this round; the others are summed as the transfer check
READ = "unseen21"


def _runs(ev: types.ModuleType) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """(corpus, split) for every dev corpus of the scorer ``ev`` (both halves of a draw that
    has a dev half), and the transfer corpora: every dev corpus but :data:`READ`."""
    runs = tuple(
        (corpus, split)
        for corpus in ev.DEV_CORPORA
        for split in (("test",) if DRAWS[corpus][2] else ("dev", "test"))
    )
    return runs, tuple(c for c in ev.DEV_CORPORA if c != READ)


MEASURES = (
    ("statements found with the right speaker", "right speaker"),
    ("statements found (any speaker)", "found"),
    ("emitted claims with an author: right speaker", "authored: right"),
    ("emitted claims without an author (unresolved)", "unresolved"),
    ("emitted claims matching no statement", "matching nothing"),
    ("platforms recall (any predicate of the family)", "platforms"),
    ("control recall (any predicate of the family)", "control"),
    ("entity precision", "entity P"),
    ("entity recall", "entity R"),
    ("entities: duplicate nodes across the split", "dup nodes"),
)
_RATIO = re.compile(r"(?:[\d.]+|n/a) \((\d+)/(\d+)\)")  # "n/a (0/0)": no gold row


def _scorer() -> types.ModuleType:
    """``bench/eval_unseen3.py`` as a module (bench/ is no package)."""
    spec = importlib.util.spec_from_file_location("eval_unseen3", BENCH / "eval_unseen3.py")
    if spec is None or spec.loader is None:
        raise SystemExit("bench/eval_unseen3.py not found")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_unseen3"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _counts(value: str) -> tuple[int, int | None]:
    m = _RATIO.match(value)
    return (int(m[1]), int(m[2])) if m else (int(value), None)


def score_all() -> dict[str, list[tuple[int, int | None]]]:
    """``corpus/split`` → the counts of :data:`MEASURES`, plus the transfer sum."""
    ev = _scorer()
    runs, transfer = _runs(ev)
    rows: dict[str, list[tuple[int, int | None]]] = {}
    for corpus, split in runs:
        listed = ev.article_list(BENCH / f"{corpus}_articles.tsv")
        gold = ev.read_gold(BENCH, corpus)
        done = ev._annotated(gold)
        chosen = [r for r in listed if r["split"] == split and r["n"] in done]
        arts = [(r["n"], ev.extract_article(ev.load_article(r))) for r in chosen]
        lines, _details = ev.evaluate(gold, arts, ev.Output([ex for _n, ex in arts]))
        values = {k.strip(): v for k, v in lines}
        rows[f"{corpus}/{split}"] = [_counts(values[k]) for k, _short in MEASURES]
    total = []
    for i in range(len(MEASURES)):
        parts = [v[i] for k, v in rows.items() if k.split("/")[0] in transfer]
        dens = [d for _n, d in parts if d is not None]
        total.append((sum(n for n, _d in parts), sum(dens) if dens else None))
    rows["sum " + "–".join((transfer[0], transfer[-1].removeprefix("unseen")))] = total
    return rows


def _cell(n: int, d: int | None) -> str:
    return f"{n / d:.3f} ({n}/{d})" if d else f"n/a ({n}/{d})" if d == 0 else str(n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, help="also write the counts here")
    ap.add_argument(
        "--nn-list",
        type=Path,
        help="run the default NER backend with the networks of this network list (TSV "
        "file/note, as extract/models/ner_nn_files.tsv) instead of the shipped one",
    )
    args = ap.parse_args()
    if args.nn_list:
        from rasd.extract.ner import nn_runtime

        nn_runtime.DEFAULT_NN_LIST = args.nn_list.resolve()
    t0 = time.process_time()
    rows = score_all()
    print("| corpus | " + " | ".join(short for _k, short in MEASURES) + " |")
    print("|---" * (len(MEASURES) + 1) + "|")
    for name, counts in rows.items():
        print(f"| {name} | " + " | ".join(_cell(n, d) for n, d in counts) + " |")
    print(f"CPU {time.process_time() - t0:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
