"""The running speaker: other persons named since, recaps («جاء ذلك على لسان X»), the gender
of titles and cues, a sentence or clause opening with a verb that is no cue, the group or
person a participle continues, participles of praise that continue nobody, and the subject of a
sentence opening with a verb that is no cue.
"""

from __future__ import annotations

from rasd.extract.claims.content import _BI_PRONOUNS
from rasd.extract.claims.names import _CIRCUMSTANTIAL, _IN_NAME_OF
from rasd.extract.claims.sources import _plural_participle, _quantified_source, _unnamed_source
from rasd.extract.claims.words import (
    _CLAUSE_OPENERS,
    _PLURAL_VERB_ENDINGS,
    _RELATIVES,
    _SPEAKER_CLASSES,
    _passive,
    _token_after,
    cue_blockers,
    subjectless,
)
from rasd.extract.doc import Doc, SentView, bare_forms, strip_al
from rasd.extract.folding import bare
from rasd.extract.patterns import (
    claim_words,
    cue_table,
    demonstratives,
    is_source_noun,
    match_cue,
    match_title,
    skip_modifiers,
)
from rasd.extract.records import Mention
from rasd.extract.text import fold, match_key


def _other_persons(doc: Doc, start: int, end: int, speakers: list[str]) -> bool:
    """Whether a person other than ``speakers`` is named in ``[start, end)`` outside what
    was said (the claims found so far): then a subject-less "وقالت" may be either."""
    spans: list[tuple[int, int]] | None = None  # read once, for the first other person
    for m in doc.mentions_in(start, end):
        if m.cls != "Person" or m.key in speakers:
            continue
        if spans is None:
            spans = [(c.start, c.end) for c in doc.claims if c.end > start]
        if not any(a <= m.start < b for a, b in spans):
            return True
    return False


_RECAP_VERB = claim_words("recap_verb")
_RECAP_PREPOSITION = claim_words("recap_preposition")
_RECAP_NOUN = claim_words("recap_noun")
_MOUTH = fold("لسان")
_DELIVERED = {"m": claim_words("recap_delivered_m"), "f": claim_words("recap_delivered_f")}
_DELIVERED_OBJECT = claim_words("recap_delivered_object")
_MASCULINE_TITLES = claim_words("masculine_title")
_TITLE_LINKS = claim_words("title_complement")


def _title_gender(word: str) -> str | None:
    """«f» for a feminine title word («السفيرة»، «للوزيرة»: ة as written), not an honorific
    in -ة said of men (``masculine_title``: سماحة، فضيلة); None for the others: a masculine
    title is written of women too («المندوب الدائم لدى الأمم المتحدة» + her name)."""
    if not bare_forms(word).isdisjoint(_MASCULINE_TITLES):
        return None
    return "f" if bare(word).endswith("ة") else None


def _cue_gender(cue: str) -> str | None:
    """The gender a cue's first word (folded, as in ``speech_cues.tsv``) marks, when its other
    form is a cue too: «أكدت» (أكد) and «تقول» (يقول) feminine, «أكد» (أكدت) masculine; «لفت»
    (no «لف») masculine only through «لفتت»; None for a form of neither."""
    table = cue_table()
    w = cue.split()[0]
    if (w.endswith("ت") and w[:-1] in table) or (w.startswith("ت") and "ي" + w[1:] in table):
        return "f"
    if w.endswith("ت") and (w[:-1] + "ا" in table or w[:-1] + "ي" in table):
        return "f"  # دعت (دعا)، نفت (نفى, folded نفي): a weak final letter
    if w.endswith("ه") and w[:-1] + "ا" in table:
        return "f"  # مؤكدة (folded مؤكده) beside مؤكدا
    if w + "ت" in table or (w.startswith("ي") and "ت" + w[1:] in table):
        return "m"
    if w.endswith("ا") and w[:-1] + "ه" in table:
        return "m"
    return None


def _recap_subject(doc: Doc, view: SentView) -> tuple[str, int, str | None] | None:
    """The person a sentence opening «جاء ذلك على لسان X» / «جاء ذلك في كلمة ألقاها X» names
    as having said what came before — ``(key, end offset, gender)``, or None.

    X is taken only in the slot the construction gives the speaker: right after «على لسان»,
    after «ألقاها»/«ألقتها» or «أدلى به(ا)» following the speech noun, or fused with ل right
    after it («في بيان للوزير X»); titles may stand between, nothing else.  Anyone further on
    is no speaker («بيان صادر عن منظمة … بشأن اعتقال الناشط X»، «ردا على الوزير X»، «خلال
    تكريم اللاعب X»), nor an organisation in the slot (rasd names persons here).  The gender
    is the delivery verb's, else feminine after a feminine title (None otherwise): the next
    subject-less verb must agree with it (:func:`_cue_gender`)."""
    toks = view.tokens
    f = view.folded
    if len(toks) < 5 or not all(t.word for t in toks[:4]):
        return None
    if bare_forms(toks[0].text).isdisjoint(_RECAP_VERB) or f[1] not in demonstratives():
        return None
    if f[2] not in _RECAP_PREPOSITION:
        return None
    noun = strip_al(f[3])
    gender = None
    j = 4
    if noun == _MOUTH:
        pass
    elif noun in _RECAP_NOUN | _CIRCUMSTANTIAL:
        delivered = [g for g, words in _DELIVERED.items() if f[4] in words]
        if delivered:
            gender, j = delivered[0], 5
            if j < len(toks) and f[j] in _DELIVERED_OBJECT:
                j += 1  # «أدلى بها»
        elif not (f[4].startswith("ل") and len(f[4]) > 3):
            return None  # «في كلمة خلال تكريم اللاعب X»: X is honoured, no speaker
    else:
        return None
    titled = False  # after a title: its complement («المندوب الباكستاني الدائم لدى الأمم المتحدة»)
    while j < len(toks):
        m = doc.mention_at_token(toks[j])
        if m is not None and m.cls == "Person":
            return (m.key, m.end, gender) if m.key in doc.entities else None
        if m is not None and titled:
            j = _token_after(view, j, m.end)  # "مندوبة إندونيسيا"، "لدى الأمم المتحدة"
            continue
        if m is not None:
            return None  # "في بيان لوزارة الخارجية": an organisation, no person
        hit = match_title(view, j)
        if hit is None and titled and (f[j] in _TITLE_LINKS or strip_al(f[j]) in _TITLE_LINKS):
            j += 1  # "الدائم"، "لدى": the title's complement goes on
            continue
        if hit is None:
            return None
        titled = True
        gender = gender or _title_gender(toks[j].text)
        j = hit[1]
        if f[j - 1] == _IN_NAME_OF and j < len(toks):
            # "المتحدث باسم الوزارة اللواء X": what he speaks for is part of the title
            m = doc.mention_at_token(toks[j])
            j = _token_after(view, j, m.end) if m is not None else j + 1
        j = skip_modifiers(doc, view, j, None)
    return None


_PRAISE = claim_words("praise_participle")
_PRAYER_ONLY = claim_words("prayer_only")  # سائلا: a cue only with God right after it


def _own_subject_opening(doc: Doc, view: SentView, i: int) -> bool:
    """Whether the sentence opens, before token ``i``, with a verb that is no cue followed by
    a subject of its own — a mention or a definite noun: «ووصل الوفد الياباني …»، «وأصدرت
    جامعة الملك سعود بيانا …»، «وخرج المواطنون …» (what a participle after it continues is
    that subject's doing, not the running speaker's statement)."""
    toks = view.tokens
    if i < 2 or not toks[0].word or not toks[1].word:
        return False
    f = view.folded
    if (
        doc.mention_at_token(toks[0]) is not None
        or match_cue(view, 0) is not None
        or match_title(view, 0) is not None
        or f[0].startswith(("ال", "وال"))
        or subjectless(view, 0)
        or f[0] in cue_blockers()
        or subjectless(view, 1)
    ):
        return False
    return doc.mention_at_token(toks[1]) is not None or f[1].startswith("ال")


def _head_of_running(doc: Doc, view: SentView, j: int, running: list[str]) -> bool:
    """Whether token ``j`` is a definite head noun alone («الصحيفة»، «الوكالة») that opens
    the name of the organisation speaking before (``running``, one organisation), no mention
    of its own and no name after it: the subject of a verb, it refers back to that speaker
    even when other organisations of that head were named earlier."""
    toks = view.tokens
    if len(running) != 1 or doc.cls_of(running[0]) != "Organization" or j >= len(toks):
        return False
    f = view.folded[j]
    if not toks[j].word or not f.startswith("ال") or doc.mention_at_token(toks[j]):
        return False
    if j + 1 < len(toks) and doc.mention_at_token(toks[j + 1]) is not None:
        return False  # "الصحيفة «X»": a paper named here
    label = match_key(doc.entities[running[0]].label).split()
    return bool(label) and label[0] == strip_al(match_key(toks[j].text))


def _clause_openings(view: SentView, i: int) -> list[int]:
    """Tokens before ``i`` where a clause of the sentence opens, nearest first: a word with
    و right after a comma («…، وثمن X …»), and the sentence's first word after an aside
    («من جهته،»، «بدوره،»; :data:`_CLAUSE_OPENERS`), or after a short fronted phrase and its
    comma («وإزاء ذلك، خرج X …»، «وفي المقابل، …»)."""
    toks, f = view.tokens, view.folded
    out = [
        p
        for p in range(i - 1, 1, -1)
        if toks[p - 1].text in "،," and toks[p].word and f[p].startswith("و") and len(f[p]) > 3
    ]
    p = 0
    if len(f) > 2 and f[0] in ("من", "ومن") and f[1] in _CLAUSE_OPENERS:
        p = 2  # «من جهته»، «ومن جانبه»
    elif f and f[0].lstrip("و").startswith("بدور") and f[0] in _CLAUSE_OPENERS | {"و" + f[0]}:
        p = 1
    if 0 < p < len(toks) and toks[p].text in "،,":
        p += 1
    elif p == 0:
        # «وإزاء ذلك، خرج X …»، «وفي المقابل، …»: a short fronted phrase and its comma
        comma = next((k for k in range(1, min(4, i)) if toks[k].text in "،,"), None)
        if comma is not None and all(toks[k].word for k in range(comma)):
            p = comma + 1
    return [*out, p]


def _verb_opens(doc: Doc, view: SentView, p: int, i: int, cue: bool = False) -> bool:
    """Whether the clause at token ``p`` opens with a verb that is no cue (``cue``: or is
    one) and a word after it (its subject, before token ``i``), as
    :func:`_own_subject_opening` reads the sentence's first words.  Not a verb carrying a
    plural subject suffix: «والتقوا سفراء …» — the word after it is its object (a verb before
    its own plural subject is singular: «وعبّر مواطنون»)."""
    toks, f = view.tokens, view.folded
    if p + 1 >= i or not toks[p].word or not toks[p + 1].word:
        return False
    if f[p].endswith(_PLURAL_VERB_ENDINGS):
        return False
    return not (
        doc.mention_at_token(toks[p]) is not None
        or (not cue and match_cue(view, p) is not None)
        or match_title(view, p) is not None
        or f[p].startswith(("ال", "وال"))
        # a cue verb reads as subjectless ("ومضى يقول"): not here, where it opens the clause
        or (subjectless(view, p) and not (cue and match_cue(view, p) is not None))
        or f[p] in cue_blockers()
        or subjectless(view, p + 1)
    )


def _group_subject(doc: Doc, view: SentView, i: int) -> str | None:
    """The unnamed group a plural participle at token ``i`` continues when its clause opens
    with a verb (a cue that found no statement of its own too) and that group as subject:
    «وتجمّع عدد من المواطنين أمام …، مؤكدين أن …»، «وعبّر مواطنون عن …، مشددين على» — a new
    unnamed source (or the one already read there), so that a later «وأكدوا» goes on with
    it."""
    toks = view.tokens
    for p in _clause_openings(view, i):
        if not _verb_opens(doc, view, p, i, cue=True):
            continue
        m = doc.mention_at_token(toks[p + 1])
        if m is not None:
            return m.key if m.cls == "UnnamedSource" and m.key in doc.entities else None
        noun = _quantified_source(view, p + 1)
        if noun is not None and noun < i:
            keys, _k = _unnamed_source(doc, view, noun, refer_back=False, label_from=p + 1)
        elif is_source_noun(toks[p + 1].text) == "pl" or _plural_participle(
            view.folded[p + 1], definite=False
        ):
            # "واستنكر يمنيون هذه الخطوة، مشيرين": a plural participle or nisba as well
            keys, _k = _unnamed_source(doc, view, p + 1, refer_back=False)
        else:
            return None
        return keys[0] if keys else None
    return None


def _clause_subject(doc: Doc, view: SentView, p: int, i: int) -> Mention | None:
    """The named subject of a clause opening at token ``p`` with a verb that is no cue (as
    :func:`_own_subject_opening` reads the sentence's first words): a mention right after the
    verb, or the person a title right after it stands before («واستنكر القاضي في المحكمة
    العامة الشيخ X العمل …»; no comma, cue or relative pronoun between)."""
    toks, f = view.tokens, view.folded
    if not _verb_opens(doc, view, p, i):
        return None
    m = doc.mention_at_token(toks[p + 1])
    if m is not None:
        return m
    title = match_title(view, p + 1)
    if title is None:
        return None
    for k in range(title[1], min(i, p + 14)):
        tok = toks[k]
        if tok.text in "،,:" or (tok.word and (match_cue(view, k) or f[k] in _RELATIVES)):
            return None
        m = doc.mention_at_token(tok)
        if m is not None and m.cls == "Person":
            n = k
            while n < len(toks) and toks[n].start < m.end:
                n += 1
            after = doc.mention_at_token(toks[n]) if n < len(toks) else None
            # «وزير الدفاع موشيه يعالون» read as two persons: a name cut in two, left open
            return None if after is not None and after.cls == "Person" else m
    return None


def _own_subject(doc: Doc, view: SentView, i: int, cue: str) -> str | None:
    """The subject a participle at token ``i`` continues when its clause opens with a verb
    that is no cue and a named subject of its own (:func:`_clause_subject` at the nearest
    :func:`_clause_openings` that has one): «وشنت تركيا سلسلة من الغارات، مشيرة إلى أنها …»
    — Turkey, not whoever spoke before; «والتقى …، وثمّن X العلاقات …، مشيرا» — X.  A country
    is feminine: a masculine participle is not its («وزارت ألمانيا وفدا، مؤكدا»)."""
    m = next(
        (m for p in _clause_openings(view, i) if (m := _clause_subject(doc, view, p, i))), None
    )
    if m is None or m.key not in doc.entities or m.cls not in (*_SPEAKER_CLASSES, "Country"):
        return None
    if m.cls == "UnnamedSource" or (m.cls == "Country" and _cue_gender(cue) == "m"):
        return None
    return m.key


def _continues_nobody(
    doc: Doc, view: SentView, i: int, after: int, cues: list, last_at: int
) -> bool:
    """Whether the participle of praise or welcome at token ``i`` (``praise_participle``,
    cue ending before ``after``) continues no speaker: followed by a bare pronoun («مرحبا به
    من قبل …»: welcomed, «مرحبين بهم في الفصول»: whom), or in a sentence of its own subject
    («ووصل الوفد … مرحبا»، «وخرج المواطنون … مرحبين») when neither the running speaker's claim
    nor another cue stands in the sentence before it."""
    toks = view.tokens
    f = view.folded
    if any(k < len(toks) and f[k] in _BI_PRONOUNS for k in (i + 1, after)):
        return True
    if cues or view.sentence.start <= last_at < toks[i].start:
        return False
    return _own_subject_opening(doc, view, i)


def _opening_subject(doc: Doc, view: SentView) -> tuple[str, int] | None:
    """The person who is the subject of a sentence opening with a verb that is no cue:
    "ربط عضو مجلس النواب X بين …"، "ودافع X عن …" — ``(key, end offset)``, or None.

    The verb is the first word: no mention, no cue, no title, no preposition or
    complementiser, not definite, not a marked passive; the person stands right after it,
    after a title phrase at most.  Such a person is whom a later "وقال إن …" with no
    subject of its own most likely refers to.
    """
    toks = view.tokens
    if len(toks) < 2 or not toks[0].word or doc.mention_at_token(toks[0]) is not None:
        return None
    f = view.folded[0]
    if (
        match_cue(view, 0) is not None
        or match_title(view, 0) is not None
        or f.startswith(("ال", "وال"))
        or subjectless(view, 0)
        or f in cue_blockers()
        or _passive(toks[0].text)
    ):
        return None
    j = 1
    hit = match_title(view, j)
    if hit is not None:
        j = skip_modifiers(doc, view, hit[1], None)
    m = doc.mention_at_token(toks[j]) if j < len(toks) else None
    if m is None or m.cls != "Person" or m.key not in doc.entities:
        return None
    return m.key, m.end
