"""Learn word embeddings for the neural NER tagger from SaudiNewsNet (no labels).

Usage (from the repository root; needs the ``train`` extra: ``pip install -e .[train]``)::

    .venv/bin/python bench/train_embeddings.py \\
        --corpus ../shared/corpora/saudinewsnet --out bench/out/w2v.kv

Reads the zipped JSON articles in place (nothing from the corpus is copied into the
repository), tokenises them with camel-tools' ``simple_word_tokenize``, normalises every token
the way the tagger does (:func:`extract.ner.features.normalize`) and trains a skip-gram
word2vec model with gensim.  The full vectors stay in ``bench/out`` (not committed);
``bench/train_nn_ner.py`` keeps only the rows the shipped model needs.

gensim's multi-threaded training is not bit-for-bit deterministic; with ``--workers 1`` it is.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rasd.extract.ner.clusters import _tokenize_normalized, iter_saudinewsnet  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Tokenise the corpus to a text file and train word2vec on it; return an exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "saudinewsnet"))
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "w2v.kv"))
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    from gensim.models import Word2Vec

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    text_path = out.with_suffix(".tokens.txt")
    t0 = time.perf_counter()
    if not text_path.exists():
        n = 0
        with open(text_path, "w", encoding="utf-8") as fh:
            for toks in _tokenize_normalized(iter_saudinewsnet(args.corpus)):
                fh.write(" ".join(toks) + "\n")
                n += len(toks)
        logging.info("tokenised %d tokens in %.0f s", n, time.perf_counter() - t0)
    model = Word2Vec(
        corpus_file=str(text_path),
        vector_size=args.dims,
        window=5,
        min_count=args.min_count,
        sg=1,
        negative=5,
        epochs=args.epochs,
        workers=args.workers,
        seed=13,
    )
    model.wv.save(str(out))
    logging.info("wrote %d vectors to %s in %.0f s", len(model.wv), out, time.perf_counter() - t0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
