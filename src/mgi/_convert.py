"""The one converter between JSON-shaped data and ``mgi`` records: cattrs.

It is strict where cattrs is lenient by default: a string is never read as a
number or a list, a number never as a string, unknown keys are rejected, and
every problem is reported with its JSON path.  Imported only when data is
first loaded, so ``import mgi`` stays cheap.

The same hooks are built twice.  Valid data, nearly all data, goes through
the converter without detailed validation, which stops at the first problem
and is several times faster; only when it fails does the detailed converter
run, to find every problem and its path.  Short strings (codes, kinds,
names) are interned and dates shared, which keeps large collections small.
"""

from __future__ import annotations

import enum
import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.errors import ClassValidationError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import format_exception

from mgi.errors import DataError, InvalidValueError, MGIError, NotFoundError, Problem, _shown
from mgi.indicator import Category
from mgi.model import Finding, FindingKind, YearMonth, finding_kind
from mgi.taxonomy import DOMAIN_SLUGS, Level, MigofKind, NameUse, domain_number, level_of
from mgi.text import close_matches

__all__ = ["structure", "unstructure"]

T = TypeVar("T")


def _describe(value: object) -> str:
    if value is None:
        return "null"
    names = {
        bool: "boolean",
        int: "integer",
        float: "number",
        str: "string",
        list: "array",
        dict: "object",
    }
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    shown = _shown(value) if isinstance(value, (int, float, str)) else ""
    return f"{names.get(type(value), type(value).__name__)} {shown}".rstrip()


def _exactly(kind: type, label: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise InvalidValueError(f"expected {label}, got {_describe(value)}")
        return value

    return structure


# Strings this short are codes, kinds and names that repeat across profiles.
_INTERN_UP_TO = 40


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is not str:
        raise InvalidValueError(f"expected a string, got {_describe(value)}")
    return sys.intern(value) if len(value) <= _INTERN_UP_TO else value


def _structure_float(value: Any, _: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidValueError(f"expected a number, got {_describe(value)}")
    return float(value)


def _structure_optional_str(value: Any, _: Any) -> str | None:
    if value is not None and type(value) is not str:
        raise InvalidValueError(f"expected a string or null, got {_describe(value)}")
    return value  # type: ignore[no-any-return,unused-ignore]


# What the Python API also takes for a value a document gives in one form only.
_LENIENT: dict[type[enum.Enum], Callable[[Any], enum.Enum]] = {
    FindingKind: finding_kind,
    Level: level_of,
}


def _enum_hook(kind: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    members = {member.value: member for member in kind}
    values = list(members)
    lenient = _LENIENT.get(kind)

    def structure(value: Any, __: Any) -> Any:
        found = members.get(value) if type(value) is str else None
        if found is not None:  # a dict lookup: the Enum call costs twice as much
            return found
        raise InvalidValueError(
            f"expected one of {', '.join(map(repr, values))}, got {_describe(value)}"
            + _hint(value, values, lenient)
        )

    return structure


def _hint(value: Any, values: list[str], lenient: Callable[[Any], Any] | None) -> str:
    """' (did you mean ...?)': the canonical form of what the Python API would
    take ``value`` for, else the closest of ``values``."""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return ""
    meant = _meant(value, lenient)
    if meant is not None:
        return f" (did you mean {meant!r}?)"
    hint = close_matches(value, values, limit=1) if isinstance(value, str) else []
    return f" (did you mean {hint[0]!r}?)" if hint else ""


def _meant(value: Any, lenient: Callable[[Any], Any] | None) -> str | None:
    """The canonical form of what ``lenient`` takes ``value`` for, or None."""
    if lenient is None:
        return None
    try:
        return _canonical(lenient(value))
    except MGIError:
        return None


def _canonical(meant: Any) -> str:
    return DOMAIN_SLUGS[meant - 1] if isinstance(meant, int) else str(meant.value)


def _value_of(member: enum.Enum) -> Any:
    return member.value


def _int_enum_hook(kind: type[enum.IntEnum]) -> Callable[[Any, Any], Any]:
    values = [member.value for member in kind]

    def structure(value: Any, __: Any) -> Any:
        if type(value) is int and value in values:
            return kind(value)
        raise InvalidValueError(
            f"expected one of {', '.join(map(str, values))}, got {_describe(value)}"
        )

    return structure


def _tuple_hook(kind: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    items = homogenous_tuple_structure_factory(kind, converter)

    def structure(value: Any, type_: Any) -> Any:
        if not isinstance(value, list):
            raise InvalidValueError(f"expected an array, got {_describe(value)}")
        return items(value, type_)

    return structure


def _record_hook(kind: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    return _record_hook_with(converter, kind)


def _domain_or_closest(value: Any) -> int:
    """The domain ``value`` names in Python, or the closest the bundled names
    suggest (a domain is looked up by its names in every language)."""
    try:
        return domain_number(value)
    except NotFoundError as error:
        if not error.suggestions:
            raise
        return domain_number(error.suggestions[0])


_DOMAIN_NUMBERS = {slug: number for number, slug in enumerate(DOMAIN_SLUGS, 1)}
_SLUG_LIST = ", ".join(map(repr, DOMAIN_SLUGS))


def _structure_domain(value: Any, _: Any) -> int:
    # A document names a domain by its slug only, though Python also takes
    # its number, its SDG code and its names: the hint gives the slug meant.
    number = _DOMAIN_NUMBERS.get(value) if type(value) is str else None
    if number is not None:
        return number
    hint = _hint(value, list(DOMAIN_SLUGS), _domain_or_closest)
    raise InvalidValueError(f"expected one of {_SLUG_LIST}, got {_describe(value)}{hint}")


_months: dict[str, YearMonth] = {}


def _structure_year_month(value: Any, _: Any) -> YearMonth:
    found = _months.get(value) if type(value) is str else None
    if found is None:
        if not isinstance(value, str):
            raise InvalidValueError(
                f"expected a year and month like '2024-08', got {_describe(value)}"
            )
        found = YearMonth.parse(value)
        if len(_months) < 10_000:  # dates are few; bound the cache all the same
            _months[value] = found
    return found


def _build(detailed: bool) -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _exactly(int, "an integer"))
    converter.register_structure_hook(bool, _exactly(bool, "true or false"))
    converter.register_structure_hook(float, _structure_float)
    # Class hooks also match subclasses: each StrEnum needs its own, or the
    # str hook would let any string through.
    for kind in (Level, FindingKind, NameUse, MigofKind):
        converter.register_structure_hook(kind, _enum_hook(kind))
        # JSON-shaped data holds plain strings, not the enum members.
        converter.register_unstructure_hook(kind, _value_of)
    converter.register_structure_hook(Category, _int_enum_hook(Category))
    converter.register_structure_hook(str | None, _structure_optional_str)
    converter.register_structure_hook(YearMonth, _structure_year_month)
    converter.register_unstructure_hook(YearMonth, str)
    converter.register_structure_hook_factory(
        lambda t: is_sequence(t) and getattr(t, "__origin__", None) is tuple, _tuple_hook
    )
    converter.register_structure_hook_factory(attrs.has, _record_hook)
    # A finding names its domain by slug in JSON and by number in Python.
    converter.register_structure_hook(
        Finding,
        _record_hook_with(converter, Finding, domain=override(struct_hook=_structure_domain)),
    )
    converter.register_unstructure_hook(
        Finding,
        make_dict_unstructure_fn(
            Finding,
            converter,
            domain=override(unstruct_hook=lambda number: DOMAIN_SLUGS[number - 1]),
        ),
    )
    return converter


def _record_hook_with(
    converter: cattrs.Converter, kind: type, **overrides: Any
) -> Callable[[Any, Any], Any]:
    detailed = converter.detailed_validation
    fields: Callable[[Any, Any], Any] = make_dict_structure_fn(
        kind, converter, _cattrs_forbid_extra_keys=detailed, **overrides
    )
    if not detailed:
        return _known_keys_only(kind, fields)

    def structure(value: Any, type_: Any) -> Any:
        if not isinstance(value, dict):
            raise InvalidValueError(f"expected an object, got {_describe(value)}")
        return fields(value, type_)

    return structure


def _known_keys_only(kind: type, fields: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """``fields``, refusing an object with a key that names no field.

    cattrs builds a set of each object's keys to look for unknown ones, which
    costs a finding as much as its constructor.  An object with as many keys
    as the record has required fields, each read by ``fields``, has no room
    for an unknown key: only other objects are compared key by key.  Anything
    but an object fails here or in ``fields``, and the detailed converter
    then says what it is.
    """
    known = [field for field in attrs.fields(kind) if field.init]
    names = frozenset(field.name for field in known)
    required = sum(field.default is attrs.NOTHING for field in known)

    def structure(value: Any, type_: Any) -> Any:
        if len(value) != required and not value.keys() <= names:
            raise InvalidValueError("unknown keys")
        return fields(value, type_)

    return structure


_fast = _build(detailed=False)


@functools.cache
def _detailed() -> cattrs.Converter:
    """The converter that finds every problem: built when data first fails."""
    return _build(detailed=True)


def structure(data: Any, kind: type[T], source: str | None = None) -> T:
    """Turn JSON-shaped ``data`` into a ``kind`` record, or raise DataError
    naming ``source`` and every problem with its JSON path."""
    try:
        return _fast.structure(data, kind)
    except Exception:  # the detailed converter says what and where
        pass
    try:
        return _detailed().structure(data, kind)
    except Exception as error:  # every failure becomes located problems
        raise DataError(_problems(error, "$"), source) from error


def unstructure(record: object) -> Any:
    """Turn a record into JSON-shaped data (dicts, lists, strings, numbers)."""
    return _fast.unstructure(record)


def _problems(error: BaseException, path: str) -> list[Problem]:
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        found: list[Problem] = []
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            step = f".{note.name}" if hasattr(note, "name") else f"[{note.index!r}]"
            found.extend(_problems(inner, path + step))
        for inner in without:
            found.extend(_problems(inner, path))
        return found
    if isinstance(error, InvalidValueError):
        where = f"{path}.{error.field}" if error.field else path
        return [Problem(where, error.message)]
    return [Problem(path, format_exception(error, None))]
