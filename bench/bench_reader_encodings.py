"""Benchmark reading the same articles in each supported encoding (extract/reader.py).

Usage (from the repository root):

    .venv/bin/python bench/bench_reader_encodings.py \\
        --zip ../shared/corpora/saudinewsnet/2015-07-21.zip --limit 1000 --repeat 3

Writes the first ``--limit`` records of the zip, in a temporary folder, as one ``.txt`` file per
article and as one ``.jsonl`` file, in UTF-8, UTF-16, Windows-1256 and ISO-8859-6 (characters
a code page lacks become ``?``), reads them back with ``read_inputs`` and prints the median CPU
time (time.process_time) over ``--repeat`` runs, and how many articles came back with the
encoding they were written in.  Write the numbers into ``bench/reader_results.md``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

from rasd.extract.reader import read_inputs
from rasd.extract.records import Article

ENCODINGS = {
    "utf-8": "utf-8",
    "utf-16-le": "utf-16",  # Python writes the BOM (little-endian here)
    "windows-1256": "cp1256",
    "iso-8859-6": "iso8859_6",
}


def records(zip_path: Path, limit: int) -> list[dict]:
    with zipfile.ZipFile(zip_path) as z:
        name = sorted(n for n in z.namelist() if n.endswith(".json"))[0]
        recs = json.loads(z.read(name))
    return [r for r in recs if isinstance(r.get("content"), str) and r["content"].strip()][:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--zip", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    recs = records(args.zip, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        for name, codec in ENCODINGS.items():
            for kind in ("txt", "jsonl"):
                folder = Path(tmp) / f"{name}-{kind}"
                folder.mkdir()
                if kind == "txt":
                    for i, r in enumerate(recs):
                        text = f"{r.get('title') or ''}\n{r['content']}\n"
                        (folder / f"{i:05d}.txt").write_bytes(text.encode(codec, "replace"))
                else:
                    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n"
                    (folder / "all.jsonl").write_bytes(lines.encode(codec, "replace"))
                times, items = [], []
                for _ in range(args.repeat):
                    t = time.process_time()
                    items = list(read_inputs([folder]))
                    times.append(time.process_time() - t)
                arts = [a for a in items if isinstance(a, Article)]
                right = sum(a.encoding in (name, "utf-8-sig") for a in arts)
                print(
                    f"{name:13s} {kind:5s} {statistics.median(times):6.2f} s CPU  "
                    f"{len(arts)} articles, {right} read as {name}, "
                    f"{len(items) - len(arts)} errors"
                )


if __name__ == "__main__":
    main()
