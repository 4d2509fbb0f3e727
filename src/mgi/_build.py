"""Records built straight from JSON-shaped data: the fast path of loading.

The cattrs converter (:mod:`mgi._convert`) checks strictly and locates every
problem, but it costs much to import and to run. Valid data, nearly all data,
is built here instead, with the same strictness and without cattrs: a string
must be a ``str``, an integer an ``int`` (not a bool), a list a ``list``, an
object must have exactly the record's keys, and the records' own validators
run as usual. When anything does not fit, :func:`structure` hands the data to
the converter, whose error says what is wrong and where.

Builders are made once per record class from its attrs fields, so a field
added to a record is handled without change here; a field of a type this
module does not know simply sends every document down the slow path, which
the tests would notice.

Short strings (codes, kinds, names) are interned and publication dates
shared, which keeps large collections small.
"""

from __future__ import annotations

import _thread
import enum
import json
import sys
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from mgi.model import DOMAIN_SLUGS, Finding, FindingKind, YearMonth

__all__ = ["build", "parse", "structure"]

T = TypeVar("T")
Builder = Callable[[Any], Any]

# Strings this short are codes, kinds and names that repeat across profiles.
_INTERN_UP_TO = 40


class _Mismatch(Exception):
    """The data does not fit the fast path; the converter will say why."""


def parse(text: str | bytes) -> Any:
    """Parse JSON text for ``build(..., parsed=True)``: each object becomes
    the tuple of its (key, value) pairs.

    Keeping the pairs lets the builders see a key given twice at almost no
    cost, where a Python ``object_pairs_hook`` that checked them would double
    the time of parsing. Bytes must be UTF-8 (a byte-order mark is allowed);
    NaN and Infinity are refused. Whatever else is wrong raises; the caller
    then parses again with :func:`mgi.documents.parse_json` to say what and
    where.
    """
    from mgi.documents import decode_text

    return json.loads(decode_text(text), object_pairs_hook=tuple, parse_constant=_refuse)


def _refuse(name: str) -> Any:
    raise _Mismatch


def structure(data: Any, kind: type[T], source: str | None = None) -> T:
    """Build a ``kind`` record from ``data``, or raise :class:`mgi.DataError`.

    ``source`` names the data in the error message.
    """
    try:
        return build(data, kind)
    except Exception:  # any misfit: let the converter locate the problems
        pass
    from mgi._convert import structure as checked

    return checked(data, kind, source)


def build(data: Any, kind: type[T], *, parsed: bool = False) -> T:
    """Build a ``kind`` record from ``data``; raise on anything that does not fit.

    ``data`` is JSON-shaped (dicts, lists, strings, numbers) or, with
    ``parsed``, what :func:`parse` gives (objects as tuples of pairs; any
    other tuple is refused either way).
    """
    built: T = _builder(kind, parsed)(data)
    return built


_builders: dict[tuple[Any, bool], Builder] = {}
_lock = _thread.RLock()  # building a record builds its fields


def _builder(kind: Any, parsed: bool) -> Builder:
    found = _builders.get((kind, parsed))
    if found is None:
        with _lock:
            found = _builders.get((kind, parsed))
            if found is None:
                found = _builders[kind, parsed] = _make(kind, parsed)
    return found


def _make(kind: Any, parsed: bool) -> Builder:
    if kind is str:
        return _str
    if kind is int:
        return _int
    if kind is bool:
        return _bool
    if kind is float:
        return _float
    if kind == str | None:
        return _optional_str
    if kind is YearMonth:
        return _year_month
    if kind is Finding:
        return _finding_from_pairs if parsed else _finding_from_dict
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _enum(kind)
    if typing.get_origin(kind) is tuple:
        item, *rest = typing.get_args(kind)
        if rest == [Ellipsis]:
            return _tuple(_builder(item, parsed))
    if isinstance(kind, type) and attrs.has(kind):
        return _record(kind, parsed)
    return _unsupported


def _unsupported(value: Any) -> Any:
    raise _Mismatch


def _str(value: Any) -> str:
    if type(value) is not str:
        raise _Mismatch
    return sys.intern(value) if len(value) <= _INTERN_UP_TO else value


def _optional_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if type(value) is not int:
        raise _Mismatch
    return value


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise _Mismatch
    return value


def _float(value: Any) -> float:
    if type(value) is bool or not isinstance(value, (int, float)):
        raise _Mismatch
    return float(value)


def _enum(kind: type[enum.Enum]) -> Builder:
    members = {member.value: member for member in kind}

    def build(value: Any) -> Any:
        if not isinstance(value, str):
            raise _Mismatch
        return members[value]

    return build


def _tuple(item: Builder) -> Builder:
    def build(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _Mismatch
        return tuple([item(element) for element in value])

    return build


_months: dict[str, YearMonth] = {}


def _year_month(value: Any) -> YearMonth:
    found = _months.get(value) if type(value) is str else None
    if found is None:
        if not isinstance(value, str):
            raise _Mismatch
        found = YearMonth.parse(value)
        if len(_months) < 50_000:  # dates are few; bound the cache all the same
            _months[value] = found
    return found


_DOMAIN_NUMBERS = {slug: number for number, slug in enumerate(DOMAIN_SLUGS, 1)}
_KINDS = {member.value: member for member in FindingKind}


def _from_pairs(value: Any) -> dict[str, Any]:
    """The mapping of a parsed JSON object (a tuple of pairs)."""
    if type(value) is not tuple:
        raise _Mismatch
    mapping = dict(value)
    if len(mapping) < len(value):  # a key given twice
        raise _Mismatch
    return mapping


def _from_dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Mismatch
    return value


_new_finding = Finding.__new__
_set = object.__setattr__


def _finding_of(domain: Any, kind: Any, text: Any) -> Finding:
    # The hot path: a large collection holds hundreds of thousands of
    # findings. Every check of Finding's validators is made here, inline, so
    # the record is filled directly: this halves the cost of each finding.
    if type(text) is not str or not isinstance(kind, str) or not text or text.isspace():
        raise _Mismatch
    finding = _new_finding(Finding)
    _set(finding, "domain", _DOMAIN_NUMBERS[domain])
    _set(finding, "kind", _KINDS[kind])
    _set(finding, "text", text)
    return finding


def _finding_from_pairs(value: Any) -> Finding:
    if type(value) is tuple and len(value) == 3:
        (first, domain), (second, kind), (third, text) = value
        if first == "domain" and second == "kind" and third == "text":  # the usual order
            return _finding_of(domain, kind, text)
    return _finding_from_dict(_from_pairs(value))


def _finding_from_dict(value: Any) -> Finding:
    if not isinstance(value, dict) or len(value) != 3:
        raise _Mismatch
    return _finding_of(value["domain"], value["kind"], value["text"])


def _record(kind: type, parsed: bool) -> Builder:
    hints = typing.get_type_hints(kind)
    fields = [(field.name, _builder(hints[field.name], parsed)) for field in attrs.fields(kind)]
    mapping_of = _from_pairs if parsed else _from_dict
    allowed = frozenset(name for name, _ in fields)
    required = frozenset(
        field.name for field in attrs.fields(kind) if field.default is attrs.NOTHING
    )

    def build(value: Any) -> Any:
        mapping = mapping_of(value)
        keys = mapping.keys()
        if not required <= keys <= allowed:
            raise _Mismatch
        return kind(**{name: make(mapping[name]) for name, make in fields if name in mapping})

    return build
