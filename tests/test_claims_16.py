"""Wrong speakers read in unseen13's errors (issue 11, claims16) and kept because unseen3–12
(not read this round) did not get worse.

- «قوله تعالى (…)»: a verse of the Quran is God's words, not those of the person named before
  it; the claim keeps no speaker (``divine_epithets.tsv``; rasd names no person «الله»).
- «فرضت إجراءات أمنية مشددة على سفر …»: a feminine participle right after an indefinite
  feminine or plural noun, no comma between, is its adjective (strict measures), not a
  participle of speech; after a comma it still is one («…، مشددة على ضرورة …»).
- «وتمسكت بضرورة الإطاحة بالرئيس السوري بشار الأسد وتقول إن …»: a name whose title carries
  a preposition (بالرئيس) is its object; the nearest name before a verb with no subject is
  not its speaker when so governed (the claim is left open rather than given to him).
- «وأوضح الوزير X … أن المجلس أعرب عن …»: a definite noun phrase between a complementiser and
  the verb is the reported clause's own subject: the council (named before) speaks, not X;
  when it names nobody rasd knows, no name before it stands for it.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

from conftest import claim_with, said


def test_verse_after_qawluhu_taala_has_no_speaker() -> None:
    claims = said(
        "قال الكاتب محمد الفايع إن المجرمين لا دين لهم ولا ضمير. "
        "ألم يقرؤوا قوله تعالى (ومن يقتل مؤمنا متعمدا فجزاؤه جهنم خالدا فيها)؟"
    )
    assert claim_with(claims, "لا دين لهم")[:2] == (("محمد الفايع",), "resolved")
    assert claim_with(claims, "مؤمنا متعمدا")[:2] == ((), "unresolved")


def test_feminine_participle_after_an_indefinite_noun_is_an_adjective() -> None:
    claims = said(
        "وفرضت السلطات إجراءات أمنية مشددة على سفر الشباب إلى مناطق النزاع خلال الأسبوع الماضي."
    )
    assert not [c for c in claims if "سفر الشباب" in c[2]]


def test_feminine_participle_after_a_comma_still_speaks() -> None:
    claims = said(
        "وقالت وزارة الداخلية السعودية إن الحدود مغلقة أمام المسافرين، "
        "مشددة على ضرورة الالتزام بالتعليمات الرسمية."
    )
    assert claim_with(claims, "ضرورة الالتزام")[:2] == (("وزارة الداخلية السعودية",), "resolved")


def test_name_after_a_title_with_a_preposition_does_not_speak() -> None:
    claims = said(
        "وظلت تركيا شريكا مترددا في التحالف وتمسكت بضرورة الإطاحة بالرئيس السوري بشار الأسد "
        "وتقول إن القوات الكردية تشكل خطرا أمنيا كبيرا."
    )
    assert claim_with(claims, "القوات الكردية")[:2] == ((), "unresolved")


def test_name_before_a_verb_without_a_subject_still_speaks() -> None:
    claims = said(
        "وأكد وزير الخارجية الأمريكي جون كيري دعم بلاده للحكومة العراقية، "
        "وقال إن المعركة ضد التنظيم ستكون طويلة وصعبة."
    )
    assert claim_with(claims, "المعركة ضد")[:2] == (("جون كيري",), "resolved")


def test_subject_of_a_nested_clause_speaks_not_the_outer_speaker() -> None:
    claims = said(
        "وأوضح وزير الثقافة والإعلام عادل الطريفي عقب جلسة مجلس الوزراء أمس أن المجلس أعرب "
        "عن شكره للدول الشقيقة على مواقفها النبيلة."
    )
    inner = [c for c in claims if c[2].startswith("شكره للدول")]
    assert [c[:2] for c in inner] == [(("مجلس الوزراء",), "resolved")]


def test_coordinated_names_before_a_dual_verb_still_speak() -> None:
    claims = said(
        "غير أن الوزيرين جون كيري وسيرغي لافروف اعتبرا أن الحل السياسي هو الطريق الوحيد "
        "لإنهاء الأزمة."
    )
    assert claim_with(claims, "الحل السياسي")[:2] == (("جون كيري", "سيرغي لافروف"), "resolved")


def test_a_feminine_participle_before_a_complementiser_speaks() -> None:
    """review15b F3: «بتصريحات مؤكدة أن» and «في كلمة مشيرة إلى أن» are participles of
    speech although an indefinite feminine or plural noun stands right before them."""
    claims = said(
        "وأدلت وزيرة الخارجية السويدية مارغو فالستروم بتصريحات مؤكدة أن بلادها لن تتراجع عن موقفها."
    )
    assert claim_with(claims, "بلادها لن")[:2] == (("مارغو فالستروم",), "resolved")
    claims = said("وتحدث الوزير عادل الجبير في كلمة مشيرة إلى أن المملكة تدعم الحل السياسي.")
    assert claim_with(claims, "المملكة تدعم")[:2] == (("عادل الجبير",), "resolved")
    # the adjective reading stays where no complementiser follows
    assert said("وفرضت السلطات إجراءات أمنية مشددة على سفر المواطنين إلى سوريا.") == []
