"""Claims: who said what, from direct quotes and reported speech.

A claim needs a speech cue (``speech_cues.tsv``: قال، أكد، حذر من أن، كتب، مضيفاً، بحسب،
وجاء في …) and a speaker; a quoted phrase with no speech act (``"الخلافة الإسلامية"``,
``«خلافة افتراضية»``) stays text.  Speakers are found, in order:

1. after the cue: a person/organisation mention (past titles, nisbas and appositions), a
   title standing for a person named earlier (``الكاتب``، ``الباحثان``), an anonymous source
   (``مصدر في الشرطة الفرنسية``، ``مسؤول أمريكي``) or a new two- or three-word name;
2. for continuations (``مضيفاً``، ``ويتابع``) and subject-less verbs: the last speaker, or the
   nearest person before the cue in the same sentence (with coordinated names: ``X وY اعتبرا``);
3. for documents (``وجاء في هذه الوثيقة``): the last document introduced (``وثيقة بعنوان "…"``).
"""

from __future__ import annotations

from extract.doc import Doc, SentView, strip_al
from extract.lexicon import nisba_country
from extract.patterns import (
    _add_person,
    is_source_noun,
    match_cue,
    match_title,
    ner_confirms,
    read_names,
    skip_modifiers,
)
from extract.records import Claim, EntityInfo, Relation
from extract.text import fold, is_word, match_key

_PAIRS = {"«": "»", "“": "”", '"': '"', "’": "’", "‘": "’", "”": "”", "„": "“"}
_SPEAKER_CLASSES = ("Person", "Organization", "UnnamedSource", "CreativeWork")
_DOC_NOUNS = frozenset(fold(w) for w in ("وثيقة", "تقرير", "نص", "كتاب", "بيان", "رسالة", "دراسة"))
_MIN_QUOTE_WORDS = 3
_MAX_MARKER_GAP = 6  # words between the speaker and "أن" / ":" / a quotation
_MAX_MARKER_GAP_AFTER_COMMA = 14  # "…، في تصريح نقله المركز الإعلامي، أن"
_RELATIVES = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "اللذان", "اللتان"))


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """Quotations in ``text[start:end]``: ``(open_mark, content_start, content_end, close_end)``.

    An unclosed quotation runs to the end of the span.

    >>> find_quotes('قال: «نعم» و"لا', 0, 15)
    [(5, 6, 9, 10), (12, 13, 15, 15)]
    """
    out = []
    i = start
    while i < end:
        ch = text[i]
        close = _PAIRS.get(ch)
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1, end)
        if close == ch:
            # a straight/curly mark used both ways: a mark preceded by a space and followed by
            # a letter opens a new quotation, so the one open before it was never closed
            while j >= 0 and text[j - 1].isspace() and j + 1 < end and not text[j + 1].isspace():
                out.append((i, i + 1, j, j))
                i, j = j, text.find(close, j + 1, end)
        if j < 0:
            out.append((i, i + 1, end, end))
            break
        out.append((i, i + 1, j, j + 1))
        i = j + 1
    return out


_COMPLEMENTISERS = frozenset(
    fold(w)
    for w in ("أن", "إن", "بأن", "بأنه", "بأنها", "بأنهم", "أنه", "أنها", "أنهم", "إنه", "إنها")
)


def _is_complementiser(word: str) -> bool:
    """أن، إن، بأنه … (the word that opens reported speech)."""
    return fold(word) in _COMPLEMENTISERS


def _words(text: str) -> int:
    return len(text.split())


_DOCUMENT_SOURCES = frozenset(fold(w) for w in ("بيان", "تقرير", "تقارير"))
_SOURCE_LINKS = frozenset(fold(w) for w in ("في", "من", "لدى", "ب", "عن", "ل"))


def _unnamed_source(doc: Doc, view: SentView, j: int) -> tuple[list[str], int]:
    """The anonymous source starting at token ``j`` (مصدر في الشرطة الفرنسية، مسؤول أمريكي،
    مصادر أمنية وطبية); returns (speaker keys, next token).

    A statement of an organisation (``بيان صادر عن البيت الأبيض``، ``بيان للتنظيم``) is the
    organisation's claim; ``المسؤول التركي`` (definite, singular) is the official named before.
    """
    toks = view.tokens
    first = view.folded[j]
    k = j + 1
    while k < len(toks) and toks[k].word and is_source_noun(toks[k].text):
        k += 1  # خبراء ومسؤولون
    part_of: str | None = None
    country: str | None = None
    while k < len(toks) and toks[k].word:
        f = view.folded[k]
        c = nisba_country(toks[k].text)
        if c:
            country = country or c
            k += 1
            continue
        definite_noun = first.startswith("ال")
        if f.endswith(("ي", "يه")) and f.startswith("ال") == definite_noun and len(f) > 3:
            k += 1  # مصدر طبي، مصادر أمنية وطبية، البيان الختامي
            continue
        if f in ("صادر", "صادره"):
            k += 1
            continue
        target = k + 1 if f in _SOURCE_LINKS else k
        m = doc.mention_at_token(toks[target]) if target < len(toks) else None
        if m is None and f[:1] in ("ل", "ب") and len(f) > 2:
            m = doc.mention_at_token(toks[k])  # للتنظيم، بوزارة الداخلية
        if m is not None and m.cls in ("Organization", "Country", "Place", "City"):
            part_of = m.key
            while k < len(toks) and toks[k].start < m.end:
                k += 1
            break
        break
    part_of = part_of or country
    if strip_al(first) in _DOCUMENT_SOURCES and part_of and doc.cls_of(part_of) == "Organization":
        return [part_of], k
    if first.startswith("ال") and is_source_noun(toks[j].text) == "sg":
        # "المصدر نفسه" → the source of that kind named before; "المسؤول التركي" → the person
        noun = strip_al(first)
        before = doc.mentions_in(0, toks[j].start)
        same = [m for m in before if m.cls == "UnnamedSource" and strip_al(fold(m.surface)) == noun]
        persons = [m for m in before if m.cls == "Person"]
        if same or persons:
            return [(same or persons)[-1].key], k
    start, end = toks[j].start, toks[k - 1].end
    if fold(toks[j].text)[:1] in ("و", "ف") and is_source_noun(toks[j].text[1:]):
        start += 1
    label = doc.article.text[start:end]
    key = f"{doc.article.id}/{match_key(label)}"
    doc.add_entity(EntityInfo(key, "UnnamedSource", label, source="pattern", scope=doc.article.id))
    noun_end = toks[j].end
    doc.add_mention(start, noun_end, key, "UnnamedSource", "claims")
    if part_of:
        doc.relations.append(Relation(key, "partOf", part_of, start, end, view.index, "claims"))
    return [key], k


def _title_ref_at(doc: Doc, pos: int) -> list[str]:
    for start, end, _title, _sent in doc.title_refs:
        if start <= pos < end:
            return doc.ref_persons.get((start, end), [])
    return []


def _skip_apposition(doc: Doc, view: SentView, j: int) -> int:
    """Skip "، الرئيس السابق لوكالة …" or "قائد القيادة …" after a speaker's name."""
    toks = view.tokens
    k = j + 1 if j < len(toks) and toks[j].text in "،," else j
    hit = match_title(view, k) if k < len(toks) else None
    if hit is None:
        return j
    return skip_modifiers(doc, view, hit[1], None)


def speakers_after(doc: Doc, view: SentView, k: int) -> tuple[list[str], int]:
    """Speakers named right after a cue ending at token ``k``, and where they end."""
    toks = view.tokens
    j = k
    while j < len(toks):
        tok = toks[j]
        if tok.text in '«»"“”’‘' and j + 1 < len(toks):
            m = doc.mention_at_token(toks[j + 1])
            if m is None:
                return [], j
            j += 1
            continue
        m = doc.mention_at_token(tok)
        if m is not None:
            if m.cls in _SPEAKER_CLASSES:
                keys = [m.key]
                end = m.end
                # coordinated speakers: "X وY"
                for other in doc.mentions_in(m.end, view.sentence.end):
                    gap = doc.article.text[end : other.start].strip()
                    if other.cls == "Person" and m.cls == "Person" and gap in ("و", "،"):
                        keys.append(other.key)
                        end = other.end
                    else:
                        break
                while j < len(toks) and toks[j].start < end:
                    j += 1
                return keys, _skip_apposition(doc, view, j)
            return [], j
        refs = _title_ref_at(doc, tok.start)
        if refs:
            while j < len(toks) and toks[j].start < tok.end:
                j += 1
            hit = match_title(view, j - 1)
            return refs, hit[1] if hit else j
        if is_word(tok) and is_source_noun(tok.text):
            return _unnamed_source(doc, view, j)
        hit = match_title(view, j)
        if hit is not None:
            j = skip_modifiers(doc, view, hit[1], None)
            continue
        names = read_names(doc, view, j) if is_word(tok) else []
        if (
            names
            and names[0][1] - names[0][0] >= 2
            and ner_confirms(doc, view, j, names[-1][1], strict=True)
        ):
            keys = []
            for _a, b, cs in names:
                key = _add_person(doc, cs, toks[b - 1].end, "speech-subject")
                if key:
                    keys.append(key)
            return keys, names[-1][1]
        return [], j
    return [], j


_ACCORDING = ("بحسب ما", "حسب ما", "وفق ما", "حسبما", "وفقا لما", "كما")


def _source_before(doc: Doc, view: SentView, i: int) -> list[str]:
    """An anonymous source standing right before its verb: "المصادر الأمنية شددت على أن"."""
    for k in range(max(0, i - 4), i):
        tok = view.tokens[k]
        if tok.word and is_source_noun(tok.text) and doc.mention_at_token(tok) is None:
            keys, nxt = _unnamed_source(doc, view, k)
            if nxt <= i + 1:
                return keys
    return []


def speakers_before(doc: Doc, view: SentView, cue_start: int) -> list[str]:
    """The nearest person (with coordinated persons) before a subject-less cue in the same
    sentence.  Organisations are not taken from the left: there they are mostly objects."""
    persons = [
        m
        for m in doc.mentions_in(view.sentence.start, cue_start)
        if m.cls in ("Person", "UnnamedSource")
    ]
    if not persons:
        return []
    last = persons[-1]
    keys = [last.key]
    cur = last
    for m in reversed(persons[:-1]):
        gap = doc.article.text[m.end : cur.start].strip()
        if gap in ("و", "،"):
            keys.insert(0, m.key)
            cur = m
        else:
            break
    return keys


def _find_documents(doc: Doc, view: SentView) -> None:
    """``وثيقة بعنوان "الخلافة لن يُقضى عليها"`` → a CreativeWork named by the quote."""
    text = doc.article.text
    for o, cs, ce, _e in find_quotes(text, view.sentence.start, view.sentence.end):
        before = text[max(view.sentence.start, o - 40) : o].split()
        if len(before) >= 2 and fold(before[-1]) in ("بعنوان", "عنوانه"):
            noun = fold(before[-2])
            if any(n in noun for n in _DOC_NOUNS) or fold(before[-2])[-1:] == "ا":
                label = text[cs:ce].strip()
                if not label:
                    continue
                key = f"{doc.article.id}/{match_key(label)}"
                doc.add_entity(
                    EntityInfo(key, "CreativeWork", label, source="pattern", scope=doc.article.id)
                )
                doc.documents.append(key)


def _content(
    doc: Doc, view: SentView, j: int, limit: int
) -> tuple[int, int, str, list[tuple[int, int]]] | None:
    """Where the claim's text is, from token ``j`` up to character ``limit``.

    Returns ``(start, end, kind, extra_quotes)``: a direct quote (after a colon, a
    complementiser or straight after the speaker), or reported speech after a complementiser.
    """
    text = doc.article.text
    toks = view.tokens
    quotes = [
        q
        for q in find_quotes(text, view.sentence.start, view.sentence.end)
        if j < len(toks) and q[0] >= toks[j].start and q[0] < limit
    ]
    k = j
    relative = j < len(toks) and fold(toks[j].text) in _RELATIVES
    while k < len(toks) and toks[k].start < limit:
        tok = toks[k]
        q = next((q for q in quotes if q[0] == tok.start), None)
        if q is not None:
            if _words(text[q[1] : q[2]]) >= _MIN_QUOTE_WORDS:
                extra = [x[1:3] for x in quotes if x[0] > q[0] and _words(text[x[1] : x[2]]) >= 3]
                return q[1], q[2], "direct", extra
            k += 1
            continue
        if k - j > _MAX_MARKER_GAP_AFTER_COMMA and not relative:
            break
        far = k - j > _MAX_MARKER_GAP and not relative
        after_comma = k > 0 and toks[k - 1].text in "،,"
        if (far and not after_comma) and tok.text != ":":
            k += 1
            continue
        if tok.text in ":" or (is_word(tok) and _is_complementiser(tok.text)):
            n = k + 1
            while n < len(toks) and is_word(toks[n]) and _is_complementiser(toks[n].text):
                n += 1
            if n >= len(toks) or toks[n].start >= limit:
                return None
            q = next((q for q in quotes if q[0] == toks[n].start), None)
            if q is not None and _words(text[q[1] : q[2]]) >= _MIN_QUOTE_WORDS:
                q_end = q[2]
                rest = text[q[3] : limit].strip(" .،,")
                if not rest or tok.text == ":":
                    extra = [
                        x[1:3] for x in quotes if x[0] > q[0] and _words(text[x[1] : x[2]]) >= 3
                    ]
                    return q[1], q_end, "direct", extra
            return toks[n].start, limit, "reported", []
        k += 1
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "،,:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,:."):
        end -= 1
    return start, end


def find_claims(doc: Doc) -> None:
    """Attach every quoted or reported statement in the article to its speaker(s)."""
    text = doc.article.text
    last_speakers: list[str] = []
    seen: set[tuple[int, int]] = set()
    for view in doc.views:
        _find_documents(doc, view)
        toks = view.tokens
        cues = []
        i = 0
        while i < len(toks):
            hit = match_cue(view, i)
            if hit is not None:
                cues.append((i, *hit))
                i = hit[3]
            else:
                i += 1
        for n, (i, _cue, kind, _number, after) in enumerate(cues):
            next_cue = toks[cues[n + 1][0]].start if n + 1 < len(cues) else view.sentence.end
            speakers: list[str] = []
            j = after
            speakers, j = speakers_after(doc, view, after)
            if not speakers and kind == "document":
                speakers, j = (doc.documents[-1:] if doc.documents else []), after
            if not speakers and kind != "document":
                speakers = _source_before(doc, view, i)
            explicit = bool(speakers)
            if not speakers and kind == "continuation" and last_speakers:
                speakers = list(last_speakers)
            if not speakers and kind == "verb-explicit":
                continue  # رأى/يرى read like the noun رأي ("opinion") without a subject after them
            if not speakers and kind in ("verb", "continuation"):
                speakers = speakers_before(doc, view, toks[i].start)
            if not speakers and kind == "verb" and last_speakers:
                # "وقال إن …" with no subject: the speaker of the running report
                speakers = list(last_speakers)
            if not speakers:
                continue
            found = _content(doc, view, j, next_cue)
            rest = j < len(toks) and toks[j].start < next_cue
            according = " ".join(view.folded[max(0, i - 2) : i])
            if kind == "verb" and according.endswith(_ACCORDING):
                # "قتل 30 شخصا، بحسب ما أفادت مصادر أمنية": the claim comes before
                prev_end = toks[cues[n - 1][0]].end if n > 0 else view.sentence.start
                cut = i - (2 if according.endswith(" ما") else 1)
                if toks[cut].start - prev_end > 10:
                    found = (prev_end, toks[cut].start, "reported", [])
            if kind == "preposition" and explicit and i > 2:
                # "قتل 30 شخصا …، بحسب مصادر أمنية": the claim is what comes before the cue
                prev_end = toks[cues[n - 1][0]].end if n > 0 else view.sentence.start
                if toks[i].start - prev_end > 10:
                    found = (prev_end, toks[i].start, "reported", [])
            if found is None and explicit and kind in ("verb", "preposition") and rest:
                found = (toks[j].start, next_cue, "reported", [])
            if found is None:
                continue
            start, end, qkind, extra = found
            spans = [(start, end), *extra]
            for s, e in spans:
                s, e = _trim(text, s, e)
                if _words(text[s:e]) < _MIN_QUOTE_WORDS or (s, e) in seen:
                    continue
                seen.add((s, e))
                about = tuple(
                    dict.fromkeys(
                        m.key
                        for m in doc.mentions_in(s, e)
                        if m.key not in speakers and m.cls != "UnnamedSource"
                    )
                )
                stated = [
                    d for d in doc.dates if view.sentence.start <= d.start < view.sentence.end
                ]
                date = stated[0] if stated else doc.article.published
                doc.claims.append(
                    Claim(
                        start=s,
                        end=e,
                        text=text[s:e],
                        speakers=tuple(speakers),
                        kind=qkind,  # type: ignore[arg-type]
                        cue=text[toks[i].start : toks[after - 1].end],
                        sentence=view.index,
                        about=about,
                        date=date,
                        date_from_article=not stated and date is not None,
                    )
                )
            last_speakers = list(speakers)
