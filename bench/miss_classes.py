"""Tabulate the statements rasd does not find, by cue and construction, over every spent corpus.

Issue 11 (statement recall, claims20): each round read the misses of one corpus and its rules did
not transfer.  This script runs rasd on every dev corpus (``eval_unseen3.DEV_CORPORA``; the
held-out ``eval_unseen3.HELD_OUT`` is never run) as ``bench/eval_transfer.py`` does, matches
claims to gold statements with ``eval_unseen3.match_claims`` (no matcher of its own), and counts
the statements no claim matches:

- by **cue**: the gold ``cue`` column folded (:func:`extract.text.fold`: diacritics, tatweel,
  hamza seats), its clitics off (و ف, then ب ل ك, then ال) and its verb or participle affixes
  off (a rough lemma: «وأكدت» «يؤكد» «مؤكدا» → «اكد»), with the counts per corpus;
- by **construction** (the first that applies, in this order): ``interview`` (cue ``-`` or a
  ● near the statement), ``headline`` (the statement starts in the title), ``according to``
  (بحسب، حسب، وفقا، نقلا عن، طبقا، في نظر …), ``cue after`` (the cue is found only after
  ``text_start``),
  ``relative`` (الذي/التي/الذين/من/ما right before the cue), ``participle`` (a continuation cue
  of ``speech_cues.tsv``, or a مـ form ending in ا/ة/ين/ون), ``noun cue`` (a cue word with ال, a
  plural in ات, or no verb of ``speech_cues.tsv``), ``verb + complementiser`` (the cue is a verb
  and أن/إن/: or a quotation mark follows it before the statement), ``verb + noun object``
  (a verb with neither), ``cue not located`` (the cue's words are not within 300 characters
  before the statement nor 400 after);
- and apart from the construction, whether another gold statement starts earlier in the
  cue's sentence (**after another**: a continuation «…، مشيرا إلى …» or a statement inside a
  statement), so each construction has two counts: alone / after another.

The extraction is slow (every corpus, ~10 minutes on a loaded machine): ``--cache FILE``
keeps the misses and the per-corpus counts of claims matching no statement as JSON and reads
them back when the file exists, so the tables can be redone without running rasd.
``--sample CLASS`` prints the misses of one construction (cue, corpus, article, 160 characters
before the statement) instead of the tables; ``--cue LEMMA`` the same for one cue lemma.

    nice -n 10 env PYTHONPATH=$PWD /work/main/.venv/bin/python bench/miss_classes.py \\
        --cache /tmp/miss.json > /tmp/miss_tables.md
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import eval_unseen3 as ev  # the scorer beside this script (bench/ is on the path)
from eval_transfer import _runs  # the same (corpus, split) runs as the transfer check

from rasd.extract.text import fold

BENCH = Path(__file__).resolve().parent
DATA = BENCH.parent / "extract" / "data"

_ACCORDING = ("بحسب", "حسب", "حسبما", "وفقا", "وفق", "نقلا", "طبقا", "في نظر", "على حد", "حسب ما")
_RELATIVES = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "من", "ما", "مما"}
_COMPLEMENT = re.compile(
    r"(?:^|\s)(?:[وف]?(?:ب|ل)?[اإأ]ن(?:ه|ها|هم|هما|ني|نا)?|[وف]?ب?انه?)(?=\s|$)|[:«\"“”]"
)
_SENTENCE_END = re.compile(r"[.!?؟\n]")


def _cue_table() -> dict[str, str]:
    """Folded cue form → its kind in ``speech_cues.tsv`` (verb, continuation, …)."""
    out: dict[str, str] = {}
    lines = (DATA / "speech_cues.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        parts = line.split("\t")
        if len(parts) >= 2 and not parts[0].startswith("#"):
            out.setdefault(fold(parts[0]), parts[1])
    return out


def strip_clitics(word: str) -> str:
    """A folded word without a leading و/ف, then ب/ل/ك, then ال (only when a stem of two
    letters or more is left)."""
    w = word
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    if len(w) > 4 and w[0] in "بلك" and w[1:3] == "ال":
        w = w[1:]
    elif len(w) > 3 and w.startswith("لل"):
        w = w[2:]
    if len(w) > 4 and w.startswith("ال"):
        w = w[2:]
    return w


def lemma(cue: str) -> str:
    """A rough lemma of a gold cue: its first word folded, clitics and affixes off.

    >>> [lemma(c) for c in ("وأكدت", "يؤكد", "مؤكداً", "وأكّدوا", "التحذيرات")]
    ['اكد', 'اكد', 'اكد', 'اكد', 'تحذير']
    """
    words = fold(cue).split()
    if not words:
        return "-"
    if words[0] in {"و", "ف"} and len(words) > 1:
        words = words[1:]
    w = strip_clitics(words[0])
    noun = w != words[0].lstrip("وف") or w.endswith("ات")
    for suffix in ("ات", "وا", "ون", "ين", "ان", "تا", "ت", "ا", "ة", "ه"):
        if len(w) - len(suffix) >= 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    if not noun and len(w) >= 4 and (w[0] in "يمن" or (w[0] == "ت" and len(w) == 4)):
        w = w[1:]  # the present's or the participle's prefix
    if w[0] in "ؤو" and len(w) == 3:  # يؤكد, مؤكدا → ؤكد: the past «أكد»
        w = "ا" + w[1:]
    return w


def _folded_with_offsets(text: str, lo: int, hi: int) -> tuple[str, list[int]]:
    chars, where = [], []
    for i in range(lo, hi):
        for ch in fold(text[i]):
            chars.append(ch)
            where.append(i)
    return "".join(chars), where


def locate_cue(text: str, ts: int, cue: str) -> tuple[int | None, bool]:
    """(start of the cue in ``text``, whether it was found before ``text_start``): the last
    occurrence of the cue's folded words within 300 characters before ``ts`` (up to 20 after
    it, for a cue inside the quote's first words), else the first within 400 after."""
    key = fold(cue).strip()
    if not key or key == "-":
        return None, False
    lo = max(0, ts - 300)
    window, where = _folded_with_offsets(text, lo, min(len(text), ts + 20))
    i = window.rfind(key)
    if i >= 0:
        return where[i], where[i] < ts
    window, where = _folded_with_offsets(text, ts, min(len(text), ts + 400))
    i = window.find(key)
    if i >= 0:
        return where[i], False
    return None, False


def after_statement(text: str, st: dict[str, str], starts: list[int]) -> bool:
    """Whether another gold statement starts earlier in the sentence of this one's cue (a
    continuation «…، مشيرا إلى», or a statement inside a statement)."""
    ts = int(st["text_start"])
    at, before = locate_cue(text, ts, st["cue"].strip())
    at = at if at is not None and before else ts
    sent = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    return any(sent <= s < at for s in starts if s != ts)


def construction(text: str, title_end: int, st: dict[str, str], kinds: dict[str, str]) -> str:
    """The coarse construction of one gold statement (see the module doc)."""
    ts = int(st["text_start"])
    cue = st["cue"].strip()
    near = text[max(0, ts - 200) : ts + 10]
    if cue in {"-", ""} or "●" in near:
        return "interview"
    if ts < title_end:
        return "headline"
    fcue = fold(cue)
    first = fcue.split()[0] if fcue.split() else ""
    if strip_clitics(first) in {fold(a).split()[0] for a in _ACCORDING} or fcue.startswith(
        ("في نظر", "على حد")
    ):
        return "according to"
    at, before = locate_cue(text, ts, cue)
    if at is None:
        return "cue not located"
    if not before:
        return "cue after"
    prev = fold(text[max(0, at - 30) : at]).split()
    if prev and strip_clitics(prev[-1]) in _RELATIVES | {"ذي", "تي", "ذين"}:
        return "relative"
    w = strip_clitics(first)
    kind = kinds.get(first) or kinds.get(w) or kinds.get(fold(first))
    if kind == "continuation" or (
        kind is None and w.startswith("م") and re.search(r"(ا|ة|ين|ون)$", w) and len(w) >= 5
    ):
        return "participle"
    if kind is None or first.startswith(("ال", "وال")) or w.endswith("ات"):
        return "noun cue"
    between = text[at + len(cue) : ts + 3]
    if _COMPLEMENT.search(fold(between)):
        return "verb + complementiser"
    return "verb + noun object"


def collect() -> dict:
    """Run rasd on every dev corpus: the misses and the per-corpus counts."""
    runs, _transfer = _runs(ev)
    kinds = _cue_table()
    misses: list[dict] = []
    counts: dict[str, dict[str, int]] = defaultdict(lambda: Counter())
    for corpus, split in runs:
        print(f"{corpus}/{split} …", file=sys.stderr)
        gold = ev.read_gold(BENCH, corpus)
        done = ev._annotated(gold)
        listed = ev.article_list(BENCH / f"{corpus}_articles.tsv")
        chosen = [r for r in listed if r["split"] == split and r["n"] in done]
        loaded = [(r["n"], ev.load_article(r)) for r in chosen]
        arts = [(n, a, ev.extract_article(a)) for n, a in loaded]
        out = ev.Output([ex for _n, _a, ex in arts])
        for art, article, ex in arts:
            text = article.text
            title_end = article.title_span[1] if article.title_span else 0
            claims = out.claims(ex)
            statements = gold.of("statements", art)
            matches = ev.match_claims(claims, statements)
            found = set(matches.values())
            c = counts[corpus]
            c["statements"] += len(statements)
            c["found"] += len(found)
            c["claims"] += len(claims)
            c["matching nothing"] += len(claims) - len(matches)
            starts = [int(s["text_start"]) for s in statements if s["text_start"].isdigit()]
            for si, st in enumerate(statements):
                if si in found or not st["text_start"].isdigit():
                    continue
                ts = int(st["text_start"])
                misses.append(
                    {
                        "corpus": corpus,
                        "article": art,
                        "sid": st["sid"],
                        "cue": st["cue"],
                        "speaker": st["speaker"],
                        "speaker_kind": st["speaker_kind"],
                        "lemma": lemma(st["cue"]),
                        "construction": construction(text, title_end, st, kinds),
                        "after": after_statement(text, st, starts),
                        "context": text[max(0, ts - 160) : ts].replace("\n", " ⏎ ")
                        + "⟦"
                        + text[ts : ts + 60].replace("\n", " ⏎ "),
                    }
                )
    return {"misses": misses, "counts": {k: dict(v) for k, v in counts.items()}}


def _order(corpora: list[str]) -> list[str]:
    return sorted(corpora, key=lambda c: int(c.removeprefix("unseen")))


def table(misses: list[dict], key: str, corpora: list[str], top: int) -> list[str]:
    """A markdown table of the misses by ``key``: total, corpora it occurs in, per corpus."""
    per: dict[str, Counter] = defaultdict(Counter)
    for m in misses:
        per[m[key]][m["corpus"]] += 1
    rows = sorted(per.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:top]
    short = [c.removeprefix("unseen") for c in corpora]
    head = f"| {key} | total | corpora | " + " | ".join(short) + " |"
    out = [head, "|---" * (3 + len(corpora)) + "|"]
    for name, cnt in rows:
        cells = " | ".join(str(cnt.get(c, "")) for c in corpora)
        out.append(f"| {name} | {sum(cnt.values())} | {len(cnt)} | {cells} |")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--cache", type=Path, help="JSON of the misses: read if it exists, else written"
    )
    ap.add_argument("--top", type=int, default=40, help="rows of the cue table")
    ap.add_argument("--sample", help="print the misses of this construction")
    ap.add_argument("--cue", help="print the misses of this cue lemma")
    ap.add_argument("--corpus", help="with --sample/--cue: only this corpus")
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        data = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        data = collect()
        if args.cache:
            args.cache.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    misses, counts = data["misses"], data["counts"]
    if args.sample or args.cue:
        for m in misses:
            if args.sample and m["construction"] != args.sample:
                continue
            if args.cue and m["lemma"] != args.cue:
                continue
            if args.corpus and m["corpus"] != args.corpus:
                continue
            print(
                f"{m['corpus']} {m['article']} {m['sid']} [{m['speaker_kind']}] {m['speaker']}"
                f" | cue={m['cue']} | {m['construction']}\n    {m['context']}"
            )
        return
    corpora = _order(list(counts))
    short = [c.removeprefix("unseen") for c in corpora]
    print("| corpus | " + " | ".join(short) + " | total |")
    print("|---" * (len(corpora) + 2) + "|")
    for what in ("statements", "found", "matching nothing"):
        vals = [counts[c].get(what, 0) for c in corpora]
        print(f"| {what} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    nf = Counter(m["corpus"] for m in misses)
    print("| not found | " + " | ".join(str(nf[c]) for c in corpora) + f" | {len(misses)} |")
    print()
    print("\n".join(table(misses, "construction", corpora, 99)))
    print()
    print("\n".join(table(misses, "speaker_kind", corpora, 99)))
    print()
    both = defaultdict(Counter)
    for m in misses:
        both[m["construction"]][m["after"]] += 1
    print("| construction | alone in its sentence | after another statement in it |")
    print("|---|---|---|")
    for con, cnt in sorted(both.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"| {con} | {cnt[False]} | {cnt[True]} |")
    print()
    print("\n".join(table(misses, "lemma", corpora, args.top)))
    print()
    by = defaultdict(Counter)
    for m in misses:
        by[m["lemma"]][m["construction"]] += 1
    print("| lemma | constructions |")
    print("|---|---|")
    for lem, cnt in sorted(by.items(), key=lambda kv: -sum(kv[1].values()))[: args.top]:
        print(f"| {lem} | " + ", ".join(f"{k} {v}" for k, v in cnt.most_common()) + " |")


if __name__ == "__main__":
    main()
