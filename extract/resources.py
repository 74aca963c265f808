"""Data tables (lexicons, patterns, name lists): TSV files with a header, read by one loader.

Every table has a row type here (a :class:`typing.NamedTuple` whose fields are the file's
columns, in order, or its ``HEADER`` where a column's name is no Python name) and is read with
:func:`load_table`: the header must be exactly the row type's, every row must have that many
cells, ``int`` fields must be integers, and a row type's ``problem`` method may reject a row
(an unknown predicate in ``relation_cues.tsv``).  A bad file raises :class:`TableError` naming
the file and line.  Blank lines and lines starting with ``#`` are comments.  The packaged
tables of ``extract/data`` are :data:`TABLES`; the NER model's name lists
(``extract/models/*.tsv``) are :class:`NerGazetteerRow` and :class:`NerLexiconRow`.

>>> load_table("nisba.tsv", Nisba)[0].country
'الولايات المتحدة'
"""

from __future__ import annotations

import functools
import math
import re
import typing
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from rasd.extract.errors import DataError
from rasd.extract.records import ENTITY_CLASSES, RELATION_PREDICATES

DATA_DIR = Path(__file__).resolve().parent / "data"
R = TypeVar("R", bound=tuple)


class TableError(DataError):
    """A data table is malformed: its message is ``file:line: reason``.

    >>> str(TableError("extract/data/nisba.tsv", 7, "1 field, expected 2"))
    'extract/data/nisba.tsv:7: 1 field, expected 2'
    """

    def __init__(self, path: str | Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = str(path)
        self.line = line
        self.reason = reason


def load_table(source: str | Path, row_type: type[R], *, comments: bool = True) -> tuple[R, ...]:
    """The rows of a TSV table as ``row_type`` tuples.

    ``source`` is the name of a packaged table (``"nisba.tsv"``, in ``extract/data``, read once
    per process) or the path of a file (a :class:`~pathlib.Path`, or a string with a ``/``).
    With ``comments`` (the default) blank lines and lines starting with ``#`` are skipped; model
    files whose words may start with ``#`` pass ``comments=False``.

    >>> load_table("months.tsv", Month)[0]
    Month(name='يناير', month=1, calendar='gregorian', ambiguous='0')
    """
    if isinstance(source, Path) or "/" in source:
        return _read(Path(source), row_type, comments)
    return _packaged(DATA_DIR / source, row_type, comments)


@functools.cache
def _packaged(path: Path, row_type: type[R], comments: bool) -> tuple[R, ...]:
    return _read(path, row_type, comments)


def _read(path: Path, row_type: type[R], comments: bool) -> tuple[R, ...]:
    fields: tuple[str, ...] = row_type._fields  # type: ignore[attr-defined]
    header: tuple[str, ...] = getattr(row_type, "HEADER", fields)
    hints = typing.get_type_hints(row_type)
    ints = [i for i, f in enumerate(fields) if hints[f] is int]
    check = getattr(row_type, "problem", None)
    try:
        # only "\n" ends a line (str.splitlines would also split inside a cell at U+2028 …)
        lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 ({exc.reason})") from exc
    if not lines or tuple(lines[0].split("\t")) != header:
        got = "an empty file" if not lines else repr(lines[0])
        raise TableError(path, 1, f"the header must be {'<TAB>'.join(header)}, got {got}")
    rows: list[Any] = []
    for n, line in enumerate(lines[1:], start=2):
        if comments and (not line.strip() or line.startswith("#")):
            continue
        cells: list[Any] = line.split("\t")
        if len(cells) != len(fields):
            raise TableError(path, n, f"{len(cells)} fields, expected {len(header)}: {header}")
        for i in ints:
            try:
                cells[i] = int(cells[i])
            except ValueError:
                raise TableError(path, n, f"{fields[i]} {cells[i]!r} is not an integer") from None
        row = row_type(*cells)
        if check is not None and (problem := check(row)):
            raise TableError(path, n, problem)
        rows.append(row)
    return tuple(rows)


# -- the packaged tables (extract/data), one row type each ------------------------------------


class AmbiguousWord(NamedTuple):
    """``ambiguous_words.tsv``: common words that are also names, kept out of the lexicon."""

    word: str
    reason: str


class Boilerplate(NamedTuple):
    """``boilerplate.tsv``: a regular expression for site text that is not the article."""

    action: str  # drop_line | end_body | content_footer …
    pattern: str
    note: str

    def problem(self) -> str | None:
        try:
            re.compile(self.pattern)
        except re.error as exc:
            return f"pattern {self.pattern!r} is not a regular expression ({exc})"
        return None


class DateCue(NamedTuple):
    """``date_cues.tsv``: a word of the date finder (preposition, qualifier, relative day …)."""

    kind: str
    word: str
    value: str
    not_followed_by: str
    not_preceded_by: str


class DateOrdinal(NamedTuple):
    """``date_ordinals.tsv``: an ordinal day of the month (الخامس عشر → 15)."""

    word: str
    day: int


class LexiconEntry(NamedTuple):
    """``entities.tsv``: a curated entity with its class, aliases, Latin names, Wikidata ID."""

    label: str
    cls: str
    aliases: str
    latin: str
    wikidata: str

    HEADER = ("label", "class", "aliases", "latin", "wikidata")  # "class" is a Python keyword

    def problem(self) -> str | None:
        if self.cls not in ENTITY_CLASSES:
            return f"unknown class {self.cls!r} (not in the vocabulary, graph/classes.tsv)"
        return None


class EventHead(NamedTuple):
    """``event_heads.tsv``: a head noun of event names (مؤتمر، هجوم …)."""

    head: str
    kind: str


class FrequentWord(NamedTuple):
    """``frequent_words.tsv``: a folded SaudiNewsNet word and its count."""

    word: str
    count: int


class LatinInitial(NamedTuple):
    """``latin_initials.tsv``: an Arabic spelling of a Latin letter name (بي → B)."""

    initial: str
    letter: str


class Month(NamedTuple):
    """``months.tsv``: a month name of either series, Hijri or Syriac/Gregorian."""

    name: str
    month: int
    calendar: str
    ambiguous: str  # "1": also a common word or name


class NameConnector(NamedTuple):
    """``name_connectors.tsv``: a word inside names (بن، أبو، عبد …)."""

    word: str
    note: str
    starts_name: str  # "no": never the first word of a name
    after_given_name: str  # "yes": may follow a given name (أحمد أبو الغيط)
    kin: str  # "son": «X بن Y» links X to his father Y; "father": «أبو»; "-": neither
    case_forms: str  # the word's other case forms, space-separated (أبو: أبي أبا), or "-"

    def problem(self) -> str | None:
        if self.kin not in ("son", "father", "-"):
            return f"kin {self.kin!r} is not son, father or -"
        return None


class NameStopword(NamedTuple):
    """``name_stopwords.tsv``: a word never part of a person's name."""

    word: str
    note: str


class Capital(NamedTuple):
    """``capitals.tsv``: a capital and the country it stands for as a state."""

    capital: str
    country: str


#: The roles of a ``state_words.tsv`` row (the table's header says what each does).
STATE_WORD_ROLES = ("verb", "head", "partner", "pair", "opener", "place", "particle", "relative")


class StateWord(NamedTuple):
    """``state_words.tsv``: a word next to a capital and what it makes of it."""

    word: str
    role: str
    note: str

    def problem(self) -> str | None:
        if self.role not in STATE_WORD_ROLES:
            *others, last = STATE_WORD_ROLES
            return f"role {self.role!r} is not {', '.join(others)} or {last}"
        return None


class Nisba(NamedTuple):
    """``nisba.tsv``: a nisba adjective and its country."""

    adjective: str
    country: str


class LexiconContext(NamedTuple):
    """``lexicon_context.tsv``: a word next to a lexicon name that makes it a common noun
    (النيل من = "to harm"; حماة الوطن = "protectors of the homeland")."""

    form: str
    side: str  # next | previous: where ``word`` stands, relative to ``form``
    word: str
    note: str

    def problem(self) -> str | None:
        if self.side not in ("next", "previous"):
            return f"side {self.side!r} is not next or previous"
        return None


class LexiconSince(NamedTuple):
    """``lexicon_since.tsv``: a lexicon form its entity took in ``year`` (تيك توك 2016, ميتا
    2021): in a text published before that year the form is something else (the tick-tock
    of a clock, another company)."""

    form: str
    year: str
    note: str

    def problem(self) -> str | None:
        if not (self.year.isdigit() and len(self.year) == 4):
            return f"year {self.year!r} is not four digits"
        return None


class NotOrgHead(NamedTuple):
    """``not_org_heads.tsv``: a phrase ending in a head noun that does not start a name."""

    phrase: str
    note: str


class OrgHead(NamedTuple):
    """``org_heads.tsv``: a head noun of organisation names."""

    head: str
    note: str
    definite: str  # "no": ال + head refers back (التنظيم) rather than naming
    media: str  # "yes": heads of media names (صحيفة، وكالة)
    introduces_name: str  # "yes": head + an organisation's name is that organisation
    also_verb: str  # "yes": also a verb with «مع» (تحالف: allied), no head at a clause's start


class FacilityHead(NamedTuple):
    """``facility_heads.tsv``: a noun that makes a named facility or site (مسجد، قاعدة، سجن)."""

    head: str
    note: str
    common_names: str  # "yes": ساحة التحرير — a common noun may be the name


class MediaCue(NamedTuple):
    """``media_cues.tsv``: a noun (قناة، موقع) or لـ after a speech cue before a quoted name
    that makes the name a news medium, and the class it gives."""

    word: str
    kind: str
    note: str


class OrgWord(NamedTuple):
    """``org_words.tsv``: words and phrases that end, extend or rule out an organisation name
    found by its head noun (kinds ``adjective``, ``not_adjective``, ``generic``, ``lam_head``)."""

    word: str
    kind: str
    note: str


class PlaceNoun(NamedTuple):
    """``place_nouns.tsv``: a noun that introduces a place (مدينة، محافظة …)."""

    noun: str
    note: str


class Publisher(NamedTuple):
    """``publishers.tsv``: a publisher code of the corpora, its Arabic name and the country it
    writes from (``-``: not known), so that «المملكة» alone in its articles is that kingdom."""

    code: str
    label: str
    country: str


class StateNounMember(NamedTuple):
    """``state_noun_members.tsv``: a state that a bare noun of ``state_nouns.tsv`` names though
    no form of it in the lexicon starts with that noun (البحرين is a kingdom: «المملكة»)."""

    noun: str
    country: str


class BareOrgNoun(NamedTuple):
    """``bare_org_nouns.tsv``: a definite noun that, standing alone, names one organisation
    when the article names one of its ``context`` names (lexicon names, ``|``-separated):
    «التحالف» in an article on داعش is the international coalition.  Rows of one word are
    tried in file order."""

    word: str
    entity: str
    context: str
    note: str


class RelationCue(NamedTuple):
    """``relation_cues.tsv``: a cue word, the predicate it signals and how to read around it."""

    cue: str
    predicate: str
    pattern: str
    implies: str
    subject: str

    def problem(self) -> str | None:
        if self.predicate not in RELATION_PREDICATES:
            return (
                f"unknown predicate {self.predicate!r}"
                " (not in the vocabulary, graph/predicates.tsv)"
            )
        if self.subject not in RELATION_CUE_SUBJECTS:
            return f"unknown subject position {self.subject!r} (one of {RELATION_CUE_SUBJECTS})"
        return None


#: where the actor of a ``relation_cues.tsv`` cue may stand: after it, on either side, or
#: only before it («تفاعل فلان مع الهاشتاق»: a name after «هاشتاق» is its topic)
RELATION_CUE_SUBJECTS = ("after", "either", "before")


#: the roles of ``relation_words.tsv``
RELATION_WORD_ROLES = (
    "area",
    "direction",
    "expeller",
    "by_agent",
    "adjacent",
    "pronoun_bar",
    "siege",
    "loser",
    "filler",
    "blocker",
    "passive",
    "link",
    "supporters",
    "generic",
    "clause",
    "introducer",
    "site",
    "site_adjective",
    "account",
    "channel",
    "print_sense",
    "site_location",
    "venue",
    "naming",
    "site_publish",
    "subject_opener",
    "agent",
    "account_list",
    "coordinator",
    "object_head",
    "purpose",
    "target",
    "enabler",
    "list_opener",
    "demonstrative",
    "post",
    "complementizer",
    "clause_complementizer",
    "speech_complementizer",
    "modifier",
    "running",
    "follow",
    "follow_people",
    "list_next",
    "launched",
    "aim",
    "expulsion",
    "intent",
    "join",
    "area_of",
    "fall",
    "object_pronoun",
    "members",
    "modal",
    "beneficiary",
    "gainer_stop",
    "loss_noun",
    "control_noun",
    "attempt",
    "conditional",
    "dual_naming",
    "fear",
    "from_under",
    "apposition_head",
    "militants",
    "dual_place",
    "place_preposition",
    "noun_blocker",
    "onset",
    "especially",
    "time_word",
    "list_lead",
)


class RelationWord(NamedTuple):
    """``relation_words.tsv``: words that shape a platform or control relation, by role:
    ``area`` (مجمل، معظم، أراض، مناطق: between «سيطر على» and the place), ``loser`` (أيدي، يد،
    قبضة: «من أيدي X» names the side that lost the place, never the actor), ``filler``
    (كاملة، رجال: between «تحت سيطرة» and its actor), ``blocker`` (لم، محاولة، تم: right
    before a cue, no link), ``passive`` (تم: no agent for a verb of use or publication),
    ``link`` (و، مثل، موقع، التواصل الاجتماعي: between listed platforms, or describing the
    platform named after them), ``supporters`` (مناصريه: «حسابات مناصريه» are accounts of the
    pronoun's supporters), ``generic`` (الإنترنت: a platform that acts against no one),
    ``clause`` (وفق، بينما: opens a clause with its own subject, which a pronoun after it does
    not reach back over) and ``introducer`` (على، عبر، مثل: the word before a platform that
    makes it a link's medium); websites and accounts: ``site`` (موقع), ``site_adjective``
    (الرسمي), ``account`` (معرف، صفحة), ``channel`` (قناة: an account only on a named
    platform), ``print_sense`` (صفحة، حساب: an account noun that may be a printed page or a
    sum: an account only with a platform in its sentence), ``site_location`` (يقع، الأثري:
    around «موقع «…»», a location, not a website), ``venue`` (إستاد، ملعب: before a name, a
    venue, not a platform), ``naming`` (اسم، باسم: between an account noun and its quoted name),
    ``site_publish`` (المنشور، ذكر: before a website, its owner published there) and
    ``account_list`` (حسابات: a plural account noun before a colon and a list of handles);
    ``subject_opener`` (أن، إن: a word after which a country may be the subject of a control
    verb: «وأعلنت أن تركيا سيطرت على»); ``agent`` (عن: «صادر عن X», the one word between a
    verb or participle and its agent); ``coordinator`` (وكذلك: joins a second place object to
    the first: «على الموصل، وكذلك أجزاء من سوريا»); ``object_head`` (سد، جامعة: a noun that
    before a name makes a place the object of a control verb: «على سد كوكب»، «تستعيد جامعة
    الأنبار»); ``purpose`` (عملية، معركة: before a noun of taking, an aim not yet reached:
    «عملية تحرير تعز من الحوثيين», the loser still controls the place); ``target`` (الرقابة،
    الهجمات: before «على <platform>», the platform is what is acted on, not used);
    ``enabler`` (تمكن، نجح: its subject is the actor of the noun of taking after «من/في»:
    «تمكنت القوات من استعادة المدينة»); ``list_opener`` (مثل، أبرزها: after «المناطق الخاضعة
    لسيطرة X», opens the list of the places meant) and ``demonstrative`` (هذه: skipped between
    the opener and the first place); ``post`` (بيان، هدد: before «على <platform>», a post
    there) and ``complementizer`` (أن، إنه: between an actor and «على <platform>», another
    clause with its own subject, and the word that opens reported speech in claims/), with
    ``clause_complementizer`` (لأن: relations/ only) and ``speech_complementizer`` (بأنهم:
    claims/ only); ``modifier`` (غير، بها، دوليا: in a modifier phrase between
    an actor and the relative word whose antecedent it is); ``running`` (وذلك: opens a clause
    with no subject of its own, whose actor is the subject of the sentence's first verb);
    ``follow`` (تابع، متابعة: a header over a bulleted list of accounts followed);
    ``launched`` (موقع، حساب: the object of a verb of launching, before its platform);
    ``direction`` (شمال، جنوب: after «من» and an area word, a part of the place: «على أجزاء
    من شمال سورية»); ``expeller`` (يد، أيدي: «طُرد … من X على يد Y», Y took X) and
    ``adjacent`` (إلى: a blocker only right before a control cue) and ``pronoun_bar`` (إلى،
    انطلاقا من: right before the last place or between it and a cue of taking with «ها», the
    pronoun is not of that place: «قادما من الأنبار … لاستعادتها») with ``siege`` (حصار، هجوم،
    تحاصر: its object, named before such a barred place, is the place meant)."""

    word: str
    role: str
    note: str

    def problem(self) -> str | None:
        if self.role not in RELATION_WORD_ROLES:
            return f"role {self.role!r} not in {RELATION_WORD_ROLES}"
        return None


class SourceNoun(NamedTuple):
    """``source_nouns.tsv``: a noun of unnamed sources (مصدر، مسؤول …), its number and kind
    (``person``; ``document``: بيان، تقرير, never a person named before; ``quantity``: a
    word such as عدد / أحد that may stand before a source noun: عدد من الأكاديميين;
    ``kin``: a family noun (عائلة، أسرة، والدة) whose source is named by the person or noun
    after it, «عائلة فلان», and is never that person)."""

    noun: str
    number: str
    kind: str


class AccordingToWord(NamedTuple):
    """``according_to.tsv``: words of a fronted "according to" phrase, by role: ``fa_inna``
    (فإن، فإنه …: ends the phrase and opens what its source says, «وبحسب الحصيلة، فإن …»),
    ``head`` (حصيلة، إحصائية: a tally the phrase may name as its source)."""

    word: str
    role: str
    note: str


class WordNote(NamedTuple):
    """A word list with a note per word: ``cue_nouns.tsv`` (words that make the verb after
    them a verbal noun), ``cue_blockers.tsv`` (words before a cue that make
    it no statement), ``not_source_phrases.tsv`` (a source noun and the word after it naming
    no source: ضابط الإيقاع), ``not_one_of.tsv`` (words after أحد that make it no person: أحد
    عشر، أحد الأيام، أحد الأسباب), ``superlatives.tsv`` (أبرز، أكبر: after أحد the next
    word tells), ``not_saying.tsv`` (words that govern the أن after them),
    ``quote_in_phrase.tsv`` (words after which a quotation is a phrase),
    ``relay_cues.tsv`` (verbs that pass on what someone else said: نقل),
    ``singular_mun.tsv`` (singular مـ…ون nouns, no plural participle: مخزون، مضمون، مليون),
    ``number_words.tsv`` (cardinals: a group's colon line opening with one is a figure),
    ``interview_words.tsv`` (words of the sentence naming an interviewee: حوار، التقت، لقاء),
    ``interviewer_words.tsv`` (words before the interviewer's name: حاوره، أجرى، حوار:),
    ``ruled_out_objects.tsv`` (nouns of a possibility that استبعد rules out),
    ``published_objects.tsv`` (what نشر/بث put out: تقريرا، مقالا، فيديو),
    ``resumptive_pronouns.tsv`` (فيها of «منطقة ينشط فيها»), ``relative_pronouns.tsv``
    (التي، الذين، اللذان: the claim, relation and coreference layers' one list),
    ``state_nouns.tsv``
    (a bare noun that names the one state of its kind: المملكة), ``subject_adverbs.tsv``
    (آنذاك، أيضا between a speech verb and its subject), ``renewal_verbs.tsv`` (جدد، كرر:
    «جدد X تأكيده» is X's word), ``conditional_openers.tsv`` (هي، لم after a conditional
    «إن»), ``divine_epithets.tsv`` (تعالى، عز وجل after «قوله»: the words are God's)."""

    word: str
    note: str


class SpeechCue(NamedTuple):
    """``speech_cues.tsv``: a speech verb or phrase, direct/reported, and its number;
    ``object`` is ``yes`` for a verb whose noun right after it is mostly its object, not its
    subject (اتهم، طالب، دعا، حذر …: «واتهمت إيران بدعم …»), else ``no``."""

    cue: str
    kind: str
    number: str
    object: str


class SubjectlessWord(NamedTuple):
    """``subjectless_words.tsv``: a word after a cue that shows the cue has no subject."""

    word: str
    note: str


class SpeakerWeight(NamedTuple):
    """``speaker_weights.tsv``: one feature of the speaker ranker and its weight."""

    feature: str
    weight: str

    def problem(self) -> str | None:
        try:
            value = float(self.weight)
        except ValueError:
            return f"weight {self.weight!r} of {self.feature!r} is not a number"
        if not math.isfinite(value):
            return f"weight {self.weight!r} of {self.feature!r} is not finite"
        return None


class Title(NamedTuple):
    """``titles.tsv``: a title before a person's name, with role, group and number."""

    title: str
    role_en: str
    group: str
    number: str
    before_name: str


# -- the NER model's name lists (extract/models) --------------------------------------------


class NerGazetteerRow(NamedTuple):
    """``ner_gazetteer.tsv`` (``extract.ner.crf.write_gazetteer``): a name (normalised tokens,
    space-joined) tagged ``type`` ``count`` times in the NER training data."""

    name: str
    type: str
    count: int


class NerLexiconRow(NamedTuple):
    """``ner_lexicon.tsv`` (``bench/make_ner_lexicon.py``): a normalised name, its type(s),
    where it comes from."""

    name: str
    type: str
    source: str


class NerNetworkRow(NamedTuple):
    """``ner_nn_files.tsv`` (in ``extract/models``): a BiLSTM-CRF model file the default NER
    backends run (a name in that directory), and why it is there; two files or more are run
    as one ensemble (:class:`extract.ner.nn_runtime.NnEnsemble`)."""

    file: str
    note: str


class ClaimWord(NamedTuple):
    """``claim_words.tsv``: the function words the claim extractor tests tokens against, by
    ``group`` (document nouns, prepositions before a name, relative pronouns, …)."""

    group: str
    word: str
    note: str


#: Every packaged table and its row type.
TABLES: dict[str, type[tuple]] = {
    "according_to.tsv": AccordingToWord,
    "claim_words.tsv": ClaimWord,
    "ambiguous_words.tsv": AmbiguousWord,
    "bare_org_nouns.tsv": BareOrgNoun,
    "bare_place_names.tsv": WordNote,
    "boilerplate.tsv": Boilerplate,
    "capitals.tsv": Capital,
    "conditional_openers.tsv": WordNote,
    "cue_blockers.tsv": WordNote,
    "cue_nouns.tsv": WordNote,
    "date_cues.tsv": DateCue,
    "date_ordinals.tsv": DateOrdinal,
    "demonstratives.tsv": WordNote,
    "divine_epithets.tsv": WordNote,
    "election_words.tsv": WordNote,
    "entities.tsv": LexiconEntry,
    "event_heads.tsv": EventHead,
    "facility_heads.tsv": FacilityHead,
    "frequent_words.tsv": FrequentWord,
    "latin_initials.tsv": LatinInitial,
    "lexicon_context.tsv": LexiconContext,
    "lexicon_since.tsv": LexiconSince,
    "media_cues.tsv": MediaCue,
    "months.tsv": Month,
    "name_blessings.tsv": WordNote,
    "name_connectors.tsv": NameConnector,
    "name_stopwords.tsv": NameStopword,
    "nisba.tsv": Nisba,
    "not_org_heads.tsv": NotOrgHead,
    "not_one_of.tsv": WordNote,
    "not_source_phrases.tsv": WordNote,
    "not_saying.tsv": WordNote,
    "org_heads.tsv": OrgHead,
    "org_words.tsv": OrgWord,
    "place_nouns.tsv": PlaceNoun,
    "publishers.tsv": Publisher,
    "quote_in_phrase.tsv": WordNote,
    "relation_cues.tsv": RelationCue,
    "relation_words.tsv": RelationWord,
    "relay_cues.tsv": WordNote,
    "renewal_verbs.tsv": WordNote,
    "singular_mun.tsv": WordNote,
    "number_words.tsv": WordNote,
    "interview_words.tsv": WordNote,
    "interviewer_words.tsv": WordNote,
    "resumptive_pronouns.tsv": WordNote,
    "relative_pronouns.tsv": WordNote,
    "ruled_out_objects.tsv": WordNote,
    "published_objects.tsv": WordNote,
    "said_objects.tsv": WordNote,
    "source_nouns.tsv": SourceNoun,
    "superlatives.tsv": WordNote,
    "speaker_weights.tsv": SpeakerWeight,
    "speech_cues.tsv": SpeechCue,
    "state_noun_members.tsv": StateNounMember,
    "state_nouns.tsv": WordNote,
    "sports_words.tsv": WordNote,
    "state_words.tsv": StateWord,
    "subject_adverbs.tsv": WordNote,
    "subjectless_words.tsv": SubjectlessWord,
    "team_words.tsv": WordNote,
    "titles.tsv": Title,
    "town_openers.tsv": WordNote,
}
