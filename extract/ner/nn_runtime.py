"""The BiLSTM-CRF NER tagger at run time, in numpy (no torch needed to tag).

``bench/nn_model.py`` defines and trains the network with torch; ``bench.nn_model.save_model``
writes its weights, vocabularies and name lists to one ``.npz`` file, and this module runs it:
a character CNN and a projection per distinct word (cached), a bidirectional LSTM per sentence
and Viterbi decoding of the CRF.  It gives the same scores as the torch network (tested to
float32 precision) and loads in a fraction of a second, without importing torch.

Example::

    from rasd.extract.ner.nn_runtime import NnTagger
    tagger = NnTagger.load()       # the shipped model, extract/models/ner_nn.npz
    tagger.tag(["قال", "الرئيس", "الفرنسي", "فرانسوا", "هولاند"])
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from rasd.extract.ner.features import (
    WORD_CACHE_SIZE,
    Gazetteer,
    normalize,
    split_clitics,
    word_shape,
)
from rasd.extract.resources import NerLexiconRow, NerNetworkRow, load_table

__all__ = [
    "DEFAULT_NN_FILE",
    "TAGS",
    "Encoder",
    "NnEnsemble",
    "NnTagger",
    "NumpyNet",
    "load_lexicon",
    "load_model",
    "load_networks",
    "marginals_packed",
    "tag_names",
    "time_major",
    "viterbi_batch",
    "viterbi_packed",
]

DEFAULT_NN_FILE = Path(__file__).resolve().parent.parent / "models" / "ner_nn.npz"
#: the network files the default backends run (:func:`load_networks`)
DEFAULT_NN_LIST = DEFAULT_NN_FILE.parent / "ner_nn_files.tsv"
FORMAT = 3
TYPES = ("LOC", "MISC", "ORG", "PERS")
TAGS = ("O", *(f"{p}-{t}" for t in TYPES for p in ("B", "I")))
GAZ_LABELS = tuple(f"{p}-{t}" for t in TYPES for p in ("B", "I"))
_GAZ_INDEX = {lab: k for k, lab in enumerate(GAZ_LABELS)}
N_GAZ = 2 * len(GAZ_LABELS)  # names of the labelled training data, then the curated lexicon
MAX_CHARS = 16
PAD, UNK = 0, 1
NORM, STEM = 7, 8  # positions of the normalised form and the stem in Encoder.encode's tuple
#: words whose input gates an NnTagger keeps (3.2 KB each with the shipped network's 100 units)
GATE_CACHE_SIZE = 40_000


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
        # a tuple: the whole entry holds no container, so the garbage collector stops
        # tracking it (the cache holds up to WORD_CACHE_SIZE of them)
        cids = tuple(map(chars.get, norm[:MAX_CHARS], repeat(UNK))) or (UNK,)
        clitic = self.clitics.get(pro + ("+ال" if art else ""), UNK)
        shape = self.shapes.get(word_shape(token), UNK)
        fq = self.fq[lex] if lex != UNK else 0
        alr = self.alr[lex] if lex != UNK else 0
        tid = self.train_words.get(norm, UNK) if self.train_words else UNK
        gaz_start = self.gazetteer is not None and self.gazetteer.may_start(norm, stem)
        lex_start = self.lexicon is not None and self.lexicon.may_start(norm, stem)
        out = (wid, sid, cids, shape, clitic, fq, alr, norm, stem, tid, gaz_start, lex_start)
        if len(self._cache) >= WORD_CACHE_SIZE:
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
        at: dict[int, Sequence[str]] | None = None
        if labels is not None:
            at = {i: labs for i, labs in enumerate(labels) if labs}
        elif self.gazetteer is not None:
            starts = [i for i, e in enumerate(encoded) if e[10]]
            at = self.gazetteer.labels_at(norms, stems, starts) if starts else None
        lex = None
        if self.lexicon is not None:
            starts = [i for i, e in enumerate(encoded) if e[11]]
            lex = self.lexicon.labels_at(norms, stems, starts) if starts else None
        for offset, labs_by_pos in ((0, at), (len(GAZ_LABELS), lex)):
            if labs_by_pos is not None:
                _mark(out, offset, labs_by_pos)
        return out

    def gazetteer_packed(
        self, encoded: Sequence[tuple], lengths: Sequence[int], out: np.ndarray
    ) -> bool:
        """Fill ``out`` (N, N_GAZ), zeroed, with the gazetteer columns of encoded sentences
        packed one after another (``lengths``): each sentence's :meth:`gazetteer_matrix`, with
        one look-up per name list for all of them.  Returns whether any column was set."""
        n = len(encoded)
        ends = np.cumsum(lengths)
        norms: list[str] | None = None
        found = False
        for offset, gaz, flag in (
            (0, self.gazetteer, _GAZ_START),
            (len(GAZ_LABELS), self.lexicon, _LEX_START),
        ):
            if gaz is None:
                continue
            may = np.flatnonzero(np.fromiter(map(flag, encoded), dtype=bool, count=n))
            if not len(may):
                continue
            if norms is None:
                norms = list(map(_NORM, encoded))
                stems = list(map(_STEM, encoded))
            stops = ends[np.searchsorted(ends, may, side="right")]
            labs_by_pos = gaz.labels_at(norms, stems, may.tolist(), stops.tolist())
            found = _mark(out, offset, labs_by_pos) or found
        return found


def _mark(out: np.ndarray, offset: int, labs_by_pos: dict[int, Sequence[str]]) -> bool:
    """Set ``out[i, offset + k]`` to 1 for each label (k its column) at each position ``i``;
    returns whether any was set."""
    found = False
    for i, labs in labs_by_pos.items():
        for lab in labs:
            k = _GAZ_INDEX.get(lab)
            if k is not None:
                out[i, offset + k] = 1.0
                found = True
    return found


#: positions in Encoder.encode's tuple of the columns of Batch.ids
ID_COLUMNS = (0, 1, 3, 4, 5, 6, 9)


_ID_GETTER = operator.itemgetter(*ID_COLUMNS)
#: whether a name of the gazetteer, or of the lexicon, may start at an encoded token
_GAZ_START, _LEX_START = operator.itemgetter(10), operator.itemgetter(11)
_NORM, _STEM = operator.itemgetter(NORM), operator.itemgetter(STEM)
_CHARS = operator.itemgetter(2)


def word_ids(encoded: Sequence[tuple]) -> np.ndarray:
    """The Batch.ids columns of encoded tokens, shape (N, 7)."""
    return np.array(list(map(_ID_GETTER, encoded)), dtype=np.int64).reshape(
        len(encoded), len(ID_COLUMNS)
    )


def char_matrix(encoded: Sequence[tuple]) -> np.ndarray:
    """Character ids of encoded tokens, padded to MAX_CHARS, shape (N, MAX_CHARS)."""
    n = len(encoded)
    out = np.zeros((n, MAX_CHARS), dtype=np.int64)
    cids = list(map(_CHARS, encoded))
    lens = np.fromiter(map(len, cids), dtype=np.intp, count=n)
    flat = np.fromiter(chain.from_iterable(cids), dtype=np.int64, count=int(lens.sum()))
    # token i's characters fill row i from column 0 (at most MAX_CHARS: Encoder.encode)
    cols = np.arange(len(flat)) - np.repeat(np.cumsum(lens) - lens, lens)
    out[np.repeat(np.arange(n), lens), cols] = flat
    return out


def time_major(lengths: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Layout of sentences packed one after another (``lengths``, all > 0) read step by step.

    Returns ``(active, pos, rev)``: ``active[i]`` is how many sentences have a token at step
    ``i``, always the first of them in order of decreasing length (ties: the earlier first),
    and ``pos``/``rev`` give, for each (step, sentence) in that time-major order, the packed
    position of the sentence's token ``i`` and of its token ``i`` counted from the end.

    >>> active, pos, rev = time_major([2, 3])
    >>> active.tolist(), pos.tolist(), rev.tolist()
    ([2, 2, 1], [2, 0, 3, 1, 4], [4, 1, 3, 0, 2])
    """
    lens = np.asarray(lengths, dtype=np.intp)
    offsets = np.zeros(len(lens), dtype=np.intp)
    np.cumsum(lens[:-1], out=offsets[1:])
    order = np.argsort(-lens, kind="stable")
    slens, soffs = lens[order], offsets[order]
    active = np.searchsorted(-slens, -np.arange(int(slens[0])), side="left")
    step = np.repeat(np.arange(len(active)), active)
    row = np.arange(len(step)) - np.repeat(np.cumsum(active) - active, active)
    return active, soffs[row] + step, soffs[row] + slens[row] - 1 - step


_TAG_ARRAY = np.array(TAGS, dtype=object)


def tag_names(ids: np.ndarray, lengths: Sequence[int]) -> list[list[str]]:
    """The BIO tags of tag ids (in :data:`TAGS` order) of sentences packed one after another
    (``lengths``, all > 0), repaired as :func:`extract.ner.crf.repair_bio` does: an ``I-X``
    after ``O``, after another type or first in its sentence becomes ``B-X``.

    >>> tag_names(np.array([2, 2, 0, 4, 1, 2]), [2, 4])
    [['B-LOC', 'I-LOC'], ['O', 'B-MISC', 'B-LOC', 'I-LOC']]
    """
    ids = np.asarray(ids, dtype=np.intp)
    kind = (ids - 1) // 2  # the type of a B-/I- tag, -1 for O
    first = np.zeros(len(ids), dtype=bool)
    first[np.cumsum(lengths) - lengths] = True
    prev = np.empty_like(kind)
    prev[0] = -1
    prev[1:] = kind[:-1]
    orphan = (ids > 0) & (ids % 2 == 0) & (first | (prev != kind))
    tags = _TAG_ARRAY[ids - orphan].tolist()
    out = []
    o = 0
    for n in lengths:
        out.append(tags[o : o + n])
        o += n
    return out


def viterbi_packed(
    em: np.ndarray,
    lengths: Sequence[int],
    trans: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> list[list[int]]:
    """Best tag-id path of each sentence, from emissions ``em`` (N, K) of sentences packed one
    after another (``lengths``; empty sentences give empty paths).

    ``start`` and ``end`` are the scores of the first and last tag, (K,), or one row per
    sentence, (len(lengths), K).  The same paths as :func:`viterbi_batch` (ties go to the lower
    tag id in both).
    """
    paths: list[list[int]] = [[] for _ in lengths]
    keep = [k for k, n in enumerate(lengths) if n]
    if not keep:
        return paths
    lens = [lengths[k] for k in keep]
    active, pos, _ = time_major(lens)
    em_tm = em[pos]
    steps = active.tolist()
    score = np.empty((steps[0], em.shape[1]))
    if start.ndim == 2:  # one row per sentence: in time_major's order (longest first)
        order = np.asarray(keep)[np.argsort(-np.asarray(lens), kind="stable")]
        start, end = start[order], end[order]
    else:
        start = start[None, :]
    np.add(start, em_tm[: steps[0]], out=score)
    back = np.empty((len(pos), em.shape[1]), dtype=np.intp)
    s = steps[0]
    for n in steps[1:]:
        e = s + n
        cand = score[:n, :, None] + trans[None]
        back[s:e] = cand.argmax(axis=1)
        np.add(cand.max(axis=1), em_tm[s:e], out=score[:n])
        s = e
    score += end
    cur = score.argmax(axis=1)
    tm_path = np.empty(len(pos), dtype=np.intp)
    e = len(pos)
    for n in reversed(steps[1:]):
        s = e - n
        tm_path[s:e] = cur[:n]
        cur[:n] = back[np.arange(s, e), cur[:n]]
        e = s
    tm_path[:e] = cur
    flat = np.empty(len(pos), dtype=np.intp)
    flat[pos] = tm_path
    o = 0
    for k, n in zip(keep, lens, strict=True):
        paths[k] = flat[o : o + n].tolist()
        o += n
    return paths


def marginals_packed(
    em: np.ndarray,
    lengths: Sequence[int],
    trans: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> np.ndarray:
    """Marginal probability of each tag at each token, (N, K), of the linear-chain CRF with
    emissions ``em`` (N, K) of sentences packed one after another (``lengths``, all > 0),
    transition scores ``trans`` (K, K) and first/last-tag scores ``start``/``end`` (K,).

    Forward-backward in probability space, each step's row rescaled to sum to 1 (the scale
    cancels in the marginals), so no logarithm is taken inside the loop.

    >>> m = marginals_packed(np.zeros((3, 2)), [1, 2], np.zeros((2, 2)), np.zeros(2),
    ...                      np.zeros(2))
    >>> m.tolist()
    [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]
    """
    active, pos, rev = time_major(lengths)
    steps = active.tolist()
    x = np.exp(em - em.max(axis=1, keepdims=True))  # (N, K), each row's largest = 1
    e = np.exp(trans - trans.max())
    # forward (alpha, time-major) and backward (beta times the emission, read from the end of
    # each sentence) run side by side: both are "previous row @ matrix, times this token's x"
    xs = np.stack([x[pos], x[rev]])
    w = np.stack([e, e.T])
    buf = np.empty_like(xs)
    n0 = steps[0]
    buf[0, :n0] = xs[0, :n0] * np.exp(start - start.max())
    buf[1, :n0] = xs[1, :n0] * np.exp(end - end.max())
    buf[:, :n0] /= buf[:, :n0].sum(axis=2, keepdims=True)
    s = n0
    prev = 0
    add = np.add.reduce  # as ndarray.sum, without its Python wrapper (a call per step)
    for n in steps[1:]:
        stop = s + n
        r = np.matmul(buf[:, prev : prev + n], w, out=buf[:, s:stop])
        r *= xs[:, s:stop]
        r /= add(r, axis=2, keepdims=True)
        prev = s
        s = stop
    out = np.empty_like(x)
    out[pos] = buf[0]
    out[rev] *= buf[1]
    np.divide(out, x, out=out, where=x > 0)  # the token's own emission was in both
    out /= out.sum(axis=1, keepdims=True)
    return out


def viterbi_batch(
    em: np.ndarray, lengths: Sequence[int], trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> list[list[int]]:
    """Best tag-id path of each sentence of padded emissions ``em`` (B, T, K)."""
    mask = np.arange(em.shape[1])[None, :] < np.asarray(lengths)[:, None]
    return viterbi_packed(em[mask], lengths, trans, start, end)


# -- the network in numpy -------------------------------------------------------------------------
def _sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-x)) through tanh: no overflow, and faster than scipy's expit here."""
    y = np.tanh(0.5 * x)
    y += 1.0
    y *= 0.5
    return y


@dataclass
class NumpyNet:
    """The trained network's weights (float32 arrays) and its forward pass.

    Names follow ``bench.nn_model.BiLstmCrf``; ``lstm_*_f`` / ``lstm_*_r`` are the forward
    and backward directions (torch's gate order i, f, g, o), ``lstm_b_*`` the two biases summed.
    """

    vectors: np.ndarray
    char_emb: np.ndarray
    conv_w: np.ndarray  # (filters, char_dim, 3)
    conv_b: np.ndarray
    shape_emb: np.ndarray
    clitic_emb: np.ndarray
    fq_emb: np.ndarray
    alr_emb: np.ndarray
    train_emb: np.ndarray | None
    proj_w: np.ndarray
    proj_b: np.ndarray
    lstm_ih_f: np.ndarray
    lstm_hh_f: np.ndarray
    lstm_b_f: np.ndarray
    lstm_ih_r: np.ndarray
    lstm_hh_r: np.ndarray
    lstm_b_r: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    trans: np.ndarray
    start: np.ndarray
    end: np.ndarray

    @property
    def proj_dim(self) -> int:
        """Size of a word's projected vector."""
        return int(self.proj_w.shape[0])

    def char_vectors(self, chars: np.ndarray) -> np.ndarray:
        """Character-CNN vectors (U, filters) of character-id rows ``chars`` (U, L).

        The convolution (width 3, zero padding) is a sum of three per-character tables:
        what a character adds to the filters at the position before it, at its own and at
        the one after it.
        """
        n, width = chars.shape
        if n < 2:
            return self._char_vectors(chars)
        # the rows by the columns up to their last character (most words are far shorter
        # than MAX_CHARS): each group computed over those columns and one padding column,
        # which give its characters' positions the same sums as the full width
        used = width - np.argmax(chars[:, ::-1] != PAD, axis=1)
        groups = np.unique(used).tolist()
        if len(groups) == 1 and groups[0] + 1 >= width:
            return self._char_vectors(chars)
        out = np.empty((n, self.conv_b.shape[0]), dtype=np.float32)
        for w in groups:
            rows = np.flatnonzero(used == w)
            out[rows] = self._char_vectors(chars[rows, : min(w + 1, width)])
        return out

    def _char_vectors(self, chars: np.ndarray) -> np.ndarray:
        """:meth:`char_vectors` over all the columns of ``chars``."""
        before, own, after = self._char_tables
        h = own[chars]  # (U, L, F)
        h[:, 1:] += before[chars[:, :-1]]
        h[:, :-1] += after[chars[:, 1:]]
        h += self.conv_b
        np.maximum(h, 0.0, out=h)
        h *= (chars != PAD)[:, :, None]
        return h.max(axis=1)

    @functools.cached_property
    def _char_tables(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per character id, what it adds to the filters (taps 0, 1, 2): at the position
        after it, at its own position, at the position before it."""
        return tuple(
            np.ascontiguousarray(self.char_emb @ self.conv_w[:, :, k].T).astype(np.float32)
            for k in range(3)
        )

    def word_vectors(self, ids: np.ndarray, char_vecs: np.ndarray) -> np.ndarray:
        """Projected vectors (N, proj) from word ids (N, 7) and character vectors."""
        parts = [] if self.train_emb is None else [self.train_emb[ids[:, 6]]]
        x = np.concatenate(
            [
                *parts,
                self.vectors[ids[:, 0]],
                self.vectors[ids[:, 1]],
                char_vecs,
                self.shape_emb[ids[:, 2]],
                self.clitic_emb[ids[:, 3]],
                self.fq_emb[ids[:, 4]],
                self.alr_emb[ids[:, 5]],
            ],
            axis=1,
        )
        return np.tanh(x @ self.proj_w.T + self.proj_b)

    def contextual(self, words: np.ndarray, gaz: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """Tag scores (B, T, n_tags) from word vectors (B, T, proj) and gazetteer columns.

        Scores at padding positions (beyond a sentence's length) are left at the output bias.
        """
        lens = [int(n) for n in lengths]
        b, t = words.shape[:2]
        mask = np.arange(t)[None, :] < np.asarray(lens)[:, None]
        x = np.concatenate([words[mask], gaz[mask]], axis=1)
        out = np.broadcast_to(self.out_b, (b, t, len(self.out_b))).copy()
        out[mask] = self.contextual_packed(x, lens)
        return out

    def contextual_packed(self, x: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """Tag scores (N, n_tags) of sentences packed one after another (no padding): ``x``
        (N, proj + gazetteer columns) holds their tokens' inputs, ``lengths`` their lengths
        (all > 0, summing to N)."""
        w = self._packed
        active, pos_f, pos_r = time_major(lengths)
        hidden = w["hidden"]
        gates = x.astype(np.float32, copy=False) @ w["w_ih"]  # (N, 2 * 4H), both directions
        gates += w["bias"]
        gx = np.empty((2, len(pos_f), 4 * hidden), dtype=np.float32)
        np.take(gates[:, : 4 * hidden], pos_f, axis=0, out=gx[0], mode="clip")
        np.take(gates[:, 4 * hidden :], pos_r, axis=0, out=gx[1], mode="clip")
        return self._scores(gx, active, pos_f, pos_r)

    def word_gates(self, vecs: np.ndarray) -> np.ndarray:
        """What projected word vectors ``vecs`` (U, proj) give both LSTM directions' input
        gates, bias included, before the gazetteer columns: (2, U, 4H), float32.

        A token's input is its word's vector and its gazetteer columns, so these rows can be
        kept per word (:class:`NnTagger` does) and the columns added per token
        (:meth:`contextual_rows`)."""
        w = self._packed
        hidden = w["hidden"]
        g = vecs.astype(np.float32, copy=False) @ w["w_ih"][: vecs.shape[1]]
        g += w["bias"]
        return g.reshape(len(vecs), 2, 4 * hidden).transpose(1, 0, 2)

    def contextual_rows(
        self,
        table: np.ndarray,
        rows: np.ndarray,
        gaz: np.ndarray | None,
        lengths: Sequence[int],
    ) -> np.ndarray:
        """Tag scores (N, n_tags) of sentences packed one after another (``lengths``, all > 0,
        summing to N) whose tokens' word gates are the rows ``rows`` (N,) of ``table``
        (2, R, 4H, from :meth:`word_gates`); ``gaz``: the tokens' gazetteer columns (N, N_GAZ),
        ``None`` when all are zero.  The same scores as :meth:`contextual_packed` up to float32
        rounding (the input product summed in another order)."""
        w = self._packed
        hidden = w["hidden"]
        active, pos_f, pos_r = time_major(lengths)
        n = len(pos_f)
        gx = np.empty((2, n, 4 * hidden), dtype=np.float32)
        # mode="clip" (the rows are all valid): with "raise", take copies through a buffer
        np.take(table[0], rows[pos_f], axis=0, out=gx[0], mode="clip")
        np.take(table[1], rows[pos_r], axis=0, out=gx[1], mode="clip")
        if gaz is not None:
            hit = np.flatnonzero(gaz.any(axis=1))
            if len(hit):
                add = gaz[hit] @ w["w_ih"][-gaz.shape[1] :]  # (hits, 2 * 4H)
                at = np.empty(n, dtype=np.intp)  # time-major row of each packed token
                at[pos_f] = np.arange(n)
                gx[0, at[hit]] += add[:, : 4 * hidden]
                at[pos_r] = np.arange(n)
                gx[1, at[hit]] += add[:, 4 * hidden :]
        return self._scores(gx, active, pos_f, pos_r)

    def _scores(
        self, gx: np.ndarray, active: np.ndarray, pos_f: np.ndarray, pos_r: np.ndarray
    ) -> np.ndarray:
        """Tag scores (N, n_tags) in packed order from time-major input gates ``gx``
        (2, N, 4H) laid out by :func:`time_major` (``active``, ``pos_f``, ``pos_r``)."""
        w = self._packed
        hidden = w["hidden"]
        hs = self._lstm_packed(gx, active, w["w_hh"], hidden)
        h = np.empty((gx.shape[1], 2 * hidden), dtype=np.float32)
        h[pos_f, :hidden] = hs[0]
        h[pos_r, hidden:] = hs[1]
        return h @ self.out_w.T + self.out_b

    @functools.cached_property
    def _packed(self) -> dict:
        """The LSTM weights arranged for :meth:`_lstm_packed`: gates reordered (i, f, o, g)
        and the i, f, o rows halved, so that one ``tanh`` gives tanh(x / 2) for the sigmoid
        gates (σ(x) = (tanh(x / 2) + 1) / 2) and tanh(x) for the g gate; halving by a power
        of two is exact in floating point."""
        hidden = self.lstm_hh_f.shape[1]
        perm = np.r_[0 : 2 * hidden, 3 * hidden : 4 * hidden, 2 * hidden : 3 * hidden]
        scale = np.ones(4 * hidden, dtype=np.float32)
        scale[: 3 * hidden] = 0.5

        def arrange(a: np.ndarray) -> np.ndarray:
            return (a[perm] * scale.reshape(-1, *([1] * (a.ndim - 1)))).astype(np.float32)

        w_ih = np.concatenate([arrange(self.lstm_ih_f).T, arrange(self.lstm_ih_r).T], axis=1)
        bias = np.concatenate([arrange(self.lstm_b_f), arrange(self.lstm_b_r)])
        w_hh = np.stack([arrange(self.lstm_hh_f).T, arrange(self.lstm_hh_r).T])
        return {
            "hidden": hidden,
            "w_ih": np.ascontiguousarray(w_ih),
            "bias": bias,
            "w_hh": np.ascontiguousarray(w_hh),
        }

    @staticmethod
    def _lstm_packed(
        gx: np.ndarray, active: np.ndarray, w_hh: np.ndarray, hidden: int
    ) -> np.ndarray:
        """Both LSTM directions over time-major packed input gates ``gx`` (2, N, 4H): step i
        holds ``active[i]`` rows (a prefix of the sentences, longest first).  Returns the
        hidden states in the same layout, (2, N, H)."""
        out = np.empty((2, gx.shape[1], hidden), dtype=np.float32)
        n0 = int(active[0])
        c = np.zeros((2, n0, hidden), dtype=np.float32)
        rec = np.empty((2, n0, 4 * hidden), dtype=np.float32)  # the recurrent product
        tmp = np.empty((2, n0, hidden), dtype=np.float32)
        h1, h2, h3 = hidden, 2 * hidden, 3 * hidden
        # ufuncs with out= into buffers made once: no array allocated inside the loop
        matmul, tanh, mul, add = np.matmul, np.tanh, np.multiply, np.add
        prev = -1
        s = 0
        for n in active.tolist():
            e = s + n
            z = gx[:, s:e]
            if prev >= 0:
                r = rec[:, :n]
                matmul(out[:, prev : prev + n], w_hh, out=r)
                add(z, r, out=z)
            tanh(z, out=z)
            sig = z[..., :h3]
            add(sig, 1.0, out=sig)
            mul(sig, 0.5, out=sig)  # the i, f and o gates
            cn = c[:, :n]
            t = tmp[:, :n]
            mul(cn, z[..., h1:h2], out=cn)
            mul(z[..., :h1], z[..., h3:], out=t)
            add(cn, t, out=cn)
            tanh(cn, out=t)
            mul(z[..., h2:h3], t, out=out[:, s:e])
            prev = s
            s = e
        return out


# -- the tagger ----------------------------------------------------------------------------------
class _CrfDecoding:
    """What a BiLSTM-CRF tagger does with its emissions and CRF transitions (shared by
    :class:`NnTagger` and :class:`NnEnsemble`): a subclass gives ``emissions_packed``,
    ``_trans``/``_start``/``_end`` (float64) and ``_blas`` (a ThreadpoolController)."""

    _trans: np.ndarray
    _start: np.ndarray
    _end: np.ndarray
    _blas: ThreadpoolController

    def emissions_packed(self, sents: Sequence[Sequence[str]]) -> np.ndarray:
        """Emissions (N, K), float32, of non-empty sentences packed one after another."""
        raise NotImplementedError

    def tag(self, tokens: list[str]) -> list[str]:
        """Return one BIO tag per token (``O``, ``B-PERS``, ``I-LOC``, ...)."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: list[list[str]], batch_size: int = 64) -> list[list[str]]:
        """Tag several sentences; the same as ``[self.tag(s) for s in sentences]``.

        Sentences of similar length are run together; batches of 64 were the fastest measured
        (the LSTM's arrays stay in cache).
        """
        from rasd.extract.ner.crf import repair_bio

        out: list[list[str]] = [[] for _ in sentences]
        for chunk, em, lengths in self._batches(sentences, batch_size):
            paths = viterbi_packed(em, lengths, self._trans, self._start, self._end)
            for k, path in zip(chunk, paths, strict=True):
                out[k] = repair_bio([TAGS[j] for j in path])
        return out

    def emissions_many(self, sentences: list[list[str]], batch_size: int = 64) -> list[np.ndarray]:
        """Per-token label scores of each sentence, shape ``(len(sentence), len(TAGS))``.

        With :attr:`transitions` they are the CRF potentials the tagger decodes (for
        combining with another model, see :mod:`extract.ner.ensemble`).
        """
        out: list[np.ndarray] = [np.zeros((0, len(TAGS))) for _ in sentences]
        for chunk, em, lengths in self._batches(sentences, batch_size):
            o = 0
            for k, n in zip(chunk, lengths, strict=True):
                out[k] = em[o : o + n]
                o += n
        return out

    @property
    def transitions(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The CRF's ``(transition, start, end)`` scores, labels in :data:`TAGS` order."""
        return self._trans, self._start, self._end

    def _batches(
        self, sentences: Sequence[Sequence[str]], batch_size: int
    ) -> Iterator[tuple[list[int], np.ndarray, list[int]]]:
        """``(sentence indices, emissions (N, K) of their tokens packed one sentence after
        another, lengths)`` per batch of non-empty sentences of similar length."""
        order = sorted((k for k, s in enumerate(sentences) if s), key=lambda k: len(sentences[k]))
        for s0 in range(0, len(order), batch_size):
            chunk = order[s0 : s0 + batch_size]
            sents = [sentences[k] for k in chunk]
            lengths = [len(x) for x in sents]
            with self._blas.limit(limits=1, user_api="blas"):
                em = self.emissions_packed(sents)
            yield chunk, em.astype(np.float64), lengths


class NnTagger(_CrfDecoding):
    """BIO tagger over raw tokens with the BiLSTM-CRF (trained by ``bench/nn_model.py``).

    Each distinct token's word-level part of the network (character CNN, projection, and what
    the projection adds to the LSTM's input gates: :meth:`NumpyNet.word_gates`) is computed
    once and kept, for up to ``cache_size`` tokens (3.2 KB each: at most ~130 MB by default),
    so a long run pays it once per word.
    """

    def __init__(self, net: NumpyNet, encoder: Encoder, cache_size: int = GATE_CACHE_SIZE) -> None:
        self.net = net
        self.encoder = encoder
        self._trans = net.trans.astype(np.float64)
        self._start = net.start.astype(np.float64)
        self._end = net.end.astype(np.float64)
        self._cache_size = cache_size
        self._rows: dict[str, int] = {}  # token → row of _gates (row 0 unused)
        # room for the whole cache from the start (128 MB with the defaults, but np.zeros
        # maps pages that only become resident as rows are filled): no growing by copies
        self._gates = np.zeros((2, cache_size + 1, net.lstm_hh_f.shape[0]), dtype=np.float32)
        self._alloc_row_info(cache_size + 1)
        # the LSTM's many small matrix products run fastest on one BLAS thread (measured:
        # 31k tokens/s against 26k with two threads, which also used twice the CPU)
        self._blas = ThreadpoolController()

    @classmethod
    def load(cls, path: str | Path | None = None) -> NnTagger:
        """Load the model file (default: the one shipped in ``extract/models/``)."""
        p = Path(path) if path is not None else DEFAULT_NN_FILE
        if p.is_dir():
            p = p / DEFAULT_NN_FILE.name
        if not p.exists():
            raise FileNotFoundError(f"NER model not found: {p}; run bench/train_nn_ner.py")
        return cls(*load_model(p))

    def _alloc_row_info(self, size: int) -> None:
        """Arrays of ``size`` rows for what :meth:`emissions_packed` reads of each cached
        word besides its gates (from :meth:`Encoder.encode`): whether a name of the
        gazetteer and of the lexicon may start at it, its normalised form and its stem."""
        self._r_flag = np.zeros((size, 2), dtype=bool)
        self._r_norm = np.empty(size, dtype=object)
        self._r_stem = np.empty(size, dtype=object)
        # the name lists the flags were read with (Encoder.set_gazetteer may replace one)
        self._r_lists = (self.encoder.gazetteer, self.encoder.lexicon)

    def emissions_packed(self, sents: Sequence[Sequence[str]]) -> np.ndarray:
        """Emissions (N, K), float32, of non-empty sentences packed one after another."""
        enc = self.encoder
        words = [w for sent in sents for w in sent]
        n = len(words)
        if self._r_lists[0] is not enc.gazetteer or self._r_lists[1] is not enc.lexicon:
            self._rows.clear()
            self._r_lists = (enc.gazetteer, enc.lexicon)
        ents = list(map(self._rows.get, words))
        if None in ents:
            rows = self._word_rows(sents, words, ents)
            ents = list(map(rows.__getitem__, words))
        idx = np.fromiter(ents, dtype=np.intp, count=n)
        lengths = [len(s) for s in sents]
        gaz = np.zeros((n, N_GAZ), dtype=np.float32)
        if not self._gazetteer_packed(idx, lengths, gaz):
            gaz = None
        return self.net.contextual_rows(self._gates, idx, gaz, lengths)

    def _gazetteer_packed(self, idx: np.ndarray, lengths: Sequence[int], out: np.ndarray) -> bool:
        """:meth:`Encoder.gazetteer_packed` of the tokens whose rows are ``idx``, read from
        what the rows keep (no encoding looked up per token)."""
        enc = self.encoder
        flags = self._r_flag[idx]
        ends = np.cumsum(lengths)
        norms: list[str] | None = None
        stems: list[str] = []
        found = False
        for offset, gaz, col in ((0, enc.gazetteer, 0), (len(GAZ_LABELS), enc.lexicon, 1)):
            if gaz is None:
                continue
            may = np.flatnonzero(flags[:, col])
            if not len(may):
                continue
            if norms is None:
                norms = self._r_norm[idx].tolist()
                stems = self._r_stem[idx].tolist()
            stops = ends[np.searchsorted(ends, may, side="right")]
            labs_by_pos = gaz.labels_at(norms, stems, may.tolist(), stops.tolist())
            found = _mark(out, offset, labs_by_pos) or found
        return found

    def _word_rows(
        self,
        sents: Sequence[Sequence[str]],
        words: Sequence[str] | None = None,
        ents: Sequence[int | None] | None = None,
    ) -> dict[str, int]:
        """Rows of ``_gates`` holding each token's word gates, computing the missing ones
        (``words``: the tokens of ``sents`` one after another and ``ents`` their rows,
        ``None`` for a missing one, when the caller has them)."""
        rows = self._rows
        if words is None:
            words = [w for s in sents for w in s]
        if ents is None:
            ents = list(map(rows.get, words))
        new = list(dict.fromkeys(compress(words, map(operator.not_, ents))))  # rows are >= 1
        if new:
            if len(rows) + len(new) > self._cache_size:
                rows.clear()
                new = list(dict.fromkeys(words))
            encoded = [self.encoder.encode(w) for w in new]
            chars = self.net.char_vectors(char_matrix(encoded))
            gates = self.net.word_gates(self.net.word_vectors(word_ids(encoded), chars))
            start = len(rows) + 1
            need = start + len(new)
            if need > self._gates.shape[1]:
                size = max(need, min(2 * need, self._cache_size + 1))
                grown = np.zeros((2, size, self._gates.shape[2]), dtype=np.float32)
                grown[:, :start] = self._gates[:, :start]
                self._gates = grown
                old = (self._r_flag, self._r_norm, self._r_stem)
                self._alloc_row_info(size)
                kept = (self._r_flag, self._r_norm, self._r_stem)
                for new_a, old_a in zip(kept, old, strict=True):
                    new_a[:start] = old_a[:start]
            self._gates[:, start:need] = gates
            self._r_flag[start:need] = (
                np.array(
                    list(map(_GAZ_START, encoded)) + list(map(_LEX_START, encoded)), dtype=bool
                )
                .reshape(2, -1)
                .T
            )
            self._r_norm[start:need] = np.array(list(map(_NORM, encoded)), dtype=object)
            self._r_stem[start:need] = np.array(list(map(_STEM, encoded)), dtype=object)
            rows.update(zip(new, range(start, need), strict=True))
        return rows

    def clear_cache(self) -> None:
        """Forget the per-token encodings and vectors (to time a pass over unseen words)."""
        self.encoder._cache.clear()
        self._rows.clear()


class NnEnsemble(_CrfDecoding):
    """Several BiLSTM-CRF networks over the same labels run as one tagger: per token, the
    mean of their emission scores; per label pair, the mean of their CRF transition (and
    start, end) scores; decoded as one network's (Viterbi, marginals).

    Networks whose inputs are the same (vocabularies, name lists: networks warm-started from
    one another) share one :class:`Encoder` and its cache; each keeps its own cache of word
    gates (up to 128 MB each at full size).
    """

    def __init__(self, taggers: Sequence[NnTagger]) -> None:
        if len(taggers) < 2:
            raise ValueError("an ensemble needs two networks or more (one: use NnTagger)")
        first = taggers[0].encoder
        for t in taggers[1:]:
            if t.encoder is not first and _same_inputs(first, t.encoder):
                t.encoder = first
        self.taggers = list(taggers)
        self.encoder = first
        self._trans = np.mean([t._trans for t in taggers], axis=0)
        self._start = np.mean([t._start for t in taggers], axis=0)
        self._end = np.mean([t._end for t in taggers], axis=0)
        self._blas = taggers[0]._blas

    @classmethod
    def load(cls, paths: Sequence[str | Path]) -> NnEnsemble:
        """Load the networks of these model files (two or more)."""
        return cls([NnTagger.load(p) for p in paths])

    def emissions_packed(self, sents: Sequence[Sequence[str]]) -> np.ndarray:
        """Emissions (N, K), float32, of non-empty sentences packed one after another: the
        mean of the networks' (summed in the order of :attr:`taggers`)."""
        em = self.taggers[0].emissions_packed(sents)
        for t in self.taggers[1:]:
            em += t.emissions_packed(sents)
        em *= np.float32(1.0 / len(self.taggers))
        return em

    def clear_cache(self) -> None:
        """Forget every network's per-token encodings and vectors."""
        for t in self.taggers:
            t.clear_cache()


def _same_inputs(a: Encoder, b: Encoder) -> bool:
    """Whether two encoders map every token to the same network input."""
    if (a.gazetteer is None) != (b.gazetteer is None) or (a.lexicon is None) != (b.lexicon is None):
        return False
    same_lists = all(
        x is None or x.entries == y.entries
        for x, y in ((a.gazetteer, b.gazetteer), (a.lexicon, b.lexicon))
    )
    return same_lists and all(
        getattr(a, f) == getattr(b, f)
        for f in ("words", "fq", "alr", "chars", "shapes", "clitics", "train_words")
    )


def network_files(path: str | Path | None = None) -> list[Path]:
    """The model files listed in a network list (TSV ``file``/``note``, :class:`NerNetworkRow`;
    names relative to the list's directory; default :data:`DEFAULT_NN_LIST`)."""
    p = Path(path) if path is not None else DEFAULT_NN_LIST
    files = [p.parent / row.file for row in load_table(p, NerNetworkRow) if row.file]
    if not files:
        raise ValueError(f"{p}: no network file listed")
    return files


def load_networks(path: str | Path | None = None) -> NnTagger | NnEnsemble:
    """The network(s) of a network list (default: the shipped ``extract/models/
    ner_nn_files.tsv``): an :class:`NnTagger` when it lists one file, else an
    :class:`NnEnsemble` of them, in the listed order."""
    files = network_files(path)
    if len(files) == 1:
        return NnTagger.load(files[0])
    return NnEnsemble.load(files)


def _gaz_from_rows(rows: Sequence[Sequence[str]]) -> Gazetteer | None:
    if not rows:
        return None
    return Gazetteer({tuple(n.split(" ")): set(t.split(",")) for n, t in rows})


def _text(a: np.ndarray) -> str:
    return a.tobytes().decode("utf-8")


def _lines(a: np.ndarray) -> list[str]:
    s = _text(a)
    return s.split("\n") if s else []


def load_model(path: str | Path) -> tuple[NumpyNet, Encoder]:
    """Read a model file written by ``bench.nn_model.save_model`` (``.npz``, no pickles)."""
    with np.load(path, allow_pickle=False) as z:
        a = {k: z[k] for k in z.files}
    if int(a.get("format", -1)) != FORMAT:
        raise ValueError(f"{path}: unsupported NER model format {a.get('format')!r}")
    vectors = a["vectors_q"].astype(np.float32) * a["vectors_scale"].astype(np.float32)[:, None]
    enc = Encoder(
        words={w: i for i, w in enumerate(_lines(a["words"]))},
        fq=a["fq"].tolist(),
        alr=a["alr"].tolist(),
        chars={c: i for i, c in enumerate(_lines(a["chars"]))},
        shapes={c: i for i, c in enumerate(_lines(a["shapes"]))},
        clitics={c: i for i, c in enumerate(_lines(a["clitics"]))},
        gazetteer=_gaz_from_rows([r.split("\t") for r in _lines(a["gazetteer"])]),
        lexicon=_gaz_from_rows([r.split("\t") for r in _lines(a["lexicon"])]),
        train_words={w: i for i, w in enumerate(_lines(a["train_words"]))},
    )
    f32 = {k: v.astype(np.float32) for k, v in a.items() if v.dtype.kind == "f"}
    net = NumpyNet(
        vectors=vectors,
        train_emb=f32.get("train_emb"),
        **{k: f32[k] for k in NET_ARRAYS},
    )
    return net, enc


#: the float arrays of a model file besides the word vectors and the optional train_emb
NET_ARRAYS = (
    "char_emb",
    "conv_w",
    "conv_b",
    "shape_emb",
    "clitic_emb",
    "fq_emb",
    "alr_emb",
    "proj_w",
    "proj_b",
    "lstm_ih_f",
    "lstm_hh_f",
    "lstm_b_f",
    "lstm_ih_r",
    "lstm_hh_r",
    "lstm_b_r",
    "out_w",
    "out_b",
    "trans",
    "start",
    "end",
)


def load_lexicon(path: str | Path) -> Gazetteer:
    """Load a name lexicon TSV (header ``name<TAB>type<TAB>source``; names normalised)."""
    gaz = Gazetteer()
    for name, typ, _source in load_table(Path(path), NerLexiconRow, comments=False):
        if name:
            gaz.add(tuple(name.split(" ")), {typ})
    return gaz
