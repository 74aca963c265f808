"""The CRF and the BiLSTM-CRF decoded together: backend ``"crf+nn"``.

Both models are linear-chain CRFs over the same nine BIO labels, so their potentials can be
added: per token, the CRF's feature scores plus the network's emission scores; per label pair,
the two transition scores.  Viterbi over the sum gives the jointly best path, which is
better than either model alone on the ANERcorp dev split (see ``bench/ner_backends_results.md``)
and as slow as the two together.

>>> tagger = EnsembleTagger.load()
>>> tagger.tag(["قال", "جوزيف", "فوتل", "في", "بغداد"])
['O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rasd.extract.ner.crf import CrfTagger, repair_bio
from rasd.extract.ner.nn_runtime import TAGS, NnTagger, viterbi_packed

__all__ = ["EnsembleTagger"]


class EnsembleTagger:
    """Tag with the summed potentials of a :class:`CrfTagger` and an :class:`NnTagger`.

    ``weights`` scale the two models' potentials (CRF, network).  The default 1:1 is not tuned:
    on the dev split a CRF weight of 1.5 scored higher and was not taken.
    """

    def __init__(
        self, crf: CrfTagger, nn: NnTagger, weights: tuple[float, float] = (1.0, 1.0)
    ) -> None:
        missing = set(TAGS) ^ set(crf.labels)
        if missing:
            raise ValueError(f"the CRF and the network have different labels: {sorted(missing)}")
        self.crf = crf
        self.nn = nn
        self.weights = weights
        self._perm = [crf.labels.index(t) for t in TAGS]  # CRF column of each TAGS label
        wc, wn = weights
        ct, cs, ce = crf.transitions
        nt, ns, ne = nn.transitions
        p = self._perm
        self._trans = wc * ct[np.ix_(p, p)] + wn * nt
        self._start = wc * cs[p] + wn * ns
        self._end = wc * ce[p] + wn * ne

    @classmethod
    def load(
        cls, crf_dir: str | Path | None = None, nn_file: str | Path | None = None
    ) -> EnsembleTagger:
        """Load both shipped models (or the given CRF model directory and network file)."""
        return cls(CrfTagger(crf_dir), NnTagger.load(nn_file))

    def tag(self, tokens: list[str]) -> list[str]:
        """Return one BIO tag per token (``O``, ``B-PERS``, ``I-LOC``, ...)."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: Sequence[list[str]], batch_size: int = 64) -> list[list[str]]:
        """Tag several sentences; the same as ``[self.tag(s) for s in sentences]``."""
        sentences = list(sentences)
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((k for k, s in enumerate(sentences) if s), key=lambda k: len(sentences[k]))
        wc, wn = self.weights
        nn = self.nn
        for s0 in range(0, len(order), batch_size):
            chunk = order[s0 : s0 + batch_size]
            sents = [sentences[k] for k in chunk]
            crf_em = self.crf.emissions_packed(sents)
            with nn._blas.limit(limits=1, user_api="blas"):
                nn_em = nn.emissions_packed(sents).astype(np.float64)
            em = wc * crf_em[:, self._perm] + wn * nn_em
            paths = viterbi_packed(em, [len(s) for s in sents], self._trans, self._start, self._end)
            for k, path in zip(chunk, paths, strict=True):
                out[k] = repair_bio([TAGS[j] for j in path])
        return out

    def clear_cache(self) -> None:
        """Forget both models' per-token caches (to time a pass over unseen words)."""
        self.crf.clear_cache()
        self.nn.clear_cache()
