"""The CRF and the BiLSTM-CRF decoded together: backend ``"crf+nn"``.

Both models are linear-chain CRFs over the same nine BIO labels, so their potentials can be
added: per token, the CRF's feature scores plus the network's emission scores; per label pair,
the two transition scores.  Viterbi over the sum gives the jointly best path, which is
better than either model alone on the ANERcorp dev split (see ``bench/ner_backends_results.md``).

Run on every token (``cascade=None``, backend ``"crf+nn-full"``) it is as slow as the two
models together.  The default runs the network only where the CRF is unsure (a
:class:`Cascade`): the CRF's tag marginals are computed for every token; a token whose most
likely tag has a marginal below :attr:`Cascade.threshold` (or below
:attr:`Cascade.name_threshold` when that tag is part of a name) is *uncertain*; the tokens within
:attr:`Cascade.window` of an uncertain one are decoded again with the summed potentials, the
tags around them held at the CRF's, and the network reads those tokens and
:attr:`Cascade.context` more on each side.  Every other token keeps the CRF's most likely tag.
See ``bench/ner_speed_results.md`` for what it costs in F1 and gains in speed.

>>> tagger = EnsembleTagger.load()
>>> tagger.tag(["قال", "جوزيف", "فوتل", "في", "بغداد"])
['O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rasd.extract.ner.crf import CrfTagger
from rasd.extract.ner.nn_runtime import (
    TAGS,
    NnEnsemble,
    NnTagger,
    load_networks,
    marginals_packed,
    tag_names,
    viterbi_packed,
)

__all__ = ["DEFAULT_CASCADE", "Cascade", "EnsembleTagger"]

_O = TAGS.index("O")


@dataclass(frozen=True)
class Cascade:
    """Where the network runs: around the tokens the CRF is unsure of (see the module text)."""

    #: a token is uncertain when the CRF's largest tag marginal there is below this
    threshold: float
    #: tokens decoded with both models on each side of an uncertain token
    window: int
    #: further tokens the network reads on each side of those (its left and right context)
    context: int
    #: a token whose likeliest tag is part of a name (not ``O``) is uncertain below this
    #: (names are where the CRF's mistakes cost; ``None``: :attr:`threshold`)
    name_threshold: float | None = None


#: sentences the cascade tags together (``rasd build`` calls with 8 articles, ~110 sentences)
CASCADE_BATCH = 256

#: the cascade of backend ``"crf+nn"`` (chosen on SaudiNewsNet agreement with the full
#: ensemble and checked on the ANERcorp dev split: ``bench/ner_speed_results.md``)
DEFAULT_CASCADE = Cascade(threshold=0.95, window=4, context=6, name_threshold=0.99)


class EnsembleTagger:
    """Tag with the summed potentials of a :class:`CrfTagger` and an :class:`NnTagger` (or an
    :class:`NnEnsemble` of networks, whose averaged potentials count as one network's).

    ``weights`` scale the two models' potentials (CRF, network).  The default 1:1 is not tuned:
    on the dev split a CRF weight of 1.5 scored higher and was not taken.  ``cascade``: run the
    network only around the tokens the CRF is unsure of (``None``: on every token).
    """

    def __init__(
        self,
        crf: CrfTagger,
        nn: NnTagger | NnEnsemble,
        weights: tuple[float, float] = (1.0, 1.0),
        cascade: Cascade | None = None,
    ) -> None:
        missing = set(TAGS) ^ set(crf.labels)
        if missing:
            raise ValueError(f"the CRF and the network have different labels: {sorted(missing)}")
        self.crf = crf
        self.nn = nn
        self.weights = weights
        self.cascade = cascade
        self._perm = [crf.labels.index(t) for t in TAGS]  # CRF column of each TAGS label
        wc, wn = weights
        ct, cs, ce = crf.transitions
        nt, ns, ne = nn.transitions
        p = self._perm
        self._crf_trans = (ct[np.ix_(p, p)], cs[p], ce[p])  # the CRF's, in TAGS order
        self._trans = wc * ct[np.ix_(p, p)] + wn * nt
        self._start = wc * cs[p] + wn * ns
        self._end = wc * ce[p] + wn * ne

    @classmethod
    def load(
        cls,
        crf_dir: str | Path | None = None,
        nn_file: str | Path | None = None,
        cascade: Cascade | None = DEFAULT_CASCADE,
        nn_list: str | Path | None = None,
    ) -> EnsembleTagger:
        """Load the shipped models (or the given CRF model directory, and the network file
        ``nn_file`` or the networks listed in ``nn_list``: :func:`nn_runtime.load_networks`;
        by default the shipped list, ``extract/models/ner_nn_files.tsv``)."""
        if nn_file is not None and nn_list is not None:
            raise ValueError("give a network file or a network list, not both")
        nn = NnTagger.load(nn_file) if nn_file is not None else load_networks(nn_list)
        return cls(CrfTagger(crf_dir), nn, cascade=cascade)

    def tag(self, tokens: list[str]) -> list[str]:
        """Return one BIO tag per token (``O``, ``B-PERS``, ``I-LOC``, ...)."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: Sequence[list[str]], batch_size: int = 64) -> list[list[str]]:
        """Tag several sentences; the same as ``[self.tag(s) for s in sentences]``.

        ``batch_size`` sentences of similar length are run together; the cascade takes
        :data:`CASCADE_BATCH` at a time (the network reads only short runs of them, so more
        sentences make fuller steps, not longer ones).
        """
        sentences = list(sentences)
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((k for k, s in enumerate(sentences) if s), key=lambda k: len(sentences[k]))
        wc, wn = self.weights
        nn = self.nn
        if self.cascade is not None:
            batch_size = max(batch_size, CASCADE_BATCH)
        for s0 in range(0, len(order), batch_size):
            chunk = order[s0 : s0 + batch_size]
            sents = [sentences[k] for k in chunk]
            lengths = [len(s) for s in sents]
            crf_em = self.crf.emissions_packed(sents)[:, self._perm]
            if self.cascade is not None:
                ids = self._cascade_ids(self.cascade, sents, lengths, crf_em)
            else:
                with nn._blas.limit(limits=1, user_api="blas"):
                    nn_em = nn.emissions_packed(sents).astype(np.float64)
                em = wc * crf_em + wn * nn_em
                paths = viterbi_packed(em, lengths, self._trans, self._start, self._end)
                ids = np.fromiter((j for p in paths for j in p), dtype=np.intp, count=len(crf_em))
            for k, tags in zip(chunk, tag_names(ids, lengths), strict=True):
                out[k] = tags
        return out

    def _cascade_ids(
        self, cascade: Cascade, sents: list[list[str]], lengths: list[int], crf_em: np.ndarray
    ) -> np.ndarray:
        """Tag ids (in TAGS order) of the tokens of non-empty ``sents`` packed one after
        another (see :class:`Cascade`); ``crf_em``: the CRF's emissions of those tokens, in
        TAGS order."""
        marg = marginals_packed(crf_em, lengths, *self._crf_trans)
        labels = marg.argmax(axis=1)
        best = marg.max(axis=1)
        unsure = best < cascade.threshold
        if cascade.name_threshold is not None:
            unsure |= (labels != _O) & (best < cascade.name_threshold)
        lens = np.asarray(lengths)
        ends = np.cumsum(lens)
        if unsure.any():
            sid = np.repeat(np.arange(len(lens)), lens)  # sentence of each token
            decode = _widen(unsure, sid, cascade.window)
            read = _widen(unsure, sid, cascade.window + cascade.context)
            r_start, r_end = _runs(read, sid)
            flat = [w for s in sents for w in s]
            with self.nn._blas.limit(limits=1, user_api="blas"):
                nn_em = self.nn.emissions_packed(
                    [flat[a:b] for a, b in zip(r_start.tolist(), r_end.tolist(), strict=True)]
                )
            at = np.flatnonzero(decode)
            nn_row = np.cumsum(read) - 1  # row of nn_em of each token the network read
            wc, wn = self.weights
            em = wc * crf_em[at] + wn * nn_em[nn_row[at]].astype(np.float64)
            d_start, d_end = _runs(decode, sid)
            # the tags just outside a decoded run stay fixed: what they add through the
            # transitions becomes the run's start and end scores
            inside_l = (d_start > ends[sid[d_start]] - lens[sid[d_start]])[:, None]
            inside_r = (d_end < ends[sid[d_end - 1]])[:, None]
            before = labels[np.maximum(d_start - 1, 0)]
            after = labels[np.minimum(d_end, len(labels) - 1)]
            start = np.where(inside_l, self._trans[before], self._start)
            end = np.where(inside_r, self._trans[:, after].T, self._end)
            runs = viterbi_packed(em, (d_end - d_start).tolist(), self._trans, start, end)
            labels[at] = np.concatenate(runs)
        return labels

    def clear_cache(self) -> None:
        """Forget both models' per-token caches (to time a pass over unseen words)."""
        self.crf.clear_cache()
        self.nn.clear_cache()


def _widen(mask: np.ndarray, sid: np.ndarray, k: int) -> np.ndarray:
    """``mask`` with every token within ``k`` of a marked one in its sentence marked too."""
    out = mask.copy()
    for d in range(1, k + 1):
        same = sid[d:] == sid[:-d]
        out[d:] |= mask[:-d] & same
        out[:-d] |= mask[d:] & same
    return out


def _runs(mask: np.ndarray, sid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends (exclusive) of the runs of marked tokens, cut at sentence boundaries."""
    m = mask.astype(np.int8)
    cut = np.r_[True, sid[1:] != sid[:-1]]
    prev = np.r_[0, m[:-1]]
    prev[cut] = 0
    starts = np.flatnonzero(m & (1 - prev))
    nxt = np.r_[m[1:], 0]
    nxt[np.r_[cut[1:], True]] = 0
    ends = np.flatnonzero(m & (1 - nxt)) + 1
    return starts, ends
