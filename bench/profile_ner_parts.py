"""Where the time of the default NER backend (``crf+nn``, the cascade) goes: CPU time of its
parts, as shares of a pass over the articles of ``bench/bench_ner_speed.py``.

Each part is a function called once per batch of sentences (not per token), wrapped with a
``time.process_time`` timer, so the shares cost no profiler overhead; a part's time includes
the parts it calls (``crf.emissions_packed`` includes ``crf._add_words``,
``nn.emissions_packed`` includes ``nn._word_rows`` and ``nn.contextual_packed``, which
includes ``nn._lstm_packed``; ``cascade`` holds the marginals, the network and the Viterbi
runs).  Passes: first (caches emptied) and warm, one call per article and 8 articles per call;
medians of ``--runs``; one BLAS thread.  With ``PYTHONPATH`` at another version of the code
(e.g. a ``git archive`` of it) it times that version's parts of the same names.

    PYTHONPATH=$PWD .venv/bin/python bench/profile_ner_parts.py --n 300 --runs 3
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def _timed(owner: object, name: str, label: str, acc: dict[str, float]) -> None:
    """Replace ``owner.name`` by a wrapper adding its CPU time to ``acc[label]`` (nothing if
    this version of the code has no such function)."""
    raw = vars(owner).get(name)
    if raw is None:
        return
    fn = raw.__func__ if isinstance(raw, staticmethod) else raw

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        t0 = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            acc[label] = acc.get(label, 0.0) + time.process_time() - t0

    setattr(owner, name, staticmethod(wrapper) if isinstance(raw, staticmethod) else wrapper)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="articles")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", default=str(SHARED / "corpora" / "saudinewsnet"))
    args = ap.parse_args(argv)
    from threadpoolctl import threadpool_limits

    sys.path.insert(0, str(HERE))
    from check_extract_identical import corpus_articles
    from check_ner_identical import article_sentences

    from rasd.extract.ner import crf, ensemble, load_tagger, nn_runtime

    threadpool_limits(1)
    acc: dict[str, float] = {}
    for owner, name, label in (
        (crf.CrfTagger, "emissions_packed", "crf.emissions_packed"),
        (crf.CrfTagger, "_add_words", "crf._add_words"),
        (nn_runtime.NnTagger, "emissions_packed", "nn.emissions_packed"),
        (nn_runtime.NnTagger, "_word_rows", "nn._word_rows"),
        (nn_runtime.NumpyNet, "contextual_packed", "nn.contextual_packed"),
        (nn_runtime.NumpyNet, "contextual_rows", "nn.contextual_packed"),  # from 2026-12-01
        (nn_runtime.NumpyNet, "_lstm_packed", "nn._lstm_packed"),
        (ensemble.EnsembleTagger, "_cascade_ids", "cascade"),
        (ensemble.EnsembleTagger, "_cascade_paths", "cascade"),  # its name before 2026-12-01
        (ensemble, "marginals_packed", "marginals"),
        (ensemble, "viterbi_packed", "viterbi"),
        (ensemble, "tag_names", "tag_names"),
    ):
        _timed(owner, name, label, acc)
    news = article_sentences(list(corpus_articles(args.corpus, args.n, stride=13)))
    by8 = [[s for a in news[k : k + 8] for s in a] for k in range(0, len(news), 8)]
    n_tok = sum(len(s) for a in news for s in a)
    tagger = load_tagger("crf+nn")
    tagger.tag_many(news[0])
    res: dict[str, dict[str, list[float]]] = {}
    for _ in range(args.runs):
        for label, data in (("one call per article", news), ("8 articles per call", by8)):
            tagger.clear_cache()
            for p in ("first", "warm"):
                acc.clear()
                t0 = time.process_time()
                for batch in data:
                    tagger.tag_many(batch)
                total = time.process_time() - t0
                d = res.setdefault(f"{p}, {label}", {})
                d.setdefault("total", []).append(total)
                for k, v in acc.items():
                    d.setdefault(k, []).append(v)
    for key, d in res.items():
        total = statistics.median(d["total"])
        shares = "  ".join(
            f"{k} {statistics.median(v) / total:.0%}" for k, v in d.items() if k != "total"
        )
        print(f"{key}: {n_tok / total:,.0f} tokens/s; {shares}")
    print("load average", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
