"""Write ``extract/data/frequent_words.tsv``: the 20,000 most frequent folded words of SaudiNewsNet.

The pattern layer uses it to tell common words (دعم، بلاده، تزامن) from names, which are mostly
rare (بيترايوس، فوتل).  Usage, from the repository root (reads ../shared, ~1 minute):

    .venv/bin/python bench/make_frequent_words.py
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

from rasd.extract.text import fold, tokenize

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
OUT = ROOT / "extract" / "data" / "frequent_words.tsv"
TOP = 20_000


def main() -> None:
    counts: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                for article in json.loads(zf.read(name)):
                    text = article.get("content") or ""
                    counts.update(fold(t.text) for t in tokenize(text) if t.word)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("word\tcount\n")
        for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]:
            f.write(f"{word}\t{n}\n")
    print(f"wrote {OUT} ({TOP} of {len(counts)} distinct words)")


if __name__ == "__main__":
    main()
