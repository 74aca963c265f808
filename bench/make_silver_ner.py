"""Silver NER sentences from SaudiNewsNet for self-training the BiLSTM-CRF (issue 14).

The shipped CRF and the shipped BiLSTM-CRF tag sentences of unlabelled SaudiNewsNet news; a
sentence is kept when both taggers give it exactly the same tags, it holds at least one name,
and the CRF is confident at every token (its largest tag marginal ≥ ``--min-marginal``).  The
kept sentences are written as CoNLL for ``bench/train_nn_ner.py --silver``.

Which articles: every ``--every``-th article of the zips in name order (records in array
order), after the first ``--skip`` articles (the speed tests read the corpus from its start),
minus every article the benchmarks use — the entity and claim sets and the hand-annotated
corpora unseen3–unseen10 — and any copy of one (same URL, or a fifth of its 8-word shingles:
``bench/unseen3_select.py``'s rule).  No gold or dev data is read.

    PYTHONPATH=$PWD .venv/bin/python bench/make_silver_ner.py --out bench/out/silver/snn.conll
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ner_corpora import write_conll  # noqa: E402
from unseen3_select import CORPUS, DRAWS, _copied, _records, _shingles, used_articles  # noqa: E402

from rasd.extract.ner.conll import get_chunks  # noqa: E402
from rasd.extract.ner.crf import CrfTagger  # noqa: E402
from rasd.extract.ner.nn_runtime import TAGS, NnTagger, marginals_packed  # noqa: E402

#: the hand-annotated corpora whose articles (and copies) are never used here: every corpus
#: ``bench/unseen3_select.py`` draws (a new draw is left out without another edit)
ANNOTATED = tuple(DRAWS)
SENTENCE_END = frozenset({".", "!", "?", "؟"})

log = logging.getLogger("make_silver_ner")


def article_sentences(text: str, max_len: int = 80) -> list[list[str]]:
    """Tokens of an article cut into sentences at . ! ? ؟ and line breaks (at most ``max_len``)."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    out: list[list[str]] = []
    for line in text.split("\n"):
        cur: list[str] = []
        for tok in simple_word_tokenize(line):
            cur.append(tok)
            if tok in SENTENCE_END or len(cur) >= max_len:
                out.append(cur)
                cur = []
        if cur:
            out.append(cur)
    return out


def agreed(
    crf_tags: Sequence[str], nn_tags: Sequence[str], confidence: np.ndarray, min_marginal: float
) -> bool:
    """Whether a sentence is kept: the two taggers agree on every tag, there is a name, and
    the CRF's largest tag marginal (``confidence``, one per token) is ≥ ``min_marginal``
    everywhere.

    >>> agreed(["B-LOC", "O"], ["B-LOC", "O"], np.array([0.99, 0.97]), 0.95)
    True
    >>> agreed(["B-LOC", "O"], ["B-ORG", "O"], np.array([0.99, 0.97]), 0.95)
    False
    >>> agreed(["O", "O"], ["O", "O"], np.array([0.99, 0.99]), 0.95)
    False
    >>> agreed(["B-LOC", "O"], ["B-LOC", "O"], np.array([0.99, 0.90]), 0.95)
    False
    """
    return (
        list(crf_tags) == list(nn_tags)
        and any(t != "O" for t in crf_tags)
        and bool(confidence.min() >= min_marginal)
    )


def pool_articles(every: int, skip: int, exclude: tuple[str, ...]) -> Iterator[str]:
    """Contents of the articles of the pool (see the module text), in corpus order."""
    used_urls, used_shingles = used_articles(exclude)
    n = -1
    for z in sorted(CORPUS.glob("*.zip")):
        for r in _records(z):
            n += 1
            if n < skip or (n - skip) % every:
                continue
            content = r.get("content") or ""
            url = (r.get("url") or "").strip()
            if not content or url in used_urls or _copied(_shingles(content), used_shingles):
                continue
            yield content


def silver(
    crf: CrfTagger,
    nn: NnTagger,
    articles: Iterator[str],
    max_tokens: int,
    min_marginal: float,
    min_len: int = 5,
    max_len: int = 60,
    batch: int = 256,
) -> tuple[list[list[tuple[str, str]]], Counter]:
    """Kept sentences as (token, tag) pairs, up to ``max_tokens`` tokens, and counts."""
    perm = [crf.labels.index(t) for t in TAGS]
    ct, cs, ce = crf.transitions
    trans = (ct[np.ix_(perm, perm)], cs[perm], ce[perm])
    kept: list[list[tuple[str, str]]] = []
    stats: Counter = Counter()
    n_tok = 0
    pending: list[list[str]] = []

    def flush() -> None:
        nonlocal n_tok
        c_tags = crf.tag_many(pending)
        n_tags = nn.tag_many(pending)
        lengths = [len(s) for s in pending]
        marg = marginals_packed(crf.emissions_packed(pending)[:, perm], lengths, *trans)
        best = marg.max(axis=1)
        o = 0
        for s, c, t, n in zip(pending, c_tags, n_tags, lengths, strict=True):
            conf = best[o : o + n]
            o += n
            stats["sentences"] += 1
            stats["agree"] += c == t
            if n_tok < max_tokens and agreed(c, t, conf, min_marginal):
                kept.append(list(zip(s, c, strict=True)))
                n_tok += n
                stats["kept"] += 1
                stats["kept_tokens"] += n
                for _, _, typ in get_chunks(c):
                    stats[typ] += 1
        pending.clear()

    for text in articles:
        stats["articles"] += 1
        for s in article_sentences(text):
            if min_len <= len(s) <= max_len:
                pending.append(s)
        if len(pending) >= batch:
            flush()
        if n_tok >= max_tokens:
            break
    if pending and n_tok < max_tokens:
        flush()
    return kept, stats


def main(argv: list[str] | None = None) -> int:
    """Write the silver sentences and print what was kept."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="CoNLL file to write")
    ap.add_argument("--max-tokens", type=int, default=40_000, help="stop after this many kept")
    ap.add_argument("--min-marginal", type=float, default=0.95)
    ap.add_argument("--every", type=int, default=7, help="take every N-th article")
    ap.add_argument("--skip", type=int, default=2000, help="leave the first N articles out")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    kept, stats = silver(
        CrfTagger(),
        NnTagger.load(),
        pool_articles(args.every, args.skip, ANNOTATED),
        args.max_tokens,
        args.min_marginal,
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    write_conll(Path(args.out), kept)
    log.info("silver: %s", dict(stats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
