"""The learned speaker ranker (extract/speaker.py): candidates and features on real Arabic
sentences (clitics, titles, لـ«addressee»), its choice, the "nobody" case, its weights table
and the determinism of its training script (bench/train_speaker.py)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from rasd.extract.doc import Doc
from rasd.extract.pipeline import COMPONENTS, DEFAULT_PIPELINE, check_pipeline
from rasd.extract.reader import parse_record
from rasd.extract.resources import TableError
from rasd.extract.speaker import (
    MARGIN,
    Candidate,
    choose,
    claim_candidates,
    rank_speakers,
    ranker_weights,
    rules_choice,
)

ROOT = Path(__file__).resolve().parent.parent


def doc_of(text: str) -> Doc:
    """The article's doc after the default pipeline (the rules' claims)."""
    doc = Doc.from_article(parse_record({"content": text}, "speaker-test"))
    for name in DEFAULT_PIPELINE:
        COMPONENTS[name].fn(doc)
    return doc


def label(doc: Doc, key: str) -> str:
    return doc.entities[key].label


ADDRESSEE = (
    "وكان المتهم فهد القحطاني قد فر من الموقع. "
    'وقال لـ"الاقتصادية" اللواء منصور التركي المتحدث الأمني باسم وزارة الداخلية، إن '
    "منفذ العملية سبق استيقافه في مطلع العام."
)


def by_label(doc: Doc, cands: list[Candidate]) -> dict[str, Candidate]:
    return {" + ".join(label(doc, k) for k in c.keys): c for c in cands}


def test_the_titled_name_after_the_addressee_is_a_candidate_after_the_cue() -> None:
    doc = doc_of(ADDRESSEE)
    [cands] = claim_candidates(doc)
    assert cands[0].keys == () and "none" in cands[0].features
    named = by_label(doc, cands)
    turki = named["منصور التركي"].features
    assert {"after", "title_before", "between_cue_claim", "rule"} <= turki
    # the newspaper spoken to (لـ"الاقتصادية") is a candidate too, marked as the addressee
    assert "addressee" in named["الاقتصادية"].features and "addressee" not in turki
    assert "addressee" not in turki
    # the man named in the sentence before stands before the cue, in another sentence
    qahtani = named["فهد القحطاني"].features
    assert {"before", "prev_sentence"} <= qahtani and "after" not in qahtani


def test_the_addressee_feature_marks_a_newspaper_spoken_to() -> None:
    text = (
        "وقال عضو الهيئة السياسية في الائتلاف أحمد رمضان لـ«الشرق الأوسط» إن المعارضة "
        "تستعد لمعركة جديدة في ريف حلب."
    )
    doc = doc_of(text)
    [cands] = claim_candidates(doc)
    named = by_label(doc, cands)
    papers = [c for name, c in named.items() if "الشرق الاوسط" in name or "الشرق الأوسط" in name]
    assert papers and all("addressee" in c.features for c in papers)
    assert "addressee" not in named["أحمد رمضان"].features


def test_the_shipped_weights_load_with_their_margin() -> None:
    w = ranker_weights()
    assert MARGIN in w and w[MARGIN] >= 0
    assert all(isinstance(v, float) for v in w.values())
    assert {"rule", "none", "after", "addressee"} <= w.keys()


def test_the_ranker_on_its_own_picks_the_titled_speaker_not_the_earlier_person() -> None:
    doc = doc_of(ADDRESSEE)
    weights = {**ranker_weights(), MARGIN: 0.0}  # the model alone decides
    rank_speakers(doc, weights)
    [claim] = doc.claims
    assert [label(doc, k) for k in claim.speakers] == ["منصور التركي"]
    assert claim.speaker_status == "resolved"


def test_nobody_wins_when_no_candidate_scores_above_it() -> None:
    text = "وقال وزير الخارجية عادل الجبير إن الأسد فقد شرعيته ولا مكان له في مستقبل سوريا."
    doc = doc_of(text)
    [before] = doc.claims
    assert before.speakers  # the rules name al-Jubeir
    rank_speakers(doc, {"none": 5.0, "rule": 1.0})
    [after] = doc.claims
    assert after.speakers == () and after.speaker_status == "unresolved"
    assert after.text == before.text and after.start == before.start


def test_a_margin_keeps_the_rules_choice_unless_the_ranker_is_sure() -> None:
    doc = doc_of(ADDRESSEE)
    [cands] = claim_candidates(doc)
    r = rules_choice(cands)
    w = {"prev_sentence": 1.0}  # prefers the earlier person a little
    assert choose(cands, {**w, MARGIN: 0.0}).keys != cands[r].keys
    assert choose(cands, {**w, MARGIN: 2.0}) is cands[r]


def test_the_speakers_component_runs_after_claims() -> None:
    names = [*DEFAULT_PIPELINE]
    if "speakers" not in names:
        names.insert(names.index("claims") + 1, "speakers")
    assert check_pipeline(names)


def test_a_bad_weight_is_a_table_error_naming_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "w.tsv"
    bad.write_text("feature\tweight\nafter\t0.5\nrule\tstrong\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"w\.tsv.*3.*not a number"):
        ranker_weights(bad)


@pytest.fixture(scope="module")
def trainer():
    # bench/ on the path, as when the script is run: it imports the scorer beside it
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module("train_speaker")


def test_training_is_deterministic_and_fits_a_tiny_set(trainer, tmp_path: Path) -> None:
    texts = {
        "a": ADDRESSEE,
        "b": "قال المتحدث باسم الخارجية الأمريكية جون كيربي إن واشنطن تدرس الخيارات كافة.",
        "c": "وأُعلن أن الاجتماع المقبل سيعقد في الرياض الشهر المقبل بحضور الوزراء.",
    }
    speaker = {"a": "منصور التركي", "b": "جون كيربي", "c": None}
    exs = []
    for name, text in texts.items():
        doc = doc_of(text)
        for cands in claim_candidates(doc):
            want = speaker[name]
            target = next(
                (k for k, c in enumerate(cands) if [label(doc, x) for x in c.keys] == [want]),
                0,
            )
            exs.append(trainer.Example(name, cands, target))
    assert len(exs) == 3
    w1, w2 = trainer.train(exs, steps=200), trainer.train(exs, steps=200)
    p1, p2 = tmp_path / "1.tsv", tmp_path / "2.tsv"
    trainer.write_weights(w1, p1)
    trainer.write_weights(w2, p2)
    assert p1.read_bytes() == p2.read_bytes()
    assert ranker_weights(p1) == w1  # the written table reads back as trained
    assert all(ex.candidates.index(choose(ex.candidates, w1)) == ex.target for ex in exs)
