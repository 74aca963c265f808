"""Claims on news the project was not tuned on (issue 11): attribution cues and their forms,
the speaker after an addressee or a title, family names, quoted organisations, and claims
whose speaker cannot be identified (left open, never guessed)."""

from __future__ import annotations

import pytest
from conftest import said
from rdflib import RDF

from rasd.extract.pipeline import extract_article
from rasd.extract.reader import parse_record
from rasd.extract.records import Extraction
from rasd.extract.resolve import resolve
from rasd.graph.build import build_dataset
from rasd.graph.vocab import RASD, SCHEMA


def run(text: str) -> Extraction:
    return extract_article(parse_record({"content": text}, "claims-test"))


def test_the_addressee_is_skipped_and_the_titled_name_speaks() -> None:
    text = (
        "وكان المتهم فهد القحطاني قد فر. "
        'وقال لـ"الاقتصادية" اللواء منصور التركي المتحدث الأمني باسم وزارة الداخلية، إن '
        "منفذ العملية سبق استيقافه في مطلع العام."
    )
    [(speakers, status, claim)] = said(text)
    assert speakers == ("منصور التركي",) and status == "resolved"
    assert claim.startswith("منفذ العملية")


def test_a_family_name_after_a_title_is_the_person_not_a_nisba() -> None:
    text = (
        "وقال اللواء منصور التركي إن التحقيقات مستمرة مع الموقوفين. "
        "وذكر اللواء التركي، أن «الحادث الإرهابي لا يزال محل متابعة الجهات الأمنية»."
    )
    claims = said(text)
    assert [c[0] for c in claims] == [("منصور التركي",), ("منصور التركي",)]
    assert claims[1][2].startswith("الحادث الإرهابي")


def test_a_quoted_agency_is_the_speaker_not_the_claim() -> None:
    text = (
        "قال المرصد السوري لحقوق الإنسان إن 18 شخصا قتلوا في القصف. "
        "وقال «مكتب أخبار سوريا» إن المعارضة المسلحة استعادت السيطرة على التلة."
    )
    claims = said(text)
    assert claims[-1][0] == ("مكتب أخبار سوريا",)
    assert claims[-1][2].startswith("المعارضة المسلحة استعادت")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "وقال عضو الهيئة السياسية في الائتلاف أحمد رمضان لـ«الشرق الأوسط» إنّه تم "
            "التباحث في استعدادات الائتلاف للمرحلة المقبلة.",
            "أحمد رمضان",
        ),
        (
            'وكشف لـ"الوطن" مدير الإدارة العامة للأوقاف والمساجد بمحافظة جدة علي الشمراني أن '
            "الوزارة شرعت في وضع كثير من الخطط.",
            "علي الشمراني",
        ),
        (
            "وقال المتحدث باسم وزارة الخارجية التركية تانجو بيليتش إن الاتفاق يختص فقط بقتال "
            "تنظيم داعش.",
            "تانجو بيليتش",
        ),
        (
            'وقال رئيس تحرير جريدة "الشروق" اليومية، نور الدين بالطيب، إن الحزب الحاكم مطالب '
            "بموقف واضح من التصريحات.",
            "نور الدين بالطيب",
        ),
    ],
)
def test_the_name_after_a_long_title_speaks(text: str, speaker: str) -> None:
    [(speakers, _status, _claim)] = said(text)
    assert speakers == (speaker,)


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("وأبان أن الخطة تشمل مراقبة المساجد بالكاميرات.", "الخطة تشمل"),
        ("وبيّن أن الوزارة تحدد موضوع الخطبة كل أسبوع.", "الوزارة تحدد"),
        ("ولفت إلى أن التنظيم يستغل الشباب في الدعاية.", "التنظيم يستغل"),
        ("وشدد على ضرورة التركيز على دور المساجد في التوعية.", "ضرورة التركيز"),
        ("معرباً عن أمله في أن تنتهي الأزمة قريباً دون خسائر.", "أمله في"),
        ("مبيناً أن عدد الموقوفين بلغ 431 شخصاً حتى الآن.", "عدد الموقوفين"),
        ("وأوضحا أن الاجتماع يمثل رسالة واضحة إلى الطرف الآخر.", "الاجتماع يمثل"),
        ("ولم يستبعد أن تشهد المنطقة عمليات جديدة خلال الأيام المقبلة.", "تشهد المنطقة"),
    ],
)
def test_attribution_cues_and_their_forms(sentence: str, start: str) -> None:
    text = "وقال وزير الخارجية عادل الجبير إن المملكة تدعم الحل السياسي في سوريا. " + sentence
    claims = said(text)
    assert len(claims) == 2
    speakers, status, claim = claims[1]
    assert speakers == ("عادل الجبير",) and status == "resolved"
    assert claim.startswith(start)


def test_the_author_s_own_voice_is_no_claim() -> None:
    text = "ويذكر أن التنظيم سيطر على المدينة في مايو من العام الماضي."
    assert said(text) == []


def test_a_speaker_that_cannot_be_named_is_left_open() -> None:
    # the subject "مسؤوله الكبير" stands after the verb: the claim is not given to the
    # person named before
    text = (
        "وقال وزير الخارجية عادل الجبير إن المملكة تدعم الحل السياسي في سوريا. "
        "وأكد مسؤوله الكبير أن المفاوضات ستستأنف الأسبوع المقبل في جنيف."
    )
    claims = said(text)
    assert claims[0][0] == ("عادل الجبير",)
    assert claims[1][:2] == ((), "unresolved")
    assert claims[1][2].startswith("المفاوضات ستستأنف")


def test_an_open_speaker_is_in_the_graph_as_unresolved() -> None:
    ex = run("وأكد مسؤوله الكبير أن المفاوضات ستستأنف الأسبوع المقبل في جنيف.")
    ds = build_dataset([ex], resolve([ex]))
    claims = [s for s, _p, _o, _g in ds.quads((None, RDF.type, SCHEMA.Claim, None))]
    assert len(claims) == 1
    assert list(ds.quads((claims[0], SCHEMA.author, None, None))) == []
    status = [str(o) for _s, _p, o, _g in ds.quads((claims[0], RASD.speakerStatus, None, None))]
    assert status == ["unresolved"]


def test_a_verb_without_subject_keeps_the_running_speaker() -> None:
    text = (
        "وقال وزير الخارجية عادل الجبير إن المملكة تدعم الحل السياسي في سوريا. "
        "وأضاف في المؤتمر الصحفي أن الأسد فقد شرعيته منذ سنوات."
    )
    assert [c[0] for c in said(text)] == [("عادل الجبير",), ("عادل الجبير",)]


def test_a_name_after_a_title_that_reads_like_an_earlier_one() -> None:
    # "نائب رئيس" could stand for the president named before; the name after it speaks
    text = (
        "وقال الرئيس الفرنسي السابق نيكولا ساركوزي إن الجزائر في خطر. "
        'كما طالب نائب رئيس تحرير جريدة "الشروق" اليومية، نور الدين بالطيب، الحزب الحاكم في '
        'تونس بإصدار بيان. وقال: "ننتظر بياناً من حزب نداء تونس حول ما صرح به ساركوزي".'
    )
    assert [c[0] for c in said(text)] == [
        ("نيكولا ساركوزي",),
        ("نور الدين بالطيب",),
        ("نور الدين بالطيب",),
    ]


def test_an_honorific_pronoun_is_the_person_the_report_is_about() -> None:
    text = (
        "رفع صاحب السمو الملكي الأمير سعود بن نايف أمير المنطقة الشرقية التعازي لمقام خادم "
        "الحرمين الشريفين الملك سلمان. وقال سموه : هذه آفة من الآفات التي لا تراعي حرمة مكان."
    )
    [(speakers, status, _claim)] = said(text)
    assert speakers == ("سعود بن نايف",) and status == "resolved"


def test_a_statement_is_not_the_person_it_names() -> None:
    text = "وأعلن البيان تعيين الملا محمد أختر منصور أميرا لحركة طالبان."
    [(speakers, _status, claim)] = said(text)
    assert speakers == ("البيان",) and claim.startswith("تعيين الملا")


def test_a_headline_name_and_colon_is_a_statement() -> None:
    text = (
        "الجبير: الأسد فقد شرعيته بعدما قتل 300 ألف سوري\n\n"
        "قال وزير الخارجية عادل الجبير في موسكو إن المملكة تدعم الحل السياسي."
    )
    claims = said(text)
    assert claims[0][0] == ("عادل الجبير",) and claims[0][2].startswith("الأسد فقد شرعيته")


def test_a_clock_time_is_no_headline_statement() -> None:
    assert said("ووقع الانفجار عند الساعة 10:30 صباحا في حي السلام بالمدينة.") == []


def test_according_to_what_an_organisation_announced() -> None:
    text = (
        "ونشرت الولايات المتحدة ست مقاتلات في قاعدة إنجرليك، "
        "وفق ما أعلنت وزارة الدفاع الأمريكية أمس."
    )
    [(speakers, _status, claim)] = said(text)
    assert speakers == ("وزارة الدفاع الأمريكية",)
    assert "ست مقاتلات" in claim


@pytest.mark.parametrize(
    ("sentence", "speaker", "start"),
    [
        ("وأدانت الحكومة العراقية الغارات التركية في شمال العراق.", "الحكومة العراقية", "الغارات"),
        ("ورجح المصدر الأمني انتماءهم إلى مجموعات إرهابية.", "المصدر الأمني", "انتماءهم"),
    ],
)
def test_verbs_whose_object_is_what_was_said(sentence: str, speaker: str, start: str) -> None:
    claims = said(sentence)
    assert claims and claims[0][2].startswith(start)
    assert speaker.split()[-1] in " ".join(claims[0][0]) or claims[0][0] == (speaker,)


def test_a_participle_with_an_object() -> None:
    text = (
        "وقال المرشد الإيراني علي خامنئي إن الاتفاق لن يغير سياسة بلاده، "
        "مؤكداً استمرار بلاده في دعم حلفائها في المنطقة."
    )
    claims = said(text)
    assert [c[0] for c in claims] == [("علي خامنئي",), ("علي خامنئي",)]
    assert claims[1][2].startswith("استمرار بلاده")


def test_a_far_complementiser_starts_the_content() -> None:
    text = (
        "وقال وزير الخارجية الروسي سيرجي لافروف في مستهل محادثاته مع نظيره السعودي في موسكو "
        "أن العلاقات بين البلدين تشهد تطورا كبيرا."
    )
    claims = said(text)
    assert claims[0][0] == ("سيرغي لافروف",)  # the lexicon's label
    assert claims[0][2].startswith("العلاقات بين البلدين")


def test_according_to_a_plan_does_not_cut_a_claim() -> None:
    text = "وقال مدير الإدارة علي الشمراني إن الوزارة تحدد الخطبة حسب الرسالة التي تود إرسالها."
    [(speakers, _status, claim)] = said(text)
    assert speakers == ("علي الشمراني",)
    assert claim.startswith("الوزارة تحدد الخطبة حسب الرسالة")


def test_as_someone_once_said_does_not_take_the_clause_before() -> None:
    text = (
        "رفع الأمير سعود بن نايف أمير المنطقة الشرقية التعازي لأسر الشهداء. "
        "وقال سموه : نعم نحزن ونغضب لكن نعمل، فكما قال الأمير نايف المواطن رجل الأمن الأول."
    )
    claims = said(text)
    assert claims and claims[0][0] == ("سعود بن نايف",)
    assert not any(c[2].startswith("سموه") for c in claims)


def test_the_statement_is_not_the_last_person_named() -> None:
    text = (
        "توفي الملا محمد عمر قبل عامين. "
        "وأعلن البيان تعيين الملا أختر منصور أميرا للحركة خلفا له في قيادتها."
    )
    claims = said(text)
    assert claims and claims[-1][0] != ("محمد عمر",)


def test_news_reports_as_a_source_before_the_verb() -> None:
    text = "وهناك أنباء تحدثت عن خلافات داخل الحركة على خلفية التفاوض مع حكومة كابل."
    [(speakers, _status, claim)] = said(text)
    assert speakers == ("أنباء",) and claim.startswith("خلافات داخل الحركة")


def test_a_one_word_name_opening_the_sentence_speaks() -> None:
    text = (
        "والتقت الصحيفة ثلاث فتيات هن سلمى وهدى. "
        "سلمى التي حاولت الهرب مرتين قالت: إن الحراس كانوا يضربونها كل يوم."
    )
    claims = said(text)
    assert claims and claims[-1][0] == ("سلمى",)


def test_according_to_a_newspaper_does_not_speak_for_the_next_quotes() -> None:
    text = (
        "وروت فتيات تجربتهن المرعبة بحسب صحيفة مترو البريطانية. "
        "وقالت إحداهن إن الحراس كانوا يضربونها كل يوم أمام الجميع."
    )
    claims = said(text)
    assert claims[-1][0] != ("صحيفة مترو البريطانية",)


def test_a_cue_word_inside_a_name_is_no_cue() -> None:
    text = (
        "وقال الخبير الأمني صالح أبو طالب إن المساجد هي الملاذ الأول للأبناء، "
        "مشددا على ضرورة مراقبة المنابر."
    )
    claims = said(text)
    assert [c[0] for c in claims] == [("صالح أبو طالب",), ("صالح أبو طالب",)]
    assert claims[0][2].startswith("المساجد هي الملاذ")


def test_a_given_name_before_a_kunya_and_a_long_title() -> None:
    # the cue طالب (demanded) is not the name's last word, and the expert's title runs over
    # a university's name before the name itself
    text = (
        "وقال مدير الأوقاف علي الزهراني إن الوزارة تراقب الخطب. "
        "إلى ذلك، طالب الخبير الأمني أستاذ علم الاجتماع بجامعة القاهرة سامي أبو طالب "
        "بمراقبة المساجد التي يستغلها المتطرفون، مشددا على أن المساجد حصن للأبناء. "
        'وقال "المتطرفون يستهدفون صغار السن في الأحياء الفقيرة".'
    )
    claims = said(text)
    assert [c[0] for c in claims] == [("علي الزهراني",)] + [("سامي أبو طالب",)] * 3
    assert claims[1][2].startswith("مراقبة المساجد")


def test_a_surname_after_bayyana_is_a_speaker() -> None:
    text = (
        "وقال مدير الأوقاف علي الزهراني إن الوزارة تراقب الخطب. "
        "وبين الزهراني أن الوزارة تسجل الخطب كافة وتعاقب المخالفين."
    )
    claims = said(text)
    assert [c[0] for c in claims] == [("علي الزهراني",), ("علي الزهراني",)]
    assert claims[1][2].startswith("الوزارة تسجل")


def test_the_official_with_two_candidates_is_left_open() -> None:
    # "المسؤول التركي" follows a sentence naming two persons: it is not guessed
    text = (
        "وأوفدت أنقرة أمس نائب وزير الخارجية أحمد يلدز إلى أربيل حيث التقى رئيس الإقليم "
        "مسعود بارزاني. وأكد المسؤول التركي أن أهداف بلاده تتعلق بالقضاء على التنظيم."
    )
    [(speakers, status, claim)] = said(text)
    assert speakers == () and status == "unresolved"
    assert claim.startswith("أهداف بلاده")


def test_a_title_with_a_nationality_is_not_a_person_of_another() -> None:
    # "المسؤول التركي" is an official; the only official named by title is the Kurdish
    # president, so the title does not stand for him
    text = (
        "وأوفدت أنقرة أمس نائب وزير الخارجية أحمد يلدز إلى أربيل حيث التقى رئيس إقليم "
        "كردستان مسعود بارزاني. وحسب بيان للإقليم أكد المسؤول التركي أن أهداف بلاده "
        "تتعلق بالقضاء على التنظيم."
    )
    [(speakers, status, claim)] = said(text)
    assert speakers == () and status == "unresolved"
    assert claim.startswith("أهداف بلاده")


def test_the_official_with_one_candidate_is_that_person() -> None:
    text = (
        "ووصل نائب وزير الخارجية أحمد يلدز إلى أربيل أمس. "
        "وأكد المسؤول التركي أن أهداف بلاده تتعلق بالقضاء على التنظيم."
    )
    [(speakers, status, _claim)] = said(text)
    assert speakers == ("أحمد يلدز",) and status == "resolved"


def test_a_negated_cue_and_whoever_believes_are_no_statements() -> None:
    text = (
        "وقال مصدر أمني إن الوحدات طوقت المنطقة بالكامل. "
        "ولم يذكر المصدر حصيلة هذه العملية حتى الآن. "
        "ويخطئ من يعتقد أن هذه الأعمال ستوقف جهود رجال الأمن."
    )
    claims = said(text)
    assert len(claims) == 1 and claims[0][2].startswith("الوحدات طوقت")


def test_a_quoted_event_name_is_not_what_was_said() -> None:
    text = (
        'قال الوزير وليد المعلم في مؤتمر صحفي على هامش "المؤتمر الدولي لمواجهة الإرهاب"، '
        'الذي عقد في دمشق: إن "الاتفاق" يشكل اعترافا واضحا بمكانة إيران.'
    )
    [(speakers, _status, claim)] = said(text)
    assert speakers == ("وليد المعلم",)
    assert claim.lstrip('"').startswith("الاتفاق")


def test_a_participle_object_with_a_quoted_phrase_keeps_its_start() -> None:
    text = (
        "وقال المرشد علي خامنئي إن الاتفاق لن يغير سياسة بلاده، "
        'مؤكداً استمرار بلاده في "دعم أصدقاء إيران في المنطقة".'
    )
    claims = said(text)
    assert claims[-1][0] == ("علي خامنئي",)
    assert claims[-1][2].startswith("استمرار بلاده")


def test_as_doctors_say_frames_the_clause_before() -> None:
    text = (
        "وكتب الكاتب محمد الحربي أن الطفل يتعلم من أسرته، "
        "الذي يتسع لملايين الخلايا العصبية، كما يقول أطباء الأعصاب، ويكبر شيئا فشيئا."
    )
    claims = said(text)
    framed = [c for c in claims if c[0] == ("أطباء",) or "الخلايا" in c[2]]
    assert framed and all(not c[2].startswith("الأعصاب") for c in framed)
    assert any(c[2].startswith("الذي يتسع") for c in framed)


def test_a_subjectless_verb_after_another_person_is_named_stays_open() -> None:
    # two women speak in turn; after the second is named outside any quote, a bare
    # "وقالت" could be either
    text = (
        "وقالت الناشطة سارة الأحمد إن الحراس كانوا يضربون الفتيات كل يوم. "
        "والتقت الصحيفة أيضا الطالبة هند المالكي في مخيم اللاجئين. "
        "وقالت: إنها كانت تبكي كل يوم لفقدها أسرتها."
    )
    claims = said(text)
    assert claims[0][0] == ("سارة الأحمد",)
    assert claims[-1][0] != ("سارة الأحمد",)


def test_a_running_speaker_continues_when_nobody_else_is_named() -> None:
    text = (
        "وقالت الناشطة سارة الأحمد إن الحراس كانوا يضربون الفتيات كل يوم. "
        "وأضافت أن بعضهن حاولن الهرب أكثر من مرة."
    )
    claims = said(text)
    assert [c[0] for c in claims] == [("سارة الأحمد",), ("سارة الأحمد",)]


def test_a_verb_in_the_first_words_of_a_reported_clause_is_no_new_cue() -> None:
    text = (
        "وقال وزير الخارجية عادل الجبير إن المحادثات كانت مثمرة. "
        "وحول أخطار الإرهاب، أكد الجبير بقوله إن ذلك يهدد كل دول العالم. "
        "وأضاف: «بحثنا سبل التصدي له مع الجانب الروسي»."
    )
    claims = said(text)
    assert [c[0] for c in claims] == [("عادل الجبير",)] * 3
    assert claims[1][2].startswith("ذلك يهدد")


def test_a_weekday_after_a_newspaper_is_not_part_of_its_name() -> None:
    text = "وذكرت صحيفة هآرتس الأحد أن الشرطة اعتقلت ثلاثة مستوطنين بعد الهجوم على القرية."
    [(speakers, _status, claim)] = said(text)
    assert speakers == ("صحيفة هآرتس",)
    assert claim.startswith("الشرطة اعتقلت")


def test_a_government_of_another_nationality_is_another_speaker() -> None:
    text = (
        "وقالت الحكومة التركية إن الضربات تستهدف مواقع المسلحين فقط. "
        "وأعربت حكومة الإقليم عن قلقها من اتساع القتال في الجبال. "
        "بدورها، أدانت الحكومة العراقية القصف التركي على قرى الشمال "
        "ووصفته بأنه «انتهاك خطير للسيادة العراقية»."
    )
    claims = said(text)
    last_two = claims[-2:]
    assert [c[0] for c in last_two] == [("الحكومة العراقية",)] * 2
    assert last_two[0][2].startswith("القصف التركي")
    assert last_two[1][2].startswith("انتهاك خطير")


def test_the_same_source_noun_after_other_persons_is_left_open() -> None:
    text = (
        "وقال مسؤول تركي إن المحادثات مع واشنطن انتهت. "
        "ثم التقى نائب الوزير أحمد يلدز رئيس الإقليم مسعود بارزاني في أربيل. "
        "وأكد المسؤول التركي أن أهداف بلاده تتعلق بالقضاء على التنظيم."
    )
    claims = said(text)
    assert claims[-1][0] == () and claims[-1][1] == "unresolved"


def test_the_same_source_noun_repeats_the_source() -> None:
    text = (
        "وقال مصدر أمني إن الشرطة اعتقلت خالد الزهراني في الرياض. "
        "وأضاف المصدر نفسه أن التحقيقات مع الموقوف ما زالت جارية."
    )
    claims = said(text)
    assert claims[0][0] == claims[1][0] == ("مصدر أمني",)


def test_a_subject_right_before_its_verb_with_an_object_as_content() -> None:
    text = (
        "وأثارت تصريحات الرئيس الفرنسي السابق نيكولا ساركوزي غضبا واسعا. "
        "وكان ساركوزي شكك في مستقبل الجزائر، قائلا: «لا أحد يعرف ما ستؤول إليه الأوضاع هناك»."
    )
    claims = said(text)
    assert [c[0] for c in claims] == [("نيكولا ساركوزي",)] * 2
    assert "مستقبل الجزائر" in claims[0][2]


def test_a_quote_after_a_preposition_is_the_content() -> None:
    text = (
        "والتقى وزير الخارجية الروسي سيرغي لافروف نظيره السعودي في موسكو. "
        "وتأمل لافروف إلى «حوار بين إيران ودول الخليج بعد توقيع الاتفاق»."
    )
    claims = said(text)
    assert claims[-1][0] == ("سيرغي لافروف",)
    assert claims[-1][2].startswith("حوار بين إيران")


def test_an_honorific_pronoun_after_asked_is_the_prince() -> None:
    text = (
        "وقال أمير المنطقة الشرقية الأمير سعود بن نايف إن المساجد ستظل عامرة بالمصلين. "
        "وسأل سموه الله أن يحفظ لهذه البلاد أمنها واستقرارها."
    )
    claims = said(text)
    assert [c[0] for c in claims] == [("سعود بن نايف",)] * 2
    assert claims[-1][2].startswith("يحفظ لهذه البلاد")


def test_a_glued_title_is_no_person_and_its_claim_stays_open() -> None:
    text = (
        "قال وزير الخارجية السوري وليد المعلم إن الاتفاق مهم لبلاده. "
        "وأكد الوزيرالسوري، أن مواقف إيران تجاه الأزمة في سوريا لم تتغير."
    )
    claims = said(text)
    assert claims[-1][0] != ("الوزيرالسوري",)
    assert "الوزيرالسوري" not in {e.label for e in run(text).entities}


def test_the_noun_before_a_relative_pronoun_speaks_or_nobody() -> None:
    text = (
        "وكتب الكاتب محمد الحربي مقالا عن التطرف. "
        "ونطبق الآية الكريمة التي تقول: «وكذلك جعلناكم أمة وسطا لتكونوا شهداء على الناس»."
    )
    claims = said(text)
    [speaker] = claims[-1][0]  # the verse speaks, not the columnist
    assert speaker.startswith("الآية")
    assert claims[-1][2].startswith("وكذلك جعلناكم")


def test_a_relative_pronoun_after_an_unknown_noun_leaves_the_claim_open() -> None:
    text = (
        "وكتب الكاتب محمد الحربي مقالا عن التطرف. "
        "ونردد الحكمة القديمة التي تقول: «من جد وجد ومن زرع حصد في كل زمان»."
    )
    claims = said(text)
    assert claims[-1][0] == () and claims[-1][1] == "unresolved"


def test_the_prophet_is_a_speaker_between_two_statements() -> None:
    text = (
        "وقال الأمير سعود بن نايف بن عبدالعزيز إن هؤلاء سلكوا مسلك الخوارج. "
        "وقد حذر منهم رسول الله صلى الله عليه وسلم وذكر أنه في آخر الزمان سيخرج من يفعل ذلك."
    )
    claims = said(text)
    assert claims[-1][0] != ("سعود بن نايف بن عبدالعزيز",)


def test_according_to_a_newspaper_covers_the_verb_before_it() -> None:
    text = "حكت ثلاث فتيات هاربات تجربتهن المرعبة مع الخاطفين في الرقة بحسب صحيفة مترو البريطانية."
    claims = said(text)
    assert claims and claims[0][0] == ("صحيفة مترو البريطانية",)
    assert claims[0][2].startswith("حكت")


def test_according_to_a_statement_before_a_verb_is_no_claim_of_its_own() -> None:
    text = (
        "وحسب بيان لرئاسة إقليم كردستان أكد المسؤول التركي أن أهداف بلاده تتعلق بالقضاء على "
        "التنظيم."
    )
    claims = said(text)
    assert all(c[2].startswith("أهداف بلاده") for c in claims)


def test_a_newspaper_with_a_quoted_name_speaks() -> None:
    text = (
        'وكتبت صحيفة "الخبر" الجزائرية، مقالا تحت عنوان: "الرئيس الفرنسي يهدد استقرار '
        'الجزائر"، وأن التصريحات تعد تدخلا في الشؤون الداخلية.'
    )
    claims = said(text)
    assert claims and all(c[0] == ("الخبر",) for c in claims)


def test_the_ministry_by_its_short_name() -> None:
    text = (
        "وأصدرت وزارة الخارجية الروسية بيانا عن المحادثات في موسكو. "
        "وذكرت الخارجية أن الجانب الروسي يقترح العمل على تعزيز الاستقرار في المنطقة."
    )
    claims = said(text)
    assert claims[-1][0] == ("وزارة الخارجية الروسية",)
    assert claims[-1][2].startswith("الجانب الروسي")


def test_the_same_source_written_before_its_noun() -> None:
    text = (
        "وقال مصدر أمني تونسي إن السلطات الليبية سلمت ثمانية مطلوبين عند المعبر. "
        "وأوضح نفس المصدر أن الثمانية من المتشددين دينيا."
    )
    claims = said(text)
    assert claims[0][0] == claims[1][0] == ("مصدر أمني تونسي",)


def test_a_spokesman_of_a_charity_is_a_new_source_not_an_earlier_person() -> None:
    text = (
        "وقالت الناشطة سارة الأحمد إن الفتيات هربن من الرقة بعد شهور. "
        "قال الناطق الرسمي لجمعية الأمل الخيرية: إن هؤلاء النسوة الشجاعات شاهدن القتل بأعينهن."
    )
    claims = said(text)
    [speaker] = claims[-1][0]
    assert speaker.startswith("الناطق الرسمي") and claims[-1][1] == "resolved"


def test_his_saying_is_the_one_person_named_before() -> None:
    text = (
        "وأثارت تصريحات الرئيس الفرنسي السابق نيكولا ساركوزي غضبا في الجزائر، "
        "وهو ما عكسه قوله: «لا أحد يعرف إلى ما ستؤول إليه الأوضاع في الجزائر»."
    )
    claims = said(text)
    assert claims[-1][0] == ("نيكولا ساركوزي",)
    assert claims[-1][2].startswith("لا أحد يعرف")


def test_his_saying_with_two_persons_before_is_left_open() -> None:
    text = (
        "والتقى الرئيس الإسرائيلي رؤوفين ريفلين رئيس الوزراء بنيامين نتنياهو أمس، "
        "وهو ما عكسه قوله: «يجب أن نتصدى للإرهاب اليهودي بكل حزم»."
    )
    claims = said(text)
    assert claims and claims[-1][0] == () and claims[-1][1] == "unresolved"


def test_a_promise_participle_and_a_talk_about() -> None:
    text = (
        "ورد الرئيس الأمريكي باراك أوباما على مخاوف دول الخليج، متعهدا بدعمها ضد أي خطر خارجي. "
        "ثم تحدث حول المدة التي يحتاجها تنفيذ الاتفاق النووي."
    )
    claims = said(text)
    assert [c[0] for c in claims][-2:] == [("باراك أوباما",)] * 2
    assert claims[-2][2].startswith("بدعمها")
    assert claims[-1][2].startswith("المدة التي")


def test_activists_reported_with_bi_after_an_adverb() -> None:
    text = (
        "وخطف التنظيم عشرات المسيحيين من البلدة، بحسب ناشطين محليين، "
        "أفادوا أيضا بنزوح مئات العائلات باتجاه القرى المجاورة."
    )
    claims = said(text)
    assert claims[-1][2].startswith("نزوح مئات العائلات")
    assert claims[-1][0] and claims[-1][0][0].startswith("ناشطين")


def test_his_highness_is_the_dignitary_not_the_last_quoted() -> None:
    text = (
        "وقال الأمير سعود بن نايف بن عبدالعزيز إن المساجد ستظل عامرة بالمصلين. "
        "وأكد الأمير سعود بن نايف بن عبدالعزيز أن رجال الأمن سيطاردون الإرهابيين. "
        "وهؤلاء حذر منهم رسول الله صلى الله عليه وسلم وذكر أنه سيخرج في آخر الزمان من يفعل ذلك. "
        "وأضاف سموه: إن هذا العمل الدنيء لن يصرفنا عن الذهاب إلى المساجد."
    )
    claims = said(text)
    assert claims[-1][0] == ("سعود بن نايف بن عبدالعزيز",)
    assert claims[-2][0] == ("النبي محمد",)


def test_a_one_word_name_after_replied() -> None:
    text = (
        "والتقت الصحيفة فتاتين هما سلمى وهدى بعد هروبهما من الرقة. "
        "ردت سلمى: رسالتي للفتيات ألا يصدقن وعود التنظيم الكاذبة."
    )
    claims = said(text)
    assert claims[-1][0] == ("سلمى",)
    assert claims[-1][2].startswith("رسالتي للفتيات")


def test_a_noun_with_a_pronoun_is_no_one_word_name() -> None:
    text = (
        "واستمع المذيع إلى شهادته كاملة عن زملائه في المدرسة. "
        "وأضاف شهادته: إن هؤلاء الطلاب يرددون أفكار التنظيم في الفصول."
    )
    claims = said(text)
    assert all("شهادته" not in c[0] for c in claims)


def test_a_first_name_alone_is_the_person_named_in_full() -> None:
    text = (
        "وقالت الطالبة هدى الأحمد إن الفتيات يخدعن بوعود كاذبة. "
        "وأكدت هدى: إن التنظيم يعد الفتيات ببيت جميل وزوج ومال."
    )
    claims = said(text)
    assert [c[0] for c in claims] == [("هدى الأحمد",)] * 2
    assert "هدى" not in {e.label for e in run(text).entities}


def test_according_to_a_named_channel_reports_the_next_statement() -> None:
    text = (
        'وحسب فضائية "الجزيرة"، قال وزير الخارجية السوري وليد المعلم في مؤتمر صحفي إن '
        "الاتفاق النووي اعتراف واضح بمكانة إيران."
    )
    claims = said(text)
    by = {c[0]: c[2] for c in claims}
    assert by[("الجزيرة",)].startswith("قال وزير الخارجية")
    assert by[("وليد المعلم",)].startswith("الاتفاق النووي")


def test_a_marked_passive_has_no_speaker() -> None:
    text = (
        "وقال الوزير خالد العمري إن الحدود مع العراق آمنة تماما. "
        "وأُعلن أمس أن الحكومة ستفتح المعبر أمام الشاحنات الأسبوع المقبل."
    )
    claims = said(text)
    assert claims[0][0] == ("خالد العمري",)
    assert claims[-1][0] == () and claims[-1][1] == "unresolved"
    assert claims[-1][2].startswith("الحكومة ستفتح")


def test_a_quote_after_the_speaker_and_his_title_is_the_content() -> None:
    text = (
        "وقال مارك تونر المتحدث باسم الخارجية الأمريكية «استغلال الجماعة للأطفال "
        "كمفجرين انتحاريين أمر مروع»."
    )
    [(speakers, _status, claim)] = said(text)
    assert speakers == ("مارك تونر",)
    assert claim.startswith("استغلال الجماعة")


def test_a_relative_clause_with_its_own_subject_is_not_the_antecedent_speaking() -> None:
    # "الذي يعتبر الأردن محاربته أولوية": Jordan considers, not the organisation
    text = (
        "ويقف الأردن مع جيرانه في الحرب على تنظيم داعش الذي يعتبر الأردن محاربته "
        "أولوية مطلقة منذ سنوات."
    )
    claims = said(text)
    assert all(c[0] != ("داعش",) for c in claims)


def test_the_paper_with_a_quoted_adjective_is_no_new_organisation() -> None:
    text = (
        "ذكرت صحيفة «آس» الإسبانية أمس أن اللاعب كريم بنزيمه ما زال مطلوبا في أوروبا. "
        "وأشارت الصحيفة «الإسبانية» إلى أن وسائل الإعلام الإنجليزية تصر على انتقاله."
    )
    claims = said(text)
    assert claims[0][0] == ("آس",)
    assert all(c[0] != ("الإسبانية",) for c in claims)


def test_an_ayatollah_is_a_title_not_a_verse() -> None:
    text = (
        "وقال آية الله ناصر مكارم شيرازي إن التدخل الأجنبي في شؤون إيران مرفوض، "
        "مطالبا البرلمان بمواجهة هذا التدخل."
    )
    claims = said(text)
    assert all(c[0] and not c[0][0].startswith("آية") for c in claims)


def test_a_participle_after_an_open_subject_stays_open() -> None:
    # the subject of وأكد is not read; the person inside the sentence is an object
    text = (
        "وأكد دبلوماسيون أردنيون كبار عن رغبة إيران في زيارة ضريح الصحابي جعفر بن أبي طالب، "
        "مشيراً إلى مخاوف متعلقة برفض الأردنيين لتلك الزيارات."
    )
    claims = said(text)
    assert all(c[0] != ("جعفر بن أبي طالب",) for c in claims)


def test_a_title_never_given_a_name_is_an_anonymous_source() -> None:
    text = (
        "ووصلت أمس أول رحلة دولية إلى مطار الجوف. "
        "وأوضح مدير المطار أنه سيتم تسيير رحلتين أسبوعيا إلى القاهرة، "
        "مؤكدا أن المطار أكمل جاهزيته لاستقبال رحلات إضافية."
    )
    claims = said(text)
    assert [c[1] for c in claims] == ["resolved", "resolved"]
    assert claims[0][0] == claims[1][0] == ("مدير المطار",)


def test_a_spokesman_of_an_organisation_without_a_name() -> None:
    text = "وقال متحدث باسم صندوق النقد الدولي في بيان إن اليونان سددت الفوائد الواجبة عليها."
    [(speakers, status, claim)] = said(text)
    assert status == "resolved" and speakers[0].startswith("متحدث باسم")
    assert claim.startswith("اليونان سددت")


def test_a_study_speaks_as_a_document() -> None:
    text = "أشارت دراسة حديثة إلى أن برنامجا إلكترونيا يشجع الناس على غسل أيديهم."
    [(speakers, status, _claim)] = said(text)
    assert status == "resolved" and speakers[0].startswith("دراسة")


def test_a_mayor_and_engineer_before_a_name() -> None:
    text = (
        "وقال أمين المنطقة رئيس اللجنة المهندس عجب القحطاني، إن اللجنة شرعت في تركيب "
        "اللوحات الإعلانية."
    )
    [(speakers, _status, _claim)] = said(text)
    assert speakers == ("عجب القحطاني",)


def test_a_title_before_an_unread_word_is_not_an_anonymous_source() -> None:
    # the word after the title may be a name rasd does not read: the speaker stays open
    text = "وقال رئيس الوفد حسنا إن المفاوضات ستستأنف الأسبوع المقبل."
    [(speakers, status, _claim)] = said(text)
    assert speakers == () and status == "unresolved"


def test_an_honorific_and_a_chain_of_titles_before_the_name() -> None:
    text = (
        "حذر سماحة مفتي عام المملكة رئيس هيئة كبار العلماء الشيخ عبدالعزيز بن عبدالله "
        "المسلمين من فئة ضالة، مبينا أن هذه الفئة شذت عن جماعة المسلمين."
    )
    claims = said(text)
    assert claims and all(c[0] == ("عبدالعزيز بن عبدالله",) for c in claims)


def test_a_relative_pronoun_is_no_adjective_of_a_source() -> None:
    text = (
        "وقالت دراسة ألمانية إن برلين وفرت مئة مليار يورو. "
        "وأوضحت الدراسة التي أجراها معهد اقتصادي أن هذه التوفيرات تجاوزت تكلفة الأزمة."
    )
    claims = said(text)
    assert all("التي" not in c[0][0] for c in claims if c[0])


def test_a_verb_before_a_participle_has_no_subject_of_its_own() -> None:
    # "وأضاف مؤكدا": the participle carries what was said; the running speaker says it
    text = (
        "أكد الوزير خالد المنصوري أن التعاون بين البلدين مستمر بقوة. "
        "وأضاف مؤكدا رغبة «بلاده في توسيع الشراكة مع اليابان»."
    )
    claims = said(text)
    assert claims[-1][:2] == (("خالد المنصوري",), "resolved")
    assert claims[-1][2].startswith("بلاده في توسيع")


def test_the_subject_of_an_opening_verb_speaks_next() -> None:
    # "ربط X بين …" is no cue, but X is whom the subject-less "وقال" and "وأكد على" after it
    # mean; "وأشاد بالبرامج" has an object, not an unread subject
    text = (
        "ربط عضو مجلس الشورى سالم العتيبي بين الهجمات الأخيرة ونجاح الدبلوماسية. "
        "وقال في حديث للصحيفة إن الدولة ستخرج أقوى من هذه المحنة، وأشاد بالبرامج "
        "التي أطلقتها الدولة. وأكد على أن أمن البلاد خط أحمر لا يمكن المساس به."
    )
    claims = said(text)
    assert len(claims) >= 2
    assert all(c[:2] == (("سالم العتيبي",), "resolved") for c in claims)


def test_the_subject_of_an_opening_verb_is_no_speaker_once_another_person_is_named() -> None:
    text = (
        "انتقد الباحث منصور الحربي خطة الحكومة الجديدة. "
        "وجاء ذلك بعد لقاء مع الوزير خالد المنصوري في الرياض. "
        "وأضاف أن الخطة لا تعالج جذور المشكلة أبدا."
    )
    assert said(text)[-1][:2] == ((), "unresolved")


def test_a_definite_title_refers_to_the_person_it_followed() -> None:
    # "X النائب في مجلس الشورى" … "وقال النائب": X, not an anonymous member
    text = (
        "وصف سالم الدوسري النائب في مجلس الشورى القرار بالخطوة الشجاعة. "
        "وقال النائب في تعليقه إن القرار يحمي الأسر من الاستغلال."
    )
    assert said(text)[-1][:2] == (("سالم الدوسري",), "resolved")


def test_the_given_name_ali_before_a_name_the_ner_found() -> None:
    # the NER reads "حسين باكير" and leaves علي (folded like the preposition على) out
    text = "أكد علي حسين باكير باحث في العلاقات الدولية، بأن الموقف صار أصعب من قبل."
    [(speakers, status, claim)] = said(text)
    assert status == "resolved" and speakers and speakers[0].endswith("حسين باكير")
    assert claim.startswith("الموقف صار")


def test_a_headline_title_is_the_person_the_article_gives_that_title() -> None:
    text = (
        "محافظ المدينة: الحادث لن يؤثر على وحدة الأهالي\n\n"
        "قال محافظ المدينة سالم العتيبي إن الأهالي متماسكون جدا. "
        "وشكر المواطن خالد المنصوري رجال الأمن على جهودهم."
    )
    claims = said(text)
    assert claims[0] == (("سالم العتيبي",), "resolved", "الحادث لن يؤثر على وحدة الأهالي")


def test_a_headline_title_with_two_candidates_is_left_open() -> None:
    # a nisba after the title is no name; two persons carry the title: no guess
    text = (
        "نائب كويتي: الهجوم لن يفرق بين أبناء الوطن الواحد\n\n"
        "وأدان النائب فهد المطيري الهجوم على المسجد بشدة. "
        "كما أدان النائب سعد العنزي الهجوم نفسه في بيان منفصل."
    )
    assert said(text)[0][:2] == ((), "unresolved")


def test_a_prepositional_noun_after_a_family_name_is_no_part_of_it() -> None:
    text = "وطالب الخبير سعد آل حمد بإغلاق الحسابات المحرضة على العنف فورا."
    [(speakers, _status, claim)] = said(text)
    assert speakers == ("سعد آل حمد",)
    assert claim.startswith("إغلاق الحسابات")


def test_a_headline_source_is_the_person_the_article_gives_that_title() -> None:
    record = {
        "title": "خبير اقتصادي يطالب بخفض الضرائب على المشاريع الصغيرة",
        "content": "طالب الخبير الاقتصادي سعد الحربي بخفض الضرائب على المشاريع الناشئة. "
        "وقال المواطن خالد المنصوري إن الأسعار ارتفعت كثيرا هذا العام.",
    }
    ex = extract_article(parse_record(record, "claims-test"))
    assert ex.claims[0].speakers == ("سعد الحربي",)
    assert ex.claims[0].text.startswith("خفض الضرائب على المشاريع الصغيرة")


def test_a_nisba_in_a_headline_is_no_speaker() -> None:
    text = (
        "نائب كويتي: الهجوم لن يفرق بين أبناء الوطن الواحد\n\n"
        "وأدان النائب فهد المطيري الهجوم على المسجد بشدة."
    )
    assert said(text)[0][:2] == (("فهد المطيري",), "resolved")


def test_a_headline_title_goes_to_the_person_nearest_its_words() -> None:
    # two princes: the one called "أمير المنطقة الشمالية" speaks for "أمير الشمالية"
    text = (
        "أمير الشمالية: سنواصل ملاحقة المخربين حتى آخر واحد منهم\n\n"
        "استقبل الأمير فيصل بن خالد أمير المنطقة الشمالية وفدا من الأهالي، "
        "ونقل لهم تحيات الأمير سلطان بن فهد."
    )
    assert said(text)[0][:2] == (("فيصل بن خالد",), "resolved")


def test_a_relative_clause_does_not_end_the_running_report() -> None:
    # "الذي يعتبر …" (which is considered …) is no new speaker: "وتابع" is still the minister
    text = (
        "وقال الوزير خالد المنصوري إن الاستقرار مهم لجميع الدول. "
        "وأضاف أن أمن الخليج، الذي يعتبر ركيزة للمنطقة كلها، خط أحمر. "
        "وتابع أعتقد أن التعاون سيستمر لسنوات طويلة."
    )
    assert said(text)[-1][:2] == (("خالد المنصوري",), "resolved")


def test_a_ministry_named_later_in_the_article() -> None:
    text = (
        "وأكدت الداخلية أن المطلوبين سلموا أنفسهم طوعا للجهات المختصة. "
        "وكانت وزارة الداخلية قد نشرت أسماءهم قبل أسبوعين."
    )
    assert said(text)[0][:2] == (("وزارة الداخلية",), "resolved")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقالت إيران إن الاتفاق النووي لن يغير سياستها في المنطقة أبدا.", "إيران"),
        ("وأعربت الكويت عن إدانتها الشديدة للهجوم على المصلين.", "الكويت"),
    ],
)
def test_a_country_as_the_subject_of_a_speech_verb_speaks(text: str, speaker: str) -> None:
    [(speakers, status, _claim)] = said(text)
    assert (speakers, status) == ((speaker,), "resolved")


@pytest.mark.parametrize(
    "text",
    [
        "وأشار الوزير إلى إيران بأنها تدعم الجماعات المسلحة في اليمن.",
        "وكان داعش هدد تركيا بأنها ستدفع الثمن غاليا في الأسابيع المقبلة.",
    ],
)
def test_a_country_after_a_preposition_or_a_subject_is_no_speaker(text: str) -> None:
    assert all(not any(s in ("إيران", "تركيا") for s in c[0]) for c in said(text))


def test_a_cue_with_its_subject_before_the_preposition() -> None:
    # "أعربت … عن": a cue only with عن, the speaker standing between
    text = "وأعربت الوزيرة سلمى الخالدي عن إدانتها الشديدة للهجوم الذي استهدف المصلين أمس."
    [(speakers, status, claim)] = said(text)
    assert status == "resolved" and len(speakers) == 1 and speakers[0].endswith("الخالدي")
    assert claim.startswith("إدانتها الشديدة")


def test_an_adverb_of_time_after_the_verb_is_no_subject() -> None:
    text = (
        "وقال وزير الداخلية سالم العتيبي إن التحقيق بدأ فورا. "
        "وقال لاحقا في تصريحات للتلفزيون إن المتهم اعترف بكل شيء."
    )
    assert said(text)[-1][:2] == (("سالم العتيبي",), "resolved")


def test_a_cue_inside_an_open_quotation_is_what_was_said() -> None:
    text = (
        "وأضاف الناطق سالم العتيبي أن «الحكومة ترفض الاتهامات، وتؤكد الحكومة أن الهجوم "
        "كان مدبرا». وقال لاحقا في تصريح إن المتهمين اعتقلوا جميعا أمس."
    )
    claims = said(text)
    assert [c[0] for c in claims] == [("سالم العتيبي",), ("سالم العتيبي",)]
    assert "وتؤكد الحكومة" in claims[0][2]
