"""Statistical Arabic named-entity recognition (PERS, LOC, ORG, MISC in BIO tags).

Use :func:`load_tagger` to get a :class:`Tagger`; tokens are raw words as split by
``camel_tools.tokenizers.word.simple_word_tokenize``::

    from camel_tools.tokenizers.word import simple_word_tokenize
    from rasd.extract.ner import load_tagger

    tagger = load_tagger()  # the shipped CRF and BiLSTM-CRF, from extract/models/
    tokens = simple_word_tokenize("زار الرئيس الفرنسي المملكة العربية السعودية")
    tags = tagger.tag(tokens)

Backends:

- ``"crf+nn"`` (default): the two shipped models below decoded together (the networks listed in
  ``extract/models/ner_nn_files.tsv``: one, or an ensemble averaged into one),
  :mod:`extract.ner.ensemble` (the most accurate on dev and on hand-annotated Saudi news),
  the network run only around the tokens the CRF is unsure of;
- ``"crf+nn-full"``: the same with the network run on every token (the slowest);
- ``"crf"`` (shipped): a feature-rich CRF, :mod:`extract.ner.crf` (the fastest);
- ``"nn"`` (shipped): a BiLSTM-CRF, :mod:`extract.ner.nn_runtime` (trained by
  ``bench/nn_model.py``);
- ``"bert"``: camel-tools' ``NERecognizer`` over a locally installed fine-tuned BERT model,
  :mod:`extract.ner.bert`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from rasd.extract.ner.conll import NerReport, evaluate, format_report, read_conll

__all__ = [
    "NerReport",
    "Tagger",
    "evaluate",
    "format_report",
    "load_tagger",
    "read_conll",
]


@runtime_checkable
class Tagger(Protocol):
    """Anything that tags token lists with BIO NER tags."""

    def tag(self, tokens: list[str]) -> list[str]:
        """Return one BIO tag per token."""
        ...

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """Return the tags of each sentence, as ``[tag(s) for s in sentences]``."""
        ...


def load_tagger(backend: str = "crf+nn", model_path: str | Path | None = None) -> Tagger:
    """Load an NER tagger.

    ``backend="nn"``: the BiLSTM-CRF; ``model_path`` is its model file or directory (default:
    ``extract/models/ner_nn.npz``).
    ``backend="crf+nn"``: the shipped CRF and network(s) decoded together, the network only
    where the CRF is unsure; ``"crf+nn-full"``: the network everywhere.  ``model_path`` is a
    network list (TSV ``file``/``note``, default ``extract/models/ner_nn_files.tsv``: two
    files or more are run as an ensemble, :class:`extract.ner.nn_runtime.NnEnsemble`).
    ``backend="crf"``: the CRF; ``model_path`` is a model directory (default: the one shipped
    in ``extract/models/``).  ``backend="bert"``: camel-tools' BERT recogniser;
    ``model_path`` is the fine-tuned model directory (default: the one installed in the
    camel-tools data); raises :class:`extract.ner.bert.BertUnavailableError` when absent.
    """
    if backend == "nn":
        from rasd.extract.ner.nn_runtime import NnTagger

        return NnTagger.load(model_path)
    if backend in ("crf+nn", "crf+nn-full"):
        from rasd.extract.ner.ensemble import DEFAULT_CASCADE, EnsembleTagger

        return EnsembleTagger.load(
            cascade=DEFAULT_CASCADE if backend == "crf+nn" else None, nn_list=model_path
        )
    if backend == "crf":
        from rasd.extract.ner.crf import CrfTagger

        return CrfTagger(model_path)
    if backend == "bert":
        from rasd.extract.ner.bert import BertTagger

        return BertTagger(model_path)
    raise ValueError(
        f"unknown NER backend {backend!r}; expected 'crf', 'nn', 'crf+nn', 'crf+nn-full' or 'bert'"
    )
