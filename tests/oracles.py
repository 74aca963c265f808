"""Slow, obviously-right references that tests compare the runtime's fast code with."""

from __future__ import annotations

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

_TATWEEL = "\u0640"
_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",  # Arabic-Indic and Extended Arabic-Indic digits
    "01234567890123456789",
)


def normalize_slow(token: str) -> str:
    """The NER's token normalisation (:func:`rasd.extract.ner.features.normalize`) built from
    camel-tools' normalisers applied one after the other."""
    s = dediac_ar(token).replace(_TATWEEL, "")
    s = normalize_alef_ar(s)
    s = normalize_alef_maksura_ar(s)
    s = normalize_teh_marbuta_ar(s)
    return s.translate(_DIGITS)
