"""Token normalisation and CRF feature extraction for the Arabic NER tagger.

Tokens arrive raw (as split by ``simple_word_tokenize``: punctuation split off, clitics
attached, diacritics possibly present).  :func:`normalize` maps a token to the form used
for every lexical look-up (features, clusters, gazetteers); :class:`FeatureExtractor`
turns a sentence into the list-of-strings feature sequence python-crfsuite expects.

Per-word features are cached, so tagging a corpus costs little more than list joins.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence, Set
from itertools import repeat

from rasd.extract.folding import token_table

__all__ = [
    "FeatureExtractor",
    "Gazetteer",
    "WordFeatureIds",
    "normalize",
    "normalize_many",
    "split_clitics",
    "word_shape",
]

_DIGIT = re.compile(r"[0-9]")

#: How many distinct words each tagger keeps scored (the CRF's rows, the network's word
#: vectors and encodings): ~3 KB a word in all, so a build worker stays near 0.6 GB; past it
#: the cache starts again from the words at hand.  (200,000 made workers of ~1 GB at 31k
#: articles: ``bench/archive_results.md``.)
WORD_CACHE_SIZE = 100_000

#: single-letter proclitics that may precede a word (conjunctions, prepositions)
PROCLITICS = ("و", "ف", "ب", "ل", "ك")


# the NER variant of extract/folding.py: must stay byte-identical to what the models learned
_NORMALIZE = token_table()


def normalize(token: str) -> str:
    """Return the look-up form of a raw token.

    Removes diacritics and tatweel, unifies alef forms (أ إ آ ٱ → ا), alef maqsura (ى → ي)
    and teh marbuta (ة → ه), and maps Arabic-Indic digits to ASCII digits: the same as
    ``tests/oracles.py:normalize_slow`` (camel-tools' functions one after the other) in one
    pass.
    """
    return token.translate(_NORMALIZE)


#: the table as (character, replacement) pairs; no replacement holds a replaced character,
#: so replacing them one after another gives the table's one pass (``tests/test_ner.py``)
_NORMALIZE_PAIRS = tuple((chr(k), v or "") for k, v in _NORMALIZE.items())


def normalize_many(tokens: Sequence[str]) -> list[str]:
    """``[normalize(t) for t in tokens]``, ~15 times faster over a sentence or an article:
    the tokens joined by newlines (which the table leaves alone), each character of the table
    that occurs replaced with one ``str.replace`` (a ``str.translate`` costs a dictionary
    look-up per character), split again; tokens that hold a newline are done one by one.

    >>> normalize_many(["أحمد", "إلى", "", "٢٠١٥"])
    ['احمد', 'الي', '', '2015']
    """
    text = "\n".join(tokens)
    for char, repl in _NORMALIZE_PAIRS:
        if char in text:
            text = text.replace(char, repl)
    out = text.split("\n")
    if len(out) != len(tokens):  # a token held a newline (or there were none)
        return [normalize(t) for t in tokens]
    return out


def _clitic_candidates() -> list[tuple[str, str, bool]]:
    out = []
    for conj in ("", "و", "ف"):
        for prep in ("", "ب", "ل", "ك"):
            article = conj + ("لل" if prep == "ل" else prep + "ال")
            out.append((article, conj + prep, True))
            if conj + prep:
                out.append((conj + prep, conj + prep, False))
    # longest prefix first; for equal length prefer the article reading
    out.sort(key=lambda c: (-len(c[0]), not c[2]))
    return out


_CLITIC_CANDIDATES = _clitic_candidates()
# the same candidates by the first letter of their prefix, in the same order
_CLITIC_BY_FIRST: dict[str, list[tuple[str, str, bool]]] = {}
for _cand in _CLITIC_CANDIDATES:
    _CLITIC_BY_FIRST.setdefault(_cand[0][0], []).append(_cand)


def split_clitics(
    norm: str, vocab: Mapping[str, object] | Set[str] | None = None
) -> tuple[str, str, bool]:
    """Split a normalised word into (proclitics, stem, has_article).

    Candidates are an optional conjunction (و ف), an optional preposition (ب ل ك, from
    :data:`PROCLITICS`) and an optional definite article (ال, or لل after ل), leaving a stem
    of at least three letters (two after the article).  Without ``vocab`` the longest
    candidate wins.  With ``vocab`` (known words, e.g. the cluster vocabulary) the longest
    candidate whose stem (with ال when the article was split) is a known word wins; if none
    is and the whole word is known, it is not split.
    ``("و", "سعوديه", True)`` for والسعودية, ``("ول", "عراق", True)`` for وللعراق.
    """
    first: tuple[str, str, bool] | None = None
    for prefix, pro, art in _CLITIC_BY_FIRST.get(norm[:1], ()):
        if norm.startswith(prefix) and len(norm) - len(prefix) >= (2 if art else 3):
            cand = (pro, norm[len(prefix) :], art)
            if vocab is None:
                return cand
            if first is None:
                first = cand
            if ("ال" + cand[1] if art else cand[1]) in vocab:
                return cand
    if first is None or (vocab is not None and norm in vocab):
        return "", norm, False
    return first


def _shape_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in list(range(0x0621, 0x064B)) + list(range(0x0671, 0x06D4)):
        table[cp] = "A"
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz":
        table[ord(ch)] = "L"
    for ch in "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹":
        table[ord(ch)] = "D"
    for cp in [*range(0x064B, 0x0653), 0x0640, 0x0670]:  # diacritics, tatweel
        table[cp] = None
    return table


_SHAPE_TABLE = _shape_table()
_NOT_CLASS = re.compile(r"[^ALD]")
_RUNS = re.compile(r"(.)\1+")


def word_shape(token: str) -> str:
    """Coarse character-class shape of a raw token (A=Arabic, L=Latin, D=digit, P=other).

    Runs of one class collapse to one letter and diacritics are ignored: ``"2015م"`` → ``"DA"``.
    """
    return _shape_of_classes(token.translate(_SHAPE_TABLE))


@functools.lru_cache(maxsize=4096)
def _shape_of_classes(classes: str) -> str:
    shape = _RUNS.sub(r"\1", _NOT_CLASS.sub("P", classes))
    return shape or "E"


# the strings of word_parts' affix and length features, built once
_P = [f"p{k}=" for k in range(5)]
_S = [f"s{k}=" for k in range(5)]
_SP = [f"sp{k}=" for k in range(5)]
_SS = [f"ss{k}=" for k in range(5)]
_LEN = [f"len={k}" for k in range(9)]


class Gazetteer:
    """Multi-word name lists by entity type, matched on normalised tokens: features of the NER
    taggers (not :class:`extract.lexicon.NameMatcher`, which finds the spans and keys of the
    curated entities in an article's text).

    ``entries`` maps a tuple of normalised tokens to a set of types (PERS, LOC, ORG, MISC).
    :meth:`annotate` marks every token covered by the longest match starting at each position
    with ``B-TYPE``/``I-TYPE`` labels; both the surface form and the form without proclitic
    and article are tried for the first token of a match.
    """

    def __init__(self, entries: Mapping[tuple[str, ...], set[str]] | None = None) -> None:
        self.entries: dict[tuple[str, ...], set[str]] = {}
        self.max_len = 1
        self._lengths: dict[str, list[int]] = {}  # first token → name lengths, longest first
        # first token → (lengths of its names of two words or more, longest first; their
        # second words; the types of the one-word name): made when first needed (_plans)
        self._plan: dict[str, tuple[tuple[int, ...], set[str], set[str] | None]] | None = None
        for key, types in (entries or {}).items():
            self.add(key, types)

    def add(self, key: tuple[str, ...], types: set[str] | Sequence[str]) -> None:
        """Add one name (tuple of normalised tokens) with its types."""
        if not key:
            return
        key = tuple(key)
        self.entries.setdefault(key, set()).update(types)
        self._plan = None
        self.max_len = max(self.max_len, len(key))
        lengths = self._lengths.setdefault(key[0], [])
        if len(key) not in lengths:
            lengths.append(len(key))
            lengths.sort(reverse=True)

    def __len__(self) -> int:
        return len(self.entries)

    def may_start(self, norm: str, stem: str) -> bool:
        """Whether a name of this gazetteer may start at a token (see :meth:`annotate`)."""
        lengths = self._lengths
        return norm in lengths or (stem != norm and (stem in lengths or "ال" + stem in lengths))

    def annotate(
        self, norms: Sequence[str], stems: Sequence[str], starts: Sequence[int] | None = None
    ) -> list[list[str]]:
        """Return, for each position, the gazetteer labels (e.g. ``["B-LOC"]``) covering it.

        ``starts``: the only positions where a name may start (from :meth:`may_start`), in
        increasing order, when the caller knows them; the result is the same.
        """
        out: list[list[str]] = [[] for _ in range(len(norms))]
        for i, labels in self.labels_at(norms, stems, starts).items():
            out[i] = labels
        return out

    def labels_at(
        self,
        norms: Sequence[str],
        stems: Sequence[str],
        starts: Sequence[int] | None = None,
        stops: Sequence[int] | None = None,
    ) -> dict[int, list[str]]:
        """The labels of :meth:`annotate` at the positions that have some, in increasing
        order of position (no list for every other token).

        ``stops``: with ``starts``, the end (exclusive) of the sentence of each start, when
        ``norms`` holds several sentences one after another (no name crosses a sentence's end):
        the labels of each sentence annotated alone, at their positions in ``norms``.
        """
        n = len(norms)
        out: dict[int, list[str]] = {}
        entries = self.entries
        plans = self._plans()
        positions = range(n) if starts is None else starts
        if stops is not None and len(stops) != len(positions):
            raise ValueError(f"{len(stops)} sentence ends for {len(positions)} starts")
        ends = repeat(n, len(positions)) if stops is None else stops
        for i, stop in zip(positions, ends, strict=True):
            norm = norms[i]
            stem = stems[i]
            for first in (norm,) if stem == norm else (norm, stem, "ال" + stem):
                plan = plans.get(first)
                if plan is None:
                    continue
                multi, seconds, types = plan
                length = 1
                # the longest name that fits in the sentence, if the next word may continue
                # one; else the one-word name
                if multi and i + 1 < stop and norms[i + 1] in seconds:
                    for k in multi:
                        if i + k <= stop:
                            hit = entries.get((first, *norms[i + 1 : i + k]))
                            if hit:
                                types, length = hit, k
                                break
                if types:
                    # positions from i on: those below i were all added before (each match
                    # covers the positions from its start), so the keys stay in order
                    for t in sorted(types):
                        out.setdefault(i, []).append("B-" + t)
                        for j in range(i + 1, i + length):
                            out.setdefault(j, []).append("I-" + t)
                    break
        return out

    def _plans(self) -> dict[str, tuple[tuple[int, ...], set[str], set[str] | None]]:
        """Per first token: the lengths of its names of two words or more (longest first),
        their second words, and the types of the one-word name (``None``: none); what
        :meth:`labels_at` tries, made once after the last :meth:`add`."""
        if self._plan is None:
            seconds: dict[str, set[str]] = {}
            for key in self.entries:
                if len(key) > 1:
                    seconds.setdefault(key[0], set()).add(key[1])
            self._plan = {
                first: (
                    tuple(k for k in lengths if k > 1),
                    seconds.get(first, set()),
                    self.entries.get((first,)),
                )
                for first, lengths in self._lengths.items()
            }
        return self._plan


#: cached per-token features: (own features, context features by offset, normalised form,
#: stem, mid-level cluster id or "-")
WordFeatures = tuple[list[str], dict[int, list[str]], str, str, str]


class FeatureExtractor:
    """Build python-crfsuite feature sequences (lists of string features) for sentences.

    ``clusters`` maps a normalised word to a tuple of cluster ids at several granularities,
    learned without labels; ``gazetteer`` is an optional :class:`Gazetteer` (names from the
    training data) and ``auto_gazetteer`` one found by self-training on unlabelled news;
    ``lexstats`` maps a normalised word to its (frequency bucket, article bucket) in
    unlabelled news (see :func:`extract.ner.clusters.lexical_stats`); ``names`` is an optional
    typed name list from other gold corpora (``ner_names.tsv``, ``bench/ner_corpora.py``),
    whose matches give the features ``nl=``, ``-1nl=``, ``+1nl=`` (a model trained without it
    has none of these, so older models are unaffected).
    """

    def __init__(
        self,
        clusters: Mapping[str, tuple[str, ...]] | None = None,
        gazetteer: Gazetteer | None = None,
        window: int = 2,
        auto_gazetteer: Gazetteer | None = None,
        lexstats: Mapping[str, tuple[str, ...]] | None = None,
        names: Gazetteer | None = None,
    ) -> None:
        self.clusters = clusters or {}
        self.names = names
        self.lexstats = lexstats or {}
        self.gazetteer = gazetteer
        self.auto_gazetteer = auto_gazetteer
        self.window = window
        self._cache: dict[str, WordFeatures] = {}
        # a cluster tuple's feature strings by prefix ("c" or "sc"): few distinct tuples (at
        # most those of ``clusters``), many words; emptied with the word cache
        self._cluster_strings: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {
            "c": {},
            "sc": {},
        }

    def clear_cache(self) -> None:
        """Forget the cached per-word features."""
        self._cache.clear()
        for strings in self._cluster_strings.values():
            strings.clear()

    def _cluster_features(self, cl: tuple[str, ...], prefix: str) -> tuple[str, ...]:
        """``("c0=…", "c1=…", …)`` (``prefix`` "c") of a word's cluster ids, one per level,
        built and kept (see :meth:`word_parts`, which looks them up first)."""
        strings = self._cluster_strings[prefix]
        if len(strings) >= WORD_CACHE_SIZE:
            strings.clear()
        hit = strings[cl] = tuple(f"{prefix}{lvl}={cid}" for lvl, cid in enumerate(cl))
        return hit

    # -- per-word features ---------------------------------------------------------
    def _word_features(self, token: str, cache: bool = True) -> WordFeatures:
        """Features of one token, independent of its sentence (cached per token string)."""
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        feats, near, far, norm, stem, mid = self.word_parts(token)
        ctx: dict[int, list[str]] = {}
        for off in range(-self.window, self.window + 1):
            if off == 0:
                continue
            pre = f"{off:+d}"
            ctx[off] = [pre + f for f in (near if abs(off) == 1 else far)]
        result = (feats, ctx, norm, stem, mid)
        if cache and len(self._cache) < 200_000:
            self._cache[token] = result
        return result

    def word_parts(self, token: str) -> tuple[list[str], list[str], list[str], str, str, str]:
        """The parts of a token's features: ``(own features, features it gives its immediate
        neighbours, features it gives neighbours two tokens away, normalised form, stem,
        mid-level cluster id or "-")``; a neighbour's copy of a feature carries the offset as
        a prefix (``+1w=…``), added by :meth:`_word_features`."""
        norm = token.translate(_NORMALIZE)
        clusters = self.clusters
        c_strings, sc_strings = self._cluster_strings["c"], self._cluster_strings["sc"]
        pro, stem, art = split_clitics(norm, clusters)
        w_norm = "w=" + norm
        w_stem = "st=" + stem
        w_shape = "sh=" + _shape_of_classes(token.translate(_SHAPE_TABLE))
        n_norm = len(norm)
        n_stem = len(stem)
        feats = ["b", w_norm, w_stem, w_shape, _LEN[min(n_stem, 8)]]
        # prefixes and suffixes of the word (length >= k) and of the stem (length > k)
        for k in range(1, 5):
            if n_norm >= k:
                feats += (_P[k] + norm[:k], _S[k] + norm[-k:])
            if n_stem > k:
                feats += (_SP[k] + stem[:k], _SS[k] + stem[-k:])
        if art:
            feats.append("al")
        if pro:
            feats.append("pro=" + pro)
        if norm != token:
            feats.append("chg")
        if _DIGIT.search(norm):
            feats.append("dig")
        cl = clusters.get(norm)
        src = "w"
        if cl is None and stem != norm:
            cl = clusters.get(stem) or clusters.get("ال" + stem)
            src = "s"
        if cl is None:
            feats.append("cl=none")
            cl_feats: tuple[str, ...] = ()
        else:
            cl_feats = c_strings.get(cl) or self._cluster_features(cl, "c")
            feats += cl_feats
            if src == "s":
                feats.append("cl=stem")
        # stem clusters as extra evidence (e.g. والسعودية → السعودية's cluster)
        if stem != norm:
            scl = clusters.get("ال" + stem) if art else clusters.get(stem)
            if scl is not None:
                feats += sc_strings.get(scl) or self._cluster_features(scl, "sc")
        # frequency and definite-article affinity in unlabelled news (proper-name evidence)
        lexstats = self.lexstats
        ls = lexstats.get(norm)
        if ls is None and stem != norm:
            ls = lexstats.get("ال" + stem) or lexstats.get(stem)
        if ls:
            feats += ("fq=" + ls[0], "alr=" + ls[1])
        # interior character trigrams of longer stems (foreign names, unseen words)
        if n_stem >= 5:
            feats += ["g3=" + stem[k : k + 3] for k in range(1, n_stem - 3)]
        # context copies: fewer features for neighbours
        near = [w_norm, w_stem, w_shape, *cl_feats]
        if art:
            near.append("al")
        if pro:
            near.append("pro=" + pro)
        far = [w_norm, w_stem, *cl_feats[:2]]
        mid = cl[1] if cl is not None and len(cl) > 1 else "-"
        return feats, near, far, norm, stem, mid

    def norm_stem(self, token: str) -> tuple[str, str]:
        """Return the normalised form of ``token`` and its stem (proclitics and article split)."""
        wf = self._word_features(token)
        return wf[2], wf[3]

    # -- sentence features -----------------------------------------------------------
    def sentence_features(
        self,
        tokens: Sequence[str],
        gaz_labels: Sequence[Sequence[str]] | None = None,
        name_labels: Sequence[Sequence[str]] | None = None,
    ) -> list[list[str]]:
        """Return one feature list per token of ``tokens``.

        ``gaz_labels`` overrides the gazetteer matches (used in training, where the gazetteer
        for each fold must exclude that fold's own names); ``name_labels`` likewise the
        matches of the name list ``names``.
        """
        n = len(tokens)
        per = [self._word_features(t) for t in tokens]
        if gaz_labels is None and self.gazetteer is not None and n:
            norms = [p[2] for p in per]
            stems = [p[3] for p in per]
            gaz_labels = self.gazetteer.annotate(norms, stems)
        auto_labels = self.auto_labels(per)
        if name_labels is None and self.names is not None and n:
            name_labels = self.names.annotate([p[2] for p in per], [p[3] for p in per])
        out: list[list[str]] = []
        w = self.window
        for i in range(n):
            feats = list(per[i][0])
            for off in range(-w, w + 1):
                if off == 0:
                    continue
                j = i + off
                if 0 <= j < n:
                    feats.extend(per[j][1][off])
            feats.extend(self.extras(i, per, gaz_labels, auto_labels, name_labels))
            out.append(feats)
        return out

    def auto_labels(self, per: Sequence[WordFeatures]) -> list[list[str]] | None:
        """Matches of the self-trained gazetteer (names tagged in unlabelled news), if any."""
        if self.auto_gazetteer is None or not per:
            return None
        return self.auto_gazetteer.annotate([p[2] for p in per], [p[3] for p in per])

    @staticmethod
    def extras(
        i: int,
        per: Sequence[WordFeatures],
        gaz_labels: Sequence[Sequence[str]] | None,
        auto_labels: Sequence[Sequence[str]] | None = None,
        name_labels: Sequence[Sequence[str]] | None = None,
    ) -> list[str]:
        """Features of position ``i`` that depend on more than one word (bigrams, gazetteer)."""
        n = len(per)
        feats = []
        if i == 0:
            feats.append("BOS")
        else:
            feats.append("bg-1=" + per[i - 1][2] + "|" + per[i][2])
            feats.append("pc=" + per[i - 1][2] + "|" + per[i][4])
        if i == n - 1:
            feats.append("EOS")
        if gaz_labels is not None:
            _labels_around(feats, "g", gaz_labels, i, n)
        if auto_labels is not None:
            feats.extend("a=" + lab for lab in auto_labels[i])
        if name_labels is not None:
            _labels_around(feats, "nl", name_labels, i, n)
        return feats


def _labels_around(feats: list[str], tag: str, labels: Sequence, i: int, n: int) -> None:
    """Add name-list features of position ``i`` and its neighbours: ``tag=…`` for the word
    itself, ``-1tag=…`` and ``+1tag=…`` for the words before and after it (of ``n``)."""
    feats.extend(f"{tag}={lab}" for lab in labels[i])
    if i > 0:
        feats.extend(f"-1{tag}={lab}" for lab in labels[i - 1])
    if i + 1 < n:
        feats.extend(f"+1{tag}={lab}" for lab in labels[i + 1])


#: what :class:`WordFeatureIds` reads when a feature is missing from a slot of the model
_NO_IDS: tuple[tuple[int, ...], ...] = ((), (), (), (), ())
#: a cluster level's feature kinds (``c0``, ``sc0``, ``c1`` …)
_LEVEL = re.compile(r"s?c([0-9]+)")
#: stems up to this many letters have their trigrams' slices made once
_G3_SLICES = 48


class WordFeatureIds:
    """The ids, in a model's feature index, of the features :meth:`FeatureExtractor.word_parts`
    gives a word, found from the word's parts without building the feature strings.

    ``own`` maps a feature string to its id; ``ctx`` holds, for the offsets -2, -1, +1, +2 in
    that order, what a word adds as that neighbour (``"+1w=…"`` keyed ``"w=…"``); ``none`` is
    the id given to a feature the model lacks.  :meth:`word_ids` returns the ids of
    :meth:`FeatureExtractor.word_parts`' features in the same order, slot by slot (own, -2, -1,
    +1, +2): each feature kind is looked up by its value (the word's normalised form, a
    prefix, a cluster id …) in a table built once from the model's feature names, with one
    look-up for all five slots of the kinds neighbours see, and one for a word's affix and
    the stem's of the same letters.  Its lines follow ``word_parts`` one for one;
    ``tests/test_ner.py`` checks that both give the same ids.

    A cluster tuple's ids are kept (few tuples, many words), at most ``WORD_CACHE_SIZE``,
    emptied by :meth:`clear_cache`.
    """

    def __init__(
        self,
        fx: FeatureExtractor,
        own: Mapping[str, int],
        ctx: Sequence[Mapping[str, int]],
        none: int,
    ) -> None:
        self.fx = fx
        self._own = own
        self._ctx = tuple(ctx)
        self._none = none
        none5 = (none,) * 5
        self._none5 = none5
        # every feature "kind=value" of the model by kind, then value: its ids in the slots
        by_kind: dict[str, dict[str, list[int]]] = {}
        for slot, table in enumerate((own, *self._ctx)):
            for name, k in table.items():
                kind, eq, value = name.partition("=")
                if eq:
                    by_kind.setdefault(kind, {}).setdefault(value, [none] * 5)[slot] = k

        def five(kind: str) -> dict[str, tuple[int, ...]]:
            """value -> ids in the five slots (a kind neighbours see too)"""
            return {v: tuple(ids) for v, ids in by_kind.get(kind, {}).items()}

        def one(kind: str) -> dict[str, int]:
            """value -> id (a kind only the word's own slot has)"""
            return {v: ids[0] for v, ids in by_kind.get(kind, {}).items() if ids[0] != none}

        def pairs(word_kind: str, stem_kind: str) -> dict[str, tuple[int, int]]:
            """an affix of k letters -> (its id as the word's, as the stem's), kinds of
            length k (``p1`` … ``p4``): the only values word_parts makes of them"""
            out: dict[str, list[int]] = {}
            for j, kind in enumerate((word_kind, stem_kind)):
                for k in range(1, 5):
                    for v, i in one(f"{kind}{k}").items():
                        if len(v) == k:
                            out.setdefault(v, [none, none])[j] = i
            return {v: (a, b) for v, (a, b) in out.items()}

        self._w = five("w")
        self._st = five("st")
        self._sh = five("sh")
        self._pro = five("pro")
        self._al = tuple(t.get("al", none) for t in (own, *self._ctx))
        # a prefix's ids as the word's (p…) and the stem's (sp…); a suffix's as the word's
        # (s…) and the stem's (ss…), one value for both since the stem ends the word
        self._none2 = (none, none)
        self._prefix = pairs("p", "sp")
        self._suffix = pairs("s", "ss")
        self._fq = one("fq").get
        self._alr = one("alr").get
        self._g3 = one("g3").get
        # stems' interior trigrams by the stem's length (see word_parts)
        self._g3_slices = [[slice(k, k + 3) for k in range(1, n - 3)] for n in range(_G3_SLICES)]
        self._b = own.get("b", none)
        self._len = [own.get(f, none) for f in _LEN]
        self._chg = own.get("chg", none)
        self._dig = own.get("dig", none)
        self._cl_none = own.get("cl=none", none)
        self._cl_stem = own.get("cl=stem", none)
        # a cluster id's ids by level: c0=…, c1=… in the five slots, sc0=… … in the own
        n_levels = 1 + max((int(m[1]) for k in by_kind if (m := _LEVEL.fullmatch(k))), default=-1)
        self._c_levels = [five(f"c{lvl}") for lvl in range(n_levels)]
        self._sc_levels = [one(f"sc{lvl}") for lvl in range(n_levels)]
        self._cl: dict[tuple[str, ...], tuple[tuple[int, ...], ...]] = {}
        self._sc: dict[tuple[str, ...], tuple[int, ...]] = {}

    def clear_cache(self) -> None:
        """Forget the kept cluster tuples' ids."""
        self._cl.clear()
        self._sc.clear()

    def _cluster_ids(self, cl: tuple[str, ...]) -> tuple[tuple[int, ...], ...]:
        """The ids of a cluster tuple's ``c…=`` features in the five slots (the neighbours
        two away see the first two levels), kept."""
        if len(self._cl) >= WORD_CACHE_SIZE:
            self._cl.clear()
        levels, none5 = self._c_levels, self._none5
        by_level = [
            levels[lvl].get(cid, none5) if lvl < len(levels) else none5
            for lvl, cid in enumerate(cl)
        ]
        own, far_l, near_l, near_r, far_r = zip(*by_level, strict=True) if cl else _NO_IDS
        hit = self._cl[cl] = (own, far_l[:2], near_l, near_r, far_r[:2])
        return hit

    def _stem_cluster_ids(self, scl: tuple[str, ...]) -> tuple[int, ...]:
        """The ids of a stem's cluster tuple's ``sc…=`` features (own slot only), kept."""
        if len(self._sc) >= WORD_CACHE_SIZE:
            self._sc.clear()
        levels, none = self._sc_levels, self._none
        hit = self._sc[scl] = tuple(
            levels[lvl].get(cid, none) if lvl < len(levels) else none for lvl, cid in enumerate(scl)
        )
        return hit

    def word_ids(self, token: str, ids: list[int]) -> tuple[tuple[int, ...], str, str, str]:
        """Append the ids of ``token``'s features to ``ids``, slot after slot (own, as the
        word two to the left, one to the left, one to the right, two to the right; ``none``
        for a feature the model lacks), and return ``(the slots' sizes, normalised form,
        stem, mid-level cluster id or "-")``: what :meth:`FeatureExtractor.word_parts` gives,
        looked up."""
        none = self._none
        none5 = self._none5
        fx = self.fx
        clusters = fx.clusters
        norm = token.translate(_NORMALIZE)
        pro, stem, art = split_clitics(norm, clusters)
        w = self._w.get(norm, none5)
        st = self._st.get(stem, none5)
        sh = self._sh.get(_shape_of_classes(token.translate(_SHAPE_TABLE)), none5)
        n_norm = len(norm)
        n_stem = len(stem)
        own = [self._b, w[0], st[0], sh[0], self._len[min(n_stem, 8)]]
        # prefixes and suffixes of the word (length >= k) and of the stem (length > k): in
        # word_parts' order, p1 s1 sp1 ss1 p2 …; a stem's suffix is the word's
        prefix, suffix, none2 = self._prefix.get, self._suffix.get, self._none2
        if n_stem > 4:  # all sixteen
            e1 = suffix(norm[-1:], none2)
            e2 = suffix(norm[-2:], none2)
            e3 = suffix(norm[-3:], none2)
            e4 = suffix(norm[-4:], none2)
            a1 = prefix(norm[:1], none2)
            a2 = prefix(norm[:2], none2)
            a3 = prefix(norm[:3], none2)
            a4 = prefix(norm[:4], none2)
            if stem is norm:
                b1, b2, b3, b4 = a1, a2, a3, a4
            else:
                b1 = prefix(stem[:1], none2)
                b2 = prefix(stem[:2], none2)
                b3 = prefix(stem[:3], none2)
                b4 = prefix(stem[:4], none2)
            own += (
                a1[0], e1[0], b1[1], e1[1], a2[0], e2[0], b2[1], e2[1],
                a3[0], e3[0], b3[1], e3[1], a4[0], e4[0], b4[1], e4[1],
            )  # fmt: skip
        else:
            for k in range(1, 5):
                if n_norm >= k:
                    own += (prefix(norm[:k], none2)[0], suffix(norm[-k:], none2)[0])
                if n_stem > k:
                    own += (prefix(stem[:k], none2)[1], suffix(norm[-k:], none2)[1])
        if art:
            own.append(self._al[0])
        pr = self._pro.get(pro, none5) if pro else none5
        if pro:
            own.append(pr[0])
        if norm != token:
            own.append(self._chg)
        if _DIGIT.search(norm):
            own.append(self._dig)
        cl = clusters.get(norm)
        src = "w"
        if cl is None and stem != norm:
            cl = clusters.get(stem) or clusters.get("ال" + stem)
            src = "s"
        if cl is None:
            own.append(self._cl_none)
            c = _NO_IDS
        else:
            c = self._cl.get(cl) or self._cluster_ids(cl)
            own += c[0]
            if src == "s":
                own.append(self._cl_stem)
        if stem != norm:
            scl = clusters.get("ال" + stem) if art else clusters.get(stem)
            if scl is not None:
                own += self._sc.get(scl) or self._stem_cluster_ids(scl)
        lexstats = fx.lexstats
        ls = lexstats.get(norm)
        if ls is None and stem != norm:
            ls = lexstats.get("ال" + stem) or lexstats.get(stem)
        if ls:
            own += (self._fq(ls[0], none), self._alr(ls[1], none))
        if n_stem >= 5:
            g3 = self._g3
            if n_stem < _G3_SLICES:
                own += map(g3, map(stem.__getitem__, self._g3_slices[n_stem]), repeat(none))
            else:
                own += [g3(stem[k : k + 3], none) for k in range(1, n_stem - 3)]
        # the neighbours' slots: near = w, st, sh, clusters, al, pro; far = w, st, 2 clusters
        near_l = [w[2], st[2], sh[2], *c[2]]
        near_r = [w[3], st[3], sh[3], *c[3]]
        if art:
            near_l.append(self._al[2])
            near_r.append(self._al[3])
        if pro:
            near_l.append(pr[2])
            near_r.append(pr[3])
        ids += own
        ids += (w[1], st[1], *c[1])
        ids += near_l
        ids += near_r
        ids += (w[4], st[4], *c[4])
        far = 2 + len(c[1])
        mid = cl[1] if cl is not None and len(cl) > 1 else "-"
        return (len(own), far, len(near_l), len(near_r), far), norm, stem, mid
