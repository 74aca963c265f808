"""Anonymous sources as speakers: ``مصدر في الشرطة الفرنسية``، ``مسؤول أمريكي``، families
(``عائلة …``), titles standing for an unnamed source, unnamed groups (``المصابون
الفلسطينيون``), quantified sources (``عدد من …``), the persons a definite title may refer back
to, and the speaker a relative pronoun refers to.
"""

from __future__ import annotations

from rasd.extract.claims.words import (
    _PREPOSITIONS,
    _RELATIVES,
    _SPEAKER_CLASSES,
    _is_complementiser,
    subjectless,
)
from rasd.extract.doc import Doc, SentView, bare_forms, strip_al
from rasd.extract.lexicon import nisba_country
from rasd.extract.patterns import (
    claim_words,
    document_source_nouns,
    is_name_stopword,
    is_source_noun,
    kin_source_nouns,
    match_cue,
    single_source_quantities,
    source_quantities,
    word_list,
)
from rasd.extract.records import EntityInfo, Relation
from rasd.extract.text import fold, match_key

_DOCUMENT_SOURCES = claim_words("document_source")
_SOURCE_LINKS = claim_words("source_link")


def _new_unnamed_source(doc: Doc, start: int, end: int, noun_end: int) -> str:
    """Register the unnamed source labelled ``text[start:end]`` (scoped to the article) and
    its mention up to the end of its noun, ``noun_end``; its key."""
    label = doc.article.text[start:end]
    key = f"{doc.article.id}/{match_key(label)}"
    doc.add_entity(EntityInfo(key, "UnnamedSource", label, source="pattern", scope=doc.article.id))
    doc.add_mention(start, noun_end, key, "UnnamedSource", "claims")
    return key


def _unnamed_source(
    doc: Doc, view: SentView, j: int, refer_back: bool = True, label_from: int | None = None
) -> tuple[list[str], int]:
    """The anonymous source starting at token ``j`` (مصدر في الشرطة الفرنسية، مسؤول أمريكي،
    مصادر أمنية وطبية); returns (speaker keys, next token).  ``label_from``: the token its
    label starts at, before ``j`` (a quantity: ``عدد من الأكاديميين``).

    A statement of an organisation (``بيان صادر عن البيت الأبيض``، ``بيان للتنظيم``) is the
    organisation's claim; ``المسؤول التركي`` (definite, singular) is the official named before.
    """
    toks = view.tokens
    first = view.folded[j]
    k = j + 1
    if label_from is None and bare_forms(toks[j].text) & kin_source_nouns():
        return _kin_source(doc, view, j)  # عائلة فلان
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
        adjective = f.endswith(("ي", "يه")) and f not in _RELATIVES  # not "الدراسة التي"
        if adjective and f.startswith("ال") == definite_noun and len(f) > 3:
            k += 1  # مصدر طبي، مصادر أمنية وطبية، البيان الختامي
            continue
        if f in ("صادر", "صادره"):
            k += 1
            continue
        if label_from is not None and f.startswith("وال") and len(f) > 4:
            k += 1  # "عدد من المثقفين والمثقفات": a group of two nouns
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
    affiliated = part_of is not None  # "لجمعية الأمل": a source described by its body
    part_of = part_of or country
    if strip_al(first) in _DOCUMENT_SOURCES and part_of and doc.cls_of(part_of) == "Organization":
        return [part_of], k
    document = strip_al(first) in _DOCUMENT_SOURCES | document_source_nouns()
    anaphor = refer_back and first.startswith("ال") and is_source_noun(toks[j].text) == "sg"
    if anaphor and not document:
        # "المصدر نفسه" → the source of that kind named before; "المسؤول التركي" → the one
        # person it can stand for; with several candidates the speaker stays open
        noun = strip_al(first)
        described = affiliated or (k < len(toks) and _describes(view, k))
        before = [] if described else doc.mentions_in(0, toks[j].start)
        same = [m for m in before if m.cls == "UnnamedSource" and strip_al(fold(m.surface)) == noun]
        if not same and k < len(toks) and view.folded[k] in _SELF:
            # "المصدر نفسه" says it is the same source: the last unnamed one before it
            # ("باحث يمني" … "وأضاف المصدر نفسه"), whatever its noun
            same = [
                m
                for m in before
                if m.cls == "UnnamedSource"
                and strip_al(fold(m.surface)) not in _DOCUMENT_SOURCES | document_source_nouns()
            ]
        persons = _back_persons(doc, before, view.index)
        said = [(c.start, c.end) for c in doc.claims]
        later = [
            m
            for m in before
            if same
            and m.cls == "Person"
            and m.start > same[-1].end
            and doc.sentence_of(m.start) >= view.index - _BACK_SENTENCES
            and not any(a <= m.start < b for a, b in said)
        ]
        if later:  # "مسؤول تركي" … then persons named … "المسؤول التركي": either, left open
            return [], j
        if same:
            return [same[-1].key], k
        if len(persons) == 1:
            return persons, k
        if persons:
            return [], j
    start, end = toks[j].start, toks[k - 1].end
    if fold(toks[j].text)[:1] in ("و", "ف") and is_source_noun(toks[j].text[1:]):
        start += 1
    if label_from is not None:
        start = toks[label_from].start
        if fold(toks[label_from].text)[1:] in source_quantities():
            start += 1  # "ونفر من الناس"
    key = _new_unnamed_source(doc, start, end, toks[j].end)
    if part_of:
        doc.relations.append(Relation(key, "partOf", part_of, start, end, view.index, "claims"))
    return [key], k


#: "المصدر نفسه"، "المصدر ذاته": the source is the one named before
_SELF = claim_words("self")

_BACK_SENTENCES = 3  # sentences searched for the person "المسؤول التركي" stands for


def _kin_end(doc: Doc, view: SentView, j: int) -> int:
    """The token after the family phrase at token ``j``: the family noun with the person
    (a whole mention) or the definite noun after it (عائلة محمد يوسف، أسرة الشاب)."""
    toks = view.tokens
    k = j + 1
    m = doc.mention_at_token(toks[k]) if k < len(toks) else None
    if m is not None and m.cls == "Person" and m.start == toks[k].start:
        while k < len(toks) and toks[k].start < m.end:
            k += 1
    elif (
        m is None
        and k < len(toks)
        and toks[k].word
        and view.folded[k].startswith("ال")
        and not _is_complementiser(toks[k].text)
        and not match_cue(view, k)
    ):
        k += 1
    return k


def _kin_source(doc: Doc, view: SentView, j: int) -> tuple[list[str], int]:
    """The family speaking at token ``j`` (a ``kin`` row of ``source_nouns.tsv``): «عائلة
    فلان», «أسرة الشاب», «ذوو الضحايا» is one unnamed source labelled with the person or
    definite noun after the family noun, never that person; «العائلة» alone is the family
    named before in the article (none: a new source)."""
    toks = view.tokens
    k = _kin_end(doc, view, j)
    noun = strip_al(view.folded[j])
    if k == j + 1 and view.folded[j].startswith("ال"):
        before = doc.mentions_in(0, toks[j].start)
        same = [m for m in before if m.cls == "UnnamedSource" and strip_al(fold(m.surface)) == noun]
        if same:  # "وقالت العائلة" after "عائلة فلان"
            return [same[-1].key], k
    start, end = toks[j].start, toks[k - 1].end
    if view.folded[j][:1] in ("و", "ف") and not bare_forms(toks[j].text[1:]).isdisjoint(
        kin_source_nouns()
    ):
        start += 1
    return [_new_unnamed_source(doc, start, end, toks[j].end)], k


_AFFILIATION = claim_words("affiliation")


def _describes(view: SentView, k: int) -> bool:
    """Whether token ``k`` goes on describing a source (الناطق الرسمي لجمعية …، المتحدث
    باسم …): then the definite noun introduces someone rather than refers back."""
    f = view.folded[k]
    return view.tokens[k].word and (f in _AFFILIATION or (f[:1] == "ل" and len(f) > 3))


def _back_persons(doc: Doc, before: list, sentence: int) -> list[str]:
    """The distinct persons a definite title may refer back to: those named in the last
    :data:`_BACK_SENTENCES` sentences, else all named before."""
    persons = [m for m in before if m.cls == "Person"]
    recent = [m for m in persons if doc.sentence_of(m.start) >= sentence - _BACK_SENTENCES]
    return list(dict.fromkeys(m.key for m in (recent or persons)))


def _titled_source(doc: Doc, view: SentView, first: int, end: int) -> str:
    """An anonymous source named by a title phrase, tokens ``first`` to ``end`` (exclusive,
    a trailing comma dropped): «مدير المطار», «متحدث باسم صندوق النقد الدولي»."""
    toks = view.tokens
    last = end - 1
    while last > first and not toks[last].word:
        last -= 1
    start, stop = toks[first].start, toks[last].end
    return _new_unnamed_source(doc, start, stop, toks[first].end)


_GROUP_WORDS = 3  # definite plural words naming an unnamed group («المصابون الفلسطينيون»)


def _plural_participle(folded: str, definite: bool = True) -> bool:
    """A masculine plural or dual, in the nominative, of a participle or a nisba (folded):
    ال + م… + ون/ان (المصابون، المتهمان) or ال + …ي + ون/ان (الجمهوريون، الأمريكيان); not a
    noun that only ends so (القانون، الزيتون، الميدان).  ``definite=False``: also without
    ال, plural only (يمنيون، مهندسون)."""
    if not folded.endswith(("ون", "ان")):
        return False
    if not folded.startswith("ال"):
        if definite or not folded.endswith("ون"):
            return False
        folded = "ال" + folded
    body = folded[2:-2]
    least = 3 if folded.endswith("ون") else 4
    return len(body) >= least and (body[0] == "م" or body[-1] == "ي")


def _participle_group(doc: Doc, view: SentView, j: int) -> tuple[list[str], int] | None:
    """An unnamed group as the subject of a speech verb at token ``j``: definite plural or
    dual participles or nisbas (:func:`_plural_participle`) that are no mention, right before
    what was said (:func:`subjectless`: «وأضاف المصابون بأن»، «قال الجمهوريون إن»); the
    group's source and the token after it.  Not after a relative pronoun before the cue
    («القرار الذي يعتقد المسيحيون أنه …»: a belief ascribed in a description)."""
    toks = view.tokens
    if any(view.folded[n] in _RELATIVES for n in range(max(0, j - 3), j - 1)):
        return None
    k = j
    while (
        k < len(toks)
        and k - j < _GROUP_WORDS
        and toks[k].word
        and doc.mention_at_token(toks[k]) is None
        and _plural_participle(view.folded[k])
    ):
        k += 1
    if k == j or k >= len(toks) or not subjectless(view, k):
        return None
    return [_titled_source(doc, view, j, k)], k


def _group(doc: Doc, speakers: list[str]) -> bool:
    """Whether ``speakers`` can be the subject of a plural verb: several, or one that is no
    single person (مغردون، عدد من الأكاديميين، an organisation)."""
    return len(speakers) > 1 or (len(speakers) == 1 and doc.cls_of(speakers[0]) != "Person")


_COUNT_NOUNS = claim_words("count_noun")


def _quantified_source(view: SentView, j: int, one_of: bool = False) -> int | None:
    """Where the source noun is when token ``j`` is a quantity before one (``عدد من
    الأكاديميين``، ``أحد المقربين``، ``بعض الخبراء``: ``source_quantities``).

    ``one_of``: the subject of a speech verb; there a singular quantity (أحد) names one
    unnamed person whatever plural noun follows it (``وقال أحد المختطفين``، ``كشف أحد نواب
    البرلمان``), as the verb's subject is never the noun's own source."""
    toks = view.tokens
    if j >= len(toks) or not toks[j].word:
        return None
    f = view.folded[j]
    if f not in source_quantities() and not (f[:1] == "و" and f[1:] in source_quantities()):
        return None  # "ونفر من الناس"
    k = j + 1
    if k < len(toks) and view.folded[k] == "من":
        k += 1
    if k < len(toks) and toks[k].word and is_source_noun(toks[k].text):
        return k
    singles = single_source_quantities()
    single = f in singles or (f[:1] == "و" and f[1:] in singles)
    if one_of and single and k + 1 < len(toks) and view.folded[k] in word_list("superlatives.tsv"):
        k += 1  # "أحد أبرز قادة المعارضة": the noun after the superlative tells
    noun = k < len(toks) and toks[k].word and len(view.folded[k]) > 2
    if (
        one_of
        and single
        and noun
        and not is_name_stopword(toks[k].text)
        and not _not_one_of(view, k)
    ):
        return k
    if (
        one_of
        and not single
        and noun
        and view.folded[k].startswith("ال")
        and not _not_one_of(view, k)
        # "وذكروا عدد الضحايا": the count of a noun, not a group of it (with no من)
        and (k == j + 2 or (f[1:] if f[:1] == "و" else f) not in _COUNT_NOUNS)
        # "عن كشف عدد من الأوكار": a verbal noun after a preposition has no subject
        and not (j >= 2 and view.folded[j - 2] in _PREPOSITIONS)
    ):
        # "استنكر عدد من المثقفين والمثقفات حادثة …"، "أدان عدد من المجالس …": the subject
        # of a speech verb is a group of whatever noun follows the quantity
        return k
    return None


def _no_source_phrase(view: SentView, j: int) -> bool:
    """Whether the source noun at token ``j`` and the word after it name no source
    (``not_source_phrases.tsv``: «ضابط الإيقاع», a sports role; «ضابط الشرطة» is a source)."""
    if j + 1 >= len(view.tokens):
        return False
    phrases = word_list("not_source_phrases.tsv")
    return any(f"{f} {view.folded[j + 1]}" in phrases for f in bare_forms(view.tokens[j].text))


def _not_one_of(view: SentView, k: int) -> bool:
    """Whether token ``k`` after أحد makes it no person (``not_one_of.tsv``): a number (أحد
    عشر), a time noun (أحد الأيام), a thing (أحد أبرز الأسباب)."""
    f = view.folded[k]
    return f in word_list("not_one_of.tsv") or strip_al(f) in word_list("not_one_of.tsv")


def _antecedent(doc: Doc, view: SentView, k: int) -> list[str]:
    """The speaker a relative pronoun at token ``k`` refers to: a mention ending right
    before it (a comma may stand between)."""
    k -= 1
    if k >= 0 and view.tokens[k].text in "،,":
        k -= 1
    if k < 0:
        return []
    m = doc.mention_at_token(view.tokens[k])
    if m is not None:
        return [m.key] if m.cls in _SPEAKER_CLASSES else []
    while k > 0 and view.folded[k].startswith("ال") and not is_source_noun(view.tokens[k].text):
        k -= 1  # "الآية الكريمة التي": back over the adjectives to the noun
    if view.tokens[k].word and is_source_noun(view.tokens[k].text):
        keys, _end = _unnamed_source(doc, view, k, refer_back=False)
        return keys
    return []
