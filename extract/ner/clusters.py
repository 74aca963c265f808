"""Word clusters learned without labels, used as CRF features for unseen and rare words.

Method (deterministic, CPU, a few minutes on SaudiNewsNet): count directional context
words (±2) for the most frequent normalised words, weight by positive PMI (context
distribution smoothed with α=0.75), reduce with randomised truncated SVD, L2-normalise and
cluster with k-means at several granularities.  Each word gets one cluster id per
granularity, coarse to fine, which the tagger uses as Brown-cluster-like prefix features.

The result is a TSV file with a header line: ``word<TAB>c<k1><TAB>c<k2>...``.
"""

from __future__ import annotations

import json
import logging
import math
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np

from rasd.extract.ner.features import normalize

__all__ = [
    "build_clusters",
    "iter_saudinewsnet",
    "lexical_stats",
    "load_cluster_file",
    "load_clusters",
    "load_lexstats",
    "write_clusters",
]

log = logging.getLogger(__name__)


def iter_saudinewsnet(corpus_dir: str | Path) -> Iterator[str]:
    """Yield the ``content`` of every article in the SaudiNewsNet zips under ``corpus_dir``.

    Each zip holds one JSON array of articles; files are read in sorted order so that the
    output is deterministic.  Nothing is extracted to disk.
    """
    paths = sorted(Path(corpus_dir).glob("*.zip"))
    if not paths:
        raise FileNotFoundError(f"no SaudiNewsNet *.zip files in {corpus_dir}")
    for path in paths:
        with zipfile.ZipFile(path) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                for article in json.loads(zf.read(name)):
                    content = article.get("content")
                    if content:
                        yield content


def _tokenize_normalized(texts: Iterable[str]) -> Iterator[list[str]]:
    from camel_tools.tokenizers.word import simple_word_tokenize

    cache: dict[str, str] = {}
    for text in texts:
        for line in text.split("\n"):
            toks = simple_word_tokenize(line)
            if not toks:
                continue
            out = []
            for t in toks:
                n = cache.get(t)
                if n is None:
                    n = normalize(t)
                    cache[t] = n
                out.append(n)
            yield out


def build_clusters(
    texts: Iterable[str],
    vocab_size: int = 150_000,
    context_size: int = 6_000,
    min_count: int = 2,
    dims: int = 120,
    ks: Sequence[int] = (64, 256, 1024),
    seed: int = 13,
) -> tuple[list[str], np.ndarray, list[tuple[str, str]]]:
    """Cluster the ``vocab_size`` most frequent normalised words of ``texts``.

    Returns the vocabulary (most frequent first), an int array of shape
    ``(len(vocab), len(ks))`` with the cluster id of each word at each granularity, and per
    word two lexical statistics (see :func:`lexical_stats`).
    """
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.utils.extmath import randomized_svd

    sents = list(_tokenize_normalized(texts))
    counts = Counter(w for s in sents for w in s)
    log.info("%d sentences, %d tokens, %d types", len(sents), counts.total(), len(counts))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    vocab = [w for w, c in ranked[:vocab_size] if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    n_ctx = min(context_size, len(vocab))
    index["\x00"] = -2  # sentence boundary; unknown words are -1
    flat = np.fromiter((index.get(w, -1) for s in sents for w in [*s, "\x00"]), dtype=np.int64)
    del index["\x00"]
    del sents
    offsets = (-2, -1, 1, 2)
    rows_l, cols_l = [], []
    for k, off in enumerate(offsets):
        if off < 0:
            a, b = flat[-off:], flat[:off]
        else:
            a, b = flat[:-off], flat[off:]
        # a: target word, b: context word at offset `off`; drop pairs spanning a boundary
        if abs(off) == 2:
            mid = flat[1:-1]
            a, b = a[mid != -2], b[mid != -2]  # do not look across a sentence boundary
        keep = (a >= 0) & (b >= 0) & (b < n_ctx)
        rows_l.append(a[keep])
        cols_l.append(b[keep] + k * n_ctx)
    rows = np.concatenate(rows_l)
    cols = np.concatenate(cols_l)
    mat = sparse.coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)),
        shape=(len(vocab), n_ctx * len(offsets)),
    ).tocsr()
    mat.sum_duplicates()
    total = mat.sum()
    row_sum = np.asarray(mat.sum(axis=1)).ravel()
    col_sum = np.asarray(mat.sum(axis=0)).ravel() ** 0.75
    col_p = col_sum / col_sum.sum()
    row_p = row_sum / total
    coo = mat.tocoo()
    pmi = np.log((coo.data / total) / (row_p[coo.row] * col_p[coo.col]))
    pmi = np.maximum(pmi, 0.0)
    ppmi = sparse.csr_matrix((pmi, (coo.row, coo.col)), shape=mat.shape)
    ppmi.eliminate_zeros()
    log.info("PPMI matrix %s, %d non-zeros", ppmi.shape, ppmi.nnz)
    u, s, _ = randomized_svd(ppmi, n_components=dims, random_state=seed, n_iter=5)
    vecs = u * np.sqrt(s)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    labels = np.zeros((len(vocab), len(ks)), dtype=np.int32)
    for j, k in enumerate(ks):
        km = MiniBatchKMeans(
            n_clusters=k, random_state=seed, batch_size=4096, n_init=3, max_iter=200
        )
        labels[:, j] = km.fit_predict(vecs)
        log.info("k-means k=%d done", k)
    return vocab, labels, [lexical_stats(w, counts) for w in vocab]


def lexical_stats(word: str, counts: Mapping[str, int]) -> tuple[str, str]:
    """Return (frequency bucket, article bucket) of a normalised word in unlabelled text.

    The frequency bucket is ``int(log2(count))``.  The article bucket says how often the
    word's base (without ال) appears with the definite article: ``0`` (never) to ``4``
    (almost always), ``-`` when base and ال-form are seen fewer than 5 times together.
    Proper names (people, most countries and foreign names) rarely take ال, common nouns
    and adjectives often do, so this separates unseen names from ordinary words.
    """
    base = word[2:] if word.startswith("ال") and len(word) > 3 else word
    with_al = counts.get("ال" + base, 0)
    total = with_al + counts.get(base, 0)
    alr = str(min(4, int(5 * with_al / total))) if total >= 5 else "-"
    return str(int(math.log2(max(1, counts.get(word, 1))))), alr


def write_clusters(
    path: str | Path,
    vocab: Sequence[str],
    labels: np.ndarray,
    ks: Sequence[int],
    stats: Sequence[tuple[str, str]],
) -> None:
    """Write clusters as a TSV with header ``word c64 c256 ... freq alr``."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(["word", *(f"c{k}" for k in ks), "freq", "alr"]) + "\n")
        for word, row, st in zip(vocab, labels, stats, strict=True):
            if "\t" in word or "\n" in word or "\r" in word or not word.strip():
                continue
            fh.write("\t".join([word, *(str(int(x)) for x in row), *st]) + "\n")


def load_clusters(path: str | Path) -> dict[str, tuple[str, ...]]:
    """Load the cluster ids (columns ``c<k>``) of a TSV from :func:`write_clusters`."""
    return load_cluster_file(path)[0]


def load_lexstats(path: str | Path) -> dict[str, tuple[str, ...]]:
    """Load the ``freq`` and ``alr`` columns of a TSV from :func:`write_clusters`."""
    return load_cluster_file(path)[1]


def load_cluster_file(
    path: str | Path,
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Read a TSV from :func:`write_clusters` once: (cluster ids, lexical stats) by word.

    Equal tuples are one object (many words, few distinct tuples): less memory, and a look-up
    keyed by a word's tuple (the CRF's ids of a cluster tuple), which is by equality, is
    faster (comparing a tuple with itself stops at the identity check)."""
    clusters: dict[str, tuple[str, ...]] = {}
    stats: dict[str, tuple[str, ...]] = {}
    one: dict[tuple[str, ...], tuple[str, ...]] = {}
    with open(path, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if not header or header[0] != "word":
            raise ValueError(f"{path}: expected a header line starting with 'word'")
        ccols = [i for i, name in enumerate(header) if i and name.startswith("c")]
        scols = [i for i, name in enumerate(header) if name in ("freq", "alr")]
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == len(header):
                ids = tuple(parts[i] for i in ccols)
                clusters[parts[0]] = one.setdefault(ids, ids)
                if scols:
                    st = tuple(parts[i] for i in scols)
                    stats[parts[0]] = one.setdefault(st, st)
    return clusters, stats
