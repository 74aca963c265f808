"""The small exception hierarchy that the CLI turns into one-line errors.

Every error a user can cause derives from :class:`RasdError`; its message names the file (or
option) and the reason.  Anything else escaping the CLI is a bug.
"""

from __future__ import annotations


class RasdError(Exception):
    """Base class of all user-facing rasd errors."""


class InputError(RasdError):
    """An input file cannot be read or understood.

    >>> str(InputError("a.json", "not valid JSON (line 3)"))
    'a.json: not valid JSON (line 3)'
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class DataError(RasdError):
    """A packaged data file (lexicon, pattern table) is malformed."""


class GraphError(RasdError):
    """A graph file cannot be loaded, or a query is invalid."""


class UsageError(RasdError):
    """A command-line option or value is wrong."""
