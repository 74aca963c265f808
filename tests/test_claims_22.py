"""Statements found in claims22 (issue 11): a verbal noun with its speaker right after it
(«بعد إعلان وزارة الداخلية أن …»، «ردا على تأكيد أوباما أن …»، «اتهام حركة X الحكومة بـ…»),
a class of statements rasd did not find on every spent corpus (``bench/miss_classes.py``:
the noun cues إعلان، تأكيد، اتهام، دعوة، مطالبة); and a quantity with any definite noun as
the subject of a speech verb («استنكر عدد من المثقفين والمثقفات حادثة …»، «وأدان بعض …»),
a group rasd did not read as a speaker unless the noun was a source noun.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import said

from rasd.extract.folding import TATWEEL

# a verbal noun whose genitive is the speaker ----------------------------------------------


@pytest.mark.parametrize(
    "noun",
    [
        "إعلان",
        "اعلان",
        "إِعْلَان",
        f"إعـ{TATWEEL}لان",
        "تأكيد",
        "تاكيد",
        "تأكِيد",
    ],
)
def test_a_verbal_noun_with_its_speaker_after_it(noun: str) -> None:
    claims = said(
        f"وجاء ذلك بعد {noun} وزارة الداخلية أن القوات ستواصل ملاحقة الخلايا في الأحياء الشمالية."
    )
    hit = [c for c in claims if c[2].startswith("القوات ستواصل")]
    assert hit and hit[0][0] == ("وزارة الداخلية",) and hit[0][1] == "resolved"


@pytest.mark.parametrize("noun", ["وإعلان", "وبإعلان", "لإعلان", "فإعلان", "وتأكيد"])
def test_a_verbal_noun_with_clitics(noun: str) -> None:
    claims = said(
        f"ارتفعت أسعار النفط أمس {noun} وزارة الداخلية أن القوات ستواصل ملاحقة الخلايا في "
        "الأحياء الشمالية."
    )
    hit = [c for c in claims if c[2].startswith("القوات ستواصل")]
    assert hit and hit[0][0] == ("وزارة الداخلية",)


def test_a_verbal_noun_with_a_person_and_a_phrase_before_the_complementiser() -> None:
    claims = said(
        "وردّ الوزير ردا على تأكيد الرئيس الأمريكي باراك أوباما في خطابه أن البديل للاتفاق "
        "سيكون حربا جديدة في المنطقة."
    )
    hit = [c for c in claims if c[2].startswith("البديل للاتفاق")]
    assert hit and hit[0][0] == ("باراك أوباما",)


def test_an_accusation_with_its_object() -> None:
    claims = said(
        "وتوترت الأجواء في البرلمان بعد اتهام حركة النهضة الحكومة بالتقصير في حماية المواطنين "
        "خلال الأشهر الماضية."
    )
    hit = [c for c in claims if "بالتقصير في حماية" in c[2]]
    assert hit and hit[0][0] == ("حركة النهضة",)


@pytest.mark.parametrize(
    "text",
    [
        "وبعد الإعلان عن النتائج خرج السكان إلى الشوارع في الأحياء الشمالية.",
        "وأثار إعلان الهدنة ارتياحا واسعا بين السكان في الأحياء الشمالية للمدينة.",
        "وتأكيد الخبر يحتاج إلى وقت طويل في ظل انقطاع الاتصالات عن الأحياء الشمالية.",
    ],
)
def test_a_verbal_noun_with_no_speaker_after_it_says_nothing(text: str) -> None:
    assert said(text) == []


@pytest.mark.parametrize("noun", ["واتهام", "اتهام", "واتّهام"])
def test_the_accused_after_an_accusation_is_no_speaker(noun: str) -> None:
    claims = said(
        f"ومع اشتداد القتال {noun} حركة النهضة بقتل أحد الشبان على الحدود خرج السكان إلى الشوارع."
    )
    assert not [c for c in claims if c[0] == ("حركة النهضة",)]


def test_a_verbal_noun_opening_what_was_said_is_part_of_it() -> None:
    claims = said(
        "وقال المحلل السياسي سامر الخطيب: إن دعوة وزارة الداخلية لحظر التجول في الأحياء "
        "الشمالية لا يمكن أن تنجح."
    )
    hit = [c for c in claims if c[2].startswith("دعوة وزارة")]
    assert hit and hit[0][0] == ("سامر الخطيب",)
    assert not [c for c in claims if c[0] == ("وزارة الداخلية",)]


@pytest.mark.parametrize("verb", ["وجاءت", "وجاء"])
def test_a_recapped_verbal_noun_says_nothing(verb: str) -> None:
    claims = said(
        f"{verb} دعوة وزارة الداخلية فيما يسعى السكان إلى العودة إلى منازلهم في الأحياء الشمالية."
    )
    assert not [c for c in claims if c[0] == ("وزارة الداخلية",)]


def test_a_verbal_noun_sets_no_running_speaker() -> None:
    claims = said(
        "وقال المحلل السياسي سامر الخطيب إن الحصار سيستمر طويلا في الأحياء الشمالية بعد إعلان "
        "وزارة الداخلية أن القوات ستواصل ملاحقة الخلايا، مشيرا إلى أن السكان يرفضون ذلك."
    )
    later = [c for c in claims if c[2].startswith("السكان يرفضون")]
    assert later and later[0][0] == ("سامر الخطيب",)


# a quantity and any definite plural noun as the subject of a speech verb -----------------


@pytest.mark.parametrize(
    ("verb", "quantity"),
    [
        ("استنكر", "عدد من"),
        ("واستنكر", "عدد من"),
        ("وأدان", "بعض"),
        ("وأدان", "عدد من"),
        ("واستـنكر", "عدد من"),
    ],
)
def test_a_quantity_of_any_noun_speaks(verb: str, quantity: str) -> None:
    claims = said(f"{verb} {quantity} المثقفين والمثقفات حادثة التفجير الإرهابي في مسجد الحي.")
    hit = [c for c in claims if c[2].startswith("حادثة التفجير")]
    assert hit and hit[0][1] == "resolved" and "المثقفين" in hit[0][0][0]


@pytest.mark.parametrize(
    "text",
    [
        "وحضر السكان إلى المسجد وذكروا عدد الضحايا الذين سقطوا في الحي الشمالي أمس.",
        "وأشاد الوزير بجهود رجال الأمن التي أسفرت عن كشف عدد من الأوكار التي يستخدمها المسلحون.",
    ],
)
def test_a_count_or_an_object_is_no_group_speaking(text: str) -> None:
    claims = said(text)
    assert not [c for c in claims if c[0] and c[0][0].startswith("عدد")]


def test_a_verbal_noun_framed_by_according_to_is_no_statement_of_its_own() -> None:
    claims = said(
        "وسيضم التحالف بحسب دعوة وزارة الداخلية أربع مدن كبرى في الشمال والجنوب والشرق والغرب."
    )
    assert not [c for c in claims if c[2].startswith("أربع مدن")]


def test_a_title_read_as_someone_before_that_goes_on_is_no_speaker() -> None:
    claims = said(
        "وقال المحافظ سامر الخطيب إن المدينة آمنة. وأيد المجلس المحلي، مطالبة المحافظ المقال "
        "أثيل النجيفي، بتدويل قضية المدينة بعد مقتل العشرات من سكانها."
    )
    assert not [c for c in claims if c[0] == ("سامر الخطيب",) and "بتدويل" in c[2]]


# «كما» + a verb with its content after it: "also said" -------------------------------------


@pytest.mark.parametrize(
    ("kama", "verb"), [("كما", "قال"), ("كما", "أكد"), ("وكما", "قال"), ("كمـا", "أكّد")]
)
def test_kama_and_a_verb_with_content_after_it_is_also_said(kama: str, verb: str) -> None:
    claims = said(
        f"ودخلت القوات المدينة صباح أمس بعد معارك طويلة، {kama} {verb} الوزير سامر الخطيب إن "
        "الحصار سيستمر طويلا في الأحياء الشمالية."
    )
    hit = [c for c in claims if c[2].startswith("الحصار سيستمر")]
    assert hit and hit[0][0] == ("سامر الخطيب",)


def test_kama_and_a_verb_with_nothing_after_it_frames_the_clause_before() -> None:
    claims = said("ودخلت القوات المدينة صباح أمس بعد معارك طويلة، كما ذكرت مصادر رسمية.")
    assert [c for c in claims if c[2].startswith("ودخلت القوات")]


# interview answers with the bullet «•» ----------------------------------------------------

INTRO = (
    "التقت الصحيفة رئيس المجلس المحلي سعيد الغامدي في مكتبه، وتحدث سعيد الغامدي عن "
    "الأوضاع في المدينة. فإلى تفاصيل الحوار:\n"
)


@pytest.mark.parametrize(("question", "answer"), [("•", "••"), ("●", "••")])
def test_an_interview_answer_after_a_bullet_pair(question: str, answer: str) -> None:
    text = (
        INTRO + f"{question} ما هو تقييمكم لعمل البلدية هذا العام؟\n"
        f"{answer} العمل في البلدية تحسن كثيرا لكن الميزانية ما زالت قليلة.\n"
        f"{question} وماذا عن الطرق؟\n"
        f"{answer} الطرق تحتاج إلى صيانة عاجلة قبل موسم الأمطار.\n"
    )
    claims = said(text)
    for words in ("العمل في البلدية", "الطرق تحتاج"):
        [hit] = [c for c in claims if c[2].startswith(words)]
        assert hit[:2] == (("سعيد الغامدي",), "resolved")


def test_a_bullet_list_after_a_question_in_a_report_is_no_answer() -> None:
    text = (
        "لماذا ترتفع الأسعار في الصيف؟\n•• لأن الطلب على السلع يزيد مع قدوم الزوار إلى المدينة.\n"
    )
    assert said(text) == []


def test_a_person_a_question_asks_about_is_no_interviewee() -> None:
    text = (
        "وقال ممثل المجلس المحلي في حواره مع الصحيفة إن الأوضاع في المدينة تتحسن ببطء، "
        "وأضاف أن تعيين الحكومة للمهندس فهد العتيبي أمر جيد، فيما رحب به سامر الخطيب.\n"
        "• كيف تقرأ تعيين فهد العتيبي مديرا للبلدية؟\n"
        "•• العمل في البلدية تحسن كثيرا لكن الميزانية ما زالت قليلة.\n"
        "• وماذا عن الطرق؟\n"
        "•• الطرق تحتاج إلى صيانة عاجلة قبل موسم الأمطار.\n"
    )
    claims = said(text)
    assert not [c for c in claims if c[0] == ("فهد العتيبي",)]
