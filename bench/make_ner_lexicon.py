"""Write the name lexicon the neural NER tagger reads as a feature (``ner_lexicon.tsv``).

Usage (from the repository root; needs the ``train`` extra for Babel)::

    .venv/bin/python bench/make_ner_lexicon.py

Sources, both curated rather than learned from the NER training data:

- the Arabic names of the Unicode CLDR (through Babel, Unicode licence): territories
  (countries and regions → LOC), time-zone exemplar cities (→ LOC) and currencies (→ MISC,
  as ANERcorp tags them; the full name and its head noun with and without ال);
- rasd's own entity lexicon ``extract/data/entities.tsv``: labels and aliases of countries,
  cities, regions and places (→ LOC), organisations (→ ORG) and persons (→ PERS).

Names are written as normalised tokens (:func:`extract.ner.features.normalize`), sorted, with
the header ``name<TAB>type<TAB>source``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from camel_tools.tokenizers.word import simple_word_tokenize  # noqa: E402

from rasd.extract.ner.features import normalize  # noqa: E402

OUT = ROOT / "extract" / "models" / "ner_lexicon.tsv"
ENTITY_TYPES = {
    "Country": "LOC",
    "City": "LOC",
    "AdministrativeArea": "LOC",
    "Place": "LOC",
    "Organization": "ORG",
    "Person": "PERS",
}


def _norm(name: str) -> str:
    return " ".join(normalize(t) for t in simple_word_tokenize(name))


def cldr_names() -> list[tuple[str, str, str]]:
    """(name, type, source) rows from CLDR's Arabic locale."""
    from babel import Locale

    loc = Locale("ar")
    rows = []
    for code, name in loc.territories.items():
        if not code.isdigit():  # skip continents and UN regions ("العالم", "أفريقيا")
            rows.append((name, "LOC", "cldr-territory"))
    for zone in loc._data["time_zones"].values():
        city = zone.get("city")
        if city:
            rows.append((city, "LOC", "cldr-city"))
    for name in loc.currencies.values():
        if "-" in name or "(" in name:  # historical variants ("أفغاني - 1927-2002")
            continue
        rows.append((name, "MISC", "cldr-currency"))
        head = name.split()[0]
        if len(head) >= 3:
            rows.append((head, "MISC", "cldr-currency"))
            rows.append(("ال" + head, "MISC", "cldr-currency"))
    return rows


def entity_names() -> list[tuple[str, str, str]]:
    """(name, type, source) rows from rasd's entity lexicon."""
    rows = []
    with open(ROOT / "extract" / "data" / "entities.tsv", encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            typ = ENTITY_TYPES.get(rec["class"])
            if typ is None:
                continue
            for name in [rec["label"], *filter(None, rec["aliases"].split("|"))]:
                rows.append((name, typ, "rasd-entities"))
    return rows


def main() -> int:
    """Write the lexicon; return an exit code."""
    seen: set[tuple[str, str]] = set()
    out = []
    for name, typ, src in cldr_names() + entity_names():
        key = (_norm(name), typ)
        if key[0] and key not in seen:
            seen.add(key)
            out.append((key[0], typ, src))
    out.sort()
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "type", "source"])
        w.writerows(out)
    print(f"wrote {len(out)} names to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
