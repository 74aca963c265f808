"""Fuzzing the whole pipeline: reader → extract → RDF → Turtle, on random Arabic/Latin/Unicode
text and random JSON records.

Whatever the input, reading gives articles or one-line :class:`InputError`s (never another
exception), extraction keeps every offset inside the article text, the graph validates against
the SHACL contract, and its Turtle parses back to an isomorphic graph.  The NER components are
left out to keep the run short (they are covered by their own tests).
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from rasd.extract.errors import InputError
from rasd.extract.pipeline import extract_article
from rasd.extract.reader import read_file
from rasd.extract.records import Article, Extraction
from rasd.extract.resolve import resolve
from rasd.extract.text import INVISIBLE
from rasd.graph.build import build_dataset, merged_graph
from rasd.graph.validate import validate

PIPELINE = (
    "sentences",
    "dates",
    "lexicon",
    "titles",
    "org-heads",
    "coref",
    "claims",
    "relations",
    "events",
)
# real words that wake the extractors up: speech verbs, titles, actors, platforms, dates
_WORDS = (
    "قال وأضاف أكد صرح أعلن وزير الداخلية الفرنسي المتحدث باسم تنظيم داعش الدولة الإسلامية "
    "تويتر فيسبوك يوتيوب الإنترنت هشام الخطيب مصدر في الشرطة سوريا العراق الموصل الرقة "
    "عام 2014 ١٤٤٦هـ أكتوبر يوم 15 أيلول الماضي مؤتمر هجوم على في من إن أن سيطر خسر"
)
WORDS = tuple(_WORDS.split())
ODD = (
    "«»\"'“”.،؛؟!:()[]<>{}\\/&;#%\n\t\r "
    + INVISIBLE
    + "\u0640\u064b\u064e\u0650\u0651\u0652"  # tatweel, harakat
    + "\ufefb\ufdf2\ufef9"  # presentation forms
    + "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
    + "\u00a0\u2009\u2028\u2029\x0b\x0c\x1c\x85"  # odd spaces and line breaks
)
WHO = st.sampled_from(
    ["وزير الداخلية الفرنسي", "هشام الخطيب", "مصدر في الشرطة", "المتحدث باسم داعش", "ترامب"]
)
VERB = st.sampled_from(["قال", "وقال", "وأضاف", "أكد", "صرح", "أعلن"])
DATE = st.sampled_from(["في 15 أيلول 2014", "عام 2014", "يوم ١٤٤٦/٠٩/٠١هـ", "في أكتوبر الماضي"])
# sentences the claim, relation, date and event extractors take up
PHRASE = st.one_of(
    st.builds(lambda v, w, d: f"{v} {w} {d} إن داعش يستخدم تويتر.", VERB, WHO, DATE),
    st.builds(lambda v, w, q: f"{v} {w}: «{q}».", VERB, WHO, st.sampled_from(WORDS)),
    st.builds(lambda w: f"سيطر تنظيم داعش على الموصل. {w} هاجم الرقة", WHO),
    st.builds(lambda d: f"عقد مؤتمر في باريس {d}", DATE),
)
TOKEN = st.one_of(
    PHRASE,
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: "و" + w),
    st.text(alphabet=ODD, min_size=1, max_size=3),
    st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىئؤ", min_size=1, max_size=7),
    st.text(alphabet="abcxyzABCXYZ0123456789-_", min_size=1, max_size=8),
    st.text(max_size=3),  # anything Unicode has, surrogates aside
)
TEXT = st.lists(TOKEN, max_size=60).flatmap(
    lambda toks: st.lists(
        st.sampled_from([" ", " ", " ", "\n", ". ", "، "]), min_size=len(toks), max_size=len(toks)
    ).map(lambda seps: "".join(t + s for t, s in zip(toks, seps, strict=True)))
)
FIELD = st.one_of(
    TEXT,
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
)
DATES = st.one_of(
    st.sampled_from(["2015-07-21", "2015-07-21 02:51:32", "21/07/2015", "2015", "", "غدا"]),
    st.text(max_size=12),
)
RECORD = st.fixed_dictionaries(
    {"content": st.one_of(TEXT, TEXT, TEXT, FIELD)},
    optional={
        "title": st.one_of(TEXT, FIELD),
        "date": DATES,
        "url": st.one_of(st.just('http://x.example/a b<c>"d"'), st.text(max_size=20)),
        "source": st.sampled_from(["okaz", "aawsat", "الحياة", ""]),
        "author": st.one_of(TEXT, FIELD),
    },
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1256")


def _write(folder: Path, kind: str, text: str, records: list[dict], encoding: str) -> Path:
    if kind == "txt":
        payload = text
    elif kind == "html":
        payload = f"<html><body><script>var s = 'سر';</script><h1>{text[:30]}</h1><p>{text}</p>"
    elif kind == "json":
        payload = json.dumps(records, ensure_ascii=False)
    else:
        payload = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    try:
        data = payload.encode(encoding, errors="surrogatepass")
    except UnicodeEncodeError:
        data = payload.encode("utf-8", errors="surrogatepass")
    path = folder / f"in.{kind}"
    path.write_bytes(data)
    return path


def _check_offsets(ex: Extraction) -> None:
    n = len(ex.article.text)
    spans = [(s.start, s.end) for s in ex.sentences]
    spans += [(m.start, m.end) for m in ex.mentions]
    spans += [(c.start, c.end) for c in ex.claims]
    spans += [(r.start, r.end) for r in ex.relations]
    spans += [(e.start, e.end) for e in ex.events]
    spans += [(d.start, d.end) for d in ex.dates if d.start >= 0]
    spans += list(ex.article.segments)
    for s, e in spans:
        assert 0 <= s <= e <= n, (s, e, n)
    for m in ex.mentions:
        assert ex.article.text[m.start : m.end] == m.surface


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    kind=st.sampled_from(["txt", "html", "json", "jsonl"]),
    text=TEXT,
    records=st.lists(RECORD, min_size=1, max_size=3),
    encoding=st.sampled_from(ENCODINGS),
)
def test_random_input_reads_extracts_validates_and_round_trips(kind, text, records, encoding):
    with tempfile.TemporaryDirectory() as tmp:
        items = list(read_file(_write(Path(tmp), kind, text, records, encoding)))
    arts = [i for i in items if isinstance(i, Article)]
    for item in items:
        assert isinstance(item, Article | InputError), item
        if isinstance(item, InputError):
            assert "\n" not in str(item)
    exs = [extract_article(a, PIPELINE) for a in arts]
    for ex in exs:
        _check_offsets(ex)
    g = merged_graph(build_dataset(exs, resolve(exs)))
    assert validate(g) == []
    turtle = g.serialize(format="turtle", encoding="utf-8")
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), g)


@settings(max_examples=150, deadline=None)
@given(
    suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".zip"]),
    data=st.one_of(
        st.binary(max_size=600),
        TEXT.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
        st.lists(st.one_of(st.binary(max_size=60), st.sampled_from([b"\n", b"{", b"}", b'"']))).map(
            b"".join
        ),
    ),
    members=st.lists(
        st.tuples(
            st.sampled_from(["a.txt", "b.json", "c.jsonl", "d.html", "e.zip", "f/"]),
            st.binary(max_size=200),
        ),
        max_size=4,
        unique_by=lambda m: m[0],
    ),
)
def test_random_bytes_give_articles_or_one_line_errors(suffix, data, members) -> None:
    """Any bytes under any supported name (a zip of random members too) are read without an
    exception escaping: each problem is one InputError of one line."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{suffix}"
        if suffix == ".zip" and members:
            with zipfile.ZipFile(path, "w") as z:
                for name, payload in members:
                    z.writestr(name, payload)
        else:
            path.write_bytes(data)
        items = list(read_file(path))
    for item in items:
        assert isinstance(item, Article | InputError)
        if isinstance(item, InputError):
            assert "\n" not in str(item) and item.reason
        else:
            item.text.encode("utf-8")  # valid Unicode, whatever the bytes were
            assert all(0 <= s <= e <= len(item.text) for s, e in item.segments)
