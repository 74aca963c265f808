"""Learn the unsupervised word clusters used by the NER tagger from SaudiNewsNet.

Usage (from the repository root)::

    .venv/bin/python bench/train_clusters.py \\
        --corpus ../shared/corpora/saudinewsnet --out extract/models/ner_clusters.tsv

Reads the zipped JSON articles in place (nothing is copied into the repository) and writes a
small TSV (``word<TAB>c64<TAB>c256<TAB>c1024<TAB>freq<TAB>alr``).  Deterministic for a given corpus.
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

from rasd.extract.ner.clusters import build_clusters, iter_saudinewsnet, write_clusters  # noqa: E402

KS = (64, 256, 1024)


def main(argv: list[str] | None = None) -> int:
    """Build the cluster file; return a process exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "saudinewsnet"))
    ap.add_argument("--out", default=str(ROOT / "extract" / "models" / "ner_clusters.tsv"))
    ap.add_argument("--vocab-size", type=int, default=150_000)
    ap.add_argument("--dims", type=int, default=120)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    t0 = time.perf_counter()
    vocab, labels, stats = build_clusters(
        iter_saudinewsnet(args.corpus), vocab_size=args.vocab_size, dims=args.dims, ks=KS
    )
    write_clusters(args.out, vocab, labels, KS, stats)
    logging.info("wrote %d words to %s in %.0f s", len(vocab), args.out, time.perf_counter() - t0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
