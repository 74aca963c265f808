"""Draw the third unseen corpus (issue 11): 44 SaudiNewsNet articles, split into dev and test.

The rule, fixed before anything was annotated or scored:

1. Every article of every ``../shared/corpora/saudinewsnet/*.zip`` (zips in name order, records
   in array order) whose ``content`` has 1,000–4,000 characters, whose folded title + content
   (:func:`extract.text.fold`) is *about* ISIS or terrorism (a *core* term ``داعش``,
   ``تنظيم الدولة``, ``ارهاب`` in the title, or core terms twice in the content) and has at
   least one *context* term (a platform or the internet, Syria or
   Iraq, or Saudi security: :data:`ONLINE`, :data:`SYRIA_IRAQ`, :data:`SECURITY`), and at
   least one speech cue (:data:`CUE_RE`: قال، أكد، أوضح، أشار، ذكر، أعلن، كشف، صرح، أفاد،
   أضاف، بين، لفت، نوه، شدد، وفقا لـ، بحسب … as whole words, with و/ف and feminine forms).
2. Minus every article the project has already used: the 24 of
   ``bench/eval_entities_unseen.py`` (its ``--select`` draw, repeated here, and its
   ``ARTICLES``/``ARTICLES_2`` lists), the 12 of ``bench/eval_claims_unseen.py`` /
   ``bench/claims_gold_unseen.tsv``, the four articles quoted in issue 11 (aleqt.com
   2015/08/09 article_980168; aawsat 425521, 419711, 412001) and the five seeds
   (``../shared/seeds/*.txt``, compared by text: an article is dropped when a fifth of its
   8-word shingles occur in a seed).  Copies (same URL, or a fifth of the 8-word shingles
   of the content shared with an earlier eligible article: the same agency story in two
   papers) keep their first occurrence only; a used article is excluded by its URL and by
   its content (same shingle rule), wherever a copy of it lies.
3. Two strata: *online* (the text names a platform or the internet, :data:`ONLINE`) and
   *other*.  Each stratum is shuffled with ``random.Random(seed)`` (seed 11, the issue's number);
   the first 22 of each are taken and interleaved online, other, online, other … and numbered
   u01…u44 in that order.
4. Split: u01–u22 (the first half) are ``dev``, u23–u44 (the second half) are ``test``; each
   half thus holds 11 online and 11 other articles.  The split is made here, before any
   annotation or scoring; ``test`` is scored once, at the end.

The fourth corpus (``--corpus unseen4``, drawn 2026-12-01 before any of it was read) follows
the same rule with three changes fixed in advance: the 44 unseen3 articles are *used* too
(excluded by URL and by content), the seed is 12, and 20 articles are taken from each stratum
(u01–u20 dev, u21–u40 test), written to ``bench/unseen4_articles.tsv``.

The fifth corpus (``--corpus unseen5``, drawn 2026-12-01 at the start of the sixth session, before
any of it was read) excludes unseen3 and unseen4 as used, has seed 13 and 20 articles per stratum,
and is **test only** (u01–u40): the 80 articles of unseen3 and unseen4, whose test halves were
each scored once already, are the material to read errors from and to train on.

The sixth corpus (``--corpus unseen6``, drawn 2026-12-01 at the start of the seventh session,
before any of it was read) excludes unseen3, unseen4 and unseen5 as used, has seed 14 and 20
articles per stratum, and is **test only** (u01–u40): unseen5 was scored once at the end of the
sixth session, so it is spent; all earlier corpora are material to read errors from.

The seventh corpus (``--corpus unseen7``, drawn 2026-12-01 at the start of the eighth session,
before any of it was read) excludes unseen3–unseen6 as used, has seed 15 and 20 articles per
stratum, and is **test only** (u01–u40): unseen6 was scored once at the end of the seventh
session, so it is spent.

The eighth corpus (``--corpus unseen8``, drawn 2026-12-01 at the start of the ninth session,
before any of it was read) excludes unseen3–unseen7 as used, has seed 16 and 20 articles per
stratum, and is **test only** (u01–u40): unseen7 was scored once at the end of the eighth
session, so it is spent.

The ninth corpus (``--corpus unseen9``, drawn 2026-12-01 at the start of the tenth session,
before any of it was read) excludes unseen3–unseen8 as used, has seed 17 and 20 articles per
stratum, and is **test only** (u01–u40): unseen8 was scored once at the end of the ninth
session, so it is spent.

The tenth corpus (``--corpus unseen10``, drawn 2026-12-01 at the start of the eleventh
session, before any of it was read) excludes unseen3–unseen9 as used, has seed 18 and 20
articles per stratum, and is **test only** (u01–u40): unseen9 was scored once at the end of
the tenth session, so it is spent.

The eleventh corpus (``--corpus unseen11``, drawn 2026-12-01 at the start of the twelfth
session, before any of it was read) excludes unseen3–unseen10 as used, has seed 19 and 20
articles per stratum, and is **test only** (u01–u40): unseen10 was scored once at the end of
the eleventh session, so it is spent.  Eight draws of 20 left only 11 eligible *online*
articles, so from unseen11 on a stratum that runs short is taken whole and the other stratum
fills the draw to 40 (interleaved while both last, then the rest): unseen11 holds the 11
online articles and 29 others.  This was decided after seeing the two pool sizes only, before
any article of the draw was looked at.

The twelfth corpus (``--corpus unseen12``, drawn 2026-12-02 at the start of the thirteenth
session, before any of it was read) excludes unseen3–unseen11 as used, has seed 20 and is
**test only** (u01–u40): unseen11 was scored once at the end of the twelfth session, so it is
spent.  The online pool is empty (unseen11 took its last 11), so all 40 come from the other
stratum by the rule above.

The thirteenth corpus (``--corpus unseen13``, drawn 2026-12-02 at the start of the fourteenth
session, before any of it was read) excludes unseen3–unseen12 as used, has seed 21 and is
**test only** (u01–u40): unseen12 was scored once at the end of the thirteenth session, so it
is spent.  All 40 come from the other stratum (the online pool is empty).

The fourteenth corpus (``--corpus unseen14``, drawn 2026-12-02 at the start of the fifteenth
session, before any of it was read) excludes unseen3–unseen13 as used, has seed 22 and is
**test only** (u01–u40): unseen13 was scored once at the end of the fourteenth session, so it
is spent.  All 40 come from the other stratum (the online pool is empty).

The fifteenth corpus (``--corpus unseen15``, drawn 2026-12-02 at the start of the sixteenth
session, before any of it was read) excludes unseen3–unseen14 as used, has seed 23 and is
**test only** (u01–u40): unseen14 was scored once at the end of the fifteenth session, so it
is spent.  All 40 come from the other stratum (the online pool is empty).

The sixteenth corpus (``--corpus unseen16``, drawn 2026-12-02 at the start of the seventeenth
session, before any of it was read) excludes unseen3–unseen15 as used, has seed 24 and is
**test only** (u01–u40): unseen15 was scored once at the end of the sixteenth session, so it
is spent.  All 40 come from the other stratum (the online pool is empty).

The seventeenth corpus (``--corpus unseen17``, drawn 2026-12-02 at the start of the eighteenth
session, before any of it was read) excludes unseen3–unseen16 as used, has seed 25 and is
**test only** (u01–u40): unseen16 was scored once at the end of the seventeenth session, so it
is spent.  All 40 come from the other stratum (the online pool is empty).

The eighteenth corpus (``--corpus unseen18``, drawn 2026-12-02 at the start of the nineteenth
session, before any of it was read) excludes unseen3–unseen17 as used, has seed 26 and is
**test only** (u01–u40): unseen17 was scored once at the end of the eighteenth session, so it
is spent.  All 40 come from the other stratum (the online pool is empty).

The nineteenth corpus (``--corpus unseen19``, drawn 2026-12-03 at the start of the twenty-first
session, before any of it was read) excludes unseen3–unseen18 as used, has seed 27 and is
**test only** (u01–u40): unseen18 was scored once at the end of the twentieth session, so it
is spent.

The twentieth corpus (``--corpus unseen20``, drawn 2026-12-03 at the start of the twenty-second
session, before any of it was read) excludes unseen3–unseen19 as used, has seed 28 and is
**test only** (u01–u40): unseen19 was scored once at the end of the twenty-first session, so it
is spent.

The twenty-first corpus (``--corpus unseen21``, drawn 2026-12-03 at the start of the twenty-third
session, before any of it was read) excludes unseen3–unseen20 as used, has seed 29 and is
**test only** (u01–u40): unseen20 was scored once at the end of the twenty-second session, so it
is spent.

The twenty-second corpus (``--corpus unseen22``, drawn 2026-12-03 at the start of the
twenty-fourth session, before any of it was read) excludes unseen3–unseen21 as used, has seed 30
and is **test only** (u01–u40): unseen21 was scored once at the end of the twenty-third session,
so it is spent.

No article text is written: ``bench/unseen3_articles.tsv`` holds ``n split url source zip
index chars`` (``zip`` = the zip's stem, ``index`` = position in its JSON array, ``chars`` =
length of ``content``).  Print an article with ``bench/unseen3_show.py N``.

    /work/main/.venv/bin/python bench/unseen3_select.py           # print the draw
    /work/main/.venv/bin/python bench/unseen3_select.py --write   # write bench/unseen3_articles.tsv
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen4 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen5 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen6 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen7 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen8 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen9 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen10 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen11 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen12 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen13 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen14 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen15 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen16 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen17 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen18 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen19 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen20 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen21 --write
    /work/main/.venv/bin/python bench/unseen3_select.py --corpus unseen22 --write
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import re
import zipfile
from pathlib import Path

from rasd.extract.text import fold

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "saudinewsnet"
#: corpus name → (seed, articles per stratum, whether the whole draw is test), in the order
#: drawn: every draw counts the articles of the draws before it as used (:func:`earlier`)
DRAWS = {
    "unseen3": (11, 22, False),
    "unseen4": (12, 20, False),
    "unseen5": (13, 20, True),
    "unseen6": (14, 20, True),
    "unseen7": (15, 20, True),
    "unseen8": (16, 20, True),
    "unseen9": (17, 20, True),
    "unseen10": (18, 20, True),
    "unseen11": (19, 20, True),
    "unseen12": (20, 20, True),
    "unseen13": (21, 20, True),
    "unseen14": (22, 20, True),
    "unseen15": (23, 20, True),
    "unseen16": (24, 20, True),
    "unseen17": (25, 20, True),
    "unseen18": (26, 20, True),
    "unseen19": (27, 20, True),
    "unseen20": (28, 20, True),
    "unseen21": (29, 20, True),
    "unseen22": (30, 20, True),
}
MIN_CHARS, MAX_CHARS = 1000, 4000

CORE = tuple(fold(w) for w in ("داعش", "تنظيم الدولة", "إرهاب"))
ONLINE = tuple(
    fold(w)
    for w in (
        "تويتر",
        "فيسبوك",
        "فيس بوك",
        "يوتيوب",
        "تليجرام",
        "تلغرام",
        "إنستغرام",
        "انستقرام",
        "واتساب",
        "التواصل الاجتماعي",
        "الإنترنت",
        "الانترنت",
        "الشبكة العنكبوتية",
        "مواقع إلكترونية",
        "المواقع الإلكترونية",
        "الفضاء الإلكتروني",
        "هاشتاق",
    )
)
SYRIA_IRAQ = tuple(
    fold(w) for w in ("سوريا", "سورية", "السوري", "العراق", "العراقي", "الرقة", "الموصل", "حلب")
)
SECURITY = tuple(
    fold(w)
    for w in (
        "وزارة الداخلية",
        "المتحدث الأمني",
        "الأجهزة الأمنية",
        "الجهات الأمنية",
        "رجال الأمن",
        "أمن الدولة",
        "خلية",
        "تفجير",
    )
)
_CUES = (
    "قال|قالت|يقول|تقول|اكد|اكدت|يؤكد|تؤكد|اوضح|اوضحت|يوضح|اشار|اشارت|يشير|ذكر|ذكرت|"
    "يذكر|اعلن|اعلنت|يعلن|كشف|كشفت|يكشف|صرح|صرحت|افاد|افادت|يفيد|اضاف|اضافت|يضيف|"
    "بين|بينت|لفت|لفتت|نوه|نوهت|شدد|شددت|ابان|ابانت|قائلا|مضيفا|مشيرا|موضحا|مؤكدا"
)
#: a speech cue as a whole word of the folded text, with an optional و/ف
CUE_RE = re.compile(rf"(?<!\w)[وف]?(?:{_CUES})(?!\w)|(?<!\w)(?:وفقا ل|بحسب|حسب)")
ISSUE_ARTICLES = (
    "aleqt.com/2015/08/09/article_980168",
    "aawsat.com/home/article/425521/",
    "aawsat.com/home/article/419711/",
    "aawsat.com/home/article/412001/",
)

Key = tuple[str, int]  # (zip stem, index in its JSON array)


def _records(zip_path: Path) -> list[dict]:
    with zipfile.ZipFile(zip_path) as zf:
        return json.loads(zf.read(zf.namelist()[0]))


def _literal(script: Path, name: str) -> list[Key]:
    """A module-level list assigned in a bench script, read without importing it."""
    for node in ast.parse(script.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return [tuple(x) for x in ast.literal_eval(node.value)]
    raise SystemExit(f"{script}: no {name} list")


def _entities_draw(n: int = 24) -> list[Key]:
    """Repeat ``bench/eval_entities_unseen.py --select`` (seed 2026, first 24)."""
    keywords = ("تويتر", "التواصل الاجتماعي", "فيسبوك", "يوتيوب", "الإنترنت", "تليجرام")
    cands = []
    for z in sorted(CORPUS.glob("2015-08-*.zip")):
        for i, r in enumerate(_records(z)):
            t = r.get("content") or ""
            if "داعش" in t and any(k in t for k in keywords) and 1200 <= len(t) <= 4500:
                cands.append((z.stem, i))
    random.Random(2026).shuffle(cands)
    return cands[:n]


def earlier(corpus: str) -> tuple[str, ...]:
    """The corpora drawn before ``corpus``, whose articles its draw counts as used.

    >>> earlier("unseen5")
    ('unseen3', 'unseen4')
    """
    names = tuple(DRAWS)
    return names[: names.index(corpus)]


def used_keys(used: tuple[str, ...] = ()) -> set[Key]:
    """(zip, index) of every article already used by the project's benchmarks."""
    bench = ROOT / "bench"
    ent = bench / "eval_entities_unseen.py"
    keys = set(_entities_draw()) | set(_literal(ent, "ARTICLES")) | set(_literal(ent, "ARTICLES_2"))
    keys |= set(_literal(bench / "eval_claims_unseen.py", "ARTICLES"))
    gold = bench / "claims_gold_unseen.tsv"
    for line in gold.read_text(encoding="utf-8").splitlines()[1:]:
        day, _, idx = line.split("\t")[0].partition("#")
        keys.add((day, int(idx)))
    for name in used:
        rows = (bench / f"{name}_articles.tsv").read_text(encoding="utf-8").splitlines()[1:]
        for line in rows:
            cols = line.split("\t")
            keys.add((cols[4], int(cols[5])))
    return keys


def used_articles(used: tuple[str, ...] = ()) -> tuple[set[str], set[str]]:
    """URLs and 8-word shingles of the used articles (so that a copy elsewhere is excluded too)."""
    by_zip: dict[str, list[int]] = {}
    for day, idx in used_keys(used):
        by_zip.setdefault(day, []).append(idx)
    urls: set[str] = set()
    shingles: set[str] = set()
    for day, idxs in sorted(by_zip.items()):
        records = _records(CORPUS / f"{day}.zip")
        for i in idxs:
            urls.add((records[i].get("url") or "").strip())
            shingles |= _shingles(records[i].get("content") or "")
    return urls, shingles


def _about(title: str, content: str) -> bool:
    """A core term in the title, or core terms at least twice in the content."""
    t, c = fold(title), fold(content)
    return any(k in t for k in CORE) or sum(c.count(k) for k in CORE) >= 2


def _shingles(text: str, n: int = 8) -> set[str]:
    words = fold(text).split()
    return {" ".join(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


def _seed_shingles() -> set[str]:
    out: set[str] = set()
    for p in sorted((SHARED / "seeds").glob("*.txt")):
        out |= _shingles(p.read_text(encoding="utf-8"))
    return out


def _copied(sh: set[str], seen: set[str]) -> bool:
    """A fifth or more of an article's shingles occur in ``seen`` (a copy or a near-copy)."""
    return bool(sh) and len(sh & seen) >= 0.2 * len(sh)


def candidates(used: tuple[str, ...] = ()) -> tuple[list[dict], list[dict], dict[str, int]]:
    """The eligible articles of the two strata (online, other) and the exclusion counts."""
    used_urls, used_shingles = used_articles(used)
    seeds = _seed_shingles()
    online: list[dict] = []
    other: list[dict] = []
    seen_urls: set[str] = set()
    seen_shingles: set[str] = set()
    dropped = {"used": 0, "issue": 0, "seed": 0, "duplicate": 0}
    for z in sorted(CORPUS.glob("*.zip")):
        for i, r in enumerate(_records(z)):
            content = r.get("content") or ""
            if not MIN_CHARS <= len(content) <= MAX_CHARS:
                continue
            text = fold(f"{r.get('title') or ''}\n{content}")
            if not _about(r.get("title") or "", content):
                continue
            is_online = any(k in text for k in ONLINE)
            if not (is_online or any(k in text for k in SYRIA_IRAQ + SECURITY)):
                continue
            if not CUE_RE.search(fold(content)):
                continue
            url = (r.get("url") or "").strip()
            sh = _shingles(content)
            if url in used_urls or _copied(sh, used_shingles):
                dropped["used"] += 1
            elif any(a in url for a in ISSUE_ARTICLES):
                dropped["issue"] += 1
            elif url in seen_urls or _copied(sh, seen_shingles):
                dropped["duplicate"] += 1
            elif _copied(sh, seeds):
                dropped["seed"] += 1
            else:
                row = {
                    "url": url,
                    "source": r.get("source") or "",
                    "zip": z.stem,
                    "index": i,
                    "chars": len(content),
                    "online": is_online,
                }
                (online if is_online else other).append(row)
            seen_urls.add(url)  # a later copy of an excluded article is excluded too
            seen_shingles |= sh
    return online, other, dropped


def select(corpus: str = "unseen3") -> tuple[list[dict], dict[str, int]]:
    """The corpus's articles in order u01…, with their split."""
    seed, per_stratum, all_test = DRAWS[corpus]
    online, other, dropped = candidates(earlier(corpus))
    dropped["online pool"], dropped["other pool"] = len(online), len(other)
    rnd = random.Random(seed)
    rnd.shuffle(online)
    rnd.shuffle(other)
    total = 2 * per_stratum
    if len(online) + len(other) < total:
        raise SystemExit(f"too few candidates: online {len(online)}, other {len(other)}")
    # a stratum that runs short is taken whole and the other fills the draw (unseen11 onwards:
    # the earlier draws had both strata full, so they come out as before)
    n_online = min(len(online), max(per_stratum, total - len(other)))
    n_other = total - n_online
    picked = [a for pair in zip(online[:n_online], other[:n_other], strict=False) for a in pair]
    longer = online[:n_online] if n_online > n_other else other[:n_other]
    picked += longer[min(n_online, n_other) :]
    half = len(picked) // 2
    for n, a in enumerate(picked, start=1):
        a["n"] = f"u{n:02d}"
        a["split"] = "dev" if n <= half and not all_test else "test"
    return picked, dropped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=sorted(DRAWS), default="unseen3")
    ap.add_argument("--write", action="store_true", help="write bench/<corpus>_articles.tsv")
    args = ap.parse_args()
    out = ROOT / "bench" / f"{args.corpus}_articles.tsv"
    picked, dropped = select(args.corpus)
    cols = ("n", "split", "url", "source", "zip", "index", "chars")
    lines = ["\t".join(cols)] + ["\t".join(str(a[c]) for c in cols) for a in picked]
    print("\n".join(lines))
    print("# " + ", ".join(f"{k}: {v}" for k, v in dropped.items()))
    if args.write:
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"# wrote {out}")


if __name__ == "__main__":
    main()
