"""The person or organisation named right after a cue or title: addressees skipped
(:func:`skip_addressee`), appositions, quoted names and media (``صحيفة «البلد»``), ministries
standing alone, surnames and single names, titled subjects, headline titles, the dignitary a
``سموه`` stands for, and whether what was said follows a subject (:func:`_says_after`).
"""

from __future__ import annotations

from rasd.extract.claims.quotes import _QUOTE_OPEN, _closing, _quoted_phrase_end
from rasd.extract.claims.words import (
    _DOC_NOUNS,
    _MAX_MARKER_GAP,
    _OWNER_BLOCKERS,
    _PREPOSITIONS,
    _RELATIVES,
    _is_complementiser,
    _times_written,
)
from rasd.extract.doc import Doc, SentView, bare_forms, strip_al
from rasd.extract.folding import bare
from rasd.extract.lexicon import lexicon_index, nisba_country
from rasd.extract.patterns import (
    COMMON_WORD,
    _add_person,
    _name_like,
    claim_words,
    clitic_noun,
    frequent_words,
    given_name,
    is_source_noun,
    match_cue,
    match_title,
    media_heads,
    ministry_heads,
    name_heads,
    ner_confirms,
    read_names,
    skip_modifiers,
    subjectless_words,
)
from rasd.extract.records import PLACE_CLASSES, EntityInfo, Mention
from rasd.extract.text import QUOTE_CLOSERS, fold, match_key


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


def _dignitary(doc: Doc, before: int) -> list[str]:
    """The person a "سموه" stands for: the one who has spoken most so far, else the first
    person named (the one the report is about)."""
    counts: dict[str, int] = {}
    for c in doc.claims:
        for k in c.speakers:
            if doc.cls_of(k) == "Person":
                counts[k] = counts.get(k, 0) + 1
    if counts:
        top = max(counts.values())
        best = [k for k, n in counts.items() if n == top]
        if len(best) == 1:
            return best
    first = [m for m in doc.mentions_in(0, before) if m.cls == "Person"]
    return [first[0].key] if first else []


_CIRCUMSTANTIAL = claim_words("circumstantial")
_NOT_ADDRESSEE = claim_words("not_addressee")


def _opens_with_lam(m: Mention) -> bool:
    """Whether the ل a mention's surface starts with is its name's own first letter
    (``لجنة مكافحة الإرهاب``، ``لواء التوحيد``), not the preposition (``للتنظيم`` for داعش)."""
    return match_key(m.surface)[:2] == m.key[:2] and not fold(m.surface).startswith("لل")


def skip_addressee(doc: Doc, view: SentView, j: int) -> int:
    """Skip the addressee and circumstantials after a speech verb.

    ``لـ«الشرق الأوسط»``، ``لـ"الاقتصادية"``، ``للصحافيين``، ``في تصريح لـ«عكاظ»``: what
    follows them is the speaker (``وقال لـ«الشرق الأوسط» اللواء منصور التركي إن …``).
    """
    toks = view.tokens
    while j < len(toks):
        f = view.folded[j]
        tok = toks[j]
        if f == "ل" and j + 1 < len(toks):  # لـ + «name» / name
            k = j + 1
            if toks[k].text in _QUOTE_OPEN:
                end = _closing(view, k)
                if end is None:
                    return j
                j = end + 1
                continue
            m = doc.mention_at_token(toks[k])
            if m is not None:
                while k < len(toks) and toks[k].start < m.end:
                    k += 1
                j = k
                continue
            return j + 2 if toks[k].word else j
        if tok.word and f.startswith("ل") and len(f) > 3 and f not in _NOT_ADDRESSEE:
            m = doc.mention_at_token(tok)
            if m is not None and m.start == tok.start and _opens_with_lam(m):
                return j  # "وقالت لجنة مكافحة الإرهاب": the ل opens the name, no addressee
            if m is not None and m.cls != "Person":  # لوكالة رويترز، لصحيفة «…»
                k = j
                while k < len(toks) and toks[k].start < m.end:
                    k += 1
                j = k
                continue
            if m is None and f.startswith("لل"):  # للصحافيين، للوكالة
                j += 1
                continue
            return j
        if f == "في" and j + 1 < len(toks) and strip_al(view.folded[j + 1]) in _CIRCUMSTANTIAL:
            # "في تصريح صحفي لـ«…»", "في بيان أمس،": up to a comma or an addressee
            k = j + 2
            while k < len(toks) and k < j + 6 and toks[k].text not in "،,":
                if view.folded[k] == "ل" or _is_complementiser(toks[k].text):
                    break
                end = _quoted_phrase_end(view, k)
                if end is not None:  # "في مؤتمر «مواجهة التطرف …»": the name is one word
                    k = end + 1
                    break
                k += 1
            if k < len(toks) and toks[k].text in "،,":
                k += 1
            j = k
            continue
        return j
    return j


def _quoted_speaker(doc: Doc, view: SentView, j: int) -> tuple[list[str], int]:
    """``قال «مكتب أخبار سوريا» إن …``: a short quoted name followed by a complementiser or
    a colon is an organisation speaking, not the claim."""
    toks = view.tokens
    end = _closing(view, j, limit=5)
    if end is None or end == j + 1 or end + 1 >= len(toks):
        return [], j
    after = toks[end + 1]
    if not (after.text == ":" or (after.word and _is_complementiser(after.text))):
        return [], j
    start, stop = toks[j + 1].start, toks[end - 1].end
    label = doc.article.text[start:stop].strip()
    key = match_key(label)
    known = lexicon_index().get(key)
    if known is not None and known.cls not in ("Organization", "Person"):
        return [], j
    cls = known.cls if known else "Organization"
    doc.add_entity(known or EntityInfo(key, cls, label, source="pattern"))
    doc.add_mention(start, stop, key, cls, "claims")
    return [key], end + 1


def _surname_ref(doc: Doc, view: SentView, j: int) -> list[str]:
    """A single family name after a cue or title (``وذكر اللواء التركي``) standing for a
    person named in full elsewhere in the article (``منصور التركي``)."""
    tok = view.tokens[j]
    if not tok.word:
        return []
    f = view.folded[j]
    f = f[1:] if f[:1] in ("و", "ف") and len(f) > 4 else f
    if len(f) < 3:
        return []
    found = {m.key for m in doc.mentions_ending_with(match_key(f), "Person")}
    return sorted(found) if len(found) == 1 else []


def _family_written_after_given(doc: Doc, view: SentView, j: int) -> list[str]:
    """``واعتبر الشيشكلي أن`` after ``… لدى دول الخليج أديب الشيشكلي، …``: one word in a cue's
    subject slot, written earlier in the article right after a given name that rasd did not
    read as a person (an unlisted title, a long complement, a name the NER left untagged), is
    that person's family name: the full name written before becomes the person.  Only when
    one given name stands before the word (two people of one family name neither)."""
    tok = view.tokens[j]
    f = view.folded[j]
    if not tok.word or len(f) < 4 or doc.mention_at_token(tok) is not None:
        return []
    if is_source_noun(tok.text) or nisba_country(tok.text) or f in subjectless_words():
        return []
    if strip_al(f) in _DOC_NOUNS or not _name_like(doc, view, j, inner=True, family=True):
        return []
    common = frequent_words()
    if max(common.get(f, 0), common.get(strip_al(f), 0)) >= COMMON_WORD:
        return []  # «وأكدت المعارضة»، «يقول الله»: a common noun, not a family name
    if f.startswith(("بال", "لل", "وال", "فال", "كال")) or (f.endswith("ه") and f[:2] != "ال"):
        return []  # «بالانضمام»: a preposition on a noun; «مراقبة دستورية»: an adjective
    found: dict[str, tuple[SentView, int]] = {}
    for v in doc.views:
        if v.index > view.index:
            break
        stop = j if v.index == view.index else len(v.tokens)
        for t in range(1, stop):
            g = t - 1
            if v.folded[t] != f or doc.mention_at_token(v.tokens[t]) is not None:
                continue
            gf = v.folded[g]
            if (
                given_name(v, g)
                and not clitic_noun(v.tokens[g].text)
                and not (gf[0] in "وف" and gf[1:] in common)  # «وشرح الصرخي»: a verb
                and _name_like(doc, v, g)
                and not is_source_noun(v.tokens[g].text)
            ):
                found.setdefault(v.folded[g], (v, g))
    if len(found) != 1:
        return []
    ((v, g),) = found.values()
    key = _add_person(doc, v.tokens[g].start, v.tokens[g + 1].end, "speech-subject")
    return [key] if key else []


def _person_ahead(doc: Doc, view: SentView, j: int, span: int = 14) -> tuple[str, int] | None:
    """The person named within ``span`` tokens after a title and its modifiers, before the
    content starts (``مدير الإدارة العامة للأوقاف … بمحافظة جدة علي الشمراني أن``; ``رئيس
    تحرير جريدة "الشروق" اليومية، نور الدين بالطيب``); returns (key, token after the name).

    A known person mention is taken; otherwise a two- or three-word name standing right
    before the complementiser."""
    toks = view.tokens
    k = j
    while k < min(len(toks), j + span):
        tok = toks[k]
        if tok.text in _QUOTE_OPEN:
            end = _closing(view, k, limit=4)  # a short quoted name inside the title
            if end is None:
                return None
            k = end + 1
            continue
        if tok.text == ":" or (tok.word and _is_complementiser(tok.text)):
            last = k - 1 if k > j and toks[k - 1].text in "،," else k
            for first in range(max(j, last - 3), last - 1):
                names = read_names(doc, view, first)
                if len(names) == 1 and names[0][1] == last and names[0][1] - names[0][0] >= 2:
                    key = _add_person(doc, names[0][2], toks[last - 1].end, "speech-subject")
                    return (key, k) if key else None
            return None
        if tok.word and (match_cue(view, k) or view.folded[k] in _RELATIVES):
            # "وقال X، خلال الكلمة التي ألقاها نيابة عنه الدكتور Y": a person named inside a
            # relative clause is not the one the title stands for
            return None
        if tok.text in "،," and k + 2 < len(toks):
            names = read_names(doc, view, k + 1)
            if len(names) == 1 and names[0][1] - names[0][0] >= 2:
                end = names[0][1]
                if end < len(toks) and toks[end].text in "،,":  # "، نور الدين بالطيب،"
                    key = _add_person(doc, names[0][2], toks[end - 1].end, "speech-subject")
                    if key:
                        return key, end
        m = doc.mention_at_token(tok)
        if m is not None and m.cls == "Person":
            n = k
            while n < len(toks) and toks[n].start < m.end:
                n += 1
            return m.key, n
        k += 1
    return None


_POSSESSIVE = ("ه", "ها", "هم", "هن", "هما")


def _is_single_name(doc: Doc, view: SentView, j: int) -> bool:
    """Whether token ``j`` is one name-like word right before a complementiser or a colon
    (or the cue's preposition and a complementiser: «وأشار حامد إلى أن»), written again
    elsewhere in the article (see :func:`_single_name`)."""
    toks = view.tokens
    if j + 1 >= len(toks) or not toks[j].word:
        return False
    nxt = toks[j + 1]
    # "وأشار حامد إلى أن": the cue's preposition, then the complementiser
    prep = (
        view.folded[j + 1] in _PREPOSITIONS
        and j + 2 < len(toks)
        and toks[j + 2].word
        and _is_complementiser(toks[j + 2].text)
    )
    if not (nxt.text in ":،," or (nxt.word and _is_complementiser(nxt.text)) or prep):
        return False
    if j > 0 and view.folded[j - 1] in _PREPOSITIONS:
        return False  # "وشدد على ضرورة أن": the word after the cue's preposition is its object
    f = view.folded[j]
    if f.startswith("ال") or len(f) < 3 or is_source_noun(toks[j].text):
        return False
    if f in subjectless_words() or strip_al(f) in _DOC_NOUNS or not _name_like(doc, view, j):
        return False
    written = bare(toks[j].text)  # "بقولهِ": a final vowel hides no pronoun
    if written.endswith(_POSSESSIVE) and len(written) > 3:
        return False  # "بقوله"، "شهادته": a noun with a pronoun, not a name
    return _times_written(doc, f) >= 2


def _single_name(doc: Doc, view: SentView, j: int) -> list[str]:
    """``وقالت نور إن …``: one name-like word between a verb and its complementiser (or
    colon), written again elsewhere in the article, is a person known by one name."""
    if not _is_single_name(doc, view, j):
        return []
    toks = view.tokens
    f = match_key(toks[j].text)
    owners = {
        e.key
        for e in doc.entities.values()
        if e.cls == "Person" and len(e.key.split()) > 1 and e.key.split()[0] == f
    }
    if len(owners) == 1:  # "نصرة" after "نصرة أحمد": the one person of that first name
        key = owners.pop()
        doc.add_mention(toks[j].start, toks[j].end, key, "Person", "speech-subject")
        return [key]
    if view.folded[j + 1] in _PREPOSITIONS:
        return []  # "وأشار صالح إلى أن": only a person named in full makes a name of the word
    key = _add_person(doc, toks[j].start, toks[j].end, "speech-subject")
    return [key] if key else []


def _quoted_media(doc: Doc, view: SentView, j: int) -> tuple[str, int] | None:
    """``صحيفة «البلد» الجزائرية``: a media head and a short quoted name → the organisation
    (labelled by the name, as :func:`extract.coref.quoted_places_are_media` does), and the
    token after the name and its nationality adjectives."""
    toks = view.tokens
    if j + 2 >= len(toks) or not toks[j].word or toks[j + 1].text not in _QUOTE_OPEN:
        return None
    head = next((f for f in bare_forms(toks[j].text) if f in media_heads()), None)
    end = _closing(view, j + 1, limit=5)
    if head is None or end is None or end == j + 2 or "ال" in view.folded[j][:4]:
        return None  # "الصحيفة «الإسبانية»": the paper named before, with a quoted adjective
    if end == j + 3 and nisba_country(toks[j + 2].text):
        return None
    start, stop = toks[j + 2].start, toks[end - 1].end
    inner = doc.mention_at_token(toks[j + 2])
    if inner is not None and inner.cls != "Organization":
        return None
    if inner is not None:
        key = inner.key
    else:
        label = doc.article.text[start:stop].strip()
        known = lexicon_index().get(match_key(label))
        if known is not None and known.cls == "Organization":
            info = known
        else:
            info = EntityInfo(match_key(f"{head} {label}"), "Organization", label, source="pattern")
        doc.add_entity(info)
        key = info.key
    doc.add_mention(start, stop, key, "Organization", "claims")
    k = end + 1
    while k < len(toks) and nisba_country(toks[k].text):
        k += 1  # "الجزائرية"
    return key, k


def _headed_org(doc: Doc, view: SentView, j: int) -> tuple[str, int] | None:
    """An organisation named right after its head noun, the head left out of the name the
    NER found (``تنظيم داعش``، ``جماعة «أنصار بيت المقدس»``): (key, token after the name).

    The head (a row of ``org_heads.tsv`` that introduces a name, indefinite) is no mention
    itself; a quotation mark may stand between it and the name.  A head that does not
    (``مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية``) names a body of the organisation, whose
    words are not the organisation's."""
    toks = view.tokens
    if not toks[j].word or doc.mention_at_token(toks[j]) is not None:
        return None
    if view.folded[j] not in name_heads():
        return None
    n = j + 1
    if n < len(toks) and toks[n].text in _QUOTE_OPEN:
        n += 1
    m = doc.mention_at_token(toks[n]) if n < len(toks) else None
    if m is None or m.cls != "Organization" or m.start != toks[n].start:
        return None
    while n < len(toks) and toks[n].start < m.end:
        n += 1
    if n < len(toks) and toks[n].text in QUOTE_CLOSERS:
        n += 1
    return m.key, n


def _ministry_short(doc: Doc, view: SentView, j: int, heads: bool = False) -> list[str]:
    """``الخارجية``، ``الداخلية`` standing alone: the one ministry named before whose name
    goes on with that word (وزارة الخارجية الروسية), or else the one named after it.  With
    ``heads`` (the subject of a finite verb) a definite head noun alone (``المرصد``،
    ``الاتحاد``) is the one organisation named before whose name opens with it (المرصد
    السوري لحقوق الإنسان).  None or several → ``[]``."""
    tok = view.tokens[j]
    f = view.folded[j]
    if not tok.word or not f.startswith("ال") or doc.mention_at_token(tok) is not None:
        return []

    def ministries(start: int, end: int) -> set[str]:
        return {
            m.key
            for m in doc.mentions_opening_with(ministry_heads(), start, end, "Organization")
            if match_key(m.surface).split()[1:2] == [match_key(f)]
        }

    def headed(start: int, end: int) -> set[str]:
        # "وقال المرصد" after "المرصد السوري لحقوق الإنسان", "وشدد الاتحاد" after "اتحاد
        # الحقوقيين العرب": the organisation whose name opens with that head noun
        return {
            m.key
            for m in doc.mentions_opening_with(
                (strip_al(match_key(f)),), start, end, "Organization"
            )
            if len(match_key(m.surface).split()) > 1
        }

    # named before; else named later in the article ("وأكدت الداخلية …" … "وزارة الداخلية")
    found = ministries(0, tok.start) or ministries(tok.end, len(doc.article.text))
    if not found and heads and not is_source_noun(tok.text):
        found = headed(0, tok.start)  # the head alone refers back, never ahead
    if len(found) != 1:
        return []
    key = found.pop()
    doc.add_mention(tok.start, tok.end, key, "Organization", "claims")
    return [key]


_MAX_TITLE_WORDS = 10  # words of a title phrase standing for an unnamed speaker


_TITLE_SPAN = 10  # words of an unlisted title before the name it heads


def _comma_before_person(doc: Doc, view: SentView, k: int) -> bool:
    """Whether token ``k`` is a comma right before a person mention that starts at the next
    token or after a listed title there (``، الشيخ محمد الجيراني``): a name set off in
    apposition after the title phrase it belongs to."""
    toks = view.tokens
    if k + 1 >= len(toks) or toks[k].text not in "،,":
        return False
    n = k + 1
    hit = match_title(view, n) if toks[n].word else None
    if hit is not None and hit[1] < len(toks):
        n = hit[1]
    m = doc.mention_at_token(toks[n])
    return m is not None and m.cls == "Person" and m.start == toks[n].start


def _titled_subject(doc: Doc, view: SentView, j: int) -> tuple[str, int] | None:
    """The one person ending an unlisted title phrase right after a finite speech verb,
    when what was said opens after it (``أعلن مدعي عام العاصمة الفرنسية باريس فرانسوا
    مولان، اليوم (الجمعة)، أن``، ``أكد قائمقام قضاء الرمادي دلف الكبيسي أن``، the name
    set off by commas: ``وقال قاضي دائرة الأوقاف بمحافظة القطيف، الشيخ محمد الجيراني، إن``);
    returns (key, token after the name).

    The phrase before the name holds no preposition, addressee, quotation, other person or
    cue (``في اتصال مع نظيره X``: X is no subject); after the name come only commas, an
    addressee, time words and a parenthesis before the complementiser, colon or quotation."""
    toks = view.tokens
    k = j
    while k < min(len(toks), j + _TITLE_SPAN):
        tok = toks[k]
        if _comma_before_person(doc, view, k) and k > j:
            # "قال الناشط السياسي الموصلي، غانم العابد، لـ«…»:": the name in apposition
            k += 1
            continue
        if not tok.word or view.folded[k] in subjectless_words() or match_cue(view, k):
            return None
        if view.folded[k].startswith("ل") and doc.mention_at_token(tok) is None:
            return None  # "لنظيره": an addressee, whoever follows is no subject
        m = doc.mention_at_token(tok)
        if m is not None and m.cls == "Person" and m.start == tok.start and k > j:
            n = k
            while n < len(toks) and toks[n].start < m.end:
                n += 1
            end = n
            while n < len(toks):
                n = skip_addressee(doc, view, n)
                if n < len(toks) and toks[n].text == "(":
                    close = next(
                        (x for x in range(n, min(len(toks), n + 5)) if toks[x].text == ")"), None
                    )
                    if close is None:
                        return None
                    n = close + 1
                elif n < len(toks) and (
                    toks[n].text in "،," or (toks[n].word and view.folded[n] in subjectless_words())
                ):
                    n += 1
                else:
                    break
            if n < len(toks) and (
                toks[n].text in ":"
                or toks[n].text in _QUOTE_OPEN
                or (toks[n].word and _is_complementiser(toks[n].text))
            ):
                return m.key, end
            return None
        if m is not None and m.cls not in PLACE_CLASSES | {"Organization"}:
            return None
        k += 1
    return None


def _name_after_definites(doc: Doc, view: SentView, j: int, k: int) -> tuple[str, int] | None:
    """A two- or three-word name at token ``k`` after the definite words ``[j, k)`` of an
    unlisted title right after the cue («قالت الناشطة المدنية رسالة شركاني، لـ«…»، إن»)
    that the NER did not tag: the name (accepted by :func:`ner_confirms`, at most one word
    common (:data:`COMMON_WORD`), no word tagged a place or organisation) is the subject when
    a complementiser or a colon follows it (an addressee and commas may come between).
    Returns (key, token after the name)."""
    toks = view.tokens
    if k <= j or k >= len(toks):
        return None
    names = read_names(doc, view, k)
    if len(names) != 1 or names[0][0] != k or not 2 <= names[0][1] - k <= 3:
        return None
    end = names[0][1]
    tags = doc.ner_tags.get(view.index)
    if tags and any(t.endswith(("LOC", "ORG")) for t in tags[k:end]):
        return None
    if not ner_confirms(doc, view, k, end):
        return None
    n = end
    for _ in range(4):
        if n < len(toks) and toks[n].text in "،,":
            n += 1
        else:
            after = skip_addressee(doc, view, n)
            if after == n:
                break
            n = after
    if n >= len(toks) or not (
        toks[n].text == ":" or (toks[n].word and _is_complementiser(toks[n].text))
    ):
        return None  # «عيدان ندمه على»، «به واغتنام «…»»: no name before a preposition or quote
    common = frequent_words()
    if sum(common.get(f, 0) >= COMMON_WORD for f in view.folded[k:end]) > 1:
        return None
    key = _add_person(doc, names[0][2], toks[end - 1].end, "speech-subject")
    return (key, end) if key else None


def _appositive_person(doc: Doc, view: SentView, first: int) -> list[str]:
    """The one person given the title at token ``first`` in an apposition before this
    sentence ("X النائب في البرلمان …" … "وقال النائب": X); none or several → ``[]``."""
    if not view.folded[first].startswith("ال"):
        return []  # "نائب": an indefinite title introduces someone new
    word = strip_al(view.folded[first])
    found: set[str] = set()
    for other in (v for v in doc.views if v.index < view.index):
        for k, tok in enumerate(other.tokens):
            m = doc.mention_at_token(tok)
            if m is None or m.cls != "Person" or tok.end != m.end:
                continue
            n = k + 1
            if n < len(other.tokens) and other.tokens[n].text in "،,":
                n += 1
            if n < len(other.tokens) and strip_al(other.folded[n]) == word:
                found.add(m.key)
    return sorted(found) if len(found) == 1 else []


_HOLDER_GAP = 3  # tokens (commas, a title, an abbreviation) between a title phrase and its name
_HOLDER_SKIPS = 3  # words of the earlier title phrase the later one may leave out


def _earlier_holder(doc: Doc, view: SentView, first: int, end: int) -> str | None:
    """The one person a title phrase (tokens ``[first, end)``, «رئيس مجلس النواب العراقي»)
    introduced in an earlier sentence, written there with the same words — the later phrase
    may leave out up to :data:`_HOLDER_SKIPS` of the earlier one's words: the word right
    after its head or definite words («مدير عام الخطوط الجوية العربية السعودية» … «مدير
    الخطوط الجوية السعودية») — and followed within :data:`_HOLDER_GAP` tokens (commas, a
    listed title, a one-letter abbreviation «م.», after which the sentence may have been cut)
    by that person's name: the holder the
    phrase stands for when it comes back alone as a subject.  None when no such sentence or
    several persons."""
    words = view.folded[first:end]
    if len(words) < 2:
        return None
    found: set[str] = set()
    for other in doc.views[: view.index]:
        f = other.folded
        for k in range(len(f) - len(words)):
            if f[k] != words[0]:
                continue
            n = _phrase_end(other, k, words)
            if n is None:
                continue
            stop = min(len(f), n + _HOLDER_GAP)
            while n < stop:
                m = doc.mention_at_token(other.tokens[n])
                if m is not None:
                    if m.cls == "Person" and m.start == other.tokens[n].start:
                        found.add(m.key)
                    break
                hit = match_title(other, n) if other.tokens[n].word else None
                if other.tokens[n].text in "،,":
                    n += 1
                elif hit is not None:
                    n = hit[1]
                elif _abbreviation(other, n):
                    n += 2
                    if n == len(f) and other.index + 1 < len(doc.views):
                        # «، م. صالح …»: the full stop ended the sentence before the name
                        nxt = doc.views[other.index + 1].tokens
                        m = doc.mention_at_token(nxt[0]) if nxt else None
                        if m is not None and m.cls == "Person" and m.start == nxt[0].start:
                            found.add(m.key)
                        break
                else:
                    break
    return next(iter(found)) if len(found) == 1 else None


def _phrase_end(view: SentView, k: int, words: list[str]) -> int | None:
    """Where the earlier title phrase starting at token ``k`` (its head, ``words[0]``) ends
    when it holds ``words`` in order, leaving out at most :data:`_HOLDER_SKIPS` words (the
    word after the head, «عام», or definite words); None when it does not."""
    f = view.folded
    toks = view.tokens
    n, w, skipped = k + 1, 1, 0
    while w < len(words):
        if n >= len(f) or not toks[n].word:
            return None
        if f[n] == words[w]:
            w += 1
        elif skipped < _HOLDER_SKIPS and (n == k + 1 or f[n].startswith("ال")):
            skipped += 1
        else:
            return None
        n += 1
    return n


def _abbreviation(view: SentView, n: int) -> bool:
    """Whether token ``n`` is a one-letter abbreviation with its full stop («م.»، «د.»)."""
    toks = view.tokens
    return toks[n].word and len(toks[n].text) == 1 and n + 1 < len(toks) and toks[n + 1].text == "."


def _headline_person(doc: Doc, view: SentView, j: int) -> list[str]:
    """In the headline, the title at token ``j`` ("خبير أمني يطالب …"، "نائب بحريني:") is the
    one person the article gives that title (:func:`_titled_persons`); none or several →
    ``[]``."""
    span = doc.article.title_span
    if not span or not span[0] <= view.tokens[j].start < span[1]:
        return []
    hit = match_title(view, j)
    if hit is None or hit[0].number != "sg":
        return []  # "كبار العلماء تدين": a body, not one person
    words = [strip_al(f) for f in view.folded[j : hit[1] + 2]]
    persons = _titled_persons(doc, words, view.index)
    return persons if len(persons) == 1 else []


def _says_after(view: SentView, k: int) -> bool:
    """Whether what was said follows a subject ending at token ``k``: a complementiser, a
    colon or a quotation within ``_MAX_MARKER_GAP`` words, and no object marker (بـ، إلى،
    على …) right after the subject ("ودعا أيضا الرئيس … إلى التنحي")."""
    toks = view.tokens
    if k >= len(toks) or (
        toks[k].word and (view.folded[k] in _OWNER_BLOCKERS or view.folded[k][:1] == "ب")
    ):
        return False
    for n in range(k, min(len(toks), k + _MAX_MARKER_GAP + 1)):
        if toks[n].text in ':«"“' or (toks[n].word and _is_complementiser(toks[n].text)):
            return True
    return False


_IN_NAME_OF = fold("باسم")  # "المتحدث باسم …": a title whose complement it names


def _titled_persons(doc: Doc, words: list[str], skip: int) -> list[str]:
    """The persons given the title phrase ``words`` (folded, without ال) in any sentence but
    ``skip``: its first word within four words before the name or three after it ("قال محافظ
    المدينة X", "X محافظ المدينة"); of several, those near the most words of the phrase
    ("أمير الشرقية": the prince near أمير and الشرقية, not another prince)."""
    word = words[0]
    found: dict[str, int] = {}
    for view in doc.views:
        if view.index == skip:
            continue
        toks = view.tokens
        for k, tok in enumerate(toks):
            m = doc.mention_at_token(tok)
            if m is None or m.cls != "Person" or tok.start != m.start:
                continue
            end = k
            while end < len(toks) and toks[end].start < m.end:
                end += 1
            near = view.folded[max(0, k - 4) : k] + view.folded[end : end + 4]
            bare = {strip_al(f) for f in near} | {strip_al(f[1:]) for f in near}  # ومحافظ
            if word in bare:
                found[m.key] = max(found.get(m.key, 0), len(set(words) & bare))
    best = max(found.values(), default=0)
    return sorted(k for k, n in found.items() if n == best)
