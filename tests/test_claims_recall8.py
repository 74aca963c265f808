"""Statement recall on unseen news (issue 11, claims8): cue forms read in unseen5's misses.

Each case is a construction that rasd missed on the dev corpora: a conjugated form of a
listed verb (ترى، يرون، يتهم، متهماً، تستنكر، غرّد …), an impersonal passive with no
speaker (يقال إن، قيل إن).  The sentences are written for these tests, not copied from
the corpus.
"""

from __future__ import annotations

from conftest import claim_with, said


def test_a_feminine_imperfect_of_ra_a_opens_a_statement() -> None:
    claims = said("والبلدان في خندق واحد، فالرياض ترى أن للأردن دورا جوهريا في حماية حدود المنطقة.")
    claim_with(claims, "دورا جوهريا")


def test_a_plural_imperfect_of_ra_a_opens_a_statement() -> None:
    claims = said("وانقسم المحللون، فآخرون يرون أن السوريين أحق بقيادة التنظيم من العراقيين.")
    claim_with(claims, "السوريين أحق")


def test_an_imperfect_accusation_with_its_content_after_bi() -> None:
    claims = said("وزير الدفاع العراقي خالد العبيدي يتهم تركيا بالتغطية على نشاطات إرهابية.")
    speakers, _, _ = claim_with(claims, "التغطية على نشاطات")
    assert speakers == ("خالد العبيدي",)


def test_a_participle_of_accusation_goes_on_with_the_speaker() -> None:
    claims = said(
        "وقال وزير الدفاع العراقي خالد العبيدي إن الخلية اعتقلت في الضفة الغربية، متهما تركيا "
        "في الوقت نفسه بالسماح بانطلاق نشاطات إرهابية من أراضيها."
    )
    speakers, _, _ = claim_with(claims, "بانطلاق نشاطات")
    assert speakers == ("خالد العبيدي",)


def test_a_tweet_verb_is_a_cue() -> None:
    claims = said(
        'وغرد الشيخ عادل الكلباني عبر حسابه: "في قديم الزمان كان الجهاد يعني قتال المشركين".'
    )
    speakers, _, _ = claim_with(claims, "كان الجهاد يعني")
    assert speakers == ("عادل الكلباني",)


def test_an_impersonal_passive_has_no_speaker() -> None:
    claims = said(
        "وقد تدرب عشرات من المقاتلين في القرية المعزولة قبل أشهر قليلة، ويقال إن خمسة "
        "منهم قتلوا في المعارك الأخيرة."
    )
    speakers, status, _ = claim_with(claims, "خمسة منهم قتلوا")
    assert speakers == () and status == "unresolved"


def test_a_passive_qila_has_no_speaker() -> None:
    claims = said("وقيل إن المسلحين انسحبوا من البلدة بعد يومين من القتال العنيف.")
    speakers, status, _ = claim_with(claims, "المسلحين انسحبوا")
    assert speakers == () and status == "unresolved"


def test_an_organisation_inside_a_relative_clause_is_no_subject_of_the_verb() -> None:
    claims = said(
        "نورة التي حاولت قتل نفسها بعد بيعها إلى ما تسمى بالدولة الإسلامية قالت: إن "
        "الرجل الذي اشتراها أخذها إلى المستشفى.. وقالت: أخبرني أنه سيغتصبني في نفس اليوم."
    )
    speakers, _, _ = claim_with(claims, "الرجل الذي اشتراها")
    assert not {"الدولة الإسلامية", "داعش"} & set(speakers)


def test_tweeters_are_an_anonymous_source_that_goes_on_speaking() -> None:
    claims = said(
        "استنكر مغردون على موقع تويتر حادثة تفجير المسجد، وقالوا بصوت واحد: "
        '"متى كانت المساجد ساحات قتال وتدمير يا هؤلاء".'
    )
    speakers, status, _ = claim_with(claims, "متى كانت المساجد")
    assert status == "resolved" and speakers == ("مغردون",)


def test_one_of_a_group_is_an_anonymous_source() -> None:
    claims = said("وقال أحد المقربين من التنظيم: إن سلسلة الإعدامات بدأت داخل التنظيم منذ أشهر.")
    speakers, status, _ = claim_with(claims, "سلسلة الإعدامات")
    assert status == "resolved" and speakers[0].startswith("أحد المقربين")


def test_a_number_of_experts_speak_and_go_on_speaking() -> None:
    claims = said(
        "أكد عدد من الأكاديميين المتخصصين أن الإعلام يحمي الشباب من الفكر الضال، "
        "مشددين على عدم ترك المساحة الإعلامية لمروجي الأفكار الإرهابية."
    )
    for words in ("الإعلام يحمي", "عدم ترك المساحة"):
        speakers, _, _ = claim_with(claims, words)
        assert len(speakers) == 1 and speakers[0].startswith("عدد من الأكاديميين")
