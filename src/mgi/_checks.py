"""Validators shared by the records, enum lookups by name, and the plain
repr of a record.

The validators are attrs field validators: each raises
:class:`mgi.InvalidValueError` naming the field, so a record can never hold
an impossible value and the converter can say where a document went wrong.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from typing import Any, Self, TypeVar

import attrs

from mgi.errors import InvalidValueError, NotFoundError, _shown
from mgi.text import fold

__all__ = [
    "ReadOnly",
    "between",
    "describe",
    "matching",
    "member",
    "nonblank",
    "of_type",
    "record_repr",
    "tuple_of",
]

E = TypeVar("E", bound=enum.Enum)
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def describe(value: object) -> str:
    """A value's type and a short repr, for messages: ``int 13``."""
    return f"{type(value).__name__} {_shown(value)}"


def of_type(*types: type) -> Validator:
    """The value is an instance of one of ``types`` (a bool is no int)."""
    names = " or ".join(t.__name__ for t in types)

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise InvalidValueError(f"expected {names}, got {describe(value)}", attribute.name)

    return check


def nonblank(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """The value is a string with something other than white space in it."""
    if not isinstance(value, str):
        raise InvalidValueError(f"expected str, got {describe(value)}", attribute.name)
    if not value or value.isspace():  # what strip() would empty, without a copy
        raise InvalidValueError("expected some text, got an empty string", attribute.name)


def matching(pattern: re.Pattern[str], what: str) -> Validator:
    """The value is a string that ``pattern`` matches whole."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise InvalidValueError(f"expected {what}, got {_shown(value)}", attribute.name)

    return check


def between(low: int, high: int, what: str) -> Validator:
    """The value is an int (not a bool) from ``low`` to ``high``."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise InvalidValueError(
                f"expected {what} from {low} to {high}, got {_shown(value)}", attribute.name
            )

    return check


def tuple_of(*types: type) -> Validator:
    """The value is a tuple whose items are all instances of ``types``."""
    names = " or ".join(t.__name__ for t in types)

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise InvalidValueError(f"expected a tuple, got {describe(value)}", attribute.name)
        for index, item in enumerate(value):
            if not isinstance(item, types):
                raise InvalidValueError(
                    f"item {index}: expected {names}, got {describe(item)}", attribute.name
                )

    return check


def member(kind: type[E], value: E | str, what: str, aliases: dict[str, E] | None = None) -> E:
    """The member of the enum ``kind`` that ``value`` is or names (case,
    accents, spaces and underscores aside), or one of its ``aliases``;
    :class:`mgi.NotFoundError` naming the accepted values if none.

    >>> from mgi.model import Level
    >>> member(Level, "National", "level"), member(Level, "city", "level", {"city": Level.LOCAL})
    (<Level.NATIONAL: 'national'>, <Level.LOCAL: 'local'>)
    >>> member(Level, "nacional", "level")
    Traceback (most recent call last):
    ...
    mgi.errors.NotFoundError: unknown level 'nacional' (did you mean 'national' or 'local'?)
    """
    if isinstance(value, kind):
        return value
    folded = fold(value).replace(" ", "_") if isinstance(value, str) else None
    for candidate in kind:
        if folded == candidate.value:
            return candidate
    if aliases and folded in aliases:
        return aliases[folded]
    raise NotFoundError(what, value, [candidate.value for candidate in kind])


def record_repr(record: Any) -> str:
    """``Name(field=value, ...)``, the repr attrs would write for ``record``.

    The taxonomy's records use this one function (``repr=False`` and
    ``__repr__ = record_repr``) because attrs generating a repr for each
    class is a fifth of what the first lookup of a domain costs.
    """
    shown = ", ".join(
        f"{field.name}={getattr(record, field.name)!r}" for field in attrs.fields(type(record))
    )
    return f"{type(record).__name__}({shown})"


class ReadOnly:
    """Objects whose attributes no caller can set or delete: the base of the
    collections, the country table and search results."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    # Nothing can change it, so a copy is the object itself.
    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: object) -> Self:
        return self
