"""Print one article of the unseen3 corpus with character offsets, for annotators.

The text is the article as rasd reads it (:func:`extract.reader.parse_record`: the headline, a
blank line, then the content), read from ``../shared`` at run time: offsets printed here are
the offsets the extractor's spans use.  Each printed line starts with the offset of its first
character; long paragraphs are wrapped at word boundaries (the offsets stay exact).

    /work/main/.venv/bin/python bench/unseen3_show.py u07          # or: 7
    /work/main/.venv/bin/python bench/unseen3_show.py u07 --find "وقال اللواء"
    /work/main/.venv/bin/python bench/unseen3_show.py --list       # ids, split, source, url
    /work/main/.venv/bin/python bench/unseen3_show.py --corpus unseen4 u07   # the fourth corpus
"""

from __future__ import annotations

import argparse
import csv
import json
import zipfile
from pathlib import Path

from rasd.extract.reader import parse_record
from rasd.extract.records import Article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
WIDTH = 90


def articles(corpus: str = "unseen3") -> list[dict[str, str]]:
    """The rows of ``bench/<corpus>_articles.tsv``."""
    with (ROOT / "bench" / f"{corpus}_articles.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def article_id(arg: str) -> str:
    """``7``, ``u7`` or ``u07`` → ``u07``."""
    digits = arg.lower().removeprefix("u")
    if not digits.isdigit():
        raise SystemExit(f"{arg!r}: expected an article number such as u07 or 7")
    return f"u{int(digits):02d}"


def load(n: str, corpus: str = "unseen3") -> Article:
    """Article ``n`` (u01…) as rasd reads it, identified as ``zip#index``."""
    for row in articles(corpus):
        if row["n"] == n:
            with zipfile.ZipFile(CORPUS / f"{row['zip']}.zip") as zf:
                record = json.loads(zf.read(zf.namelist()[0]))[int(row["index"])]
            if (record.get("url") or "").strip() != row["url"]:
                raise SystemExit(f"{corpus}: {n}: the URL at {row['zip']}#{row['index']} differs")
            return parse_record(record, f"{row['zip']}#{row['index']}")
    raise SystemExit(f"{corpus}: no article {n}")


def numbered_lines(text: str, width: int = WIDTH) -> list[tuple[int, str]]:
    """(offset, line) pairs covering ``text``; lines are wrapped at spaces.

    >>> numbered_lines("ab cd\\nef", width=3)
    [(0, 'ab '), (3, 'cd'), (6, 'ef')]
    """
    out: list[tuple[int, str]] = []
    pos = 0
    for para in text.split("\n"):
        start = 0
        while len(para) - start > width:
            cut = para.rfind(" ", start, start + width)
            cut = start + width if cut <= start else cut + 1
            out.append((pos + start, para[start:cut]))
            start = cut
        out.append((pos + start, para[start:]))
        pos += len(para) + 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", help="article number: u07 or 7")
    ap.add_argument("--find", action="append", default=[], help="print the offsets of a string")
    ap.add_argument("--list", action="store_true", help="list the articles and exit")
    ap.add_argument("--corpus", default="unseen3", help="unseen3 (default) or unseen4")
    args = ap.parse_args()
    if args.list or not args.n:
        for row in articles(args.corpus):
            print(row["n"], row["split"], row["source"], row["url"], sep="\t")
        return
    n = article_id(args.n)
    art = load(n, args.corpus)
    row = next(r for r in articles(args.corpus) if r["n"] == n)
    print(f"# {n} ({row['split']}) {art.source} {art.url}  chars: {len(art.text)}")
    for needle in args.find:
        hits, i = [], art.text.find(needle)
        while i >= 0:
            hits.append(i)
            i = art.text.find(needle, i + 1)
        print(f"# {needle!r} at: {', '.join(map(str, hits)) or 'not found'}")
    if args.find:
        return
    for off, line in numbered_lines(art.text):
        print(f"{off:5d}| {line}")


if __name__ == "__main__":
    main()
