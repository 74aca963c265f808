"""Read articles from files: ``.txt``, ``.json``/``.jsonl``, ``.html`` and ``.zip`` of those.

The reader finds the headline, publication date and publisher where the text gives them
(``نشر في الحياة يوم 06 - 10 - 2017``, a trailing ``2018-07-21``, a leading ``الوقت-``) and
marks site boilerplate (headline tickers, "report this image" notices, "read at the source"
links) as outside the article: only ``Article.segments`` are analysed.

Bad input never stops a build: :func:`read_inputs` yields an :class:`~extract.errors.InputError`
for each unreadable file (or JSON line) and goes on with the rest.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.dates import parse_date
from extract.errors import InputError
from extract.records import Article, DateValue
from extract.resources import load_tsv

SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm", ".zip")
_MAX_TITLE_WORDS = 25


def article_id(text: str) -> str:
    """The content hash that identifies an article (16 hex digits of SHA-256).

    >>> article_id("نص")
    'a7f3e4ed3f3e0734'
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
    for row in load_tsv("boilerplate.tsv", ("action", "pattern")):
        groups.setdefault(row["action"], []).append(re.compile(row["pattern"]))
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
    rows = load_tsv("boilerplate.tsv", ("action", "pattern"))
    return tuple(re.compile(r["pattern"]) for r in rows if r["action"] == "content_footer")


def _publisher_label(name: str | None) -> str | None:
    """Map a site code or bare name ("aawsat", "الحياة") to the publisher's label."""
    if not name:
        return None
    name = name.strip()
    for row in load_tsv("publishers.tsv", ("code", "label")):
        if row["code"] == name:
            return row["label"]
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


def _first(obj: dict[str, Any], *names: str) -> str | None:
    """The first non-empty string field, with HTML character references decoded
    (SaudiNewsNet keeps ``&#8220;`` and ``&quot;`` in some titles and texts)."""
    for n in names:
        v = obj.get(n)
        if isinstance(v, str) and v.strip():
            v = v.strip()
            return html.unescape(v) if "&" in v else v
    return None


def parse_record(obj: Any, source: str) -> Article:
    """Turn one JSON object (title/content/url/date/source/author) into an :class:`Article`.

    The article text is the headline, a blank line, then the content, so that entities
    named in the headline keep offsets too.  ``date`` (or ``datePublished``/``published``)
    is the publication date; SaudiNewsNet's ``date_extracted`` (the crawl time, the same
    day for a daily crawl) is used when no publication date is given.
    """
    if not isinstance(obj, dict):
        raise InputError(source, f"expected a JSON object, found {type(obj).__name__}")
    content = _first(obj, "content", "text", "body", "articleBody")
    if content is None:
        raise InputError(source, "no article text (expected a 'content' or 'text' field)")
    for pattern in _content_footers():
        m = pattern.search(content)
        if m and m.start() > 0:
            content = content[: m.start()].rstrip()
    title = _first(obj, "title", "headline")
    if title:
        text = f"{title}\n\n{content}"
        title_span: tuple[int, int] | None = (0, len(title))
        segments = ((0, len(title)), (len(title) + 2, len(text)))
    else:
        text, title_span, segments = content, None, ((0, len(content)),)
    date_s = _first(obj, "date", "datePublished", "published", "date_published", "date_extracted")
    published = parse_date(date_s[:10] if date_s and re.match(r"\d{4}-", date_s) else date_s or "")
    return Article(
        id=article_id(text),
        source=source,
        text=text,
        segments=segments,
        title=title,
        title_span=title_span,
        published=published,
        publisher=_publisher_label(_first(obj, "source", "publisher", "site")),
        url=_first(obj, "url", "link"),
        author=_first(obj, "author", "byline"),
    )


def parse_html(html: str, source: str) -> Article:
    """Main text of an HTML page: headline, date, site name and paragraphs, no navigation."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    for sel in ("script", "style", "nav", "footer", "header", "aside", "form", "noscript"):
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


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not UTF-8 text (byte {exc.start})") from exc


def _read_json_payload(data: bytes, source: str) -> Iterator[Article | InputError]:
    text = _decode(data, source)
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(source, f"not valid JSON ({exc.msg}, line {exc.lineno})")
        return
    items = payload if isinstance(payload, list) else [payload]
    for n, obj in enumerate(items):
        where = f"{source}#{n}" if isinstance(payload, list) else source
        try:
            yield parse_record(obj, where)
        except InputError as err:
            yield err


def _read_jsonl_payload(data: bytes, source: str) -> Iterator[Article | InputError]:
    text = _decode(data, source)
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{source}:{n}"
        try:
            yield parse_record(json.loads(raw), where)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON ({exc.msg})")
        except InputError as err:
            yield err


def _read_payload(name: str, data: bytes, source: str) -> Iterator[Article | InputError]:
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        yield from _read_json_payload(data, source)
    elif suffix == ".jsonl":
        yield from _read_jsonl_payload(data, source)
    elif suffix in (".html", ".htm"):
        yield parse_html(_decode(data, source), source)
    elif suffix == ".txt":
        text = _decode(data, source)
        if not text.strip():
            raise InputError(source, "empty file")
        yield parse_text(text, source)
    else:
        raise InputError(source, f"unsupported file type '{suffix}' (use {', '.join(SUFFIXES)})")


def read_file(path: Path, display: str | None = None) -> Iterator[Article | InputError]:
    """Articles in one file (a zip yields the articles of its members)."""
    source = display or str(path)
    try:
        if path.suffix.lower() == ".zip":
            try:
                zf = zipfile.ZipFile(path)
            except zipfile.BadZipFile:
                yield InputError(source, "not a valid zip archive")
                return
            with zf:
                for member in sorted(zf.namelist()):
                    if member.endswith("/") or Path(member).suffix.lower() not in SUFFIXES:
                        continue
                    inner = f"{source}!{member}"
                    try:
                        yield from _read_payload(member, zf.read(member), inner)
                    except InputError as err:
                        yield err
            return
        yield from _read_payload(path.name, path.read_bytes(), source)
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
        else:
            yield InputError(str(p), "no such file or folder")


def read_inputs(paths: Iterable[Path]) -> Iterator[Article | InputError]:
    """Every article under ``paths``; errors are yielded, never raised."""
    for f in expand_inputs(paths):
        if isinstance(f, InputError):
            yield f
        else:
            yield from read_file(f)
