"""Entities, pass 19 (issue 11): one node per real entity within an article, and the rank
titles read only before a name.  Every sentence here was written for the test (none is
copied from a corpus)."""

from __future__ import annotations

from conftest import extract_text


def _keys_of(text: str, surface_has: str) -> set[str]:
    """The keys of the mentions whose surface holds ``surface_has``."""
    ex = extract_text(text)
    return {m.key for m in ex.mentions if surface_has in m.surface}


def _mentions(text: str) -> set[tuple[str, str, str]]:
    return {(m.surface, m.cls, m.key) for m in extract_text(text).mentions}


# --- organisations: a short form with the same head and last word is the longer name -------


def test_forces_named_first_with_a_clitic_and_then_in_full_are_one_node() -> None:
    keys = _keys_of(
        "تقدم بطيء للقوات العراقية شرق الرمادي\n"
        "وأعلنت القوات الأمنية العراقية السيطرة على الحي الشرقي، وقال ضابط إن "
        "القوات العراقية تتقدم بحذر.",
        "قوات",
    )
    assert len(keys) == 1


def test_a_coalition_named_short_after_its_name_with_a_clitic_is_one_node() -> None:
    keys = _keys_of(
        "وقال الأمين العام للائتلاف الوطني السوري إن الائتلاف السوري سيطلب اجتماعا عاجلا "
        "لمجلس الأمن.",
        "الائتلاف",
    )
    assert keys == {"الائتلاف الوطني السوري"}


def test_organisations_that_end_differently_stay_apart() -> None:
    keys = _keys_of("واشتبك الجيش السوري الحر مع الجيش السوري في ريف حماة، بحسب ناشطين.", "الجيش")
    assert len(keys) == 2


# --- persons: a surname written joined, a surname that is one name part ---------------------


def test_a_surname_written_joined_is_the_person_named_with_a_space() -> None:
    found = _mentions(
        "ألقى حسن نصر الله خطابا مساء أمس. ورأى محللون أن نصرالله يريد التهدئة، "
        "وقال أحدهم: إن شاء الله تهدأ الأمور."
    )
    assert ("نصرالله", "Person", "حسن نصر الله") in found


def test_allah_alone_is_no_surname() -> None:
    found = _mentions(
        "ألقى حسن نصر الله خطابا مساء أمس، وقال أحد الحاضرين: إن شاء الله تهدأ الأمور."
    )
    assert not [m for m in found if m[0] == "الله"]


def test_a_compound_surname_after_a_title_like_word_is_the_person() -> None:
    keys = _keys_of(
        "التقى حسين أمير عبد اللهيان السفراء العرب في طهران. وقال أمير عبد اللهيان "
        "للصحفيين إن اللقاء كان مثمرا.",
        "اللهيان",
    )
    assert keys == {"حسين امير عبد اللهيان"}


# --- places: the bare name of a lexicon alias with a place noun -----------------------------


def test_the_gulf_alone_is_the_gulf_of_the_gulf_states() -> None:
    keys = _keys_of(
        "وتسعى دول الخليج إلى تعزيز التعاون الأمني، إذ يرى خبراء أن أمن الخليج "
        "مرتبط باستقرار اليمن.",
        "الخليج",
    )
    assert keys == {"الخليج العربي"}


# --- facilities: the facility with an adjective is the facility named -----------------------


def test_a_prison_with_an_adjective_is_the_prison_of_the_lexicon_name() -> None:
    keys = _keys_of(
        "وتعمل الإدارة على إغلاق سجن غوانتانامو العسكري، فيما يرى نواب أن سجن "
        "غوانتانامو يجب أن يبقى مفتوحا.",
        "غوانتانامو",
    )
    assert len(keys) == 1


# --- rank titles: a staff rank is one title, «الفريق» a rank only right before a name --------


def _persons(text: str) -> set[str]:
    return {m.key for m in extract_text(text).mentions if m.cls == "Person"}


def _job_titles(text: str) -> set[str]:
    return {r.obj for r in extract_text(text).relations if r.predicate == "jobTitle"}


def test_a_staff_rank_is_one_title_before_the_name() -> None:
    found = _persons("وأعلن العميدُ ركن أحمد عسيري أن التحالف دمّر مخازن الأسلحة.")
    assert "احمد عسيري" in found
    assert not [k for k in found if k.startswith("ركن")]


def test_a_staff_major_general_with_a_clitic_keeps_rukn_out_of_the_name() -> None:
    found = _persons("وأكد قائد القوات واللواء ركن خالد الحربي أن الحدود آمنة.")
    assert not [k for k in found if k.startswith("ركن")]


def test_a_full_general_of_staff_is_one_title() -> None:
    ex = extract_text("وقال رئيس هيئة الأركان الفريق أول ركن فياض الرويلي إن القوات جاهزة.")
    keys = {m.key for m in ex.mentions if m.cls == "Person"}
    assert "فياض الرويلي" in keys
    assert not [k for k in keys if k.startswith(("ركن", "اول"))]


def test_a_general_is_a_rank_before_a_name() -> None:
    titles = _job_titles("وصرّح الفريق عبد الرحمن البنيان بأن التدريبات انتهت.")
    assert any("الفريق" in t for t in titles)


def test_the_first_team_of_a_coach_is_no_rank() -> None:
    text = "وأشاد مدرب الفريق الأول سامي الجابر بأداء اللاعبين."
    assert "سامي الجابر" in _persons(text)
    assert not [t for t in _job_titles(text) if "فريق" in t and "مدرب" not in t]


def test_the_team_of_a_player_is_no_rank() -> None:
    text = "وسجّل لاعب الفريق ليونيل ميسي هدفين في المباراة."
    assert "ليونيل ميسي" in _persons(text)
    assert not [t for t in _job_titles(text) if t.startswith("الفريق")]


def test_a_team_alone_is_no_rank() -> None:
    text = "وأعلن الفريقُ التقني للمشروع عن موعد الإطلاق."
    ex = extract_text(text)
    assert not [r for r in ex.relations if r.predicate == "jobTitle"]
    # with no before_name check the team is a rank-titled unnamed source of its own
    assert not [m for m in ex.mentions if "الفريق" in m.surface]
    assert not _job_titles("وأعلن الفريقُ التقني أحمد سالم رئيسا له.")


# --- «خادم»: no word of a name only before «الحرمين» -------------------------------------


def test_the_command_of_the_custodian_is_no_organisation() -> None:
    ex = extract_text("وثمّن المجلس حرص قيادة خادم الحرمين الشريفين على أمن الحجاج.")
    assert not [m for m in ex.mentions if m.cls == "Organization" and "خادم" in m.surface]


def test_khadim_is_a_first_name_elsewhere() -> None:
    assert "خادم حسين رضوي" in _persons("وأكد الشيخ خادم حسين رضوي أن المسيرة سلمية.")
    assert [k for k in _persons("وحضر الحفل خادم حسين رضوي زعيم حركة لبيك.") if "رضوي" in k]


# --- a portfolio after a definite noun is its adjective, no ministry --------------------------


def test_a_portfolio_of_the_lexicon_after_a_definite_noun_is_no_ministry() -> None:
    text = "وانتقد الكاتب السياسة الخارجية الأمريكية، وقالت الخارجية الأمريكية إنها تدرس الأمر."
    orgs = [m.start for m in extract_text(text).mentions if m.cls == "Organization"]
    assert orgs == [text.rindex("الخارجية")]


def test_the_cia_named_with_istikhbarat_is_the_cia() -> None:
    found = _mentions("وكشفت تقارير أن وكالة الاستخبارات المركزية (سي آي إيه) دربت مقاتلين.")
    assert {m[2] for m in found if m[1] == "Organization"} == {"وكاله المخابرات المركزيه الامريكيه"}


# --- a capital right after a she-verb in the perfect is the state ----------------------------


def test_a_capital_after_a_she_verb_with_an_object_is_the_state() -> None:
    keys = {
        m.surface: m.key for m in extract_text("وقد اتهمتهما واشنطن بتمويل جماعات مسلحة.").mentions
    }
    assert keys["واشنطن"] == "الولايات المتحده"


def test_a_capital_after_a_she_verb_is_the_state() -> None:
    keys = {m.surface: m.key for m in extract_text("وقد أغلقتْ أنقرة حدودها مع سوريا أمس.").mentions}
    assert keys["أنقرة"] == "تركيا"


def test_a_capital_after_a_she_verb_of_arrival_stays_the_city() -> None:
    keys = {m.surface: m.key for m in extract_text("ووصلت طهرانَ الوزيرة مساء الأحد.").mentions}
    assert keys.get("طهرانَ", keys.get("طهران")) == "طهران"
