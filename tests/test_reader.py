"""Reading articles: headline, date, publisher, boilerplate, and bad input."""

from __future__ import annotations

import codecs
import io
import json
import os
import random
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from conftest import CORPUS, SEEDS, need_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract import reader
from rasd.extract.errors import InputError
from rasd.extract.reader import decode_text, parse_text, read_file, read_inputs
from rasd.extract.records import Article


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
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    errs = {
        Path(e.path).name: e.reason
        for e in read_inputs([tmp_path, tmp_path / "nope.txt"])
        if isinstance(e, InputError)
    }
    assert "binary data" in errs["bin.txt"]
    assert errs["empty.txt"] == "empty file"
    assert "not a valid zip" in errs["bad.zip"]
    assert errs["nope.txt"] == "no such file or folder"
    assert "x.pdf" not in errs  # folders are scanned for supported files only
    assert any("unsupported file type" in str(e) for e in read_file(tmp_path / "x.pdf"))


def test_a_pipe_named_as_input_is_not_called_missing(tmp_path: Path) -> None:
    """A named pipe (or a device) given as an input exists: the error says what it is, and a
    pipe inside a folder is passed over without blocking the build on an open()."""
    os.mkfifo(tmp_path / "feed.txt")
    (tmp_path / "a.txt").write_text("قال المتحدث إن الاجتماع انتهى.", encoding="utf-8")
    got = list(read_inputs([tmp_path / "feed.txt", tmp_path]))
    errs = [e for e in got if isinstance(e, InputError)]
    assert [(Path(e.path).name, e.reason) for e in errs] == [
        ("feed.txt", "not a regular file or folder (a pipe or a device?)")
    ]
    assert [Path(a.source).name for a in got if not isinstance(a, InputError)] == ["a.txt"]


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


# --- encodings --------------------------------------------------------------------------------

ENCODED = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "windows-1256": lambda t: t.encode("cp1256"),
    "iso-8859-6": lambda t: t.encode("iso8859_6"),
}


@pytest.mark.parametrize("encoding", list(ENCODED))
@pytest.mark.parametrize("name", ["000", "003"])
def test_seed_read_the_same_in_every_encoding(tmp_path: Path, name: str, encoding: str) -> None:
    """Seeds 000 and 003 hold only characters all six encodings have: each encoding must
    give the very article the UTF-8 file gives, with the encoding recorded."""
    raw = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    path = tmp_path / f"{name}.txt"
    path.write_bytes(ENCODED[encoding](raw))
    (art,) = read_file(path)
    assert isinstance(art, Article), art
    want = parse_text(raw, str(path))
    assert art.encoding == encoding
    assert (art.id, art.text, art.segments, art.title, art.published, art.publisher) == (
        want.id,
        want.text,
        want.segments,
        want.title,
        want.published,
        want.publisher,
    )


NEWS = (
    "قال وزير الداخلية الفرنسي إن تنظيم داعش يستخدم شبكة الإنترنت لتجنيد الشباب، وأضاف أن "
    "السلطات أغلقت مئات الحسابات على تويتر خلال العام الماضي."
)


def _record(content: object = NEWS, **extra: object) -> dict[str, object]:
    return {"title": "داعش يتجه للفضاء الإلكتروني", "content": content, **extra}


@pytest.mark.parametrize("encoding", ["windows-1256", "iso-8859-6", "utf-16-le", "utf-8-sig"])
def test_json_and_jsonl_in_legacy_encodings(tmp_path: Path, encoding: str) -> None:
    text = json.dumps([_record(), _record(NEWS[:60])], ensure_ascii=False)
    (tmp_path / "a.json").write_bytes(ENCODED[encoding](text))
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in [_record(), _record(NEWS[:60])])
    (tmp_path / "b.jsonl").write_bytes(ENCODED[encoding](lines + "\n"))
    items = list(read_inputs([tmp_path]))
    assert all(isinstance(i, Article) for i in items), items
    assert [i.encoding for i in items] == [encoding] * 4
    assert [i.source for i in items] == [
        f"{tmp_path}/a.json#0",
        f"{tmp_path}/a.json#1",
        f"{tmp_path}/b.jsonl:1",
        f"{tmp_path}/b.jsonl:2",
    ]
    assert all(NEWS[:50] in i.text for i in items)


def test_iso_8859_6_is_not_read_as_windows_1256_even_when_short() -> None:
    # the bytes of قال ذلك in ISO-8859-6 are "âانص ذنك" and the like in Windows-1256
    for text in ("قال ذلك الوزير", "وهي في يده"):
        assert decode_text(text.encode("iso8859_6"), "x") == (text, "iso-8859-6")
        assert decode_text(text.encode("cp1256"), "x") == (text, "windows-1256")


@settings(max_examples=60, deadline=None)
@given(data=st.binary(min_size=40, max_size=400))
def test_byte_soup_is_refused_not_guessed(data: bytes) -> None:
    """Random bytes that are not UTF-8 never come out as 'Arabic' text."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return
    with pytest.raises(InputError):
        decode_text(data, "soup.txt")


def test_high_byte_soup_is_refused() -> None:
    rng = random.Random(7)
    for _ in range(50):
        soup = bytes(rng.randrange(0x80, 0x100) for _ in range(300))
        with pytest.raises(InputError, match="not UTF-8 text"):
            decode_text(soup, "soup.txt")


# --- bad files --------------------------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _patch_central(
    path: Path,
    member: str,
    flag: int | None = None,
    size: int | None = None,
    crc: int | None = None,
) -> None:
    """Rewrite one member's central-directory entry (and its local header's flag): what a
    damaged or hostile archive holds."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    i = data.find(b"PK\x01\x02")
    while data[i + 46 : i + 46 + len(member)] != member.encode():
        i = data.find(b"PK\x01\x02", i + 4)
    if flag is not None:
        struct.pack_into("<H", data, i + 8, flag)
        struct.pack_into("<H", data, info.header_offset + 6, flag)
    if crc is not None:
        struct.pack_into("<I", data, i + 16, crc)
    if size is not None:
        struct.pack_into("<I", data, i + 24, size)
    path.write_bytes(bytes(data))


def bad_corpus(root: Path) -> dict[str, str]:
    """A folder of bad inputs beside good ones: ``{where: expected reason}`` for each bad one."""
    good = json.dumps(_record(), ensure_ascii=False)
    good_txt = next(SEEDS.glob("003_*.txt")).read_bytes()
    (root / "good.txt").write_bytes(good_txt)
    (root / "good.json").write_text(good, encoding="utf-8")
    expect: dict[str, str] = {}

    def bad(name: str, data: bytes, reason: str) -> None:
        (root / name).write_bytes(data)
        expect[name] = reason

    bad("empty.txt", b"", "empty file")
    bad("blank.html", b" \n\t\n", "empty file")
    bad("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data")
    rng = random.Random(3)
    bad("soup.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(500)), "not UTF-8 text")
    bad("utf16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8A\x00", "not valid UTF-16-LE")
    bad("bom.txt", codecs.BOM_UTF8 + b"\xc3(", "not valid UTF-8 text after its BOM")
    bad("controls.txt", bytes(range(1, 9)) * 40 + "قال".encode(), "binary data")
    boiler = "انقر هنا لقراءة الخبر من مصدره\nشكرا على الإبلاغ\nسيتم حجب هذه الصورة\n"
    bad("boiler.txt", boiler.encode(), "no article text (only site boilerplate)")
    bad("dots.txt", "... ، ؟ !!!".encode(), "no article text")
    bad("noscript.html", b"<html><script>var a = 1;</script></html>", "no article text")
    with (root / "big.txt").open("wb") as f:
        f.truncate(100 * 2**20)  # sparse: refused by its size, never read
    expect["big.txt"] = "file of 100.0 MB, over the 5.0 MB limit (not read)"
    with (root / "big.json").open("wb") as f:
        f.truncate(100 * 2**20)
    expect["big.json"] = "file of 100.0 MB, over the 64.0 MB limit (not read)"
    bad("broken.json", b'{"content": "\xd9\x82\xd8\xa7\xd9\x84', "not valid JSON")
    bad("deep.json", b"[" * 100_000 + b"]" * 100_000, "not valid JSON (nested too deeply)")
    bad("number.json", b"42", "expected a JSON object, found int")
    bad("nothing.json", b"[]", "no records")
    bad("digits.json", b'{"content": ' + b"9" * 5000 + b"}", "not valid JSON")
    kinds = {
        "n": (_record(42), "field 'content' is a number, expected a string"),
        "l": (_record(["قال", "الوزير"]), "field 'content' is a list, expected a string"),
        "z": (_record(None), "no article text"),
        "m": ({"title": "عنوان"}, "no article text"),
        "t": ({**_record(), "title": {"ar": "عنوان"}}, "field 'title' is an object"),
        "d": ({**_record(), "date": 20150721}, "field 'date' is a number"),
        "b": ({**_record(), "url": True}, "field 'url' is true/false"),
    }
    for k, (rec, reason) in kinds.items():
        bad(f"field_{k}.json", json.dumps(rec, ensure_ascii=False).encode(), reason)
    lines = [good, "{bad json", "[1, 2]", json.dumps(_record(3.5)), "", good]
    (root / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expect["lines.jsonl:2"] = (
        "not valid JSON (Expecting property name enclosed in double quotes, column 2)"
    )
    expect["lines.jsonl:3"] = "expected a JSON object, found list"
    expect["lines.jsonl:4"] = "field 'content' is a number"
    bad("blank.jsonl", b"\n\n  \n", "empty file (no JSON lines)")
    bad("x.zip", b"PK\x03\x04 truncated", "not a valid zip archive")

    members = {"a.txt": good_txt, "b.json": good.encode(), "c.txt": good_txt, "d.pdf": b"%PDF"}
    _zip(root / "crc.zip", members)
    _patch_central(root / "crc.zip", "c.txt", crc=0x12345678)  # c.txt no longer checks out
    expect["crc.zip!c.txt"] = "damaged zip member (bad CRC-32 checksum)"

    _zip(root / "enc.zip", {"a.txt": good_txt, "secret.txt": good_txt})
    _patch_central(root / "enc.zip", "secret.txt", flag=0x1)
    expect["enc.zip!secret.txt"] = "encrypted zip member (password needed), not read"

    # a bomb: 200 MB of one letter in a few hundred kB; its header tells the truth
    bomb = "ا".encode() * (100 * 2**20)
    _zip(root / "bomb.zip", {"bomb.txt": bomb, "ok.txt": good_txt})
    expect["bomb.zip!bomb.txt"] = "unpacks to 200.0 MB, over the 5.0 MB limit"
    # a liar: the header says 1 kB, the data inflates to 200 MB; reading stops at 1 kB
    _zip(root / "liar.zip", {"liar.txt": bomb, "ok.txt": good_txt})
    _patch_central(root / "liar.zip", "liar.txt", size=1024)
    expect["liar.zip!liar.txt"] = "damaged zip member (bad CRC-32 checksum)"
    _zip(root / "nested.zip", {"inner.zip": (root / "enc.zip").read_bytes(), "a.txt": good_txt})
    expect["nested.zip!inner.zip"] = "a zip inside a zip is not read"
    return expect


def test_every_bad_input_is_one_named_error_and_no_good_article_is_lost(tmp_path: Path) -> None:
    expect = bad_corpus(tmp_path)
    items = list(read_inputs([tmp_path]))
    errors = [i for i in items if isinstance(i, InputError)]
    got = {e.path.removeprefix(f"{tmp_path}/"): e.reason for e in errors}
    assert len(got) == len(errors), "one error per bad input"
    assert set(got) == set(expect), set(got) ^ set(expect)
    for where, reason in expect.items():
        assert got[where].startswith(reason), (where, got[where])
        assert "\n" not in str(got[where]) and "Traceback" not in got[where]
    arts = sorted(a.source.removeprefix(f"{tmp_path}/") for a in items if isinstance(a, Article))
    assert arts == [
        "bomb.zip!ok.txt",
        "crc.zip!a.txt",
        "crc.zip!b.json",
        "enc.zip!a.txt",
        "good.json",
        "good.txt",
        "liar.zip!ok.txt",
        "lines.jsonl:1",
        "lines.jsonl:6",
        "nested.zip!a.txt",
    ]


def test_archive_stops_at_the_total_unpacked_limit(tmp_path: Path, monkeypatch) -> None:
    text = next(SEEDS.glob("003_*.txt")).read_bytes()
    _zip(tmp_path / "many.zip", {f"{i:02d}.txt": text for i in range(10)})
    monkeypatch.setattr(reader, "MAX_ZIP_TOTAL_BYTES", 3 * len(text) + 10)
    items = list(read_file(tmp_path / "many.zip"))
    assert [type(i).__name__ for i in items] == ["Article"] * 3 + ["InputError"]
    assert items[-1].reason.startswith("unpacks to more than") and "7 members not read" in str(
        items[-1]
    )


def test_reading_stops_at_the_cap_whatever_the_stream_says() -> None:
    stream = io.BytesIO(b"x" * (3 * 2**20))
    with pytest.raises(InputError, match=r"larger than the 1\.0 MB limit"):
        reader._read_capped(stream, 2**20, "m.txt")
    assert stream.tell() <= 2**20 + 1


def test_jsonl_is_streamed_and_a_huge_line_is_skipped(tmp_path: Path) -> None:
    """A 100 MB JSON line (sparse file) is refused after MAX_ARTICLE_BYTES, read in bounded
    memory, and the record after it is still read."""
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as f:
        f.truncate(100 * 2**20)
        f.seek(0, 2)
        f.write(b"\n" + json.dumps(_record(), ensure_ascii=False).encode() + b"\n")
    tracemalloc.start()
    try:
        items = list(read_file(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [type(i).__name__ for i in items] == ["InputError", "Article"]
    assert str(items[0]).endswith("huge.jsonl:1: record longer than the 5.0 MB limit")
    assert items[1].source.endswith("huge.jsonl:2")
    assert peak < 3 * reader.MAX_ARTICLE_BYTES, peak


def test_html_scripts_styles_and_frames_never_enter_the_article(tmp_path: Path) -> None:
    page = (
        "<html><head><style>p { color: red } .داعش {}</style>"
        "<script>var x = 'سكربت مخفي';</script></head><body><article><h1>داعش تخسر</h1>"
        "<p>قال مسؤول إن داعش خسر.<script>document.write('نص من سكربت')</script></p>"
        "<iframe src='x'>إطار مضمن</iframe><object>كائن مضمن</object>"
        "<template><p>قالب مخفي</p></template><noscript>لا سكربت</noscript>"
        "<p>وأضاف أن <svg><text>رسم</text></svg>الحرب مستمرة.</p></article></body></html>"
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    (art,) = read_file(tmp_path / "p.html")
    assert isinstance(art, Article)
    assert "قال مسؤول إن داعش خسر." in art.text and "الحرب مستمرة" in art.text
    for hidden in ("سكربت", "color", "إطار", "كائن", "قالب", "رسم", "var x"):
        assert hidden not in art.text


def test_json_strings_that_are_not_unicode_text_keep_their_offsets(tmp_path: Path) -> None:
    raw = '{"title": "عنوان", "content": "قال \\ud800 الوزير", "url": "http://x.example/a b"}'
    (tmp_path / "s.json").write_text(raw, encoding="utf-8")
    (art,) = read_file(tmp_path / "s.json")
    assert isinstance(art, Article)
    assert art.text == "عنوان\n\nقال \ufffd الوزير"
    art.text.encode("utf-8")  # a lone surrogate would raise here (and in every writer)
    assert art.url == "http://x.example/a%20b"


def test_html_in_windows_1256(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1256"><title>خبر</title></head><body><article>'
        f"<h1>داعش يتجه للفضاء الإلكتروني</h1><p>{NEWS}</p></article></body></html>"
    )
    (tmp_path / "p.html").write_bytes(page.encode("cp1256"))
    (art,) = read_file(tmp_path / "p.html")
    assert isinstance(art, Article)
    assert (art.encoding, art.title) == ("windows-1256", "داعش يتجه للفضاء الإلكتروني")
    assert NEWS in art.text


@pytest.mark.parametrize("date", ["not a date", "٣١/٠٢/٢٠١٥", "غداً"])
def test_a_date_field_that_is_not_understood_is_named_and_the_article_kept(
    date: str, caplog: pytest.LogCaptureFixture
) -> None:
    record = {"title": "عنوان", "content": "وقال المتحدث إن الهجوم فشل.", "date": date}
    with caplog.at_level("WARNING", logger="rasd"):
        article = reader.parse_record(record, "in/a.jsonl:3")
    assert article.published is None
    assert f"in/a.jsonl:3: date {date!r} not understood" in caplog.text


@pytest.mark.parametrize(
    "date", ["2015-07-21", "2015-07-21 10:04:00", "21 يوليو 2015", "٢١/٠٧/٢٠١٥"]
)
def test_a_date_field_that_is_understood_gives_no_warning(
    date: str, caplog: pytest.LogCaptureFixture
) -> None:
    record = {"title": "عنوان", "content": "وقال المتحدث إن الهجوم فشل.", "date": date}
    with caplog.at_level("WARNING", logger="rasd"):
        article = reader.parse_record(record, "in/a.jsonl:3")
    assert article.published is not None and article.published.value.startswith("2015-07-21")
    assert "not understood" not in caplog.text
