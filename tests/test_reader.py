"""Reading articles: headline, date, publisher, boilerplate, and bad input."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from conftest import CORPUS, SEEDS, need_shared

from extract.reader import parse_text, read_file, read_inputs
from extract.records import Article
from extract.errors import InputError


def seed(name: str) -> Article:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return parse_text(path.read_text(encoding="utf-8"), str(path))


def body(a: Article) -> str:
    return "\n".join(a.text[s:e] for s, e in a.segments)


def test_seed_002_dateline_ticker_and_notices_are_not_article_text() -> None:
    a = seed("002")
    assert a.title == "«داعش» يتجه لإنشاء «خلافة افتراضية» مقرها الفضاء الإلكتروني"
    assert a.published is not None and a.published.value == "2017-10-06"
    assert a.publisher == "صحيفة الحياة"
    text = body(a)
    for junk in ("أنشيلوتي", "ريال مدريد", "شكرا على الإبلاغ", "سيتم حجب", "انقر هنا", "نشر في"):
        assert junk not in text
    assert text.startswith("«داعش» يتجه")
    assert "مهما سيقول السياسيون" in text


def test_seed_001_trailing_date_and_repeated_headline() -> None:
    a = seed("001")
    assert a.published is not None and (a.published.value, a.published.precision) == (
        "2018-07-21",
        "day",
    )
    assert a.title == "’داعش’ والخلافة ’السيبرانية’"
    text = body(a)
    assert "ارشيف من" not in text
    assert text.count("’داعش’ والخلافة ’السيبرانية’") == 1
    assert not text.rstrip().endswith("2018-07-21")


def test_seed_000_leading_source_is_the_publisher() -> None:
    a = seed("000")
    assert a.publisher == "موقع الوقت"
    assert a.title is None  # the text starts with a paragraph, not a headline
    assert body(a).startswith("لجأ تنظيم داعش")


def test_offsets_are_into_the_original_text() -> None:
    a = seed("002")
    raw = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    assert a.text == raw
    assert a.title_span is not None and raw[a.title_span[0] : a.title_span[1]] == a.title


def test_json_jsonl_zip_and_html(tmp_path: Path) -> None:
    rec = {
        "title": "عنوان",
        "content": "قال ترامب إن داعش خسر.",
        "url": "http://x.example/1",
        "date_extracted": "2015-07-21 02:51:32",
        "source": "okaz",
        "author": "الرياض: فلان",
    }
    (tmp_path / "a.json").write_text(
        json.dumps([rec, {"no": "content"}], ensure_ascii=False), encoding="utf-8"
    )
    (tmp_path / "b.jsonl").write_text(
        json.dumps(rec, ensure_ascii=False) + "\n{bad json\n", encoding="utf-8"
    )
    with zipfile.ZipFile(tmp_path / "c.zip", "w") as z:
        z.writestr("inner.json", json.dumps([rec], ensure_ascii=False))
    (tmp_path / "d.html").write_text(
        "<html><head><meta property='og:site_name' content='الوقت'><title>t</title></head>"
        "<body><nav>قائمة</nav><article><h1>داعش تسقط</h1><p>قال مسؤول إن داعش خسر.</p>"
        "</article><footer>حقوق</footer></body></html>",
        encoding="utf-8",
    )
    items = list(read_inputs([tmp_path]))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [str(i) for i in items if isinstance(i, InputError)]
    assert len(arts) == 4
    first = arts[0]
    assert first.title == "عنوان" and first.publisher == "صحيفة عكاظ"
    assert first.published is not None and first.published.value == "2015-07-21"
    assert first.text[first.segments[1][0] : first.segments[1][1]] == rec["content"]
    assert any("a.json#1" in e and "no article text" in e for e in errs)
    assert any("b.jsonl:2" in e and "not valid JSON" in e for e in errs)
    html = next(a for a in arts if a.source.endswith("d.html"))
    assert html.title == "داعش تسقط" and "قائمة" not in html.text and "حقوق" not in html.text


def test_bad_files_name_the_file_and_the_reason(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\xff\xfe\xfa")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    errs = {
        Path(e.path).name: e.reason
        for e in read_inputs([tmp_path, tmp_path / "nope.txt"])
        if isinstance(e, InputError)
    }
    assert "not UTF-8" in errs["bin.txt"]
    assert errs["empty.txt"] == "empty file"
    assert "not a valid zip" in errs["bad.zip"]
    assert errs["nope.txt"] == "no such file or folder"
    assert "x.pdf" not in errs  # folders are scanned for supported files only
    assert any("unsupported file type" in str(e) for e in read_file(tmp_path / "x.pdf"))


def test_reads_saudinewsnet_zip_directly() -> None:
    need_shared(CORPUS)
    path = CORPUS / "2015-07-21.zip"
    items = list(read_file(path))
    arts = [a for a in items if isinstance(a, Article)]
    empty = [e for e in items if isinstance(e, InputError)]
    # 2,969 records in the file; 84 of them have an empty "content" and are reported, not read
    assert (len(arts), len(empty)) == (2885, 84)
    assert all("no article text" in e.reason for e in empty)
    a = arts[0]
    assert a.source.endswith("2015-07-21.zip!2015-07-21.json#0")
    assert a.title and a.published and a.published.value == "2015-07-21"
    assert a.publisher == "صحيفة الشرق الأوسط"
