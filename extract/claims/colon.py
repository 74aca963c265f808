"""Claims of a line opening with a speaker and a colon (``الجبير: الأسد فقد شرعيته``):
group labels, figures after the colon (:func:`_figure_after`), definite genitive sources.
"""

from __future__ import annotations

from rasd.extract.claims.names import _surname_ref, _titled_persons, skip_addressee
from rasd.extract.claims.sources import _new_unnamed_source, _unnamed_source
from rasd.extract.claims.words import _MIN_QUOTE_WORDS, _trim, _words
from rasd.extract.doc import Doc, SentView, strip_al
from rasd.extract.lexicon import nisba_country
from rasd.extract.patterns import (
    is_figure,
    is_source_noun,
    match_cue,
    match_title,
    plural_participle,
)
from rasd.extract.records import Claim

_MAX_LABEL_WORDS = 4  # words before the colon of "الجبير: الأسد فقد شرعيته"
_MAX_ADDRESSEE = 4  # tokens of «لـ"الوطن"» between the speaker and the colon


def _group_label(view: SentView, label: int) -> bool:
    """Whether the ``label`` tokens before a line's colon name a group of people: a plural
    noun without ال opening them — a source noun («مواطنون في الجنوب»، «خبراء») or a sound
    masculine plural of a participle («مثقفون»، «محللون أردنيون») — and words only, no verb
    of saying among them.  Not a nisba plural («أمنيون لـ«الصحيفة»: …»): such a headline as
    often sums up named persons interviewed in the article as it quotes a group."""
    if label == 0 or not all(t.word for t in view.tokens[:label]):
        return False
    first = view.folded[0]
    if first.startswith("ال") or any(match_cue(view, k) for k in range(label)):
        return False
    if is_source_noun(view.tokens[0].text) == "pl":
        return True
    return plural_participle(first, mim_only=True)


def _figure_after(doc: Doc, view: SentView, colon: int) -> bool:
    """Whether the text after a line's colon opens with a figure, a digit or a cardinal
    («مستفيدون من الضمان: 4500 أسرة»، «مشاركون: ثلاثون لاعبا»): a count, no group's words."""
    return is_figure(view.folded[colon + 1])


def _definite_genitive_source(view: SentView) -> bool:
    """«مصادر الطاقة المتجددة: …»: a plural source noun with a definite genitive after it is
    a common noun (sources of energy), no unnamed source speaking."""
    return (
        len(view.tokens) > 1
        and view.folded[0] == "مصادر"
        and view.folded[1].startswith("ال")
        and view.tokens[1].word
    )


def _colon_claim(doc: Doc, view: SentView) -> Claim | None:
    """``الجبير: الأسد فقد شرعيته`` (a headline or a line opening with a speaker and a colon):
    the speaker is a person or organisation named before the colon (or a family name of a
    person named in full elsewhere), the claim is the rest of the sentence."""
    toks = view.tokens
    reach = _MAX_LABEL_WORDS + 2 + _MAX_ADDRESSEE
    colon = next((k for k, t in enumerate(toks[:reach]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(toks):
        return None
    # "مواطنون في الشرقية لـ«الرياض»: …": the addressee before the colon is no speaker
    label = next(
        (
            q
            for q in range(1, colon)
            if view.folded[q] == "ل" and skip_addressee(doc, view, q) == colon
        ),
        colon,
    )
    if label >= _MAX_LABEL_WORDS + 2:  # as many label words as before an addressee
        return None
    speakers: list[str] = []
    for k in range(label):
        m = doc.mention_at_token(toks[k])
        nisba = m is not None and m.end - m.start == len(toks[k].text) and nisba_country(m.surface)
        if m is not None and m.cls in ("Person", "Organization") and not nisba:
            speakers = [m.key]  # "نائب بحريني:": a nisba read as a name is none
    unresolved = False
    if not speakers and match_title(view, 0) is not None:
        # "نائب بحريني: …": a title (and a nisba, never a name) before the colon is the one
        # person the article names; several → the speaker stays open
        after = doc.mentions_in(view.sentence.end, len(doc.article.text))
        persons = sorted({m.key for m in after if m.cls == "Person" and m.key in doc.entities})
        if len(persons) > 1:  # "محافظ الزلفي:": the one given that title in the article
            words = [strip_al(f) for f in view.folded[:label]]
            persons = [k for k in _titled_persons(doc, words, view.index) if k in persons]
        speakers = persons if len(persons) == 1 else []
        unresolved = not speakers
    elif not speakers and label <= 2:
        speakers = _surname_ref(doc, view, label - 1)
    group = not speakers and not unresolved
    if group and (_figure_after(doc, view, colon) or _definite_genitive_source(view)):
        return None
    if not speakers and not unresolved and is_source_noun(toks[0].text):
        # "مصادر بحرينية: …"، "مسؤول أمريكي: …": an unnamed source before the colon
        keys, nxt = _unnamed_source(doc, view, 0, refer_back=False)
        speakers = keys if nxt == label else []
    if not speakers and not unresolved and _group_label(view, label):
        # "مثقفون: …"، "مواطنون في الجنوب لـ«الصحيفة»: …": a group of people speaks
        speakers = [_new_unnamed_source(doc, toks[0].start, toks[label - 1].end, toks[0].end)]
    if not speakers and not unresolved:
        return None
    start, end = _trim(doc.article.text, toks[colon + 1].start, view.sentence.end)
    if _words(doc.article.text[start:end]) < _MIN_QUOTE_WORDS:
        return None
    return Claim(
        start=start,
        end=end,
        text=doc.article.text[start:end],
        speakers=tuple(speakers),
        kind="direct",
        cue=":",
        sentence=view.index,
        date=doc.article.published,
        date_from_article=doc.article.published is not None,
        speaker_status="unresolved" if unresolved else "resolved",
    )
