"""Speakers of speaker19 (issue 11): who said it, or nobody, on the kinds of speaker errors
read on unseen16; each rule kept only because unseen3–15 (not read) did not get worse.

- «خادم الحرمين الشريفين» is a title (``titles.tsv``): standing alone it is the king the
  article named with it before.
- a person named inside a relative clause after a title («… خلال الكلمة التي ألقاها نيابة
  عنه الدكتور Y») is not the one the title stands for.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.folding import TATWEEL

# «خادم الحرمين الشريفين» as a title -------------------------------------------------------

_KING = "عبد الله بن عبد العزيز"


def _king(claim: tuple[tuple[str, ...], str, str]) -> tuple[tuple[str, ...], str]:
    """The claim's speakers (spaces dropped: the lexicon writes «عبدالله») and status."""
    return tuple(s.replace(" ", "") for s in claim[0]), claim[1]


_IS_KING = ((_KING.replace(" ", ""),), "resolved")


@pytest.mark.parametrize(
    "title",
    ["خادم الحرمين الشريفين", "خادمُ الحرمينِ الشريفينِ", "خادم الحرمين الشّريفين"],
)
def test_custodian_title_alone_is_the_king_named_before(title: str) -> None:
    claims = said(
        f"افتتح خادم الحرمين الشريفين الملك {_KING} مشروع توسعة المطار الجديد في جدة. "
        f"وقال {title} في كلمته إن المشروع سيخدم ملايين الحجاج والمعتمرين كل عام."
    )
    assert _king(claim_with(claims, "سيخدم ملايين")) == _IS_KING


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["", TATWEEL]))
def test_custodian_title_with_tatweel(tatweel: str) -> None:
    claims = said(
        f"استقبل خادم الحرمين الشريفين الملك {_KING} وفد رجال الأعمال في قصره. "
        f"وأكد خا{tatweel}دم الحرمين الشريفين أن الاقتصاد الوطني قوي ومتنوع المصادر."
    )
    assert _king(claim_with(claims, "الاقتصاد الوطني")) == _IS_KING


def test_custodian_title_is_no_other_official() -> None:
    # a minister named before is no custodian: the title does not stand for him
    claims = said(
        "التقى وزير الخارجية عادل الجبير نظيره الأمريكي في الرياض. "
        "وقال خادم الحرمين الشريفين إن المملكة ماضية في مكافحة الإرهاب بكل حزم."
    )
    assert "عادل الجبير" not in claim_with(claims, "ماضية في مكافحة")[0]


# a person inside a relative clause after the title ----------------------------------------


@pytest.mark.parametrize("relative", ["التي", "الّتي", "الذي"])
def test_person_in_relative_clause_is_not_the_title_holder(relative: str) -> None:
    noun = "الكلمة" if relative != "الذي" else "الخطاب"
    claims = said(
        f"شارك خادم الحرمين الشريفين الملك {_KING} في افتتاح المؤتمر الدولي للحوار. "
        f"وقال خادم الحرمين الشريفين، خلال {noun} {relative} ألقاها نيابة عنه الدكتور "
        "سامي الحربي وزير الشؤون الإسلامية: «إن الحوار بين الشعوب طريق السلام الوحيد»."
    )
    assert _king(claim_with(claims, "الحوار بين الشعوب")) == _IS_KING


def test_person_after_title_without_relative_still_speaks() -> None:
    claims = said(
        "وقال المتحدث باسم وزارة الصحة، في مؤتمر صحافي عقده أمس، الدكتور ماجد الشهري إن "
        "عدد الإصابات تراجع خلال الأسبوع الماضي."
    )
    assert claim_with(claims, "عدد الإصابات")[:2] == (("ماجد الشهري",), "resolved")


# an organisation opening the sentence as the subject of the cue ---------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "صحيفة الغارديان البريطانية قالت",
        "صحيفة «الغارديان» البريطانية، من جانبها، قالت",
        "صحيفة الغارديان من جهتها قالت",
        "أما صحيفة «الغارديان» البريطانية فأكدت",
        "اما صحيفة الغارديان فأكدت",
        "أمّا صحيفة الغارديان فأكّدت",
    ],
)
def test_fronted_organisation_speaks(opening: str) -> None:
    claims = said(
        "ذكرت وكالة رويترز أن الهجوم وقع قرب الحدود الشمالية للبلاد فجر أمس. "
        f"{opening} إن منفذي الهجوم تسللوا من منطقة جبلية وعرة."
    )
    speakers, status, _text = claim_with(claims, "منفذي الهجوم")
    assert status == "resolved"
    assert len(speakers) == 1 and "الغارديان" in speakers[0]


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["", TATWEEL]))
def test_fronted_organisation_with_tatweel(tatweel: str) -> None:
    claims = said(
        "قالت وكالة رويترز إن الاشتباكات تجددت في الضواحي الجنوبية للعاصمة. "
        f"أما صحيفة الغارديان فأك{tatweel}دت أن القتال أوقع عشرات الجرحى بين المدنيين."
    )
    speakers = claim_with(claims, "القتال أوقع")[0]
    assert len(speakers) == 1 and "الغارديان" in speakers[0]


def test_organisation_object_before_a_verb_with_waw_is_no_subject() -> None:
    # "وقال" opens a clause of its own: the newspaper opening the sentence before it is no
    # subject of it (the organisation is token 0, so only the check on و decides)
    claims = said(
        "وقال الوزير خالد العمري إن الحكومة ستدعم المزارعين هذا العام. "
        "صحيفة الغارديان البريطانية، وقال إنها تفتقر إلى الدقة في تقاريرها عن الأزمة."
    )
    assert "الغارديان" not in " ".join(claim_with(claims, "تفتقر إلى الدقة")[0])


# a participle continues its own sentence's subject ---------------------------------------


@pytest.mark.parametrize(
    "participle", ["مشيرة إلى أنها", "مشيرةً إلى أنّها", "مؤكدة أنها", "مؤكـدة أنها"]
)
def test_participle_continues_the_country_opening_its_sentence(participle: str) -> None:
    claims = said(
        "وقال وزير الخارجية البريطاني فيليب هاموند إن بلاده تراقب الوضع عن كثب. "
        f"وشنت تركيا منذ ذلك الحين سلسلة من الغارات الجوية، {participle} تستهدف مواقع "
        "المسلحين في الجبال."
    )
    speakers, status, _text = claim_with(claims, "مواقع المسلحين")
    assert status == "resolved"
    assert speakers == ("تركيا",)


def test_masculine_participle_is_not_the_country() -> None:
    claims = said(
        "وقال وزير الخارجية البريطاني فيليب هاموند إن بلاده تراقب الوضع عن كثب. "
        "واستقبلت تركيا وفدا من المعارضة أمس، مؤكدا أن الحل السياسي ما زال ممكنا."
    )
    assert "تركيا" not in claim_with(claims, "الحل السياسي")[0]


def test_participle_after_a_cue_in_its_sentence_keeps_that_speaker() -> None:
    claims = said(
        "وزارت ألمانيا وفود عدة، وقال وزير الداخلية الألماني توماس دي ميزير إن الحدود "
        "ستبقى مفتوحة، مشيرا إلى أن التدقيق الأمني سيزداد."
    )
    assert claim_with(claims, "التدقيق الأمني")[0] == ("توماس دي ميزير",)


# a definite head alone is the organisation speaking before --------------------------------


@pytest.mark.parametrize("verb", ["كما أشارت", "وأضافت", "وأضـافت", "وأضافَت"])
def test_head_alone_is_the_paper_speaking_before(verb: str) -> None:
    claims = said(
        "نشرت صحيفة الغارديان تحقيقا عن الهجوم. "
        "وقالت صحيفة نيويورك تايمز إن التحقيقات ما زالت في بدايتها. "
        f"{verb} الصحيفة إلى أن السلطات اعتقلت ثلاثة مشتبه بهم في العاصمة."
    )
    speakers, status, _text = claim_with(claims, "اعتقلت ثلاثة")
    assert status == "resolved"
    assert len(speakers) == 1 and "نيويورك تايمز" in speakers[0]


def test_head_alone_is_not_a_person_speaking_before() -> None:
    claims = said(
        "نشرت صحيفة الغارديان تحقيقا عن الهجوم. "
        "وقال وزير الداخلية خالد العمري إن التحقيقات ما زالت في بدايتها. "
        "وأضافت الصحيفة أن السلطات اعتقلت ثلاثة مشتبه بهم في العاصمة."
    )
    assert "خالد العمري" not in claim_with(claims, "اعتقلت ثلاثة")[0]


# «معلقا» after a cue is no subject -----------------------------------------------------------


@pytest.mark.parametrize("commenting", ["معلقا", "معلقًا", "معلّقاً", "معلـقا"])
def test_commenting_participle_leaves_the_subject_before(commenting: str) -> None:
    claims = said(
        "عقدت الحكومة اجتماعا طارئا أمس لبحث الأزمة. "
        "يوسف الحداد، عضو «الهيئة الوطنية للحوار» المستقل، قال لـ«الحياة» "
        f"{commenting}، إن الاجتماع لم يأت بجديد يذكر للمواطنين."
    )
    assert claim_with(claims, "لم يأت بجديد")[:2] == (("يوسف الحداد",), "resolved")


# a spokesperson's title stands only for a spokesperson -------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "وقال المتحدث باسم البيت الأبيض",
        "وقال الناطق باسم البيت الأبيض",
        "وقال المتحدّث باسم البيت الأبيض",
    ],
)
def test_spokesperson_title_is_not_the_president(title: str) -> None:
    claims = said(
        "وقع الرئيس الأمريكي باراك أوباما قرارا جديدا بشأن المعتقلين أمس. "
        f"{title}: «لقد حققنا تقدما كبيرا في هذا الملف خلال العام»."
    )
    assert "باراك أوباما" not in claim_with(claims, "حققنا تقدما")[0]


def test_spokesperson_title_is_the_spokesperson_named_before() -> None:
    claims = said(
        "وقع الرئيس الأمريكي باراك أوباما قرارا جديدا بشأن المعتقلين أمس، وأعلن المتحدث "
        "باسم البيت الأبيض جوش إرنست تفاصيله. "
        "وقال المتحدث باسم البيت الأبيض: «لقد حققنا تقدما كبيرا في هذا الملف خلال العام»."
    )
    assert claim_with(claims, "حققنا تقدما")[0] == ("جوش إرنست",)


# the source of «نقلت X عن Y قوله» goes on speaking -----------------------------------------

_RELAYED = (
    "وقال وزير الخارجية محمد جواد ظريف إن المحادثات كانت مثمرة وبناءة. "
    "كما نقلت وكالات أنباء محلية عن نائب الوزير عباس عراقجي قوله: إن «أمن المنطقة واحد لا "
    "يتجزأ»"
)


@pytest.mark.parametrize("participle", ["مشددا على", "مشدّداً على", "مؤكدا", "مشـددا على"])
def test_relayed_source_goes_on_speaking(participle: str) -> None:
    claims = said(f"{_RELAYED}، {participle} «أهمية الحوار بين دول الجوار في كل الملفات».")
    assert claim_with(claims, "الحوار بين دول الجوار")[:2] == (("عباس عراقجي",), "resolved")


def test_relayed_source_speaks_in_the_next_sentence() -> None:
    claims = said(f"{_RELAYED}. وأضاف أن الحوار بين دول الجوار ضروري في كل الملفات.")
    assert claim_with(claims, "الحوار بين دول الجوار")[:2] == (("عباس عراقجي",), "resolved")
