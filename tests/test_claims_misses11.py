"""Statements rasd missed on unseen news (issue 11, claims11): constructions read in unseen8's
errors, each kept only when unseen3–7 (not read this round) did not get worse.

- ``وبحسب الحصيلة، فإن …``، ``وبحسب إحصائية «يونامي» فإن …``: a fronted "according to"
  phrase whose source is followed by فإن; what follows فإن is what the source says.  A source
  rasd cannot name leaves the claim without a speaker (``unresolved``), never a guess.
- Participles that carry what was said after a named speaker (rows of speech_cues.tsv):
  مستشهداً، متمنياً، متوعداً/متوعدة، مديناً، مرجحاً/مرجحة، مبدياً/مبدية، داعين، مضيفين.

One test guards a limit and passes before the change too (a "بحسب" closing its sentence
still takes the clause before it).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said


def test_according_to_an_unnamed_tally_then_fa_inna_is_an_open_claim() -> None:
    claims = said("وبحسب الحصيلة النهائية، فإن 300 شخص نزحوا من القرية خلال الأسبوع الماضي.")
    speakers, status, text = claim_with(claims, "نزحوا من القرية")
    assert (speakers, status) == ((), "unresolved")
    assert text.startswith("300 شخص")


def test_according_to_a_named_source_then_fa_inna_is_its_claim() -> None:
    claims = said(
        "وقال الطبيب إن المستشفى امتلأ. وبحسب وزارة الصحة العراقية، فإن عدد الجرحى بلغ 120 "
        "شخصا في المدينة."
    )
    speakers, status, text = claim_with(claims, "عدد الجرحى بلغ")
    assert (speakers, status) == (("وزارة الصحة العراقية",), "resolved")
    assert text.startswith("عدد الجرحى")


@pytest.mark.parametrize(
    "sentence",
    [
        "ووفقا لذلك، فإن الحكومة ستخفض الضرائب على الشركات الصغيرة في العام المقبل.",
        "وبحسب القانون، فإن المتهم يواجه عقوبة السجن مدة لا تقل عن عشر سنوات.",
        "وطبقا للاتفاق فإن القوات ستنسحب من المدينة خلال الأسابيع الثلاثة المقبلة.",
    ],
)
def test_according_to_a_phrase_that_names_no_source_makes_no_claim(sentence: str) -> None:
    # "accordingly", "under the law", "under the agreement": no source says what follows
    assert said(sentence) == []


def test_according_to_closing_a_sentence_still_takes_the_clause_before() -> None:
    claims = said("قتل 30 شخصا في هجوم على سوق المدينة أمس، بحسب مصادر أمنية.")
    speakers, _status, text = claim_with(claims, "قتل 30 شخصا")
    assert speakers == ("مصادر أمنية",)
    assert "بحسب" not in text


def test_a_participle_of_likelihood_carries_what_the_speaker_said() -> None:
    claims = said(
        "وقال وزير الداخلية أحمد الخالدي إن الأجهزة الأمنية تلاحق المهاجمين، مرجحاً أن يكون "
        "المهاجم قد فر إلى الجبال المجاورة."
    )
    speakers, status, text = claim_with(claims, "فر إلى الجبال")
    assert (speakers, status) == (("أحمد الخالدي",), "resolved")
    assert text.startswith("يكون المهاجم")  # its own claim, not the end of the one before


def test_a_participle_of_citing_carries_what_the_speaker_said() -> None:
    claims = said(
        "وأكد وزير الداخلية أحمد الخالدي أن الأمن مستتب في البلاد، مستشهداً بالإنجاز الذي "
        "حققته قوات الأمن في العام الماضي."
    )
    speakers, status, text = claim_with(claims, "حققته قوات الأمن")
    assert (speakers, status) == (("أحمد الخالدي",), "resolved")
    assert text.startswith("بالإنجاز")


def test_a_feminine_participle_of_threat_carries_what_the_speaker_said() -> None:
    claims = said(
        "وقالت وزيرة العدل ليلى حداد إن المسلحين سيحاسبون، متوعدةً المتورطين بعقوبات صارمة "
        "أمام القضاء في الأيام المقبلة."
    )
    speakers, status, text = claim_with(claims, "بعقوبات صارمة")
    assert (speakers, status) == (("ليلى حداد",), "resolved")
    assert text.startswith("المتورطين")
