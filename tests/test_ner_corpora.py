"""Tests for bench/ner_corpora.py: the converters of WikiFANE Gold, AQMAR and the Wojood sample
into ANERcorp's scheme, and the name list built from them.

The input lines are written here (short, in each corpus's format); no corpus is read."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.ner_corpora import (
    CorpusFormatError,
    attach_clitics,
    build_name_list,
    convert_aqmar,
    convert_wikifane,
    convert_wojood,
    is_group_word,
    read_aqmar,
    read_wikifane,
    read_wojood,
    wikifane_groups,
)
from rasd.extract.ner.features import FeatureExtractor, Gazetteer

LRM = "\u200e"

# WikiFANE: BOM, CRLF, a left-to-right mark before tokens, clitics split off
WIKIFANE_LINES = [
    f"\ufeff{LRM}و\tO\r\n",
    f"{LRM}ل\tO\r\n",
    f"{LRM}الاتحاد\tB-Government\r\n",
    f"{LRM}الاوروبي\tI-Government\r\n",
    f"{LRM}دولة\tO\r\n",
    f"{LRM}ه\tO\r\n",
    f"{LRM}في\tO\r\n",
    f"{LRM}جنوب\tB-Nation\r\n",
    f"{LRM}افريقيا\tI-Nation\r\n",
    "\t\r\n",
    f"{LRM}قال\tO\r\n",
    f"{LRM}المسلمين\tB-Group\r\n",
    f"{LRM}و\tO\r\n",
    f"{LRM}ب\tO\r\n",
    f"{LRM}نيوتن\tB-Scientist\r\n",
    f"{LRM}لينكس\tB-Software\r\n",
    ".\tO\r\n",
]


def test_wikifane_reads_marks_and_reattaches_clitics():
    sents = read_wikifane(WIKIFANE_LINES)
    assert len(sents) == 2
    assert sents[0][0] == ("و", "O")  # BOM and mark gone
    conv = convert_wikifane(sents)
    assert conv[0] == [
        ("وللاتحاد", "B-ORG"),
        ("الاوروبي", "I-ORG"),
        ("دولته", "O"),
        ("في", "O"),
        ("جنوب", "B-LOC"),
        ("افريقيا", "I-LOC"),
    ]
    # Group and Software become O; the person keeps its tag with و ب attached
    assert conv[1] == [
        ("قال", "O"),
        ("المسلمين", "O"),
        ("وبنيوتن", "B-PERS"),
        ("لينكس", "O"),
        (".", "O"),
    ]


def test_wikifane_names_form_keeps_proclitics_apart():
    conv = convert_wikifane(read_wikifane(WIKIFANE_LINES), proclitics=False)
    assert [w for w, _ in conv[0][:4]] == ["و", "ل", "الاتحاد", "الاوروبي"]
    assert ("دولته", "O") in conv[0]


def test_clitic_at_sentence_end_and_before_punctuation_stays():
    assert attach_clitics([("قال", "O"), ("و", "O")]) == [("قال", "O"), ("و", "O")]
    assert attach_clitics([("و", "O"), ("،", "O")]) == [("و", "O"), ("،", "O")]
    # an enclitic after punctuation is not glued to it
    assert attach_clitics([("،", "O"), ("ها", "O")]) == [("،", "O"), ("ها", "O")]


def test_proclitic_tagged_begin_passes_it_on():
    out = attach_clitics([("و", "B-Politician"), ("علي", "I-Politician")])
    assert out == [("وعلي", "B-Politician")]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["و", "ب", "ل", "ه", "ها", "الملك", "مدينة", "على", "،", "جدة"]),
            st.sampled_from(["O", "B-Nation", "I-Nation", "B-Politician", "I-Politician"]),
        ),
        max_size=12,
    )
)
def test_attach_keeps_letters_and_bio(sent):
    out = convert_wikifane([sent])[0]
    # only ل before ال loses a letter and ة/ى before an enclitic change: compare letter counts
    assert len(out) <= len(sent)
    assert sum(len(w) for w, _ in out) <= sum(len(w) for w, _ in sent)
    prev = "O"
    for _, tag in out:
        assert tag == "O" or tag[2:] in {"PERS", "LOC", "ORG"}
        if tag.startswith("I-"):
            assert prev[2:] == tag[2:]
        prev = tag


AQMAR_LINES = [
    "لكن O\n",
    "الصليبيين B-PER\n",
    "والمسلمين B-PER\n",
    "ورونالدو B-PER\n",
    "في O\n",
    "القسطنطينية B-LOC\n",
    "مع O\n",
    "الحسين B-PER\n",
    "بن I-PER\n",
    "علي I-PER\n",
    "و O\n",
    "الجدول B-MIS\n",
    "الدوري I-MIS\n",
    "\n",
]


def test_aqmar_groups_and_mis_become_o():
    sents = read_aqmar(AQMAR_LINES)
    out = convert_aqmar(sents, groups={"المسلمين"})
    tags = dict(out[0])
    assert tags["الصليبيين"] == "O"  # nisba plural
    assert tags["والمسلمين"] == "O"  # a WikiFANE Group word
    assert tags["ورونالدو"] == "B-PERS"
    assert tags["القسطنطينية"] == "B-LOC"
    assert [t for w, t in out[0] if w in ("الحسين", "بن", "علي")] == ["B-PERS", "I-PERS", "I-PERS"]
    assert tags["الجدول"] == tags["الدوري"] == "O"


def test_group_word_rule():
    assert is_group_word("للعلويين")
    assert not is_group_word("الحسين")
    assert not is_group_word("المأمون")


def test_aqmar_bad_line_names_file_and_line():
    with pytest.raises(CorpusFormatError, match=r"aq\.txt:2"):
        read_aqmar(["قال O\n", "قال O زائد\n"], "aq.txt")


WOJOOD_LINES = [
    "مراسلة O\n",
    "سكرتير B-OCC\n",
    "اللجنة I-OCC B-ORG\n",
    "القومية I-OCC I-ORG\n",
    "في I-OCC\n",
    "نابلس I-OCC B-GPE\n",
    "خلال O\n",
    "حرب B-EVENT\n",
    "تشرين I-EVENT B-DATE\n",
    "$#$ O\n",
    "\n",
]


def test_wojood_nested_layers_map_outermost_kept_class():
    out = convert_wojood(read_wojood(WOJOOD_LINES))
    assert out[0] == [
        ("مراسلة", "O"),
        ("سكرتير", "O"),
        ("اللجنة", "B-ORG"),
        ("القومية", "I-ORG"),
        ("في", "O"),
        ("نابلس", "B-LOC"),
        ("خلال", "O"),
        ("حرب", "B-MISC"),
        ("تشرين", "I-MISC"),
    ]


def test_wikifane_groups_collects_group_words():
    assert wikifane_groups(read_wikifane(WIKIFANE_LINES)) == {"المسلمين"}


def test_name_list_types_filters_and_strips_proclitics():
    corpora = {
        "a": [
            [("زار", "O"), ("وللعراق", "B-LOC"), ("الهيئة", "B-ORG"), ("نيوتن", "B-PERS")],
            [("لينكس", "B-MISC"), ("المجلس", "B-ORG")],
        ],
        "b": [
            [("قالت", "O"), ("الهيئة", "O"), ("إن", "O"), ("المجلس", "O")],
            [("قالت", "O"), ("الهيئة", "O"), ("المجلس", "O"), ("نيوتن", "B-PERS")],
        ],
    }
    names = build_name_list(corpora, {"الهيئه": 5000, "قال": 9000}, max_common=5)
    assert names[("العراق",)] == {"LOC": 1}  # و ل stripped before the article
    assert names[("نيوتن",)] == {"PERS": 2}
    # both are names in corpus a only; the common word goes, the other one stays
    assert ("الهيئه",) not in names
    assert names[("المجلس",)] == {"ORG": 1}
    assert ("لينكس",) not in names  # MISC is not listed


def test_name_list_matches_as_features():
    gaz = Gazetteer({("العراق",): {"LOC"}, ("جنوب", "افريقيا"): {"LOC"}})
    fx = FeatureExtractor(names=gaz)
    feats = fx.sentence_features(["زار", "والعراق", "ثم", "جنوب", "أفريقيا"])
    assert "nl=B-LOC" in feats[1]
    assert "+1nl=B-LOC" in feats[0] and "-1nl=B-LOC" in feats[2]
    assert "nl=I-LOC" in feats[4]
    assert not any(f.startswith("nl=") for f in FeatureExtractor().sentence_features(["العراق"])[0])


_TRAIN = [
    [("زار", "O"), ("الرئيس", "O"), ("ماكرون", "B-PERS"), ("بغداد", "B-LOC"), (".", "O")],
    [("وقالت", "O"), ("وزارة", "B-ORG"), ("الخارجية", "I-ORG"), ("في", "O"), ("عمان", "B-LOC")],
    [("التقى", "O"), ("ماكرون", "B-PERS"), ("بوفد", "O"), ("من", "O"), ("الكويت", "B-LOC")],
]
_EXTRA = [
    [("ولد", "O"), ("نيوتن", "B-PERS"), ("في", "O"), ("لندن", "B-LOC")],
    [("تقع", "O"), ("باريس", "B-LOC"), ("في", "O"), ("فرنسا", "B-LOC")],
]


def _clusters(path):
    from rasd.extract.ner.crf import CLUSTERS_FILE

    src = Path(__file__).resolve().parents[1] / "extract" / "models" / CLUSTERS_FILE
    (path / CLUSTERS_FILE).write_text(
        "".join(src.open(encoding="utf-8").readlines()[:2000]), encoding="utf-8"
    )
    return path / CLUSTERS_FILE


@pytest.mark.parametrize("augment", [False, True])
def test_crf_with_name_list_decodes_as_crfsuite(tmp_path, augment):
    from rasd.extract.ner.crf import NAMES_FILE, CrfTagger, train_crf, write_gazetteer

    names = tmp_path / "names.tsv"
    write_gazetteer(names, {("باريس",): {"LOC": 3}, ("ماكرون",): {"PERS": 2}})
    model = tmp_path / "m"
    model.mkdir()
    half = Gazetteer({("لندن",): {"LOC"}})
    extra = [("wiki", _EXTRA, [half, half])] if augment else ()
    train_crf(_TRAIN, model, _clusters(model), max_iterations=20, names_path=names, extra=extra)
    assert (model / NAMES_FILE).is_file()
    crf = CrfTagger(model)
    assert crf._fx.names is not None
    assert any(a.startswith("nl=") for a in crf._attr)
    assert not any(a.startswith("@") for a in crf._attr)  # source copies folded or dropped
    sents = [["زار", "ماكرون", "باريس", "وبغداد", "."], ["في", "عمان", "التقى", "نيوتن"]]
    assert crf.tag_many(sents) == [crf.tag_reference(s) for s in sents]
    # the fast scores equal crfsuite's weights summed over the (marked) feature strings
    info = crf._tagger.info()
    lid = {lab: i for i, lab in enumerate(crf.labels)}
    for sent, em in zip(sents, crf.emissions_many(sents), strict=True):
        feats = crf._fx.sentence_features(sent)
        ref = np.zeros_like(em)
        for i, fs in enumerate(feats):
            for f in fs + (["@news:" + x for x in fs] if augment else []):
                for lab, j in lid.items():
                    ref[i, j] += info.state_features.get((f, lab), 0.0)
        assert np.allclose(em, ref)


def test_model_without_name_features_ignores_name_file(tmp_path):
    from rasd.extract.ner.crf import NAMES_FILE, CrfTagger, train_crf, write_gazetteer

    model = tmp_path / "m"
    model.mkdir()
    train_crf(_TRAIN, model, _clusters(model), max_iterations=20)
    write_gazetteer(model / NAMES_FILE, {("باريس",): {"LOC": 3}})
    crf = CrfTagger(model)
    assert crf._fx.names is None
    sent = ["زار", "ماكرون", "باريس"]
    assert crf.tag(sent) == crf.tag_reference(sent)
