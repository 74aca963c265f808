"""Read articles from files: ``.txt``, ``.json``/``.jsonl``, ``.html`` and ``.zip`` of those.

The reader finds the headline, publication date and publisher where the text gives them
(``نشر في الحياة يوم 06 - 10 - 2017``, a trailing ``2018-07-21``, a leading ``الوقت-``) and
marks site boilerplate (headline tickers, "report this image" notices, "read at the source"
links) as outside the article: only ``Article.segments`` are analysed.

Bad input never stops a build: :func:`read_inputs` yields an :class:`~extract.errors.InputError`
for each unreadable file (or JSON line, JSON record or zip member) and goes on with the rest.

Files are decoded from UTF-8 (with or without a BOM), UTF-16 with a BOM, Windows-1256 or
ISO-8859-6 (:func:`decode_text`); ``Article.encoding`` says which.  Limits (module constants):
a ``.txt``/``.html`` article over 5 MB and a ``.json`` document over 64 MB are refused by their
size, unread; ``.jsonl`` is streamed line by line and a line (one record) over 5 MB is skipped;
a zip member over the limit of its type, by its declared size or once reading passes the limit,
is refused, and an archive stops after 512 MB of unpacked data.
"""

from __future__ import annotations

import codecs
import dataclasses
import functools
import hashlib
import html
import io
import json
import logging
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import regex

from rasd.extract.dates import parse_date
from rasd.extract.errors import InputError
from rasd.extract.records import Article, DateValue
from rasd.extract.resources import Boilerplate, Publisher, load_table

log = logging.getLogger(__name__)
SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm", ".zip")
_MAX_TITLE_WORDS = 25


def article_id(text: str) -> str:
    """The content hash that identifies an article (16 hex digits of SHA-256).

    >>> article_id("نص")
    'e01176c2a05916f0'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class _Rules:
    drop: tuple[re.Pattern[str], ...]
    end: tuple[re.Pattern[str], ...]
    dateline: tuple[re.Pattern[str], ...]
    date_line: tuple[re.Pattern[str], ...]
    lead_source: tuple[re.Pattern[str], ...]


@functools.cache
def _rules() -> _Rules:
    groups: dict[str, list[re.Pattern[str]]] = {
        k: [] for k in ("drop_line", "end_body", "dateline", "date_line", "lead_source")
    }
    for row in load_table("boilerplate.tsv", Boilerplate):
        groups.setdefault(row.action, []).append(re.compile(row.pattern))
    return _Rules(
        tuple(groups["drop_line"]),
        tuple(groups["end_body"]),
        tuple(groups["dateline"]),
        tuple(groups["date_line"]),
        tuple(groups["lead_source"]),
    )


@functools.cache
def _content_footers() -> tuple[re.Pattern[str], ...]:
    """Footers that sites append to the text itself (cut from JSON article content)."""
    rows = load_table("boilerplate.tsv", Boilerplate)
    return tuple(re.compile(r.pattern) for r in rows if r.action == "content_footer")


@functools.cache
def _content_headers() -> tuple[re.Pattern[str], ...]:
    """Share-button rows that sites put at the start of the text itself: kept in the text
    (offsets do not move) but outside the body segment."""
    rows = load_table("boilerplate.tsv", Boilerplate)
    return tuple(re.compile(r.pattern) for r in rows if r.action == "content_header")


def _header_end(content: str) -> int:
    """Where the body starts after a leading content header (0 when there is none).

    >>> _header_end("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك يقوم الوزير")
    45
    """
    for pattern in _content_headers():
        m = pattern.match(content)
        if m and m.end() < len(content):
            return m.end()
    return 0


def _publisher_label(name: str | None) -> str | None:
    """Map a site code or bare name ("aawsat", "الحياة") to the publisher's label."""
    if not name:
        return None
    name = name.strip()
    for row in load_table("publishers.tsv", Publisher):
        if row.code == name:
            return row.label
    return name


def _is_ticker(line: str) -> bool:
    """A line made of many headlines run together (seed 002's first line)."""
    return len(re.split(r"\s{3,}", line.strip())) >= 5


def _any(patterns: Iterable[re.Pattern[str]], line: str) -> re.Match[str] | None:
    for p in patterns:
        m = p.search(line)
        if m:
            return m
    return None


def parse_text(text: str, source: str) -> Article:
    """Turn the text of a ``.txt`` article into an :class:`Article`.

    >>> a = parse_text("العنوان\\nنص الخبر الأول. قال فلان.\\n2018-07-21\\n", "x.txt")
    >>> a.title, a.published.value, [a.text[s:e] for s, e in a.segments]
    ('العنوان', '2018-07-21', ['العنوان', 'نص الخبر الأول. قال فلان.'])
    """
    rules = _rules()
    lines: list[tuple[int, int]] = []  # (start, end) without the newline
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append((pos, pos + len(body)))
        pos += len(raw)

    def line(i: int) -> str:
        return text[lines[i][0] : lines[i][1]]

    keep = [bool(line(i).strip()) for i in range(len(lines))]
    title_i: int | None = None
    published: DateValue | None = None
    publisher: str | None = None

    for i in range(len(lines)):
        if not keep[i]:
            continue
        s = line(i)
        if _is_ticker(s) or _any(rules.drop, s):
            keep[i] = False
        elif _any(rules.end, s):
            for j in range(i, len(lines)):
                keep[j] = False
            break

    # A dateline gives publisher and date; the line before it is the headline and anything
    # before the headline (tickers, notices) is not the article.
    for i in range(len(lines)):
        m = keep[i] and _any(rules.dateline, line(i))
        if m:
            publisher = m.group("publisher")
            published = parse_date(m.group("date"))
            keep[i] = False
            prev = [j for j in range(i) if keep[j]]
            if prev:
                title_i = prev[-1]
                for j in prev[:-1]:
                    keep[j] = False
            break

    # A trailing line holding only a date is the publication date.
    kept = [i for i in range(len(lines)) if keep[i]]
    if kept:
        m = _any(rules.date_line, line(kept[-1]))
        if m:
            date = parse_date(m.group("date"))
            if date is not None:
                published = published or date
                keep[kept[-1]] = False
                kept.pop()

    # Without a dateline the first line is the headline when it is short and not a sentence.
    if title_i is None and len(kept) > 1:
        first = line(kept[0]).strip()
        if len(first.split()) <= _MAX_TITLE_WORDS and not first.endswith((".", ":", "؟", "!")):
            title_i = kept[0]
    title = line(title_i).strip() if title_i is not None else None
    if title is not None:
        for i in kept:
            if i != title_i and line(i).strip() == title:
                keep[i] = False  # the headline repeated as the first body line

    segments: list[tuple[int, int]] = []
    title_span = None
    body_lines = [i for i in range(len(lines)) if keep[i]]
    for i in body_lines:
        a, b = lines[i]
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if i == title_i:
            title_span = (a, b)
        elif publisher is None and not segments and title_i is None:
            m = _any(rules.lead_source, text[a:b])
            if m:
                publisher = m.group("publisher")
                a += m.end()
        if b > a:
            segments.append((a, b))
    if not _has_words(text, segments):
        raise InputError(source, "no article text (only site boilerplate)")
    return Article(
        id=article_id(text),
        source=source,
        text=text,
        segments=tuple(segments),
        title=title,
        title_span=title_span,
        published=published,
        publisher=_publisher_label(publisher),
    )


def _json_kind(v: Any) -> str:
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, int | float):
        return "a number"
    return {dict: "an object", list: "a list"}.get(type(v), type(v).__name__)


def _first(obj: dict[str, Any], source: str, *names: str) -> str | None:
    """The first non-empty string field, with HTML character references decoded
    (SaudiNewsNet keeps ``&#8220;`` and ``&quot;`` in some titles and texts).

    A field that is null or absent is skipped; one of another type (a number, a list, an
    object) is an :class:`InputError`: the record is not guessed at.  A lone surrogate (from a
    ``\\ud800`` escape, not Unicode text) becomes U+FFFD, keeping every offset.
    """
    for n in names:
        v = obj.get(n)
        if v is None:
            continue
        if not isinstance(v, str):
            raise InputError(source, f"field '{n}' is {_json_kind(v)}, expected a string")
        if _LONE_SURROGATE.search(v):
            v = _LONE_SURROGATE.sub("\ufffd", v)
        if v.strip():
            v = v.strip()
            return html.unescape(v) if "&" in v else v
    return None


# characters that cannot stand in an IRI (RFC 3987): percent-encoded in a record's url
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')


_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S")


def _url(url: str | None, source: str = "") -> str | None:
    """The record's url, percent-encoding what an IRI cannot hold (spaces, quotes, ``<>``);
    a url that is not absolute (``/a/b``, ``0``) cannot name the article and is dropped.

    >>> _url('http://x.example/a b"<c>')
    'http://x.example/a%20b%22%3Cc%3E'
    >>> _url("/news/1") is None
    True
    """
    if url is None:
        return None
    if not _ABSOLUTE.match(url):
        log.warning("%s: url %r is not an absolute IRI; dropped", source, url[:80])
        return None
    if not _NOT_IRI.search(url):
        return url
    return _NOT_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


def _has_words(text: str, segments: Iterable[tuple[int, int]]) -> bool:
    return any(_WORD.search(text, a, b) for a, b in segments)


_WORD = re.compile(r"[^\W_]")


def parse_record(obj: Any, source: str) -> Article:
    """Turn one JSON object (title/content/url/date/source/author) into an :class:`Article`.

    The article text is the headline, a blank line, then the content, so that entities
    named in the headline keep offsets too.  ``date`` (or ``datePublished``/``published``)
    is the publication date; SaudiNewsNet's ``date_extracted`` (the crawl time, the same
    day for a daily crawl) is used when no publication date is given.
    """
    if not isinstance(obj, dict):
        raise InputError(source, f"expected a JSON object, found {type(obj).__name__}")
    content = _first(obj, source, "content", "text", "body", "articleBody")
    if content is None or not _WORD.search(content):
        raise InputError(source, "no article text (expected a 'content' or 'text' field)")
    for pattern in _content_footers():
        m = pattern.search(content)
        if m and m.start() > 0:
            content = content[: m.start()].rstrip()
    title = _first(obj, source, "title", "headline")
    skip = _header_end(content)
    if title:
        text = f"{title}\n\n{content}"
        title_span: tuple[int, int] | None = (0, len(title))
        segments = ((0, len(title)), (len(title) + 2 + skip, len(text)))
    else:
        text, title_span, segments = content, None, ((skip, len(content)),)
    date_s = _first(
        obj, source, "date", "datePublished", "published", "date_published", "date_extracted"
    )
    published = parse_date(date_s[:10] if date_s and re.match(r"\d{4}-", date_s) else date_s or "")
    if published is None and date_s and date_s.strip():
        log.warning("%s: date %r not understood; the article has no date", source, date_s[:40])
    return Article(
        id=article_id(text),
        source=source,
        text=text,
        segments=segments,
        title=title,
        title_span=title_span,
        published=published,
        publisher=_publisher_label(_first(obj, source, "source", "publisher", "site")),
        url=_url(_first(obj, source, "url", "link"), source),
        author=_first(obj, source, "author", "byline"),
    )


# elements whose text is never article text (scripts, styles, embedded frames and objects,
# site navigation)
_HTML_DROP = (
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "template",
    "svg",
    "math",
    "canvas",
    "noscript",
    "nav",
    "footer",
    "header",
    "aside",
    "form",
)


def parse_html(html: str, source: str) -> Article:
    """Main text of an HTML page: headline, date, site name and paragraphs, no navigation."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    for sel in _HTML_DROP:
        for node in tree.css(sel):
            node.decompose()

    def meta(*names: str) -> str | None:
        for n in names:
            node = tree.css_first(f'meta[property="{n}"]') or tree.css_first(f'meta[name="{n}"]')
            if node and node.attributes.get("content"):
                return (node.attributes["content"] or "").strip()
        return None

    h1 = tree.css_first("h1")
    title = (h1.text(strip=True) if h1 else None) or meta("og:title")
    if not title and tree.css_first("title"):
        title = tree.css_first("title").text(strip=True)
    root = tree.css_first("article") or tree.body or tree.root
    paras = [p.text(separator=" ", strip=True) for p in root.css("p")] if root else []
    paras = [p for p in paras if p]
    if not paras and root is not None:
        paras = [t.strip() for t in root.text(separator="\n").splitlines() if t.strip()]
    if not paras:
        raise InputError(source, "no article text found in the HTML")
    time_node = tree.css_first("time[datetime]")
    date_s = meta("article:published_time", "datePublished", "date") or (
        time_node.attributes.get("datetime") if time_node else None
    )
    link = tree.css_first('link[rel="canonical"]')
    obj = {
        "title": title,
        "content": "\n".join(paras),
        "date": date_s,
        "source": meta("og:site_name"),
        "url": meta("og:url") or (link.attributes.get("href") if link else None),
        "author": meta("author"),
    }
    return parse_record(obj, source)


# --- decoding -------------------------------------------------------------------------------
#
# Arabic archives come in UTF-8 (with or without a byte-order mark), UTF-16 with a BOM, and the
# two legacy code pages Windows-1256 and ISO-8859-6.  UTF-8 and BOM-marked input is decoded
# strictly; anything else goes to charset-normalizer restricted to the two legacy code pages,
# and its answer is kept only when the decoded text reads as Arabic prose (Arabic words, no
# control characters, few symbols, no Latin-1 letters glued to Arabic ones, which is what the
# wrong code page gives: see _plausible_arabic).  Byte soup is refused, never guessed.  The
# encoding names recorded on Article.encoding: utf-8, utf-8-sig (with a BOM), utf-16-le,
# utf-16-be, windows-1256, iso-8859-6.

LEGACY_ENCODINGS = {"cp1256": "windows-1256", "iso8859_6": "iso-8859-6"}
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")  # Arabic proper (not Persian/Urdu letters)
_CONTROL = re.compile(r"[\x00-\x08\x0E-\x1F\x7F]")
_LETTER = re.compile(r"[^\W\d_]")
# a Latin-1 letter (à â ç è é …) touching an Arabic letter: ISO-8859-6 read as Windows-1256
_MOJIBAKE = re.compile(r"[\u0621-\u064A][\u00C0-\u00FF]|[\u00C0-\u00FF][\u0621-\u064A]")
# control characters other than white space, private-use and unassigned code points
_NOT_TEXT = regex.compile(r"[\x00-\x08\x0E-\x1F\x7F-\x9F\p{Co}\p{Cn}]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _plausible_arabic(text: str, strict: bool = False) -> bool:
    """Whether a legacy-code-page decoding reads as Arabic prose: two Arabic words or more,
    Arabic letters at least 1 in 40 letters (half of them when ``strict``), next to no Latin-1
    letters glued to Arabic ones (what ISO-8859-6 read as Windows-1256 gives), few symbols
    and words of sane length.  ``strict`` also refuses any Latin-1 letter next to an Arabic
    one and any run of 30 letters.

    >>> _plausible_arabic("قال الوزير إن داعش خسر")
    True
    >>> _plausible_arabic("قال الناقد: The Conformist | Bernardo Bertolucci")
    True
    >>> _plausible_arabic("âانõ ÇáæÒíÑ")  # ISO-8859-6 bytes read as Windows-1256
    False
    """
    arabic = len(_ARABIC_LETTER.findall(text))
    letters = len(_LETTER.findall(text))
    if arabic == 0 or _CONTROL.search(text) or 50 * len(_MOJIBAKE.findall(text)) > arabic:
        return False
    words = text.split()
    if sum(1 for w in words if len(_ARABIC_LETTER.findall(w)) >= 2) < 2:
        return False  # too little to tell Arabic from byte soup
    nonspace = sum(len(w) for w in words)
    if 20 * len(_SYMBOL.findall(text)) > nonspace or nonspace > 20 * len(words):
        return False  # symbols everywhere (¤ ¦ § ¬ ‰ …) or no word breaks: not prose
    if not strict:
        return 40 * arabic >= letters
    return 2 * arabic >= letters and not _MOJIBAKE.search(text) and not _LONG_RUN.search(text)


# symbols and Latin-1 letters outside ASCII (HTML markup is full of ASCII symbols)
_SYMBOL = regex.compile(r"[\u0080-\U0010FFFF&&[\p{S}\u00C0-\u00FF]]", regex.V1)
_LONG_RUN = re.compile(r"[^\W\d_]{30}")


def _check_text(text: str, source: str) -> None:
    """Refuse decoded text that is really binary data (NULs, control or unassigned code points)."""
    if "\x00" in text:
        raise InputError(source, "binary data, not text (NUL characters)")
    bad = len(_NOT_TEXT.findall(text))
    if bad > 8 and bad * 100 > len(text):  # a stray control character is not a binary file
        raise InputError(source, f"binary data, not text ({bad} control or unassigned characters)")


def _detect_legacy(data: bytes) -> tuple[str, str] | None:
    """Windows-1256 or ISO-8859-6 text: charset-normalizer's choice among the two when it
    reads as Arabic; when it finds neither (it refuses some real text, e.g. with the RLM
    mark of Windows-1256), a strict decoding that passes the strict Arabic check."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS))
    for match in matches:
        name = LEGACY_ENCODINGS.get(match.encoding)
        if name is None:
            continue
        try:
            text = data.decode(match.encoding)
        except UnicodeDecodeError:
            continue
        if _plausible_arabic(text):
            return text, name
    if len(matches):
        return None
    for codec, name in LEGACY_ENCODINGS.items():
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible_arabic(text, strict=True):
            return text, name
    return None


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Decode the bytes of an article file: ``(text, encoding name)``.

    Raises :class:`InputError` naming ``source`` and the reason when the bytes are not text in
    a supported encoding.

    >>> decode_text("خسر داعش".encode("cp1256") + b" 2015", "a.txt")
    ('خسر داعش 2015', 'windows-1256')
    >>> decode_text(codecs.BOM_UTF16_LE + "قال".encode("utf-16-le"), "a.txt")
    ('قال', 'utf-16-le')
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            text, enc = data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(
                source, f"not valid UTF-8 text after its BOM (byte {exc.start + 3})"
            ) from None
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        try:
            text = data[2:].decode(enc)
        except UnicodeDecodeError as exc:
            raise InputError(
                source, f"not valid {enc.upper()} text after its BOM ({exc.reason})"
            ) from None
    else:
        if b"\x00" in data:
            raise InputError(source, "binary data, not text (NUL bytes)")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            legacy = _detect_legacy(data)
            if legacy is None:
                raise InputError(
                    source,
                    f"not UTF-8 text (byte {exc.start}) and not Arabic text in UTF-16, "
                    "Windows-1256 or ISO-8859-6",
                ) from None
            text, enc = legacy
    _check_text(text, source)
    return text, enc


# --- limits ---------------------------------------------------------------------------------
#
# A .txt/.html article over MAX_ARTICLE_BYTES is refused by its size without being read.  A
# .json document (a list of records) is parsed whole, so it is refused over MAX_JSON_BYTES;
# .jsonl is streamed line by line and only a line (one record) over MAX_ARTICLE_BYTES is
# refused.  A zip member is refused when its declared size is over the limit of its type, and
# reading stops at that limit whatever the header says; an archive stops after
# MAX_ZIP_TOTAL_BYTES of unpacked data (zip bombs).

MAX_ARTICLE_BYTES = 5 * 2**20
MAX_JSON_BYTES = 64 * 2**20
MAX_ZIP_TOTAL_BYTES = 512 * 2**20
_CHUNK = 2**20


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n} bytes"


def _cap(suffix: str) -> int:
    return MAX_JSON_BYTES if suffix in (".json", ".jsonl") else MAX_ARTICLE_BYTES


def _read_capped(fp: BinaryIO, cap: int, source: str) -> bytes:
    """All of ``fp``, read in chunks; InputError as soon as more than ``cap`` bytes come."""
    buf = bytearray()
    while True:
        chunk = fp.read(min(_CHUNK, cap + 1 - len(buf)))
        if not chunk:
            return bytes(buf)
        buf += chunk
        if len(buf) > cap:
            raise InputError(source, f"larger than the {_mb(cap)} limit (stopped reading)")


# --- JSON -----------------------------------------------------------------------------------


def _json_loads(text: str, where: str, lines: bool = True) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f", line {exc.lineno}" if lines else f", column {exc.colno}"
        raise InputError(where, f"not valid JSON ({exc.msg}{at})") from None
    except RecursionError:
        raise InputError(where, "not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # an integer over Python's 4300-digit limit
        raise InputError(where, f"not valid JSON ({str(exc).split(':')[0]})") from None


def _read_json_payload(data: bytes, source: str) -> Iterator[Article | InputError]:
    text, enc = decode_text(data, source)
    payload = _json_loads(text, source)
    items = payload if isinstance(payload, list) else [payload]
    if not items:
        raise InputError(source, "no records (an empty JSON list)")
    for n, obj in enumerate(items):
        where = f"{source}#{n}" if isinstance(payload, list) else source
        try:
            yield dataclasses.replace(parse_record(obj, where), encoding=enc)
        except InputError as err:
            yield err


def _jsonl_lines(fp: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` of a stream, ``None`` for a line over ``limit`` (skipped
    without holding more than ``limit`` bytes of it)."""
    n = 0
    while True:
        raw = fp.readline(limit + 1)
        if not raw:
            return
        n += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = fp.readline(_CHUNK)
            yield n, None
        else:
            yield n, raw


LEGACY_CODECS = {name: codec for codec, name in LEGACY_ENCODINGS.items()}


def _decode_line(
    raw: bytes, where: str, enc: str, legacy: tuple[str, str] | None
) -> tuple[str, str]:
    """One JSON line: UTF-8, else the legacy code page of the lines before it when it still
    reads as Arabic, else detected afresh."""
    try:
        return raw.decode("utf-8"), enc
    except UnicodeDecodeError:
        pass
    if legacy is not None:
        try:
            text = raw.decode(legacy[0])
        except UnicodeDecodeError:
            text = ""
        if text and _plausible_arabic(text):
            return text, legacy[1]
    return decode_text(raw, where)


def _read_jsonl(fp: BinaryIO, source: str) -> Iterator[Article | InputError]:
    """Records of a JSON-lines stream, one line at a time (a bad line is reported and
    skipped).  UTF-16 JSON lines (BOM) are decoded whole, up to :data:`MAX_JSON_BYTES`."""
    head = fp.read(3)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = head + _read_capped(fp, MAX_JSON_BYTES - len(head), source)
        text, enc = decode_text(data, source)
        lines: Iterable[tuple[int, bytes | None]] = (
            (n, raw.encode("utf-8")) for n, raw in enumerate(text.split("\n"), start=1)
        )
    else:
        if head != codecs.BOM_UTF8:
            fp.seek(0)
        lines = _jsonl_lines(fp, MAX_ARTICLE_BYTES)
        enc = "utf-8-sig" if head == codecs.BOM_UTF8 else "utf-8"
    records = 0
    legacy: tuple[str, str] | None = None  # (codec, name) of the last legacy-encoded line
    for n, raw in lines:
        where = f"{source}:{n}"
        if raw is None:
            yield InputError(where, f"record longer than the {_mb(MAX_ARTICLE_BYTES)} limit")
            continue
        if not raw.strip():
            continue
        records += 1
        try:
            text, line_enc = _decode_line(raw, where, enc, legacy)
            if line_enc in LEGACY_CODECS:
                legacy = (LEGACY_CODECS[line_enc], line_enc)
            art = parse_record(_json_loads(text, where, lines=False), where)
            yield dataclasses.replace(art, encoding=line_enc)
        except InputError as err:
            yield err
    if not records:
        yield InputError(source, "empty file (no JSON lines)")


# --- files and archives ---------------------------------------------------------------------


def _read_payload(suffix: str, data: bytes, source: str) -> Iterator[Article | InputError]:
    """Articles in the bytes of one file or zip member (InputError raised for a bad one)."""
    if not data.strip(b" \t\r\n"):
        raise InputError(source, "empty file")
    if suffix == ".json":
        yield from _read_json_payload(data, source)
    elif suffix == ".jsonl":
        yield from _read_jsonl(io.BytesIO(data), source)
    elif suffix in (".html", ".htm", ".txt"):
        text, enc = decode_text(data, source)
        if not text.strip():
            raise InputError(source, "empty file")
        parse = parse_text if suffix == ".txt" else parse_html
        yield dataclasses.replace(parse(text, source), encoding=enc)
    else:
        raise InputError(source, f"unsupported file type '{suffix}' (use {', '.join(SUFFIXES)})")


def _zip_member_error(exc: BaseException) -> str:
    if isinstance(exc, zipfile.BadZipFile) and "CRC" in str(exc):
        return "damaged zip member (bad CRC-32 checksum)"
    if isinstance(exc, NotImplementedError):
        return f"zip member not read ({exc})"
    detail = str(exc).splitlines()[0] if str(exc) else ""
    return f"damaged zip member ({type(exc).__name__}: {detail})"


def _read_zip(path: Path, source: str) -> Iterator[Article | InputError]:
    """Articles of the supported members of a zip archive, each member checked on its own."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError):
        yield InputError(source, "not a valid zip archive")
        return
    with zf:
        members = sorted(
            (i for i in zf.infolist() if not i.is_dir()),
            key=lambda i: (i.filename, i.header_offset),
        )
        total = 0
        for k, info in enumerate(members):
            suffix = Path(info.filename).suffix.lower()
            if suffix not in SUFFIXES:
                continue
            inner = f"{source}!{info.filename}"
            if suffix == ".zip":
                yield InputError(inner, "a zip inside a zip is not read (unpack it first)")
                continue
            if info.flag_bits & 0x1:
                yield InputError(inner, "encrypted zip member (password needed), not read")
                continue
            cap = _cap(suffix)
            if info.file_size > cap:
                yield InputError(
                    inner, f"unpacks to {_mb(info.file_size)}, over the {_mb(cap)} limit"
                )
                continue
            room = MAX_ZIP_TOTAL_BYTES - total
            if info.file_size > room:
                yield InputError(
                    source,
                    f"unpacks to more than {_mb(MAX_ZIP_TOTAL_BYTES)}: stopped before "
                    f"{info.filename} ({len(members) - k} members not read)",
                )
                return
            try:
                with zf.open(info) as fp:
                    data = _read_capped(fp, min(cap, room), inner)
            except InputError as err:
                yield err
                continue
            except (
                zipfile.BadZipFile,
                zlib.error,
                EOFError,
                NotImplementedError,
                RuntimeError,
                ValueError,
                OSError,
            ) as exc:
                yield InputError(inner, _zip_member_error(exc))
                continue
            total += len(data)
            try:
                yield from _read_payload(suffix, data, inner)
            except InputError as err:
                yield err


def read_file(path: Path, display: str | None = None) -> Iterator[Article | InputError]:
    """Articles in one file (a zip yields the articles of its members); every problem is
    yielded as an :class:`InputError` naming the file (and record) and the reason."""
    source = display or str(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".zip":
            yield from _read_zip(path, source)
            return
        if suffix not in SUFFIXES:
            raise InputError(
                source, f"unsupported file type '{suffix}' (use {', '.join(SUFFIXES)})"
            )
        size = path.stat().st_size
        if size == 0:
            raise InputError(source, "empty file")
        if suffix == ".jsonl":
            with path.open("rb") as fp:
                yield from _read_jsonl(fp, source)
            return
        cap = _cap(suffix)
        if size > cap:
            raise InputError(source, f"file of {_mb(size)}, over the {_mb(cap)} limit (not read)")
        with path.open("rb") as fp:
            data = _read_capped(fp, cap, source)
        yield from _read_payload(suffix, data, source)
    except InputError as err:
        yield err
    except OSError as exc:
        yield InputError(source, f"cannot read ({exc.strerror or exc})")


def expand_inputs(paths: Iterable[Path]) -> Iterator[Path | InputError]:
    """Files named, and the supported files under each folder named, in a stable order."""
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    yield f
        elif p.is_file():
            yield p
        elif p.exists():
            yield InputError(str(p), "not a regular file or folder (a pipe or a device?)")
        else:
            yield InputError(str(p), "no such file or folder")


def read_inputs(paths: Iterable[Path]) -> Iterator[Article | InputError]:
    """Every article under ``paths``; errors are yielded, never raised."""
    for f in expand_inputs(paths):
        if isinstance(f, InputError):
            yield f
        else:
            yield from read_file(f)
