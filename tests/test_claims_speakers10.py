"""Speakers on unseen news (issue 11, claims10): constructions read in unseen7's errors that
recur in unseen3–6.

- A name whose first letter is ل (``لجنة مكافحة الإرهاب``، ``لواء …``) right after the verb is
  its subject, not an addressee (``لوكالة رويترز``) to skip.
- An unlisted title phrase after a finite verb ending in one known person right before what
  was said (``أعلن مدعي عام العاصمة الفرنسية باريس فرانسوا مولان، اليوم (الجمعة)، أن``):
  that person speaks; with an addressee or preposition in the phrase (``لنظيره X``) X does not.
- ``وكانت الوزارة أعلنت عن …``: the subject stands between كان and the verb, so the claim is
  not the running speaker's.
- ``وأضاف ـ في تصريح ـ أن`` / ``وأضاف -في بيان أمس- أن``: a dash after the verb opens an
  aside; the verb has no subject of its own and the running speaker goes on.
- ``وذكرت الصحف انه …``: newspapers (صحف, a row of source_nouns.tsv) are an anonymous
  source, not the running speaker; أورد/أوردت (speech_cues.tsv) report a statement.
- ``وصف X بيان الوزارة بالضربة الكبرى``: with no complementiser, the object and its بـ phrase
  are what X said (rows ``وصف ب`` … of speech_cues.tsv; the بـ of ``بيان`` is not cut off).
- ``وحسب التحريات الأولية، فإن …``، ``وبحسب أرقام قدمتها …``، ``وحسب بيانات عملياتية لهيئة
  …،``: findings, figures and data are document sources (rows of source_nouns.tsv).

Two tests guard the limits and pass before the change too (an addressee ``لوكالة …`` is still
skipped; a name after ``لنظيره`` in an unlisted title is no subject).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

from conftest import claim_with, said


def test_a_name_opening_with_lam_is_the_subject_not_an_addressee() -> None:
    claims = said(
        "وقالت لجنة مكافحة الإرهاب الروسية إن المسلحين قتلوا في عملية خاصة بمدينة نالتشيك."
    )
    speakers, status, _ = claim_with(claims, "المسلحين قتلوا")
    assert (speakers, status) == (("لجنة مكافحة الإرهاب الروسية",), "resolved")


def test_an_addressee_with_lam_is_still_skipped() -> None:
    claims = said(
        "وقال لوكالة رويترز مسؤول أمريكي إن الغارات ستستمر خلال الأسابيع المقبلة في سوريا."
    )
    speakers, _, _ = claim_with(claims, "الغارات ستستمر")
    assert speakers == ("مسؤول أمريكي",)


def test_an_unlisted_title_before_a_known_name() -> None:
    claims = said(
        "وقال رئيس الوزراء حيدر العبادي إن الحكومة ستدعم القوات. وأكد قائمقام قضاء الفلوجة "
        "عيسى الساير، أمس، أن القوات الأمنية دخلت الأحياء الشرقية من المدينة."
    )
    speakers, status, _ = claim_with(claims, "دخلت الأحياء")
    assert (speakers, status) == (("عيسى الساير",), "resolved")


def test_no_subject_after_an_addressee_in_an_unlisted_title() -> None:
    claims = said(
        "وقال رئيس الوزراء حيدر العبادي إن الحكومة ستدعم القوات. وأكد قائمقام قضاء الفلوجة "
        "لنظيره عيسى الساير أن القوات الأمنية دخلت الأحياء الشرقية من المدينة."
    )
    speakers, _, _ = claim_with(claims, "دخلت الأحياء")
    assert "عيسى الساير" not in speakers


def test_a_subject_between_kana_and_the_verb_is_not_the_running_speaker() -> None:
    claims = said(
        "وقال وزير السياحة التونسي محمد الرياحي إن الحجوزات تراجعت بنسبة كبيرة بعد الهجوم. "
        "وكانت الوزارة أعلنت عن إجراءات عاجلة لدعم الفنادق المتضررة في المدينة."
    )
    speakers, status, _ = claim_with(claims, "إجراءات عاجلة")
    assert (speakers, status) == ((), "unresolved")


def test_a_dash_after_the_verb_opens_an_aside_not_a_subject() -> None:
    claims = said(
        "وقال وزير الداخلية أحمد الحربي إن القوات أحبطت الهجوم. "
        "وأضاف ـ في تصريح للصحفيين ـ أن التحقيقات مستمرة مع الموقوفين."
    )
    speakers, status, _ = claim_with(claims, "التحقيقات مستمرة")
    assert (speakers, status) == (("أحمد الحربي",), "resolved")


def test_the_newspapers_are_an_anonymous_source_not_the_running_speaker() -> None:
    claims = said(
        "وقالت السلطات التركية إن الانتحاري شاب في العشرين من عمره. "
        "وذكرت الصحف انه اقام في صفوف التنظيم في سوريا."
    )
    speakers, status, _ = claim_with(claims, "صفوف التنظيم")
    assert (speakers, status) == (("الصحف",), "resolved")


def test_awrada_reports_a_statement() -> None:
    claims = said("وأوردت الصحف التركية، أمس، أن منفذ الهجوم تلقى تدريبه في سوريا.")
    speakers, status, _ = claim_with(claims, "تلقى تدريبه")
    assert (speakers, status) == (("الصحف التركية",), "resolved")


def test_wasafa_with_an_object_and_a_bi_phrase() -> None:
    claims = said(
        "وصف نبيل البلوشي النائب في البرلمان البحريني، بيان وزارة الداخلية الأخير بالضربة "
        "الكبرى للتنظيم."
    )
    speakers, status, text = claim_with(claims, "بالضربة الكبرى")
    assert (speakers, status) == (("نبيل البلوشي",), "resolved")
    assert text.startswith("بيان وزارة الداخلية")


def test_according_to_the_investigations_opens_a_document_claim() -> None:
    claims = said(
        "وقال المتحدث باسم الشرطة أحمد علي إن التحقيق مستمر. وحسب التحريات الأولية، فإن "
        "المتهم تواصل مع التنظيم عبر الإنترنت قبل سفره."
    )
    speakers, status, _ = claim_with(claims, "تواصل مع التنظيم")
    assert (speakers, status) == (("التحريات الأولية",), "resolved")
