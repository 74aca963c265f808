"""Speakers on unseen news (issue 11, claims7): constructions whose speaker rasd got wrong.

Each case is a construction read in the errors of unseen5 (an honorific subject after a
quoted verse, a participle after a demonstrative source noun, a person named inside what
was said, «بين X و Y» read as «بيّن», «معربا عن سعادته», a title ending in «باسم» followed
by the person spoken for, titles missing from ``titles.tsv``).  The sentences are written
for these tests, not copied from the corpus.  "Right speaker or none": where the speaker
cannot be told the claim stays unresolved.
"""

from __future__ import annotations

from conftest import said


def claim_at(claims: list, start: str) -> tuple[tuple[str, ...], str, str]:
    """The one claim whose text starts with ``start``."""
    [hit] = [c for c in claims if c[2].startswith(start)]
    return hit


def test_an_honorific_subject_is_the_running_speaker() -> None:
    claims = said(
        "استنكر الدكتور عبد الرحمن بن صالح العتيبي الهجوم الإرهابي الذي استهدف المسجد. "
        "قال الله تعالى (ومن أظلم ممن منع مساجد الله أن يذكر فيها اسمه)، ووصف فضيلته "
        "الهجوم بالجبان، مشيرًا إلى أن المجتمع يعي هذه الأهداف الخبيثة جيدا."
    )
    speakers, status, _ = claim_at(claims, "المجتمع يعي")
    assert status == "resolved" and speakers == ("عبد الرحمن بن صالح العتيبي",)


def test_a_source_noun_after_a_demonstrative_is_no_subject() -> None:
    claims = said(
        "قال الوزير أحمد الخطيب إن المجلس سيجتمع مساء اليوم لمناقشة تلك الأنباء، مشيرا "
        "إلى أنهم قدموا اقتراحا للبرلمان بإرسال لجنة."
    )
    speakers, _, _ = claim_at(claims, "قدموا اقتراحا")
    assert speakers == ("أحمد الخطيب",)


def test_a_person_inside_what_was_said_is_not_the_next_speaker() -> None:
    claims = said(
        "وأضاف الوزير سامح شكري أن محادثات سيرجي لافروف مع جون كيري ستركز على هذا "
        "الموضوع، وقال: «نحن نعول على أن يجمع الجميع جهودهم في محاربة الإرهاب»."
    )
    speakers, _, _ = claim_at(claims, "نحن نعول")
    assert "جون كيري" not in speakers and "سيرجي لافروف" not in speakers


def test_between_x_and_y_is_no_statement() -> None:
    claims = said(
        "وأوضح الحزب أنه يدعو إلى وقف متبادل لإطلاق النار (بين الحكومة التركية و«بي كا كا» "
        "الإرهابي)، مؤكدًا موقفه الواضح المعارض للعنف."
    )
    assert not [c for c in claims if c[2].startswith("بي كا كا")]
    assert all("الحكومة التركية" not in c[0] for c in claims)


def test_his_happiness_after_expressing_is_no_honorific_subject() -> None:
    claims = said(
        "قال الرئيس رجب طيب أردوغان إن بلاده ستواصل عملياتها العسكرية. "
        "وقال والي المدينة للصحفيين: «نعتقد أن التفجير الذي استهدف القطار إرهابي»، "
        "معربا عن سعادته بعدم وقوع خسائر في الأرواح."
    )
    speakers, status, _ = claim_at(claims, "سعادته")
    assert speakers == () and status == "unresolved"


def test_the_person_spoken_for_is_not_the_spokeswoman() -> None:
    claims = said(
        "وقالت الناطقة باسم ستيفان دي ميستورا جيسي شاهين، في رسالة إلكترونية، إن المبعوث "
        "الخاص ناقش الوضع الإقليمي مع المسؤولين."
    )
    speakers, _, _ = claim_at(claims, "المبعوث")
    assert "ستيفان دي ميستورا" not in speakers


def test_titles_before_a_new_name() -> None:
    claims = said(
        "وقالت الإعلامية رائدة محمد: إن الصحيفة سعت سابقا لبث أخبار كاذبة داخل المجتمع. "
        "كما شدد القيادي في الحركة أسامة بدران على أن هذه الاتهامات لا أساس لها."
    )
    assert claim_at(claims, "الصحيفة سعت")[0] == ("رائدة محمد",)
    assert claim_at(claims, "هذه الاتهامات")[0] == ("أسامة بدران",)
