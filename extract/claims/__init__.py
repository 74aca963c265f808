"""Claims: who said what, from direct quotes and reported speech.

A claim needs a speech cue (``speech_cues.tsv``: قال، أكد، حذر من أن، كتب، مضيفاً، بحسب،
وجاء في …) and a speaker; a quoted phrase with no speech act (``"الخلافة الإسلامية"``,
``«خلافة افتراضية»``) stays text.  Speakers are found, in order:

1. after the cue: a person/organisation mention (past titles, nisbas and appositions), a
   title standing for a person named earlier (``الكاتب``، ``الباحثان``), an anonymous source
   (``مصدر في الشرطة الفرنسية``، ``مسؤول أمريكي``) or a new two- or three-word name;
2. for continuations (``مضيفاً``، ``ويتابع``) and subject-less verbs: the last speaker, or the
   nearest person before the cue in the same sentence (with coordinated names: ``X وY اعتبرا``);
3. for documents (``وجاء في هذه الوثيقة``): the last document introduced (``وثيقة بعنوان "…"``).

When the speaker cannot be told, the claim has none (``speaker_status`` "unresolved") rather
than a guess: a subject after the verb that is no known speaker; a subject-less verb after
another person was named (outside what was said) since the running speaker's statement; a
definite title (``المسؤول التركي``) with two candidates or of another nationality; a possessive
noun cue (``قوله``) with several persons before it; a relative pronoun (``التي تقول``) after a
noun that is no speaker; a verb marked passive (``أُعلن``) or an impersonal passive
(``ويقال إن``، ``قيل إن``: kind ``passive``).  Other readings: an honorific
subject (``وأضاف سموه``) is the dignitary who has spoken most; a named source of an
"according to" phrase before a verb reports that whole statement; a media head with a quoted
name (``صحيفة «البلد»``) speaks as that organisation; negations and relative ``من`` before a
cue (``cue_blockers.tsv``) and bare verbs inside a reported clause are no cues.

Also: a country is a speaker only as the subject right after a speech verb with what was said
at once (``قالت إيران إن``); the subject of a sentence opening with a verb that is no cue
(``ربط النائب X بين …``) is whom a later subject-less cue means while nobody else spoke or
was named; a headline title (``نائب بحريني:``) is the one person the article gives that
title; a definite title (``وقال النائب``) is the one person it followed in apposition; a
relative clause (``الذي يعتبر …``) does not end the running report, and a verb inside a «…»
quotation the cue before opened is what was said.  An organisation named after its head noun
(``أعلن تنظيم داعش``) speaks.  A verb after a word of ``cue_nouns.tsv`` (``طالبا عدم كشف
اسمه``) is a verbal noun: no cue, and it does not end the claim it stands in.  A noun of
``said_objects.tsv`` right after the subject (``مسؤوليته عن الهجوم``) opens what was said;
the cues of kind ``responsibility`` (تبنى) are statements only then, and those of kind
``ruling-out`` (استبعد) only with أن or a possibility of ``ruled_out_objects.tsv`` after the
subject (``استبعد المدرب اللاعب من القائمة`` excludes and says nothing); those of kind
``said-that`` (تفيد، يزعم، أقر، زاد) only with a speaker named right after them and reported
speech opening after it (``أقر البرلمان القانون`` approves), and those of kind ``publishing``
(نشر، بث) only with a noun of ``published_objects.tsv`` after the subject, what was said
starting there (``نشرت صحيفة «X» تقريرا عن …``; ``نشرت الوزارة قوات`` deploys).  A
speech verb with و or after «كما», no subject and a noun object with a pronoun ending (``وأكد
دعم بلاده``، ``كما أعلنت استدعاء سفيرها``) or a بـ object (``وطالب بوضعها``) is one more
statement of the running speaker.

The package, one module per concept; each imports only those above it in this list (data
flows one way), and this ``__init__`` holds no logic, only the names other modules, tests and
bench scripts import from ``rasd.extract.claims``:

- ``words``: the shared word tables and small token tests: speaker classes, the gaps a reader
  may cross, relative pronouns, complementisers (:func:`_is_complementiser`), prepositions, cue
  blockers and cue nouns, subject-less cues, :func:`_passive`, the بـ object, plain words.
- ``quotes``: quotation marks: :func:`find_quotes`, the mark closing a quotation or a quoted
  name, quotations still open.
- ``sources``: anonymous sources (``مصدر في الشرطة الفرنسية``), families, titled sources,
  unnamed and quantified groups, the persons a definite title refers back to, the antecedent of
  a relative pronoun.
- ``names``: the person or organisation named right after a cue or title: addressees skipped,
  appositions, quoted names and media heads, ministries standing alone, surnames and single
  names, titled subjects, headline titles, the dignitary a ``سموه`` stands for.
- ``after``: :func:`speakers_after`, the speakers named right after a cue.
- ``according``: "according to" forms: a fronted phrase and its «فإن», a source right before
  its verb, whether a speaker may follow the cue.
- ``objects``: what the cue kinds need after their subject: said, published and ruled-out
  objects, reported speech opening after a ``said-that`` cue.
- ``before``: :func:`speakers_before`, the nearest person before a subject-less cue, and how a
  word before a name reads (:func:`_title_reading`).
- ``content``: what was said (:func:`_content`): documents named by a quote, content after a
  cue's preposition, a complementiser far after the subject, statements cut short.
- ``colon``: a line opening with a speaker and a colon (``الجبير: …``), :func:`_figure_after`.
- ``fronted``: subjects standing before their verb: after كان, right before the cue, opening
  the sentence (with a title or a role), an organisation opening it.
- ``running``: the running speaker: other persons named since, recaps (``جاء ذلك على لسان``),
  the gender of titles and cues, the subject a participle continues, a sentence opening with a
  verb that is no cue.
- ``nouns``: cues that are nouns or look like one: ``عبّر X عن``, verbal nouns and their
  speakers, nouns owned by a renewing verb, the person before a possessive cue (``قوله``).
- ``scripture``: divine epithets after «قوله», verses quoted, God after a verb of prayer.
- ``relays``: relayed speech (``نقل X عن Y قوله``).
- ``clauses``: where a cue stands in its clause: objects, mid-clause cues, coordinated names,
  agreeing adjectives, the clause's start, a country opening it, reasons after it.
- ``interviews``: the interviewee and the answers of an interview.
- ``scan``: :func:`find_claims`, the scan of an article that sends each cue to its readers and
  attaches every statement to its speaker(s).
"""

from __future__ import annotations

# The names read from rasd.extract.claims (pipeline, speaker, tests); the shared tables
# subjectless_words and QUOTE_CLOSERS are those of patterns and text.
from rasd.extract.claims.before import _title_reading
from rasd.extract.claims.colon import _figure_after
from rasd.extract.claims.quotes import _QUOTE_OPEN, find_quotes
from rasd.extract.claims.scan import find_claims
from rasd.extract.claims.words import _RELATIVES, _is_complementiser, _passive
from rasd.extract.patterns import subjectless_words
from rasd.extract.text import QUOTE_CLOSERS

__all__ = [
    "QUOTE_CLOSERS",
    "_QUOTE_OPEN",
    "_RELATIVES",
    "_figure_after",
    "_is_complementiser",
    "_passive",
    "_title_reading",
    "find_claims",
    "find_quotes",
    "subjectless_words",
]
