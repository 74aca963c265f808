"""The shared word tables and small token tests of the claim readers: the speaker classes,
the gaps a reader may cross, relative pronouns, complementisers (:func:`_is_complementiser`:
أن، إن، بأنه …), prepositions, cue blockers and cue nouns, relaying and honorific words,
subject-less cues (:func:`subjectless`), words that govern أن without saying
(:func:`not_saying`), the adverbs, days and dates that may stand between a verb and its
subject, passives (:func:`_passive`), the بـ object, the detached ل, plain words, how often a
word stands in the article.
"""

from __future__ import annotations

import functools

from camel_tools.utils.dediac import dediac_ar

from rasd.extract.doc import Doc, SentView
from rasd.extract.folding import TATWEEL, bare
from rasd.extract.patterns import (
    claim_words,
    match_cue,
    relation_words,
    relative_pronouns,
    subjectless_words,
    word_list,
)
from rasd.extract.resources import DateCue, SubjectlessWord, load_table
from rasd.extract.text import fold, fold_article, word_runs

_SPEAKER_CLASSES = ("Person", "Organization", "UnnamedSource", "CreativeWork")
_DOC_NOUNS = claim_words("doc_noun")
_MIN_QUOTE_WORDS = 3
_MAX_MARKER_GAP = 6  # words between the speaker and "أن" / ":" / a quotation
# a preposition before a name: the name is the verb's object ("ورد على الرئيس … بالقول")
_OWNER_BLOCKERS = claim_words("owner_blocker")
_MAX_MARKER_GAP_AFTER_COMMA = 14  # "…، في تصريح نقله المركز الإعلامي، أن"
_RELATIVES = relative_pronouns()


@functools.cache
def _complementisers() -> frozenset[str]:
    """The folded ``complementizer`` and ``speech_complementizer`` words of
    ``relation_words.tsv`` (أن، إن، بأنه، بأنهم …; not لأن, a ``clause_complementizer``)."""
    return relation_words("complementizer") | relation_words("speech_complementizer")


def _is_complementiser(word: str) -> bool:
    """أن، إن، بأنه … (the word that opens reported speech)."""
    return fold(word) in _complementisers()


def _words(text: str) -> int:
    return len(text.split())


@functools.cache
def pronoun_subjects() -> frozenset[str]:
    """Honorific pronoun subjects (سموه، معاليه …) of ``subjectless_words.tsv``."""
    rows = load_table("subjectless_words.tsv", SubjectlessWord)
    return frozenset(fold(r.word) for r in rows if r.note.startswith("pronoun"))


def cue_blockers() -> frozenset[str]:
    """Words right before a cue that make it no statement (``cue_blockers.tsv``): a
    negation (ولم يذكر المصدر) or the relative من (من يعتقد أن: whoever believes)."""
    return word_list("cue_blockers.tsv")


def cue_nouns() -> frozenset[str]:
    """Words before a cue verb that make it a verbal noun inside a phrase
    (``cue_nouns.tsv``): «طالبا عدم كشف اسمه» is neither a statement nor the end of the one
    it stands in."""
    return word_list("cue_nouns.tsv")


def relay_cues() -> frozenset[str]:
    """Verbs that relay what someone else said (``relay_cues.tsv``): «ونقل X عن Y قوله»,
    «ونقلت الوكالة عن مصدر: "…"» — Y speaks, X only passes it on."""
    return word_list("relay_cues.tsv")


@functools.cache
def honorific_subjects() -> frozenset[str]:
    """Honorific pronoun subjects (سموه، معاليه …): notes with "honorific"."""
    rows = load_table("subjectless_words.tsv", SubjectlessWord)
    return frozenset(fold(r.word) for r in rows if "honorific" in r.note)


def subjectless(view: SentView, j: int) -> bool:
    """Whether the cue ending before token ``j`` has no subject of its own: the next word is
    a complementiser, a colon, a quotation, a dash or a preposition ("وقال إن"، "وأضاف: «…»"،
    "وأشار ـ في تصريح ـ إلى"), or a participle or verb that carries what was said ("وأضاف
    مؤكدا أن …"، "ومضى يقول إن …")."""
    toks = view.tokens
    if j >= len(toks):
        return True
    tok = toks[j]
    if not tok.text.strip("ـ-–—"):  # "وأضاف -في بيان أمس- أن": a dash opens an aside
        return True
    if not tok.word:
        return tok.text in ':«"“،,.'
    if _is_complementiser(tok.text) or view.folded[j] in subjectless_words():
        return True
    hit = match_cue(view, j)
    # "وأضاف مؤكدا أن"، "ومضى يقول إن": the next word is the statement's own verb
    return hit is not None and hit[1] in ("continuation", "verb")


def _times_written(doc: Doc, folded_word: str) -> int:
    """How often a folded word stands in the article (punctuation around it ignored)."""
    return word_runs(fold_article(doc.article.text)).get(folded_word, 0)


def _token_after(view: SentView, j: int, end: int) -> int:
    """The first token from ``j`` on that starts at or after offset ``end``."""
    toks = view.tokens
    while j < len(toks) and toks[j].start < end:
        j += 1
    return j


def _past_date(doc: Doc, view: SentView, j: int) -> int:
    """Token ``j``, or the token after the date found in the text that starts there
    (``يوم السبت``، ``أمس الجمعة``: "وقالت تركيا يوم السبت إن …")."""
    toks = view.tokens
    if j >= len(toks):
        return j
    for d in doc.dates_starting_in(toks[j].start, toks[j].start + 1):
        if d.end <= view.sentence.end:
            return _token_after(view, j, d.end)
    return j


@functools.cache
def _day_words() -> frozenset[str]:
    """One-word days of ``date_cues.tsv`` (weekdays, أمس، اليوم, the parts of a day صباح،
    مساء), folded: a date the date finder may not resolve (no publication date)."""
    rows = load_table("date_cues.tsv", DateCue)
    kinds = ("weekday", "relative", "day_cue")
    return frozenset(fold(r.word) for r in rows if r.kind in kinds and " " not in r.word)


def subject_adverbs() -> frozenset[str]:
    """Adverbs that may stand between a speech verb and its subject (``subject_adverbs.tsv``:
    آنذاك، أيضا، بدوره …); dates (أمس، الثلاثاء) are found by the date finder."""
    return word_list("subject_adverbs.tsv")


_PREPOSITIONS = claim_words("preposition")


def not_saying() -> frozenset[str]:
    """Words that govern the أن/إنّ after them (``not_saying.tsv``: بعد أن، يجب أن، حيث إن):
    such a complementiser opens no statement."""
    return word_list("not_saying.tsv")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "،,:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,:."):
        end -= 1
    return start, end


_BEFORE_VERB = claim_words("before_verb")


def _bi_object(view: SentView, k: int) -> bool:
    """Whether token ``k`` is a noun with بـ attached (بنزوح، بمراقبة), not بأن or a
    preposition such as بعد."""
    f = view.folded[k]
    tok = view.tokens[k]
    return (
        tok.word
        and f.startswith("ب")
        and len(f) > 3
        and not _is_complementiser(tok.text)
        and f not in subjectless_words()
    )


_DAMMA = "\u064f"


def _passive(word: str) -> bool:
    """Whether a verb is written as a passive: a damma on its first letter (أُعلن، ذُكر،
    وأُفيد).

    >>> _passive("أُعلن"), _passive("وذُكر"), _passive("وَأُعلن"), _passive("أعلن")
    (True, True, True, False)
    """
    w = word.replace(TATWEEL, "")
    if w[:1] in "وف" and len(bare(w)) > 3:
        w = w[1:]
        while w and not dediac_ar(w[0]):
            w = w[1:]  # "وَأُعلن": the clitic's own vowel is no mark of the verb
    return len(w) > 2 and w[1] == _DAMMA


def _detached_lam(word: str, folded: str) -> bool:
    """Whether a token is the preposition ل standing apart from its noun: alone («ل
    "رويترز"») or drawn out with tatweel («لـ«الشرق الأوسط»»); ``folded`` is its folded form."""
    return folded == "ل" or dediac_ar(word).startswith("ل" + TATWEEL)


#: the folded ending of a past verb with a masculine plural subject («والتقوا»، «اجتمعوا»);
#: not ا (دعا، نجا) nor ن (أعلن، بين), which singular verbs end in too
_PLURAL_VERB_ENDINGS = ("وا",)


#: words after which a clause (and its verb) begins: "ولطالما عبر"، "من جانبه عبر"
_CLAUSE_OPENERS = claim_words("clause_opener") | claim_words("clause_conjunction")


def is_word_between(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a letter or digit (not only spaces, punctuation
    and quotation marks)."""
    return any(ch.isalnum() for ch in text[start:end])


def _plain_word(doc: Doc, view: SentView, n: int) -> bool:
    """Token ``n`` is a word in no mention, no cue and no complementiser (an adjective)."""
    tok = view.tokens[n]
    return (
        tok.word
        and doc.mention_at_token(tok) is None
        and not _is_complementiser(tok.text)
        and match_cue(view, n) is None
    )
