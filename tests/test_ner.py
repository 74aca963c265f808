"""Tests for the Arabic NER component (extract.ner): CoNLL I/O, scoring, CRF and BERT backends."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize
from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import get_chunks_slow, normalize_slow

from rasd.extract.ner import Tagger, evaluate, format_report, load_tagger, read_conll
from rasd.extract.ner.conll import get_chunks
from rasd.extract.ner.crf import build_gazetteer, repair_bio
from rasd.extract.ner.features import Gazetteer, normalize, normalize_many, split_clitics

# -- CoNLL reading ----------------------------------------------------------------------------


def test_read_conll_sentences(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(
        "أعلن O\nاتحاد B-ORG\nالصناعات I-ORG\nفي O\nألمانيا B-LOC\n\n\nزار O\nبوش B-PERS\n",
        encoding="utf-8",
    )
    sents = read_conll(p)
    assert len(sents) == 2
    assert sents[0][1] == ("اتحاد", "B-ORG")
    assert sents[0][4] == ("ألمانيا", "B-LOC")
    assert sents[1] == [("زار", "O"), ("بوش", "B-PERS")]


def test_read_conll_error_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_text("أعلن O\nاتحاد B-ORG extra\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt:2: expected 'token TAG'"):
        read_conll(p)
    p.write_text("أعلن O\n\nبوش PERS\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt:3: tag 'PERS' is not BIO"):
        read_conll(p)


# -- evaluation (hand-computed) ---------------------------------------------------------------


def test_chunks_follow_conlleval() -> None:
    # I- after O starts a chunk; I- of another type starts a new chunk; B- always starts one
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "O"]
    assert get_chunks(tags) == [(0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG")]


def test_evaluate_perfect_and_empty() -> None:
    g = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    r = evaluate(g, g)
    assert (r.micro.precision, r.micro.recall, r.micro.f1) == (1.0, 1.0, 1.0)
    r = evaluate([["O", "O"]], [["O", "O"]])
    assert r.micro.f1 == 0.0 and r.token_accuracy == 1.0


def test_evaluate_type_mismatch_and_boundary_error() -> None:
    #          جورج      بوش       في   العراق    و   الأمم      المتحدة
    gold = [["B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "I-ORG"]]
    # boundary error on the person, type error on العراق, ORG right
    pred = [["B-PERS", "O", "O", "B-ORG", "O", "B-ORG", "I-ORG"]]
    r = evaluate(gold, pred)
    assert (r.micro.gold, r.micro.predicted, r.micro.correct) == (3, 3, 1)
    assert r.micro.precision == pytest.approx(1 / 3)
    assert r.micro.recall == pytest.approx(1 / 3)
    assert r.per_type["PERS"].correct == 0 and r.per_type["PERS"].predicted == 1
    assert r.per_type["LOC"].recall == 0.0 and r.per_type["LOC"].predicted == 0
    assert r.per_type["ORG"].predicted == 2 and r.per_type["ORG"].correct == 1
    assert r.per_type["ORG"].precision == pytest.approx(0.5)
    assert r.per_type["ORG"].recall == pytest.approx(1.0)
    assert r.per_type["ORG"].f1 == pytest.approx(2 / 3)
    assert r.token_accuracy == pytest.approx(5 / 7)
    text = format_report(r)
    assert "found: 3 phrases; correct: 1." in text
    assert "ORG: precision:  50.00%; recall: 100.00%; FB1:  66.67  2" in text


def test_evaluate_ill_formed_bio_like_conlleval() -> None:
    # conlleval reads "O I-LOC I-LOC" as one LOC chunk, so it matches "O B-LOC I-LOC"
    r = evaluate([["O", "B-LOC", "I-LOC"]], [["O", "I-LOC", "I-LOC"]])
    assert r.micro.correct == 1 and r.micro.f1 == 1.0
    # "B-PERS I-LOC" is two chunks (PERS, LOC): a gold two-token PERS is missed
    r = evaluate([["B-PERS", "I-PERS"]], [["B-PERS", "I-LOC"]])
    assert (r.micro.gold, r.micro.predicted, r.micro.correct) == (1, 2, 0)


def test_evaluate_two_sentences_micro() -> None:
    gold = [["B-LOC", "O"], ["B-PERS", "I-PERS", "O", "B-MISC"]]
    pred = [["B-LOC", "O"], ["B-PERS", "I-PERS", "O", "O"]]
    r = evaluate(gold, pred)
    assert r.micro.precision == 1.0
    assert r.micro.recall == pytest.approx(2 / 3)
    assert r.micro.f1 == pytest.approx(0.8)
    assert r.per_type["MISC"].recall == 0.0


def test_evaluate_length_mismatch() -> None:
    with pytest.raises(ValueError, match="sentence 0"):
        evaluate([["O", "O"]], [["O"]])


# -- normalisation and features -----------------------------------------------------------


def test_normalize_and_clitics() -> None:
    assert normalize("السعوديّة") == "السعوديه"
    assert normalize("إسرائيل") == "اسرائيل"
    assert normalize("مصطفى") == "مصطفي"
    assert normalize("القاهـــرة") == "القاهره"
    assert normalize("٢٠١٥") == "2015"
    assert split_clitics("والسعوديه") == ("و", "سعوديه", True)
    assert split_clitics("للعراق") == ("ل", "عراق", True)
    assert split_clitics("الرياض") == ("", "رياض", True)
    assert split_clitics("مصر") == ("", "مصر", False)  # too short to hold a proclitic


# Arabic letters, hamza and alef forms, diacritics, tatweel, Arabic-Indic and Persian digits
_ARABIC_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from("ـ 0a"),
    max_size=24,
)


@settings(max_examples=300, deadline=None)
@given(_ARABIC_TEXT)
def test_fast_normalize_equals_camel_tools_steps(text: str) -> None:
    assert normalize(text) == normalize_slow(text)
    assert normalize(normalize(text)) == normalize(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ARABIC_TEXT | st.sampled_from(["", "\n", "أ\nب", "ـ"]), max_size=12))
def test_normalize_many_equals_normalize_each(tokens: list[str]) -> None:
    assert normalize_many(tokens) == [normalize_slow(t) for t in tokens]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["O", "O", "O", "B-PERS", "I-PERS", "I-LOC", "B-ORG", "E-X", ".", "[", ""]),
        max_size=14,
    )
)
def test_get_chunks_equals_token_by_token_reading(tags: list[str]) -> None:
    assert get_chunks(tags) == get_chunks_slow(tags)


def test_gazetteer_from_training_and_matching() -> None:
    sents = [
        [("زار", "O"), ("جورج", "B-PERS"), ("بوش", "I-PERS"), ("العراق", "B-LOC")],
        [("في", "O"), ("العراق", "B-LOC")],
    ]
    counts = build_gazetteer(sents)
    assert counts[("جورج", "بوش")] == {"PERS": 1}
    assert counts[("العراق",)] == {"LOC": 2}
    gaz = Gazetteer({k: set(v) for k, v in counts.items()})
    norms = [normalize(t) for t in ["قال", "جورج", "بوش", "وللعراق"]]
    labels = gaz.annotate(norms, [split_clitics(n)[1] for n in norms])
    assert labels == [[], ["B-PERS"], ["I-PERS"], ["B-LOC"]]


def test_gazetteer_known_starts_give_the_same_matches() -> None:
    gaz = Gazetteer(
        {("الامم", "المتحده"): {"ORG"}, ("العراق",): {"LOC"}, ("جورج", "بوش"): {"PERS"}}
    )
    tokens = ["قالت", "الامم", "المتحده", "وللعراق", "ان", "جورج", "بوش", "جورج"]
    stems = [split_clitics(t)[1] for t in tokens]
    starts = [i for i, (t, s) in enumerate(zip(tokens, stems, strict=True)) if gaz.may_start(t, s)]
    assert starts == [1, 3, 5, 7]
    full = gaz.annotate(tokens, stems)
    assert gaz.annotate(tokens, stems, starts) == full
    assert full[3] == ["B-LOC"] and full[6] == ["I-PERS"] and full[7] == []


def test_repair_bio() -> None:
    assert repair_bio(["O", "I-LOC", "I-LOC", "I-ORG"]) == ["O", "B-LOC", "I-LOC", "B-ORG"]


# -- the shipped CRF model ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def crf() -> Tagger:
    return load_tagger("crf")


def test_crf_tags_real_sentence(crf: Tagger) -> None:
    text = "قال الرئيس الأمريكي جورج بوش إن القوات الأمريكية ستبقى في العراق حتى نهاية العام."
    tokens = simple_word_tokenize(text)
    tags = crf.tag(tokens)
    assert len(tags) == len(tokens)
    by_word = dict(zip(tokens, tags, strict=True))
    assert by_word["العراق"] == "B-LOC"
    assert by_word["بوش"].endswith("-PERS")
    assert by_word["قال"] == "O"
    assert all(t == "O" or t[2:] in {"PERS", "LOC", "ORG", "MISC"} for t in tags)


def test_crf_handles_diacritics_and_clitics(crf: Tagger) -> None:
    tokens = simple_word_tokenize("وصل وزير الخارجيّة إلى القاهرة ثم توجّه إلى دمشق وبغداد.")
    tags = dict(zip(tokens, crf.tag(tokens), strict=True))
    assert tags["القاهرة"] == "B-LOC"
    assert tags["دمشق"] == "B-LOC"


def test_crf_tag_many_equals_tag(crf: Tagger) -> None:
    sents = [
        simple_word_tokenize("أعلنت وزارة الخارجية الفرنسية في باريس اليوم."),
        [],
        simple_word_tokenize("التقى الملك عبدالله بالرئيس المصري حسني مبارك في شرم الشيخ."),
    ]
    assert crf.tag_many(sents) == [crf.tag(s) for s in sents]
    assert crf.tag([]) == []


def test_crf_fast_decoder_matches_crfsuite(crf: Tagger) -> None:
    sents = [
        simple_word_tokenize(
            "ذكرت وكالة الأنباء الفرنسية أن وزير الدفاع الأمريكي دونالد رامسفيلد وصل إلى كابول."
        ),
        simple_word_tokenize("فاز فريق برشلونة على ريال مدريد في ملعب كامب نو."),
        ["مصر"],
    ]
    assert crf.tag_many(sents) == [crf.tag_reference(s) for s in sents]


def test_crf_small_cache_gives_the_same_tags() -> None:
    # a cache smaller than one sentence's words is emptied mid-batch; rows must stay valid
    from rasd.extract.ner.crf import CrfTagger

    sents = [
        simple_word_tokenize(
            "ذكرت وكالة الأنباء الفرنسية أن وزير الدفاع الأمريكي دونالد رامسفيلد وصل إلى كابول."
        ),
        simple_word_tokenize("فاز فريق برشلونة على ريال مدريد في ملعب كامب نو."),
        simple_word_tokenize("وقال الجنرال جوزيف فوتل إن القوات ستبقى في العراق وسوريا."),
    ]
    small = CrfTagger(cache_size=8)
    expected = [small.tag_reference(s) for s in sents]
    assert small.tag_many(sents) == expected
    assert [small.tag(s) for s in sents] == expected
    assert len(small._rows) <= 8 or len(small._rows) <= max(len(set(s)) for s in sents)


def test_crf_loads_from_any_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_tagger("crf").tag(["العراق"]) == ["B-LOC"]


def test_unknown_backend() -> None:
    with pytest.raises(ValueError, match="unknown NER backend"):
        load_tagger("spacy")


# -- BERT backend ---------------------------------------------------------------------------

_BERT_LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]


def _ensure_camel_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point camel-tools at an empty catalogue unless its data is already usable."""
    if "camel_tools.data" in sys.modules:
        return
    env = os.environ.get("CAMELTOOLS_DATA")
    home = Path(env) if env else Path.home() / ".camel_tools"
    if (home / "catalogue.json").is_file():
        return
    data = tmp_path / "camel_data"
    data.mkdir()
    (data / "catalogue.json").write_text(
        json.dumps({"version": "1.6", "packages": {}, "components": {}}), encoding="utf-8"
    )
    monkeypatch.setenv("CAMELTOOLS_DATA", str(data))


def _tiny_bert(path: Path, id2label: dict[int, str]) -> None:
    torch = pytest.importorskip("torch", reason="torch is not installed")
    transformers = pytest.importorskip("transformers", reason="transformers is not installed")
    words = ["العراق", "بوش", "جورج", "في", "قال", "##ه", "##ا", "ال", "ا", "ب", "ع", "ر", "ق"]
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words, ".", "،"]
    path.mkdir()
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tok = transformers.BertTokenizerFast(vocab_file=str(path / "vocab.txt"), do_lower_case=False)
    tok.save_pretrained(str(path))
    config = transformers.BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=37,
        max_position_embeddings=260,
        id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
    )
    torch.manual_seed(0)
    transformers.BertForTokenClassification(config).save_pretrained(str(path))


def test_bert_backend_with_tiny_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = tmp_path / "tiny-bert"
    _tiny_bert(model, dict(enumerate(_BERT_LABELS)))
    _ensure_camel_catalogue(tmp_path, monkeypatch)
    tagger = load_tagger("bert", model)
    assert tagger.labels == _BERT_LABELS
    sents = [["قال", "جورج", "بوش", "في", "العراق", "."], ["\u200b", "العراق"], []]
    out = tagger.tag_many(sents)
    assert [len(t) for t in out] == [6, 2, 0]
    assert out[1][0] == "O"  # a token with no word piece gets O
    for tags in out:
        assert all(t in _BERT_LABELS for t in tags)
        assert all(
            not t.startswith("I-") or (i and tags[i - 1][2:] == t[2:]) for i, t in enumerate(tags)
        )
    assert tagger.tag(sents[0]) == out[0]


def test_bert_backend_maps_foreign_labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = tmp_path / "tiny-bert-per"
    _tiny_bert(
        model, dict(enumerate(["O", "B-PER", "I-PER", "B-GPE", "I-GPE", "B-DATE", "I-DATE"]))
    )
    _ensure_camel_catalogue(tmp_path, monkeypatch)
    tagger = load_tagger("bert", model)
    assert tagger.labels == ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


def test_bert_backend_missing_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.extract.ner.bert import BertUnavailableError

    pytest.importorskip("transformers", reason="transformers is not installed")
    _ensure_camel_catalogue(tmp_path, monkeypatch)
    with pytest.raises(BertUnavailableError, match="no BERT NER model at"):
        load_tagger("bert", tmp_path / "nowhere")


def test_bert_backend_without_installed_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasd.extract.ner.bert import BertUnavailableError

    pytest.importorskip("transformers", reason="transformers is not installed")
    _ensure_camel_catalogue(tmp_path, monkeypatch)
    from camel_tools.data import CATALOGUE

    if "NamedEntityRecognition" in CATALOGUE.components:
        pytest.skip("a camel-tools NER model is installed on this machine")
    with pytest.raises(BertUnavailableError, match="no camel-tools NER model installed"):
        load_tagger("bert")


def test_bert_backend_without_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.extract.ner.bert import BertUnavailableError

    monkeypatch.setitem(sys.modules, "camel_tools.ner", None)  # import now raises ImportError
    with pytest.raises(BertUnavailableError, match="needs torch and transformers"):
        load_tagger("bert", "/nonexistent")


_ARTICLE = [
    simple_word_tokenize(t)
    for t in (
        "ذكرت وكالة الأنباء الفرنسية أن وزير الدفاع الأمريكي دونالد رامسفيلد وصل إلى كابول.",
        "وقال رامسفيلد للصحفيين في كابول إن القوات الأمريكية باقية في أفغانستان.",
        "فاز فريق برشلونة على ريال مدريد في ملعب كامب نو.",
        "و",
        "وأضاف أن الرئيس الأفغاني حامد كرزاي سيزور واشنطن الشهر المقبل.",
    )
]


def test_crf_cached_word_scores_equal_the_feature_strings() -> None:
    # a word's cached scores (built from feature ids without the prefixed neighbour strings)
    # are the weights of the feature strings crfsuite itself would read
    from rasd.extract.ner.crf import CrfTagger

    tagger = CrfTagger()
    words = [w for s in _ARTICLE for w in s] + ["٢٠١٥م", "xyz", "بـ", "والسعوديّة"]
    rows = tagger._add_words(words)
    fx, attr, w = tagger._fx, tagger._attr, tagger._w
    for word in words:
        own, ctx, *_ = fx._word_features(word, cache=False)
        vec = tagger._vecs[rows[word]]
        slots = [own, *(ctx[off] for off in tagger._OFFSETS)]
        for slot, feats in enumerate(slots):
            ids = [attr[f] for f in feats if f in attr]
            expected = w[ids].sum(axis=0) if ids else 0.0
            assert vec[slot] == pytest.approx(expected, abs=1e-9), (word, slot)


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةىٱ" + "ـًٌٍَُِّْٰ" + "09٠٣۴" + "xZ|-."
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "لل", "ولل", "وب", "فل")
_REAL = (
    "السعودية",
    "الرياض",
    "بغداد",
    "العراق",
    "الرئيس",
    "كرزاي",
    "واشنطن",
    "الأمريكية",
    "وزارة",
    "حامد",
    "شركة",
    "أرامكو",
    "مجلس",
    "الشورى",
    "عبدالله",
    "2015م",
)
_WORDS = st.one_of(
    st.text(alphabet=_LETTERS, min_size=1, max_size=60),
    # words that normalise to nothing or to a lone letter: tatweel, harakat, tatweel-stretched
    st.text(alphabet="\u0640", min_size=1, max_size=8),
    st.text(
        alphabet="\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652", min_size=1, max_size=8
    ),
    st.builds("\u0640".join, st.lists(st.sampled_from(_LETTERS), min_size=1, max_size=4)),
    st.builds(
        "".join,
        st.tuples(
            st.sampled_from(_CLITICS),
            st.sampled_from(_REAL),
            st.sampled_from(("", "ّ", "ة", "ى", "ها", "ين")),
        ),
    ),
)


@given(st.lists(_WORDS, min_size=1, max_size=30))
@settings(max_examples=300, deadline=None)
def test_word_feature_ids_are_the_ids_of_word_parts(crf: Tagger, words: list[str]) -> None:
    # the CRF looks a new word's features up from its parts (WordFeatureIds) instead of
    # building FeatureExtractor.word_parts' strings: the same ids in the same order, slot by
    # slot, so the same sums
    from rasd.extract.ner.crf import CrfTagger

    assert isinstance(crf, CrfTagger)
    fx, attr, none = crf._fx, crf._attr, crf._none
    lookup = crf._word_ids
    for word in words:
        feats, near, far, norm, stem, mid = fx.word_parts(word)
        want = [attr.get(f, none) for f in feats]
        for off in crf._OFFSETS:
            want += [crf._ctx_ids[off].get(f, none) for f in (near if abs(off) == 1 else far)]
        ids: list[int] = []
        sizes, *rest = lookup.word_ids(word, ids)
        assert ids == want, word
        assert sizes == (len(feats), len(far), len(near), len(near), len(far))
        assert rest == [norm, stem, mid]
    lookup.clear_cache()


def test_crf_one_article_in_one_call_equals_sentence_by_sentence(crf: Tagger) -> None:
    # emissions of a whole article at once: neighbours never leak across sentences
    import numpy as np

    from rasd.extract.ner.crf import CrfTagger

    assert isinstance(crf, CrfTagger)
    packed = crf.emissions_packed(_ARTICLE)
    alone = np.concatenate([crf.emissions_packed([s]) for s in _ARTICLE])
    np.testing.assert_allclose(packed, alone, rtol=0, atol=1e-12)
    assert crf.tag_many(_ARTICLE) == [crf.tag_reference(s) for s in _ARTICLE]


@given(st.lists(st.lists(st.integers(0, 8), min_size=1, max_size=12), min_size=1, max_size=6))
@settings(max_examples=200, deadline=None)
def test_tag_names_repairs_as_repair_bio(paths: list[list[int]]) -> None:
    # the ensemble names and repairs the tag ids of all its sentences at once in numpy
    import numpy as np

    from rasd.extract.ner.nn_runtime import TAGS, tag_names

    flat = np.array([j for p in paths for j in p])
    want = [repair_bio([TAGS[j] for j in p]) for p in paths]
    assert tag_names(flat, [len(p) for p in paths]) == want


def test_crf_emissions_are_the_weights_of_the_feature_strings() -> None:
    # emissions_packed looks the features of word pairs, gazetteer names and sentence ends up
    # without building their strings, for several sentences at once; words with "|" make
    # ambiguous pair keys, looked up as strings
    import numpy as np

    from rasd.extract.ner.crf import CrfTagger

    tagger = CrfTagger()
    sents = [*_ARTICLE, ["a|b", "|", "في", "بغداد"], ["|"], ["قال", "x|", "y", "|"]]
    attr, w = tagger._attr, tagger._w
    want = [
        w[[attr[f] for f in feats if f in attr]].sum(axis=0)
        for s in sents
        for feats in tagger._fx.sentence_features(s)
    ]
    np.testing.assert_allclose(tagger.emissions_packed(sents), np.array(want), rtol=0, atol=1e-9)


def test_cluster_file_shares_equal_tuples(tmp_path: Path) -> None:
    # many words, few distinct cluster tuples: equal tuples are one object (the CRF finds a
    # tuple's ids by identity), with the values of the file
    from rasd.extract.ner.clusters import load_cluster_file

    path = tmp_path / "clusters.tsv"
    path.write_text(
        "word\tc64\tc256\tfreq\talr\nقال\t1\t7\t12\t0\nذكر\t1\t7\t9\t0\nبغداد\t2\t9\t12\t0\n",
        encoding="utf-8",
    )
    clusters, stats = load_cluster_file(path)
    assert clusters == {"قال": ("1", "7"), "ذكر": ("1", "7"), "بغداد": ("2", "9")}
    assert stats == {"قال": ("12", "0"), "ذكر": ("9", "0"), "بغداد": ("12", "0")}
    assert clusters["قال"] is clusters["ذكر"]
    assert stats["قال"] is stats["بغداد"]
