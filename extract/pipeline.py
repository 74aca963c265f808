"""The extractor pipeline: small named components run in order over one article.

Per-article extraction is a pure function — :func:`extract_article` depends only on the
article, the component names and the packaged data — so it can run in any process, be
cached by the article and the extractor's fingerprint and merged in any order.
:func:`extract_many` gives the same results for several articles at once, letting a
component with a batch form (``pipe``, like a spaCy component's ``pipe``) work on all of
them in one call: the NER tags the sentences of a batch of 8 articles together, ~30 % less
NER CPU than one article at a time, 0.85× the extraction's (``bench/build_results.md``).

>>> from rasd.extract.reader import parse_text
>>> ex = extract_article(parse_text("استخدم تنظيم داعش تويتر.", "x.txt"), ("sentences", "lexicon"))
>>> sorted({m.key for m in ex.mentions})
['تويتر', 'داعش']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rasd.extract.claims import find_claims
from rasd.extract.coref import (
    bare_place_names,
    link_forces,
    link_name_variants,
    link_national_orgs,
    link_place_nouns,
    link_short_org_names,
    publisher_mentions,
    quoted_media_names,
    quoted_places_are_media,
    resolve_bare_org_nouns,
    resolve_generic_org,
    resolve_group_singulars,
    resolve_org_heads,
    resolve_short_names,
    resolve_title_refs,
)
from rasd.extract.dates import find_dates
from rasd.extract.doc import Doc, SentView, bare_forms, definite_stem, raw_cut, strip_al
from rasd.extract.errors import ExtractError, UsageError
from rasd.extract.facilities import find_facilities
from rasd.extract.folding import DATE_MARKS, DIACRITICS, TATWEEL
from rasd.extract.lexicon import (
    lexicon_context,
    lexicon_index,
    lexicon_matches,
    lexicon_since,
    publisher_countries,
    state_noun_members,
    state_nouns,
)
from rasd.extract.metonymy import capitals_as_states
from rasd.extract.name_filters import mend_span
from rasd.extract.patterns import (
    claim_words,
    clitic_noun,
    cue_forms,
    cue_table,
    demonstratives,
    find_organizations,
    find_persons,
    frequent_words,
    given_name,
    is_name_stopword,
    is_nisba,
    match_cue,
    name_continuations,
    name_openers,
    org_words,
    portfolio_as_adjective,
    title_first_words,
)
from rasd.extract.records import Article, EntityInfo, Extraction
from rasd.extract.relations import find_events, find_relations, named_venue, preceding_word
from rasd.extract.speaker import rank_speakers
from rasd.extract.text import fold, match_key, split_sentences, tanween_on_weak_end

Component = Callable[[Doc], None]
#: A component's batch form: the same as calling the component on each document, and it
#: changes no document when it raises (each is then run alone, to find the one that fails).
Pipe = Callable[[Sequence[Doc]], None]


@dataclass(frozen=True)
class ComponentSpec:
    """A registered component: its function and what it needs from and gives to the
    :class:`~extract.doc.Doc` (names such as ``sentences``, ``ner_tags``, ``mentions``), and
    optionally its batch form :data:`Pipe`."""

    name: str
    fn: Component
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    pipe: Pipe | None = None


COMPONENTS: dict[str, ComponentSpec] = {}


def component(
    name: str,
    *,
    requires: Sequence[str] = ("sentences",),
    assigns: Sequence[str] = (),
    pipe: Pipe | None = None,
) -> Callable[[Component], Component]:
    """Register an extractor component under ``name`` (like spaCy's ``Language.component``),
    declaring what it requires from earlier components and what it assigns, and optionally
    its batch form ``pipe``.  A name can be registered once (:class:`ValueError` otherwise)."""

    def register(fn: Component) -> Component:
        if name in COMPONENTS:
            raise ValueError(f"extractor component '{name}' is registered twice")
        COMPONENTS[name] = ComponentSpec(name, fn, tuple(requires), tuple(assigns), pipe)
        return fn

    return register


@component("sentences", requires=(), assigns=("sentences",))
def _sentences(doc: Doc) -> None:
    doc.set_sentences(split_sentences(doc.article.text, doc.article.segments))


@component("dates", assigns=("dates",))
def _dates(doc: Doc) -> None:
    doc.dates = find_dates(doc.article.text, doc.article.segments, doc.article.published)


component("facilities", assigns=("mentions",))(find_facilities)


def _common_in_context(text: str, start: int, end: int) -> bool:
    """Whether the lexicon name ``text[start:end]`` is a common noun by the word next to it
    (``lexicon_context.tsv``): «يحاولون النيل من المملكة», «يا حماة الوطن».

    >>> _common_in_context("يحاولون النيل من المملكة", 8, 13)
    True
    >>> _common_in_context("يا حماة الوطن.", 3, 7)
    True
    >>> _common_in_context("نهر النيل", 4, 9), _common_in_context("في حماة الواقعة", 3, 7)
    (False, False)
    """
    table = lexicon_context()
    form = fold(text[start:end])
    if (form, "next") not in table and (form, "previous") not in table:
        return False  # most names: no context word makes them common nouns
    nxt = re.findall(r"\w+", text[end : end + 20])[:1]
    prev = re.findall(r"\w+", text[max(0, start - 20) : start])[-1:]
    words = {"next": nxt, "previous": prev}
    return any(
        fold(w) in table.get((form, side), ()) or fold(w[1:]) in table.get((form, side), ())
        for side, ws in words.items()
        for w in ws
        if w
    )


def _last_word(text: str, start: int, end: int) -> str:
    """The last word of ``text[start:end]`` with the marks that follow it (a tanween the
    match left out).

    >>> _last_word("عُثر عليه ميتاً.", 10, 14)
    'ميتاً'
    """
    while end < len(text) and (text[end] in DIACRITICS or text[end] == TATWEEL):
        end += 1
    return text[start:end].split()[-1]


def _after_preposition(text: str, start: int) -> bool:
    """Whether the word right before ``start`` is a preposition (``claim_words.tsv``,
    ``genitive_preposition``): «في بريطانياً» is Britain with a stray tanween.

    >>> _after_preposition("مبتعثون في بريطانياً", 11), _after_preposition("لاجئاً سورياً", 7)
    (True, False)
    """
    return preceding_word(text, start) in claim_words("genitive_preposition")


@component("lexicon", assigns=("mentions",))
def _lexicon(doc: Doc) -> None:
    index = lexicon_index()
    pointing = demonstratives()
    text = doc.article.text
    published = doc.article.published
    year = int(published.value[:4]) if published else 0
    for m in lexicon_matches(doc):
        before = text[max(0, m.start - 8) : m.start].split()
        if before and fold(before[-1]) in pointing and " " not in text[m.start : m.end]:
            continue  # "هذه القاعدة": the base, not al-Qaeda
        if _common_in_context(text, m.start, m.end):
            continue  # "النيل من المملكة": to harm the kingdom, not the Nile
        if tanween_on_weak_end(_last_word(text, m.start, m.end)) and not _after_preposition(
            text, m.start
        ):
            continue  # "عُثر عليه ميتاً": dead, not Meta; "حلاً سورياً": Syrian, not Syria
        if year and year < lexicon_since().get(match_key(text[m.start : m.end]), 0):
            continue  # «التيك توك» in 2015: a clock's tick-tock, TikTok came in 2016
        if portfolio_as_adjective(text, m.start, m.end):
            continue  # "السياسة الخارجية الأمريكية": the policy, not the State Department
        if m.cls == "Platform" and named_venue(text, m.start):
            continue  # "إستاد «سيجنال إيدونا»": a stadium's name, not the app
        if doc.add_mention(m.start, m.end, m.key, m.cls, "lexicon"):
            doc.add_entity(index[m.key])
    _bare_state_nouns(doc)


def _bare_state_nouns(doc: Doc) -> None:
    """«المملكة» alone (with its proclitics) is the one kingdom among those the article names
    and the kingdom its publisher writes from (``publishers.tsv``); a kingdom with
    no «المملكة …» form (``state_noun_members.tsv``: البحرين) counts when named in the same
    sentence.  Nothing when there are several, or before a definite word that makes a name
    of its own («المملكة المتحدة»)."""
    nouns, members = state_nouns(), state_noun_members()
    named = {m.key for m in doc.mentions}
    home = publisher_countries().get(doc.article.publisher or "", frozenset())
    tails = _state_noun_tails()
    for view in doc.views:
        toks = view.tokens
        # a state noun's stem ends the word: the others are passed over in one C call each
        for i in [i for i, f in enumerate(view.folded) if f.endswith(tails)]:
            tok = toks[i]
            bare, cut = definite_stem(view.folded[i])
            if bare not in nouns:
                continue
            sent = view.sentence
            here = {m.key for m in doc.mentions if sent.start <= m.start < sent.end}
            states = nouns[bare] & (named | home) | members.get(bare, frozenset()) & here
            if len(states) != 1:
                continue
            if i + 1 < len(toks) and _names_its_own(bare, toks[i + 1].text):
                continue  # "المملكة المتحدة", "المملكة العربية السعودية"
            info = lexicon_index()[next(iter(states))]
            start = tok.start + raw_cut(tok.text, cut)
            if start < tok.end and doc.add_mention(start, tok.end, info.key, info.cls, "lexicon"):
                doc.add_entity(info)


@functools.cache
def _state_noun_tails() -> tuple[str, ...]:
    """What every word whose :func:`definite_stem` is a state noun ends with: the noun
    without its ال (the stem of للمملكه is ال + مملكه), or the whole noun."""
    return tuple(sorted({n[2:] if n.startswith("ال") else n for n in state_nouns()}))


@functools.cache
def _state_noun_followers() -> dict[str, frozenset[str]]:
    """Folded state noun → the folded second words of the lexicon forms that start with it
    (المملكه → المتحده، العربيه، المغربيه …)."""
    from rasd.extract.lexicon import lexicon_entities

    nouns = state_nouns()
    out: dict[str, set[str]] = {n: set() for n in nouns}
    for e in lexicon_entities():
        for f in (e.label, *e.aliases):
            words = match_key(f).split()
            if len(words) > 1 and words[0] in out:
                out[words[0]].add(words[1])
    return {n: frozenset(ws) for n, ws in out.items()}


_UNMARK = str.maketrans("", "", DATE_MARKS)


def _names_its_own(noun: str, after: str) -> bool:
    """Whether the raw word ``after`` the state noun makes a name of its own with it: it
    starts with ال (written so, not إلى or إلا folded to الى، الا) and is the second word of
    a lexicon form (المملكة المتحدة) or a definite nisba (المملكة الهاشمية)."""
    word = after.translate(_UNMARK)
    if not word.startswith("ال"):
        return False
    f = fold(word)
    nisba = len(f) > 4 and is_nisba(f)
    return f in _state_noun_followers().get(noun, frozenset()) or nisba


@functools.cache
def _tagger(backend: str = "crf+nn"):
    from rasd.extract.ner import load_tagger

    return load_tagger(backend)


_NER_CLASSES = {"PERS": "Person", "ORG": "Organization", "LOC": "Place"}


def _ner_tags_pipe(docs: Sequence[Doc], backend: str = "crf+nn") -> None:
    """Tag every sentence of ``docs`` in one call of the tagger (sentences of several
    articles batched together); then as :func:`_ner_tags`, article by article."""
    from rasd.extract.ner.consistency import propagate

    tagger = _tagger(backend)
    per_doc = [[[t.text for t in v.tokens] for v in doc.views] for doc in docs]
    flat = tagger.tag_many([s for sents in per_doc for s in sents])
    done: list[list[list[str]]] = []
    k = 0
    for sents in per_doc:
        done.append(propagate(sents, flat[k : k + len(sents)]))
        k += len(sents)
    for doc, tagged in zip(docs, done, strict=True):  # nothing is assigned until all are tagged
        for view, tags in zip(doc.views, tagged, strict=True):
            doc.ner_tags[view.index] = tags


@component("ner-tags", assigns=("ner_tags",), pipe=_ner_tags_pipe)
def _ner_tags(doc: Doc, backend: str = "crf+nn") -> None:
    """Tag every sentence with the statistical NER (used by later components); a name tagged
    in one sentence is tagged wherever it recurs in the article
    (:func:`extract.ner.consistency.propagate`)."""
    _ner_tags_pipe([doc], backend)


@component(
    "ner-tags-nn", assigns=("ner_tags",), pipe=functools.partial(_ner_tags_pipe, backend="nn")
)
def _ner_tags_nn(doc: Doc) -> None:
    """Like ``ner-tags`` with the BiLSTM-CRF alone
    (``rasd build --pipeline sentences,dates,lexicon,ner-tags-nn,…``)."""
    _ner_tags(doc, "nn")


@component(
    "ner-tags-crf", assigns=("ner_tags",), pipe=functools.partial(_ner_tags_pipe, backend="crf")
)
def _ner_tags_crf(doc: Doc) -> None:
    """Like ``ner-tags`` with the CRF alone (faster, less accurate):
    ``rasd build --pipeline sentences,dates,lexicon,ner-tags-crf,…``."""
    _ner_tags(doc, "crf")


@component("ner-tags-bert", assigns=("ner_tags",))
def _ner_tags_bert(doc: Doc) -> None:
    """Like ``ner-tags`` with camel-tools' BERT recogniser, where its model is installed
    (``rasd build --pipeline sentences,dates,lexicon,ner-tags-bert,…``)."""
    _ner_tags(doc, "bert")


def _person_tokens(view: SentView, first: int, last: int) -> tuple[int, int]:
    """Mend an NER person span's edges: drop words that are never part of a name at its end
    (بن يوسف قائلا → بن يوسف), and take in the word before a leading بن (الحجاج بن يوسف)."""
    toks = view.tokens
    while last > first and is_name_stopword(toks[last].text):
        last -= 1
    if (
        view.folded[first] in name_continuations()
        and first > 0
        and toks[first - 1].word
        and not is_name_stopword(toks[first - 1].text)
        and match_cue(view, first - 1) is None  # "وقال بن معمر": a speech verb, not a name
    ):
        first -= 1
    elif view.folded[first] in name_openers() and first > 0 and given_name(view, first - 1):
        first -= 1  # أحسن أبو طالب: a given name before a kunya
    return first, last


def _ner_spans(doc: Doc) -> list[tuple[int, int, str]]:
    spans = []
    for view in doc.views:
        tags = doc.ner_tags.get(view.index)
        if not tags:
            continue
        cur: list[int] = []
        label = ""
        for i, tag in enumerate([*tags, "O"]):
            if cur and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
                a, b = cur[0], cur[-1]
                if label == "PERS":
                    a, b = _person_tokens(view, a, b)
                spans.append((view.tokens[a].start, view.tokens[b].end, label))
                cur = []
            if tag != "O":
                if not cur:
                    label = tag[2:]
                cur.append(i)
    return spans


@component("ner", requires=("sentences", "ner_tags"), assigns=("mentions",))
def _ner(doc: Doc) -> None:
    """Entities the lexicon and patterns do not know, from the statistical NER."""
    from rasd.extract.lexicon import alias_index, lexicon_person_with_al

    aliases = alias_index()
    index = lexicon_index()
    for start0, end0, label in _ner_spans(doc):
        cls = _NER_CLASSES.get(label)
        mended = mend_span(doc.article.text, start0, end0, cls) if cls else None
        if mended is None:
            continue
        start, end, cls = mended
        if cls == "Person":
            start, cls = _named_after_person(doc.article.text, start, cls)
        surface = doc.article.text[start:end]
        key = match_key(surface)
        if len(key.replace(" ", "")) < 3:
            continue
        if key not in aliases and (
            (key[:1] in "وفبلك" and key[1:] in aliases and (key[0] != "ك" or len(key) > 4))
            or (
                (_conjoined_definite(key.split()[0]) or clitic_noun(key.split()[0]))
                and not _subject_slot(doc.article.text, start, cls)
            )
        ):
            key, start = key[1:], start + 1
        key = aliases.get(key, key)
        if cls == "Person" and key not in aliases:
            key = lexicon_person_with_al(key)
        if key.count(" ") < 2:
            owner = _surname_owner(doc, key)  # the NER may call a surname a place
            if owner:
                key, cls = owner, "Person"
        if cls == "Person" and key not in aliases and key not in doc.entities:
            words = key.split()
            if len(words) == 1 and words[0] in frequent_words():
                continue  # a bare first name (محمد، خالد) would merge different people
            if title_first_words() & bare_forms(words[0]):
                continue  # "ولي ولي العهد": a title, not a name
            if len(words) == 1 and _glued_title(words[0]):
                continue  # "الوزيرالسوري": a title glued to a nisba, not a name
        if cls == "Organization" and key not in aliases and key not in doc.entities:
            common = frequent_words()
            if " " not in key and not key.isascii():
                continue  # one-word organisations from the NER alone are mostly common nouns
            if all(strip_al(w) in common or w in common for w in key.split()):
                continue  # "العصر الذهبي" (the golden age): common words, not a name
        known = index.get(key) or doc.entities.get(key)
        if known is not None:
            cls = known.cls
        if cls != "Person" and _common_in_context(doc.article.text, start, end):
            continue  # "يحاولون النيل من المملكة": to harm, not the Nile
        if doc.add_mention(start, end, key, cls, "ner"):
            doc.add_entity(known or EntityInfo(key, cls, doc.article.text[start:end], source="ner"))


def _conjoined_definite(word: str) -> bool:
    """Whether a folded word reads as و/ف and a definite word (والجيش، فالحكومة): ال and a
    stem of three letters or more after the و/ف — «فالح»، «فالون» are names, not ف + «الح»."""
    return word.startswith(("وال", "فال")) and len(word) >= 6


def _subject_slot(text: str, start: int, cls: str) -> bool:
    """Whether the person named at ``start`` stands right after a title or a speech verb
    («العميد بسام عطية»، «وقال فالون»), where no preposition or conjunction comes before a
    name: its first letter (ب، ف) is then the name's own (بسام، فالون), not a proclitic.

    >>> _subject_slot("وقال العميد بسام عطية", 12, "Person")
    True
    >>> _subject_slot("وقال فالون في تصريح", 5, "Person"), _subject_slot("مر بسام", 3, "Person")
    (True, False)
    """
    if cls != "Person":
        return False
    before = re.findall(r"\w+", text[max(0, start - 30) : start])
    if not before:
        return False
    prev = fold(before[-1])
    return strip_al(prev) in title_first_words() or bool(cue_forms(prev) & _speech_verbs())


@functools.cache
def _speech_verbs() -> frozenset[str]:
    """The one-word speech verbs of ``speech_cues.tsv`` (kind ``verb``), folded."""
    return frozenset(k for k, (kind, _n) in cue_table().items() if kind == "verb" and " " not in k)


@functools.cache
def person_named_heads() -> frozenset[str]:
    """Organisation heads whose name may be a person's name (``org_words.tsv`` kind
    ``person_named``), folded."""
    return org_words()["person_named"]


def _named_after_person(text: str, start: int, cls: str) -> tuple[int, str]:
    """A person's name right after an indefinite head that takes a person's name
    (``org_words.tsv`` kind ``person_named``: جامعة جورج تاون، كتائب عبدالله عزام، مؤسسة آنا
    ليند) names the organisation: the span then starts at the head (after its proclitic
    و/ف/ب/ل) and the class is ``Organization``.  «حكومة نتنياهو»، «مكتب أوباما» stay persons.

    >>> t = "أستاذ في جامعة جورج تاون ومدير"
    >>> s, c = _named_after_person(t, 15, "Person"); t[s:], c
    ('جامعة جورج تاون ومدير', 'Organization')
    >>> _named_after_person("قال الرئيس جورج بوش", 11, "Person")
    (11, 'Person')
    """
    prev = re.search(r"(\w+) $", text[max(0, start - 30) : start])
    if prev is None:
        return start, cls
    word = fold(prev.group(1))
    at = start - len(prev.group(0))
    heads = person_named_heads()
    if word in heads:
        return at, "Organization"
    if len(word) > 4 and word[0] in "وفبل" and word[1:] in heads:
        return at + 1, "Organization"
    return start, cls


def _glued_title(word: str) -> bool:
    """A definite title glued to a definite word (الوزيرالسوري = الوزير السوري).

    >>> _glued_title("الوزيرالسوري"), _glued_title("الشمراني")
    (True, False)
    """
    if not word.startswith("ال"):
        return False
    at = word.find("ال", 3)
    return at > 2 and word[2:at] in title_first_words() and len(word) - at > 3


def _surname_owner(doc: Doc, name: str) -> str | None:
    """The one person of the article whose longer name ends with ``name``
    (فوتل → جوزف فوتل; داود اوغلو → احمد داود اوغلو)."""
    owners = [
        e.key
        for e in doc.entities_ending_with(name.split()[-1] if name.split() else "")
        if e.cls == "Person" and e.key != name and e.key.endswith(" " + name)
    ]
    return owners[0] if len(owners) == 1 else None


component("titles", assigns=("mentions",))(find_persons)
component("org-heads", assigns=("mentions",))(find_organizations)
component("claims", assigns=("claims",))(find_claims)
component("speakers", requires=("sentences", "claims"), assigns=("claims",))(rank_speakers)
component("relations", assigns=("relations",))(find_relations)
component("events", assigns=("events",))(find_events)


@component("coref", assigns=("mentions",))
def _coref(doc: Doc) -> None:
    quoted_places_are_media(doc)
    publisher_mentions(doc)
    quoted_media_names(doc)
    link_name_variants(doc)
    link_national_orgs(doc)
    link_short_org_names(doc)
    link_forces(doc)
    bare_place_names(doc)
    link_place_nouns(doc)
    resolve_short_names(doc)
    resolve_group_singulars(doc)
    resolve_title_refs(doc)
    resolve_generic_org(doc)
    resolve_org_heads(doc)
    resolve_bare_org_nouns(doc)
    capitals_as_states(doc)


DEFAULT_PIPELINE: tuple[str, ...] = (
    "sentences",
    "dates",
    "ner-tags",
    "facilities",
    "lexicon",
    "titles",
    "org-heads",
    "ner",
    "coref",
    "claims",
    "relations",
    "events",
)


def check_pipeline(names: Sequence[str]) -> tuple[str, ...]:
    """Validate component names and that each one's requirements are assigned by an earlier
    one (raises :class:`~extract.errors.UsageError`).

    >>> try:
    ...     check_pipeline(["sentences", "ner"])
    ... except UsageError as e:
    ...     print(str(e)[:55])
    component 'ner' needs ner_tags, which no earlier compon
    """
    unknown = [n for n in names if n not in COMPONENTS]
    if unknown:
        raise UsageError(
            f"unknown extractor component(s) {', '.join(unknown)}; "
            f"available: {', '.join(COMPONENTS)}"
        )
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if list(names).count(n) > 1})
        raise UsageError(f"extractor component(s) {', '.join(dup)} named twice")
    have: set[str] = set()
    for n in names:
        spec = COMPONENTS[n]
        for need in spec.requires:
            if need not in have:
                givers = [c.name for c in COMPONENTS.values() if need in c.assigns]
                raise UsageError(
                    f"component '{n}' needs {need}, which no earlier component assigns "
                    f"(add one of {', '.join(givers)} before it)"
                )
        have.update(spec.assigns)
    return tuple(names)


def article_record(article: Article) -> str:
    """How errors name an article: its URL, else its title, else its content hash."""
    return article.url or (article.title or "")[:80] or article.id


def extract_article(article: Article, pipeline: Sequence[str] = DEFAULT_PIPELINE) -> Extraction:
    """Run the named components over one article and return its :class:`Extraction`.

    A component that raises is reported as :class:`~extract.errors.ExtractError` naming the
    article's source and record, the component and the exception, so that a build can skip
    that one article and go on.
    """
    (result,) = extract_many([article], pipeline)
    if isinstance(result, ExtractError):
        raise result
    return result


def extract_many(
    articles: Sequence[Article], pipeline: Sequence[str] = DEFAULT_PIPELINE
) -> list[Extraction | ExtractError]:
    """:func:`extract_article` for each article, in order, with failures returned (not
    raised): one article's failure never touches the others.  Components with a batch form
    run once over all the articles still going; if that call raises, the component runs on
    each article alone, so that only the article it fails on is lost."""
    names = check_pipeline(pipeline)
    failed: dict[int, ExtractError] = {}

    def guarded(i: int, stage: str, fn: Callable[[], object]) -> object:
        """``fn()``, or ``None`` with article ``i`` marked failed at ``stage``."""
        try:
            return fn()
        except Exception as exc:
            a = articles[i]
            failed[i] = ExtractError(a.source, article_record(a), stage, exc)
            failed[i].__cause__ = exc
            return None

    docs: list[Doc] = [
        guarded(i, "document", functools.partial(Doc.from_article, a))  # type: ignore[misc]
        for i, a in enumerate(articles)
    ]
    for name in names:
        spec = COMPONENTS[name]
        going = [i for i in range(len(docs)) if i not in failed]
        if spec.pipe is not None and len(going) > 1:
            try:
                spec.pipe([docs[i] for i in going])
                continue
            except Exception:  # found below, one article at a time
                pass
        for i in going:
            guarded(i, spec.name, functools.partial(spec.fn, docs[i]))
    finished = {
        i: guarded(i, "freeze", functools.partial(_finish, doc))
        for i, doc in enumerate(docs)
        if i not in failed
    }
    return [failed[i] if i in failed else finished[i] for i in range(len(docs))]  # type: ignore[misc]


def _finish(doc: Doc) -> Extraction:
    _register_referenced(doc)
    return doc.freeze()


def _register_referenced(doc: Doc) -> None:
    """Register the curated entities that facts point at without a mention (a nationality's
    country from a nisba adjective), so that the article's graph, built from its extraction
    alone, can name them."""
    keys = {r.subject for r in doc.relations}
    keys.update(r.obj for r in doc.relations if not r.literal)
    for c in doc.claims:
        keys.update(c.speakers)
        keys.update(c.about)
    for ev in doc.events:
        keys.add(ev.key)
        if ev.place:
            keys.add(ev.place)
    missing = keys - doc.entities.keys()
    if missing:
        index = lexicon_index()
        for key in sorted(missing):
            if key in index:
                doc.add_entity(index[key])


__all__ = [
    "COMPONENTS",
    "DEFAULT_PIPELINE",
    "article_record",
    "check_pipeline",
    "component",
    "extract_article",
    "extract_many",
]
