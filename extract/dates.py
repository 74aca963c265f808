"""Find and normalise dates in Arabic text.

How it works: the text is turned into a *view* (marks and tatweel dropped,
presentation forms replaced by their NFKC form, hamza/alef, yeh/alef maqsura,
teh marbuta/heh and keheh folded one to one) with an offset map back to the
original, so every reported offset is an offset into the text as given.  An
Aho-Corasick automaton finds anchors (four-digit years, a digit before a
calendar suffix, month/weekday/relative words), and one compiled regular
expression, built from the word lists in ``extract/data/months.tsv``,
``date_cues.tsv`` and ``date_ordinals.tsv`` (loaded once per process), runs only
in the windows around them.

Decisions:

* Numeric dates are day-month-year (``06 - 10 - 2017`` is 6 October) or ISO
  year-month-day; never month-first.  Impossible dates are not dates.
* A numeric date whose year is 1343–1500 (the Umm al-Qura range) is Hijri even
  without ``هـ``; any other year is Hijri only with a Hijri suffix (``هـ``،
  ``هجري``، ``للهجرة``) or a Hijri month name.  ``م``/``ميلادي`` marks Gregorian.
* A year-only Hijri date maps to the Gregorian year in which that Hijri year
  begins (``1446 هـ`` → ``2024``: 1 Muharram 1446 is 2024-07-07); a Hijri month
  and year map to the Gregorian month of the first day of that month.  ``hijri``
  keeps the original (``1446``, ``1446-09``, ``1446-09-01``).  Outside 1343–1500
  AH (where ``hijridate`` raises ``OverflowError``) the arithmetic (tabular)
  Islamic calendar is used, which may be a day or two off; values are proleptic
  Gregorian.
* Years: after a year word (``عام 2014``، ``العام``، ``سنة``، ``عامي 2014
  و2015``, each year of a list its own value), after a qualifier (``مطلع 2017``),
  with a calendar suffix, or inside a date phrase.  A bare 1900–2100 number is a
  year only after في/منذ/حتى/خلال (unless a counted noun follows: ``في 2000
  موقع``) or after قبل/بعد/من/إلى/بين when punctuation or a function word follows
  (``قبل 2000 عام`` is not a year).  ``قرار 2170``، ``1314 حالة`` are not years.
* Dual names (``مارس (آذار) 2016``، ``تشرين الأول/أكتوبر``، ``سبتمبر أيلول``) are
  one date; day ranges (``من 15 إلى 17 أيلول 2014``، ``28 و29 يوليو``) give one
  value per day, the first spanning only its number.  A weekday before a full
  date (``يوم الأحد 15 أيلول 2014``) belongs to that date's span.
* Qualifiers (early/mid/late/about) come from ``date_cues.tsv``; ``نحو 2000``
  without a year word is a count, not an "about" year.
* Relative expressions (``أمس``، ``امس الاول``، ``اليوم``، ``يوم الجمعة
  الماضي``، ``الشهر الماضي``، ``العام المقبل``) are resolved only against
  ``published`` and marked ``inferred``; without it they are skipped.  A weekday
  needs ``يوم``/``صباح``... before it or ``الماضي``/``الأخيرة``/``المقبل`` after
  it: past means the latest such day strictly before publication, next the first
  strictly after, and a plain ``يوم الجمعة`` the latest on or before it.  Days
  and weekdays need a day-precision ``published``.  Weeks (``الأسبوع الماضي``)
  are skipped: a week has no precision of its own and month precision would be
  wrong near month ends.  ``اليوم`` followed by a definite word (``اليوم
  العالمي``، ``اليوم التالي``) or after في/هذا/ذلك (``200 وحدة في اليوم``) is
  not today.
* A month or a day and month without a year take the (Gregorian or Hijri) year
  of ``published`` (``inferred``); without it they are skipped.  ``الماضي`` after
  the month means the latest such month before the publication month (``أكتوبر
  الماضي`` published in July 2015 is 2014-10), ``المقبل`` the first from the
  publication month on, ``من العام الماضي`` the year before.  A bare month
  name needs a cue (``في أيلول``، ``بمارس``، ``شهر رمضان``); names that are also
  common words or given names (``رمضان``، ``رجب``، ``آب``; ``ambiguous`` in
  ``months.tsv``) need ``شهر`` or في/منذ/حتى/خلال.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import ahocorasick
from hijridate import Gregorian, Hijri

from rasd.extract.folding import DATE_MARKS, date_letters
from rasd.extract.records import DateValue
from rasd.extract.resources import DateCue, DateOrdinal, Month, load_table

__all__ = ["find_dates", "hijri_to_gregorian", "parse_date"]


# tatweel, harakat, Quranic marks, and invisible format characters (soft hyphen, ZWNJ,
# ZWJ, LRM, RLM, Arabic letter mark) that may sit inside a word: the date view's variant of
# extract/folding.py
_MARK_CHARS = DATE_MARKS
_MARKS = "".join(f"\\u{ord(c):04x}" for c in _MARK_CHARS)  # for [...]
_PRES = "\ufb50-\ufdff\ufe70-\ufeff"  # Arabic presentation forms
_DIG = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_SPECIAL = re.compile(f"[{_MARKS}{_PRES}]+")
_STRIP_MARKS = re.compile(f"[{_MARKS}]")
_SPACES = re.compile(r"\s+")
_TAIL = re.compile(r"\w*\s*\w*")
# Hijri years that are read as Hijri in numeric dates without a suffix.
_UQ_FIRST, _UQ_LAST = 1343, 1500
# Bare years (cued only by a preposition) are accepted in this range.
_BARE_FIRST, _BARE_LAST = 1900, 2100
# Years after an explicit year cue (عام، سنة) or a month name.
_CUED_FIRST, _CUED_LAST = 1000, 2199
# Context kept around an anchor (a digit run or a month/weekday/relative word).
_BEFORE, _AFTER = 28, 24
# Tokens of relative phrases too common to be anchors by themselves.
_WEAK_TOKENS = frozenset({"من", "هذا", "هذه", "اول", "الاول", "يوم"})


def _norm(s: str) -> str:
    """Fold a word for matching and look-up: NFKC, no marks or tatweel, folded letters.

    >>> _norm("أَيْلُـول") == _norm("ايلول")
    True
    """
    s = unicodedata.normalize("NFKC", s)
    s = _fold(_STRIP_MARKS.sub("", s))
    return _SPACES.sub(" ", s).strip()


def _lit(word: str) -> str:
    """Regex for a folded ``word``, any run of white space between its tokens."""
    return r"\s+".join(re.escape(tok) for tok in _norm(word).split())


def _alternation(words: Sequence[str]) -> str:
    """Regex matching any of the folded ``words``, as a trie so that it runs fast.

    A word that is a prefix of another is tried after it (longest first), and a
    space inside a word matches any run of white space.

    >>> re.fullmatch(_alternation(["ربيع الأول", "ربيع الآخر"]), "ربيع  الاخر") is not None
    True
    """
    trie: dict[str, dict] = {}
    for w in {_norm(w) for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(trie) + ")"


@dataclass(frozen=True, slots=True)
class _Tables:
    """Everything loaded from the data files, compiled once per process."""

    pattern: re.Pattern[str]
    anchors: ahocorasick.Automaton  # date words and year-like digit strings
    months: dict[str, tuple[int, str, bool]]  # folded name -> (month, calendar, ambiguous)
    ordinals: dict[str, int]  # folded ordinal (الخامس عشر) -> day of the month
    suffixes: dict[str, str]  # folded suffix -> calendar
    quals: dict[str, str]  # folded word -> qualifier
    weekdays: dict[str, int]
    mods: dict[str, str]  # folded modifier (الماضي، المقبل، الجاري) -> past/next/current
    relative: dict[str, str]  # folded phrase -> "unit:offset"
    proclitics: str
    prep_tail: re.Pattern[str]  # a preposition or month cue ending right before a match
    strong_tail: re.Pattern[str]  # a preposition that makes a following number a year
    year_follow: re.Pattern[str]  # what may follow a bare year after a weak preposition
    count_follow: re.Pattern[str]  # a counted noun: "2000 شخص" is no year
    list_year: re.Pattern[str]  # one year (with optional suffix) inside a year list


@cache
def _tables() -> _Tables:
    """Load the TSV tables and compile the finder (cached per process)."""
    month_rows = load_table("months.tsv", Month)
    months = {_norm(r.name): (r.month, r.calendar, r.ambiguous == "1") for r in month_rows}
    cues: dict[str, list[tuple[str, str, str]]] = {}
    guards: dict[str, str] = {}  # relative word -> negative look-behinds
    for row in load_table("date_cues.tsv", DateCue):
        cues.setdefault(row.kind, []).append((row.word, row.value, row.not_followed_by))
        if row.not_preceded_by not in ("", "-"):
            guards[row.word] = "".join(f"(?<!{_lit(w)} )" for w in row.not_preceded_by.split("|"))

    def words(kind: str) -> list[str]:
        return [w for w, _, _ in cues.get(kind, [])]

    month_re = _alternation([r.name for r in month_rows])
    ordinal_rows = load_table("date_ordinals.tsv", DateOrdinal)
    year_cue = _alternation(words("year_cue"))
    of = _alternation(words("of"))
    suffix = _alternation(words("suffix"))
    qual = _alternation(words("qual"))
    month_cue = _alternation(words("month_cue"))
    day_cue = _alternation(words("day_cue"))
    weekday = _alternation(words("weekday"))
    mod = _alternation(words("mod"))
    day_range = _alternation(words("day_range"))
    proclitics = "".join(_norm(w) for w in words("proclitic"))
    proclitic = "[" + re.escape(proclitics) + "]"

    # relative phrases: the plain ones as one trie, tried before those with guards
    # (``اليوم`` not before a definite word, ``أمس`` not in ``أمس الحاجة``)
    plain, guarded = [], []
    for w, _, nfb in sorted(cues.get("relative", []), key=lambda c: -len(c[0])):
        if nfb in ("", "-") and w not in guards:
            plain.append(w)
        else:
            after = f"(?!\\s+{_lit(nfb)})" if nfb not in ("", "-") else ""
            guarded.append(guards.get(w, "") + _lit(w) + after)
    relative = "(?:" + "|".join([_alternation(plain), *guarded]) + ")"
    rel_years = [w for w, v, _ in cues.get("relative", []) if v.startswith("year:")]
    relative_year = _alternation(rel_years)
    ordinal = _alternation([r.word for r in ordinal_rows])

    def weekday_prefix(before: str) -> str:
        return f"(?:(?:{day_cue}\\s+)?{weekday}\\s*[،,]?\\s*(?={before}))?"

    wb = r"(?!\w)"  # right boundary after a word
    db = f"(?!{_DIG})"  # right boundary after a number
    d12 = f"{_DIG}{{1,2}}"
    y4 = f"{_DIG}{{4}}"
    # a year: four digits, or one to three when a calendar suffix follows (61 هـ، 622 م)
    year = f"(?:{y4}{db}|{_DIG}{{1,3}}{db}(?=\\s*{suffix}{wb}))"

    def suf(group: str) -> str:
        return f"(?:\\s*(?P<{group}>{suffix}){wb})?"

    numeric = (
        f"{weekday_prefix(_DIG)}(?:(?P<n_d>{d12})\\s*(?P<n_s>[-/.])\\s*(?P<n_m>{d12})\\s*(?P=n_s)\\s*(?P<n_y>{y4})"
        f"|(?P<i_y>{y4})\\s*(?P<i_s>[-/.])\\s*(?P<i_m>{d12})\\s*(?P=i_s)\\s*(?P<i_d>{d12}))"
        f"{db}(?!\\s*[-/.:]\\s*{_DIG}){suf('n_suf')}"
    )
    phrase = (
        f"(?:{weekday_prefix(_DIG + '|' + ordinal)}"
        f"(?:(?P<p_d0>{d12}){db}\\s*{day_range}\\s*(?={_DIG}))?"
        f"(?:(?P<p_d>{d12}){db}|(?P<p_o>{ordinal})\\s)\\s*(?:{of}\\s+)?"
        f"|(?P<p_cue>{month_cue})\\s+)?"
        f"(?P<p_m>{month_re})"
        f"(?:\\s*\\(\\s*(?P<p_m2>{month_re})\\s*\\)|\\s*/\\s*(?P<p_m3>{month_re})"
        f"|\\s+(?P<p_m4>{month_re}))?"
        f"(?:\\s*[،,]?\\s*(?:{of}\\s+)?(?:{year_cue}\\s*)?(?P<p_y>{year}){suf('p_suf')}"
        f"|\\s+(?P<p_mod>{mod})"
        f"|\\s+(?:{of}\\s+)?(?P<p_rel>{relative_year}))?"
        f"{wb}"
    )
    years = (
        f"(?P<y_cue>{year_cue})\\s*(?P<y_list>{year}(?:\\s*{suffix}{wb})?"
        f"(?:\\s*[-–،,]?\\s*(?:و\\s*)?(?:{year_cue}\\s*)?{y4}{db}(?:\\s*{suffix}{wb})?)*)"
    )
    suffixed = f"(?P<s_y>{_DIG}{{1,4}}){db}\\s*(?P<s_suf>{suffix}){wb}"
    rel = (
        f"(?P<r_cue>{day_cue}\\s+)?"
        f"(?:(?P<r_wd>{weekday})(?:\\s+(?P<r_mod>{mod}))?"
        f"|(?P<r_rel>{relative})(?:\\s+{weekday})?){wb}"
    )
    bare = f"(?P<b_y>{y4}){db}"
    master = (
        f"(?<!\\w)(?P<pre>{proclitic}{{0,2}}?)"
        f"(?P<core>(?:(?P<q>{qual})\\s+(?:{month_cue}\\s+)?)?"
        f"(?:(?P<num>{numeric})|(?P<phrase>{phrase})|(?P<years>{years})"
        f"|(?P<suffixed>{suffixed})|(?P<rel>{rel})|(?P<bare>{bare})))"
    )

    # a month name is anchored by its first token, or its last when the first is short
    # and common (ذو الحجة → الحجه)
    keys = {
        toks[0] if len(toks[0]) >= 3 else toks[-1]
        for toks in (_norm(r.name).split() for r in month_rows)
    }
    keys |= {_norm(w) for w in words("weekday")}
    for w in words("relative"):
        keys |= set(_norm(w).split()) - _WEAK_TOKENS
    automaton = ahocorasick.Automaton()
    for k in keys:
        automaton.add_word(k, (len(k), "word"))
    # digit anchors: four-digit numbers 1000–2199 in the three digit scripts (found by
    # their first two digits, checked in _windows), and a digit before the
    # start of a calendar suffix (61 هـ، 622 م، 630 للميلاد)
    heads = {_norm(w)[:2] for w in words("suffix")}
    heads = {h for h in heads if not any(h != o and h.startswith(o) for o in heads)}
    for zero in ("0", "\u0660", "\u06f0"):
        shift = ord(zero) - ord("0")
        for century in range(_CUED_FIRST // 100, _CUED_LAST // 100 + 1):  # 10 … 21
            key = "".join(chr(ord(c) + shift) for c in str(century))
            automaton.add_word(key, (2, "year"))
        for digit in range(10):
            for head in heads:
                for tail in (head, " " + head):
                    automaton.add_word(chr(ord(zero) + digit) + tail, (1 + len(tail), "suffix"))
    automaton.make_automaton()

    prep = _alternation(words("prep") + words("month_cue"))
    follow = _alternation(words("year_follow"))
    strong = _alternation([w for w, v, _ in cues.get("prep", []) if v == "strong"])
    counted = _alternation(words("count_noun"))
    return _Tables(
        pattern=re.compile(master),
        anchors=automaton,
        months=months,
        ordinals={_norm(r.word): r.day for r in ordinal_rows},
        suffixes={_norm(w): v for w, v, _ in cues.get("suffix", [])},
        quals={_norm(w): v for w, v, _ in cues.get("qual", [])},
        weekdays={_norm(w): int(v) for w, v, _ in cues.get("weekday", [])},
        mods={_norm(w): v for w, v, _ in cues.get("mod", [])},
        relative={_norm(w): v for w, v, _ in cues.get("relative", [])},
        proclitics=proclitics,
        prep_tail=re.compile(f"(?<!\\w){proclitic}?{prep}\\s*$"),
        strong_tail=re.compile(f"(?<!\\w){proclitic}?{strong}\\s*$"),
        year_follow=re.compile(f"\\s*(?:$|[^\\w\\s]|\\n|{follow}{wb})"),
        count_follow=re.compile(f"\\s*{counted}"),
        list_year=re.compile(f"(?P<y>{year})(?:\\s*(?P<suf>{suffix}){wb})?"),
    )


# --------------------------------------------------------------------------- calendars


def _tabular_hijri(y: int, m: int, d: int) -> date:
    """Arithmetic (civil) Islamic calendar, used outside the Umm al-Qura range."""
    epoch = date(622, 7, 19).toordinal()  # 1 Muharram 1 AH
    days = d + math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + (3 + 11 * y) // 30
    return date.fromordinal(epoch - 1 + days)


def hijri_to_gregorian(year: int, month: int = 1, day: int = 1) -> date | None:
    """Convert a Hijri date to a Gregorian :class:`datetime.date`.

    Umm al-Qura (``hijridate``) for 1343–1500 AH, the tabular calendar outside it;
    ``None`` for an impossible date (month 13, day 30 of a 29-day month).

    >>> hijri_to_gregorian(1446, 9, 1)
    datetime.date(2025, 3, 1)
    >>> hijri_to_gregorian(1446)
    datetime.date(2024, 7, 7)
    """
    if not (1 <= month <= 12 and 1 <= day <= 30) or year < 1:
        return None
    try:
        g = Hijri(year, month, day).to_gregorian()
    except OverflowError:
        try:
            return _tabular_hijri(year, month, day)
        except (ValueError, OverflowError):
            return None
    except ValueError:
        return None
    return date(g.year, g.month, g.day)


def _hijri_of(d: date) -> tuple[int, int, int]:
    """Hijri ``(year, month, day)`` of the Gregorian date ``d``.

    >>> _hijri_of(date(2017, 11, 4))
    (1439, 2, 15)
    """
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
        return h.year, h.month, h.day
    except (OverflowError, ValueError):
        pass
    guess = int((d.toordinal() - date(622, 7, 19).toordinal()) / 354.367) + 1
    best = (max(1, guess - 1), 1, 1)
    for y in range(max(1, guess - 1), guess + 2):
        for m in range(1, 13):
            start = _tabular_hijri(y, m, 1)
            if start <= d:
                best = (y, m, (d - start).days + 1)
    return best


# "سبتمبر وديسمبر 2014", "من مايو إلى يوليو 2015": the second month's year, right after it
_SHARED_YEAR = re.compile(r"\s*(?:و|الي|الى|إلى|حتي|حتى|[-–])\s*\S+\s+(\d{4})(?!\d)")


def _year_of(
    month: int, day: int | None, mod: str | None, ry: int, rm: int | None, rd: int | None
) -> int:
    """Year of a month (and day) given without one, relative to a reference date.

    ``past`` (الماضي) is the latest such month before the reference month, ``next``
    (المقبل) the first from the reference month on (publication dates often lag
    the writing); otherwise the reference year.

    >>> _year_of(10, None, "past", 2015, 7, 21), _year_of(6, None, "past", 2015, 7, 21)
    (2014, 2015)
    """
    if mod not in ("past", "next") or rm is None:
        return ry
    here = (month, day if day is not None else 0)
    ref = (rm, rd if (rd is not None and day is not None) else 0)
    if mod == "past":
        return ry if here < ref else ry - 1
    return ry if here >= ref else ry + 1  # "يوليو المقبل" written in July: this July


def _valid_day(y: int, m: int, d: int) -> date | None:
    """The Gregorian date, or ``None`` when it does not exist."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


# --------------------------------------------------------------------------- building values


def _value(
    y: int,
    m: int | None,
    d: int | None,
    calendar: str,
    original: str,
    start: int,
    end: int,
    qualifier: str | None = None,
    inferred: bool = False,
) -> DateValue | None:
    """A :class:`DateValue` from year/month/day in ``calendar``, or ``None`` if impossible."""
    hijri: str | None = None
    if calendar == "hijri":
        g = hijri_to_gregorian(y, m or 1, d or 1)
        if g is None:
            return None
        if d is not None and m is not None:
            value, precision, hijri = g.isoformat(), "day", f"{y:04d}-{m:02d}-{d:02d}"
        elif m is not None:
            value, precision, hijri = f"{g.year:04d}-{g.month:02d}", "month", f"{y:04d}-{m:02d}"
        else:
            value, precision, hijri = f"{g.year:04d}", "year", str(y)
    elif not 1 <= y <= 9999 or (m is not None and not 1 <= m <= 12):
        return None
    elif d is not None and m is not None:
        g = _valid_day(y, m, d)
        if g is None:
            return None
        value, precision = g.isoformat(), "day"
    elif m is not None:
        value, precision = f"{y:04d}-{m:02d}", "month"
    else:
        value, precision = f"{y:04d}", "year"
    return DateValue(
        value=value,
        precision=precision,
        original=original,
        start=start,
        end=end,
        calendar="hijri" if calendar == "hijri" else "gregorian",
        hijri=hijri,
        qualifier=qualifier,
        inferred=inferred,
    )


def _published_day(published: DateValue | None) -> date | None:
    """The publication date as a :class:`date` when it has day precision."""
    if published is None or published.precision != "day":
        return None
    try:
        return date.fromisoformat(published.value)
    except ValueError:
        return None


def _published_ym(published: DateValue | None) -> tuple[int | None, int | None]:
    """Year and month (either may be ``None``) of the publication date."""
    if published is None:
        return None, None
    parts = published.value.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else None
    except ValueError:
        return None, None
    return y, m


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    """``(y, m)`` moved by ``k`` months."""
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


# --------------------------------------------------------------------------- the finder
# (``int`` reads Arabic-Indic and Persian digits as well as Latin ones.)


class _Finder:
    """Turns matches of the master pattern into :class:`DateValue` objects."""

    def __init__(
        self, text: str, view: str, omap: _OffsetMap | None, published: DateValue | None
    ) -> None:
        self.t = _tables()
        self.text = text  # the original
        self.view = view  # what the pattern runs on: folded, without marks or tatweel
        self.omap = omap  # view <-> original offsets (None: identity)
        self.published = published
        self.last_end = -1  # view offset where the last accepted date ended

    def span(self, s: int, e: int) -> tuple[int, int]:
        """Original offsets of the view span ``[s, e)`` (trailing marks included)."""
        if self.omap is None:
            return s, e
        return self.omap.back(s), max(self.omap.back(e), self.omap.back(e - 1) + 1)

    def make(
        self,
        s: int,
        e: int,
        y: int,
        m: int | None,
        d: int | None,
        cal: str,
        qual: str | None = None,
        inferred: bool = False,
    ) -> DateValue | None:
        """Build a value for the view span ``[s, e)``."""
        os_, oe = self.span(s, e)
        return _value(y, m, d, cal, self.text[os_:oe], os_, oe, qual, inferred)

    def cued(self, m: re.Match[str], strict: bool = False) -> bool:
        """Whether a preposition (or, unless ``strict``, a proclitic) stands before ``m``.

        ``strict`` ignores the conjunctions و/ف, which also precede verbs (ومارس).
        """
        pre = m.group("pre")
        if pre and (not strict or pre.strip("وف")):
            return True
        s = m.start("core")
        return self.t.prep_tail.search(self.view, max(0, s - 16), s) is not None

    def convert(self, m: re.Match[str]) -> list[DateValue]:
        """All values of one match (empty when the match is not a date)."""
        t = self.t
        s, e = m.start("core"), m.end("core")
        q = t.quals.get(_norm(m.group("q"))) if m.group("q") else None
        if m.group("num"):
            return self._numeric(m, s, e, q)
        if m.group("phrase"):
            return self._phrase(m, s, e, q)
        if m.group("years"):
            return self._years(m, s, q)
        if m.group("suffixed"):
            y = int(m.group("s_y"))
            cal = t.suffixes[_norm(m.group("s_suf"))]
            if cal == "gregorian" and (len(m.group("s_y")) < 4 or y < 1000):
                return []  # "5 م" is five p.m., "30 م" thirty metres
            if cal == "hijri" and _norm(m.group("s_suf")) == "ه" and len(m.group("s_y")) < 4:
                return []
            v = self.make(s, e, y, None, None, cal, q)
            return [v] if v else []
        if m.group("rel"):
            return self._relative(m, s, e, q)
        # a bare four-digit year: needs a qualifier or a preposition before it, so that
        # counts and resolution numbers are left alone (قرار 2170، 1314 حالة)
        y = int(m.group("b_y"))
        if not _BARE_FIRST <= y <= _BARE_LAST:
            return []
        listed = m.group("pre") == "و" and 0 <= m.start() - self.last_end <= 2  # 2016 و2017
        if q is None and not listed:
            if not self.cued(m, strict=True):
                return []
            if t.strong_tail.search(self.view, max(0, s - 16), s):  # في، منذ، حتى، خلال
                if t.count_follow.match(self.view, e):  # "في 2000 موقع"
                    return []
            elif not t.year_follow.match(self.view, e):  # قبل، بعد، من: "قبل 2000 عام"
                return []
        if q == "about":
            return []  # "نحو 2000" is a count
        v = self.make(s, e, y, None, None, "gregorian", q)
        return [v] if v else []

    def _numeric(self, m: re.Match[str], s: int, e: int, q: str | None) -> list[DateValue]:
        if m.group("n_y"):
            y, mo, d = int(m.group("n_y")), int(m.group("n_m")), int(m.group("n_d"))
        else:
            y, mo, d = int(m.group("i_y")), int(m.group("i_m")), int(m.group("i_d"))
        suf = m.group("n_suf")
        cal = self.t.suffixes[_norm(suf)] if suf else None
        if cal is None:
            cal = "hijri" if _UQ_FIRST <= y <= _UQ_LAST else "gregorian"
        v = self.make(s, e, y, mo, d, cal, q)
        return [v] if v else []

    def _phrase(self, m: re.Match[str], s: int, e: int, q: str | None) -> list[DateValue]:
        t = self.t
        month, cal, ambiguous = t.months[_norm(m.group("p_m"))]
        if m.group("p_d"):
            d: int | None = int(m.group("p_d"))
        elif m.group("p_o"):
            d = t.ordinals[_norm(m.group("p_o"))]
        else:
            d = None
        if m.group("p_y"):
            y = int(m.group("p_y"))
            explicit = m.group("p_suf") is not None  # a suffix vouches for any year
            if cal == "gregorian" and not explicit and not _CUED_FIRST <= y <= _CUED_LAST:
                return []
            return self._days(m, s, e, y, month, d, cal, q, False)
        # no year: needs the publication date, and some cue for a bare month name
        if d is None and not (m.group("p_cue") or q or m.group("p_mod") or m.group("p_rel")):
            # a bare month name: "في أيلول"; names that are also words or given names
            # (رمضان، رجب، آب) need a strong preposition (في، منذ، حتى، خلال)
            s0 = m.start()
            if ambiguous:
                if not self.t.strong_tail.search(self.view, max(0, s0 - 16), s0):
                    return []
            elif not self.cued(m, strict=True):
                return []
        shared = _SHARED_YEAR.match(self.view, e)
        if shared and not m.group("p_rel") and _CUED_FIRST <= int(shared.group(1)) <= _CUED_LAST:
            # "بين سبتمبر وديسمبر 2014": the pair shares the year written after it
            return self._days(m, s, e, int(shared.group(1)), month, d, cal, q, True)
        ref = self._reference(cal)
        if ref is None:
            return []
        ry, rm, rd = ref
        if m.group("p_rel"):
            y = ry + int(t.relative[_norm(m.group("p_rel"))].partition(":")[2])
        else:
            mod = t.mods.get(_norm(m.group("p_mod"))) if m.group("p_mod") else None
            y = _year_of(month, d, mod, ry, rm, rd)
        return self._days(m, s, e, y, month, d, cal, q, True)

    def _days(
        self,
        m: re.Match[str],
        s: int,
        e: int,
        y: int,
        month: int,
        d: int | None,
        cal: str,
        q: str | None,
        inferred: bool,
    ) -> list[DateValue]:
        """The value of a phrase, preceded by the first day of a range (``28 و29 يوليو``)."""
        out = []
        if m.group("p_d0"):
            first = self.make(s, m.end("p_d0"), y, month, int(m.group("p_d0")), cal, q, inferred)
            if first:
                out.append(first)
                s = m.start("p_d")
        v = self.make(s, e, y, month, d, cal, q, inferred)
        return [*out, v] if v else out

    def _reference(self, cal: str) -> tuple[int, int | None, int | None] | None:
        """Year, month and day of publication in ``cal`` (month/day may be unknown)."""
        py, pm = _published_ym(self.published)
        if py is None:
            return None
        if cal == "gregorian":
            pub = _published_day(self.published)
            return py, pm, pub.day if pub else None
        pub = _published_day(self.published)
        if pub is None:
            return _hijri_of(date(py, pm or 7, 1))[0], None, None
        return _hijri_of(pub)

    def _years(self, m: re.Match[str], s: int, q: str | None) -> list[DateValue]:
        out = []
        base = m.start("y_list")
        for i, ym in enumerate(self.t.list_year.finditer(m.group("y_list"))):
            y = int(ym.group("y"))
            suf = ym.group("suf")
            cal = self.t.suffixes[_norm(suf)] if suf else "gregorian"
            if not suf and not _CUED_FIRST <= y <= _CUED_LAST:
                continue
            vs = s if i == 0 else base + ym.start()
            v = self.make(vs, base + ym.end(), y, None, None, cal, q)
            if v:
                out.append(v)
        return out

    def _relative(self, m: re.Match[str], s: int, e: int, q: str | None) -> list[DateValue]:
        t = self.t
        pub = _published_day(self.published)
        if m.group("r_wd"):
            mod = t.mods.get(_norm(m.group("r_mod"))) if m.group("r_mod") else None
            if pub is None or not (mod or m.group("r_cue")):
                return []
            wd = t.weekdays[_norm(m.group("r_wd"))]
            if mod == "next":
                day = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
            elif mod == "past":
                day = pub - timedelta(days=(pub.weekday() - wd) % 7 or 7)
            else:  # "يوم الجمعة": the latest such day on or before publication
                day = pub - timedelta(days=(pub.weekday() - wd) % 7)
            v = self.make(s, e, day.year, day.month, day.day, "gregorian", q, True)
            return [v] if v else []
        unit, _, off = t.relative[_norm(m.group("r_rel"))].partition(":")
        k = int(off)
        if unit == "day":
            if pub is None:
                return []
            day = pub + timedelta(days=k)
            v = self.make(s, e, day.year, day.month, day.day, "gregorian", q, True)
        else:
            py, pm = _published_ym(self.published)
            if py is None:
                return []
            if unit == "year":
                v = self.make(s, e, py + k, None, None, "gregorian", q, True)
            else:
                if pm is None:
                    return []
                y2, m2 = _shift_month(py, pm, k)
                v = self.make(s, e, y2, m2, None, "gregorian", q, True)
        return [v] if v else []


#: Fold letters one to one (offsets survive): one alef, one yeh, heh for teh marbuta, and the
#: Persian letters (extract/folding.py, the date view).
_fold = date_letters


class _OffsetMap:
    """Maps indices of the matching view back to the original text and forth.

    The view is made of pieces, each either copied verbatim from the original
    (``linear``) or the NFKC expansion of one presentation-form character.
    """

    def __init__(self, pieces: list[tuple[int, int, int, bool]], n_view: int, n_text: int):
        pieces.append((n_view, n_text, 0, True))
        self.vstarts = [p[0] for p in pieces]
        self.ostarts = [p[1] for p in pieces]
        self.pieces = pieces

    def back(self, v: int) -> int:
        """Original index of view index ``v`` (``len(view)`` maps to ``len(text)``)."""
        vs, os_, _, linear = self.pieces[bisect_right(self.vstarts, v) - 1]
        return os_ + (v - vs) if linear else os_

    def forth(self, o: int) -> int:
        """First view index at or after original index ``o``."""
        vs, os_, length, linear = self.pieces[bisect_right(self.ostarts, o) - 1]
        if o == os_:
            return vs
        return vs + min(o - os_, length) if linear else vs + length


def _special_spans(text: str) -> list[tuple[int, int]]:
    """Runs of marks, tatweel and presentation forms in ``text``.

    Faster than scanning with :data:`_SPECIAL`: ``in`` tests for each mark, and the
    regex only when the UTF-8 form holds a 0xEF byte (U+F000–U+FFFF, which covers
    the presentation forms).
    """
    if b"\xef" in text.encode("utf-8", "surrogatepass"):
        return [m.span() for m in _SPECIAL.finditer(text)]
    positions = []
    for ch in _MARK_CHARS:
        if ch in text:
            i = text.find(ch)
            while i >= 0:
                positions.append(i)
                i = text.find(ch, i + 1)
    positions.sort()
    spans: list[tuple[int, int]] = []
    for i in positions:
        if spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans


def _view(text: str) -> tuple[str, _OffsetMap | None]:
    """The text the pattern runs on, and how its offsets map to ``text``.

    Marks and tatweel are dropped, presentation forms replaced by their NFKC form,
    and letters folded one to one (:func:`_fold`).  The map is ``None`` when
    nothing was dropped or replaced.
    """
    spans = _special_spans(text)
    if not spans:
        return _fold(text), None
    parts: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    prev = vpos = 0
    for s, e in spans:
        if s > prev:
            parts.append(text[prev:s])
            pieces.append((vpos, prev, s - prev, True))
            vpos += s - prev
        for i in range(s, e):
            if _STRIP_MARKS.match(text, i):
                continue
            n = _STRIP_MARKS.sub("", unicodedata.normalize("NFKC", text[i]))
            if not n or n.isspace():  # isolated harakat forms: a space and a mark
                continue
            parts.append(n)
            pieces.append((vpos, i, len(n), len(n) == 1))
            vpos += len(n)
        prev = e
    if prev < len(text):
        parts.append(text[prev:])
        pieces.append((vpos, prev, len(text) - prev, True))
        vpos += len(text) - prev
    return _fold("".join(parts)), _OffsetMap(pieces, vpos, len(text))


def _windows(view: str, t: _Tables) -> list[tuple[int, int]]:
    """Merged spans of ``view`` around anchors: year-like digit strings and date words.

    Every date expression holds an anchor, so the full pattern only runs near them.
    """
    n = len(view)
    hits: list[int] = []
    for last, (length, kind) in t.anchors.iter(view):
        s, e = last + 1 - length, last + 1
        if kind == "word":
            if e < n and view[e].isalnum():
                continue
            if s > 0 and view[s - 1].isalpha():  # a digit may touch it: 3صفر
                k = s  # allow one or two proclitics (وب، فل) before the word
                while k > 0 and s - k < 2 and view[k - 1] in t.proclitics:
                    k -= 1
                if k == s or (k > 0 and view[k - 1].isalnum()):
                    continue
        elif kind == "year":  # the first two digits of a four-digit number
            if (s > 0 and view[s - 1].isdigit()) or not view[s : s + 4].isdigit():
                continue
            if s + 4 < n and view[s + 4].isdigit():
                continue
        hits.append(s)
    if not hits:
        return []
    hits.sort()
    out: list[tuple[int, int]] = []
    for s in hits:
        lo, hi = max(0, s - _BEFORE), min(n, s + _AFTER)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    # the pattern cannot look past the end of its window: end each window after the
    # word it cuts and the word after that, so that boundaries and guards see them
    return [(lo, _TAIL.match(view, hi).end()) for lo, hi in out]


def find_dates(
    text: str,
    segments: Sequence[tuple[int, int]] | None = None,
    published: DateValue | None = None,
) -> list[DateValue]:
    """Every date expression in ``text`` (within ``segments`` when given), sorted by start.

    Offsets are into ``text`` (``text[d.start:d.end] == d.original``); values never
    overlap (the longest wins).  Relative expressions need ``published`` (day
    precision for days and weekdays) and come back with ``inferred=True``.

    >>> [d.value for d in find_dates("بتاريخ  15 أيلول 2014 وفي مطلع 2017")]
    ['2014-09-15', '2017']
    >>> find_dates("يوم الجمعة الأخيرة", published=parse_date("2017-11-04"))[0].value
    '2017-11-03'
    """
    t = _tables()
    view, omap = _view(text)
    finder = _Finder(text, view, omap, published)
    windows = _windows(view, t)
    spans = [(0, len(text))] if segments is None else segments
    found: list[DateValue] = []
    for a, b in spans:
        a, b = max(0, a), min(len(text), b)
        if a >= b:
            continue
        if omap is not None:
            a, b = omap.forth(a), omap.forth(b)
        for lo, hi in windows:
            lo, hi = max(lo, a), min(hi, b)
            if lo >= hi:
                continue
            for m in t.pattern.finditer(view, lo, hi):
                got = finder.convert(m)
                if got:
                    found.extend(got)
                    finder.last_end = m.end()
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateValue] = []
    for d in found:
        if kept and d.start < kept[-1].end:
            if d.end - d.start > kept[-1].end - kept[-1].start:
                kept[-1] = d
            continue
        kept.append(d)
    return kept


_ISO_PARTIAL = re.compile(f"^\\s*(?P<y>{_DIG}{{4}})(?:\\s*[-/.]\\s*(?P<m>{_DIG}{{1,2}}))?\\s*$")


def parse_date(s: str) -> DateValue | None:
    """Parse a metadata date string; ``None`` when it holds no date.

    Accepts what :func:`find_dates` finds (``2018-07-21``, ``06 - 10 - 2017`` as
    day-month-year, ``١٤٤٦/٠٩/٠١ هـ``, ``15 أيلول 2014``, ``2018-07-21T10:00``) plus a
    bare ``2018`` or ``2018-07``.  The first explicit date wins; start/end are -1.

    >>> parse_date("06 - 10 - 2017").value
    '2017-10-06'
    >>> parse_date("١٤٤٦/٠٩/٠١ هـ").hijri
    '1446-09-01'
    """
    if not s or not s.strip():
        return None
    original = s.strip()
    m = _ISO_PARTIAL.match(s)
    if m:
        y = int(m.group("y"))
        mo = int(m.group("m")) if m.group("m") else None
        v = _value(y, mo, None, "gregorian", original, -1, -1)
        return v
    for d in find_dates(s):
        if not d.inferred:
            return DateValue(
                d.value, d.precision, original, -1, -1, d.calendar, d.hijri, d.qualifier, False
            )
    return None
