"""Where a cue stands in its clause: objects of a speech verb that made no claim,
prepositional objects, relatives after «كل ما», cues in mid-clause, coordinated names,
agreeing adjectives, the start of a cue's clause, a country opening it, reasons after it, and
the claim a cue before reaches up to.
"""

from __future__ import annotations

import functools

from rasd.extract.claims.running import _cue_gender
from rasd.extract.claims.words import _detached_lam, _is_complementiser, relay_cues
from rasd.extract.doc import Doc, SentView, bare_forms
from rasd.extract.facilities import facility_heads
from rasd.extract.folding import bare
from rasd.extract.lexicon import lexicon_entities
from rasd.extract.patterns import (
    claim_words,
    demonstratives,
    is_source_noun,
    match_title,
    object_cues,
    org_heads,
)
from rasd.extract.text import fold


@functools.cache
def _body_heads() -> frozenset[str]:
    """Head nouns of a body or organisation, folded: ``org_heads.tsv`` (شرطة، مديرية …),
    ``facility_heads.tsv`` and the first word of the organisations of ``entities.tsv`` with
    a name of several words (جهاز الأمن البريطاني → جهاز)."""
    firsts = {
        fold(e.label.split()[0])
        for e in lexicon_entities()
        if e.cls == "Organization" and len(e.label.split()) > 1
    }
    return frozenset(firsts - {f for f in firsts if f.startswith("ال")}) | (
        org_heads() | facility_heads()
    )


def _object_word(doc: Doc, view: SentView, j: int) -> bool:
    """Whether token ``j``, right after a speech verb that made no claim, reads as its object
    rather than an unnamed subject: an indefinite word before a definite one (حدوث التفجير)
    that is no mention, no title and no source noun."""
    if j >= len(view.tokens) or not view.tokens[j].word:
        return False
    tok = view.tokens[j]
    # a verbal noun before a definite noun (حدوث التفجير، إجراء الانتخابات), not a name
    # rasd does not read (دليل آمد)
    construct = j + 1 < len(view.tokens) and view.folded[j + 1].startswith("ال")
    return (
        construct
        and not view.folded[j].startswith(("ال", "لل", "وال"))
        and doc.mention_at_token(tok) is None
        and match_title(view, j) is None
        and not is_source_noun(tok.text)
        # "وأعلن جهاز الأمن الوطني اعتقال …"، "شرطة المحافظة": an organisation rasd does not
        # name is the verb's subject
        and bare_forms(tok.text).isdisjoint(_body_heads())
    )


def _continuing_verb(view: SentView, i: int) -> bool:
    """Whether the speech verb at token ``i`` adds to a report: it carries و or follows «كما»
    (group ``continuing`` of ``claim_words.tsv``), and it relays nobody (``relay_cues.tsv``:
    «ونقل تمنياته» passes on another's words)."""
    if not (view.folded[i].startswith("و") or (i > 0 and view.folded[i - 1] in _CONTINUING)):
        return False
    return bare_forms(view.tokens[i].text).isdisjoint(_RELAYS)


def _continued_object(doc: Doc, view: SentView, i: int, j: int) -> bool:
    """Whether the speech verb at token ``i``, with no subject read after it, goes on the
    running speaker's report with a noun object at token ``j`` that is what was said.

    The verb carries و or follows «كما» (group ``continuing`` of ``claim_words.tsv``) and
    relays nobody (``relay_cues.tsv``: «ونقل تمنياته»); ``j`` is a noun with a pronoun ending
    (group ``object_suffix``: «وأكد رفضه …»، «وأكدوا وقوفهم»), an indefinite noun before one
    («وأكد دعم بلاده») or a demonstrative before a definite noun («وتدين هذا العمل»).  A noun
    before a definite one is no object here («وكشفت أوساط الفيدرالية»، «واستنكر سكرتير
    المجلس» are subjects), nor a person with a pronoun (group ``owned_person``: «وأكد
    شقيقه»), a preposition with one (group ``preposition_stem``: «وأكد عليه») or a noun with
    بـ/لـ attached («واعترف بتبنيها»: what was said starts after it)."""
    if not _continuing_verb(view, i):
        return False
    toks = view.tokens
    if j >= len(toks) or not toks[j].word:
        return False
    f = view.folded[j]
    if f in demonstratives():
        return j + 1 < len(toks) and view.folded[j + 1].startswith("ال")
    if f.startswith(("ال", "لل", "بال", "وال")) or f[:1] in ("ب", "ل"):
        return False
    stem = _owned_stem(toks[j].text)
    if stem is None and j + 1 < len(toks) and toks[j + 1].word:
        # «دعم بلاده»: an indefinite noun before a noun with a pronoun ending
        nxt = _owned_stem(toks[j + 1].text)
        stem = f if nxt is not None and nxt not in _OWNED_PERSONS else None
    return (
        stem is not None
        and stem not in _OWNED_PERSONS
        and stem not in _PREPOSITION_STEMS
        and doc.mention_at_token(toks[j]) is None
        and match_title(view, j) is None
        and not is_source_noun(toks[j].text)
        and bare_forms(toks[j].text).isdisjoint(_body_heads())
    )


def _owned_stem(word: str) -> str | None:
    """The folded noun of a token's text without its pronoun ending (group
    ``object_suffix``, read on the unfolded letters so that ة is no ه: «دولة» has none),
    ``None`` when it has none or too short a stem to be a noun (منه، لها)."""
    letters = bare(word)
    for suffix in _OBJECT_SUFFIXES:
        if letters.endswith(suffix) and len(letters) - len(suffix) >= 3:
            return fold(letters[: -len(suffix)])
    return None


_CONTINUING = claim_words("continuing")
_OWNED_PERSONS = claim_words("owned_person")
_PREPOSITION_STEMS = claim_words("preposition_stem")
_RELAYS = frozenset(fold(w) for w in relay_cues())
#: longest first, so that «التزامهما» loses «هما» and not «ه»
_OBJECT_SUFFIXES = tuple(sorted(claim_words("object_suffix"), key=len, reverse=True))


def _prepositional_object(view: SentView, j: int) -> bool:
    """Whether token ``j``, right after a verb, opens a prepositional object rather than a
    subject: ``بال…``/``لل…`` (وأشاد بالبرامج), or ب/ل on a relative (group
    ``prepositional_object`` of ``claim_words.tsv``: «وأشاد بما يقوم به»)."""
    f = view.folded[j]
    return f.startswith(("بال", "لل")) or f in claim_words("prepositional_object")


def _universal_relative(view: SentView, i: int) -> bool:
    """Whether the cue at token ``i`` opens a relative clause after «كل ما»، «جميع من»
    (group ``universal`` of ``claim_words.tsv``, a preposition attached or not: «بكل ما»):
    «مع كل ما يهدد أمن الوطن» is what threatens, not a statement."""
    if i < 2 or view.folded[i - 1] not in ("ما", "من"):
        return False
    return not bare_forms(view.tokens[i - 2].text).isdisjoint(claim_words("universal"))


def _mid_clause(view: SentView, cue: tuple[int, str, str, str, int]) -> bool:
    """Whether a cue (an entry ``(token, cue, kind, number, after)`` of ``find_claims``'s
    list) stands inside a clause: a verb that reads like a noun (kind ``verb-explicit``:
    وصف، بين، رأى) with no و/ف joined to it, a word, not a punctuation mark, right before
    it ("ترفض وصف"), and no complementiser after it — "إنه يرى أن …"، "إنها ردت بأن …"
    report a statement of their own."""
    i, word, kind, _number, after = cue
    toks = view.tokens
    return (
        kind == "verb-explicit"
        and i > 0
        and toks[i - 1].word
        and view.folded[i] == word.split()[0]  # no و/ف joined to it ("وصف" itself is)
        and not (after < len(toks) and toks[after].word and _is_complementiser(toks[after].text))
    )


def _coordinated(doc: Doc, view: SentView, j: int) -> bool:
    """Whether token ``j``, right after a subject, coordinates another name with it
    (``و«بي كا كا»``، ``وإسرائيل``): after a cue that is also a noun or a preposition
    (بين: between), "X and Y" is its object."""
    toks = view.tokens
    if j >= len(toks):
        return False
    if bare(toks[j].text) == "و":  # "وَ" alone too
        return True
    return view.folded[j].startswith("و") and doc.mention_at_token(toks[j]) is not None


def _adjective(view: SentView, i: int) -> bool:
    """Whether the feminine participle at token ``i`` agrees as an adjective with the
    indefinite feminine or plural noun right before it, no comma between («فرضت إجراءات أمنية
    مشددة على سفر …»: strict measures, not "stressing"); after a comma, a verb or a definite
    subject it is a participle of speech («وقالت الوزارة، مؤكدة أن …»).  Before a
    complementiser it speaks whatever precedes it («بتصريحات مؤكدة أن …»، «مشيرة إلى أن»).
    The endings are read in the text as written (ة، ات), not folded: a folded ه is also a
    pronoun («عنه مشيرة»)."""
    toks = view.tokens
    if i == 0 or not toks[i - 1].word or not bare(toks[i].text).endswith("ة"):
        return False
    after = view.folded[i + 1 : i + 3]
    if after[:1] and (
        _is_complementiser(toks[i + 1].text)
        or (after[0] in claim_words("to") and after[1:2] == [_AN])
    ):
        return False
    prev = view.folded[i - 1]
    written = bare(toks[i - 1].text)
    return not prev.startswith(("ال", "وال", "بال", "لل")) and written.endswith(("ة", "ات"))


_AN = fold("أن")


_SUBORDINATORS = claim_words("subordinator") | claim_words("clause_conjunction")


def _clause_start(view: SentView, cues: list, m: int) -> int:
    """The token where the clause of cue ``cues[m]`` begins: after the last comma, colon,
    subordinator (حيث، إذ، كما) or earlier cue before the cue's verb, else the sentence's
    first token («وكان الوزير قال …»: at وكان, the subject before the verb included)."""
    i = cues[m][0]
    floor = cues[m - 1][4] if m > 0 else 0
    k = i
    while k > floor:
        prev = view.tokens[k - 1]
        if prev.text in "،,:؛" or (prev.word and view.folded[k - 1] in _SUBORDINATORS):
            break
        k -= 1
    return k


def _country_opening(
    doc: Doc, view: SentView, i: int, after: int, cue: str
) -> tuple[list[str], int] | None:
    """A country right after a feminine speech verb that opens its sentence or clause
    («وأدانت فرنسا بشدة الهجوم …»، «وفيما تنفي إيران تدخلها …»): its subject, with a noun
    object after it as what was said; (its key, the token after it), else None; countries
    joined by و speak together («وقالت مصر والسعودية في بيان مشترك إن …»).  Not after
    a verb whose noun is mostly its object (column ``object`` of ``speech_cues.tsv``:
    «واتهمت إيران بدعم …»), nor a masculine one («وأدان إسرائيل»: the running speaker's
    object; :func:`_cue_gender`)."""
    toks = view.tokens
    if after >= len(toks):
        return None
    opens = not any(t.word for t in toks[:i]) or (
        i > 0 and (toks[i - 1].text in "،," or view.folded[i - 1] in _SUBORDINATORS)
    )
    if not opens:
        return None
    if cue.split()[0] in object_cues() or _cue_gender(cue) != "f":
        return None
    m = doc.mention_at_token(toks[after])
    if m is None or m.cls != "Country" or m.start != toks[after].start:
        return None
    keys, n = [m.key], after
    while True:
        while n < len(toks) and toks[n].start < m.end:
            n += 1
        # «وقالت مصر والسعودية في بيان مشترك إن …»: the countries joined by و speak together
        m = doc.mention_at_token(toks[n]) if n < len(toks) else None
        if m is None or m.cls != "Country" or doc.article.text[toks[n].start : m.start] != "و":
            break
        keys.append(m.key)
    if n >= len(toks) or not toks[n].word:
        return None
    if _is_complementiser(toks[n].text) and len(keys) == 1:
        return None  # «قالت إيران إن …»: read by :func:`speakers_after`
    if _reason_after(view, n):
        return None  # «وأدانت إسرائيل بسبب …»: condemned for a reason, the country its object
    return keys, n


_REASONS = claim_words("reason_preposition")


def _reason_after(view: SentView, n: int) -> bool:
    """Whether token ``n`` opens a reason (``reason_preposition``: بسبب، جراء) or ل on a
    noun with ال or a pronoun («لقيامها بـ»، «للقائها»، «لـ«…»»): after «أدانت X» or
    «امتدحت X», X is then what was condemned or praised, not who spoke."""
    f = view.folded[n]
    if f in _REASONS or _detached_lam(view.tokens[n].text, f):
        return True
    return f.startswith("ل") and (f.startswith("لل") or f.endswith(("ها", "هم")))


def _claimed_up_to(doc: Doc, view: SentView, cues: list, n: int, cut: int) -> bool:
    """Whether the cue before ``cues[n]`` made a claim that ends right before token ``cut``
    (the «حسبما/بحسب ما» of an "according to" verb), a comma at most between."""
    if n == 0 or not doc.claims:
        return False
    last = doc.claims[-1]
    p = cues[n - 1][0]
    if last.start < view.tokens[p].start or last.sentence != view.index:
        return False
    gap = doc.article.text[last.end : view.tokens[cut].start]
    return not gap.strip(' ،,»”"')
