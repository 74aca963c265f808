"""Score a CRF model directory on the ANERcorp dev split, alone and in the ``crf+nn`` ensemble
with the shipped BiLSTM-CRF or a candidate one (``--nn-file``; the default cascade, and
``crf+nn-full``: the network on every token), before it is shipped.

The dev split is the one ``bench/train_ner.py`` holds out (the last 10% of the CAMeL Lab
ANERcorp train file); nothing here trains or tunes on it.  For each backend it prints micro-F1
sentence by sentence and with document consistency over ±7 sentences (as
``bench/eval_ner_backends.py`` reports), F1 per class, and recall of gold names seen / not seen
(exact normalised string) among the names of the training portion.  Writes the numbers as JSON.

    PYTHONPATH=$PWD .venv/bin/python bench/eval_ner_candidate.py --crf-dir extract/models
    PYTHONPATH=$PWD .venv/bin/python bench/eval_ner_candidate.py --crf-dir bench/out/crf-names
    PYTHONPATH=$PWD .venv/bin/python bench/eval_ner_candidate.py --crf-dir extract/models \
        --nn-file bench/out/ft-names/ner_nn.npz --json bench/out/ft-names/eval.json
    PYTHONPATH=$PWD .venv/bin/python bench/eval_ner_candidate.py --crf-dir extract/models \
        --nn-file extract/models/ner_nn.npz bench/out/s14/ner_nn.npz --json bench/out/e2.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from train_ner import DEFAULT_DATA, split_dev  # noqa: E402

from rasd.extract.ner import evaluate, read_conll  # noqa: E402
from rasd.extract.ner.conll import get_chunks  # noqa: E402
from rasd.extract.ner.consistency import propagate  # noqa: E402
from rasd.extract.ner.crf import CrfTagger  # noqa: E402
from rasd.extract.ner.ensemble import DEFAULT_CASCADE, EnsembleTagger  # noqa: E402
from rasd.extract.ner.features import normalize  # noqa: E402
from rasd.extract.ner.nn_runtime import NnEnsemble, NnTagger  # noqa: E402

WINDOW = 7


def seen_unseen_recall(
    train: list, tokens: list[list[str]], gold: list[list[str]], pred: list[list[str]]
) -> dict[str, dict[str, float]]:
    """Recall per class of dev names whose normalised string was / was not a name in train."""
    seen_names = set()
    for sent in train:
        norms = [normalize(w) for w, _ in sent]
        for s, e, t in get_chunks([g for _, g in sent]):
            seen_names.add((" ".join(norms[s:e]), t))
    hits: dict[str, list[int]] = {}
    for toks, g, p in zip(tokens, gold, pred, strict=True):
        pset = set(get_chunks(p))
        norms = [normalize(w) for w in toks]
        for s, e, t in get_chunks(g):
            key = ("seen" if (" ".join(norms[s:e]), t) in seen_names else "unseen") + " " + t
            h = hits.setdefault(key, [0, 0])
            h[0] += (s, e, t) in pset
            h[1] += 1
    return {k: {"recall": v[0] / v[1], "n": v[1]} for k, v in sorted(hits.items())}


def main(argv: list[str] | None = None) -> int:
    """Score the CRF in ``--crf-dir`` alone and with the network; print and save."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--crf-dir", required=True)
    ap.add_argument(
        "--nn-file",
        nargs="+",
        default=None,
        help="the network (default: the shipped one); two files or more: their ensemble "
        "(nn_runtime.NnEnsemble, averaged in the order given)",
    )
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--json", default=None, help="default: CRF_DIR/eval.json")
    args = ap.parse_args(argv)
    train, dev = split_dev(read_conll(args.data))
    tokens = [[w for w, _ in s] for s in dev]
    gold = [[t for _, t in s] for s in dev]
    crf = CrfTagger(args.crf_dir)
    files = args.nn_file or [None]
    nn = NnTagger.load(files[0]) if len(files) == 1 else NnEnsemble.load(files)
    taggers = {
        "crf": crf,
        "crf+nn": EnsembleTagger(crf, nn, cascade=DEFAULT_CASCADE),
        "crf+nn-full": EnsembleTagger(crf, nn),
    }
    out = {}
    for name, tagger in taggers.items():
        pred = tagger.tag_many(tokens)
        prop = propagate(tokens, pred, window=WINDOW)
        res = {}
        for label, p in (("sentence", pred), (f"window{WINDOW}", prop)):
            rep = evaluate(gold, p)
            res[label] = {
                "micro": round(100 * rep.micro.f1, 2),
                "P": round(100 * rep.micro.precision, 2),
                "R": round(100 * rep.micro.recall, 2),
                **{t: round(100 * s.f1, 2) for t, s in rep.per_type.items()},
                "recall_seen_unseen": {
                    k: round(100 * v["recall"], 1)
                    for k, v in seen_unseen_recall(train, tokens, gold, p).items()
                },
            }
        out[name] = res
        print(name, json.dumps(res, ensure_ascii=False), flush=True)
    path = Path(args.json) if args.json else Path(args.crf_dir) / "eval.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
