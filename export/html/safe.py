"""Safe embedding of data in pages, and evidence snippets with the span marked."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from rasd.export.html.model import Sentence

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


WINDOW = 80  # characters kept on each side of a marked span in long sentences

Snippet = tuple[str, str, str]  # text before the span, the span, text after it


def _clip(pre: str, post: str) -> tuple[str, str]:
    if len(pre) > WINDOW:
        pre = "… " + pre[-WINDOW:]
    if len(post) > WINDOW:
        post = post[:WINDOW] + " …"
    return pre, post


def snippet(body: str, sentence: Sentence | None, start: int, end: int) -> Snippet:
    """The evidence text split as ``(pre, mark, post)`` around article offsets.

    Uses the sentence when it holds the span, otherwise the line of ``body`` around it.

    >>> snippet("قال فوتل إن داعش انتهى", None, 12, 16)
    ('قال فوتل إن ', 'داعش', ' انتهى')
    """
    if sentence is not None and 0 <= sentence.start <= start <= end <= sentence.end:
        a, b = start - sentence.start, end - sentence.start
        text = sentence.text
    elif 0 <= start <= end <= len(body):
        lo = body.rfind("\n", 0, start) + 1
        hi = body.find("\n", end)
        hi = len(body) if hi < 0 else hi
        text, a, b = body[lo:hi], start - lo, end - lo
    elif sentence is not None:
        return (sentence.text, "", "")
    else:
        return ("", "", "")
    pre, post = _clip(text[:a], text[b:])
    return (pre, text[a:b], post)
