"""The errors ``mgi`` raises, all rooted in :class:`MGIError`.

Callers can catch :class:`MGIError` for everything the library reports, or a
more precise subclass:

>>> import mgi
>>> try:
...     mgi.domains["parnterships"]
... except mgi.NotFoundError as error:
...     print(error)
unknown domain 'parnterships' (did you mean 'partnerships'?)
>>> issubclass(mgi.NotFoundError, KeyError)
True
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = [
    "DataError",
    "InvalidValueError",
    "MGIError",
    "NotFoundError",
    "Problem",
    "ResponseError",
]


class MGIError(Exception):
    """Base class of every error raised by ``mgi``."""


class NotFoundError(MGIError, KeyError):
    """A key matched nothing in a collection.

    It is a :class:`KeyError`, so ``except KeyError`` keeps working; unlike a
    bare ``KeyError`` its message is readable and names close matches.
    """

    def __init__(self, what: str, key: object, suggestions: Sequence[str] = ()) -> None:
        self.what = what
        self.key = key
        self.suggestions = tuple(suggestions)
        super().__init__(key)

    def __str__(self) -> str:
        message = f"unknown {self.what} {self.key!r}"
        if self.suggestions:
            message += f" (did you mean {_or_list(self.suggestions)}?)"
        return message


class InvalidValueError(MGIError, ValueError):
    """A value that a model object cannot hold, such as a month of 13.

    ``field`` names the attribute when the check belongs to one.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        self.message = message
        self.field = field
        super().__init__(f"{field}: {message}" if field else message)


class ResponseError(InvalidValueError):
    """SDG 10.7.2 responses that cannot be scored.

    ``subcategories`` names the sub-categories concerned: keys such as
    ``'1a'``, or an unknown key as it was given.

    >>> import mgi
    >>> try:
    ...     mgi.sdg.score({"2a": "maybe"}, partial=True)
    ... except mgi.ResponseError as error:
    ...     print(error.subcategories, error)
    ('2a',) sub-category 2a: expected 'yes' or 'no', got 'maybe'
    """

    def __init__(self, message: str, subcategories: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.subcategories = tuple(subcategories)


@attrs.frozen
class Problem:
    """One thing wrong with some input: where it is, and what is wrong.

    ``location`` is a JSON path (``$.findings[3].domain``), a line and column
    (``line 4, column 7``) or a line number, depending on the input.
    """

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class DataError(MGIError, ValueError):
    """Input data that is not a valid ``mgi`` document.

    ``source`` names where the data came from (a file name, or ``None`` for a
    string or a dict); ``problems`` lists every problem found, each with its
    location (a JSON path such as ``$.findings[3].domain``, or a line and
    column for malformed JSON).
    """

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        return "\n".join(prefix + str(problem) for problem in self.problems)


def _or_list(words: Sequence[str]) -> str:
    quoted = [repr(word) for word in words]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
