"""What an analyst marks by hand in the five seed articles, written as expectations."""

from __future__ import annotations

import functools

import pytest
from conftest import SEEDS

from rasd.extract.pipeline import extract_article
from rasd.extract.reader import read_file
from rasd.extract.records import PLACE_CLASSES, Extraction
from rasd.extract.resolve import resolve
from rasd.extract.text import match_key


@functools.cache
def ex(prefix: str) -> Extraction:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    (article,) = list(read_file(path))
    return extract_article(article)


def keys_of(e: Extraction, cls: str) -> set[str]:
    return {m.key for m in e.mentions if m.cls == cls}


K = match_key

PERSONS = {
    "000": ["رولف هولمبو", "ديفيد بيترايوس", "أبو بكر البغدادي", "لورا شياو", "مارك ميتشل"],
    "002": [
        "ماركو مينيتي",
        "جوزف فوتل",
        "أبو بكر البغدادي",
        "تشارلي وينتر",
        "لوران بيندنر",
        "رافايل غلوك",
    ],
    "003": ["كريشناديف كالامور", "دونالد ترامب", "سيف الله سايبوف", "بيتر بينارت"],
}
ORGS = {
    "000": [
        "داعش",
        "وكالة المخابرات المركزية الأمريكية",
        "مجلس الشيوخ الأمريكي",
        "المركز الوطني لمكافحة الإرهاب",
    ],
    "001": ["داعش", "القاعدة"],
    "002": ["داعش", "القيادة المركزية الأمريكية", "وكالة أعماق", "مركز كويليام", "وكالة فرانس برس"],
    "003": ["داعش", "مجلة ذا أتلانتيك", "الجيش السوري", "الجيش الأمريكي"],
    "004": ["داعش", "مجلس الأمن الدولي", "الشرطة الفرنسية", "الجيش العراقي", "الحشد الشعبي"],
}
PLACES = {
    "000": ["العراق", "سوريا", "الولايات المتحدة", "الشام"],
    "002": ["العراق", "سوريا", "الموصل", "الرقة", "الشرق الأوسط", "آسيا"],
    "003": [
        "العراق",
        "سوريا",
        "نيويورك",
        "دير الزور",
        "الرقة",
        "الموصل",
        "الحويجة",
        "فرنسا",
        "بلجيكا",
        "برشلونة",
        "لندن",
        "تينيسي",
        "كوريا الجنوبية",
    ],
    "004": ["العراق", "سوريا", "باريس", "أوروبا"],
}
PLATFORMS = {
    "000": ["تويتر", "فيسبوك", "يوتيوب", "إنستغرام", "دياسبورا", "الإنترنت"],
    "002": ["الإنترنت"],
    "004": ["تويتر", "فيسبوك", "وسائل التواصل الاجتماعي"],
}


@pytest.mark.parametrize("prefix", sorted(PERSONS))
def test_persons_are_found(prefix: str) -> None:
    assert {K(p) for p in PERSONS[prefix]} <= keys_of(ex(prefix), "Person")


@pytest.mark.parametrize("prefix", sorted(ORGS))
def test_organizations_are_found(prefix: str) -> None:
    assert {K(o) for o in ORGS[prefix]} <= keys_of(ex(prefix), "Organization")


@pytest.mark.parametrize("prefix", sorted(PLACES))
def test_places_are_found(prefix: str) -> None:
    found = {m.key for m in ex(prefix).mentions if m.cls in PLACE_CLASSES}
    assert {K(p) for p in PLACES[prefix]} <= found


@pytest.mark.parametrize("prefix", sorted(PLATFORMS))
def test_platforms_are_found(prefix: str) -> None:
    assert {K(p) for p in PLATFORMS[prefix]} <= keys_of(ex(prefix), "Platform")


def test_no_false_persons_from_common_words() -> None:
    persons = set().union(*(keys_of(ex(p), "Person") for p in ("000", "001", "002", "003", "004")))
    expected = {K(p) for ps in PERSONS.values() for p in ps}
    # Known miss: the statistical NER tags "جهاد سيبراني" (cyber jihad, in 001) as a person.
    # Any other common-word "person" fails this test.
    assert persons - expected <= {K("جهاد سيبراني")}


def test_one_node_per_entity_across_articles() -> None:
    ents = resolve(ex(p) for p in ("000", "001", "002", "003", "004"))
    daesh = ents[K("داعش")]
    assert daesh.articles == 5
    assert ents[K("أبو بكر البغدادي")].articles == 2
    assert ents[K("سوريا")].articles >= 4
    assert "سورية" in ents[K("سوريا")].aliases  # spelling variant kept as altLabel
    assert "وتويتر" not in ents[K("تويتر")].aliases  # clitics are not part of a name
    # surnames and titles resolve to the full name, not to separate nodes
    assert K("فوتل") not in ents and K("وينتر") not in ents and K("ترامب") not in ents


def claims_by(prefix: str) -> list[tuple[tuple[str, ...], str, str]]:
    return [(c.speakers, c.kind, c.text) for c in ex(prefix).claims]


def speaker_of(prefix: str, fragment: str) -> tuple[str, ...]:
    hits = [c.speakers for c in ex(prefix).claims if fragment in c.text]
    assert hits, f"no claim containing {fragment!r} in {prefix}"
    return hits[0]


@pytest.mark.parametrize(
    ("prefix", "fragment", "speakers"),
    [
        ("000", "جسد الخلافة من الممكن ان ينهار", ["رولف هولمبو"]),
        ("000", "هزيمة الخلافة الافتراضية لتنظيم داعش ستكون أكثر صعوبة", ["ديفيد بيترايوس"]),
        ("000", "لسوء الحظ", ["لورا شياو"]),
        ("000", "القضاء على الخلافة الجسدية", ["مارك ميتشل"]),
        ("002", "يستقطب 80 في المئة", ["ماركو مينيتي"]),
        ("002", "أول تنظيم إرهابي يجعل من الإنترنت", ["ماركو مينيتي"]),
        ("002", "مشكلة معقدة وخطيرة", ["ماركو مينيتي"]),
        ("002", "القضاء على داعش على أرض المعركة", ["جوزف فوتل"]),
        ("002", "حتى بعد هزيمة قاسية", ["جوزف فوتل"]),
        ("002", "صيغة محرفة للخلافة التاريخية", ["جوزف فوتل"]),
        ("002", "حضوره العقائدي والفكري", ["تشارلي وينتر"]),
        ("002", "فكرة الخلافة أهم من وجودها الفعلي", ["تشارلي وينتر"]),
        ("002", "سيقتصر على واحد من خيارين", ["تشارلي وينتر"]),
        ("002", "تكثيف رقابة السلطات", ["لوران بيندنر", "رافايل غلوك"]),
        ("002", "سيتمكن بذلك من المحافظة", ["لوران بيندنر", "رافايل غلوك"]),
        ("002", "فرض رقابة على الإنترنت لن يجدي نفعاً", ["تشارلي وينتر"]),
        ("003", "وجه الجيش الأمريكي ضربة أقسى لداعش", ["دونالد ترامب"]),
        ("003", "سيدفعون ثمناً كبيراً", ["دونالد ترامب"]),
        ("003", "داعش سيدفع ثمناً كبيراً كلما هاجمنا", ["دونالد ترامب"]),
        ("003", "اندحار التنظيم في سوريا والعراق", ["كريشناديف كالامور"]),
        ("003", "هجمات داعش في الغرب لم تبدأ", ["بيتر بينارت"]),
        ("003", "كلما كثفت أمريكا حربها ضد داعش", ["بيتر بينارت"]),
        ("003", "لاحتمال تواصل الضربات", ["كريشناديف كالامور"]),
        ("003", "ما لم يفقده التنظيم بعد", ["كريشناديف كالامور"]),
    ],
)
def test_claims_have_the_right_speaker(prefix: str, fragment: str, speakers: list[str]) -> None:
    assert speaker_of(prefix, fragment) == tuple(K(s) for s in speakers)


def test_anonymous_and_document_speakers() -> None:
    src = speaker_of("004", "ثلثي الأشخاص")
    assert len(src) == 1 and src[0].endswith("/" + K("مصدر في الشرطة الفرنسية"))
    official = speaker_of("004", "عندما ترصد الحكومة")
    assert official[0].endswith("/" + K("مسؤول أمريكي"))
    e4 = ex("004")
    assert any(
        r.predicate == "partOf" and r.subject == official[0] and r.obj == K("الولايات المتحدة")
        for r in e4.relations
    )
    doc = speaker_of("000", "رسالة الخلافة هي ان هناك دولة اسلامية")
    assert doc[0].endswith("/" + K("الخلافة لن يُقضى عليها"))


def test_scare_quotes_are_not_claims() -> None:
    assert ex("001").claims == ()
    texts = " ".join(c.text for p in ("000", "002") for c in ex(p).claims)
    for phrase in ("«خلافة افتراضية» في الفضاء",):
        assert not any(c.text == phrase for p in ("002",) for c in ex(p).claims)
    assert "الخلافة الإسلامية" not in texts


@pytest.mark.parametrize(
    ("prefix", "original", "value", "precision"),
    [
        ("000", "عام 2016", "2016", "year"),
        ("000", "أواخر 2017", "2017", "year"),
        ("002", "مطلع 2017", "2017", "year"),
        ("002", "عام 2015", "2015", "year"),
        ("003", "عام 2014", "2014", "year"),
        ("003", "عام 2010", "2010", "year"),
        ("003", "مارس(آذار) 2016", "2016-03", "month"),
        ("003", "أغسطس(آب) 2014", "2014-08", "month"),
        ("004", "15 أيلول 2014", "2014-09-15", "day"),
    ],
)
def test_every_explicit_date_is_normalised(
    prefix: str, original: str, value: str, precision: str
) -> None:
    found = {(d.original, d.value, d.precision) for d in ex(prefix).dates}
    assert (original, value, precision) in found


def test_qualified_and_dual_year_dates() -> None:
    d = {x.original: x for x in ex("000").dates}
    assert d["أواخر 2017"].qualifier == "late"
    years = sorted(x.value for x in ex("002").dates if x.value in ("2014", "2015"))
    assert years == ["2014", "2015", "2015"]  # عامي 2014 و2015, and عام 2015


def test_relations_and_events() -> None:
    rel = {
        (r.subject, r.predicate, r.obj)
        for p in ("000", "002", "003", "004")
        for r in ex(p).relations
    }
    for s, p, o in [
        ("داعش", "usesPlatform", "تويتر"),
        ("داعش", "usesPlatform", "يوتيوب"),
        ("داعش", "usesPlatform", "الإنترنت"),
        ("تويتر", "actedAgainst", "داعش"),
        ("دونالد ترامب", "usesPlatform", "تويتر"),
        ("داعش", "lostControlOf", "الرقة"),
        ("الجيش السوري", "regainedControlOf", "دير الزور"),
        ("ديفيد بيترايوس", "affiliatedWith", "وكالة المخابرات المركزية الأمريكية"),
        ("أبو بكر البغدادي", "leaderOf", "داعش"),
        ("ماركو مينيتي", "nationality", "إيطاليا"),
    ]:
        assert (K(s), p, K(o)) in rel, (s, p, o)
    (conf,) = [e for e in ex("004").events if "المؤتمر" in e.label]
    assert conf.place == K("باريس") and conf.date is not None and conf.date.value == "2014-09-15"
