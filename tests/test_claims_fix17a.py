"""Review fixes of claims18 (fix17a, issue 11): two rules a read-only review found wrong.

- «جاء ذلك …» names the speaker of what came before only in the slot the construction gives
  the speaker — «على لسان X», «في كلمة ألقاها X» / «أدلى بها X», «في بيان لـX» — and only when
  the next subject-less verb agrees with X in gender; a person detained, answered or honoured
  further on («بشأن اعتقال الناشط X»، «ردا على الوزير X»، «خلال تكريم اللاعب X») is no speaker.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import said

LEAD = "دعت الحكومة المجتمع الدولي إلى تقديم المساعدات العاجلة للاجئين في المنطقة. "


def speaker_of(claims: list, words: str) -> tuple[str, ...]:
    """The speakers of the claim containing ``words`` (none when no claim contains them)."""
    hits = [c for c in claims if words in c[2]]
    assert len(hits) <= 1
    return hits[0][0] if hits else ()


# «جاء ذلك …»: only the speaker's slot ------------------------------------------------------


@pytest.mark.parametrize(
    ("recap", "follow", "wrong"),
    [
        (
            "جاء ذلك في بيان صادر عن منظمة العفو الدولية بشأن اعتقال الناشط محمد القحطاني.",
            "وأكدت أن الاعتقال تعسفي ويخالف القوانين الدولية والاتفاقيات الموقعة.",
            "محمد القحطاني",
        ),
        (
            "جاء ذلك في بيان لوزارة الخارجية ردا على وزير الخارجية الإيراني محمد جواد ظريف.",
            "وأضافت أن إيران تدعم الإرهاب في المنطقة منذ سنوات طويلة.",
            "محمد جواد ظريف",
        ),
        (
            "جاء ذلك في كلمة خلال تكريم اللاعب سالم الدوسري.",
            "وأكد أن النادي سيواصل دعم اللاعبين الشباب في المواسم المقبلة.",
            "سالم الدوسري",
        ),
        (
            "وجاء ذلك في تصريح حول اعتقال الناشط محمد القحطاني.",
            "وأوضح أن الاعتقال تعسفي ويخالف القوانين الدولية والاتفاقيات الموقعة.",
            "محمد القحطاني",
        ),
        (
            "فجاءَ ذلك في كلمة ألقاها ضد الوزير خالد العمري.",
            "وأوضح أن الاعتقال تعسفي ويخالف القوانين الدولية والاتفاقيات الموقعة.",
            "خالد العمري",
        ),
    ],
)
def test_recap_names_no_one_outside_the_speaker_slot(recap: str, follow: str, wrong: str) -> None:
    claims = said(LEAD + recap + " " + follow)
    assert wrong not in speaker_of(claims, follow.split(" أن ")[1][:12])


@pytest.mark.parametrize(
    ("recap", "verb"),
    [
        ("جاء ذلك في كلمة ألقاها الوزير خالد العمري أمام المجلس.", "وأضافت"),
        ("جاء ذلك في تصريح أدلى به الوزير خالد العمري للصحفيين.", "وأضافت"),
        ("جاء ذلك على لسان السفيرة نور الهدى صالح.", "وأضاف"),
        ("جاء ذلك في كلمة ألقتها السفيرة نور الهدى صالح أمام المجلس.", "وأضاف"),
    ],
)
def test_recap_speaker_must_agree_in_gender(recap: str, verb: str) -> None:
    claims = said(LEAD + f"{recap} {verb} أن إيران تدعم الإرهاب في المنطقة منذ سنوات طويلة.")
    speakers = speaker_of(claims, "إيران تدعم")
    assert "خالد العمري" not in speakers
    assert "نور الهدى صالح" not in speakers


def test_a_masculine_title_leaves_the_gender_open() -> None:
    """A masculine title is written of women too: «المندوب الدائم … X. وأوضحت أن» is X's."""
    claims = said(
        LEAD + "جاء ذلك على لسان المندوب الدائم لدى الأمم المتحدة السفيرة نور الهدى صالح. "
        "وأوضحت أنه يجب على الدول الكبرى تحمل مسؤولياتها تجاه الأزمة الإنسانية."
    )
    assert speaker_of(claims, "الدول الكبرى") == ("نور الهدى صالح",)


@pytest.mark.parametrize(
    "recap",
    [
        "جاء ذلك على لسان المتحدث باسم الوزارة اللواء منصور التركي.",
        "وجاء ذلك على لسان اللواء منصور التركي.",
        "جاء ذلك في كلمة ألقاها اللواء منصور التركي أمام المجلس.",
        "جاء ذلك في تصريح أدلى به اللواء منصور التركي للصحفيين.",
        "جاء ذلك خلال كلمة للمتحدث باسم الوزارة اللواء منصور التركي في المؤتمر.",
        "جـاء ذلك على لسـان اللواء منصور التركي.",
    ],
)
def test_recap_in_the_speaker_slot_still_names_him(recap: str) -> None:
    claims = said(LEAD + recap + " وأوضح أن الأمن مستتب في جميع المدن والمحافظات.")
    assert speaker_of(claims, "الأمن مستتب") == ("منصور التركي",)


def test_a_word_ending_like_the_recap_verb_is_none() -> None:
    """«رجاء ذلك»: not «جاء» with a clitic (only و/ف are stripped)."""
    claims = said(
        LEAD + "رجاء ذلك على لسان اللواء منصور التركي. وأوضح أن الأمن مستتب في جميع المدن."
    )
    assert speaker_of(claims, "الأمن مستتب") != ("منصور التركي",)
