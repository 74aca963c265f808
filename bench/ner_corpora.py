"""Convert three more gold Arabic NER corpora into ANERcorp's scheme, and build name lists.

The corpora (``../shared/data/more-ner/``, see its README for licences) are read as they are
and converted to ANERcorp's scheme: one ``(token, tag)`` pair per token, whole words (clitics
attached), BIO tags over PERS / ORG / LOC / MISC.  Nothing is copied into the repository; the
converted files go to ``bench/out/more-ner/`` (ignored by git) and the name list built from them
to ``bench/ner_names.tsv`` (names only, with their types and counts).

Usage, from the repository root::

    .venv/bin/python bench/ner_corpora.py                 # convert, print counts, write names
    .venv/bin/python bench/ner_corpora.py --no-names      # convert only

Choices (each one a reading of the annotation guidelines, not a given):

- **WikiFANE clitics.** WikiFANE is clitic-segmented (``و``, ``ب``, ``ل``, ``ف``, ``ك``, ``س``
  stand before words, ``ه``, ``ها``, ``هم`` … after them) while ANERcorp keeps whole words and the
  tagger's features (affixes, clitic flags, clusters learned on SaudiNewsNet) expect whole words.
  So the clitics are re-attached (:func:`attach_clitics`): ``ل`` + ``الاتحاد`` → ``للاتحاد``, and an
  enclitic after a word ending in ة or ى turns them into ت and ي (``دولة ه`` → ``دولته``).
  WikiFANE also dropped hamza; that cannot be undone, but the tagger's :func:`normalize` folds
  alef forms anyway, so only hamza on waw/ya (مسؤول) stays different.  The name list is built from
  the text with only the enclitics re-attached, where a name's first token carries no
  conjunction or preposition (WikiFANE's segmenter also split some names: ``اب ها`` for ابها).
- **Fine classes.** Person types → PERS; nations, population centres, states, counties,
  continents, water bodies and natural regions (ACE's GPE and LOC) → LOC; government,
  commercial, media, sports, educational, non-governmental, religious, medical and entertainment
  organisations → ORG.  ``GPE-Cluster`` (الاتحاد الاوروبي is ORG in ANERcorp, الشرق الاوسط LOC)
  and the facilities (buildings, paths, airports: ANERcorp tags few and not alike), celestial
  bodies and the product classes (software, books, weapons, vehicles, food, drugs) become ``O``.
- **MISC / MIS.** ANERcorp's MISC is mostly currencies, prizes, religions, events and a few
  products; WikiFANE's product classes and AQMAR's MIS (theories, software, chemical elements,
  titles of works) are another notion, and adding them as MISC made the first experiment's MISC
  collapse (issue 14).  So they become ``O`` (and never enter the name lists).  Wojood's EVENT,
  CURR and PRODUCT are close to ANERcorp's MISC and are kept as MISC.
- **Groups.** WikiFANE's ``Group`` (peoples, sects, nationalities: العرب، المسلمين) and Wojood's
  NORP are ``O`` in ANERcorp.  AQMAR tags about 200 such groups PER; a one-token AQMAR PER span
  whose word (without proclitics) is a WikiFANE Group name, or is a nisba plural with the article
  (الصليبيين، العلويين, ending in ``يين``/``يون``), becomes ``O``.
- **Wojood nesting.** Wojood gives the outermost entity first and inner layers in further
  columns; a token's tag is taken from the outermost span whose class maps to one of ANERcorp's
  (so ``اللجنة القومية العربية`` inside an OCC span is still ORG).  GPE → LOC (ANERcorp tags
  countries that act as ORG, which Wojood does not mark), FAC, OCC, NORP, dates, numbers → O.
  Its ``$#$`` tokens (removed text) are dropped.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence, Set
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rasd.extract.ner.conll import get_chunks  # noqa: E402
from rasd.extract.ner.crf import build_gazetteer, repair_bio, write_gazetteer  # noqa: E402
from rasd.extract.ner.features import normalize  # noqa: E402
from rasd.extract.resources import FrequentWord, load_table  # noqa: E402

log = logging.getLogger(__name__)

MORE_NER = ROOT.parent / "shared" / "data" / "more-ner"
WIKIFANE = MORE_NER / "wikifane-gold" / "WikiFANE_Gold_2014_500K.txt.gz"
AQMAR = MORE_NER / "aqmar"
WOJOOD = MORE_NER / "wojood-sample"
OUT_DIR = ROOT / "bench" / "out" / "more-ner"
NAMES_FILE = ROOT / "bench" / "ner_names.tsv"
FREQUENT_WORDS = ROOT / "extract" / "data" / "frequent_words.tsv"

Sentence = list[tuple[str, str]]

#: WikiFANE fine class → ANERcorp class (classes not listed become O)
WIKIFANE_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        (
            "Politician",
            "Religious_PER",
            "Artist",
            "Other_PER",
            "Scientist",
            "Athlete",
            "Businessperson",
            "Engineer",
            "Lawyer",
            "Police",
        ),
        "PERS",
    ),
    **dict.fromkeys(
        (
            "Population-Center",
            "Nation",
            "State-or-Province",
            "County-or-District",
            "Continent",
            "Water-Body",
            "Land-Region-Natural",
        ),
        "LOC",
    ),
    **dict.fromkeys(
        (
            "Government",
            "Commercial",
            "Non-Governmental",
            "Educational",
            "Media",
            "Sports",
            "Religious_ORG",
            "Medical-Science",
            "Entertainment",
        ),
        "ORG",
    ),
}
AQMAR_CLASSES = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG"}  # MIS → O
WOJOOD_CLASSES = {
    "PERS": "PERS",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "EVENT": "MISC",
    "CURR": "MISC",
    "PRODUCT": "MISC",
}

#: WikiFANE's separated clitics
PROCLITIC_TOKENS = frozenset(("و", "ف", "ب", "ل", "ك", "س"))
ENCLITIC_TOKENS = frozenset(("ه", "ها", "هم", "هما", "هن", "نا", "كم", "كما", "كن", "ي"))
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a\u0671-\u06d3]+$")
_INVISIBLE = str.maketrans("", "", "\ufeff\u200e\u200f")
_NISBA_PLURAL = re.compile(r"^(?:[وفبلك]{0,2}ال|لل).{2,}(?:يين|يون)$")


class CorpusFormatError(ValueError):
    """A line of a corpus file that cannot be read (names the file and the line)."""


def _retype(tag: str, classes: dict[str, str]) -> str:
    if tag == "O" or len(tag) < 3 or tag[1] != "-":
        return "O"
    typ = classes.get(tag[2:])
    return f"{tag[0]}-{typ}" if typ else "O"


def _blocks(lines: Iterable[str], path: str | Path) -> Iterator[list[tuple[int, list[str]]]]:
    """Blank-line separated blocks of ``(line number, fields)``; invisible marks removed."""
    block: list[tuple[int, list[str]]] = []
    for lineno, raw in enumerate(lines, start=1):
        line = raw.lstrip("\ufeff").rstrip("\r\n")
        fields = line.split()
        if fields:
            fields[0] = fields[0].translate(_INVISIBLE)
            if not fields[0]:  # a token of direction marks only
                continue
        if not fields:
            if block:
                yield block
                block = []
            continue
        if len(fields) < 2:
            raise CorpusFormatError(f"{path}:{lineno}: expected 'token TAG…', got {line!r}")
        block.append((lineno, fields))
    if block:
        yield block


def _open_text(path: str | Path) -> Iterator[str]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as fh:
        yield from fh


# -- WikiFANE ---------------------------------------------------------------------------------
def read_wikifane(lines: Iterable[str], path: str | Path = "<wikifane>") -> list[Sentence]:
    """WikiFANE Gold sentences as they are (segmented, fine-grained tags, marks removed)."""
    return [[(f[0], f[1]) for _, f in block] for block in _blocks(lines, path)]


def _join_proclitics(pro: str, word: str) -> str:
    if pro.endswith("ل") and word.startswith("ال") and len(word) > 2:
        return pro + word[1:]  # ل + الاتحاد → للاتحاد
    return pro + word


def _join_enclitic(word: str, enc: str) -> str:
    if word.endswith("ة"):
        word = word[:-1] + "ت"
    elif word.endswith("ى"):
        word = word[:-1] + "ي"
    return word + enc


def attach_clitics(sent: Sequence[tuple[str, str]], proclitics: bool = True) -> Sentence:
    """Re-attach WikiFANE's separated clitics to their words, keeping the word's tag
    (enclitics only when ``proclitics`` is false).

    >>> attach_clitics([("و", "O"), ("ل", "O"), ("الاتحاد", "B-ORG"), ("ه", "O")])
    [('وللاتحاده', 'B-ORG')]
    >>> attach_clitics([("دولة", "O"), ("ه", "O"), ("و", "O"), (".", "O")])
    [('دولته', 'O'), ('و', 'O'), ('.', 'O')]
    """
    out: Sentence = []
    pending = ""
    pending_tag = "O"
    n = len(sent)
    for i, (tok, tag) in enumerate(sent):
        if (
            proclitics
            and tok in PROCLITIC_TOKENS
            and i + 1 < n
            and _ARABIC_WORD.match(sent[i + 1][0])
        ):
            if not pending:
                pending_tag = tag
            pending += tok
            continue
        if pending:
            if pending_tag.startswith("B-") and tag == "I-" + pending_tag[2:]:
                tag = pending_tag
            out.append((_join_proclitics(pending, tok), tag))
            pending = ""
            continue
        if tok in ENCLITIC_TOKENS and out and _ARABIC_WORD.match(out[-1][0]):
            out[-1] = (_join_enclitic(out[-1][0], tok), out[-1][1])
            continue
        out.append((tok, tag))
    if pending:  # a proclitic before a non-word at the end: keep it as it is
        out.append((pending, pending_tag))
    return out


def convert_wikifane(sentences: Iterable[Sentence], proclitics: bool = True) -> list[Sentence]:
    """WikiFANE sentences in ANERcorp's scheme, clitics re-attached (enclitics only when
    ``proclitics`` is false: the form the name list is built from, a name's first word then
    carries no conjunction or preposition)."""
    out = []
    for sent in sentences:
        s = attach_clitics(sent, proclitics)
        tags = repair_bio([_retype(t, WIKIFANE_CLASSES) for _, t in s])
        out.append([(w, t) for (w, _), t in zip(s, tags, strict=True)])
    return out


def wikifane_groups(sentences: Iterable[Sentence]) -> set[str]:
    """Normalised one-word names WikiFANE tags ``Group`` (peoples, sects, nationalities)."""
    groups: set[str] = set()
    for sent in sentences:
        for start, end, typ in get_chunks([t for _, t in sent]):
            if typ == "Group" and end - start == 1:
                groups.add(normalize(sent[start][0]))
    return groups


# -- AQMAR ------------------------------------------------------------------------------------
def read_aqmar(lines: Iterable[str], path: str | Path = "<aqmar>") -> list[Sentence]:
    """AQMAR sentences (``token TAG`` per line, PER/LOC/ORG/MIS)."""
    out = []
    for block in _blocks(lines, path):
        for lineno, f in block:
            if len(f) != 2:
                raise CorpusFormatError(f"{path}:{lineno}: expected 'token TAG', got {f!r}")
        out.append([(f[0], f[1]) for _, f in block])
    return out


def _strip_proclitics(norm: str) -> str:
    """``وللعلويين`` → ``العلويين`` (only before the article: bare و/ب may begin a name)."""
    m = re.match(r"^[وف]?(?:[بك]ال|لل|ال)", norm)
    if m:
        return "ال" + norm[m.end() :]
    return norm


def is_group_word(token: str, groups: Set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether a one-token PER span is a people or sect rather than a person.

    >>> is_group_word("الصليبيين")
    True
    >>> is_group_word("الحسين")
    False
    >>> is_group_word("والمسلمين", {"المسلمين"})
    True
    """
    norm = normalize(token)
    return bool(_NISBA_PLURAL.match(norm)) or _strip_proclitics(norm) in groups


def convert_aqmar(sentences: Iterable[Sentence], groups: Set[str] = frozenset()) -> list[Sentence]:
    """AQMAR sentences in ANERcorp's scheme: MIS → O, one-word PER groups → O."""
    out = []
    for sent in sentences:
        tags = [_retype(t, AQMAR_CLASSES) for _, t in sent]
        for start, end, typ in get_chunks(tags):
            if typ == "PERS" and end - start == 1 and is_group_word(sent[start][0], groups):
                tags[start] = "O"
        tags = repair_bio(tags)
        out.append([(w, t) for (w, _), t in zip(sent, tags, strict=True)])
    return out


# -- Wojood -----------------------------------------------------------------------------------
def read_wojood(lines: Iterable[str], path: str | Path = "<wojood>") -> list[list[list[str]]]:
    """Wojood sentences as rows ``[token, tag, inner tag, …]`` (outermost layer first)."""
    return [[f for _, f in block] for block in _blocks(lines, path)]


def convert_wojood(sentences: Iterable[list[list[str]]]) -> list[Sentence]:
    """Wojood sentences in ANERcorp's scheme: the outermost span of a mapped class wins."""
    out = []
    for rows in sentences:
        rows = [r for r in rows if r[0] != "$#$"]
        if not rows:
            continue
        depth = max(len(r) for r in rows) - 1
        tags = ["O"] * len(rows)
        for layer in range(1, depth + 1):
            col = [r[layer] if len(r) > layer else "O" for r in rows]
            # a nested tag stands in the first free column: a layer's column mixes depths, so
            # take its spans of mapped classes that do not overlap a span already kept
            for start, end, typ in get_chunks(col):
                mapped = WOJOOD_CLASSES.get(typ)
                if mapped and all(t == "O" for t in tags[start:end]):
                    tags[start] = "B-" + mapped
                    for j in range(start + 1, end):
                        tags[j] = "I-" + mapped
        out.append([(r[0], t) for r, t in zip(rows, repair_bio(tags), strict=True)])
    return out


# -- name lists -------------------------------------------------------------------------------
def load_frequent_words(path: str | Path = FREQUENT_WORDS) -> dict[str, int]:
    """``extract/data/frequent_words.tsv`` as ``normalised word → count`` in SaudiNewsNet."""
    out: dict[str, int] = {}
    for word, count in load_table(Path(path), FrequentWord):
        key = normalize(word)
        out[key] = out.get(key, 0) + count
    return out


def name_ratios(corpora: Iterable[list[Sentence]]) -> dict[str, float]:
    """Per normalised word, the share of its occurrences (all corpora pooled) that lie inside
    a PERS, ORG or LOC span, whatever the span's length (مصر in جمهورية مصر العربية counts)."""
    inside: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for sents in corpora:
        for sent in sents:
            norms = [normalize(w) for w, _ in sent]
            total.update(norms)
            for start, end, typ in get_chunks([t for _, t in sent]):
                if typ in ("PERS", "ORG", "LOC"):
                    inside.update(norms[start:end])
    return {w: inside[w] / n for w, n in total.items()}


def build_name_list(
    corpora: dict[str, list[Sentence]],
    frequent: dict[str, int],
    types: Sequence[str] = ("PERS", "ORG", "LOC"),
    min_ratio: float = 0.5,
    max_common: int = 2000,
) -> dict[tuple[str, ...], dict[str, int]]:
    """Typed names (``normalised tokens → {type: count}``) of the corpora's spans.

    A name is kept when it is tagged a name in at least ``min_ratio`` of its occurrences in its
    corpus (:func:`extract.ner.crf.build_gazetteer`) and, for one-word names that are among the
    ``max_common`` most frequent words of SaudiNewsNet, when the corpora pooled put it inside a
    name at least as often as not (:func:`name_ratios`): الهيئه, التنظيم, القطاع (tagged ORG
    where they stand for a name said before) go; مصر, العراق stay.  Names of tokens other than
    Arabic letters are left out; names that start with the article after a proclitic (وللعراق)
    are stored with the article only (العراق), a form the tagger tries too.
    """
    common = {w for w, _ in sorted(frequent.items(), key=lambda kv: -kv[1])[:max_common]}
    ratios = name_ratios(corpora.values())
    merged: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for sents in corpora.values():
        for key, counts in build_gazetteer(sents, min_ratio=min_ratio, max_len=6).items():
            key = (_strip_proclitics(key[0]), *key[1:])
            if not all(_ARABIC_WORD.match(w) for w in key):
                continue  # punctuation, Latin or digits: not the kind of name news text holds
            if len(key) == 1 and key[0] in common and ratios.get(key[0], 0.0) < min_ratio:
                continue
            for typ, c in counts.items():
                if typ in types:
                    merged[key][typ] += c
    return {k: dict(v) for k, v in merged.items() if v}


def load_all(
    wikifane: Path = WIKIFANE, aqmar: Path = AQMAR, wojood: Path = WOJOOD
) -> dict[str, list[Sentence]]:
    """The three corpora converted (all their splits): ``{"wikifane": …, "aqmar": …, …}``,
    plus ``"wikifane-names"`` (WikiFANE with its proclitics left apart, for the name list)."""
    wf_raw = read_wikifane(_open_text(wikifane), wikifane)
    groups = wikifane_groups(wf_raw)
    aq = []
    for split in ("train", "dev", "test"):
        p = aqmar / f"{split}.txt"
        aq += read_aqmar(_open_text(p), p)
    wj = []
    for split in ("train", "val", "test"):
        p = wojood / f"{split}.txt"
        wj += read_wojood(_open_text(p), p)
    return {
        "wikifane": convert_wikifane(wf_raw),
        "wikifane-names": convert_wikifane(wf_raw, proclitics=False),
        "aqmar": convert_aqmar(aq, groups),
        "wojood": convert_wojood(wj),
    }


def write_conll(path: Path, sentences: Iterable[Sentence]) -> None:
    """Write sentences as ``token TAG`` lines, a blank line after each sentence."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for sent in sentences:
            for w, t in sent:
                fh.write(f"{w} {t}\n")
            fh.write("\n")


def main(argv: list[str] | None = None) -> int:
    """Convert the corpora into ``bench/out/more-ner/`` and write the name list."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out-dir", default=str(OUT_DIR))
    ap.add_argument("--names", default=str(NAMES_FILE))
    ap.add_argument("--no-names", action="store_true")
    ap.add_argument("--types", default="PERS,ORG,LOC", help="name types listed")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        corpora = load_all()
    except (OSError, CorpusFormatError) as exc:
        log.error("%s", exc)
        return 1
    for name, sents in corpora.items():
        write_conll(Path(args.out_dir) / f"{name}.conll", sents)
        chunks = Counter(t for s in sents for _, _, t in get_chunks([g for _, g in s]))
        n_tok = sum(len(s) for s in sents)
        log.info("%s: %d sentences, %d tokens, %s", name, len(sents), n_tok, dict(chunks))
    if not args.no_names:
        names = build_name_list(
            {k: v for k, v in corpora.items() if k != "wikifane"},
            load_frequent_words(),
            types=tuple(args.types.split(",")),
        )
        write_gazetteer(args.names, names)
        by_type = Counter(t for v in names.values() for t in v)
        log.info("%s: %d names %s", args.names, len(names), dict(by_type))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
