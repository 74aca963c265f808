"""Speaker choice in speaker20 (issue 11): classes of unresolved and wrong speakers counted over
every spent corpus (``bench/speaker_classes.py``, ``bench/speaker20_results.md``).

- a participle (مشيرا، لافتا …) with no cue before it in its sentence continues the named
  subject of the clause it ends: a clause opening the sentence after an aside («من جهته،»،
  «بدوره،»), one coordinated after a comma («…، وثمّن X العلاقات …، مشيرا»), or a subject
  behind a title («واستنكر عضو المجلس البلدي في … الشيخ X …، لافتا») — not the running speaker,
  and not left open.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said

from rasd.extract.folding import TATWEEL

_BEFORE = "وقال رئيس البلدية خالد السبيعي إن المشروع سينتهي قبل نهاية العام. "


@pytest.mark.parametrize(
    "verb",
    ["وثمن", "وثمّن", "وثم" + TATWEEL + "ن", "وثَمَّنَ"],
)
def test_participle_continues_a_coordinated_clause(verb: str) -> None:
    claims = said(
        _BEFORE + "والتقى الوفد الزائر أعضاء الغرفة التجارية في جدة يوم الأحد، "
        f"{verb} فهد المطيري التعاون القائم بين البلدين، مشيرا إلى أن حجم التبادل "
        "التجاري تضاعف خلال العام الماضي."
    )
    assert claim_with(claims, "حجم التبادل")[:2] == (("فهد المطيري",), "resolved")


@pytest.mark.parametrize("participle", ["لافتا", "لافتاً", "لافتًا", "لافتـا"])
def test_participle_continues_a_titled_subject(participle: str) -> None:
    claims = said(
        _BEFORE + "واستنكر عضو المجلس البلدي في الدمام الشيخ عبد الرحمن الهاجري "
        f"الاعتداء على الحارس، {participle} إلى أن أهالي الحي يرفضون هذه الأفعال."
    )
    assert claim_with(claims, "أهالي الحي")[:2] == (("عبد الرحمن الهاجري",), "resolved")


def test_participle_after_an_aside() -> None:
    claims = said(
        _BEFORE + "من جانبه، انتقد الناشط سامي الحربي تأخر المشروع، "
        "مؤكدا أن السكان ينتظرون منذ سنوات."
    )
    assert claim_with(claims, "السكان ينتظرون")[:2] == (("سامي الحربي",), "resolved")


def test_object_after_a_non_title_subject_is_not_taken() -> None:
    # the visitors (no title, no name) met the minister: the participle is not the minister's
    claims = said(_BEFORE + "وزار الوفد الوزير فهد المطيري في مكتبه، مؤكدا أن الزيارة ناجحة.")
    assert all(c[0] != ("فهد المطيري",) for c in claims if "الزيارة ناجحة" in c[2])


# a plural participle continues the unnamed group opening its clause ---------------------


@pytest.mark.parametrize(
    ("group", "participle", "label"),
    [
        ("عدد من الخبراء", "مؤكدين", "عدد من الخبراء"),
        ("عدد من الخبراء", "مؤكّدين", "عدد من الخبراء"),
        ("عـدد من الخبراء", "مؤكدين", "عـدد من الخبراء"),
        ("مواطنون في المنطقة الشمالية", "مشددين على", "مواطنون"),
        ("خبراء", "مشيرين إلى", "خبراء"),
    ],
)
def test_plural_participle_continues_the_group(group: str, participle: str, label: str) -> None:
    claims = said(
        _BEFORE + f"وتجمع {group} أمام المدرسة بعد الاعتداء، {participle} أن أمن الحي "
        "مسؤولية الجميع. وأكدوا أن الأهالي سيقفون مع رجال الأمن."
    )
    assert claim_with(claims, "أمن الحي")[:2] == ((label,), "resolved")
    assert claim_with(claims, "الأهالي سيقفون")[:2] == ((label,), "resolved")


def test_plural_participle_after_a_named_person_stays_open() -> None:
    claims = said(
        _BEFORE + "واستنكر الوزير فهد المطيري الاعتداء على المدرسة، مؤكدين أن أمن الحي "
        "مسؤولية الجميع."
    )
    assert claim_with(claims, "أمن الحي")[:2] == ((), "unresolved")


def test_the_object_of_a_plural_verb_is_no_group_subject() -> None:
    # «والتقوا سفراء …»: the verb carries its own plural subject; the ambassadors are met
    claims = said(
        "واجتمع وزراء الخارجية العرب في القاهرة أمس. والتقوا سفراء الدول الأوروبية، "
        "مؤكدين أن الحل السياسي هو الخيار الوحيد."
    )
    assert all("سفراء" not in " ".join(c[0]) for c in claims if "الحل السياسي" in c[2])


@pytest.mark.parametrize(
    "noun", ["وجهاء", "أعيان", "اعيان", "مشايخ", "اقتصاديون", "سفراء", "مسعفون", "أئمة"]
)
def test_group_nouns_are_sources(noun: str) -> None:
    claims = said(f"وقال {noun} في المحافظة إن الطريق الجديد سيخدم آلاف السكان.")
    speaker, status, _text = claim_with(claims, "الطريق الجديد")
    assert status == "resolved" and len(speaker) == 1 and noun in speaker[0]


@pytest.mark.parametrize("verb", ["وقال", "وأضاف", "واضاف"])
def test_an_officer_is_an_anonymous_source(verb: str) -> None:
    claims = said(f"{verb} ضابط رفيع في الشرطة إن الدوريات ستنتشر في الأحياء منذ الليلة.")
    speaker, status, _text = claim_with(claims, "الدوريات ستنتشر")
    assert status == "resolved" and len(speaker) == 1 and "ضابط" in speaker[0]
