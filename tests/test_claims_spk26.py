"""Speakers of spk26 (issue 11): a name set off by commas after the unlisted title phrase it
belongs to («وقال قاضي دائرة … بمحافظة …، الشيخ X، إن»، «قال الناشط السياسي الموصلي، X،
لـ«…»:»), and a comma after the date words that follow the cue and its addressee («قال
لـ«…» أمس، اللواء X عضو …، إن»).  rasd left all of these open (unseen21).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "وقال قاضي دائرة الأوقاف والمواريث بمحافظة الأحساء، الشيخ أحمد الحمادي، إن الهجوم "
            "لن يفرق بين أبناء البلد. وأضاف: إن الأمن مسؤولية الجميع.",
            "أحمد الحمادي",
            ("الهجوم لن يفرق", "الأمن مسؤولية"),
        ),
        (
            "من جهته، قال الناشط الحقوقي البصري، كريم الساعدي، لـ«الحياة»: «الحكومة لم "
            "تفعل شيئا للمدينة». وتابع: «نطالب بمحاسبة المسؤولين».",
            "كريم الساعدي",
            ("الحكومة لم تفعل", "نطالب بمحاسبة"),
        ),
        (
            'قال لـ"الرياض" أمس، اللواء سعد القحطاني عضو لجنة الأمن في المجلس، إن '
            "الهجوم عمل جبان، مشيرا إلى أن الأجهزة ستلاحق منفذيه.",
            "سعد القحطاني",
            ("الهجوم عمل جبان", "الأجهزة ستلاحق"),
        ),
    ],
)
def test_the_name_set_off_by_commas_speaks(text: str, speaker: str, words: tuple) -> None:
    claims = said(text)
    for w in words:
        speakers, status, _text = claim_with(claims, w)
        assert speakers == (speaker,) and status == "resolved"


def test_a_comma_after_a_title_without_a_name_leaves_the_speaker_open() -> None:
    """No person after the comma: the rule takes nobody (no guess from the phrase)."""
    claims = said(
        "وقال مدير المستشفى العام بمحافظة البصرة، في تصريح صحفي، إن المصابين نقلوا إلى بغداد."
    )
    speakers, _status, _text = claim_with(claims, "المصابين نقلوا")
    assert "البصرة" not in " ".join(speakers)


@pytest.mark.parametrize("participle", ["متهما", "مطالبا", "داعيا"])
def test_the_organisation_after_a_participle_is_its_object(participle: str) -> None:
    """«وأكد X أن …، متهما الحكومة المحلية بأنها …»: X goes on; the government is accused."""
    claims = said(
        "وقال سالم العبيدي، عضو مجلس محافظة الأنبار، للصحفيين: «الطرق مغلقة منذ أسبوع». "
        "وأكد العبيدي أن قرار الحكومة العراقية بإغلاق المعبر يضر بالمحافظة، "
        f"{participle} الحكومة الاتحادية بأنها «لا تهتم بأهالي المدن المنكوبة»."
    )
    speakers, status, _text = claim_with(claims, "لا تهتم")
    assert speakers == ("سالم العبيدي",) and status == "resolved"


def test_a_title_phrase_written_before_a_name_stands_for_that_person() -> None:
    """«… مع رئيس مجلس النواب العراقي سليم الجبوري» … «وقال رئيس مجلس النواب العراقي
    الشهر الماضي إنه …»: the speaker is the person, not an unnamed holder of the title."""
    claims = said(
        "كشفت مصادر برلمانية تفاصيل الاجتماع الذي عقده وزير الدفاع الأمريكي أشتون كارتر في "
        "بغداد مع رئيس مجلس النواب العراقي سليم الجبوري. وقال رئيس مجلس النواب العراقي "
        "الشهر الماضي إنه «لا مشكلة لدينا مع الأقاليم»."
    )
    speakers, status, _text = claim_with(claims, "لا مشكلة لدينا")
    assert speakers == ("سليم الجبوري",) and status == "resolved"


def test_a_title_phrase_never_written_before_a_name_stays_unnamed() -> None:
    claims = said(
        "عقد وزير الدفاع الأمريكي اجتماعا في بغداد. وقال رئيس مجلس النواب العراقي الشهر "
        "الماضي إنه «لا مشكلة لدينا مع الأقاليم»."
    )
    speakers, _status, _text = claim_with(claims, "لا مشكلة لدينا")
    assert "سليم الجبوري" not in speakers
