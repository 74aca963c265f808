"""One concept in one place inside extract/: the document model's one key rewrite
(:meth:`extract.doc.Doc.rekey`, which coref and the organisation pattern layer both call),
one figure predicate (:func:`extract.patterns.is_figure`, for claims and relations) and one
list of relative pronouns (:func:`extract.patterns.relative_pronouns`)."""

from __future__ import annotations

from rasd.extract import claims, relations
from rasd.extract.doc import Doc
from rasd.extract.patterns import is_figure, relative_pronouns
from rasd.extract.pipeline import COMPONENTS, extract_article
from rasd.extract.reader import parse_record
from rasd.extract.records import EntityInfo, Relation
from rasd.extract.text import fold, fold_tokens, tokenize

TEXT = "قال الجنرال فوتل إن جوزف فوتل زار مجلس نجران ومجلس منطقة نجران"


def _doc() -> Doc:
    doc = Doc.from_article(parse_record({"content": TEXT}, "clean22-test"))
    COMPONENTS["sentences"].fn(doc)
    return doc


def _span(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def test_rekey_rewrites_mentions_relations_groups_and_drops_the_old_entity() -> None:
    doc = _doc()
    for key in ("فوتل", "جوزف فوتل"):
        doc.add_entity(EntityInfo(key, "Person", key, source="pattern"))
    doc.add_mention(*_span("فوتل"), "فوتل", "Person", "titles")
    doc.add_mention(*_span("جوزف فوتل"), "جوزف فوتل", "Person", "ner")
    doc.person_groups["فوتل"] = {"military"}
    s, e = _span("فوتل")
    doc.relations += [
        Relation("فوتل", "jobTitle", "فوتل", s, e, 0, "titles", literal=True),
        Relation("مجلس نجران", "affiliatedWith", "فوتل", s, e, 0, "test"),
    ]
    doc.rekey("فوتل", "جوزف فوتل", "Person")
    assert [m.key for m in doc.mentions] == ["جوزف فوتل", "جوزف فوتل"]
    assert sorted(doc.entities) == ["جوزف فوتل"]  # no mention of «فوتل» is left
    assert doc.person_groups == {"جوزف فوتل": {"military"}}
    # a literal object is text, not a key: only the subject of jobTitle is rewritten
    assert [(r.subject, r.obj) for r in doc.relations] == [
        ("جوزف فوتل", "فوتل"),
        ("مجلس نجران", "جوزف فوتل"),
    ]


def test_rekey_keeps_each_mention_class_unless_told_and_keeps_a_mentioned_entity() -> None:
    doc = _doc()
    for key in ("مجلس نجران", "مجلس منطقة نجران"):
        doc.add_entity(EntityInfo(key, "Organization", key, source="pattern"))
    doc.add_mention(*_span("مجلس نجران"), "مجلس نجران", "Organization", "org-heads")
    doc.add_mention(*_span("مجلس منطقة نجران"), "مجلس منطقة نجران", "Organization", "org-heads")
    doc.rekey("مجلس نجران", "مجلس منطقة نجران")  # as the org-heads layer does: class kept
    assert [(m.key, m.cls) for m in doc.mentions] == [("مجلس منطقة نجران", "Organization")] * 2
    assert sorted(doc.entities) == ["مجلس منطقة نجران"]
    doc.rekey("مجلس منطقة نجران", "مجلس منطقة نجران", "Platform")
    assert {m.cls for m in doc.mentions} == {"Platform"}
    assert "مجلس منطقة نجران" in doc.entities  # still mentioned: not dropped


def test_one_figure_predicate_for_claims_and_relations() -> None:
    """A figure opens with a digit (Western or Arabic-Indic) or is a cardinal of
    number_words.tsv: the colon-line test of claims and the area test of relations ask the
    same predicate."""
    text = "مستفيدون من الضمان: ٤٥٠٠ أسرة وسيطر على ثلاث نقاط ونحو 60 % من أحياء عام ٢٠١٥م"
    toks = tokenize(text)
    figures = [t.text for t, f in zip(toks, fold_tokens(toks), strict=True) if is_figure(f)]
    assert figures == ["٤٥٠٠", "ثلاث", "60", "٢٠١٥م"]
    assert relations._area_word(fold("٤٥٠٠")) and not relations._area_word(fold("أسرة"))
    doc = Doc.from_article(parse_record({"content": "مستفيدون من الضمان: ٤٥٠٠ أسرة"}, "fig"))
    COMPONENTS["sentences"].fn(doc)
    view = doc.views[0]
    colon = next(k for k, t in enumerate(view.tokens) if t.text == ":")
    assert claims._figure_after(doc, view, colon)
    other = Doc.from_article(parse_record({"content": "مستفيدون من الضمان: الأسر الفقيرة"}, "x"))
    COMPONENTS["sentences"].fn(other)
    view = other.views[0]
    colon = next(k for k, t in enumerate(view.tokens) if t.text == ":")
    assert not claims._figure_after(other, view, colon)


def test_one_relative_list_with_its_wa_forms_for_claims_relations_and_coref() -> None:
    """relative_pronouns.tsv is the one list (the duals of claims, the و forms of relations),
    the و forms derived: «والتي» opens a relative clause for claims too, so the participle after
    it («مشيرا إلى») still reaches back to the speaker of the sentence."""
    words = relative_pronouns()
    assert {fold(w) for w in ("التي", "والتي", "اللذان", "واللذين", "الذين")} <= words
    assert claims._RELATIVES is words
    text = (
        "وأكد الناطق الإعلامي بأمانة الشرقية محمد الصفيان أن قرار منع الحراج جاء نتيجة "
        "التحاليل المخبرية التي تمت على عينات من الأسماك، والتي كشفت عدم صلاحية تلك العينات، "
        "الأمر الذي فرض على الأمانة اتخاذ القرار، مشيرا إلى أن القرار مرتبط بالحفاظ على صحة "
        "المستهلكين."
    )
    found = extract_article(parse_record({"content": text}, "clean22-relative")).claims
    assert [(c.cue, c.speakers) for c in found] == [
        ("وأكد", ("محمد الصفيان",)),
        ("مشيرا إلى", ("محمد الصفيان",)),
    ]
