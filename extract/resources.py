"""Packaged data tables (lexicons, patterns): TSV files with a header, read once per process."""

from __future__ import annotations

import functools
from pathlib import Path

from extract.errors import DataError

DATA_DIR = Path(__file__).resolve().parent / "data"


@functools.cache
def load_tsv(name: str, columns: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    """Rows of ``extract/data/<name>`` as dicts; the header must start with ``columns``.

    Lines starting with ``#`` and blank lines are skipped.  A malformed file raises
    :class:`~extract.errors.DataError` naming the file and line.

    >>> load_tsv("nisba.tsv", ("adjective", "country"))[0]["country"]
    'الولايات المتحدة'
    """
    path = DATA_DIR / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror})") from exc
    if not lines:
        raise DataError(f"{path}: empty file, expected a header {columns}")
    header = tuple(lines[0].split("\t"))
    if header[: len(columns)] != columns:
        raise DataError(f"{path}: header {header} does not start with {columns}")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < len(columns):
            cells += [""] * (len(columns) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)) | {"_line": str(n)})
    return tuple(rows)
