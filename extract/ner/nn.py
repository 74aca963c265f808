"""Neural Arabic NER tagger: a character-aware BiLSTM-CRF over pretrained word vectors.

The model reads, for every token:

- the vector of the normalised word and of its stem (proclitics split, ال kept) from word2vec
  embeddings learned without labels on SaudiNewsNet (``bench/train_embeddings.py``), frozen so
  that names never seen in the labelled data keep their neighbours from unlabelled news;
- a character CNN over the normalised word (foreign names, spelling variants);
- a trainable vector for words seen at least twice in the labelled data (dropped at random
  while training, so that the network does not lean on it alone);
- the word shape, its proclitic/article pattern, its frequency and definite-article affinity in
  unlabelled news;
- matches in two name lists: the names of the labelled training portion (jackknifed while
  training) and a curated lexicon (CLDR's Arabic country, city and currency names and rasd's own
  entities, ``extract/models/ner_lexicon.tsv`` from ``bench/make_ner_lexicon.py``).

These word-level inputs are projected to one vector per word (computed once per distinct word
and cached by the tagger); a BiLSTM reads the sentence and a linear-chain CRF decodes BIO tags.
Everything the tagger needs is one file, ``extract/models/ner_nn.pt`` (loaded with
``torch.load(weights_only=True)``), written by ``bench/train_nn_ner.py``; the pretrained vectors
are stored int8-quantised.

Example::

    from extract.ner.nn import NnTagger
    tagger = NnTagger.load()       # the shipped model
    tagger.tag(["قال", "الرئيس", "الفرنسي", "فرانسوا", "هولاند"])
"""

from __future__ import annotations

import logging
import math
import operator
import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import nn

from extract.ner.features import Gazetteer, normalize, read_tsv, split_clitics, word_shape

__all__ = [
    "DEFAULT_NN_FILE",
    "TAGS",
    "BiLstmCrf",
    "Encoder",
    "NnTagger",
    "from_blob",
    "load_lexicon",
    "pretrain_language_model",
    "to_blob",
    "train_epochs",
    "viterbi_batch",
]

DEFAULT_NN_FILE = Path(__file__).resolve().parent.parent / "models" / "ner_nn.pt"
TYPES = ("LOC", "MISC", "ORG", "PERS")
TAGS = ("O", *(f"{p}-{t}" for t in TYPES for p in ("B", "I")))
GAZ_LABELS = tuple(f"{p}-{t}" for t in TYPES for p in ("B", "I"))
_GAZ_INDEX = {lab: k for k, lab in enumerate(GAZ_LABELS)}
N_GAZ = 2 * len(GAZ_LABELS)  # names of the labelled training data, then the curated lexicon
MAX_CHARS = 16
PAD, UNK = 0, 1
NORM, STEM = 7, 8  # positions of the normalised form and the stem in Encoder.encode's tuple


# -- token encoding -----------------------------------------------------------------------------
@dataclass
class Encoder:
    """Maps raw tokens to the integer features the network reads (cached per token string).

    ``words``: vocabulary of the pretrained vectors (id 0 = padding, 1 = unknown); ``fq`` and
    ``alr``: per word id, its frequency bucket and definite-article bucket in unlabelled news;
    ``chars``/``shapes``/``clitics``: small vocabularies learned from the training data.
    """

    words: dict[str, int]
    fq: list[int]
    alr: list[int]
    chars: dict[str, int]
    shapes: dict[str, int]
    clitics: dict[str, int]
    gazetteer: Gazetteer | None = None
    lexicon: Gazetteer | None = None
    train_words: dict[str, int] = field(default_factory=dict)
    _cache: dict[str, tuple] = field(default_factory=dict, repr=False)

    def set_gazetteer(self, gazetteer: Gazetteer | None) -> None:
        """Replace the gazetteer of training names (and forget cached encodings)."""
        self.gazetteer = gazetteer
        self._cache.clear()

    def norm_stem(self, token: str) -> tuple[str, str]:
        """Return the normalised token and its stem (proclitics and article split off)."""
        e = self.encode(token)
        return e[NORM], e[STEM]

    def encode(self, token: str) -> tuple:
        """(word id, stem id, char ids, shape id, clitic id, fq, alr, norm, stem, trained-word
        id, may start a gazetteer name, may start a lexicon name), cached per token string."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        words = self.words
        norm = normalize(token)
        pro, stem, art = split_clitics(norm, words)
        wid = words.get(norm, UNK)
        sid = words.get("ال" + stem if art else stem, UNK)
        if sid == UNK and stem != norm:
            sid = words.get(stem, UNK)
        lex = wid if wid != UNK else sid
        chars = self.chars
        cids = [chars.get(c, UNK) for c in norm[:MAX_CHARS]] or [UNK]
        clitic = self.clitics.get(pro + ("+ال" if art else ""), UNK)
        shape = self.shapes.get(word_shape(token), UNK)
        fq = self.fq[lex] if lex != UNK else 0
        alr = self.alr[lex] if lex != UNK else 0
        tid = self.train_words.get(norm, UNK) if self.train_words else UNK
        gaz_start = self.gazetteer is not None and self.gazetteer.may_start(norm, stem)
        lex_start = self.lexicon is not None and self.lexicon.may_start(norm, stem)
        out = (wid, sid, cids, shape, clitic, fq, alr, norm, stem, tid, gaz_start, lex_start)
        if len(self._cache) >= 300_000:
            self._cache.clear()
        self._cache[token] = out
        return out

    def gazetteer_matrix(
        self,
        encoded: Sequence[tuple],
        labels: Sequence[Sequence[str]] | None = None,
        out: np.ndarray | None = None,
    ) -> np.ndarray:
        """Multi-hot gazetteer labels (B-/I- per type) for one encoded sentence, (n, N_GAZ).

        ``labels`` overrides the look-up (used in training, where each fold's gazetteer must
        exclude that fold's own names); ``out``: a zeroed array to fill instead of a new one.
        """
        n = len(encoded)
        if out is None:
            out = np.zeros((n, N_GAZ), dtype=np.float32)
        if not n:
            return out
        norms = [e[NORM] for e in encoded]
        stems = [e[STEM] for e in encoded]
        if labels is None and self.gazetteer is not None:
            starts = [i for i, e in enumerate(encoded) if e[10]]
            labels = self.gazetteer.annotate(norms, stems, starts) if starts else None
        lex = None
        if self.lexicon is not None:
            starts = [i for i, e in enumerate(encoded) if e[11]]
            lex = self.lexicon.annotate(norms, stems, starts) if starts else None
        for offset, labs_by_pos in ((0, labels), (len(GAZ_LABELS), lex)):
            if labs_by_pos is None:
                continue
            for i, labs in enumerate(labs_by_pos):
                for lab in labs:
                    k = _GAZ_INDEX.get(lab)
                    if k is not None:
                        out[i, offset + k] = 1.0
        return out


@dataclass
class Batch:
    """Padded tensors for a batch of sentences (B sentences, T longest length)."""

    ids: torch.Tensor  # (B, T, 7): word, stem, shape, clitic, fq, alr, trained-word ids
    gaz: torch.Tensor  # (B, T, N_GAZ)
    uniq_chars: torch.Tensor  # (U, MAX_CHARS) characters of the distinct tokens
    uniq_index: torch.Tensor  # (B, T) index into uniq_chars
    lengths: torch.Tensor  # (B,)
    mask: torch.Tensor  # (B, T) bool


#: positions in Encoder.encode's tuple of the columns of Batch.ids
ID_COLUMNS = (0, 1, 3, 4, 5, 6, 9)


_ID_GETTER = operator.itemgetter(*ID_COLUMNS)


def word_ids(encoded: Sequence[tuple]) -> np.ndarray:
    """The Batch.ids columns of encoded tokens, shape (N, 7)."""
    return np.array(list(map(_ID_GETTER, encoded)), dtype=np.int64).reshape(
        len(encoded), len(ID_COLUMNS)
    )


def char_matrix(encoded: Sequence[tuple]) -> np.ndarray:
    """Character ids of encoded tokens, padded to MAX_CHARS, shape (N, MAX_CHARS)."""
    out = np.zeros((len(encoded), MAX_CHARS), dtype=np.int64)
    for i, e in enumerate(encoded):
        out[i, : len(e[2])] = e[2]
    return out


def make_batch(encoded: Sequence[Sequence[tuple]], gaz: Sequence[np.ndarray]) -> Batch:
    """Pad encoded sentences (from :meth:`Encoder.encode`) into a :class:`Batch`."""
    b = len(encoded)
    t = max(len(s) for s in encoded)
    ids = np.zeros((b, t, len(ID_COLUMNS)), dtype=np.int64)
    gz = np.zeros((b, t, N_GAZ), dtype=np.float32)
    uniq: dict[tuple[int, ...], int] = {}
    uidx = np.zeros((b, t), dtype=np.int64)
    for i, sent in enumerate(encoded):
        n = len(sent)
        if n:
            ids[i, :n] = word_ids(sent)
            gz[i, :n] = gaz[i]
        for j, e in enumerate(sent):
            key = tuple(e[2])
            k = uniq.get(key)
            if k is None:
                k = uniq[key] = len(uniq)
            uidx[i, j] = k
    chars = np.zeros((max(len(uniq), 1), MAX_CHARS), dtype=np.int64)
    for key, k in uniq.items():
        chars[k, : len(key)] = key
    lengths = np.array([len(s) for s in encoded], dtype=np.int64)
    mask = np.arange(t)[None, :] < lengths[:, None]
    return Batch(
        ids=torch.from_numpy(ids),
        gaz=torch.from_numpy(gz),
        uniq_chars=torch.from_numpy(chars),
        uniq_index=torch.from_numpy(uidx),
        lengths=torch.from_numpy(lengths),
        mask=torch.from_numpy(mask),
    )


# -- network --------------------------------------------------------------------------------------
class BiLstmCrf(nn.Module):
    """Character-CNN + frozen word vectors → per-word projection → BiLSTM → linear-chain CRF.

    Everything before the BiLSTM except the gazetteer columns depends on the word alone, so a
    tagger computes a word's projected vector (:meth:`word_vectors`) once and reuses it.
    """

    def __init__(
        self,
        vectors: torch.Tensor,
        n_chars: int,
        n_shapes: int,
        n_clitics: int,
        n_fq: int = 32,
        n_alr: int = 32,
        n_tags: int = len(TAGS),
        char_dim: int = 32,
        char_filters: int = 64,
        hidden: int = 100,
        proj: int = 128,
        dropout: float = 0.5,
        n_train_words: int = 2,
        train_dim: int = 0,
        word_dropout: float = 0.0,
    ) -> None:
        super().__init__()
        self.word_dropout = word_dropout
        # trainable vectors of the words of the labelled data (0 dims: not used)
        self.train_emb = (
            nn.Embedding(n_train_words, train_dim, padding_idx=PAD) if train_dim else None
        )
        d = vectors.shape[1]
        self.vectors = nn.Embedding.from_pretrained(vectors.float(), freeze=True, padding_idx=PAD)
        self.char_emb = nn.Embedding(n_chars, char_dim, padding_idx=PAD)
        self.char_cnn = nn.Conv1d(char_dim, char_filters, kernel_size=3, padding=1)
        self.shape_emb = nn.Embedding(n_shapes, 8)
        self.clitic_emb = nn.Embedding(n_clitics, 8)
        self.fq_emb = nn.Embedding(n_fq, 8)
        self.alr_emb = nn.Embedding(n_alr, 8)
        self.drop = nn.Dropout(dropout)
        self.proj = nn.Linear(2 * d + char_filters + 4 * 8 + train_dim, proj)
        self.lstm = nn.LSTM(proj + N_GAZ, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, n_tags)
        self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))  # from → to
        self.start = nn.Parameter(torch.zeros(n_tags))
        self.end = nn.Parameter(torch.zeros(n_tags))

    def char_vectors(self, chars: torch.Tensor) -> torch.Tensor:
        """Character-CNN vectors (U, char_filters) of character-id rows ``chars`` (U, L)."""
        ch = torch.relu(self.char_cnn(self.char_emb(chars).transpose(1, 2)))  # (U, F, L)
        return ch.masked_fill((chars == PAD)[:, None, :], 0.0).amax(dim=2)

    def word_vectors(self, ids: torch.Tensor, char_vecs: torch.Tensor) -> torch.Tensor:
        """Projected vectors (..., proj) of words from their ids and character vectors.

        ``ids`` (..., 7): word, stem, shape, clitic, fq, alr and trained-word ids, as the
        columns :func:`make_batch` packs.
        """
        parts = []
        if self.train_emb is not None:
            tids = ids[..., 6]
            if self.training and self.word_dropout > 0:
                drop = torch.rand(tids.shape) < self.word_dropout
                tids = torch.where(drop & (tids > PAD), torch.full_like(tids, UNK), tids)
            parts.append(self.train_emb(tids))
        x = torch.cat(
            [
                *parts,
                self.vectors(ids[..., 0]),
                self.vectors(ids[..., 1]),
                char_vecs,
                self.shape_emb(ids[..., 2]),
                self.clitic_emb(ids[..., 3]),
                self.fq_emb(ids[..., 4]),
                self.alr_emb(ids[..., 5]),
            ],
            dim=-1,
        )
        return torch.tanh(self.proj(self.drop(x)))

    def contextual(
        self,
        words: torch.Tensor,
        gaz: torch.Tensor,
        lengths: torch.Tensor,
        sorted_desc: bool = False,
    ) -> torch.Tensor:
        """Tag scores (B, T, n_tags) from word vectors (B, T, proj) and gazetteer columns.

        ``sorted_desc``: the sentences come longest first (saves two permutations).
        """
        x = self.drop(torch.cat([words, gaz], dim=-1))
        packed = nn.utils.rnn.pack_padded_sequence(
            x, lengths, batch_first=True, enforce_sorted=sorted_desc
        )
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        return self.out(self.drop(h))

    def emissions(self, batch: Batch) -> torch.Tensor:
        """Per-token tag scores, shape (B, T, n_tags)."""
        ch = self.char_vectors(batch.uniq_chars)[batch.uniq_index]
        return self.contextual(self.word_vectors(batch.ids, ch), batch.gaz, batch.lengths)

    def nll(self, batch: Batch, tags: torch.Tensor) -> torch.Tensor:
        """Mean negative log-likelihood of the gold ``tags`` (B, T) under the CRF."""
        em = self.emissions(batch)
        mask = batch.mask
        b, t, _ = em.shape
        ar = torch.arange(b)
        # score of the gold path
        maskf = mask.float()
        em_gold = em.gather(2, tags[:, :, None])[:, :, 0]  # (B, T)
        trans_gold = self.trans[tags[:, :-1], tags[:, 1:]]  # (B, T-1)
        gold = (
            self.start[tags[:, 0]]
            + (em_gold * maskf).sum(dim=1)
            + (trans_gold * maskf[:, 1:]).sum(dim=1)
            + self.end[tags[ar, batch.lengths - 1]]
        )
        # partition function (forward algorithm)
        alpha = self.start[None, :] + em[:, 0]
        for i in range(1, t):
            nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None], dim=1) + em[:, i]
            alpha = torch.where(mask[:, i, None], nxt, alpha)
        log_z = torch.logsumexp(alpha + self.end[None, :], dim=1)
        return (log_z - gold).mean()


def viterbi_batch(
    em: np.ndarray, lengths: Sequence[int], trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> list[list[int]]:
    """Best tag-id path of each sentence of padded emissions ``em`` (B, T, K)."""
    b, t, _ = em.shape
    score = start[None, :] + em[:, 0]
    back = np.zeros((t, b, em.shape[2]), dtype=np.intp)
    lens = np.asarray(lengths)
    for i in range(1, t):
        cand = score[:, :, None] + trans[None]
        best = cand.argmax(axis=1)
        new = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0, :] + em[:, i]
        back[i] = best
        score = np.where((lens > i)[:, None], new, score)
    score = score + end[None, :]
    # follow the back-pointers of all sentences at once; a sentence of length n starts at n-1
    cur = score.argmax(axis=1)
    out = np.zeros((b, t), dtype=np.intp)
    rows = np.arange(b)
    for i in range(t - 1, 0, -1):
        active = lens > i
        out[:, i] = np.where(active, cur, out[:, i])
        cur = np.where(active, back[i, rows, cur], cur)
    out[:, 0] = cur
    return [out[k, :n].tolist() for k, n in enumerate(lengths)]


# -- the tagger -----------------------------------------------------------------------------------
def _dequantize(q: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    return q.float() * scale[:, None].float()


def quantize(vectors: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """int8 rows with one float16 scale per row (for shipping the pretrained vectors small)."""
    scale = vectors.abs().amax(dim=1).clamp_min(1e-8) / 127.0
    q = torch.round(vectors / scale[:, None]).clamp(-127, 127).to(torch.int8)
    return q, scale.half()


class NnTagger:
    """BIO tagger over raw tokens with the BiLSTM-CRF (see the module docstring).

    Each distinct token's projected vector is computed once and kept (up to ``cache_size``
    tokens), so a long run pays the word-level part of the network once per word.
    """

    def __init__(self, model: BiLstmCrf, encoder: Encoder, cache_size: int = 200_000) -> None:
        self.model = model
        self.encoder = encoder
        self.model.eval()
        self._trans = model.trans.detach().numpy().astype(np.float64)
        self._start = model.start.detach().numpy().astype(np.float64)
        self._end = model.end.detach().numpy().astype(np.float64)
        self._cache_size = cache_size
        self._rows: dict[str, int] = {}  # token → row of _vecs (row 0: padding)
        self._vecs = np.zeros((1024, model.proj.out_features), dtype=np.float32)

    @classmethod
    def load(cls, path: str | Path | None = None) -> NnTagger:
        """Load the model file (default: the one shipped in ``extract/models/``)."""
        p = Path(path) if path is not None else DEFAULT_NN_FILE
        if p.is_dir():
            p = p / DEFAULT_NN_FILE.name
        if not p.exists():
            raise FileNotFoundError(f"NER model not found: {p}; run bench/train_nn_ner.py")
        blob = torch.load(p, map_location="cpu", weights_only=True)
        return cls(*from_blob(blob))

    def tag(self, tokens: list[str]) -> list[str]:
        """Return one BIO tag per token (``O``, ``B-PERS``, ``I-LOC``, ...)."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: list[list[str]], batch_size: int = 128) -> list[list[str]]:
        """Tag several sentences; the same as ``[self.tag(s) for s in sentences]``.

        Sentences of similar length are run together (less padding).
        """
        from extract.ner.crf import repair_bio

        out: list[list[str]] = [[] for _ in sentences]
        for chunk, em, lengths in self._batches(sentences, batch_size):
            paths = viterbi_batch(em, lengths, self._trans, self._start, self._end)
            for k, path in zip(chunk, paths, strict=True):
                out[k] = repair_bio([TAGS[j] for j in path])
        return out

    def emissions_many(self, sentences: list[list[str]], batch_size: int = 128) -> list[np.ndarray]:
        """Per-token label scores of each sentence, shape ``(len(sentence), len(TAGS))``.

        With :attr:`transitions` they are the CRF potentials the tagger decodes (for
        combining with another model, see :mod:`extract.ner.ensemble`).
        """
        out: list[np.ndarray] = [np.zeros((0, len(TAGS))) for _ in sentences]
        for chunk, em, lengths in self._batches(sentences, batch_size):
            for b, (k, n) in enumerate(zip(chunk, lengths, strict=True)):
                out[k] = em[b, :n]
        return out

    @property
    def transitions(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The CRF's ``(transition, start, end)`` scores, labels in :data:`TAGS` order."""
        return self._trans, self._start, self._end

    def _batches(
        self, sentences: list[list[str]], batch_size: int
    ) -> Iterator[tuple[list[int], np.ndarray, list[int]]]:
        """``(sentence indices, padded emissions (B, T, K), lengths)`` per batch of
        non-empty sentences of similar length, longest first within a batch."""
        order = sorted((k for k, s in enumerate(sentences) if s), key=lambda k: len(sentences[k]))
        enc = self.encoder
        for s0 in range(0, len(order), batch_size):
            chunk = order[s0 : s0 + batch_size][::-1]  # longest first
            sents = [sentences[k] for k in chunk]
            lengths = [len(x) for x in sents]
            t = max(lengths)
            idx = np.zeros((len(sents), t), dtype=np.int64)
            gaz = np.zeros((len(sents), t, N_GAZ), dtype=np.float32)
            with torch.inference_mode():
                rows = self._word_rows(sents)
                cached = enc._cache.get
                for i, sent in enumerate(sents):
                    idx[i, : lengths[i]] = [rows[w] for w in sent]
                    encoded = [cached(w) or enc.encode(w) for w in sent]
                    enc.gazetteer_matrix(encoded, out=gaz[i, : lengths[i]])
                em = self.model.contextual(
                    torch.from_numpy(self._vecs[idx]),
                    torch.from_numpy(gaz),
                    torch.tensor(lengths, dtype=torch.int64),
                    sorted_desc=True,
                )
            yield chunk, em.numpy().astype(np.float64), lengths

    def _word_rows(self, sents: Sequence[Sequence[str]]) -> dict[str, int]:
        """Rows of ``_vecs`` holding each token's word vector, computing the missing ones."""
        rows = self._rows
        new = list(dict.fromkeys(w for s in sents for w in s if w not in rows))
        if new:
            if len(rows) + len(new) > self._cache_size:
                rows.clear()
                new = list(dict.fromkeys(w for s in sents for w in s))
            encoded = [self.encoder.encode(w) for w in new]
            chars = self.model.char_vectors(torch.from_numpy(char_matrix(encoded)))
            vecs = self.model.word_vectors(torch.from_numpy(word_ids(encoded)), chars).numpy()
            start = len(rows) + 1
            if start + len(new) > len(self._vecs):
                grown = np.zeros((2 * (start + len(new)), self._vecs.shape[1]), dtype=np.float32)
                grown[:start] = self._vecs[:start]
                self._vecs = grown
            self._vecs[start : start + len(new)] = vecs
            for j, w in enumerate(new):
                rows[w] = start + j
        return rows

    def clear_cache(self) -> None:
        """Forget the per-token encodings and vectors (to time a pass over unseen words)."""
        self.encoder._cache.clear()
        self._rows.clear()


def _gaz_rows(gaz: Gazetteer | None) -> list[list[str]]:
    if gaz is None:
        return []
    return [[" ".join(k), ",".join(sorted(v))] for k, v in sorted(gaz.entries.items())]


def _gaz_from_rows(rows: Sequence[Sequence[str]]) -> Gazetteer | None:
    if not rows:
        return None
    return Gazetteer({tuple(n.split(" ")): set(t.split(",")) for n, t in rows})


def _join(items: Sequence[str]) -> str:
    """Strings as one newline-separated string: ``torch.load(weights_only=True)`` reads one
    long string far faster than a list of 100,000 short ones."""
    bad = [x for x in items if "\n" in x]
    if bad:
        raise ValueError(f"vocabulary items may not contain a newline: {bad[:3]}")
    return "\n".join(items)


def _split(joined: str) -> list[str]:
    return joined.split("\n") if joined else []


#: blob keys holding lists of strings (joined in format 2) and of small ints (tensors)
_STR_KEYS = ("words", "chars", "shapes", "clitics", "train_words")
_INT_KEYS = ("fq", "alr")
_GAZ_KEYS = ("gazetteer", "lexicon")


def _pack(blob: dict) -> dict:
    """Format 1 (plain lists) → format 2 (joined strings and int tensors), same content."""
    out = dict(blob, format=2)
    for k in _STR_KEYS:
        out[k] = _join(blob[k])
    for k in _INT_KEYS:
        out[k] = torch.tensor(list(blob[k]), dtype=torch.int16)
    for k in _GAZ_KEYS:
        out[k] = _join(["\t".join(row) for row in blob[k]])
    return out


def _unpack(blob: Mapping) -> dict:
    """Format 2 → the plain lists of format 1."""
    out = dict(blob, format=1)
    for k in _STR_KEYS:
        out[k] = _split(blob[k])
    for k in _INT_KEYS:
        out[k] = blob[k].tolist()
    for k in _GAZ_KEYS:
        out[k] = [row.split("\t") for row in _split(blob[k])]
    return out


def _ordered(vocab: Mapping[str, int]) -> list[str]:
    return sorted(vocab, key=vocab.__getitem__)


def to_blob(model: BiLstmCrf, encoder: Encoder, config: Mapping[str, object]) -> dict:
    """Everything needed to rebuild the tagger, as plain containers and tensors.

    ``config`` holds the network sizes (``hidden``, ``char_dim``, ``char_filters``,
    ``train_dim``) so that :func:`from_blob` can rebuild the same network.
    """
    state = {k: v for k, v in model.state_dict().items() if k != "vectors.weight"}
    q, scale = quantize(model.vectors.weight.detach())
    plain = {
        "format": 1,
        "config": dict(config),
        "state": state,
        "vectors_q": q,
        "vectors_scale": scale,
        "words": _ordered(encoder.words),
        "fq": list(encoder.fq),
        "alr": list(encoder.alr),
        "chars": _ordered(encoder.chars),
        "shapes": _ordered(encoder.shapes),
        "clitics": _ordered(encoder.clitics),
        "train_words": _ordered(encoder.train_words),
        "gazetteer": _gaz_rows(encoder.gazetteer),
        "lexicon": _gaz_rows(encoder.lexicon),
    }
    return _pack(plain)


def from_blob(blob: Mapping) -> tuple[BiLstmCrf, Encoder]:
    """Rebuild the network and encoder written by :func:`to_blob` (format 2, or the plain
    lists of format 1)."""
    if blob.get("format") == 2:
        blob = _unpack(blob)
    if blob.get("format") != 1:
        raise ValueError(f"unsupported NER model format {blob.get('format')!r}")
    vectors = _dequantize(blob["vectors_q"], blob["vectors_scale"])
    cfg = dict(blob["config"])
    enc = Encoder(
        words={w: i for i, w in enumerate(blob["words"])},
        fq=list(blob["fq"]),
        alr=list(blob["alr"]),
        chars={c: i for i, c in enumerate(blob["chars"])},
        shapes={c: i for i, c in enumerate(blob["shapes"])},
        clitics={c: i for i, c in enumerate(blob["clitics"])},
        gazetteer=_gaz_from_rows(blob["gazetteer"]),
        lexicon=_gaz_from_rows(blob["lexicon"]),
        train_words={w: i for i, w in enumerate(blob["train_words"])},
    )
    model = BiLstmCrf(
        vectors,
        n_chars=len(enc.chars),
        n_shapes=len(enc.shapes),
        n_clitics=len(enc.clitics),
        char_dim=int(cfg.get("char_dim", 32)),
        char_filters=int(cfg.get("char_filters", 64)),
        hidden=int(cfg.get("hidden", 100)),
        proj=int(cfg.get("proj", 128)),
        n_train_words=max(len(enc.train_words), 2),
        train_dim=int(cfg.get("train_dim", 0)),
    )
    missing, unexpected = model.load_state_dict(blob["state"], strict=False)
    if unexpected or [m for m in missing if m != "vectors.weight"]:
        raise ValueError(f"NER model does not match the network: {missing} {unexpected}")
    return model, enc


def load_lexicon(path: str | Path) -> Gazetteer:
    """Load a name lexicon TSV (header ``name<TAB>type<TAB>source``; names normalised)."""
    gaz = Gazetteer()
    for name, typ, _source in read_tsv(path, ("name", "type", "source")):
        if name:
            gaz.add(tuple(name.split(" ")), {typ})
    return gaz


# -- training -------------------------------------------------------------------------------------
def small_vocab(items: Sequence[str], min_count: int = 1) -> dict[str, int]:
    """A vocabulary with ids 0 (padding) and 1 (unknown) reserved, in first-seen order."""
    counts: dict[str, int] = {}
    for it in items:
        counts[it] = counts.get(it, 0) + 1
    out = {"<pad>": PAD, "<unk>": UNK}
    for it, c in counts.items():
        if c >= min_count and it not in out:
            out[it] = len(out)
    return out


def train_epochs(
    model: BiLstmCrf,
    data: Sequence[tuple[list[tuple], np.ndarray, list[int]]],
    epochs: int,
    lr: float = 1e-3,
    batch_size: int = 16,
    seed: int = 13,
    on_epoch: Callable[[int, float], None] | None = None,
) -> None:
    """Train ``model`` on (encoded sentence, gazetteer matrix, tag ids) triples with Adam.

    ``on_epoch(epoch, mean_loss)`` is called after every epoch (e.g. to score a validation set
    and keep the best weights).
    """
    rng = random.Random(seed)
    torch.manual_seed(seed)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=lr)
    # batches of sentences of similar length (less padding), in a new order every epoch
    by_len = sorted(range(len(data)), key=lambda i: (len(data[i][0]), i))
    chunks = [by_len[k : k + batch_size] for k in range(0, len(by_len), batch_size)]
    for epoch in range(1, epochs + 1):
        model.train()
        rng.shuffle(chunks)
        total = 0.0
        for idx in chunks:
            batch = make_batch([data[i][0] for i in idx], [data[i][1] for i in idx])
            t = batch.ids.shape[1]
            tags = torch.zeros((len(idx), t), dtype=torch.long)
            for r, i in enumerate(idx):
                tags[r, : len(data[i][2])] = torch.tensor(data[i][2])
            loss = model.nll(batch, tags)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            total += float(loss.detach()) * len(idx)
        if on_epoch is not None:
            on_epoch(epoch, total / max(len(data), 1))
    model.eval()


def bucket(value: float, base: float = 2.0, cap: int = 31) -> int:
    """Log bucket id in 1..cap for a positive count (0 is reserved for unknown)."""
    return max(1, min(cap, 1 + int(math.log(max(value, 1.0), base))))


def pretrain_language_model(
    model: BiLstmCrf,
    encoder: Encoder,
    sentences: Sequence[Sequence[str]],
    lr: float = 1e-3,
    batch_size: int = 64,
    n_negatives: int = 1024,
    candidate_pool: int = 30_000,
    seed: int = 13,
    log_every: int = 200,
    logger: logging.Logger | None = None,
) -> None:
    """Pretrain the word layers and the BiLSTM of ``model`` as a language model on unlabelled
    sentences (raw tokens): the forward LSTM state at each word predicts
    the next word and the backward state the previous one, by a softmax over the true words of
    the batch and ``n_negatives`` words drawn from the ``candidate_pool`` most frequent ones,
    scored against their frozen pretrained vectors.  The NER training then starts from these
    weights (the CRF and output layer are not touched).
    """
    rng = random.Random(seed)
    torch.manual_seed(seed)
    hidden = model.lstm.hidden_size
    dims = model.vectors.weight.shape[1]
    head_f = nn.Linear(hidden, dims)
    head_b = nn.Linear(hidden, dims)
    scale = nn.Parameter(torch.tensor(10.0))
    params = [p for p in model.parameters() if p.requires_grad]
    params += [*head_f.parameters(), *head_b.parameters(), scale]
    opt = torch.optim.Adam(params, lr=lr)
    by_len = sorted(range(len(sentences)), key=lambda i: (len(sentences[i]), i))
    chunks = [by_len[k : k + batch_size] for k in range(0, len(by_len), batch_size)]
    rng.shuffle(chunks)
    table = model.vectors.weight
    n_vocab = min(candidate_pool, table.shape[0])
    model.train()
    for step, idx in enumerate(chunks, 1):
        encoded = [[encoder.encode(t) for t in sentences[i]] for i in idx]
        batch = make_batch(encoded, [encoder.gazetteer_matrix(e) for e in encoded])
        ch = model.char_vectors(batch.uniq_chars)[batch.uniq_index]
        x = model.drop(torch.cat([model.word_vectors(batch.ids, ch), batch.gaz], dim=-1))
        packed = nn.utils.rnn.pack_padded_sequence(
            x, batch.lengths, batch_first=True, enforce_sorted=False
        )
        h, _ = model.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        h = model.drop(h)
        words = batch.ids[..., 0]
        mask = batch.mask
        # forward state at i → word i+1; backward state at i → word i-1
        pf, tf = h[:, :-1, :hidden], words[:, 1:]
        mf = mask[:, 1:] & (tf > UNK)
        pb, tb = h[:, 1:, hidden:], words[:, :-1]
        mb = mask[:, 1:] & (tb > UNK)
        preds = torch.cat([head_f(pf[mf]), head_b(pb[mb])])
        targets = torch.cat([tf[mf], tb[mb]])
        if not len(targets):
            continue
        negatives = torch.randint(2, n_vocab, (n_negatives,))
        cands, inverse = torch.unique(torch.cat([targets, negatives]), return_inverse=True)
        logits = scale * (preds @ table[cands].T)
        loss = nn.functional.cross_entropy(logits, inverse[: len(targets)])
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(params, 5.0)
        opt.step()
        if logger is not None and step % log_every == 0:
            logger.info("LM step %d/%d loss %.3f", step, len(chunks), float(loss.detach()))
    model.eval()
