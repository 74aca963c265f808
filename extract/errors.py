"""The small exception hierarchy, at the bottom layer; the CLI turns it into one-line errors.

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

    def __reduce__(self) -> tuple:
        # rebuilt from its own arguments when it crosses a process boundary (build workers)
        return (type(self), (self.path, self.reason))


class DataError(RasdError):
    """A packaged data file (lexicon, pattern table) is malformed."""


class GraphError(RasdError):
    """A graph file cannot be loaded, or a query is invalid."""


class UsageError(RasdError):
    """A command-line option or value is wrong."""


class ProcessDied(RasdError):
    """A process a stage forked died without an answer (killed, most often by the kernel's
    out-of-memory killer); what the stage had finished is kept."""


class ExtractError(RasdError):
    """An extractor component raised on one article: the build reports it and goes on.

    It travels from a build worker to the builder as a result, so it pickles:

    >>> import pickle
    >>> e = ExtractError("a.zip:3", "http://x/1", "org-heads", IndexError("string index"))
    >>> str(pickle.loads(pickle.dumps(e)))
    'a.zip:3: component org-heads failed on http://x/1 (IndexError: string index)'
    """

    def __init__(self, source: str, record: str, component: str, exc: BaseException | str) -> None:
        self.source = source
        self.record = record
        self.component = component
        text = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
        self.exception = text.splitlines()[0] if text else ""
        super().__init__(f"{source}: component {component} failed on {record} ({self.exception})")

    def __reduce__(self) -> tuple:
        # Exception pickles as cls(*self.args), i.e. with the message alone: give the fields
        return (type(self), (self.source, self.record, self.component, self.exception))
