"""Slow, obviously-right references that tests compare the runtime's fast code with."""

from __future__ import annotations

from typing import Any

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

_TATWEEL = "\u0640"
_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",  # Arabic-Indic and Extended Arabic-Indic digits
    "01234567890123456789",
)


def normalize_slow(token: str) -> str:
    """The NER's token normalisation (:func:`rasd.extract.ner.features.normalize`) built from
    camel-tools' normalisers applied one after the other."""
    s = dediac_ar(token).replace(_TATWEEL, "")
    s = normalize_alef_ar(s)
    s = normalize_alef_maksura_ar(s)
    s = normalize_teh_marbuta_ar(s)
    return s.translate(_DIGITS)


def get_chunks_slow(tags: list[str]) -> list[tuple[int, int, str]]:
    """conlleval's chunks of a tag sequence, token by token as the script reads them (the
    reference for :func:`rasd.extract.ner.conll.get_chunks`, which skips runs of ``O``)."""

    def split(tag: str) -> tuple[str, str]:
        if tag == "O" or not tag:
            return "O", ""
        if "-" in tag:
            prefix, _, typ = tag.partition("-")
            return prefix, typ
        return tag, ""

    ends = {("B", "B"), ("B", "O"), ("I", "B"), ("I", "O"), ("E", "E"), ("E", "I"), ("E", "O")}
    starts = {("B", "B"), ("I", "B"), ("O", "B"), ("O", "I"), ("E", "E"), ("E", "I"), ("O", "E")}
    chunks: list[tuple[int, int, str]] = []
    prev_tag, prev_type, start = "O", "", -1
    for i, t in enumerate([*tags, "O"]):
        tag, typ = split(t)
        end_here = (prev_tag, tag) in ends or prev_tag in ("[", "]")
        end_here = end_here or (prev_tag not in ("O", ".") and prev_type != typ)
        if start >= 0 and end_here:
            chunks.append((start, i, prev_type))
            start = -1
        start_here = (prev_tag, tag) in starts or tag in ("[", "]")
        if start_here or (tag not in ("O", ".") and prev_type != typ):
            start = i
        prev_tag, prev_type = tag, typ
    return chunks


def apposed_slow(doc: Any, start: int) -> bool:
    """The title apposition test of :func:`rasd.extract.coref.resolve_title_refs` as it was
    written first: the person mention ending last before ``start`` ends over only spaces and
    commas (the reference for :func:`rasd.extract.coref._apposed`)."""
    before = [m for m in doc.mentions if m.end <= start and m.cls == "Person"]
    if not before:
        return False
    last = max(before, key=lambda m: m.end)
    return not doc.article.text[last.end : start].strip(" ،,")


def several_recent_slow(doc: Any, keys: list[str], pos: int, reach: int) -> bool:
    """Whether two or more of ``keys`` are named in the ``reach`` sentences before ``pos``,
    every mention looked at (the reference for :func:`rasd.extract.coref._several_recent`)."""
    here = doc.sentence_of(pos)
    recent = {
        m.key
        for m in doc.mentions
        if m.key in keys and m.end <= pos and doc.sentence_of(m.start) >= here - reach
    }
    return len(recent) > 1


def beside_slow(doc: Any, p: Any, start: int, end: int) -> bool:
    """:func:`rasd.extract.coref._beside` as it was written first, with slices of the text
    between the mention and the span (the reference for the search that replaced them)."""
    from rasd.extract.text import match_key

    text = doc.article.text
    if p.end <= start and not text[p.end : start].strip():
        return True
    if end <= p.start and not text[end : p.start].strip():
        return True
    label = match_key(p.key.rsplit("/", 1)[-1])
    return p.start <= start and label.startswith(match_key(text[p.start : end]))
