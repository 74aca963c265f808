"""Pattern layer: persons after titles and in appositions, organisations by head nouns.

Titles, organisation head nouns, speech cues and name stop-words are data
(``extract/data/*.tsv``).  Examples of what this finds, from the seed articles:

- ``الجنرال ديفيد بيترايوس، الرئيس السابق لوكالة المخابرات المركزية`` → person ديفيد بيترايوس,
  title الجنرال, role الرئيس السابق affiliated with the CIA;
- ``وزير الداخلية الإيطالي ماركو مينيتي`` → person with role and nationality (Italy);
- ``كريشناديف كالامور، محرر بارز لدى مجلة "ذا أتلانتيك"`` → apposition;
- ``الباحثين الفرنسيين لوران بيندنر ورافايل غلوك`` → two persons, French, researchers;
- ``مركز مكافحة الإرهاب`` → organisation by its head noun.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from camel_tools.utils.dediac import dediac_ar

from rasd.extract.doc import (
    Doc,
    SentView,
    bare_forms,
    definite_stem,
    drop_conjunction,
    strip_al,
    word_test,
)
from rasd.extract.errors import DataError
from rasd.extract.lexicon import (
    alias_index,
    is_nisba,
    lexicon_index,
    lexicon_person_with_al,
    nisba_country,
    nisba_plural,
)
from rasd.extract.records import EntityInfo, Mention, Relation
from rasd.extract.resources import (
    ClaimWord,
    DateCue,
    FrequentWord,
    NameConnector,
    NameStopword,
    NotOrgHead,
    OrgHead,
    OrgWord,
    PlaceNoun,
    RelationWord,
    SourceNoun,
    SpeechCue,
    SubjectlessWord,
    WordNote,
    load_table,
)
from rasd.extract.resources import Title as TitleRow
from rasd.extract.text import TANWEEN, fold, longest_first, match_key

_MODIFIERS = frozenset(
    fold(w)
    for w in ("السابق", "السابقة", "البارز", "البارزة", "الحالي", "الحالية", "الأسبق", "بارز")
)


@dataclass(frozen=True)
class Title:
    """A row of ``titles.tsv``."""

    text: str
    role_en: str
    group: str
    number: str
    before_name: bool = False


@functools.cache
def title_table() -> tuple[dict[str, Title], int]:
    """Titles keyed by their folded words without ال, and the longest title length."""
    table: dict[str, Title] = {}
    longest = 1
    for r in load_table("titles.tsv", TitleRow):
        words = [strip_al(w) for w in fold(r.title).split()]
        before_name = r.before_name == "yes"
        table[" ".join(words)] = Title(r.title, r.role_en, r.group, r.number, before_name)
        longest = max(longest, len(words))
    return table, longest


@functools.cache
def cue_table() -> dict[str, tuple[str, str]]:
    """Speech cues (folded) → (kind, number)."""
    return {
        " ".join(fold(r.cue).split()): (r.kind, r.number)
        for r in load_table("speech_cues.tsv", SpeechCue)
    }


@functools.cache
def object_cues() -> frozenset[str]:
    """The first words (folded) of the speech cues whose noun right after them is mostly
    their object (column ``object`` of ``speech_cues.tsv``: اتهمت، يطالب، دعت …)."""
    return frozenset(
        " ".join(fold(r.cue).split()).split()[0]
        for r in load_table("speech_cues.tsv", SpeechCue)
        if r.object == "yes"
    )


@functools.cache
def org_heads() -> frozenset[str]:
    """Head nouns of organisation names (وزارة، جيش، حركة …), folded."""
    return frozenset(fold(r.head) for r in _org_head_rows())


@functools.cache
def definite_org_heads() -> frozenset[str]:
    """Heads for which ال + head + adjectives is a name (الجيش العراقي), unlike التنظيم
    الإرهابي, which refers back to an organisation named before."""
    return frozenset(fold(r.head) for r in _org_head_rows() if r.definite != "no")


@functools.cache
def name_heads() -> frozenset[str]:
    """Heads that introduce an organisation's own name (تنظيم داعش، صحيفة «الحياة»: column
    ``introduces_name`` of ``org_heads.tsv``), folded; the others followed by a name make a
    body of that organisation (مكتب الأمم المتحدة، لجنة جامعة الدول العربية)."""
    return frozenset(fold(r.head) for r in _org_head_rows() if r.introduces_name == "yes")


@functools.cache
def verb_org_heads() -> frozenset[str]:
    """Heads that are also a verb taking «مع» (تحالف: column ``also_verb`` of
    ``org_heads.tsv``), folded."""
    return frozenset(fold(r.head) for r in _org_head_rows() if r.also_verb == "yes")


#: what may stand before a verb opening its clause (folded): «وقد تحالف حزب الوفد مع …»
_CLAUSE_OPENERS = frozenset(fold(w) for w in ("و", "قد", "وقد", "لقد", "ثم", "فقد"))


def _verb_not_head(view: SentView, i: int, forms: set[str]) -> bool:
    """Whether the head at token ``i`` is the verb it also is (``verb_org_heads``): opening
    its clause and followed by «مع» within four words («تحالف الجيش مع العشائر»)."""
    if forms.isdisjoint(verb_org_heads()):
        return False
    toks = view.tokens
    if i > 0 and toks[i - 1].word and view.folded[i - 1] not in _CLAUSE_OPENERS:
        return False
    return any(view.folded[q] == "مع" for q in range(i + 1, min(len(toks), i + 5)))


@functools.cache
def media_heads() -> frozenset[str]:
    """Heads of media names (صحيفة، وكالة …: column ``media`` of ``org_heads.tsv``), folded."""
    return frozenset(fold(r.head) for r in _org_head_rows() if r.media == "yes")


@functools.cache
def ministry_heads() -> frozenset[str]:
    """Heads noted ``ministry`` in ``org_heads.tsv`` (وزارة), folded: «الخارجية» alone
    stands for the ministry named before."""
    return frozenset(fold(r.head) for r in _org_head_rows() if r.note == "ministry")


def _org_head_rows() -> tuple[OrgHead, ...]:
    return load_table("org_heads.tsv", OrgHead)


@functools.cache
def not_org_heads() -> frozenset[str]:
    """Phrases ending in a head noun that do not start a name (بقيادة "led by", تحت قيادة)."""
    return frozenset(match_key(r.phrase) for r in load_table("not_org_heads.tsv", NotOrgHead))


def _source_noun_rows() -> tuple[SourceNoun, ...]:
    """The rows of ``source_nouns.tsv``: its one reader."""
    return load_table("source_nouns.tsv", SourceNoun)


@functools.cache
def source_nouns() -> dict[str, str]:
    """Nouns of unnamed sources (folded) → number; not the quantity words."""
    return {fold(r.noun): r.number for r in _source_noun_rows() if r.kind != "quantity"}


@functools.cache
def source_nouns_of_kind(kind: str) -> frozenset[str]:
    """The folded nouns of ``source_nouns.tsv`` of one ``kind``: ``quantity`` (words before a
    source noun: ``عدد من الأكاديميين``، ``أحد المقربين``), ``kin`` (family nouns: «عائلة فلان»
    speaks for itself, not for فلان), ``document`` (بيان، تقرير، آية: never a person named
    before), ``person``."""
    return frozenset(fold(r.noun) for r in _source_noun_rows() if r.kind == kind)


def source_quantities() -> frozenset[str]:
    """Words of quantity before a source noun (kind ``quantity``), folded."""
    return source_nouns_of_kind("quantity")


@functools.cache
def single_source_quantities() -> frozenset[str]:
    """The singular quantity words (أحد: one of), folded."""
    rows = _source_noun_rows()
    return frozenset(fold(r.noun) for r in rows if r.kind == "quantity" and r.number == "sg")


def kin_source_nouns() -> frozenset[str]:
    """Family nouns among the source nouns (kind ``kin``), folded."""
    return source_nouns_of_kind("kin")


def document_source_nouns() -> frozenset[str]:
    """Source nouns that are documents (kind ``document``), folded."""
    return source_nouns_of_kind("document")


@functools.cache
def name_stopwords() -> frozenset[str]:
    """Words that are never part of a person's name (``name_stopwords.tsv``), folded; its
    rows of two words are :func:`stopword_phrases`."""
    rows = load_table("name_stopwords.tsv", NameStopword)
    return frozenset(fold(r.word) for r in rows if " " not in r.word.strip())


@functools.cache
def stopword_phrases() -> dict[str, frozenset[str]]:
    """The rows of two words of ``name_stopwords.tsv`` (folded): a first word that is a name
    stopword only before one of its second words (خادم before الحرمين), first → seconds."""
    out: dict[str, set[str]] = {}
    for r in load_table("name_stopwords.tsv", NameStopword):
        words = fold(r.word).split()
        if len(words) == 2:
            out.setdefault(words[0], set()).add(words[1])
    return {k: frozenset(v) for k, v in out.items()}


def stopword_phrase_at(view: SentView, j: int) -> bool:
    """Whether token ``j`` (و/ف/ب/ل before it allowed) opens a phrase of
    :func:`stopword_phrases` («قيادة خادم الحرمين»: خادم is no word of a name here)."""
    phrases = stopword_phrases()
    if j + 1 >= len(view.tokens):
        return False
    seconds = [phrases[f] for f in bare_forms(view.tokens[j].text) if f in phrases]
    return any(view.folded[j + 1] in s for s in seconds)


@functools.cache
def _maqsura_stopwords() -> frozenset[str]:
    """Folded stopwords written with alef maqsura (على), whose folded form is also a name
    written with yeh (علي)."""
    rows = load_table("name_stopwords.tsv", NameStopword)
    return frozenset(fold(r.word) for r in rows if r.word.endswith("ى"))


def is_name_stopword(word: str) -> bool:
    """Whether ``word`` (as written) is a name stopword: على is, the name علي is not.

    >>> is_name_stopword("على"), is_name_stopword("علي"), is_name_stopword("أمس")
    (True, False, True)
    """
    f = fold(word)
    if f not in name_stopwords():
        return False
    return not (f in _maqsura_stopwords() and dediac_ar(word).endswith("ي"))


@functools.cache
def title_first_words() -> frozenset[str]:
    """First words of the titles (folded, without ال)."""
    return frozenset(k.split()[0] for k in title_table()[0])


@functools.lru_cache(maxsize=20_000)
def _may_start_title(word: str) -> bool:
    """Whether a title may start at a word: one of its :func:`bare_forms` is the first word
    of a title (most words: none; memoised, as :func:`match_title` asks at many tokens; the
    loop over every token asks the memo of :func:`~extract.doc.word_test`)."""
    return not title_first_words().isdisjoint(bare_forms(word))


_TITLE_START = word_test(_may_start_title)


def match_title(view: SentView, i: int) -> tuple[Title, int] | None:
    """The longest title starting at token ``i`` and the token index after it."""
    toks = view.tokens
    if not toks[i].word or not _may_start_title(toks[i].text):
        return None
    table, longest = title_table()
    for n in range(min(longest, len(toks) - i), 0, -1):
        parts = toks[i : i + n]
        if not all(t.word for t in parts):
            continue
        rest = [strip_al(t.text) for t in parts[1:]]
        for first in bare_forms(parts[0].text):
            hit = table.get(" ".join([first, *rest]))
            if hit is not None and (not hit.before_name or _rank_before_name(view, i, i + n, hit)):
                return hit, i + n
    return None


def _rank_before_name(view: SentView, i: int, j: int, title: Title) -> bool:
    """Whether the title of tokens ``[i, j)``, one that is also a common word (``before_name``
    in ``titles.tsv``: الفريق, a team), is a rank here: written with ال (والفريق), its other
    words as the table writes them («الفريق أول», not «الفريق الأول»: the first team), not
    after a word of ``team_words.tsv`` («لاعب الفريق»), not in a sentence with a word of
    ``sports_words.tsv`` («ويقود الفريق ماجد عبد الله في مباراة الغد»), and right before a word
    that may start a name (no ال, no name stopword: «الفريق التقني» is a team)."""
    if (
        not drop_conjunction(view.folded[i]).startswith("ال")
        or view.folded[i + 1 : j] != fold(title.text).split()[1:]
    ):
        return False
    if i > 0 and bare_forms(view.tokens[i - 1].text) & word_list("team_words.tsv"):
        return False
    sports = word_list("sports_words.tsv")
    if any(t.word and bare_forms(t.text) & sports for t in view.tokens):
        return False  # «وضم الفريق محمد صلاح إلى صفوفه»: a sentence about sport
    if j >= len(view.tokens) or not view.tokens[j].word:
        return False
    nxt = view.folded[j]
    return (
        not nxt.startswith("ال")
        and not any(ch.isdigit() for ch in nxt)
        and (not is_name_stopword(view.tokens[j].text))
    )


@functools.lru_cache(maxsize=20_000)
def _may_start_cue(folded: str) -> bool:
    """Whether :func:`match_cue` may find a cue at a folded word: one of its cue forms is a
    one-word cue or the first word of a longer one (memoised: asked at every token)."""
    return not _cue_words().isdisjoint(_cue_forms_of_folded(folded))


def match_cue(view: SentView, i: int) -> tuple[str, str, str, int] | None:
    """A speech cue at token ``i``: (cue, kind, number, index after)."""
    toks = view.tokens
    if not toks[i].word or not _may_start_cue(view.folded[i]):
        return None  # most words: no cue, nor the first word of one
    table = cue_table()
    forms = _cue_forms_of_folded(view.folded[i])  # view.folded[i] == fold(toks[i].text)
    firsts = _cue_first_words()
    if i + 1 < len(toks) and toks[i + 1].word and not firsts[0].isdisjoint(forms):
        for first in forms:
            two = f"{first} {view.folded[i + 1]}"
            if two in table:
                return two, *table[two], i + 2
    for form in sorted(forms, key=longest_first):
        if form in table:
            return form, *table[form], i + 1
    # "وأعربت الكويت عن …"، "وتحدث الوزير خالد عن …": a verb that is a cue only with its
    # preposition, the subject standing between them (only forms that begin such a cue)
    for form in sorted(firsts[1].intersection(forms), key=len, reverse=True):
        for k in range(i + 2, min(len(toks), i + _SPLIT_CUE_SPAN + 1)):
            if not toks[k - 1].word:
                break
            row = table.get(f"{form} {view.folded[k]}")
            if row is not None and row[0] == "verb" and form not in subjectless_words():
                return form, *row, i + 1
    return None


#: how far the preposition of a cue such as «أعرب … عن» may stand from its verb
_SPLIT_CUE_SPAN = 6


@functools.cache
def _cue_first_words() -> tuple[frozenset[str], frozenset[str]]:
    """First words of the two-word cues, and of the two-word verb cues: :func:`match_cue`
    looks a second word up only after such a first word."""
    table = cue_table()
    two = [(k.split(" ", 1)[0], row) for k, row in table.items() if " " in k]
    return frozenset(w for w, _row in two), frozenset(w for w, row in two if row[0] == "verb")


@functools.cache
def _cue_words() -> frozenset[str]:
    """Every word at which :func:`match_cue` can find a cue: the one-word cues and the first
    words of the others."""
    one_word = frozenset(k for k in cue_table() if " " not in k)
    return one_word.union(*_cue_first_words())


@functools.cache
def subjectless_words() -> frozenset[str]:
    """Words after a cue that show it has no subject of its own (``subjectless_words.tsv``),
    folded: prepositions and adverbs (وقال في بيان إن …) and pronoun subjects (وقال سموه:);
    such a word (عبر = via) is never the verb of a split cue."""
    rows = load_table("subjectless_words.tsv", SubjectlessWord)
    return frozenset(fold(r.word) for r in rows)


@functools.lru_cache(maxsize=100_000)
def _cue_forms_of_folded(w: str) -> tuple[str, ...]:
    """:func:`cue_forms` of an already folded word, the word first (cached; a tuple, not a
    set: 15 MB less a worker at 100k entries, fix19d).  No first word of a two-word cue is
    another one with و/ف before it, so at most one form begins a two-word cue and the order
    of the forms never decides a match."""
    negation = w[1:] in ("لم", "لا")  # "ولم يستبعد"
    return (w, w[1:]) if (len(w) > 3 or negation) and w[0] in "وف" else (w,)


def cue_forms(word: str) -> set[str]:
    """A verb-like word with و/ف stripped (not ال: ``التابع`` is no cue).

    >>> sorted(cue_forms("وقال"))
    ['قال', 'وقال']
    """
    return set(_cue_forms_of_folded(fold(word)))


def is_source_noun(word: str) -> str | None:
    """Number ("sg"/"pl") if the word is an anonymous-source noun (مصدر، مسؤول، خبراء…)."""
    nouns = source_nouns()
    for f in bare_forms(word):
        if f in nouns:
            return nouns[f]
    return None


#: «الله» (folded): after a word with ال it ends a name only when a stopword follows it
#: (رامي الحمد الله بصفته; not «دعا خالد المصلح الله أن»)
ALLAH = fold("الله")

#: an imperfect plural verb (يصرخون، ويقولون), never a word of a name
_PLURAL_VERB = re.compile(r"^[وف]?[يت]\w{2,}ون$")


def _name_like(doc: Doc, view: SentView, j: int, inner: bool = False, family: bool = False) -> bool:
    """Could token ``j`` be part of a person's name?  ``inner``: not its first word, where a
    family name with ال (الخولي، الجبرين) is allowed; ``family``: a family name standing
    alone (any word with ال, ``وأكد الطرموز``); past the sentence's end: no."""
    if j >= len(view.tokens):
        return False
    tok = view.tokens[j]
    if not tok.word or doc.mention_at_token(tok) is not None:
        return False
    f = view.folded[j]
    stop = name_stopwords()
    if len(f) < 2 or any(ch.isdigit() for ch in f) or is_name_stopword(tok.text):
        return False
    if stopword_phrase_at(view, j):
        return False  # «خادم الحرمين»: the king's title, not «خادم» the first name
    if f[0] in "وف" and f[1:] in stop:
        return False
    if f.startswith("ال"):
        tags = doc.ner_tags.get(view.index)
        nisba = f.endswith("ي") and len(f) > 4 and not nisba_country(tok.text)
        if not family and (not inner or not (nisba or (tags and tags[j].endswith("PERS")))):
            return False
    if tok.text[-1] in TANWEEN or tok.text.endswith("اً"):
        return False
    tags = doc.ner_tags.get(view.index)
    tagged = bool(inner and tags and tags[j].endswith("PERS"))
    if clitic_noun(tok.text) and (not inner or f[0] in "بل") and not tagged:
        return False  # "ونظيره"; after a name too: "آل مرعي بحجب" (بـ + حجب), not "بن علي بصفر"
    if f == ALLAH and j > 0 and view.folded[j - 1].startswith("ال"):
        after = view.tokens[j + 1].text if j + 1 < len(view.tokens) else ""
        if is_name_stopword(after):  # but "رامي الحمد الله بصفته" is a name
            return False  # "دعا خالد المصلح الله أن ينتقم": the verb's object, not a name
    joined = j > 0 and view.folded[j - 1] in name_connectors()  # "أبو طالب" is a name
    if (match_title(view, j) or match_cue(view, j)) and not joined:  # "آل الشيخ" is too
        return False
    if f.startswith("لل") or bare_forms(tok.text) & org_heads():
        return False  # "للمؤتمرات"، "بجامعة": a preposition and a noun, not a name
    if _PLURAL_VERB.match(f):
        return False  # "ويصرخون": a verb
    if tok.text.endswith(("ته", "تها", "تهم", "تهما")) and len(tok.text) > 4:
        return False  # "رؤيته"، "شهادتها": a noun with a pronoun
    if pronoun_noun(tok.text):
        return False  # "رئيس تحريرها منصور الجمري": a noun with a pronoun
    if not inner and f.startswith("وال") and f.endswith("ي") and len(f) > 6:
        return False  # "السبسي والغنوشي": و + a family name, not the start of a name
    if f in blessing_words() and j + 1 < len(view.tokens) and view.folded[j + 1] == ALLAH:
        return False  # "الأمير نايف رحمه الله": a blessing after the name
    if nisba_country(tok.text):
        # منصور التركي: a family name that reads as a nisba, when the NER continues the name
        tags = doc.ner_tags.get(view.index)
        if not (inner and tags and tags[j] == "I-PERS"):
            return False
    return not (f in org_heads() or is_source_noun(tok.text))


@functools.cache
def blessing_words() -> frozenset[str]:
    """Folded first words of a blessing after a name (رحمه الله، طيب الله ثراه),
    ``name_blessings.tsv``."""
    return word_list("name_blessings.tsv")


#: object pronouns that make a noun possessed (تحريرها، قادتهم), never the end of a name
_PRONOUN_SUFFIXES = ("ها", "هم", "هما")


def pronoun_noun(word: str) -> bool:
    """A common noun with a possessive pronoun (تحريرها، قادتهم): the word without ها/هم/هما
    is common (at least three letters) and clearly more common than the word itself.

    >>> pronoun_noun("تحريرها"), pronoun_noun("مها"), pronoun_noun("إبراهيم")
    (True, False, False)
    """
    w = fold(word)
    common = frequent_words()
    for suffix in _PRONOUN_SUFFIXES:
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= 3:
            rest = common.get(stem, 0)
            if rest > 0 and rest > 3 * common.get(w, 0):
                return True
    return False


@functools.cache
def name_connectors() -> frozenset[str]:
    """Name words that bind to the next word (عبد الله، أبو شوشة، بن يوسف، آل سعد), folded."""
    rows = load_table("name_connectors.tsv", NameConnector)
    return frozenset(fold(r.word) for r in rows)


@functools.cache
def name_continuations() -> frozenset[str]:
    """Connectors that follow a name and cannot start one (بن، بنت), folded."""
    rows = load_table("name_connectors.tsv", NameConnector)
    return frozenset(fold(r.word) for r in rows if r.starts_name == "no")


@functools.cache
def name_openers() -> frozenset[str]:
    """Connectors that may follow a given name (أحمد أبو الغيط: column ``after_given_name``
    of ``name_connectors.tsv``), folded."""
    rows = load_table("name_connectors.tsv", NameConnector)
    return frozenset(fold(r.word) for r in rows if r.after_given_name == "yes")


def read_names(doc: Doc, view: SentView, j: int) -> list[tuple[int, int, int]]:
    """Person names starting at token ``j``: ``(first_token, end_token, char_start)``.

    Names hold one to three parts, or four when the fourth is a family name
    (:func:`_family_name`: فلاج جابر سعد القحطاني); a part is a word, or a connector with the
    word after it (عبد الله، أبو شوشة، آل سعد), so عبد الله عائض عبد الله آل سعد is one name.
    A token starting with و after a two-part name starts a second, coordinated name
    (لوران بيندنر ورافايل غلوك).
    """
    names: list[tuple[int, int, int]] = []
    cur_start, cur_char, k, parts = j, -1, j, 0
    folded = view.folded
    connectors = name_connectors()
    while k < len(view.tokens) and _name_like(doc, view, k, inner=k > cur_start):
        tok = view.tokens[k]
        joined = k > cur_start and folded[k - 1] in connectors
        if not joined:
            if parts >= 2 and folded[k].startswith("و") and len(folded[k]) > 3:
                names.append((cur_start, k, cur_char))
                cur_start, cur_char, parts = k, tok.start + 1, 0
            elif parts >= 4 or (parts == 3 and not _family_name(doc, view, k)):
                break
            parts += 1
        if cur_char < 0:
            cur_char = tok.start
        k += 1
    while k > cur_start and folded[k - 1] in connectors:
        k -= 1  # a name does not end on عبد or أبو
    if k > cur_start and cur_char >= 0:
        names.append((cur_start, k, cur_char))
    return names


def given_name(view: SentView, k: int) -> bool:
    """May token ``k`` be a given name (أحمد أبو الغيط; أديب الشيشكلي)?  Not a
    stopword, a definite word, a title, a speech cue, an adverbial (-اً) or a number."""
    tok = view.tokens[k]
    f = view.folded[k]
    return (
        tok.word
        and len(f) >= 3
        and not f.startswith(("ال", "وال", "فال", "لل"))
        and not is_name_stopword(tok.text)
        and not (f[0] in "وف" and is_name_stopword(tok.text[1:]))
        and not any(ch.isdigit() for ch in f)
        and not tok.text.endswith(("اً", "ً"))
        and match_title(view, k) is None
        and match_cue(view, k) is None
    )


def _family_name(doc: Doc, view: SentView, k: int) -> bool:
    """May token ``k`` start the fourth part of a name: a family name with ال (القحطاني) or
    آل or أبو (آل سعد، أبو شوشة), or a word the NER continues a name with (… غرم عسيري)?"""
    tags = doc.ner_tags.get(view.index)
    f = view.folded[k]
    return f.startswith("ال") or f in name_connectors() or bool(tags and tags[k] == "I-PERS")


def _person_key(name: str) -> str:
    key = match_key(name)
    return alias_index().get(key) or lexicon_person_with_al(key)


def _add_person(doc: Doc, start: int, end: int, layer: str) -> str | None:
    name = doc.article.text[start:end]
    key = _person_key(name)
    known = lexicon_index().get(key)
    if known is not None and known.cls != "Person":
        return None
    doc.add_entity(known or EntityInfo(key, "Person", name.strip(), source="pattern"))
    doc.add_mention(start, end, key, "Person", layer)
    return key


@dataclass
class RoleFacts:
    """What a title phrase says about the person it introduces."""

    title: Title
    text_start: int
    text_end: int
    orgs: list[str]
    countries: list[str]
    places: list[str]


# short prepositions that tie a title to its place or organisation («مسؤول في الحكومة»)
TITLE_LINKS = frozenset(("في", "لدي", "من", "ب", "ل"))


def skip_modifiers(doc: Doc, view: SentView, j: int, facts: RoleFacts | None) -> int:
    """Skip what may stand between a title and a name: nisbas, السابق, "في سوريا", "لوكالة …"."""
    toks = view.tokens
    while j < len(toks):
        tok = toks[j]
        f = view.folded[j]
        if tok.text in "،,":
            j += 1
            continue
        if tok.text == "(":
            close = next((k for k in range(j, len(toks)) if toks[k].text == ")"), None)
            if close is None:
                break
            j = close + 1
            continue
        country = nisba_country(tok.text) if tok.word else None
        if country:
            if facts:
                facts.countries.append(country)
            j += 1
            continue
        if f in _MODIFIERS or (f.startswith("ال") and f.endswith("ي") and len(f) > 5):
            j += 1  # السابق، البارز, and relational adjectives: القانوني، الاجتماعي
            continue
        target = j + 1 if f in TITLE_LINKS else j
        named = _named_place_after_noun(doc, view, target)
        if named is not None:  # "نائب رئيس محافظة الأنبار"، "مدير الشرطة بمحافظة X"
            if facts:
                facts.places.append(named.key)
            while j < len(toks) and toks[j].start < named.end:
                j += 1
            continue
        if target < len(toks):
            m = doc.mention_at_token(toks[target])
            head = bare_forms(toks[target].text) & org_heads() if m is None else set()
            if head and target + 1 < len(toks):
                m2 = doc.mention_at_token(toks[target + 1])
                if m2 is not None and m2.cls == "Organization":
                    m, target = m2, target + 1
                else:
                    place = _place_after_head(doc, view, target + 1)
                    if place is not None:  # «مدير شرطة محافظة نينوى»، «حكومة الأنبار»
                        if facts:
                            facts.places.append(place.key)
                        while j < len(toks) and toks[j].start < place.end:
                            j += 1
                        continue
            if m is not None and m.cls != "Person":
                if facts:
                    (facts.orgs if m.cls == "Organization" else facts.places).append(m.key)
                while j < len(toks) and toks[j].start < m.end:
                    j += 1
                continue
        break
    return j


def _place_after_head(doc: Doc, view: SentView, k: int) -> Mention | None:
    """The place that completes an organisation head not yet read as an organisation (the
    titles run before the organisations are found): a place mention starting at token ``k``
    («حكومة الأنبار») or a place noun and the place after it («مجلس محافظة الأنبار»،
    «شرطة محافظة نينوى»), or None."""
    if k >= len(view.tokens):
        return None
    m = doc.mention_at_token(view.tokens[k])
    if m is not None:
        keep = m.cls not in ("Person", "Organization") and m.start == view.tokens[k].start
        return m if keep else None
    return _named_place_after_noun(doc, view, k)


def _named_place_after_noun(doc: Doc, view: SentView, k: int) -> Mention | None:
    """The place mention right after a place noun at token ``k`` (``محافظة الأنبار``،
    ``بمحافظة جدة``) that the mention leaves out, or None."""
    toks = view.tokens
    if k + 1 >= len(toks) or not toks[k].word or doc.mention_at_token(toks[k]) is not None:
        return None
    f = view.folded[k]
    nouns = place_nouns()
    if not (bare_forms(toks[k].text) & nouns or (f[:1] in "بل" and f[1:] in nouns)):
        return None
    m = doc.mention_at_token(toks[k + 1])
    if m is None or m.cls in ("Person", "Organization") or m.start != toks[k + 1].start:
        return None
    return m


def clean_role(role: str) -> str:
    """A title phrase as a role: parentheses dropped, proclitics of the first word removed.

    >>> clean_role("للرئيس الأمريكي"), clean_role("ومؤلف كتاب (2010)")
    ('الرئيس الأمريكي', 'مؤلف كتاب')
    """
    role = re.sub(r"\s*\([^)]*\)", "", role).strip(" ،,:")
    if role.startswith("لل"):
        role = "ال" + role[2:]
    elif role[:1] in ("و", "ف") and strip_al(role.split()[0][1:]) in title_first_words():
        role = role[1:]
        if role.startswith("لل"):
            role = "ال" + role[2:]
    return role


@functools.cache
def word_list(table: str) -> frozenset[str]:
    """The words of a packaged word list (a table of ``word`` and ``note`` columns read as
    :class:`~rasd.extract.resources.WordNote` rows), folded.

    >>> sorted(word_list("resumptive_pronouns.tsv"))
    ['فيه', 'فيها', 'فيهما']
    """
    return frozenset(fold(r.word) for r in load_table(table, WordNote))


def is_figure(folded: str) -> bool:
    """Whether a folded word is a figure: it opens with a digit (Western or Arabic-Indic: the
    folded «٤٥٠٠» is «4500»; a unit may be glued to it: «2015م») or is a cardinal of
    ``number_words.tsv`` (ثلاث، عشرة): a count, as in «مستفيدون من الضمان: 4500 أسرة» or
    «على ثلاث نقاط في».

    >>> [is_figure(fold(w)) for w in ("٤٥٠٠", "۲۰", "60", "2015م", "ثلاثون", "عشرة", "أسرة")]
    [True, True, True, True, True, True, False]
    """
    return folded[:1].isdigit() or folded in word_list("number_words.tsv")


@functools.cache
def relation_words(role: str) -> frozenset[str]:
    """The folded words of one role of ``relation_words.tsv`` (area, loser, filler, relative,
    blocker, direction, place_preposition …).

    >>> "مجمل" in relation_words("area"), "ايدي" in relation_words("loser")
    (True, True)
    """
    return frozenset(
        fold(r.word) for r in load_table("relation_words.tsv", RelationWord) if r.role == role
    )


def place_prepositions() -> frozenset[str]:
    """Words right before a place that govern it (``relation_words.tsv`` role
    ``place_preposition``), folded: the place is no actor of a control verb (سيطر على العراق);
    a bare place name after one is that place (``coref.bare_place_names``).

    >>> "نحو" in place_prepositions(), "وفي" in place_prepositions()
    (True, True)
    """
    return relation_words("place_preposition")


def direction_words() -> frozenset[str]:
    """The direction words (``relation_words.tsv``, role direction: شمال، شرقي), folded."""
    return relation_words("direction")


@functools.cache
def claim_words(group: str) -> frozenset[str]:
    """The folded words of one ``group`` of ``claim_words.tsv`` (the function words the claim
    extractor tests tokens against, and coreference the relatives of); a group with no row is
    a :class:`DataError`.

    >>> sorted(claim_words("same"))
    ['ذات', 'نفس']
    """
    rows = load_table("claim_words.tsv", ClaimWord)
    words = frozenset(fold(r.word) for r in rows if r.group == group)
    if not words:
        raise DataError(f"claim_words.tsv: no word in group {group!r}")
    return words


def generic_org_key(doc: Doc) -> str | None:
    """The one organisation named in the article with تنظيم as an alias (داعش, القاعدة), which
    «التنظيم» and the generic plurals of its fighters (المتطرفون) stand for; ``None`` when the
    article names none or more than one."""
    orgs = {
        e.key
        for e in doc.entities.values()
        if e.cls == "Organization" and any(a.startswith("تنظيم") for a in e.aliases)
    }
    named = {m.key for m in doc.mentions if m.key in orgs}
    return named.pop() if len(named) == 1 else None


def plural_participle(folded: str, *, mim_only: bool = False) -> bool:
    """Whether a folded word is a sound masculine plural participle in the nominative: «ناشطون»،
    «مغردون»، «المسلحون» (فاعلون or مـ…ون; ``mim_only``: مـ…ون only); a conjunction و/ف and ال
    are taken off first.  Not a singular مـ…ون noun of ``singular_mun.tsv`` (مخزون، مضمون،
    مليون) nor an imperfect verb (يقولون).

    >>> plural_participle("مثقفون"), plural_participle("ومخزون"), plural_participle("ناشطون")
    (True, False, True)
    """
    word = folded[1:] if folded[:1] in ("و", "ف") and len(folded) > 6 else folded
    stem = strip_al(word)
    if len(stem) < 5 or not stem.endswith("ون") or stem in word_list("singular_mun.tsv"):
        return False
    return stem[0] == "م" or (not mim_only and stem[1] == "ا")


def demonstratives() -> frozenset[str]:
    """``demonstratives.tsv``: words after which a name of the lexicon is a common noun
    (هذه القاعدة = this base), a source noun refers back (تلك الأنباء) and a place noun stands
    for a place named before (هذه المدينة), folded.

    >>> "هذه" in demonstratives()
    True
    """
    return word_list("demonstratives.tsv")


@functools.cache
def relative_pronouns() -> frozenset[str]:
    """The relative pronouns of ``relative_pronouns.tsv`` (التي، الذين، اللذان …), folded,
    and each with «و» before it (والتي، والذين: derived, not listed), for every layer that asks
    whether a clause describes the noun before it.

    >>> sorted(w for w in relative_pronouns() if "ت" in w)
    ['التي', 'اللتان', 'اللتين', 'والتي', 'واللتان', 'واللتين']
    """
    words = word_list("relative_pronouns.tsv")
    return words | frozenset("و" + w for w in words)


def resumptive_pronouns() -> frozenset[str]:
    """Folded prepositions with the pronoun of a relative clause without «التي» (فيها of
    «منطقة ينشط فيها»), ``resumptive_pronouns.tsv``."""
    return word_list("resumptive_pronouns.tsv")


@functools.cache
def frequent_words() -> dict[str, int]:
    """The 20,000 most frequent (folded) words of SaudiNewsNet (``frequent_words.tsv``, made by
    ``bench/make_frequent_words.py``).  Common words and common first names are in it; most
    foreign surnames (بيترايوس، فوتل، كالامور) are not."""
    return {r.word: r.count for r in load_table("frequent_words.tsv", FrequentWord)}


#: occurrences in SaudiNewsNet (:func:`frequent_words`) from which a word opens no new name
#: (طرد: 210; الشرقي «eastern»: 430) — a rarer word may be a family name (النجيفي: 66)
COMMON_WORD = 100


def clitic_noun(word: str) -> bool:
    """A proclitic (و ف ل ب) on a common word: ``ونظيره``، ``لتزامن`` — not a name.

    The word without its first letter must be common and clearly more common than the word
    itself, so names such as فيصل (ف + يصل) or وليد stay names.
    """
    w = fold(word)
    common = frequent_words()
    rest = common.get(w[1:], 0)
    return len(w) > 3 and w[0] in "وفلب" and rest > 0 and rest > 3 * common.get(w, 0)


def ner_confirms(doc: Doc, view: SentView, first: int, end: int, strict: bool = False) -> bool:
    """Whether a pattern's candidate name ``tokens[first:end]`` is accepted as a person.

    A name of two or more words stands on the pattern alone unless its first word reads as
    a proclitic on a common word (``لتزامن تغريدة`` = ل + تزامن) or all its words are common
    (``دعم بلاده``); such names, one-word names, and every name when ``strict``, need the
    statistical NER to tag one of their words as a person (when the NER ran).
    """
    words = view.folded[first:end]
    common = frequent_words()
    strong = (
        len(words) >= 2
        and not clitic_noun(words[0])
        and sum(w in common for w in words) <= 1
        and not strict
    )
    if strong:
        return True
    tags = doc.ner_tags.get(view.index)
    if tags is None:
        return True
    return any(t.endswith("PERS") for t in tags[first:end])


def _apposed_to_cue(view: SentView, first: int, end: int) -> bool:
    """Whether the name ``tokens[first:end]``, standing before «، TITLE», follows a speech cue
    at once («وقال دليل آمد، عضو …»، «أكدت نوال الحربي، الأستاذة في …»): the cue, the name and
    the title read together, so the name stands without the NER when at most one of its words
    is common (:data:`COMMON_WORD`; words of the frequent list rarer than that, آمد: 65, may
    be names) and its first word is no proclitic on a common word."""
    if not any(
        (hit := match_cue(view, c)) is not None and hit[3] == first
        for c in range(max(0, first - 2), first)
    ):
        return False
    words = view.folded[first:end]
    common = frequent_words()
    return not clitic_noun(words[0]) and sum(common.get(w, 0) >= COMMON_WORD for w in words) <= 1


def _ner_end(doc: Doc, view: SentView, first: int, end: int) -> int:
    """Cut a pattern's name where the NER ends the person before common words that it does
    not tag (محمد العثيم أطلقها → محمد العثيم; صالح العاروري ينشط → صالح العاروري; الأمير
    بندر مواطن سعودي → بندر): the words cut are all among the frequent words, or the NER
    tagged two words before them."""
    tags = doc.ner_tags.get(view.index)
    if not tags or not tags[first].endswith("PERS"):
        return end
    cut = first + 1
    while cut < end and tags[cut] == "I-PERS":
        cut += 1
    if cut >= end or any(t != "O" for t in tags[cut:end]):
        return end
    if view.folded[cut - 1] in name_connectors():
        return end  # "زين العابدين بن | علي": a name does not end on بن
    common = frequent_words()
    if cut - first >= 2 or all(w in common for w in view.folded[cut:end]):
        return cut
    return end


def _record_role(doc: Doc, view: SentView, person: str, facts: RoleFacts) -> None:
    text = doc.article.text
    sent = view.index
    role = clean_role(text[facts.text_start : facts.text_end])
    s, e = facts.text_start, facts.text_end
    doc.relations.append(Relation(person, "jobTitle", role, s, e, sent, "titles", literal=True))
    doc.person_groups.setdefault(person, set()).add(facts.title.group)
    doc.person_titles.setdefault(person, set()).add(facts.title.text)
    for org in facts.orgs:
        pred = "leaderOf" if facts.title.group == "leader" else "affiliatedWith"
        doc.relations.append(Relation(person, pred, org, s, e, sent, "titles"))
    for country in facts.countries:
        doc.relations.append(Relation(person, "nationality", country, s, e, sent, "titles"))
    for place in facts.places:  # "السفير الدنماركي السابق في سوريا"
        doc.relations.append(Relation(person, "operatesIn", place, s, e, sent, "titles"))


def find_persons(doc: Doc) -> None:
    """Persons introduced by titles (before the name) and appositions (after it)."""
    for view in doc.views:
        toks = view.tokens
        i = 0
        # most words: no title starts there (what match_title asks first)
        for at in view.words_passing(_TITLE_START):
            if at < i:
                continue  # inside what was read before
            i = at
            hit = match_title(view, i)
            if hit is None:
                i += 1
                continue
            title, j = hit
            tags = doc.ner_tags.get(view.index)
            if (
                i > 0
                and tags
                and tags[i] == "I-PERS"
                and not view.folded[i].startswith("ال")
                and tags[i - 1].endswith("PERS")
            ):
                i += 1  # "حسين أمير عبد اللهيان": a name inside the NER's person, no title
                continue
            if (
                i > 0
                and view.folded[i] in org_words()["name_title"]
                and bare_forms(toks[i - 1].text) & org_heads()
                and not view.folded[i - 1].startswith(("ال", "وال", "بال", "لل"))
            ):
                i += 1  # "جامعة الملك عبد العزيز": the university's name, not the king
                continue
            facts = RoleFacts(title, toks[i].start, toks[j - 1].end, [], [], [])
            k = skip_modifiers(doc, view, j, facts)
            if k > j:
                facts.text_end = toks[k - 1].end
            # a person named after the title phrase
            persons: list[str] = []
            m = doc.mention_at_token(toks[k]) if k < len(toks) else None
            if m is not None and m.cls == "Person":
                persons.append(m.key)
            else:
                for a, b, cs in read_names(doc, view, k):
                    b = _ner_end(doc, view, a, b)
                    if not ner_confirms(doc, view, a, b):
                        continue
                    key = _add_person(doc, cs, toks[b - 1].end, "titles")
                    if key:
                        persons.append(key)
            # apposition: "NAME، TITLE" — the person stands before the comma
            if not persons and i >= 2 and toks[i - 1].text in "،,":
                prev = doc.mention_at_token(toks[i - 2])
                if prev is not None and prev.cls == "Person":
                    persons.append(prev.key)
                else:
                    a = i - 1
                    while a - 1 >= 0 and (i - 1) - (a - 1) <= 3 and _name_like(doc, view, a - 1):
                        a -= 1
                    if (
                        a < i - 1
                        and (i - 1) - a >= 2
                        and (ner_confirms(doc, view, a, i - 1) or _apposed_to_cue(view, a, i - 1))
                    ):
                        key = _add_person(doc, toks[a].start, toks[i - 2].end, "apposition")
                        if key:
                            persons.append(key)
            elif not persons and i >= 1:
                # "جوزف فوتل قائد القيادة…": a title right after a name, no comma
                prev = doc.mention_at_token(toks[i - 1])
                if prev is not None and prev.cls == "Person" and facts.orgs:
                    persons.append(prev.key)
            for p in persons:
                _record_role(doc, view, p, facts)
            if not persons:
                doc.title_refs.append((toks[i].start, toks[j - 1].end, title, view.index))
            i = max(k, i + 1)


@functools.cache
def place_nouns() -> frozenset[str]:
    """مدينة، منطقة، محافظة …: "مركز المحافظة" is a town, not an organisation."""
    return frozenset(fold(r.noun) for r in load_table("place_nouns.tsv", PlaceNoun))


def _relational_adjectives(view: SentView, k: int, head: str = "") -> int:
    """Skip definite relational adjectives (الوطني، العراقية، المركزية، اليمنيين) and the
    adjectives of ``org_words.tsv`` (الخاصة، المسلحة) after an organisation head; returns the
    index after them.  Descriptive adjectives (الرسمية، اليساري) end the name, and so does a
    masculine adjective after a feminine ``head`` («رئيس الحكومة الفرنسي»: it describes
    رئيس)."""
    start = k
    words = org_words()
    while k < len(view.tokens) and k - start < 3 and view.tokens[k].word:
        f = view.folded[k]
        if f in words["not_adjective"]:
            break
        if head.endswith("ه") and f.endswith("ي") and k == start:
            break
        # a plural one only after a plural noun: «نقابة الصحفيين اليمنيين»
        plural = bool(nisba_plural(f, oblique=True)) and k > 0 and view.folded[k - 1].endswith("ين")
        if f in words["adjective"] or (
            len(f) > 4 and (is_nisba(f) or (plural and f.startswith("ال")))
        ):
            k += 1
        else:
            break
    return k


@functools.cache
def org_words() -> dict[str, frozenset[str]]:
    """``org_words.tsv`` by kind (folded; ``generic`` phrases as match keys)."""
    by_kind: dict[str, set[str]] = {}
    for r in load_table("org_words.tsv", OrgWord):
        by_kind.setdefault(r.kind, set()).add(match_key(r.word) if " " in r.word else fold(r.word))
    kinds = (
        "adjective",
        "not_adjective",
        "generic",
        "lam_head",
        "name_title",
        "person_named",
        "forces_of",
        "place_head",
        "national_head",
    )
    return {k: frozenset(by_kind.get(k, ())) for k in kinds}


def _org_continuation(doc: Doc, view: SentView, end: int, head: str, noun_end: bool) -> int:
    """Extend an organisation name ending at token ``end``: a coordinated definite noun right
    after its noun (حزب العدالة والتنمية، هيئة التحقيق والادعاء), then, for heads of
    ``org_words.tsv`` kind ``lam_head``, لـ + noun (+ noun) + adjectives (جامعة نايف العربية
    للعلوم الأمنية، الاتحاد المصري لجمعيات متحدي الإعاقة، المديرية العامة لحرس الحدود) and up
    to three definite nouns coordinated after it (الهيئة العامة للسياحة والتراث الوطني; not a
    plural in ين/ون, a group of people, nor another head)."""
    toks = view.tokens

    def free(j: int) -> bool:
        return j < len(toks) and toks[j].word and doc.mention_at_token(toks[j]) is None

    f = view.folded
    if (
        noun_end
        and free(end)
        and f[end].startswith("وال")
        and len(f[end]) > 5
        and not bare_forms(toks[end].text) & org_heads()
        and not f[end].endswith(("ين", "ون"))
    ):  # not "قوات الأمن والجيش التركي" (two forces), "تنظيم الإخوان والمتطرفين"
        end = _relational_adjectives(view, end + 1)
    if head not in org_words()["lam_head"] or not free(end):
        return end
    w = f[end]
    if w.startswith("لل") and len(w) > 4 and not is_name_stopword(toks[end].text):
        end = _relational_adjectives(view, end + 1)
    elif (
        w.startswith("ل")
        and not w.startswith("لل")
        and len(w) >= 4  # لحرس الحدود
        and free(end + 1)
        and not is_name_stopword(toks[end].text)
    ):
        k = end + 1
        if not f[k].startswith("ال") and free(k + 1) and f[k + 1].startswith("ال"):
            k += 1  # لجمعيات متحدي الإعاقة
        if f[k].startswith("ال") and len(f[k]) > 4:
            end = _relational_adjectives(view, k + 1)
        else:
            return end
    else:
        return end
    for _ in range(3):  # للسياحة والتراث الوطني، للتربية والعلوم والثقافة، لدراسات الأمن والدفاع
        w = f[end] if free(end) else ""
        if not (w.startswith("وال") and len(w) > 5) or w.endswith(("ين", "ون")):
            break  # "للسياحة والمواطنين": a group of people, not a name word
        if bare_forms(toks[end].text) & org_heads():
            break  # "… والجيش": another body
        end = _relational_adjectives(view, end + 1)
    return end


@functools.cache
def weekday_words() -> frozenset[str]:
    """The weekday names of ``date_cues.tsv`` (الأحد …), folded."""
    rows = load_table("date_cues.tsv", DateCue)
    return frozenset(fold(r.word) for r in rows if r.kind == "weekday")


def _place_ends_name(view: SentView, i: int, k: int, held: Mention, head: str) -> bool:
    """Whether the place mention ``held`` at token ``k`` (a town, governorate or region of
    the lexicon, not a country, starting on the token) ends the name of an organisation
    whose head (``org_words.tsv`` kind ``place_head``: شرطة، مديرية) stands at token ``i``,
    over at most one indefinite noun that is no direction: «شرطة نينوى»، «مديرية أمن مطروح»,
    not «نقطة شرطة شمال بغداد» (a post north of Baghdad)."""
    return (
        head in org_words()["place_head"]
        and held.cls in ("City", "AdministrativeArea", "Place")
        and held.start == view.tokens[k].start
        and all(strip_al(view.folded[j]) not in direction_words() for j in range(i + 1, k))
    )


def _one_node_per_placed_body(doc: Doc, placed: dict[tuple[str, ...], list[str]]) -> None:
    """One node for a body named by a place head and a place written with the place noun and
    without it in one article («مجلس نجران» … «مجلس منطقة نجران»): every mention takes the
    key of the name with the place noun, when there is one such name.  ``placed`` maps
    (head, name words other than place nouns) to the keys made for it, in order."""
    for sig, keys in placed.items():
        longer = {k for k in keys if len(k.split()) > len(sig)}  # with a place noun
        if len(longer) != 1 or set(keys) == longer:
            continue  # «مجلس محافظة بغداد» and «مجلس مدينة بغداد» are two councils
        [keep] = longer
        for k in dict.fromkeys(keys):
            if k != keep:
                doc.rekey(k, keep)


def _org_head_word(word: str) -> bool:
    """Whether one of a word's :func:`bare_forms` is an :func:`org_heads` noun (a
    :func:`~extract.doc.word_test`: memoised with the others)."""
    return not org_heads().isdisjoint(bare_forms(word))


_ORG_HEAD = word_test(_org_head_word)


def _lam_named(name: str) -> bool:
    """Whether a definite head phrase names its body with a لـ complement («الإدارة العامة
    للمعلومات والتوثيق»): a name of its own, not a reference back to the last body of that
    head (``إدارة البحث الجنائي``)."""
    return any(fold(w).startswith("لل") for w in name.split()[1:])


def find_organizations(doc: Doc) -> None:
    """Organisations named by a head noun: ``مركز مكافحة الإرهاب``, ``الجيش العراقي``."""
    heads = org_heads()
    placed: dict[tuple[str, ...], list[str]] = {}
    for view in doc.views:
        toks = view.tokens
        for i in view.words_passing(_ORG_HEAD):  # most words: no head
            tok = toks[i]
            forms = bare_forms(tok.text)
            if doc.mention_at_token(tok) is not None:
                continue
            if tok.text.endswith("ى") and all(h.endswith("ي") for h in forms & heads):
                continue  # "نادى الدكتور" (he called): the verb, not نادي (club)
            definite = view.folded[i].startswith(("ال", "وال", "بال", "لل", "فال"))
            before = view.folded[i - 1] + " " if i > 0 else ""
            if {view.folded[i], before + view.folded[i]} & not_org_heads():
                continue
            if _verb_not_head(view, i, forms):
                continue  # "وقد تحالف حزب الوفد مع الإخوان": allied, no alliance
            end = inner = None
            k = i + 1
            head_f = next(iter(forms & heads))
            if definite:
                if not forms & definite_org_heads():
                    continue  # التنظيم الإرهابي: left to coreference
                k = _relational_adjectives(view, k, head_f)
                if k > i + 1:
                    end = k  # الجيش العراقي، القوات الكردية، الحكومة التركية
            else:
                # idafa: head + at most one indefinite noun + a definite noun (مركز مكافحة الإرهاب)
                while k < len(toks) and k - i <= 2 and toks[k].word:
                    f = view.folded[k]
                    held = doc.mention_at_token(toks[k])
                    if held is not None and k > i and _place_ends_name(view, i, k, held, head_f):
                        inner = held  # "شرطة نينوى"، "مديرية أمن مطروح": the place ends it
                        end = next(j for j in range(k, len(toks)) if toks[j].end >= held.end) + 1
                        break
                    if held is not None or f in name_stopwords() or stopword_phrase_at(view, k):
                        break
                    if f in weekday_words():  # "صحيفة معاريف الأحد": the day is no name
                        end = k if k > i + 1 else None
                        break
                    if f in org_words()["not_adjective"]:
                        break  # "كتيبة … التابعة للقوات": a participle after it, no name word
                    if re.fullmatch(r"ال\d+", f):
                        end = k + 1  # "كتيبة الـ21": a number names it
                        break
                    if f.startswith("ال") and len(f) > 4 and not toks[k].text.startswith("أ"):
                        # (ألمانية folds to المانيه: a hamza on the alef is no article)
                        if f in org_words()["name_title"] and _name_like(doc, view, k + 1):
                            end = k + 2  # جامعة الملك سعود، جامعة الملك عبد العزيز
                            if view.folded[k + 1] in name_connectors() and end < len(toks):
                                end += 1
                        elif strip_al(f) not in place_nouns():
                            end = _relational_adjectives(view, k + 1)
                            end = _org_continuation(doc, view, end, head_f, end == k + 1)
                        break
                    if not f or f[0] in "وفبلكي" or f[1:3] == "ال":
                        break  # (a token of only tatweel or diacritics folds to "")
                    k += 1
            if end is None:
                continue
            if definite:
                end = _org_continuation(doc, view, end, head_f, False)
            ft = fold(tok.text)
            text = doc.article.text
            if definite and ft.startswith(("لل", "ولل", "فلل")):
                start = tok.start  # "للجيش العراقي": the name is الجيش العراقي
                name = "ال" + text[tok.start + ft.index("لل") + 2 : toks[end - 1].end]
            else:
                if definite:
                    start = tok.start + ft.index("ال")
                else:
                    start = tok.start + (0 if ft in heads else 1)  # "لوزارة" → "وزارة"
                name = text[start : toks[end - 1].end]
            key = alias_index().get(match_key(name), match_key(name))
            if key in org_words()["generic"]:
                continue  # "القوات الأمنية": security forces, no name
            if definite and key not in lexicon_index() and not _lam_named(name):
                # "الصحيفة البريطانية" after "صحيفة ديلي ميل": the same organisation
                same_head = doc.mentions_opening_with(forms & heads, 0, start, "Organization")
                nis = {nisba_country(w) for w in name.split()} - {None}
                others = {nisba_country(w) for m in same_head for w in m.surface.split()}
                if nis and (others - {None}) - nis:
                    same_head = []  # "الحكومة العراقية" after "الحكومة التركية": another one
                if same_head:
                    doc.add_mention(
                        start, toks[end - 1].end, same_head[-1].key, "Organization", "org-heads"
                    )
                    continue
            known = lexicon_index().get(key)
            cls = known.cls if known else "Organization"
            if inner is not None:
                if doc.widen_mention(inner, start, toks[end - 1].end, key, cls, "org-heads"):
                    doc.add_entity(known or EntityInfo(key, cls, name, source="pattern"))
                    if not any(m.key == inner.key for m in doc.mentions):
                        doc.entities.pop(inner.key, None)  # the place is named only inside it
                    if known is None:
                        words = key.split()
                        sig = (
                            words[0],
                            *(w for w in words[1:] if strip_al(w) not in place_nouns()),
                        )
                        placed.setdefault(sig, []).append(key)
                continue
            doc.add_entity(known or EntityInfo(key, cls, name, source="pattern"))
            doc.add_mention(start, toks[end - 1].end, key, cls, "org-heads")
    _one_node_per_placed_body(doc, placed)


@functools.cache
def portfolios() -> frozenset[str]:
    """The portfolios of the ministers of ``titles.tsv`` («وزير الخارجية»: الخارجيه), folded
    and definite."""
    minister = fold("وزير")
    pairs = [k.split() for k in title_table()[0]]
    return frozenset("ال" + w[1] for w in pairs if len(w) == 2 and w[0] == minister)


def portfolio_as_adjective(text: str, start: int, end: int) -> bool:
    """Whether the name ``text[start:end]`` opens with a portfolio (:func:`portfolios`) that
    here is an adjective of the definite noun before it: «السياسة الخارجية الأمريكية» (the
    foreign policy), not «الخارجية الأمريكية» (the State Department).

    >>> portfolio_as_adjective("السياسة الخارجية الأمريكية", 8, 26)
    True
    >>> portfolio_as_adjective("وقالت الخارجية الأمريكية", 6, 24)
    False
    """
    words = match_key(text[start:end]).split()
    if not words or definite_stem(words[0])[0] not in portfolios():
        return False
    prev = re.search(r"(\w+)\s+$", text[max(0, start - 40) : start])
    if prev is None:
        return False  # the sentence's first word, or after punctuation («في الرياض، الخارجية»)
    return _definite_noun(fold(prev.group(1)))


def _definite_noun(word: str) -> bool:
    """Whether a folded word is a definite common noun: in ال after its proclitics, not a
    particle or an adverb of ``name_stopwords.tsv`` (إلى folds to الي, الذي، اليوم، بالأمس) nor
    a name of the lexicon («وانتقدت الصين الخارجية الأمريكية»).

    >>> _definite_noun("السياسه"), _definite_noun("الي"), _definite_noun("بالامس")
    (True, False, False)
    >>> _definite_noun("الصين"), _definite_noun("مصادر")
    (False, False)
    """
    from rasd.extract.lexicon import lexicon_index

    stem = definite_stem(word)[0]
    stop = name_stopwords()
    if not stem.startswith("ال") or word in stop or stem in stop or stem[2:] in stop:
        return False
    return stem not in lexicon_index()
