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

import re
import reprlib
from collections.abc import Sequence
from typing import Any

import attrs

__all__ = [
    "DataError",
    "FileError",
    "InvalidValueError",
    "MGIError",
    "MGIWarning",
    "MissingDependencyError",
    "NotFoundError",
    "ParseError",
    "PositionError",
    "Problem",
    "ResponseError",
]


class MGIError(Exception):
    """Base class of every error raised by ``mgi``.

    >>> import mgi
    >>> try:
    ...     mgi.load_profile("missing.json")
    ... except mgi.MGIError as error:
    ...     print(error)
    missing.json: cannot read the file: No such file or directory
    """


class MGIWarning(UserWarning):
    """Something ``mgi`` stepped over and says so: a file skipped in a folder.

    >>> import warnings, mgi
    >>> issubclass(mgi.MGIWarning, UserWarning)
    True
    """


class NotFoundError(MGIError, KeyError):
    """A key matched nothing in a collection.

    It is a :class:`KeyError`, so ``except KeyError`` keeps working; unlike a
    bare ``KeyError`` its message is readable and names close matches.

    >>> import mgi
    >>> try:
    ...     mgi.profiles["huehuetenango"]
    ... except KeyError as error:
    ...     print(error.what, repr(error.key), error.suggestions)
    profile 'huehuetenango' ('huehuetenango-2024',)
    """

    def __init__(self, what: str, key: object, suggestions: Sequence[str] = ()) -> None:
        self.what = what
        """What was looked for, e.g. 'domain'."""
        self.key = key
        """The key that matched nothing."""
        self.suggestions = tuple(suggestions)
        """Close matches, best first (possibly none)."""
        super().__init__(key)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.what, self.key, self.suggestions))

    def __str__(self) -> str:
        message = f"unknown {self.what} {_shown(self.key, 60)}"
        if self.suggestions:
            message += f" (did you mean {_or_list(self.suggestions)}?)"
        return message


class PositionError(NotFoundError, IndexError):
    """A position outside a sequence collection (``mgi.profiles[5]`` of one
    profile): a :class:`NotFoundError` and an :class:`IndexError` alike.

    >>> import mgi
    >>> try:
    ...     mgi.profiles[5]
    ... except IndexError as error:
    ...     print(error)
    unknown profile position 5 (there is 1)
    """

    def __init__(self, what: str, key: object, size: int) -> None:
        super().__init__(what, key)
        self.size = size
        """How many items there are: positions run from ``-size`` to ``size - 1``."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.what, self.key, self.size))

    def __str__(self) -> str:
        there = "is 1" if self.size == 1 else f"are {self.size}"
        return f"{super().__str__()} (there {there})"


class FileError(MGIError):
    """A file or folder that cannot be read or written.

    >>> import mgi
    >>> try:
    ...     mgi.load_profile("missing.json")
    ... except mgi.FileError as error:
    ...     print(error.path, error.errno == 2, error.reason)
    missing.json True No such file or directory
    """

    def __init__(self, path: str, action: str, reason: str, errno: int | None = None) -> None:
        self.path = path
        """The file or folder, as given."""
        self.action = action
        """What could not be done: 'read the file', 'write the file', ..."""
        self.reason = reason
        """Why, as the operating system says it."""
        self.errno = errno
        """The operating system's error number, where there is one."""
        super().__init__(str(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.action, self.reason, self.errno))

    def __str__(self) -> str:
        return f"{self.path}: cannot {self.action}: {self.reason}"


class InvalidValueError(MGIError, ValueError):
    """A value that a model object cannot hold, such as a month of 13.

    ``field`` names the attribute when the check belongs to one.

    >>> import mgi
    >>> try:
    ...     mgi.YearMonth(2024, 13)
    ... except mgi.InvalidValueError as error:
    ...     print(error.field, "|", error.message)
    month | expected a month from 1 to 12, got 13
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        self.message = message
        """What is wrong with the value."""
        self.field = field
        """The attribute the value was meant for, or ``None``."""
        super().__init__(f"{field}: {message}" if field else message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, self.field))


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
        """The sub-categories concerned, as keys such as '1a'."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, self.subcategories))


class MissingDependencyError(MGIError, ImportError):
    """A feature needs an optional package that is not installed; the
    message names the extra that installs it.

    >>> import mgi
    >>> issubclass(mgi.MissingDependencyError, ImportError)
    True
    >>> print(mgi.MissingDependencyError("to_frame() needs pandas: pip install 'mgi[pandas]'"))
    to_frame() needs pandas: pip install 'mgi[pandas]'
    """


@attrs.frozen
class Problem:
    """One thing wrong with some input: where it is, and what is wrong.

    ``location`` is a JSON path (``$.findings[3].domain``), a line and column
    (``line 4, column 7``) or a line number, depending on the input.

    >>> import mgi
    >>> try:
    ...     mgi.loads_profile('{"id": "x"')
    ... except mgi.DataError as error:
    ...     problem = error.problems[0]
    >>> problem
    Problem(location='line 1, column 11', message="invalid JSON: Expecting ',' delimiter")
    >>> problem.line, problem.column, problem.path
    (1, 11, None)
    """

    location: str
    """Where the problem is (empty when it concerns the input as a whole)."""
    message: str
    """What is wrong."""

    @property
    def line(self) -> int | None:
        """The line number the location gives, or ``None``."""
        found = re.search(_LINE, self.location)
        return int(found[1]) if found else None

    @property
    def column(self) -> int | None:
        """The column the location gives, or ``None``."""
        found = re.search(_COLUMN, self.location)
        return int(found[1]) if found else None

    @property
    def path(self) -> str | None:
        """The JSON path the location gives (``$.findings[3].domain``), or ``None``."""
        found = re.search(_PATH, self.location)
        return found[0] if found else None

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


# Patterns of paths rarely taken stay strings: ``re`` compiles each on first
# use (and keeps it), so importing mgi never pays for them.
_LINE = r"\bline (\d+)"
_COLUMN = r"\bcolumn (\d+)"
_PATH = r"\$.*"


class DataError(MGIError, ValueError):
    """Input data that is not a valid ``mgi`` document.

    ``source`` names where the data came from (a file name, or ``None`` for a
    string or a dict); ``problems`` lists every problem found, each with its
    location (a JSON path such as ``$.findings[3].domain``, or a line and
    column for malformed JSON).

    >>> import mgi
    >>> try:
    ...     mgi.loads_profile("[]", source="mine.json")
    ... except mgi.DataError as error:
    ...     print(error.source, [str(problem) for problem in error.problems])
    mine.json ['$: expected an object, got array']
    """

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems = tuple(problems)
        """Every problem found, in the order found."""
        self.source = source
        """The file the data came from, or ``None`` for a string or a dict."""
        super().__init__(str(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems, self.source))

    def __str__(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        return "\n".join(prefix + str(problem) for problem in self.problems)


class ParseError(MGIError, ValueError):
    """Text that cannot be read as a profile page.

    It says what was expected, at which line, with the line's text; what is
    missing altogether (the title, the date, a domain) is reported at the
    last line.

    >>> import mgi
    >>> error = mgi.ParseError("expected a bulleted finding", 12, "Some words", "page.txt")
    >>> print(error)
    page.txt: line 12: expected a bulleted finding, got 'Some words'
    >>> error.line, isinstance(error, ValueError)
    (12, True)
    """

    def __init__(self, message: str, line: int, text: str = "", source: str | None = None) -> None:
        self.message = message
        """What is wrong, or what was expected."""
        self.line = line
        """The line number, from 1."""
        self.text = text
        """The line as it reads (spaces normalised), or ``""``."""
        self.source = source
        """The file the text came from, or ``None``."""
        super().__init__(str(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, self.line, self.text, self.source))

    @property
    def location(self) -> str:
        """Where the problem is: ``line 12``."""
        return f"line {self.line}"

    def __str__(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        shown = self.text if len(self.text) <= 70 else self.text[:67] + "..."
        got = f", got {shown!r}" if shown.strip() else ""
        return f"{prefix}{self.location}: {self.message}{got}"


class _ShortRepr(reprlib.Repr):
    """Reprs that stay short however large the value (a megabyte string, a
    list of a million items)."""

    def __init__(self) -> None:
        super().__init__()
        self.maxstring = self.maxother = self.maxlong = 200


_SHORT = _ShortRepr()


def _shown(value: object, limit: int = 40) -> str:
    """A value as a message shows it: its repr, cut to ``limit``; never raises.

    A key or a document value can be anything a caller passed: a megabyte
    string, an integer too long to print, an object whose repr fails.
    """
    try:
        shown = _SHORT.repr(value)
    except Exception:  # an integer with more digits than Python prints, or a bad repr
        if isinstance(value, int):
            return f"<an integer of about {int(value.bit_length() * 0.30103) + 1} digits>"
        return f"<{type(value).__name__}>"
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def _or_list(words: Sequence[str]) -> str:
    quoted = [repr(word) for word in words]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
