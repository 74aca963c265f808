"""Speakers of spk26b (issue 11): a title alone that refers back to the person an earlier
sentence gave that title — «وأكد الأمين العام» after «الأمين العام لـ… X» (not left open
because another "official" was named since), «وأكد مدير الخطوط …» after «مدير عام الخطوط
…، م. X» (the head word and the same words, some left out) — and «وكان رئيس مجلس النواب
العراقي أعلن» (a title and an organisation before the verb: the head, not the
organisation).  Before this branch rasd left these open, gave them to an unnamed source or
to the organisation.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "استنكر الأمين العام لجامعة الدول العربية نبيل العربي بشدة تصريحات نائب الرئيس "
            "العراقي نوري المالكي تجاه السعودية. وأكد الأمين العام أن هذه التصريحات لا تخدم "
            "العلاقات العربية.",
            "نبيل العربي",
            "لا تخدم العلاقات",
        ),
        (
            "التقى وزير الخارجية الأمريكي جون كيري في بغداد أمس مع رئيس مجلس النواب العراقي "
            "سليم الجبوري. وكان رئيس مجلس النواب العراقي أعلن الشهر الماضي أنه «ليس لدينا "
            "مشكلة مع الحوار».",
            "سليم الجبوري",
            "ليس لدينا مشكلة",
        ),
        (
            "عبر مدير عام الخطوط الجوية العربية السعودية، م. صالح بن ناصر الجاسر، عن تعازيه "
            "لأسر الضحايا. وأكد مدير الخطوط الجوية السعودية أن هذه الجريمة لن تزيدنا إلا قوة.",
            "صالح بن ناصر الجاسر",
            "لن تزيدنا إلا قوة",
        ),
        (
            "عبر مدير عام الخطوط الجوية العربية السعودية، المهندس صالح بن ناصر الجاسر، عن "
            "تعازيه لأسر الضحايا. وقال وزير الداخلية الأمير محمد بن نايف إن الأمن مستتب. "
            "وأكد مدير الخطوط الجوية السعودية أن هذه الجريمة لن تزيدنا إلا قوة.",
            "صالح بن ناصر الجاسر",
            "لن تزيدنا إلا قوة",
        ),
    ],
)
def test_the_title_alone_is_the_person_given_it_before(text: str, speaker: str, words: str) -> None:
    speakers, status, _text = claim_with(said(text), words)
    assert speakers == (speaker,) and status == "resolved"


def test_a_title_and_organisation_never_given_a_name_is_not_the_organisation() -> None:
    """«وكان رئيس مجلس النواب العراقي أعلن» with nobody given that title: not the council."""
    speakers, _status, _text = claim_with(
        said(
            "وصل وزير الخارجية الأمريكي جون كيري إلى بغداد أمس. وكان رئيس مجلس النواب "
            "العراقي أعلن الشهر الماضي أنه «ليس لدينا مشكلة مع الحوار»."
        ),
        "ليس لدينا مشكلة",
    )
    assert "مجلس النواب العراقي" not in speakers


def test_an_organisation_before_its_verb_still_speaks() -> None:
    """Guard: «وكانت وزارة الخارجية العراقية أعلنت» (no title before it) is the ministry."""
    speakers, _status, _text = claim_with(
        said(
            "وصل وزير الخارجية الأمريكي جون كيري إلى بغداد أمس. وكانت وزارة الخارجية "
            "العراقية أعلنت الشهر الماضي أن الزيارة ستتم قريبا."
        ),
        "الزيارة ستتم",
    )
    assert speakers == ("وزارة الخارجية العراقية",)


def test_an_office_after_a_title_is_no_honorific() -> None:
    """Guard: «مستشار الرئيس الفلسطيني محمود عباس»: the adviser's title is not Abbas's."""
    from conftest import related

    rels = related("قال مستشار الرئيس الفلسطيني محمود عباس إن المفاوضات متوقفة.")
    assert ("محمود عباس", "jobTitle", "مستشار") not in rels
    assert not any(s == "محمود عباس" and o.startswith("مستشار") for s, _p, o in rels)
