"""Statements read in unseen12's errors (issue 11, claims15) and kept because unseen3–11 (not
read this round) did not get worse; with the review fixes (fix14c).

- ``تقول إيران، إن …``: a country as the subject of a speech verb speaks also when a comma
  stands between it and the complementiser (the claim was left without a speaker) — not
  before a conditional «إن هي/لم …» ("وحذر إسرائيل، إن هي هاجمت …": the country is the
  object; ``conditional_openers.tsv``).
- A verb that reads like a noun inside a clause («بلاده ترفض وصف …») does not cut what was
  said below three words; one that opens its own statement («إنه يرى أن …»، «إنها ردت بأن
  …») does, so only the inner statement is a claim.
- «وأكد حدوث التفجير …»: an indefinite verbal noun before a definite one is the verb's object,
  and the running speaker goes on; an organisation rasd does not name («جهاز الأمن الوطني»،
  «شرطة المحافظة») is a subject and breaks the running report.
- A subject after an adverb or a day («وقال أمس وزير …»، «وأوضح آنذاك مسؤول …») speaks when
  what was said follows it; after «وطالب كذلك الحكومة …»، «ودعا أيضا الرئيس … إلى» the one
  named is the verb's object.
- The person right before «بالقول» owns the words when they are the subject of the verb
  opening the clause («اكتفى رئيس الوزراء X بالقول»), not when a preposition stands before
  them («ورد أردوغان على … نتنياهو بالقول»); before «قوله/تأكيده» only after a verb that
  renews (``renewal_verbs.tsv``: «جدد X تأكيده»; «رفض X قوله» is someone else's words).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "ويحتجز المعتقلون دون محاكمة في إجراء تقول إيران، إنه ضروري لحماية أمنها الداخلي.",
            "إيران",
            "ضروري لحماية",
        ),
        (
            "وقالت تركيا، إن طائراتها قصفت مواقع المسلحين قرب الحدود أمس.",
            "تركيا",
            "طائراتها قصفت",
        ),
    ],
)
def test_country_then_comma_then_complementiser_speaks(text: str, speaker: str, words: str) -> None:
    speakers, status, _text = claim_with(said(text), words)
    assert (speakers, status) == ((speaker,), "resolved")


def test_noun_like_cue_inside_the_clause_does_not_drop_it() -> None:
    claims = said(
        "وقال الوزير خالد العطية إن بلاده ترفض وصف جماعة الإخوان المسلمين بالجماعة الإرهابية."
    )
    speakers, status, text = claim_with(claims, "بلاده ترفض")
    assert "بالجماعة الإرهابية" in text
    assert (speakers, status) == (("خالد العطية",), "resolved")


def test_verbal_noun_object_keeps_the_running_speaker() -> None:
    claims = said(
        "وقال المتحدث باسم الشرطة أحمد سالم إن المسلحين هاجموا المركز فجر اليوم. "
        "وأكد حدوث الانفجار قرب البوابة الرئيسية، مبينا أن التحقيقات ما زالت مستمرة."
    )
    assert claim_with(claims, "التحقيقات ما زالت")[:2] == (("أحمد سالم",), "resolved")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال أمس وزير الخارجية الأردني ناصر جودة إن الحدود آمنة تماما.", "ناصر جودة"),
        (
            "وأوضح آنذاك مسؤول في وزارة الزراعة أن القطاع الزراعي دمره النزاع.",
            "مسؤول في وزارة الزراعة",
        ),
        ("وقال أيضا مسؤول أمني إن الهجوم فشل تماما.", "مسؤول أمني"),
        ("وأكد الثلاثاء مصدر عسكري أن القوات تقدمت نحو المدينة.", "مصدر عسكري"),
    ],
)
def test_subject_after_an_adverb(text: str, speaker: str) -> None:
    [(speakers, status, _text)] = said(text)
    assert (speakers, status) == ((speaker,), "resolved")


def test_person_right_before_bil_qawl_owns_it() -> None:
    claims = said(
        "قال الرئيس باراك أوباما إن الاتفاق مهم جدا للبلاد. وردا على سؤال عن الاتفاق، اكتفى "
        "رئيس الوزراء أحمد داود أوغلو بالقول إنه قرار اتخذ لما فيه مصلحة البلاد."
    )
    assert claim_with(claims, "قرار اتخذ")[:2] == (("أحمد داود أوغلو",), "resolved")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وحذر إسرائيل، إن هي هاجمت لبنان، من رد قاس لا تتوقعه.", "إسرائيل"),
        ("وهدد إيران، إن لم تلتزم بالاتفاق، بعقوبات جديدة وقاسية.", "إيران"),
    ],
)
def test_country_before_a_conditional_in_does_not_speak(text: str, speaker: str) -> None:
    assert all(speaker not in speakers for speakers, _status, _text in said(text))


@pytest.mark.parametrize(
    ("text", "speaker", "inner"),
    [
        (
            "وقال المحلل السياسي أحمد سالم إنه يرى أن الانتخابات ستؤجل مرة أخرى.",
            "أحمد سالم",
            "الانتخابات ستؤجل مرة أخرى",
        ),
        (
            "وقالت الوزيرة هند صبري إنها ردت بأن الحكومة لن تتراجع عن قرارها.",
            "هند صبري",
            "الحكومة لن تتراجع عن قرارها",
        ),
    ],
)
def test_inner_cue_with_its_own_statement_is_not_widened(
    text: str, speaker: str, inner: str
) -> None:
    assert said(text) == [((speaker,), "resolved", inner)]


@pytest.mark.parametrize(
    "organisation",
    ["وأعلن جهاز الأمن الوطني اعتقال ثلاثة مشتبهين.", "وأعلنت شرطة المحافظة اعتقال ثلاثة مشتبهين."],
)
def test_unnamed_organisation_is_no_verbal_noun_object(organisation: str) -> None:
    claims = said(
        "وقال وزير الداخلية أحمد سالم إن الوضع الأمني مستقر تماما. "
        + organisation
        + " وقال إن التحقيقات مستمرة حتى الآن."
    )
    assert claim_with(claims, "التحقيقات مستمرة")[:2] == ((), "unresolved")


@pytest.mark.parametrize(
    ("second", "words"),
    [
        ("وطالب كذلك الحكومة العراقية بحماية المدنيين في المدن.", "حماية المدنيين"),
        ("ودعا أيضا الرئيس السوري بشار الأسد إلى التنحي عن السلطة فورا.", "التنحي عن"),
        ("واتهم أيضا الرئيس الروسي فلاديمير بوتين بدعم الانفصاليين في الشرق.", "الانفصاليين"),
    ],
)
def test_object_after_an_adverb_is_no_subject(second: str, words: str) -> None:
    claims = said("وقال الرئيس الأمريكي باراك أوباما إن الوضع في المنطقة خطير جدا. " + second)
    assert all(speakers == ("باراك أوباما",) for speakers, _status, text in claims if words in text)


@pytest.mark.parametrize(
    "text",
    [
        "وقال الرئيس الأمريكي باراك أوباما إن الاتفاق مهم. ورد أردوغان على رئيس الوزراء "
        "الإسرائيلي بنيامين نتنياهو بالقول إن إسرائيل دولة إرهابية.",
    ],
)
def test_person_answered_before_bil_qawl_does_not_own_it(text: str) -> None:
    speakers, _status, _text = claim_with(said(text), "دولة إرهابية")
    assert "بنيامين نتنياهو" not in speakers


def test_person_who_rejects_the_words_does_not_own_them() -> None:
    claims = said(
        "وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن المفاوضات متوقفة. ورفض الرئيس "
        "الفلسطيني محمود عباس قوله إن الدولة الفلسطينية مستحيلة."
    )
    speakers, _status, _text = claim_with(claims, "مستحيلة")
    assert "محمود عباس" not in speakers


def test_person_who_renews_the_words_owns_them() -> None:
    claims = said(
        "وقال وزير الخارجية أحمد سالم إن المفاوضات متوقفة. وكرر الرئيس الفلسطيني محمود عباس "
        "تأكيده أن الدولة الفلسطينية قادمة لا محالة."
    )
    assert claim_with(claims, "قادمة")[:2] == (("محمود عباس",), "resolved")
