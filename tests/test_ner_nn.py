"""Tests for the neural NER backend (trained by bench/nn_model.py, run by
extract.ner.nn_runtime): encoding, save/load, decoding, and the shipped model on real Arabic
sentences."""

from __future__ import annotations

import subprocess
import sys
from itertools import product
from pathlib import Path

import numpy as np
import pytest
import torch
from camel_tools.tokenizers.word import simple_word_tokenize

from bench.nn_model import (
    GAZ_LABELS,
    TAGS,
    BiLstmCrf,
    Encoder,
    NnTagger,
    make_batch,
    numpy_net,
    pretrain_language_model,
    save_model,
    small_vocab,
    torch_tagger,
    viterbi_batch,
)
from rasd.extract.ner import Tagger, load_tagger
from rasd.extract.ner.features import Gazetteer
from rasd.extract.ner.nn_runtime import N_GAZ

ROOT = Path(__file__).resolve().parent.parent


def _tiny_encoder() -> Encoder:
    words = {"<pad>": 0, "<unk>": 1, "العراق": 2, "قال": 3, "بوش": 4, "في": 5}
    return Encoder(
        words=words,
        fq=[0, 0, 9, 12, 5, 15],
        alr=[0, 0, 6, 2, 2, 1],
        chars=small_vocab(list("العراققالبوشفي")),
        shapes=small_vocab(["A", "D", "L"]),
        clitics=small_vocab(["", "و", "+ال", "ب+ال"]),
        gazetteer=Gazetteer({("العراق",): {"LOC"}}),
        lexicon=Gazetteer({("جورج", "بوش"): {"PERS"}}),
        train_words=small_vocab(["قال", "في", "قال", "في"], min_count=2),
    )


def _tiny_model(seed: int = 0) -> tuple[BiLstmCrf, Encoder]:
    torch.manual_seed(seed)
    enc = _tiny_encoder()
    model = BiLstmCrf(
        torch.randn(len(enc.words), 6),
        n_chars=len(enc.chars),
        n_shapes=len(enc.shapes),
        n_clitics=len(enc.clitics),
        hidden=8,
        n_train_words=len(enc.train_words),
        train_dim=4,
    )
    with torch.no_grad():  # a random CRF, so that decoding is not trivially all "O"
        model.trans.normal_()
        model.start.normal_()
        model.end.normal_()
    model.eval()
    return model, enc


def _tiny_tagger(seed: int = 0) -> NnTagger:
    return torch_tagger(*_tiny_model(seed))


def test_encoder_splits_clitics_and_folds_spelling() -> None:
    enc = _tiny_encoder()
    w, s, chars, _shape, clitic, fq, alr, norm, stem, tid, gaz, lex = enc.encode("وبالعِراق")
    assert (norm, stem) == ("وبالعراق", "عراق")
    assert w == 1  # the whole form is unknown ...
    assert s == enc.words["العراق"]  # ... its stem with the article is known
    assert clitic == 1  # "وب+ال" is not in the tiny clitic vocabulary
    assert enc.encode("بالعراق")[4] == enc.clitics["ب+ال"]
    assert tid == 1  # not a trained word
    assert (gaz, lex) == (True, False)  # العراق may start a gazetteer name, not a lexicon one
    assert enc.encode("قال")[9] == enc.train_words["قال"]
    assert (fq, alr) == (9, 6)  # the stem's corpus statistics
    assert len(chars) == len("وبالعراق")
    # hamza, alef maqsura and tatweel fold before the look-up
    assert enc.encode("فــي")[0] == enc.words["في"]
    assert enc.encode("فى")[0] == enc.words["في"]


def test_gazetteer_matrix_marks_names() -> None:
    enc = _tiny_encoder()
    sent = [enc.encode(t) for t in ["قال", "في", "العراق", "جورج", "بوش"]]
    g = enc.gazetteer_matrix(sent)
    assert g.shape == (5, 16)
    # columns 0-7: names of the labelled data; 8-15: the curated lexicon
    loc_b, pers_b = GAZ_LABELS.index("B-LOC"), GAZ_LABELS.index("B-PERS")
    pers_i = GAZ_LABELS.index("I-PERS")
    assert g[:2].sum() == 0
    assert g[2, loc_b] == 1 and g[2].sum() == 1
    assert g[3, 8 + pers_b] == 1 and g[4, 8 + pers_i] == 1 and g[3:].sum() == 2
    # training passes its own (jackknifed) labels instead of the gazetteer's
    g = enc.gazetteer_matrix(sent, [[], ["B-ORG"], [], [], []])
    assert g[1, GAZ_LABELS.index("B-ORG")] == 1 and g[2, :8].sum() == 0


def test_viterbi_matches_brute_force() -> None:
    rng = np.random.default_rng(3)
    k = 3
    trans, start, end = rng.normal(size=(k, k)), rng.normal(size=k), rng.normal(size=k)
    em = rng.normal(size=(2, 4, k))
    lengths = [4, 2]
    paths = viterbi_batch(em, lengths, trans, start, end)
    for b, n in enumerate(lengths):

        def score(p: tuple[int, ...], b: int = b) -> float:
            s = start[p[0]] + end[p[-1]] + sum(em[b, i, t] for i, t in enumerate(p))
            return s + sum(trans[p[i - 1], p[i]] for i in range(1, len(p)))

        best = max(product(range(k), repeat=n), key=score)
        assert tuple(paths[b]) == best


def test_packed_viterbi_matches_brute_force_and_padded() -> None:
    from rasd.extract.ner.nn_runtime import viterbi_packed

    rng = np.random.default_rng(5)
    k = 3
    trans, start, end = rng.normal(size=(k, k)), rng.normal(size=k), rng.normal(size=k)
    lengths = [3, 0, 5, 1, 5, 2]
    em = rng.normal(size=(sum(lengths), k))
    em[:3] = 0.0  # ties: the lower tag id wins, as in the padded decoder
    paths = viterbi_packed(em, lengths, trans, start, end)
    offsets = np.cumsum([0, *lengths])
    padded = np.zeros((len(lengths), max(lengths), k))
    for b, n in enumerate(lengths):
        padded[b, :n] = em[offsets[b] : offsets[b] + n]
    assert paths == viterbi_batch(padded, lengths, trans, start, end)
    for b, n in enumerate(lengths):
        e = em[offsets[b] : offsets[b] + n]

        def score(p: tuple[int, ...], e: np.ndarray = e) -> float:
            s = start[p[0]] + end[p[-1]] + sum(e[i, t] for i, t in enumerate(p))
            return s + sum(trans[p[i - 1], p[i]] for i in range(1, len(p)))

        if n == 0:
            assert paths[b] == []
        else:
            assert score(tuple(paths[b])) == pytest.approx(
                max(score(p) for p in product(range(k), repeat=n))
            )


def test_packed_viterbi_with_start_and_end_per_sentence() -> None:
    from rasd.extract.ner.nn_runtime import viterbi_packed

    rng = np.random.default_rng(6)
    k = 3
    trans = rng.normal(size=(k, k))
    lengths = [2, 0, 4, 1]
    em = rng.normal(size=(sum(lengths), k))
    start, end = rng.normal(size=(len(lengths), k)), rng.normal(size=(len(lengths), k))
    paths = viterbi_packed(em, lengths, trans, start, end)
    offsets = np.cumsum([0, *lengths])
    for b, n in enumerate(lengths):
        one = em[offsets[b] : offsets[b] + n]
        assert paths[b] == viterbi_packed(one, [n], trans, start[b], end[b])[0]
    assert paths[1] == [] and len(paths[2]) == 4


def test_packed_marginals_match_brute_force() -> None:
    from rasd.extract.ner.nn_runtime import marginals_packed

    rng = np.random.default_rng(7)
    k = 3
    trans, start, end = 3 * rng.normal(size=(k, k)), rng.normal(size=k), rng.normal(size=k)
    lengths = [4, 1, 3]
    em = 3 * rng.normal(size=(sum(lengths), k))
    marg = marginals_packed(em, lengths, trans, start, end)
    offsets = np.cumsum([0, *lengths])
    for b, n in enumerate(lengths):
        e = em[offsets[b] : offsets[b] + n]
        want = np.zeros((n, k))
        for p in product(range(k), repeat=n):
            s = start[p[0]] + end[p[-1]] + sum(e[i, t] for i, t in enumerate(p))
            w = np.exp(s + sum(trans[p[i - 1], p[i]] for i in range(1, n)))
            want[np.arange(n), p] += w
        want /= want.sum(axis=1, keepdims=True)
        assert marg[offsets[b] : offsets[b] + n] == pytest.approx(want, abs=1e-12)


def test_packed_network_equals_padded() -> None:
    # sentences packed one after another (no padding) give the padded network's scores
    model, _enc = _tiny_model(seed=4)
    net = numpy_net(model)
    rng = np.random.default_rng(0)
    lengths = [4, 1, 6, 2]
    words = rng.normal(size=(len(lengths), max(lengths), net.proj_dim)).astype(np.float32)
    gaz = (rng.random((len(lengths), max(lengths), N_GAZ)) < 0.1).astype(np.float32)
    padded = net.contextual(words, gaz, lengths)
    mask = np.arange(max(lengths))[None, :] < np.asarray(lengths)[:, None]
    packed = net.contextual_packed(np.concatenate([words[mask], gaz[mask]], axis=1), lengths)
    np.testing.assert_allclose(packed, padded[mask], atol=1e-5)
    # one sentence at a time gives the same scores as all together
    offsets = np.cumsum([0, *lengths])
    x = np.concatenate([words[mask], gaz[mask]], axis=1)
    alone = np.concatenate(
        [net.contextual_packed(x[offsets[b] : offsets[b + 1]], [n]) for b, n in enumerate(lengths)]
    )
    np.testing.assert_allclose(alone, packed, atol=1e-5)

    # word gates kept per word, gazetteer columns added per token: the same scores
    vecs = words[mask]
    table = np.zeros((2, len(vecs) + 3, 4 * net.lstm_hh_f.shape[1]), dtype=np.float32)
    table[:, 3:] = net.word_gates(vecs)
    rows = np.arange(len(vecs)) + 3
    np.testing.assert_allclose(
        net.contextual_rows(table, rows, gaz[mask], lengths), packed, atol=1e-5
    )
    no_gaz = np.concatenate([vecs, np.zeros_like(gaz[mask])], axis=1)
    np.testing.assert_allclose(
        net.contextual_rows(table, rows, None, lengths),
        net.contextual_packed(no_gaz, lengths),
        atol=1e-5,
    )


def test_gazetteer_columns_of_packed_sentences() -> None:
    # one look-up over packed sentences marks what each sentence alone marks: a name cut by a
    # sentence's end is no match
    enc = _tiny_encoder()
    sents = [["جورج", "بوش"], ["قال", "جورج"], ["بوش", "في", "العراق"], ["العراق"]]
    encoded = [enc.encode(t) for s in sents for t in s]
    lengths = [len(s) for s in sents]
    packed = np.zeros((len(encoded), 16), dtype=np.float32)
    assert enc.gazetteer_packed(encoded, lengths, packed)
    offsets = np.cumsum([0, *lengths])
    alone = np.concatenate(
        [enc.gazetteer_matrix(encoded[offsets[k] : offsets[k + 1]]) for k in range(len(sents))]
    )
    np.testing.assert_array_equal(packed, alone)
    assert packed[0].sum() == 1 and packed[3].sum() == 0  # جورج بوش only in the first
    none = np.zeros((2, 16), dtype=np.float32)
    assert not enc.gazetteer_packed([enc.encode("قال"), enc.encode("في")], [2], none)
    assert not none.any()


def test_numpy_network_equals_torch() -> None:
    model, enc = _tiny_model(seed=3)
    net = numpy_net(model)
    sents = [["قال", "بوش", "في", "العراق"], ["وبالعراق"], ["كلمة", "جديدة", "xyz", "٢٠١٥", "بوش"]]
    encoded = [[enc.encode(t) for t in s] for s in sents]
    batch = make_batch(encoded, [enc.gazetteer_matrix(e) for e in encoded])
    with torch.no_grad():
        expected = model.emissions(batch).numpy()
    chars = net.char_vectors(batch.uniq_chars.numpy())[batch.uniq_index.numpy()]
    ids = batch.ids.numpy()
    words = net.word_vectors(ids.reshape(-1, ids.shape[-1]), chars.reshape(-1, chars.shape[-1]))
    got = net.contextual(
        words.reshape(*ids.shape[:2], -1), batch.gaz.numpy(), batch.lengths.tolist()
    )
    for b, s in enumerate(sents):  # padding positions are not compared
        np.testing.assert_allclose(got[b, : len(s)], expected[b, : len(s)], atol=1e-5)


def test_runtime_does_not_import_torch() -> None:
    code = (
        "import sys; from extract.ner import load_tagger; t = load_tagger('crf+nn'); "
        "print(t.tag(['زار', 'جورج', 'بوش', 'العراق'])); print('torch' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split("\n")
    assert out[1] == "False", out


def test_save_load_round_trip_and_tag_many(tmp_path: Path) -> None:
    model, enc = _tiny_model()
    tagger = torch_tagger(model, enc)
    path = tmp_path / "ner_nn.npz"
    save_model(model, enc, path)
    loaded = load_tagger("nn", path)
    sents = [["قال", "بوش", "في", "العراق"], [], ["وبالعراق"], ["كلمة", "جديدة", "xyz", "٢٠١٥"]]
    got = loaded.tag_many(sents)
    assert got == [loaded.tag(s) for s in sents]
    # int8 storage of the vectors moves scores a little; the tags stay the same here
    assert got == tagger.tag_many(sents)
    assert all(t in TAGS for s in got for t in s)
    assert got[1] == []
    # BIO is well formed: no I-X after O or after another type
    for s in got:
        for prev, cur in zip(["O", *s], s, strict=False):
            assert not (cur.startswith("I-") and prev[2:] != cur[2:])


def test_model_file_holds_vocabularies_and_name_lists(tmp_path: Path) -> None:
    from rasd.extract.ner.nn_runtime import load_model

    model, enc = _tiny_model()
    path = tmp_path / "m.npz"
    save_model(model, enc, path)
    with np.load(path, allow_pickle=False) as z:  # arrays only: no pickled objects
        assert z["words"].dtype == np.uint8
    _net, loaded = load_model(path)
    assert loaded.words == enc.words and loaded.train_words == enc.train_words
    assert loaded.chars == enc.chars and loaded.fq == enc.fq and loaded.alr == enc.alr
    assert loaded.lexicon.entries == {("جورج", "بوش"): {"PERS"}}
    assert loaded.gazetteer.entries == {("العراق",): {"LOC"}}
    enc.words["سطر\nجديد"] = len(enc.words)
    with pytest.raises(ValueError, match="newline"):
        save_model(model, enc, tmp_path / "bad.npz")


def test_crf_likelihood_is_a_distribution_and_viterbi_its_mode() -> None:
    model, enc = _tiny_model(seed=1)
    tokens = ["قال", "بوش", "العراق"]
    sent = [enc.encode(t) for t in tokens]
    paths = list(product(range(len(TAGS)), repeat=len(tokens)))
    batch = make_batch([sent] * len(paths), [enc.gazetteer_matrix(sent)] * len(paths))
    with torch.no_grad():
        em = model.emissions(batch)[:1].double().numpy()
        nlls = []
        for p in paths:  # nll() averages over the batch: score each path on its own
            one = make_batch([sent], [enc.gazetteer_matrix(sent)])
            nlls.append(float(model.nll(one, torch.tensor([p]))))
    probs = np.exp(-np.array(nlls))
    assert probs.sum() == pytest.approx(1.0, abs=1e-4)  # the forward algorithm's partition
    best = viterbi_batch(
        em,
        [len(tokens)],
        model.trans.detach().double().numpy(),
        model.start.detach().double().numpy(),
        model.end.detach().double().numpy(),
    )[0]
    assert tuple(best) == paths[int(np.argmin(nlls))]


def test_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="NER model not found"):
        load_tagger("nn", tmp_path / "none.pt")


# -- the shipped model ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def nn_tagger() -> Tagger:
    return load_tagger("nn")


def test_backend_by_name(nn_tagger: Tagger) -> None:
    from rasd.extract.ner.ensemble import EnsembleTagger

    assert isinstance(nn_tagger, NnTagger)
    assert isinstance(load_tagger(), EnsembleTagger)  # the default (see README: NER backends)


def test_cascade_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    # every token unsure, runs over whole sentences: the full ensemble; none unsure: the
    # network is not run at all
    from rasd.extract.ner.ensemble import Cascade, EnsembleTagger

    full = load_tagger("crf+nn-full")
    assert isinstance(full, EnsembleTagger) and full.cascade is None
    sents = [
        simple_word_tokenize(t)
        for t in (
            "قال الرئيس الأمريكي جورج بوش إن القوات الأمريكية ستبقى في العراق.",
            "واستقبل خادم الحرمين الشريفين في الرياض وزير خارجية فرنسا لوران فابيوس",
            "وأعلنت شركة أرامكو السعودية نتائجها",
        )
    ]
    want = full.tag_many(sents)
    every = EnsembleTagger(full.crf, full.nn, cascade=Cascade(1.01, 0, 0))
    assert every.tag_many(sents) == want
    none = EnsembleTagger(full.crf, full.nn, cascade=Cascade(0.0, 4, 6))

    def no_network(*_args: object) -> None:
        raise AssertionError("the network ran")

    monkeypatch.setattr(full.nn, "emissions_packed", no_network)
    tags = none.tag_many(sents)  # the CRF's likeliest tag at each token
    assert [len(t) for t in tags] == [len(s) for s in sents]
    by_word = dict(zip(sents[0], tags[0], strict=True))
    assert (by_word["جورج"], by_word["بوش"], by_word["العراق"]) == ("B-PERS", "I-PERS", "B-LOC")


def test_nn_tags_real_sentence(nn_tagger: Tagger) -> None:
    text = "قال الرئيس الأمريكي جورج بوش إن القوات الأمريكية ستبقى في العراق حتى نهاية العام."
    tokens = simple_word_tokenize(text)
    by_word = dict(zip(tokens, nn_tagger.tag(tokens), strict=True))
    assert by_word["العراق"] == "B-LOC"
    assert by_word["جورج"] == "B-PERS"
    assert by_word["بوش"] == "I-PERS"
    assert by_word["قال"] == "O"


def test_nn_unseen_names_clitics_and_diacritics(nn_tagger: Tagger) -> None:
    # names from the seed articles, which the labelled data never saw
    tokens = simple_word_tokenize(
        "وقال الجنرال جوزيف فوتل، قائد القيادة المركزية الأمريكية، إن تنظيم داعش خسر الموصل."
    )
    tags = dict(zip(tokens, nn_tagger.tag(tokens), strict=True))
    assert tags["جوزيف"] == "B-PERS" and tags["فوتل"] == "I-PERS"
    assert tags["الموصل"] == "B-LOC"
    tokens = simple_word_tokenize("وصل وزير الخارجيّة إلى القاهرة ثم توجّه إلى دمشق وبغداد.")
    tags = dict(zip(tokens, nn_tagger.tag(tokens), strict=True))
    assert tags["القاهرة"] == "B-LOC" and tags["دمشق"] == "B-LOC" and tags["وبغداد"] == "B-LOC"


def test_nn_loads_from_any_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_tagger("nn").tag(["العراق"]) == ["B-LOC"]


def test_language_model_pretraining_moves_the_encoder_only() -> None:
    model, enc = _tiny_model(seed=2)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    sents = [
        ["قال", "بوش", "في", "العراق"],
        ["في", "العراق", "قال", "بوش", "في"],
        ["وبالعراق", "قال"],
    ] * 4
    pretrain_language_model(model, enc, sents, batch_size=4, n_negatives=3)
    after = model.state_dict()
    changed = {k for k in before if not torch.equal(before[k], after[k])}
    assert {"lstm.weight_ih_l0", "lstm.weight_hh_l0_reverse", "proj.weight"} <= changed
    assert "char_cnn.weight" in changed
    # the CRF, the output layer and the frozen pretrained vectors are not touched
    assert not changed & {"trans", "start", "end", "out.weight", "vectors.weight"}
    assert not model.training


def test_pipeline_component_uses_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.extract import pipeline
    from rasd.extract.reader import parse_record

    asked: list[str] = []
    real = pipeline._tagger

    def spy(backend: str = "crf+nn") -> Tagger:
        asked.append(backend)
        return real(backend)

    monkeypatch.setattr(pipeline, "_tagger", spy)
    article = parse_record(
        {"content": "قال الجنرال جوزيف فوتل إن القوات ستبقى في مدينة مندلي."}, "nn-test"
    )
    steps = ["ner-tags-nn" if c == "ner-tags" else c for c in pipeline.DEFAULT_PIPELINE]
    ex = pipeline.extract_article(article, steps)
    assert asked == ["nn"]
    assert ("Person", "جوزيف فوتل") in {(e.cls, e.label) for e in ex.entities}
    pipeline.extract_article(article)
    assert asked == ["nn", "crf+nn"]  # the default pipeline uses both models


def test_char_matrix_pads_each_word_s_characters() -> None:
    # the new words' character ids placed in one assignment: row i holds word i's ids from
    # column 0, at most MAX_CHARS of them, then padding
    from rasd.extract.ner.nn_runtime import MAX_CHARS, PAD, UNK, char_matrix

    enc = _tiny_encoder()
    words = ["العراق", "و", "بوشبوشبوشبوشبوشبوش", "xyz"]
    m = char_matrix([enc.encode(w) for w in words])
    assert m.shape == (len(words), MAX_CHARS)
    for row, word in zip(m.tolist(), words, strict=True):
        ids = [enc.chars.get(c, UNK) for c in word[:MAX_CHARS]]
        assert row == ids + [PAD] * (MAX_CHARS - len(ids))
    assert char_matrix([]).shape == (0, MAX_CHARS)


# -- ensembles of networks (nn_runtime.NnEnsemble) -----------------------------------------


def _write_list(path: Path, files: list[str]) -> Path:
    path.write_text("file\tnote\n" + "".join(f"{f}\ttest\n" for f in files), encoding="utf-8")
    return path


def test_ensemble_averages_emissions_and_transitions(tmp_path: Path) -> None:
    from rasd.extract.ner.nn_runtime import NnEnsemble, load_networks

    for seed in (0, 1, 2):
        model, enc = _tiny_model(seed)
        save_model(model, enc, tmp_path / f"net{seed}.npz")
    nets = load_networks(_write_list(tmp_path / "nets.tsv", ["net0.npz", "net1.npz", "net2.npz"]))
    assert isinstance(nets, NnEnsemble) and len(nets.taggers) == 3
    # the same inputs: one encoder (and its cache) for the three networks
    assert all(t.encoder is nets.encoder for t in nets.taggers)
    sents = [["قال", "بوش", "في", "العراق"], [], ["وبالعراق", "قال"]]
    one = [t.emissions_many(sents) for t in nets.taggers]
    got = nets.emissions_many(sents)
    for k, s in enumerate(sents):
        want = np.mean([em[k] for em in one], axis=0)
        np.testing.assert_allclose(got[k], want, rtol=1e-5, atol=1e-5)
        assert got[k].shape == (len(s), len(TAGS))
    trans = np.mean([t.transitions[0] for t in nets.taggers], axis=0)
    np.testing.assert_allclose(nets.transitions[0], trans)
    # decoded as one network: Viterbi over the averaged potentials
    from rasd.extract.ner.crf import repair_bio
    from rasd.extract.ner.nn_runtime import viterbi_packed

    want_tags = [
        repair_bio([TAGS[j] for j in viterbi_packed(em, [len(em)], *nets.transitions)[0]])
        for em in got
    ]
    assert nets.tag_many(sents) == want_tags


def test_one_listed_network_is_the_plain_tagger(tmp_path: Path) -> None:
    from rasd.extract.ner.ensemble import EnsembleTagger
    from rasd.extract.ner.nn_runtime import DEFAULT_NN_LIST, network_files

    # the shipped list names the shipped network; one file loads an NnTagger, as before
    assert [p.name for p in network_files(DEFAULT_NN_LIST)] == ["ner_nn.npz"]
    tagger = load_tagger("crf+nn")
    assert isinstance(tagger, EnsembleTagger) and isinstance(tagger.nn, NnTagger)
    with pytest.raises(ValueError, match="no network file"):
        network_files(_write_list(tmp_path / "empty.tsv", []))


def test_shipped_network_listed_twice_tags_as_one(tmp_path: Path) -> None:
    # the mean of a network with itself is that network, bit for bit: same tags in the
    # default cascade on real sentences (a network list given to the crf+nn backend)
    from rasd.extract.ner.nn_runtime import DEFAULT_NN_FILE, NnEnsemble

    src = str(DEFAULT_NN_FILE)
    twice = load_tagger("crf+nn", _write_list(tmp_path / "twice.tsv", [src, src]))
    assert isinstance(twice.nn, NnEnsemble)
    sents = [
        simple_word_tokenize(t)
        for t in (
            "وقال الجنرال جوزيف فوتل، قائد القيادة المركزية الأمريكية، إن تنظيم داعش خسر الموصل.",
            "واستقبل خادم الحرمين الشريفين في الرياض وزير خارجية فرنسا لوران فابيوس",
            "وأعلنت شركة أرامكو السعودية نتائجها في الظهران",
        )
    ]
    tags = twice.tag_many(sents)
    assert tags == load_tagger("crf+nn").tag_many(sents)
    by_word = dict(zip(sents[0], tags[0], strict=True))
    assert (by_word["جوزيف"], by_word["فوتل"]) == ("B-PERS", "I-PERS")
