"""Relayed speech: ``نقل X عن Y قوله`` and a relaying verb's source after «عن»."""

from __future__ import annotations

from rasd.extract.claims.after import speakers_after
from rasd.extract.claims.words import _is_complementiser, _plain_word, relay_cues
from rasd.extract.doc import Doc, SentView
from rasd.extract.patterns import match_cue
from rasd.extract.text import fold

_MAX_RELAYED = 8  # tokens from "عن" to the possessive "قوله" after the one quoted


def _quoted_from(doc: Doc, view: SentView, i: int) -> list[str]:
    """``نقل X عن Y قوله``: the speaker Y named between «عن» and the possessive cue at token
    ``i`` (and nothing else between), or ``[]``."""
    for k in range(i - 1, max(-1, i - _MAX_RELAYED), -1):
        if view.folded[k] == fold("عن"):
            keys, end = speakers_after(doc, view, k + 1)
            # the speaker's adjectives may stand between (a source read before ends at
            # its noun: "عن مصدر عسكري قوله")
            rest = range(end, i)
            plain = all(_plain_word(doc, view, n) for n in rest)
            return keys if keys and end <= i and len(rest) <= 2 and plain else []
    return []


_RELAY_GAP = 10  # tokens between a relaying verb's subject and «عن» (، من جهتها، «(سانا)»)


def _relayed(doc: Doc, view: SentView, i: int, j: int) -> tuple[list[str], int] | None:
    """After a relaying verb at token ``i`` whose subject ends at ``j`` (``ونقلت الوكالة``),
    ``عن Y`` naming the one quoted: (Y's keys, the token after Y), else ``None``."""
    word = view.folded[i]
    if word not in relay_cues() and not (word[:1] in ("و", "ف") and word[1:] in relay_cues()):
        return None
    for k in range(j, min(len(view.tokens), j + _RELAY_GAP)):
        if view.folded[k] == fold("عن"):
            keys, end = speakers_after(doc, view, k + 1, heads=True)
            n = end
            while n < min(len(view.tokens), end + 2) and _plain_word(doc, view, n):
                n += 1  # "عن مصادر موثوقة، أن": adjectives the source noun left out
            n = n + 1 if n < len(view.tokens) and view.tokens[n].text in "،," else n
            opens = n < len(view.tokens) and (
                view.tokens[n].text in ':«"“'
                or _is_complementiser(view.tokens[n].text)
                or match_cue(view, n) is not None
            )
            # what was said follows Y ("عن مصدر عسكري: «…»"); "، وفق ما نقلت صحيفة X عن
            # مسؤول." closes a statement before it: the paper is its source
            return (keys, end) if keys and opens else None
        if match_cue(view, k) is not None:
            return None
    return None
