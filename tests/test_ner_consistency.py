"""Document-level label consistency (extract.ner.consistency) and the CRF+BiLSTM-CRF
ensemble backend (extract.ner.ensemble), on real Arabic sentences."""

from __future__ import annotations

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.errors import DataError
from rasd.extract.ner import load_tagger
from rasd.extract.ner.conll import get_chunks
from rasd.extract.ner.consistency import propagate
from rasd.extract.ner.crf import CrfTagger
from rasd.extract.ner.ensemble import EnsembleTagger
from rasd.extract.ner.features import normalize
from rasd.extract.ner.nn_runtime import NnTagger


def _tok(*texts: str) -> list[list[str]]:
    return [simple_word_tokenize(t) for t in texts]


def _tags_of(tokens: list[str], tags: list[str]) -> dict[str, str]:
    return dict(zip(tokens, tags, strict=True))


def test_recurrences_with_clitics_and_spelling_variants_are_tagged() -> None:
    sents = _tok(
        "فاز حزب الليكود بقيادة فايزة أبوالنجا",
        "وانتقد والليكود القرار ، وقالت ابوالنجا إن لليكود موقفا",
        "وقالت فايزةُ أبـوالنجا إن بالليكود خلافا",
    )
    tags = [
        ["O", "B-ORG", "I-ORG", "O", "B-PERS", "I-PERS"],
        ["O"] * len(sents[1]),
        ["O"] * len(sents[2]),
    ]
    out = propagate(sents, tags)
    assert out[0] == tags[0]  # tags already there are kept
    s1 = _tags_of(sents[1], out[1])
    # الليكود was only tagged inside حزب الليكود: a name of its own only where tagged alone
    assert s1["والليكود"] == "O" and s1["لليكود"] == "O"
    assert s1["ابوالنجا"] == "O"  # a surname alone is not the tagged two-word name
    s2 = _tags_of(sents[2], out[2])
    assert s2["فايزةُ"] == "B-PERS" and s2["أبـوالنجا"] == "I-PERS"  # diacritic, tatweel, hamza


def test_lam_before_the_article() -> None:
    sents = [["زار", "العراق"], ["وللعراق", "ولعراق", "لاتحاد"], ["قال", "الاتحاد"]]
    tags = [["O", "B-LOC"], ["O", "O", "O"], ["O", "B-ORG"]]
    # للعراق is ل + العراق; لعراق is not a form of it, nor لاتحاد ("for a union") of الاتحاد
    assert propagate(sents, tags)[1] == ["B-LOC", "O", "O"]


def test_single_word_names_recur_with_proclitics() -> None:
    sents = _tok("وفاز الليكود في الانتخابات", "وانتقد والليكود ثم لليكود ثم بالليكود القرار")
    tags = [["O", "B-ORG", "O", "O"], ["O"] * len(sents[1])]
    out = _tags_of(sents[1], propagate(sents, tags)[1])
    assert out["والليكود"] == out["لليكود"] == out["بالليكود"] == "B-ORG"
    assert out["وانتقد"] == out["القرار"] == "O"
    # and a name tagged with its clitic counts without it
    tags = [["O", "O", "O", "O"], ["O", "B-ORG", "O", "O", "O", "O", "O"]]
    assert propagate(sents, tags)[0][1] == "B-ORG"


def test_longest_name_first_and_existing_tags_kept() -> None:
    sents = _tok("حزب الليكود و الليكود", "قال حزب الليكود إن الليكود باق")
    tags = [["B-ORG", "I-ORG", "O", "B-ORG"], ["O", "O", "O", "O", "B-LOC", "O"]]
    out = propagate(sents, tags)
    assert out[1] == ["O", "B-ORG", "I-ORG", "O", "B-LOC", "O"]


def test_no_stripping_into_a_common_word() -> None:
    # بولو (a car model) must not make ولو ("and if") a name
    sents = _tok("أطلقت الشركة بولو الجديدة", "ولو تأخر الإطلاق لخسرت")
    tags = [["O", "O", "B-MISC", "O"], ["O"] * len(sents[1])]
    assert propagate(sents, tags)[1] == ["O"] * len(sents[1])


def test_majority_type_and_i_guard() -> None:
    sents = _tok("زار جدة", "في جدة", "شركة جدة", "مدينة جدة الساحلية")
    tags = [["O", "B-LOC"], ["O", "B-LOC"], ["O", "B-ORG"], ["O", "O", "I-LOC"]]
    out = propagate(sents, tags)
    assert out[3] == ["O", "O", "I-LOC"]  # followed by I-: would split a chunk, left alone
    sents = [*sents, ["قرب", "جدة"]]
    out = propagate(sents, [*tags, ["O", "O"]])
    assert out[4] == ["O", "B-LOC"]  # LOC twice, ORG once


def test_window_limits_the_context() -> None:
    sents = [["زار", "مندلي"], ["قال"], ["قال"], ["قال"], ["في", "مندلي"]]
    tags = [["O", "B-LOC"], ["O"], ["O"], ["O"], ["O", "O"]]
    assert propagate(sents, tags, window=3)[4] == ["O", "O"]
    assert propagate(sents, tags, window=4)[4] == ["O", "B-LOC"]
    assert propagate(sents, tags)[4] == ["O", "B-LOC"]


def test_mismatched_lengths_are_an_error() -> None:
    with pytest.raises(ValueError, match="2 sentences but 1"):
        propagate([["a"], ["b"]], [["O"]])
    with pytest.raises(ValueError, match="sentence 1: 2 tokens but 1 tags"):
        propagate([["قال"], ["في", "بغداد"]], [["O"], ["O"]])


_WORDS = st.sampled_from(
    ["الليكود", "والليكود", "لليكود", "حزب", "أبوالنجا", "ابوالنجا", "قال", "ولو", "بولو", "في"]
)
_TAGS = st.sampled_from(["O", "O", "O", "B-ORG", "I-ORG", "B-PERS", "I-PERS"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.tuples(_WORDS, _TAGS), max_size=8), max_size=5))
def test_propagation_only_adds_names_it_has_seen(doc: list[list[tuple[str, str]]]) -> None:
    sents = [[w for w, _ in s] for s in doc]
    tags = [[t for _, t in s] for s in doc]
    out = propagate(sents, tags)
    seen = {
        " ".join(normalize(w) for w in s[a:b])
        for s, t in zip(sents, tags, strict=True)
        for a, b, _ in get_chunks(t)
    }
    for s, before, after in zip(sents, tags, out, strict=True):
        assert len(after) == len(before)
        changed = [i for i, (x, y) in enumerate(zip(before, after, strict=True)) if x != y]
        assert all(before[i] == "O" for i in changed)  # only O tokens change
        for a, b, _ in get_chunks(after):
            if any(a <= i < b for i in changed):
                name = " ".join(normalize(w) for w in s[a:b])
                # a new chunk is a tagged name, perhaps with a proclitic more or less
                assert any(name == n or name.endswith(n[1:]) or n.endswith(name[2:]) for n in seen)


# -- the ensemble backend ------------------------------------------------------------------


@pytest.fixture(scope="module")
def models() -> tuple[CrfTagger, NnTagger]:
    return CrfTagger(), NnTagger.load()


_NEWS = _tok(
    "وقال الجنرال جوزيف فوتل، قائد القيادة المركزية الأمريكية، إن تنظيم داعش خسر الموصل.",
    "وصل وزير الخارجيّة إلى القاهرة ثم توجّه إلى دمشق وبغداد.",
    "وأعلنت شركة تويتر أنها أغلقت آلاف الحسابات المرتبطة بالتنظيم.",
    "قال الرئيس الأمريكي جورج بوش إن القوات الأمريكية ستبقى في العراق.",
    "",
)


def test_ensemble_with_one_weight_zero_is_that_model(models: tuple[CrfTagger, NnTagger]) -> None:
    crf, nn = models
    assert EnsembleTagger(crf, nn, (1.0, 0.0)).tag_many(_NEWS) == crf.tag_many(_NEWS)
    assert EnsembleTagger(crf, nn, (0.0, 1.0)).tag_many(_NEWS) == nn.tag_many(_NEWS)


def test_ensemble_tags_real_news(models: tuple[CrfTagger, NnTagger]) -> None:
    tagger = EnsembleTagger(*models)
    tags = tagger.tag_many(_NEWS)
    assert tags == [tagger.tag(s) for s in _NEWS]
    first = _tags_of(_NEWS[0], tags[0])
    assert first["جوزيف"] == "B-PERS" and first["فوتل"] == "I-PERS"
    second = _tags_of(_NEWS[1], tags[1])
    assert second["القاهرة"] == second["دمشق"] == second["وبغداد"] == "B-LOC"
    assert tags[4] == []


def test_ensemble_backend_by_name() -> None:
    assert isinstance(load_tagger("crf+nn"), EnsembleTagger)
    # a model path is a network list (extract/models/ner_nn_files.tsv's format): a missing
    # one is a clear error
    with pytest.raises(DataError, match="some/model: cannot read"):
        load_tagger("crf+nn", "some/model")


def test_whole_document_equals_a_window_covering_it() -> None:
    # the whole-document path indexes the names once; a window as long as the document must
    # see exactly the same names in every sentence
    sents = _NEWS[:4] + _tok("وقال فوتل إن الموصل تحررت.", "وزار فوتل بغداد.")
    tags = [["O"] * len(s) for s in sents]
    tags[0][2:4] = ["B-PERS", "I-PERS"]  # جوزيف فوتل
    tags[1][4] = "B-LOC"  # القاهرة
    tags[4][1] = "B-PERS"  # فوتل
    whole = propagate(sents, tags)
    assert whole == propagate(sents, tags, window=len(sents))
    assert _tags_of(sents[5], whole[5])["فوتل"] == "B-PERS"


def test_small_caches_and_one_call_per_article_give_the_same_tags(
    models: tuple[CrfTagger, NnTagger],
) -> None:
    # the per-token caches (CRF scores, network word vectors) are emptied when full; tags
    # must not depend on what is cached, nor on how sentences are grouped into calls
    crf, nn = models
    full = EnsembleTagger(crf, nn)
    expected = [full.tag(s) for s in _NEWS]
    small = EnsembleTagger(CrfTagger(cache_size=6), NnTagger(nn.net, nn.encoder, cache_size=6))
    assert small.tag_many(_NEWS) == expected
    assert small.tag_many(_NEWS) == expected  # again, with what is left in the caches
    assert [small.tag(s) for s in _NEWS] == expected
    full.clear_cache()
    assert full.tag_many(_NEWS) == expected
