"""ent24 (issue 11): organisation names cut short before their لـ complement
(«الإدارة العامة للمسطحات المائية»، «المديرية العامة لحرس الحدود») or before a noun
coordinated with it («الهيئة العامة للسياحة والتراث الوطني»), and a person opening the sentence
with his role in a body before his verb («اللواء X المتحدث الرسمي للمديرية العامة لحرس الحدود
أدان …») — sentences written for these tests."""

from __future__ import annotations

import pytest
from conftest import extract_text, said

from rasd.extract.folding import TATWEEL


def _orgs(text: str) -> set[str]:
    return {m.surface for m in extract_text(text).mentions if m.cls == "Organization"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "وقالت الإدارة العامة للمسطحات المائية إن المياه ترتفع.",
            "الإدارة العامة للمسطحات المائية",
        ),
        ("فأعلنت الادارة العامة للمرور إغلاق الطريق.", "الادارة العامة للمرور"),
        ("وأعلنت المديرية العامة لحرس الحدود اعتقال خمسة.", "المديرية العامة لحرس الحدود"),
        ("وذكرت المديريّة العامّة للأمن الوطني أن التحقيق بدأ.", "المديريّة العامّة للأمن الوطني"),
        (f"وقالت الإدار{TATWEEL}ة العامة للسجون إن السجين فر.", f"الإدار{TATWEEL}ة العامة للسجون"),
        ("وأعلنت الرئاسة العامة لرعاية الشباب أن الفريق فاز.", "الرئاسة العامة لرعاية الشباب"),
        ("بحسب الإدارة العامة للجوازات فإن العدد ارتفع.", "الإدارة العامة للجوازات"),
        ("وقالت الإداره العامه للدفاع المدني إن الحريق أخمد.", "الإداره العامه للدفاع المدني"),
    ],
)
def test_a_general_directorate_keeps_its_lam_complement(text: str, name: str) -> None:
    assert name in _orgs(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "وقالت الهيئة العامة للسياحة والتراث الوطني إن العدد ارتفع.",
            "الهيئة العامة للسياحة والتراث الوطني",
        ),
        (
            "وأكدت المنظمة الإسلامية للتربية والعلوم والثقافة أن المدارس فتحت.",
            "المنظمة الإسلامية للتربية والعلوم والثقافة",
        ),
        ("وقال مركز الدراسات للبحوث والتدريب إن التقرير صدر.", "مركز الدراسات للبحوث والتدريب"),
    ],
)
def test_nouns_coordinated_after_the_lam_complement_stay_in_the_name(text: str, name: str) -> None:
    assert name in _orgs(text)


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        # the lam phrase is an object of the verb, not a name: no complement after a verb's head
        ("وقدمت الإدارة العامة للمواطنين والمقيمين خدمات جديدة.", "والمقيمين"),
        # a coordinated plural is another group, not a name word
        ("وشكرت الهيئة العامة للسياحة والمواطنين على التعاون.", "والمواطنين"),
    ],
)
def test_no_lam_complement_swallows_an_object_or_a_plural(text: str, not_name: str) -> None:
    assert not {s for s in _orgs(text) if not_name in s}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "اللواء علي الغامدي المتحدث الرسمي للمديرية العامة لحرس الحدود أدان الهجوم على المسجد.",
            "علي الغامدي",
        ),
        (
            "والعميد أحمد العلي المتحدث الرسمي للإدارة العامة للمرور استنكر الحادث الذي وقع أمس.",
            "أحمد العلي",
        ),
        ("اللواء خالد الحربي مدير جوازات منطقة عسير استنكر الحادث الآثم في المسجد.", "خالد الحربي"),
        ("اللواء سامي الزهراني مدير عام الدفاع المدني أدان الهجوم على المصلين.", "سامي الزهراني"),
        (  # diacritics, tatweel, ف before the title
            "فاللواءُ خالدُ الحربيُّ مديرُ جوازاتِ منطقةِ عسير استنكـر الحادث الآثم في المسجد.",
            "خالدُ الحربيُّ",
        ),
    ],
)
def test_a_person_with_his_role_in_an_organisation_before_the_verb_speaks(
    text: str, person: str
) -> None:
    [(speakers, _status, _text)] = said(text)
    assert speakers == (person,)


def test_a_subject_after_the_verb_is_kept_before_a_person_with_his_role() -> None:
    text = "وبحضور اللواء محمد الغامدي مدير الشرطة أدان مجلس الشورى الهجوم على المسجد."
    [(speakers, _status, _text)] = said(text)
    assert speakers == ("مجلس الشورى",)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقالت الوكالة الوطنية للإعلام إن الجيش تقدم.", "الوكالة الوطنية للإعلام"),
        ("فأكدت الوكاله الدوليه للطاقة الذريّة أن إيران التزمت.", "الوكاله الدوليه للطاقة الذريّة"),
        ("وأكد المجلس الأعلى للأمن القومي أن الاتفاق جيد.", "المجلس الأعلى للأمن القومي"),
        ("وقال المجلس المصري للشـؤون الخارجية إن الوضع خطير.", "المجلس المصري للشـؤون الخارجية"),
    ],
)
def test_an_agency_or_council_keeps_its_lam_complement(text: str, name: str) -> None:
    assert name in _orgs(text)


def test_the_atomic_energy_agency_short_and_full_is_one_node() -> None:
    doc = extract_text(
        "وقالت الوكالة الدولية للطاقة الذرية إن المفاعل توقف. "
        "وأكدت وكالة الطاقة الذريـة أن المفتشين وصلوا. وقال بيان للوكالة الذرية إن العمل مستمر."
    )
    assert len({m.key for m in doc.mentions if m.cls == "Organization"}) == 1
