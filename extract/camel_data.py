"""Is camel-tools' downloadable data (morphology DB, BERT NER) installed?

camel-tools looks for ``$CAMELTOOLS_DATA/catalogue.json`` (default ``~/.camel_tools``) and, when
it is missing, tries to download it on import of ``camel_tools.ner`` and friends — which fails
offline with ``DownloaderError``.  rasd never needs that data; this module answers the question
without importing those modules, so nothing is downloaded and no directory is created.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def data_dir() -> Path:
    """Where camel-tools would look for its data."""
    env = os.environ.get("CAMELTOOLS_DATA")
    return Path(env).expanduser() if env else Path.home() / ".camel_tools"


def installed_packages() -> list[str]:
    """Names of the camel-tools data packages listed as installed (empty when none)."""
    catalogue = data_dir() / "catalogue.json"
    try:
        data = json.loads(catalogue.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    packages = data.get("packages") or {}
    return sorted(name for name in packages if (data_dir() / "data").is_dir())


def status_line() -> str:
    """One line for the build summary saying what is available.

    >>> status_line().startswith("camel-tools data")
    True
    """
    pkgs = installed_packages()
    if not pkgs:
        return (
            f"camel-tools data (morphology DB, BERT NER) not installed in {data_dir()}: "
            "using camel-tools' built-in normalisers and the shipped NER models"
        )
    return f"camel-tools data in {data_dir()}: {', '.join(pkgs)}"
