"""Optional BERT NER backend: camel-tools' ``NERecognizer`` over a fine-tuned model.

The model is not shipped: it is either the camel-tools data package (``camel_data -i
ner-arabert``) or any local directory holding a ``BertForTokenClassification`` model with
its tokenizer (``config.json``, weights, ``vocab.txt``) whose labels are BIO tags.
When the model, the camel-tools data catalogue or torch/transformers are missing,
:class:`BertTagger` raises :class:`BertUnavailableError` with the reason in one line.
"""

from __future__ import annotations

import logging
from pathlib import Path

from rasd.extract.ner.crf import repair_bio

__all__ = ["BertTagger", "BertUnavailableError", "map_label"]

log = logging.getLogger(__name__)

_TYPE_ALIASES = {
    "PER": "PERS",
    "PERS": "PERS",
    "PERSON": "PERS",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "GPE": "LOC",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "MISC": "MISC",
}


class BertUnavailableError(RuntimeError):
    """The BERT backend cannot run here (model, data catalogue or libraries missing)."""


def map_label(label: str) -> str:
    """Map a model label (``B-PER``, ``I-LOCATION``, ``O``...) to this project's BIO scheme.

    Types outside PERS/LOC/ORG/MISC (and their usual aliases) become ``MISC``; raises
    :class:`ValueError` for labels that are not BIO at all (e.g. ``LABEL_3``).
    """
    if label == "O":
        return "O"
    prefix, sep, typ = label.partition("-")
    if not sep or prefix not in ("B", "I") or not typ:
        raise ValueError(f"model label {label!r} is not a BIO tag")
    return f"{prefix}-{_TYPE_ALIASES.get(typ.upper(), 'MISC')}"


class BertTagger:
    """Tagger backed by ``camel_tools.ner.NERecognizer`` (runs on CPU).

    ``model_path``: a fine-tuned model directory; ``None`` uses the camel-tools default NER
    model from the installed camel-tools data.
    """

    def __init__(self, model_path: str | Path | None = None, batch_size: int = 32) -> None:
        try:
            # importing camel_tools.ner (or anything under camel_tools.data) loads the data
            # catalogue and, when it is absent, tries to download it: DownloaderError offline
            from camel_tools.ner import NERecognizer
        except ImportError as exc:
            raise BertUnavailableError(f"BERT backend needs torch and transformers: {exc}") from exc
        except Exception as exc:
            if type(exc).__name__ not in ("DownloaderError", "CatalogueError"):
                raise
            raise BertUnavailableError(
                "camel-tools data catalogue is missing and cannot be downloaded; install "
                "camel-tools data or set CAMELTOOLS_DATA to a directory with catalogue.json"
            ) from exc
        if model_path is None:
            from camel_tools.data import CATALOGUE

            try:
                comp = CATALOGUE.components["NamedEntityRecognition"]
                model_path = comp.datasets[comp.default].path
            except KeyError as exc:
                raise BertUnavailableError(
                    "no camel-tools NER model installed (camel_data -i ner-arabert)"
                ) from exc
        path = Path(model_path)
        if not (path / "config.json").is_file():
            raise BertUnavailableError(f"no BERT NER model at {path} (config.json missing)")
        try:
            self._rec = NERecognizer(str(path), use_gpu=False)
        except (OSError, ValueError) as exc:
            raise BertUnavailableError(f"cannot load BERT NER model at {path}: {exc}") from exc
        # fail early on label sets we cannot map
        self._labels = {i: map_label(lab) for i, lab in self._rec.labels_map.items()}
        self._rec.labels_map = dict(self._labels)
        self._batch_size = batch_size
        self.model_path = path

    @property
    def labels(self) -> list[str]:
        """The model's labels after mapping, in id order."""
        return [self._labels[i] for i in sorted(self._labels)]

    def tag(self, tokens: list[str]) -> list[str]:
        """Return one BIO tag per token."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tag several sentences in batches.

        Tokens that the model's tokenizer turns into no word piece (camel-tools drops them)
        get ``O``, so the output always has one tag per input token.
        """
        tok = self._rec.tokenizer
        kept: list[list[int]] = []
        inputs: list[list[str]] = []
        for sent in sentences:
            idx = [i for i, t in enumerate(sent) if tok.tokenize(t)]
            kept.append(idx)
            inputs.append([sent[i] for i in idx])
        nonempty = [k for k, s in enumerate(inputs) if s]
        preds = self._rec.predict([inputs[k] for k in nonempty], batch_size=self._batch_size)
        by_sent = dict(zip(nonempty, preds, strict=True))
        out: list[list[str]] = []
        for k, sent in enumerate(sentences):
            tags = ["O"] * len(sent)
            for i, lab in zip(kept[k], by_sent.get(k, []), strict=False):
                tags[i] = lab
            out.append(repair_bio(tags))
        return out
