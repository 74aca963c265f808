"""What the cue kinds need after their subject: said objects (``مسؤوليته عن الهجوم``),
published objects (``نشرت صحيفة «X» تقريرا``), possibilities ruled out (استبعد), reported
speech opening after a ``said-that`` cue, and whether a speaker may follow a cue.
"""

from __future__ import annotations

from rasd.extract.claims.according import _source_follows
from rasd.extract.claims.quotes import _QUOTE_OPEN
from rasd.extract.claims.words import (
    _bi_object,
    _day_words,
    _is_complementiser,
    _past_date,
    subject_adverbs,
)
from rasd.extract.doc import Doc, SentView
from rasd.extract.patterns import is_nisba, word_list
from rasd.extract.text import QUOTE_CLOSERS


def said_objects() -> frozenset[str]:
    """Nouns that, as the object of a speech verb right after its subject, open what was
    said (``said_objects.tsv``): «أعلن التنظيم مسؤوليته عن الهجوم»."""
    return word_list("said_objects.tsv")


_MAX_SAID_OBJECT = 10  # tokens from a cue of kind responsibility (or ruling-out) to its object
_MAX_PUBLISHED_GAP = 8  # tokens from the subject of a cue of kind publishing to its object


def _said_object(view: SentView, j: int) -> int | None:
    """The token of a said object (``said_objects.tsv``) at ``j``, or after a closing
    quotation mark and a definite adjective that end the subject (``تنظيم «داعش» الإرهابي
    مسؤوليته``); ``None`` when there is none."""
    toks = view.tokens
    k = j
    while k < len(toks) and k - j < 3:
        f = view.folded[k]
        if toks[k].word and f in said_objects():
            return k
        nisba = toks[k].word and is_nisba(f)
        if toks[k].text not in QUOTE_CLOSERS and not nisba:
            return None
        k += 1
    return None


def _said_object_ahead(view: SentView, after: int) -> bool:
    """Whether a said object stands within a few tokens after a cue ending at ``after``."""
    stop = min(len(view.tokens), after + _MAX_SAID_OBJECT)
    return any(view.tokens[k].word and view.folded[k] in said_objects() for k in range(after, stop))


def published_objects() -> frozenset[str]:
    """Nouns of what a publisher puts out (``published_objects.tsv``: تقريرا، مقالا، فيديو):
    right after the subject of a cue of kind ``publishing`` (نشر، بث) they make it a
    statement, «نشرت صحيفة «الغارديان» تقريرا عن …»; «نشرت القوات دوريات» says nothing."""
    return word_list("published_objects.tsv")


def _by_author(view: SentView, k: int) -> bool:
    """Whether the published object at token ``k`` is someone else's: لـ after it names its
    author or subject («مقالا للكاتب …»، «نعيا للطالب …»), the publisher only carries it."""
    return k + 1 < len(view.tokens) and view.folded[k + 1][:1] == "ل"


def _publication_ahead(view: SentView, after: int) -> bool:
    """Whether a published object not by another author stands within a few tokens after a
    cue ending at ``after`` (checked before the subject is parsed)."""
    stop = min(len(view.tokens), after + _MAX_SAID_OBJECT)
    k = next(
        (
            k
            for k in range(after, stop)
            if view.tokens[k].word and view.folded[k] in published_objects()
        ),
        None,
    )
    return k is not None and not _by_author(view, k)


def _bare_definite(doc: Doc, view: SentView, k: int) -> bool:
    """Whether the subject starting at token ``k`` is one definite word read back to an
    entity named before («ونشر التنظيم الإرهابي …»: which organisation is not said)."""
    if k >= len(view.tokens) or not view.folded[k].startswith("ال"):
        return False
    m = doc.mention_at_token(view.tokens[k])
    return m is None or m.end <= view.tokens[k].end


def _published_object(doc: Doc, view: SentView, j: int) -> int | None:
    """The token of a published object at ``j``, or after what may still end the subject
    (a comma, a closing quotation mark, a nisba, a date: «ونشرت صحيفة “ديلي ميل” البريطانية،
    اليوم الإثنين، فيديو …»); ``None`` when there is none."""
    toks = view.tokens
    k = j
    while k < len(toks) and k - j < _MAX_PUBLISHED_GAP:
        f = view.folded[k]
        if toks[k].word and f in published_objects():
            return None if _by_author(view, k) else k
        past = _past_date(doc, view, k)
        if past > k:
            k = past
            continue
        if toks[k].word and not is_nisba(f) and f not in _day_words() | subject_adverbs():
            return None
        k += 1
    return None


def _subject_follows(doc: Doc, view: SentView, after: int) -> bool:
    """Whether a speaker may stand right after a cue ending before token ``after``: what
    :func:`_source_follows` takes, but no complementiser («وأقر بأنه»: no subject)."""
    toks = view.tokens
    return (
        after < len(toks)
        and not (toks[after].word and _is_complementiser(toks[after].text))
        and _source_follows(doc, view, after)
    )


def _opens_speech(view: SentView, j: int) -> bool:
    """Whether reported speech opens at token ``j`` (commas and dashes skipped): a
    complementiser, a colon, a quotation mark, or بـ with a noun («تفيد الأنباء بمنع …»)."""
    toks = view.tokens
    while j < len(toks) and not toks[j].word and toks[j].text not in _QUOTE_OPEN:
        if toks[j].text == ":":
            return True
        j += 1
    if j >= len(toks):
        return False
    tok = toks[j]
    if not tok.word:
        return True  # a quotation mark
    return _is_complementiser(tok.text) or (
        _bi_object(view, j) and not view.folded[j].startswith("بال")
    )


def _says_that(subject: tuple[list[str], int] | None, view: SentView) -> bool:
    """Whether a cue of kind ``said-that`` (``speech_cues.tsv``: تفيد، يزعم، أقر، زاد)
    reports a statement: a speaker named right after it (``subject`` as
    :func:`speakers_after` parsed it, None when no speaker may stand there) and reported
    speech opening right after that speaker («وتفيد التقارير بأن …»، «وأقر الوزير X بأن …»،
    «وزاد X: "…"»).  With no subject named it is no cue: «لم ترد تقارير تفيد بأن …»، «من يزعم
    أن …»، «وزاد بطشهم عندما …» (increased), and «أقر البرلمان القانون» (approved) says
    nothing."""
    if subject is None:
        return False
    speakers, j = subject
    return bool(speakers) and _opens_speech(view, j)


def ruled_out_objects() -> frozenset[str]:
    """Nouns of a possibility that, right after the subject of استبعد, make it a statement
    (``ruled_out_objects.tsv``): «استبعد الوزير احتمال انسحاب القوات»."""
    return word_list("ruled_out_objects.tsv")


def _rules_out(view: SentView, j: int) -> bool:
    """Whether a possibility ruled out follows the subject of a cue of kind ``ruling-out``
    (استبعد), ending at token ``j``: a complementiser (أن) or a noun of
    ``ruled_out_objects.tsv`` within a few tokens (``واستبعد X في حوار لـ«عكاظ» أن …``),
    before any «من».  «استبعد المدرب اللاعب من القائمة» excludes someone and says nothing."""
    toks = view.tokens
    for k in range(j, min(len(toks), j + _MAX_SAID_OBJECT)):
        f = view.folded[k]
        if not toks[k].word:
            continue
        if f == "من":
            return False
        if _is_complementiser(toks[k].text):
            return True
        if f in ruled_out_objects():
            return k + 1 >= len(toks) or view.folded[k + 1] != "من"
    return False
