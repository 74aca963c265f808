"""CRF named-entity tagger (python-crfsuite) and its training.

The model directory (by default ``extract/models/``, found relative to this file so that it
works from any working directory and offline) holds three artefacts:

- ``ner_crf.crfsuite``: the CRF weights;
- ``ner_clusters.tsv``: unsupervised word clusters from SaudiNewsNet (``bench/train_clusters.py``);
- ``ner_gazetteer.tsv``: names seen in the training portion of ANERcorp, with their types;
- ``ner_names.tsv`` (optional): typed names from other gold corpora (``bench/ner_corpora.py``),
  used only by a model trained with them (one whose weights hold ``nl=`` features), so a model
  trained before the file existed tags as it did.
"""

from __future__ import annotations

import csv
import logging
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pycrfsuite

from rasd.extract.ner.clusters import load_cluster_file
from rasd.extract.ner.conll import get_chunks
from rasd.extract.ner.features import (
    WORD_CACHE_SIZE,
    FeatureExtractor,
    Gazetteer,
    WordFeatureIds,
    normalize,
)
from rasd.extract.ner.nn_runtime import viterbi_packed
from rasd.extract.resources import NerGazetteerRow, load_table

__all__ = [
    "DEFAULT_MODEL_DIR",
    "CrfTagger",
    "build_gazetteer",
    "jackknife_gazetteer_labels",
    "load_gazetteer",
    "repair_bio",
    "train_crf",
    "write_gazetteer",
]

log = logging.getLogger(__name__)

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models"
CRF_FILE = "ner_crf.crfsuite"
CLUSTERS_FILE = "ner_clusters.tsv"
GAZETTEER_FILE = "ner_gazetteer.tsv"
AUTO_GAZETTEER_FILE = "ner_autogaz.tsv"
NAMES_FILE = "ner_names.tsv"
_NAME_PREFIXES = ("nl=", "-1nl=", "+1nl=")
#: feature augmentation (Daumé 2007): a model trained with extra corpora holds, besides each
#: shared feature, a copy marked by source, "@news:" for ANERcorp's; on loading, the news
#: copies are folded into the shared weights and the other sources' copies are dropped
DOMAIN_MARK = "@"
NEWS_DOMAIN = "@news:"

#: extra training sentences: (source name, sentences, the name list to match each sentence
#: with, one built without that sentence's own names, or None)
ExtraCorpus = tuple[str, Sequence[Sequence[tuple[str, str]]], Sequence[Gazetteer] | None]


def repair_bio(tags: list[str]) -> list[str]:
    """Turn an ``I-X`` after ``O`` or after another type into ``B-X`` (conlleval's chunks)."""
    out = list(tags)
    prev = "O"
    for i, t in enumerate(out):
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            out[i] = "B-" + t[2:]
        prev = out[i]
    return out


# -- gazetteer -------------------------------------------------------------------------------
def build_gazetteer(
    sentences: Sequence[Sequence[tuple[str, str]]], min_ratio: float = 0.5, max_len: int = 6
) -> dict[tuple[str, ...], dict[str, int]]:
    """Collect the names of labelled ``sentences`` as ``normalised tokens → {type: count}``.

    A name is kept only when, in these sentences, it is tagged as an entity in at least
    ``min_ratio`` of its occurrences (so words such as common nouns that are sometimes part of
    a name do not enter the list).
    """
    typed: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    norm_sents = []
    for sent in sentences:
        norms = [normalize(t) for t, _ in sent]
        norm_sents.append(norms)
        for start, end, typ in get_chunks([tag for _, tag in sent]):
            if end - start <= max_len:
                typed[tuple(norms[start:end])][typ] += 1
    occurrences: Counter[tuple[str, ...]] = Counter()
    lengths = {len(k) for k in typed}
    for norms in norm_sents:
        for n in lengths:
            for i in range(len(norms) - n + 1):
                key = tuple(norms[i : i + n])
                if key in typed:
                    occurrences[key] += 1
    out: dict[tuple[str, ...], dict[str, int]] = {}
    for key, types in typed.items():
        if sum(types.values()) >= min_ratio * occurrences[key]:
            out[key] = dict(types)
    return out


def _gazetteer_from_counts(counts: dict[tuple[str, ...], dict[str, int]]) -> Gazetteer:
    gaz = Gazetteer()
    for key, types in counts.items():
        best = max(types.values())
        gaz.add(key, {t for t, c in types.items() if c >= 0.3 * best})
    return gaz


def write_gazetteer(path: str | Path, counts: dict[tuple[str, ...], dict[str, int]]) -> None:
    """Write gazetteer counts as a TSV with header ``name type count`` (tokens space-joined)."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "type", "count"])
        for key in sorted(counts):
            for typ in sorted(counts[key]):
                w.writerow([" ".join(key), typ, counts[key][typ]])


def load_gazetteer(path: str | Path) -> Gazetteer:
    """Load a gazetteer TSV written by :func:`write_gazetteer`."""
    counts: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
    for name, typ, count in load_table(Path(path), NerGazetteerRow, comments=False):
        counts[tuple(name.split(" "))][typ] = count
    return _gazetteer_from_counts(counts)


def jackknife_gazetteer_labels(
    sentences: Sequence[Sequence[tuple[str, str]]], fx: FeatureExtractor, folds: int = 5
) -> list[list[list[str]]]:
    """Gazetteer matches for training sentences, each from a gazetteer built on the other folds.

    Without this the CRF would learn that the gazetteer is always right (every training name
    is in it) and would not learn to find names that the gazetteer misses.
    """
    out: list[list[list[str]]] = [[] for _ in sentences]
    idx = list(range(len(sentences)))
    for f in range(folds):
        held = [i for i in idx if i % folds == f]
        rest = [sentences[i] for i in idx if i % folds != f]
        gaz = _gazetteer_from_counts(build_gazetteer(rest))
        for i in held:
            pairs = [fx.norm_stem(t) for t, _ in sentences[i]]
            out[i] = gaz.annotate([n for n, _ in pairs], [s for _, s in pairs])
    return out


# -- training ---------------------------------------------------------------------------------
def _marked(feats: list[list[str]], mark: str | None) -> list[list[str]]:
    if mark is None:
        return feats
    return [f + [mark + x for x in f] for f in feats]


def _train_once(
    sentences: Sequence[Sequence[tuple[str, str]]],
    fx: FeatureExtractor,
    gaz_labels: list[list[list[str]]],
    path: Path,
    params: dict[str, object],
    extra: Sequence[ExtraCorpus] = (),
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    mark = NEWS_DOMAIN if extra else None
    for sent, gl in zip(sentences, gaz_labels, strict=True):
        tokens = [t for t, _ in sent]
        feats = _marked(fx.sentence_features(tokens, gl), mark)
        trainer.append(feats, [tag for _, tag in sent])
    if extra:
        full_gaz = fx.gazetteer
        for source, sents, name_lists in extra:
            for k, sent in enumerate(sents):
                tokens = [t for t, _ in sent]
                pairs = [fx.norm_stem(t) for t in tokens]
                norms, stems = [a for a, _ in pairs], [b for _, b in pairs]
                gl = full_gaz.annotate(norms, stems) if full_gaz is not None else None
                nl = name_lists[k].annotate(norms, stems) if name_lists is not None else None
                feats = fx.sentence_features(tokens, gl, nl)
                trainer.append(_marked(feats, f"{DOMAIN_MARK}{source}:"), [tag for _, tag in sent])
    trainer.set_params(params)
    trainer.train(str(path))


def build_auto_gazetteer(
    tagger: CrfTagger,
    texts: Iterable[str],
    max_tokens: int,
    min_count: int = 3,
    min_purity: float = 0.75,
) -> dict[tuple[str, ...], dict[str, int]]:
    """Self-training: tag unlabelled ``texts`` and keep the names tagged often and consistently.

    Returns ``normalised tokens → {type: count}`` for names tagged at least ``min_count`` times
    whose majority type has at least ``min_purity`` of those taggings (majority type only).
    """
    from camel_tools.tokenizers.word import simple_word_tokenize

    counts: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    seen = 0
    batch: list[list[str]] = []

    def flush() -> None:
        for toks, tags in zip(batch, tagger.tag_many(batch), strict=True):
            for start, end, typ in get_chunks(tags):
                counts[tuple(tagger._fx.norm_stem(t)[0] for t in toks[start:end])][typ] += 1
        batch.clear()

    for text in texts:
        for line in text.split("\n"):
            toks = simple_word_tokenize(line)
            if not toks or len(toks) > 200:
                continue
            batch.append(toks)
            seen += len(toks)
            if len(batch) >= 2000:
                flush()
        if seen >= max_tokens:
            break
    flush()
    out: dict[tuple[str, ...], dict[str, int]] = {}
    for key, types in counts.items():
        typ, best = types.most_common(1)[0]
        total = sum(types.values())
        if total >= min_count and best >= min_purity * total:
            out[key] = {typ: best}
    log.info("auto gazetteer: %d names from %d tokens", len(out), seen)
    return out


def train_crf(
    sentences: Sequence[Sequence[tuple[str, str]]],
    model_dir: str | Path,
    clusters_path: str | Path | None = None,
    c1: float = 0.05,
    c2: float = 0.05,
    max_iterations: int = 250,
    auto_texts: Iterable[str] | None = None,
    auto_tokens: int = 3_000_000,
    names_path: str | Path | None = None,
    extra: Sequence[ExtraCorpus] = (),
) -> None:
    """Train the CRF on labelled ``sentences`` and write its artefacts into ``model_dir``.

    ``clusters_path`` (default ``model_dir/ner_clusters.tsv``) must already exist; the
    gazetteer is rebuilt from ``sentences`` only.  With ``auto_texts`` (unlabelled news), a
    first model tags up to ``auto_tokens`` tokens of it, the names it finds often and
    consistently become a second gazetteer, and the final model is trained with it.
    With ``names_path`` (a name list from other corpora, ``bench/ner_corpora.py``) it is
    copied into ``model_dir`` as ``ner_names.tsv`` and its matches become features; the list
    holds no name of ``sentences``' own annotation, so no jackknife is needed for them.
    ``extra``: sentences of other corpora, each with its source name and, per sentence, the
    name list to match it with (one built without the sentence's own names); every feature
    gets a copy marked by source (feature augmentation), ANERcorp's marked ``@news:``, and the
    extra sentences see the ANERcorp gazetteer whole.  Training is deterministic.
    """
    model_dir = Path(model_dir)
    model_dir.mkdir(parents=True, exist_ok=True)
    cpath = Path(clusters_path) if clusters_path else model_dir / CLUSTERS_FILE
    if cpath.resolve() != (model_dir / CLUSTERS_FILE).resolve():
        shutil.copyfile(cpath, model_dir / CLUSTERS_FILE)
    clusters, lexstats = load_cluster_file(cpath)
    counts = build_gazetteer(sentences)
    write_gazetteer(model_dir / GAZETTEER_FILE, counts)
    names = None
    if names_path is not None:
        npath = Path(names_path)
        if npath.resolve() != (model_dir / NAMES_FILE).resolve():
            shutil.copyfile(npath, model_dir / NAMES_FILE)
        names = load_gazetteer(model_dir / NAMES_FILE)
    fx = FeatureExtractor(clusters=clusters, gazetteer=None, lexstats=lexstats, names=names)
    gaz_labels = jackknife_gazetteer_labels(sentences, fx)
    params: dict[str, object] = {
        "c1": c1,
        "c2": c2,
        "max_iterations": max_iterations,
        "feature.possible_transitions": True,
        "feature.minfreq": 1,
    }
    auto_path = model_dir / AUTO_GAZETTEER_FILE
    auto_path.unlink(missing_ok=True)
    if extra:
        fx.gazetteer = _gazetteer_from_counts(counts)
    _train_once(sentences, fx, gaz_labels, model_dir / CRF_FILE, params, extra)
    log.info("CRF written to %s", model_dir / CRF_FILE)
    if auto_texts is None:
        return
    auto = build_auto_gazetteer(CrfTagger(model_dir), auto_texts, auto_tokens)
    write_gazetteer(auto_path, auto)
    fx = FeatureExtractor(
        clusters=clusters,
        gazetteer=_gazetteer_from_counts(counts) if extra else None,
        lexstats=lexstats,
        auto_gazetteer=load_gazetteer(auto_path),
        names=names,
    )
    _train_once(sentences, fx, gaz_labels, model_dir / CRF_FILE, params, extra)
    log.info("CRF with self-trained gazetteer written to %s", model_dir / CRF_FILE)


def _add_grouped(target: np.ndarray, groups: np.ndarray, values: np.ndarray) -> None:
    """``target[g] += sum of values[j] with groups[j] == g`` (the values of a group summed
    first, in order)."""
    if not len(groups):
        return
    order = np.argsort(groups, kind="stable")
    g = groups[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    target[g[starts]] += np.add.reduceat(values[order], starts, axis=0)


def _fold_domains(state: dict[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    """Shared weights plus the news copies (``@news:f`` added to ``f``); other sources'
    copies dropped: what a news sentence's features sum to."""
    out: dict[tuple[str, str], float] = defaultdict(float)
    for (attr, lab), w in state.items():
        if attr.startswith(NEWS_DOMAIN):
            out[(attr[len(NEWS_DOMAIN) :], lab)] += w
        elif not attr.startswith(DOMAIN_MARK):
            out[(attr, lab)] += w
    return dict(out)


# -- tagging ----------------------------------------------------------------------------------
class CrfTagger:
    """Tag tokenised Arabic sentences with BIO tags (PERS, LOC, ORG, MISC) using the CRF.

    Decoding does not go through crfsuite's string-keyed attribute look-up: the weights are
    read once from the ``.crfsuite`` file, each distinct token's contribution to the label
    scores (its own features and what it adds as a left/right neighbour) is summed once and
    cached, and Viterbi runs over 9 labels in numpy.  The result is the same label sequence
    crfsuite's own tagger returns (see :meth:`tag_reference`).
    """

    _OFFSETS = (-2, -1, 1, 2)

    def __init__(
        self, model_dir: str | Path | None = None, cache_size: int = WORD_CACHE_SIZE
    ) -> None:
        d = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
        missing = [f for f in (CRF_FILE, CLUSTERS_FILE, GAZETTEER_FILE) if not (d / f).is_file()]
        if missing:
            raise FileNotFoundError(
                f"NER model directory {d} lacks {', '.join(missing)}; "
                "run bench/train_clusters.py and bench/train_ner.py"
            )
        self.model_dir = d
        auto = d / AUTO_GAZETTEER_FILE
        clusters, lexstats = load_cluster_file(d / CLUSTERS_FILE)
        self._fx = FeatureExtractor(
            clusters=clusters,
            lexstats=lexstats,
            gazetteer=load_gazetteer(d / GAZETTEER_FILE),
            auto_gazetteer=load_gazetteer(auto) if auto.is_file() else None,
        )
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(d / CRF_FILE))
        info = self._tagger.info()
        self.labels: list[str] = [
            lab for lab, _ in sorted(info.labels.items(), key=lambda kv: int(kv[1]))
        ]
        lid = {lab: i for i, lab in enumerate(self.labels)}
        n_lab = len(self.labels)
        state = info.state_features
        self._domain: str | None = None  # for tag_reference: crfsuite needs the marked copies
        if any(a.startswith(DOMAIN_MARK) for a, _ in state):
            state = _fold_domains(state)
            self._domain = NEWS_DOMAIN
        self._attr: dict[str, int] = {}
        for attr, _ in state:
            self._attr.setdefault(attr, len(self._attr))
        # one row more than there are attributes: a zero row (``_none``), the id of a word's
        # features the model lacks while they are looked up (dropped before the sums)
        self._w = np.zeros((len(self._attr) + 1, n_lab))
        self._none = len(self._attr)
        for (attr, lab), weight in state.items():
            self._w[self._attr[attr], lid[lab]] += weight
        self._trans = np.zeros((n_lab, n_lab))
        for (a, b), weight in info.transitions.items():
            self._trans[lid[a], lid[b]] = weight
        self._zero = np.zeros(n_lab)
        names = d / NAMES_FILE
        if names.is_file() and any(a.startswith(_NAME_PREFIXES) for a in self._attr):
            self._fx.names = load_gazetteer(names)
        # sentence-level features (FeatureExtractor.extras) indexed by their parts
        # "bg-1=a|b" by (a, b) and "pc=a|c" by (a, c): the previous word's normalised form
        # and this word's, or this word's mid-level cluster
        self._pairs: dict[str, dict[tuple[str, str], int]] = {"bg-1=": {}, "pc=": {}}
        self._gaz_ids: dict[tuple[object, str], int] = {}
        for name, k in self._attr.items():
            for prefix, by_pair in self._pairs.items():
                if name.startswith(prefix) and name.count("|") == 1:
                    a, _, b = name[len(prefix) :].partition("|")
                    by_pair[(a, b)] = k
            for prefix, key in (
                ("g=", 0),
                ("-1g=", 1),
                ("+1g=", -1),
                ("a=", "a"),
                ("nl=", ("n", 0)),
                ("-1nl=", ("n", 1)),
                ("+1nl=", ("n", -1)),
            ):
                if name.startswith(prefix):
                    self._gaz_ids[(key, name[len(prefix) :])] = k
        # what a word adds as a neighbour at each offset: its feature strings without the
        # offset prefix ("+1w=…" → "w=…"), so that no prefixed copies need be built
        self._ctx_ids: dict[int, dict[str, int]] = {off: {} for off in self._OFFSETS}
        for name, k in self._attr.items():
            for off in self._OFFSETS:
                pre = f"{off:+d}"
                if name.startswith(pre):
                    self._ctx_ids[off][name[len(pre) :]] = k
        # a new word's feature ids looked up from its parts (no feature strings built)
        self._word_ids = WordFeatureIds(
            self._fx, self._attr, [self._ctx_ids[off] for off in self._OFFSETS], self._none
        )
        self._bos = self._attr.get("BOS")
        self._eos = self._attr.get("EOS")
        self._cols = np.arange(n_lab)
        # the pairs' parts numbered: a word's numbers as the left and the right part of each
        # kind are kept with its row, and the pairs of a batch are found with one
        # ``searchsorted`` over the pairs' (left, right) numbers (no tuple per token)
        self._pair_tables: list[tuple[dict[str, int], dict[str, int], np.ndarray, np.ndarray]]
        self._pair_tables = []
        for by_pair in self._pairs.values():
            left: dict[str, int] = {}
            right: dict[str, int] = {}
            for a, b in by_pair:
                left.setdefault(a, len(left))
                right.setdefault(b, len(right))
            keys = np.fromiter(
                (left[a] * len(right) + right[b] for a, b in by_pair),
                dtype=np.int64,
                count=len(by_pair),
            )
            vals = np.fromiter(by_pair.values(), dtype=np.intp, count=len(by_pair))
            order = np.argsort(keys, kind="stable")
            self._pair_tables.append((left, right, keys[order], vals[order]))
        self._cache_size = cache_size
        self._rows: dict[str, int] = {}
        # room for the whole cache from the start: np.zeros maps pages that are only touched
        # (made resident) as rows are filled: no growing by copies (and a lower peak)
        self._vecs = np.zeros((max(cache_size, 1), 1 + len(self._OFFSETS), n_lab))
        # per row, what the sentence-level features read of its word (see _add_words)
        self._alloc_row_info(len(self._vecs))

    def _alloc_row_info(self, size: int) -> None:
        """Arrays of ``size`` rows for what :meth:`emissions_packed` reads of each cached
        word besides its scores: the word's numbers as the parts of the ``bg-1=`` and
        ``pc=`` pairs (left, right, left, right; -1: in no pair), whether a name of the
        gazetteer, of the self-trained one and of the name list may start at it and whether
        its normalised form holds a ``|``, its normalised form, stem and mid-level cluster."""
        self._r_pair = np.full((size, 4), -1, dtype=np.int64)
        self._r_flag = np.zeros((size, 4), dtype=bool)
        self._r_norm = np.empty(size, dtype=object)
        self._r_stem = np.empty(size, dtype=object)
        self._r_mid = np.empty(size, dtype=object)

    # -- scoring ------------------------------------------------------------------------------
    def _add_words(self, tokens: Iterable[str], ahead: bool = False) -> dict[str, int]:
        """Score the tokens not seen before (all at once) and return the token → row map.

        A token's row of ``_vecs`` holds what it adds to the label scores at its own position
        and at each neighbour offset; the same row of the ``_r_…`` arrays
        (:meth:`_alloc_row_info`) what the sentence-level features read of it.
        When the cache would exceed ``cache_size`` it is emptied first, so every token asked
        for in one call has a valid row afterwards, unless ``ahead`` (the words of several
        sentences, scored ahead of them in one go) and they are more than the cache holds.
        """
        rows = self._rows
        distinct = list(dict.fromkeys(tokens))
        new = [t for t in distinct if t not in rows]
        if not new:
            return rows
        if len(rows) + len(new) > self._cache_size:
            rows.clear()
            self._fx.clear_cache()
            self._word_ids.clear_cache()
            if ahead and len(distinct) > self._cache_size:
                return rows  # too many for the cache: each sentence adds its own words
            new = distinct
        first = len(rows)
        need = first + len(new)
        if need > len(self._vecs):
            grown = np.zeros((max(need, 2 * len(self._vecs)), *self._vecs.shape[1:]))
            grown[:first] = self._vecs[:first]
            self._vecs = grown
            old = (self._r_pair, self._r_flag, self._r_norm, self._r_stem, self._r_mid)
            self._alloc_row_info(len(grown))
            for new_a, old_a in zip(
                (self._r_pair, self._r_flag, self._r_norm, self._r_stem, self._r_mid),
                old,
                strict=True,
            ):
                new_a[:first] = old_a[:first]
        n_slots = self._vecs.shape[1]
        word_ids = self._word_ids.word_ids
        gaz, auto, names = self._fx.gazetteer, self._fx.auto_gazetteer, self._fx.names
        (bg_l, bg_r, _, _), (pc_l, pc_r, _, _) = self._pair_tables
        ids: list[int] = []
        counts: list[int] = []
        norms: list[str] = []
        stems: list[str] = []
        mids: list[str] = []
        pair: list[int] = []
        flag: list[bool] = []
        for row, token in enumerate(new, start=first):
            # the ids of FeatureExtractor.word_parts' features, slots in _OFFSETS order: own,
            # as the word two to the left (-2), one to the left, one to the right, two to the
            # right; a feature the model lacks is the zero row
            sizes, norm, stem, mid = word_ids(token, ids)
            counts += sizes
            rows[token] = row
            # keep norm, stem, cluster, their numbers in the pairs and whether a
            # (self-trained) gazetteer name may start
            norms.append(norm)
            stems.append(stem)
            mids.append(mid)
            pair += (bg_l.get(norm, -1), bg_r.get(norm, -1), pc_l.get(norm, -1), pc_r.get(mid, -1))
            flag += (
                gaz is not None and gaz.may_start(norm, stem),
                auto is not None and auto.may_start(norm, stem),
                names is not None and names.may_start(norm, stem),
                "|" in norm,
            )
        self._r_pair[first:need] = np.array(pair, dtype=np.int64).reshape(-1, 4)
        self._r_flag[first:need] = np.array(flag, dtype=bool).reshape(-1, 4)
        for target, values in ((self._r_norm, norms), (self._r_stem, stems), (self._r_mid, mids)):
            target[first:need] = np.array(values, dtype=object)
        # the unknown features dropped in numpy (every slot has at least w= and st=, so no
        # group of ``counts`` is empty), then each slot's known weights summed in order
        flat = self._vecs.reshape(-1, self._vecs.shape[2])
        flat[first * n_slots : need * n_slots] = 0.0
        all_ids = np.fromiter(ids, dtype=np.intp, count=len(ids))
        known = all_ids != self._none
        cnt = np.fromiter(counts, dtype=np.intp, count=len(counts))
        cnt = np.add.reduceat(known.astype(np.intp), np.cumsum(cnt) - cnt)
        nonempty = np.flatnonzero(cnt)
        if len(nonempty):
            starts = (np.cumsum(cnt) - cnt)[nonempty]
            flat[first * n_slots + nonempty] = np.add.reduceat(
                self._w[all_ids[known]], starts, axis=0
            )
        return rows

    def _emissions(self, tokens: list[str]) -> np.ndarray:
        """Label scores (n, labels) of one sentence."""
        return self.emissions_packed([tokens])

    def emissions_packed(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """Label scores (N, labels) of non-empty sentences packed one after another: the
        same as their :meth:`emissions_many` arrays concatenated."""
        flat = [w for s in sentences for w in s]
        ents = list(map(self._rows.get, flat))
        if None in ents:
            rows = self._add_words(flat, ahead=len(sentences) > 1)
            ents = list(map(rows.get, flat))
            if None in ents:  # more words than the cache holds
                return np.concatenate([self.emissions_packed([s]) for s in sentences])
        n = len(ents)
        idx = np.fromiter(ents, dtype=np.intp, count=n)
        m = self._vecs[idx]
        em = m[:, 0].copy()
        # a word at i+off adds its "seen at offset off" vector to position i, within a sentence
        lengths = np.fromiter(map(len, sentences), dtype=np.intp, count=len(sentences))
        ends = np.cumsum(lengths)
        starts = ends - lengths
        at = np.arange(n) - np.repeat(starts, lengths)  # position within the sentence
        left = np.repeat(lengths, lengths) - 1 - at  # tokens after it in the sentence
        np.add(em[2:], m[:-2, 1], out=em[2:], where=(at[2:] >= 2)[:, None])
        np.add(em[1:], m[:-1, 2], out=em[1:], where=(at[1:] >= 1)[:, None])
        np.add(em[:-1], m[1:, 3], out=em[:-1], where=(left[:-1] >= 1)[:, None])
        np.add(em[:-2], m[2:, 4], out=em[:-2], where=(left[:-2] >= 2)[:, None])
        # the features of FeatureExtractor.extras, looked up without building strings: the
        # rows they add to and their ids, a kind of feature after the other (each row's sum
        # then takes them in the order of FeatureExtractor.extras)
        flags = self._r_flag[idx]
        at_rows, ids = self._pair_features(idx, flags[:, 3], at)
        gaz, auto, names = self._fx.gazetteer, self._fx.auto_gazetteer, self._fx.names
        gaz_ids = self._gaz_ids
        norms: list[str] | None = None
        stems: list[str] = []
        for gz, flag, offsets, kind in (
            (gaz, 0, (0, 1, -1), "g"),
            (auto, 1, (0,), "a"),
            (names, 2, (0, 1, -1), "n"),
        ):
            if gz is None:
                continue
            # only where a name may start (the same matches as trying every position)
            may = np.flatnonzero(flags[:, flag])
            if not len(may):
                continue
            if norms is None:
                norms = self._r_norm[idx].tolist()
                stems = self._r_stem[idx].tolist()
            # one look-up over all the sentences, each name ending within its sentence
            stops = ends[np.searchsorted(ends, may, side="right")]
            labels = gz.labels_at(norms, stems, may.tolist(), stops.tolist())
            if not labels:
                continue
            pos = np.fromiter(labels, dtype=np.intp, count=len(labels))
            rows_k: list[int] = []
            ids_k: list[int] = []
            for i, before, after, labs in zip(
                labels, at[pos].tolist(), left[pos].tolist(), labels.values(), strict=True
            ):
                for lab in labs:
                    for off in offsets:
                        # "g=" at i, "-1g=" at i+1 (its left neighbour), "+1g=" at i-1
                        if kind == "g":
                            k = gaz_ids.get((off, lab))
                        elif kind == "a":
                            k = gaz_ids.get(("a", lab))
                        else:
                            k = gaz_ids.get((("n", off), lab))
                        if k is not None and -before <= off <= after:
                            rows_k.append(i + off)
                            ids_k.append(k)
            at_rows.append(np.asarray(rows_k, dtype=np.intp))
            ids.append(np.asarray(ids_k, dtype=np.intp))
        for k, where in ((self._bos, starts), (self._eos, ends - 1)):
            if k is not None:
                at_rows.append(where)
                ids.append(np.full(len(where), k, dtype=np.intp))
        if at_rows:
            _add_grouped(em, np.concatenate(at_rows), self._w[np.concatenate(ids)])
        return em

    def _pair_features(
        self, idx: np.ndarray, bar: np.ndarray, at: np.ndarray
    ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Rows and ids of the ``bg-1=`` (previous word, this word) and ``pc=`` (previous
        word, this word's cluster) features of packed tokens (``idx``: their cache rows;
        ``bar``: whether each one's normalised form holds a ``|``; ``at``: each one's
        position in its sentence), in the order of :meth:`FeatureExtractor.extras` within
        each row."""
        n = len(idx)
        if n < 2:
            return [], []
        part = self._r_pair[idx]
        inside = at[1:] >= 1  # the pair (i - 1, i) is in one sentence
        fallback: list[int] = []
        if bar.any():  # ambiguous keys: those pairs from the feature strings
            amb = inside & (bar[1:] | bar[:-1])
            inside &= ~amb
            fallback = (np.flatnonzero(amb) + 1).tolist()
        rows = np.arange(1, n)
        at_rows: list[np.ndarray] = []
        ids: list[np.ndarray] = []
        for (_, right, keys, vals), col in zip(self._pair_tables, (0, 2), strict=True):
            a = part[:-1, col]
            b = part[1:, col + 1]
            ok = np.flatnonzero(inside & (a >= 0) & (b >= 0))
            key = a[ok] * len(right) + b[ok]
            where = np.searchsorted(keys, key)
            np.minimum(where, len(keys) - 1, out=where)
            hit = keys[where] == key if len(keys) else np.zeros(len(key), dtype=bool)
            at_rows.append(rows[ok[hit]])
            ids.append(vals[where[hit]])
        if fallback:
            f_rows: list[int] = []
            f_ids: list[int] = []
            for r in fallback:
                i = int(at[r])
                # what FeatureExtractor.extras reads of the two words: normalised forms and
                # this word's mid-level cluster
                per = [None] * (i - 1) + [
                    (None, None, self._r_norm[idx[j]], None, self._r_mid[idx[j]])
                    for j in (r - 1, r)
                ]
                for f in self._fx.extras(i, per, None):
                    k = self._attr.get(f)
                    if k is not None and not f.startswith(("BOS", "EOS")):
                        f_rows.append(r)
                        f_ids.append(k)
            at_rows.append(np.asarray(f_rows, dtype=np.intp))
            ids.append(np.asarray(f_ids, dtype=np.intp))
        return at_rows, ids

    # -- public API ---------------------------------------------------------------------------
    def tag(self, tokens: list[str]) -> list[str]:
        """Return one BIO tag per token (``O``, ``B-PERS``, ``I-LOC``, ...)."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: list[list[str]], batch_size: int = 64) -> list[list[str]]:
        """Tag several sentences; the same as ``[self.tag(s) for s in sentences]``.

        Sentences of similar length are decoded together, which is much faster than one by one.
        """
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((k for k, s in enumerate(sentences) if s), key=lambda k: len(sentences[k]))
        labels = self.labels
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            sents = [sentences[k] for k in chunk]
            em = self.emissions_packed(sents)
            paths = viterbi_packed(em, [len(s) for s in sents], self._trans, self._zero, self._zero)
            for k, path in zip(chunk, paths, strict=True):
                out[k] = repair_bio([labels[j] for j in path])
        return out

    def emissions_many(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Per-token label scores of each sentence, shape ``(len(sentence), len(labels))``,
        labels in :attr:`labels` order (for combining with another model, see
        :mod:`extract.ner.ensemble`)."""
        out = [np.zeros((0, len(self.labels))) for _ in sentences]
        full = [k for k, s in enumerate(sentences) if s]
        if full:
            em = self.emissions_packed([sentences[k] for k in full])
            o = 0
            for k in full:
                out[k] = em[o : o + len(sentences[k])]
                o += len(sentences[k])
        return out

    @property
    def transitions(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(transition, start, end)`` scores in :attr:`labels` order; crfsuite has no start
        or end weights (its BOS and EOS features are in the emissions), so those are zero."""
        return self._trans, self._zero, self._zero

    def tag_reference(self, tokens: list[str]) -> list[str]:
        """Tag with crfsuite's own decoder (slower; for checking :meth:`tag`)."""
        if not tokens:
            return []
        feats = self._fx.sentence_features(tokens)
        return repair_bio(self._tagger.tag(_marked(feats, self._domain)))

    def clear_cache(self) -> None:
        """Forget the cached per-token features and scores."""
        self._rows.clear()
        self._fx.clear_cache()
        self._word_ids.clear_cache()
