"""Document-level label consistency: a name tagged once is tagged wherever it recurs.

A news article names its actors many times, and a sentence-level tagger finds some of the
occurrences and misses others (``الليكود`` tagged in one sentence, left ``O`` in the next).
:func:`propagate` takes the tags of one document's sentences and tags the untagged
recurrences of every name the tagger found there, with the type it was found with most often.

Matching uses the look-up form of :func:`extract.ner.features.normalize` (hamza and alef
forms, alef maqsura, teh marbuta, diacritics and tatweel do not matter), and a recurrence may
carry proclitics the tagged name did not: ``الليكود`` tagged → ``والليكود``, ``لليكود`` and
``بالليكود`` tagged too.  A tagged ``والليكود`` also counts as ``الليكود``; other proclitics
are not stripped from tagged names (``بولو`` must not make every ``ولو`` a name).

>>> propagate([["قال", "الليكود", "."], ["وانتقد", "والليكود", "القرار"]],
...           [["O", "B-ORG", "O"], ["O", "O", "O"]])
[['O', 'B-ORG', 'O'], ['O', 'B-ORG', 'O']]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from rasd.extract.ner.conll import get_chunks
from rasd.extract.ner.features import normalize_many

__all__ = ["propagate"]

#: proclitic sequences a recurrence may carry before a tagged name (conjunction, preposition)
_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_TWO_LETTER = tuple(p for p in _PROCLITICS if len(p) == 2)
_MIN_LETTERS = 3


def _name_key(words: Sequence[str]) -> tuple[str, ...]:
    """The key of a tagged name: normalised words, a proclitic before ال removed."""
    first = words[0]
    if first[:1] in "وفبك" and first[1:3] == "ال" and len(first) > 4:
        first = first[1:]
    elif first[:2] in _TWO_LETTER and first[2:4] == "ال" and len(first) > 5:
        first = first[2:]
    return (first, *words[1:])


def _first_forms(first: str) -> set[str]:
    """Forms a recurrence's first word may take: with proclitics, لل for ل + ال."""
    forms = {q + first for q in _PROCLITICS}
    if first.startswith("ال"):
        # ل + العراق → للعراق; ل + الليكود → لليكود (the article's lam is dropped)
        rest = first[2:] if first.startswith("الل") else first[1:]
        forms |= {q + "ل" + rest for q in ("", "و", "ف")}
    return forms


def propagate(
    sentences: Sequence[Sequence[str]],
    tags: Sequence[Sequence[str]],
    window: int | None = None,
) -> list[list[str]]:
    """Return ``tags`` with the untagged recurrences of tagged names tagged as well.

    ``sentences`` are one document's token lists and ``tags`` their BIO tags.  With
    ``window=None`` the whole document is one context; with ``window=k`` a sentence takes
    names from the ``k`` sentences before and after it (for files without document
    boundaries).  Existing tags are never changed; a recurrence is tagged only where all its
    tokens are ``O`` and it is not followed by an ``I-`` tag.
    """
    if len(sentences) != len(tags):
        raise ValueError(f"{len(sentences)} sentences but {len(tags)} tag sequences")
    for k, (words, seq) in enumerate(zip(sentences, tags, strict=True)):
        if len(words) != len(seq):
            raise ValueError(f"sentence {k}: {len(words)} tokens but {len(seq)} tags")
    flat = normalize_many([w for s in sentences for w in s])  # one pass over the article
    norms = []
    k = 0
    for s in sentences:
        norms.append(flat[k : k + len(s)])
        k += len(s)
    found: list[list[tuple[tuple[str, ...], str]]] = []
    for words, seq in zip(norms, tags, strict=True):
        names = []
        if seq.count("O") == len(seq):  # no chunk (get_chunks visits no position)
            found.append(names)
            continue
        for start, end, typ in get_chunks(list(seq)):
            key = _name_key(words[start:end])
            if len("".join(key)) >= _MIN_LETTERS:
                names.append((key, typ))
        found.append(names)
    n = len(sentences)
    present = set(flat)
    out: list[list[str]] = []
    if window is None:  # the same names for every sentence: count them once
        votes, by_first = _index(found, present)
        if not votes:
            return [list(seq) for seq in tags]
        # the positions where a name may start, found over the whole document at once
        hits = [k for k, w in enumerate(flat) if w in by_first]
        h = 0
        k = 0
        for words, seq in zip(norms, tags, strict=True):
            end = k + len(words)
            h0 = h
            while h < len(hits) and hits[h] < end:
                h += 1
            new = list(seq)
            if h > h0:
                _tag_recurrences(words, new, votes, by_first, [j - k for j in hits[h0:h]])
            out.append(new)
            k = end
        return out
    for i, (words, seq) in enumerate(zip(norms, tags, strict=True)):
        votes, by_first = _index(found[max(0, i - window) : min(n, i + window + 1)], present)
        new = list(seq)
        if votes:
            _tag_recurrences(words, new, votes, by_first)
        out.append(new)
    return out


def _index(
    found: Sequence[Sequence[tuple[tuple[str, ...], str]]],
    present: set[str],
) -> tuple[dict[tuple[str, ...], Counter[str]], dict[str, list[tuple[str, ...]]]]:
    """The votes for each name's type in ``found`` (names tagged in some sentences), and the
    names by the forms their first word may take, longest names first; only the forms among
    ``present`` (the document's normalised words: the only ones looked up)."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for names in found:
        for key, typ in names:
            votes[key][typ] += 1
    # longest names first, so "حزب الليكود" wins over "الليكود"
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(votes, key=lambda k: (-len(k), k)):
        for form in _first_forms(key[0]) & present:
            by_first[form].append(key)
    return votes, by_first


def _tag_recurrences(
    words: list[str],
    tags: list[str],
    votes: dict[tuple[str, ...], Counter[str]],
    by_first: dict[str, list[tuple[str, ...]]],
    starts: Sequence[int] | None = None,
) -> None:
    """Tag, left to right, the untagged recurrences in one sentence (``words`` normalised,
    ``tags`` changed in place); a recurrence's tokens are not looked at again.  ``starts``:
    the positions of the words in ``by_first``, in order, when the caller has them."""
    n = len(words)
    free = 0  # the first position not inside a recurrence tagged here
    if starts is None:
        starts = [k for k, w in enumerate(words) if w in by_first]
    for i in starts:
        if i < free or tags[i] != "O":
            continue
        for key in by_first[words[i]]:
            end = i + len(key)
            if (
                end <= n
                and tuple(words[i + 1 : end]) == key[1:]
                and tags[i:end].count("O") == end - i
                and (end == n or not tags[end].startswith("I-"))
            ):
                # the most frequent type; ties broken by name for a deterministic result
                typ = min(votes[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
                tags[i] = "B-" + typ
                tags[i + 1 : end] = ["I-" + typ] * (end - i - 1)
                free = end
                break
