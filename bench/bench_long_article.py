"""Extraction CPU of one long article against its length: is any component quadratic?

A user's archive can hold a report or a book-length file as one article (the reader accepts
up to 5 MB a file, ``extract.reader.MAX_ARTICLE_BYTES``).  This joins the first ``N``
SaudiNewsNet articles of one zip (real news, read from ``../shared`` at run time, nothing
written but the results) into one article for each ``N`` of ``--sizes``, extracts it once in
this process (models loaded and warmed first) and prints its characters, CPU seconds, CPU
microseconds per character (a flat column is linear, a growing one is not) and the process's
peak resident memory so far (extraction runs in this one process; no other is started).

    PYTHONPATH=$PWD .venv/bin/python bench/bench_long_article.py --sizes 25 50 100 200
"""

from __future__ import annotations

import argparse
import json
import resource
import time
import zipfile
from pathlib import Path

from rasd.extract.pipeline import extract_article
from rasd.extract.reader import parse_record

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "saudinewsnet"


def texts(n: int) -> list[dict[str, str]]:
    """The first ``n`` records with content of the corpus's first zip (in name order)."""
    z = sorted(CORPUS.glob("*.zip"))[0]
    out: list[dict[str, str]] = []
    with zipfile.ZipFile(z) as f:
        for name in sorted(f.namelist()):
            if name.endswith(".json"):
                out += [r for r in json.loads(f.read(name)) if r.get("content")]
            if len(out) >= n:
                break
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200])
    args = ap.parse_args()
    records = texts(max(args.sizes))
    extract_article(parse_record(records[0], "warm"))  # load the models
    print("articles joined\tcharacters\tCPU s\tCPU µs per character\tpeak RSS MB")
    for n in args.sizes:
        content = "\n\n".join(r["content"] for r in records[:n])
        article = parse_record({"title": f"{n} articles", "content": content}, f"joined:{n}")
        t = time.process_time()
        extract_article(article)
        cpu = time.process_time() - t
        per_char = cpu / len(article.text) * 1e6
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        print(f"{n}\t{len(article.text)}\t{cpu:.2f}\t{per_char:.1f}\t{peak:.0f}", flush=True)


if __name__ == "__main__":
    main()
