"""Who the subject of a cue is: the actor mention right after it or before it in its clause
(:func:`_actor_near`), skipping appositions and asides, a title that introduces a name, a country
that only a preposition governs; the antecedent of a relative word, a pronoun or an unnamed
subject; the speaker of the sentence's claim."""

from __future__ import annotations

import itertools

from rasd.extract.doc import Doc, SentView, bare_forms, strip_al
from rasd.extract.patterns import (
    frequent_words,
    org_heads,
    place_prepositions,
    relation_words,
    relative_pronouns,
    title_table,
)
from rasd.extract.records import PLACE_CLASSES, Mention
from rasd.extract.relations.clauses import (
    _ACTORS,
    _AFTER_WINDOW,
    _BEFORE_WINDOW,
    _BREAKS,
    _CLAUSE_BREAKS,
    _COMMAS,
    _TITLE_GAP_STOPS,
    _asides,
    _bare_words,
    _clause_start,
    _is_adjective,
    _sentence_mentions,
    preceding_word,
)
from rasd.extract.text import fold


def _after_loser(doc: Doc, m: Mention) -> bool:
    """Whether ``m`` follows «من أيدي / من يد / من قبضة» (the side a place was taken from).

    The words are ``loser`` rows of ``relation_words.tsv``.
    """
    words = _bare_words(doc.article.text[max(0, m.start - 30) : m.start])[-3:]
    if words and words[-1] in org_heads():
        words.pop()  # "من أيدي ميليشيات الحوثي"
    return len(words) >= 2 and words[-1] in relation_words("loser") and words[-2] == "من"


_APPOSITION_MAX = 10  # words of an apposition between commas after an actor


def _appositions(doc: Doc, view: SentView) -> list[tuple[int, int]]:
    """Token ranges ``[first, last]`` (both commas included) of appositions between commas
    right after a Person or Organization: «وكانت قوات الدفاع الشعبي، الجناح العسكري لحزب
    العمال الكردستاني، دانت …» (the actor before it stays the subject of the verb after it).
    The apposition opens with a definite word that starts no mention (not the next item of a
    list: «داعش، النصرة، والقاعدة») and is no ``relative`` word (الذي), and holds at most
    ten words; the actor before it is the first of its clause (not an object: «والتقى عادل
    الجبير بنظيره جون كيري، …») and no «و» opens the word after it («…، ونشر»)."""
    toks = view.tokens
    commas = [k for k, t in enumerate(toks) if t.text in _COMMAS]
    out: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(commas):
        if not 1 < b - a <= _APPOSITION_MAX + 1 or a == 0:
            continue
        before = doc.overlaps(toks[a - 1].start, toks[a - 1].end)
        if before is None or before.cls not in ("Person", "Organization"):
            continue
        first = view.folded[a + 1]
        if (
            not first.startswith("ال")
            or first in relative_pronouns()
            or doc.overlaps(toks[a + 1].start, toks[a + 1].end) is not None
            or any(toks[x].text in _BREAKS for x in range(a + 1, b))
        ):
            continue
        if b + 1 < len(toks) and view.folded[b + 1].startswith("و"):
            continue  # «…، المرشح السابق للرئاسة، ونشر»: a verb of its own, not the actor's
        clause = _clause_start(doc, view, before.start)
        if any(
            m.cls in ("Person", "Organization") and m.key != before.key
            for m in doc.mentions_in(clause, before.start)
        ):
            continue  # «والتقى عادل الجبير بنظيره جون كيري، …»: an object, not the subject
        out.append((a, b))
    return out


def _governed(doc: Doc, m: Mention) -> bool:
    """Whether a place mention follows a preposition (separate or attached: «للكويت»،
    «بالعراق»), and so cannot be the subject of a verb."""
    f = fold(m.surface)
    if (f[:1] in "بل" and f[1:3] == "ال") or f.startswith(("لل", "وب", "ول", "فب", "فل")):
        return True
    return preceding_word(doc.article.text, m.start) in place_prepositions()


def _subject_position(doc: Doc, m: Mention) -> bool:
    """Whether ``m`` opens its clause (sentence start, punctuation, «و» or a complementizer
    before it: «إيران تحتل الأحواز»، «وقالت إن تركيا …»), so that a country there may be a
    verb's subject; not «ميليشيات فجر ليبيا التي تسيطر» (a name's last word)."""
    text = doc.article.text
    if fold(m.surface)[:1] in "وف":
        return True
    before = text[max(0, m.start - 30) : m.start].split()
    if not before:
        return True
    last = before[-1]
    return last[-1:] in '،,.:؛«"(-' or bare_forms(last) & relation_words("subject_opener")


_TITLE_GAP = 2  # common definite words between a title and the name it introduces


def _title_of_name(doc: Doc, m: Mention) -> bool:
    """Whether ``m`` is a title that coreference read as a reference to a person named before
    but that introduces a name of its own («غرد الدكتور الشاعر صالح الشادي»، «للصفحة الرسمية
    للشيخ السديرة»): after it, over at most two common definite words, a person's name or a
    word that is no common word (a name rasd did not find)."""
    if m.layer != "coref-title":
        return False
    text = doc.article.text
    common = frequent_words()
    pos = m.end
    for _ in range(_TITLE_GAP + 1):
        rest = text[pos : pos + 40]
        words = rest.split()
        if not words:
            return False
        start = pos + rest.index(words[0])
        if any(n.start == start and n.cls == "Person" for n in doc.mentions):
            return True
        core = words[0].strip('«»"“”()،,:.')
        if not core.isalpha():
            return False  # punctuation or a number after the title: it stands alone
        f = fold(core)
        if f not in common:
            return True
        if not f.startswith("ال"):
            return False
        pos = start + len(words[0])
    return False


def _candidate(doc: Doc, m: Mention, classes: tuple[str, ...], before: bool = False) -> bool:
    """``m`` may be the actor: of one of ``classes``, not a title introducing a name of its own
    (:func:`_title_of_name`); a place (a country acting as a state) only when no preposition
    governs it and, before the cue, at its clause's start (:func:`_subject_position`)."""
    if m.cls not in classes or _title_of_name(doc, m):
        return False
    if m.cls not in PLACE_CLASSES:
        return True
    return not _governed(doc, m) and (not before or _subject_position(doc, m))


def _actor_near(
    doc: Doc,
    view: SentView,
    i: int,
    classes: tuple[str, ...],
    before_ok: bool = True,
    skip_fillers: bool = False,
    after_ok: bool = True,
) -> Mention | None:
    """The subject of a cue: a mention right after it (within three words, after the
    ``filler`` words of ``relation_words.tsv`` when ``skip_fillers``: «تحت سيطرة كاملة من رجال
    القوات»), not one after «من أيدي»; else the nearest one at most eight words before it in
    the same clause (no comma between them, except the one before a relative word at the cue:
    «تنظيم داعش، الذي يسيطر على»), the words of an aside (:func:`_asides`) skipped and not
    counted."""
    toks = view.tokens
    mentions = _sentence_mentions(doc, view)
    j = i + 1
    if skip_fillers:
        while j < len(toks) and view.folded[j] in relation_words("filler"):
            j += 1
    limit = toks[min(j - 1 + _AFTER_WINDOW + 1, len(toks) - 1)].end
    after = [
        m
        for m in mentions
        if after_ok
        and toks[i].end <= m.start < limit
        and _candidate(doc, m, classes)
        and not _after_loser(doc, m)
    ]
    if after:
        return after[0]
    if not before_ok:
        return None
    asides = [(a, b) for a, b in [*_asides(view), *_appositions(doc, view)] if b < i]
    inside = {k for a, b in asides for k in range(a, b + 1)}
    relative = relative_pronouns()
    k, counted = i - 1, 0
    opening = max((a for a, b in _asides(view) if a < i < b), default=-1)  # the cue's own aside
    while k > opening and counted < _BEFORE_WINDOW:
        if k in inside:
            k -= 1
            continue
        if toks[k].text in _CLAUSE_BREAKS:
            between = [x for x in range(k + 1, i) if x not in inside]
            if not (
                toks[k].text in _COMMAS
                and between
                and all(view.folded[x] in relative for x in between)
                and not _possessive(toks[i].text)  # "الدراسة، التي نشرها موقع": the object
            ):
                break
        counted += 1
        k -= 1
    floor = toks[k + 1].start if k + 1 < i else toks[i].start
    spans = [(toks[a].start, toks[b].end) for a, b in asides]
    before = [
        m
        for m in mentions
        if floor <= m.start
        and m.end <= toks[i].start
        and _candidate(doc, m, classes, before=True)
        and not any(a <= m.start < b for a, b in spans)
    ]
    return before[-1] if before else None


_ANTECEDENT_REACH = 6  # words of a modifier phrase between an actor and a relative word


def _relative_antecedent(
    doc: Doc, view: SentView, i: int, classes: tuple[str, ...]
) -> Mention | None:
    """The subject of a verb at token ``i`` that opens a relative clause (a ``relative`` word
    of ``relation_words.tsv`` right before it, a comma before that allowed): the relative's
    antecedent, the actor named right before it over at most six words of a modifier phrase
    (definite words and ``modifier`` words: «حكومة الإنقاذ الوطني غير المعترف بها دوليا،
    والتي تسيطر على العاصمة طرابلس»; :func:`_modifier_phrase`), however far from the verb;
    none when another word stands between (the relative then qualifies that word)."""
    toks = view.tokens
    if i < 2 or view.folded[i - 1] not in relative_pronouns():
        return None
    k = i - 3 if toks[i - 2].text in _COMMAS else i - 2
    before = [m for m in _sentence_mentions(doc, view) if m.end <= toks[i - 1].start]
    modifiers = relation_words("modifier")
    walked: list[str] = []  # the modifier phrase, last word first
    for _ in range(_ANTECEDENT_REACH + 1):
        if k < 0 or toks[k].text in _BREAKS:
            return None
        m = next((m for m in before if m.start < toks[k].end and toks[k].start < m.end), None)
        if m is not None:
            if walked and not _modifier_phrase(walked[::-1], modifiers):
                return None  # "داعش البلدات الصغيرة المجاورة غير المحمية، والتي": the towns
            return m if _candidate(doc, m, classes, before=True) else None
        f = view.folded[k]
        if not (f.startswith(("ال", "وال")) or f in modifiers):
            return None
        walked.append(f)
        k -= 1
    return None


def _modifier_phrase(words: list[str], modifiers: frozenset[str]) -> bool:
    """Whether folded ``words`` (in text order) between an actor and a relative word modify
    the actor: a ``modifier`` word (غير) among them with at most one definite adjective
    before the first («المتشددة غير المعترف بها رسميا»); not a definite object noun phrase
    of the verb before («البلدات الصغيرة المجاورة غير المحمية»، «المدن والبلدات المجاورة»)."""
    first = next((n for n, w in enumerate(words) if w in modifiers), None)
    return first is not None and first <= 1


_TITLE_REACH = 6  # words between a verb and the person named after a title


def _person_after_title(doc: Doc, view: SentView, i: int) -> Mention | None:
    """The person a verb at token ``i`` has as subject past a title and a short complement
    («وغرد في الوسم وزير الخارجية عادل الجبير»): the first mention after it, at most six
    words after it, when it is a person, no punctuation stands between and a word between is
    a title of ``titles.tsv`` (وزير، الدكتور).  "Punctuation" is :data:`_TITLE_GAP_STOPS`:
    the clause breaks :data:`_BREAKS` (less the ASCII «;», which it never stopped at) and
    quotation marks and brackets, which :data:`_BREAKS` leaves out."""
    text = doc.article.text
    after = [m for m in _sentence_mentions(doc, view) if m.start >= view.tokens[i].end]
    if not after or after[0].cls != "Person":
        return None
    gap = text[view.tokens[i].end : after[0].start]
    words = gap.split()
    if len(words) > _TITLE_REACH or any(ch in gap for ch in _TITLE_GAP_STOPS):
        return None
    table = title_table()[0]
    return after[0] if any(strip_al(fold(w)) in table for w in words) else None


def _unnamed_subject(doc: Doc, view: SentView, pos: int) -> bool:
    """Whether the clause before ``pos`` has a definite noun that no preposition governs, a
    subject rasd does not know («وكتبت البعثة الأميركية لدى الحلف الأطلسي في حسابها»), so
    that a pronoun after it is not the actor of the sentence before («وذكر في تدوينة له عبر
    حسابه»: none)."""
    text = doc.article.text
    words = text[_clause_start(doc, view, pos) : pos].split()
    for k, w in enumerate(words):
        f = fold(w.strip('«»"“”()'))
        prev = fold(words[k - 1]) if k else ""
        if f.startswith("ال") and len(f) > 3 and prev not in place_prepositions():
            return True
    return False


def _antecedent(doc: Doc, view: SentView, pos: int, classes: tuple[str, ...]) -> Mention | None:
    """What a pronoun (سيطرته، حسابها، مناصريه) at ``pos`` refers to, only when unambiguous:
    the one actor (one key) named before it in its clause (:func:`_clause_start`); when its
    clause names none and no subject of its own (:func:`_unnamed_subject`), the one actor
    named before it in its sentence («وتتبناه داعش بغطاء ديني، يظهر في تسجيلاتها»); when
    its sentence names none before it, the one actor of the sentence before."""
    before = [
        m
        for m in doc.mentions_in(_clause_start(doc, view, pos), pos)
        if m.cls in classes and not _after_loser(doc, m)
    ]
    own_subject = _unnamed_subject(doc, view, pos)
    if not before and not own_subject:
        before = [
            m
            for m in doc.mentions_in(view.sentence.start, pos)
            if m.cls in classes and not _after_loser(doc, m)
        ]
    if (
        not before
        and not any(m.cls in _ACTORS for m in doc.mentions_in(view.sentence.start, pos))
        and view.index > 0
        and not own_subject
    ):
        prev = doc.views[view.index - 1].sentence
        before = [m for m in doc.mentions_in(prev.start, prev.end) if m.cls in classes]
    return before[-1] if before and len({m.key for m in before}) == 1 else None


def _adjacent(doc: Doc, i: int, view: SentView, m: Mention) -> bool:
    """Whether mention ``m`` follows the verb at token ``i`` as its subject: right after it,
    or after an organisation head (نشر تنظيم داعش) or a quotation mark («نشر «داعش»»)."""
    words = [w for w in doc.article.text[view.tokens[i].end : m.start].split() if w not in '«»"“”(']
    if words and fold(view.tokens[i].text).startswith("ال"):
        words = [w for w in words if not _is_adjective(fold(w))]  # "الدعاية الإعلامية لتنظيم"
    return not words or (
        len(words) == 1 and bool(bare_forms(words[0]) & (org_heads() | relation_words("agent")))
    )


_APPOSITION_WORDS = 15


def _after_apposition(doc: Doc, view: SentView, pos: int) -> int:
    """Skip an apposition between commas right after ``pos`` (كتب بريت ماكغيرك، نائب المبعوث
    …، على «تويتر»): the offset after its closing comma, else ``pos``."""
    text = doc.article.text
    rest = text[pos : view.sentence.end]
    if not rest.lstrip().startswith("،"):
        return pos
    first = rest.index("،")
    close = rest.find("،", first + 1)
    if close < 0 or len(rest[first:close].split()) > _APPOSITION_WORDS:
        return pos
    return pos + close + 1


def _possessive(word: str) -> bool:
    """A noun with a possessive pronoun (حسابها، صفحته، قناتهم), as written.

    >>> _possessive("حسابها"), _possessive("صفحته"), _possessive("صفحة")
    (True, True, False)
    """
    return word.endswith(("ه", "ها", "هم"))


def _owner_governed(doc: Doc, pos: int) -> bool:
    """Whether the actor named at ``pos`` follows a preposition («المقربة من حزب العمال»،
    «صورة لسواريز»): the complement of another word, not the owner of a site."""
    f = preceding_word(doc.article.text, pos)
    return f in place_prepositions() or f in ("ل", "ب", "لل", "ول", "وب")


def _claim_speaker(doc: Doc, view: SentView, i: int, cue_before: bool = False) -> str | None:
    """The one speaker of a claim of this sentence whose text starts after token ``i`` («وقالت
    في تغريدة لها "…"»: the tweet is the speaker's); with ``cue_before``, a claim whose cue
    stands before token ``i`` («وذكر في تدوينة له عبر حسابه …: "…"»), wherever its text."""
    head = doc.article.text[view.sentence.start : view.tokens[i].start]
    for c in doc.claims:
        if (
            c.sentence == view.index
            and (c.cue in head if cue_before else c.start >= view.tokens[i].end)
            and len(c.speakers) == 1
            and doc.cls_of(c.speakers[0]) in ("Person", "Organization")
        ):
            return c.speakers[0]
    return None
