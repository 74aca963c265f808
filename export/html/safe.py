"""Safe embedding of data in pages, and evidence snippets with the span marked."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from export.html.model import SiteData

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(value: Any) -> Markup:
    """JSON safe to place inside ``<script type="application/json">``.

    Arabic stays UTF-8 (``ensure_ascii=False``); ``<``, ``>``, ``&`` and U+2028/9 are
    escaped as ``\\uXXXX`` so that no string can close the script element.

    >>> str(script_json({"a": "</script>"}))
    '{"a":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in _SCRIPT_ESCAPES.items():
        text = text.replace(ch, esc)
    return Markup(text)


WINDOW = 160  # characters kept on each side of a marked span in long sentences


def _clip(pre: str, post: str) -> tuple[str, str]:
    if len(pre) > WINDOW:
        pre = "… " + pre[-WINDOW:]
    if len(post) > WINDOW:
        post = post[:WINDOW] + " …"
    return pre, post


def snippet(
    data: SiteData, sentence: str | None, article: str | None, start: int, end: int
) -> dict[str, str]:
    """The evidence text split as ``pre``/``mark``/``post`` around article offsets.

    Uses the sentence node when it holds the span, otherwise the article body.
    """
    sent = data.sentences.get(sentence or "")
    if sent is not None and sent.start >= 0 and sent.start <= start <= end <= sent.end:
        a, b = start - sent.start, end - sent.start
        text = sent.text
    else:
        art = data.articles.get(article or "")
        body = art.body if art else ""
        if 0 <= start <= end <= len(body):
            lo = body.rfind("\n", 0, start) + 1
            hi = body.find("\n", end)
            hi = len(body) if hi < 0 else hi
            text, a, b = body[lo:hi], start - lo, end - lo
        elif sent is not None:
            return {"pre": sent.text, "mark": "", "post": ""}
        else:
            return {"pre": "", "mark": "", "post": ""}
    pre, post = _clip(text[:a], text[b:])
    return {"pre": pre, "mark": text[a:b], "post": post}


def article_ref(data: SiteData, article: str | None, root: str) -> dict[str, str]:
    """Title, date and relative link of an article (empty strings when unknown)."""
    art = data.articles.get(article or "")
    if art is None:
        return {"title": "", "date": "", "href": ""}
    return {"title": art.headline, "date": art.date or "", "href": f"{root}article/{art.file}.html"}


def evidence_item(
    data: SiteData,
    sentence: str | None,
    article: str | None,
    start: int,
    end: int,
    root: str,
    date: str | None = None,
) -> dict[str, str]:
    """A snippet plus its article reference, as shown in side panels and entity pages."""
    item = snippet(data, sentence, article, start, end)
    item.update(article_ref(data, article, root))
    if date:
        item["date"] = date
    return item
